import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase, queryRows } from "../db/index.ts";
import { openTestDatabase } from "../db/testing.ts";
import { createJobRunner, type JobRunner } from "./runner.ts";

const JOBS = 40;

/** Two Salur processes (two connection pools) on one PostgreSQL database share one queue: no job runs twice. */
describe.skipIf(!process.env.TEST_DATABASE_URL)("two job runners on one PostgreSQL database", () => {
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  const runners: JobRunner[] = [];
  const runs: { owner: string; id: string }[] = [];

  beforeAll(async () => {
    first = await openTestDatabase("postgres");
    await first.migrate();
    // The scratch database has no password (trust auth in tests), so its location is its URL.
    second = await openDatabase({ kind: "postgres", url: first.location });
    for (const handle of [first, second]) {
      const runner = createJobRunner({ db: handle.db, kind: "postgres", log: () => {} });
      runner.register({
        kind: "test.once",
        retryOnInterrupt: false,
        async run(context) {
          runs.push({ owner: runner.owner, id: String(context.params.n) });
          await new Promise((resolve) => setTimeout(resolve, 5));
          return {};
        },
      });
      runners.push(runner);
    }
  });
  afterAll(async () => {
    for (const runner of runners) await runner.close();
    await second?.close();
    await first?.close();
  });

  it(`runs each of ${JOBS} jobs exactly once between them`, async () => {
    const [a, b] = runners as [JobRunner, JobRunner];
    await first.db.transaction(async (tx) => {
      for (let n = 0; n < JOBS; n++)
        await a.enqueue(tx, { kind: "test.once", params: { n }, createdById: null, createdByName: "uji" });
    });
    a.kick();
    b.kick();
    for (;;) {
      const [row] = await queryRows<{ n: number }>(
        first.db,
        sql`select count(*)::int as n from jobs where kind = 'test.once' and state in ('queued', 'running')`,
      );
      if (Number(row?.n) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await a.idle();
    await b.idle();
    const ids = runs.map((r) => r.id);
    expect(ids).toHaveLength(JOBS);
    expect(new Set(ids).size).toBe(JOBS);
    const [done] = await queryRows<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from jobs where kind = 'test.once' and state = 'succeeded' and attempts = 1`,
    );
    expect(Number(done?.n)).toBe(JOBS);
    // Both processes took work from the queue.
    expect(new Set(runs.map((r) => r.owner)).size).toBe(2);
  }, 120_000);

  it("takes back, without a restart, a job a dead process left running once its heartbeat is stale", async () => {
    const sweeping = createJobRunner({ db: first.db, kind: "postgres", staleSeconds: 1, log: () => {} });
    try {
      sweeping.register({ kind: "test.orphan", retryOnInterrupt: true, run: async () => ({ done: true }) });
      // What a killed process leaves behind: its job running, under its name, with a heartbeat gone quiet.
      const [orphan] = await queryRows<{ id: string }>(
        first.db,
        sql`insert into jobs (kind, params, state, owner, attempts, started_at, heartbeat_at, created_by_name)
            values ('test.orphan', '{}'::jsonb, 'running', 'a-dead-process', 1, now() - interval '1 minute',
                    now() - interval '1 minute', 'uji')
            returning id`,
      );
      if (!orphan) throw new Error("the orphan was not written");
      expect(await sweeping.wait(orphan.id)).toMatchObject({ state: "succeeded" });
    } finally {
      await sweeping.close();
    }
  });
});
