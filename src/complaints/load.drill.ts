import { expect, it } from "vitest";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { loadOverHttp } from "./load.fixture.ts";

/** 1,000 public submissions in one minute (17 a second, 59 s): none lost, p99 under 300 ms (BENCHMARKS.md, "Complaints"). */
describeEachDatabase("complaint submission load", (salur, kind) => {
  it("takes 1,000 submissions in a minute without losing one, p99 < 300 ms", async () => {
    const app = await buildServer(salur(), { trustProxy: 1 });
    try {
      const r = await loadOverHttp(app, salur(), { amount: 1000, perSecond: 17, connections: 17 });
      console.log(
        `[${kind}] complaints load: ${r.sent} sent, ${r.created} created, ${r.stored} stored, ${r.non2xx} non-2xx in ${r.seconds.toFixed(1)} s; p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`,
      );
      expect(r.stored).toBe(1000);
      expect(r.non2xx).toBe(0);
      expect(r.p99).toBeLessThan(300);
    } finally {
      await app.close();
    }
  });
});
