import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import type { JobView } from "../jobs/index.ts";
import { importDeps } from "./service.ts";
import { cleanRecords, csvText, LIST_HEADERS, listRows, programPeriod } from "./testing.ts";

/**
 * The short version of src/imports/responsiveness.drill.ts (300,000 rows, waits measured every 250 ms): here,
 * independent of how busy the machine is, requests sent while a list is being checked are answered while the
 * check is still loading, not after it; and while it is applied, between the chunks it is published in.
 */
const ROWS = 4_000;

describeEachDatabase("requests while a list is checked", (salur) => {
  let app: FastifyInstance;
  let manager: Session;
  let periodId: string;

  beforeAll(async () => {
    app = await buildServer(salur());
    const target = await programPeriod(salur());
    periodId = target.periodId;
    const account = await createTestUser(salur(), {
      role: "program_manager",
      areaCode: "64.01",
      agencyId: target.agencyId,
    });
    manager = await signIn(app, account.username);
  });
  afterAll(async () => {
    await importDeps(salur()).jobs.idle();
    await app.close();
  });

  it("M6: health and person search are answered while a list is still being checked, and the check writes nothing", async () => {
    // Small batches, and (as for the drill's 300,000 rows) no in-memory overlap screening.
    const d = importDeps(salur(), { batchRows: 200, screeningLimit: 0 });
    const csv = csvText([LIST_HEADERS, ...listRows(cleanRecords(ROWS, 606))]);
    const persons = async () =>
      (await queryRows<{ n: number }>(salur().database.db, sql`select count(*)::int as n from persons`))[0]
        ?.n;
    const before = await persons();
    const res = await app.inject({
      method: "POST",
      url: `/api/imports?fileName=besar.csv&periodId=${periodId}&mode=check`,
      payload: csv,
      headers: { ...manager.headers("POST"), "content-type": "text/csv" },
    });
    expect(res.statusCode).toBe(202);
    const { job } = res.json() as { job: { id: string } };
    const loadedRows = () => {
      const view = d.jobs.running().find((j) => j.id === job.id);
      return view?.stage === "load" ? Number((view.detail as { rows?: number } | null)?.rows ?? 0) : null;
    };
    // Once the first batches are in, ask; the answers must come while the load is still under way.
    const answered = await new Promise<{ sentAt: number; answeredAt: number | null }[]>((resolve, reject) => {
      let asked = false;
      const stop = d.jobs.subscribe(job.id, (view: JobView) => {
        const rows = Number((view.detail as { rows?: number } | null)?.rows ?? 0);
        if (asked || view.stage !== "load" || rows < 600) return;
        asked = true;
        stop();
        const ask = (url: string) =>
          app.inject({ method: "GET", url, headers: manager.headers() }).then((r) => {
            expect(r.statusCode).toBe(200);
            return { sentAt: rows, answeredAt: loadedRows() };
          });
        Promise.all([ask("/api/health"), ask("/api/persons?q=siti&pageSize=20")]).then(resolve, reject);
      });
    });
    await d.jobs.wait(job.id);
    for (const a of answered) {
      expect(a.answeredAt, "answered only after the load").not.toBeNull();
      expect(a.answeredAt as number).toBeLessThan(ROWS);
    }
    expect((await d.jobs.get(job.id))?.result).toMatchObject({ state: "checked" });
    expect(await persons()).toBe(before);

    // Applying it: answered while the list is being published chunk by chunk, and it ends applied in full.
    const { importId } = res.json() as { importId: string };
    const applied = await app.inject({
      method: "POST",
      url: `/api/imports/${importId}/apply`,
      headers: manager.headers("POST"),
    });
    expect(applied.statusCode, applied.body).toBe(202);
    const applyJob = (applied.json() as { job: { id: string } }).job.id;
    const published = () => {
      const view = d.jobs.running().find((j) => j.id === applyJob);
      return view?.stage === "publish" ? view.done : null;
    };
    const duringApply = await new Promise<(number | null)[]>((resolve, reject) => {
      let asked = false;
      const stop = d.jobs.subscribe(applyJob, (view: JobView) => {
        if (asked || view.stage !== "publish" || view.done < 2) return;
        asked = true;
        stop();
        const ask = (url: string) =>
          app.inject({ method: "GET", url, headers: manager.headers() }).then((r) => {
            expect(r.statusCode).toBe(200);
            return published();
          });
        Promise.all([ask("/api/health"), ask("/api/persons?q=siti&pageSize=20")]).then(resolve, reject);
      });
    });
    await d.jobs.wait(applyJob);
    for (const chunk of duringApply) expect(chunk, "answered only after the publish").not.toBeNull();
    expect((await d.jobs.get(applyJob))?.result).toMatchObject({ state: "applied" });
    expect(await persons()).toBe((before ?? 0) + ROWS);
  }, 180_000);
});
