import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { pollWhile, type Waits } from "./responsiveness.fixture.ts";
import { importDeps } from "./service.ts";
import { cleanRecords, csvText, LIST_HEADERS, listRows, programPeriod } from "./testing.ts";

/**
 * Import responsiveness drill (`npm run drills -- src/imports/responsiveness.drill.ts`): a list of
 * SALUR_DRILL_ROWS rows (300,000 by default) is checked, then applied, while /api/health and a person search are
 * sent every 250 ms. Prints the waits of each phase (BENCHMARKS.md, "Import responsiveness"). The check must keep
 * p95 < 500 ms and the longest wait < 5 s, and so must the apply (staged, then published in short chunks), which
 * must end with every row in and the list applied.
 */
const ROWS = Number(process.env.SALUR_DRILL_ROWS ?? 300_000);

const line = (phase: string, kind: string, w: Waits) =>
  `${phase.padEnd(6)} ${kind.padEnd(7)} polls ${String(w.polls).padStart(5)}  p95 ${String(w.p95Ms).padStart(6)} ms  longest ${String(w.maxMs).padStart(7)} ms  failed ${w.failures}`;

describeEachDatabase("import responsiveness drill", (salur, kind) => {
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

  it(`checks then applies ${ROWS} rows while health and search are polled every 250 ms`, async () => {
    const d = importDeps(salur());
    const csv = csvText([LIST_HEADERS, ...listRows(cleanRecords(ROWS, 64))]);
    const persons = async () =>
      (await queryRows<{ n: number }>(salur().database.db, sql`select count(*)::int as n from persons`))[0]
        ?.n ?? 0;
    const before = await persons();
    const started = performance.now();
    const res = await app.inject({
      method: "POST",
      url: `/api/imports?fileName=drill.csv&periodId=${periodId}&mode=check`,
      payload: csv,
      headers: { ...manager.headers("POST"), "content-type": "text/csv" },
    });
    const { importId, job } = res.json() as { importId: string; job: { id: string } };
    const check = await pollWhile(app, manager, d.jobs.wait(job.id));
    const checkedIn = performance.now() - started;
    // Printed as soon as the check ends: a drill stopped during the apply still leaves the first figure.
    console.log(
      [
        `${kind}, ${ROWS} rows: check ${(checkedIn / 1000).toFixed(1)} s`,
        line("check", "health", check.health),
        line("check", "search", check.search),
      ].join("\n"),
    );
    expect(await persons()).toBe(before);

    const applyStarted = performance.now();
    const applied = await app.inject({
      method: "POST",
      url: `/api/imports/${importId}/apply`,
      headers: manager.headers("POST"),
    });
    const applyJob = (applied.json() as { job: { id: string } }).job.id;
    const apply = await pollWhile(app, manager, d.jobs.wait(applyJob));
    const appliedIn = performance.now() - applyStarted;
    const after = await persons();
    const state = ((await d.jobs.get(applyJob))?.result as { state?: string } | null)?.state;

    console.log(
      [
        `${kind}, ${ROWS} rows: apply ${(appliedIn / 1000).toFixed(1)} s (${state}), persons ${before} → ${after}`,
        line("apply", "health", apply.health),
        line("apply", "search", apply.search),
      ].join("\n"),
    );
    // All or nothing: every row, and the list reads applied.
    expect(state).toBe("applied");
    expect(after - before).toBe(ROWS);
    for (const w of [check.health, check.search, apply.health, apply.search]) {
      expect(w.failures).toBe(0);
      expect(w.p95Ms).toBeLessThan(500);
      expect(w.maxMs).toBeLessThan(5000);
    }
  });
});
