/**
 * Selection-run benchmark: a period with `count` validated applicants (one adult per demo household, so the
 * eligibility rules pass for nearly all) and a quota that takes every eligible one, then one selection run —
 * ranking, the stored run, and every enrollment's validated → selected transition with its duty and audit
 * entry — timed on PGlite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server, on PostgreSQL
 * (in a scratch database dropped afterwards).
 * Run: npx tsx bench/selection-run.ts [count] [pglite|postgres|both] [--one-at-a-time]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { systemCaller } from "../src/access/actor.ts";
import * as accessStore from "../src/access/store.ts";
import { createTestUser } from "../src/access/testing.ts";
import { actorOf } from "../src/access/user-views.ts";
import type { Config } from "../src/config.ts";
import { type DatabaseKind, queryRows } from "../src/db/index.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import { seedDemo } from "../src/demo/seed.ts";
import { rankingOf } from "../src/ranking/context.ts";
import { runSelection } from "../src/ranking/selection-runs.ts";
import { createAgency, createPeriod, createProgram } from "../src/registry/service.ts";
import { openSalur } from "../src/runtime.ts";
import { applyTransition, applyTransitions } from "../src/workflow/service.ts";
import { loadApplication } from "../src/workflow/store.ts";

const COUNT = Number(process.argv[2] ?? 5_000);
const WHICH = process.argv[3] ?? "both";
/** `--one-at-a-time` also times the former per-enrollment loop on the same data (minutes at 5,000). */
const ONE_AT_A_TIME = process.argv.includes("--one-at-a-time");
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const TODAY = "2026-11-25";
const AMOUNT = 600_000;
/** The demo has about one household per 3.5 persons; every household gives at most one applicant. */
const PERSONS = Math.max(2_000, Math.ceil(COUNT * 3.8));

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function bench(kind: DatabaseKind) {
  const dataDir = mkdtempSync(join(tmpdir(), "salur-bench-"));
  const config: Config = {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl: undefined,
    regencyCode: "64.01",
    secret: "bench-secret-of-at-least-thirty-two-characters",
    keyFile: join(dataDir, "secret.key"),
  };
  if (kind === "postgres" && !SERVER_URL)
    throw new Error("set BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL");
  const database = await openTestDatabase(kind, SERVER_URL);
  const salur = await openSalur(config, { database, today: () => TODAY });
  try {
    let start = performance.now();
    await seedDemo(salur, { persons: PERSONS });
    const db = salur.database.db;
    const system = systemCaller("bench setup", config.regencyCode);
    const agency = await createAgency(salur.registry, system, { code: "bench", name: "Dinas Bench" });
    const program = await createProgram(salur.registry, system, {
      agencyId: agency.id,
      code: "BENCH-BST",
      name: "BST Bench",
      kind: "cash",
      target: "person",
      amountPerRecipient: AMOUNT,
      budget: COUNT * AMOUNT,
      quota: COUNT,
    });
    const period = await createPeriod(salur.registry, system, {
      programId: program.id,
      name: "Tahap bench",
      startsOn: "2026-07-01",
      endsOn: "2026-12-31",
      status: "open",
    });
    // Inserts are not guarded by the status trigger: the applicants arrive validated, as an imported list would.
    await db.execute(sql`
      insert into enrollments (person_id, program_id, period_id, status, village_code, district_code)
      select id, ${program.id}, ${period.id}, 'validated', village_code, left(village_code, 8)
      from (
        select distinct on (household_id) id, village_code, household_id from persons
        where employment is not null and employment <> 'civil_servant' and birth_date <= '2008-07-01'
        order by household_id, id
      ) heads
      order by id
      limit ${COUNT}`);
    const account = await createTestUser(salur, {
      role: "program_manager",
      areaCode: config.regencyCode,
      agencyId: agency.id,
    });
    const user = await accessStore.getUser(db, account.id);
    if (!user) throw new Error("bench user vanished");
    const caller = { actor: actorOf(user), requestId: null };
    const [applicants] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from enrollments where period_id = ${period.id}`,
    );
    console.log(
      `  [${kind}] set-up: ${PERSONS.toLocaleString("en")} demo persons, ${applicants?.n.toLocaleString("en")} validated applicants (${seconds(performance.now() - start)}, not measured)`,
    );

    const validated = await queryRows<{ id: string; version: number }>(
      db,
      sql`select id, version from enrollments where period_id = ${period.id} order by id`,
    );
    const rolledBack = new Error("rolled back");
    // The code a selection run used before the batch: each enrollment's own transition, one after another, in
    // the run's transaction. Rolled back, so the run below starts from the same data.
    if (ONE_AT_A_TIME) {
      start = performance.now();
      let done = 0;
      try {
        await db.transaction(async (tx) => {
          for (const { id } of validated) {
            const app = await loadApplication(tx, id);
            if (!app) throw new Error("vanished");
            await applyTransition(salur.registry, tx, caller, app, {
              action: "select",
              version: app.version,
            });
            done++;
          }
          throw rolledBack;
        });
      } catch (error) {
        const elapsed = performance.now() - start;
        const failed = error === rolledBack ? null : ((error as { cause?: Error }).cause ?? (error as Error));
        console.log(
          `  [${kind}] one at a time (the former loop, rolled back): ${done.toLocaleString("en")} of ${validated.length.toLocaleString("en")} transitions in ${seconds(elapsed)} (${(elapsed / Math.max(1, done)).toFixed(2)} ms each)${failed ? ` — FAILED: ${failed.message}` : ""}`,
        );
      }
    }
    start = performance.now();
    await db
      .transaction(async (tx) => {
        await applyTransitions(salur.registry, tx, caller, { action: "select", items: validated });
        throw rolledBack;
      })
      .catch((error) => {
        if (error !== rolledBack) throw error;
      });
    console.log(
      `  [${kind}] batch of ${validated.length.toLocaleString("en")} select transitions alone (rolled back): ${seconds(performance.now() - start)}`,
    );

    start = performance.now();
    const run = await runSelection(rankingOf(salur), caller, period.id, { modelVersion: 0 });
    const elapsed = performance.now() - start;
    const [check] = await queryRows<{ selected: number; entries: number; duties: number }>(
      db,
      sql`select
            (select count(*)::int from enrollments where period_id = ${period.id} and status = 'selected') as selected,
            (select count(*)::int from audit_entries e join enrollments n on n.id::text = e.entity_id
              where e.action = 'enrollment.select' and n.period_id = ${period.id}) as entries,
            (select count(*)::int from duties d join enrollments n on n.id::text = d.entity_id
              where d.duty = 'propose' and d.entity = 'enrollment' and n.period_id = ${period.id}) as duties`,
    );
    console.log(
      `  [${kind}] selection run of ${run.applicantCount.toLocaleString("en")} applicants, ${run.marked?.selected.toLocaleString("en")} marked selected: ${seconds(elapsed)} (${(elapsed / Math.max(1, run.marked?.selected ?? 0)).toFixed(2)} ms per selected enrollment)`,
    );
    console.log(
      `  [${kind}]   check: ${check?.selected} selected, ${check?.entries} enrollment.select audit entries, ${check?.duties} propose duties`,
    );
  } finally {
    await salur.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`Selection-run benchmark — ${COUNT.toLocaleString("en")} applicants, node ${process.version}`);
const kinds: DatabaseKind[] =
  WHICH === "both" ? (SERVER_URL ? ["pglite", "postgres"] : ["pglite"]) : [WHICH as DatabaseKind];
for (const kind of kinds) await bench(kind);
