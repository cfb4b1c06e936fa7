import { expect, it } from "vitest";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { loadOverHttp } from "./load.fixture.ts";

/** Short version of load.drill.ts: 100 submissions over HTTP in about two seconds, none lost. */
describeEachDatabase("complaint submission load (short)", (salur, kind) => {
  it("stores every one of 100 quick submissions from 100 addresses", async () => {
    const app = await buildServer(salur(), { trustProxy: 1 });
    try {
      const r = await loadOverHttp(app, salur(), { amount: 100, perSecond: 50, connections: 10 });
      console.log(`[${kind}] complaints load (short): ${r.stored}/100 stored; p99 ${r.p99} ms`);
      expect(r.non2xx).toBe(0);
      expect(r.stored).toBe(100);
    } finally {
      await app.close();
    }
  });
});
