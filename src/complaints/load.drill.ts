import { expect, it } from "vitest";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { type LoadResult, loadOverHttp, loadWithArrivals } from "./load.fixture.ts";

const line = (kind: string, shape: string, r: LoadResult) =>
  `[${kind}] complaints load, ${shape}: ${r.sent} sent, ${r.created} created, ${r.stored} stored, ${r.non2xx} non-2xx in ${r.seconds.toFixed(1)} s; p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`;

/**
 * 1,000 public submissions in one minute: none lost, p99 under 300 ms (BENCHMARKS.md, "Complaints"), with
 * citizens arriving independently (a Poisson process of 1,000 a minute). The same thousand sent as autocannon
 * sends them, a burst of 17 at the same instant every second, must lose none either; its p99 is printed.
 */
describeEachDatabase("complaint submission load", (salur, kind) => {
  it("takes 1,000 submissions in a minute without losing one, p99 < 300 ms", async () => {
    const app = await buildServer(salur(), { trustProxy: 1 });
    try {
      const r = await loadWithArrivals(app, salur(), { amount: 1000, perSecond: 1000 / 60, seed: 18 });
      console.log(line(kind, "independent arrivals", r));
      expect(r.stored).toBe(1000);
      expect(r.non2xx).toBe(0);
      expect(r.p99).toBeLessThan(300);
    } finally {
      await app.close();
    }
  });

  it("loses none of 1,000 sent in bursts of 17 a second", async () => {
    const app = await buildServer(salur(), { trustProxy: 1 });
    try {
      const r = await loadOverHttp(app, salur(), { amount: 1000, perSecond: 17, connections: 17 });
      console.log(line(kind, "bursts of 17 a second", r));
      expect(r.stored).toBe(1000);
      expect(r.non2xx).toBe(0);
    } finally {
      await app.close();
    }
  });
});
