import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { createJobRunner, type JobRunner, type JobView } from "./runner.ts";

describeEachDatabase("job runner", (salur, kind) => {
  let runner: JobRunner;
  const ran: string[] = [];

  beforeAll(() => {
    runner = createJobRunner({ db: salur().database.db, kind, persistEveryMs: 50, log: () => {} });
    runner.register({
      kind: "test.count",
      retryOnInterrupt: true,
      async run(context) {
        const to = Number(context.params.to);
        for (let i = 1; i <= to; i++) {
          context.progress({ stage: "count", done: i, total: to, detail: { i } });
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        ran.push(String(context.params.label));
        return { counted: to };
      },
    });
    runner.register({
      kind: "test.refuse",
      retryOnInterrupt: false,
      async run() {
        throw new DomainError("PERIOD_NOT_FOUND", { id: "x" }, 404);
      },
    });
    runner.register({
      kind: "test.crash",
      retryOnInterrupt: false,
      async run() {
        throw new Error("boom");
      },
    });
    runner.register({
      kind: "test.wait",
      retryOnInterrupt: false,
      async run(context) {
        while (!context.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error("stopped");
      },
    });
  });
  afterAll(() => runner.close());

  const submit = (jobKind: string, params: Record<string, unknown> = {}) =>
    runner.submit({ kind: jobKind, params, createdById: null, createdByName: "uji" });

  it("runs a job to the end, with its progress seen live and its result kept", async () => {
    const seen: JobView[] = [];
    const job = await submit("test.count", { to: 20, label: "a" });
    const stop = runner.subscribe(job.id, (view) => seen.push(view));
    const done = await runner.wait(job.id);
    stop();
    expect(done).toMatchObject({ state: "succeeded", result: { counted: 20 }, percent: 100, attempts: 1 });
    expect(seen.some((v) => v.state === "running" && v.stage === "count")).toBe(true);
    expect(await runner.get(job.id)).toMatchObject({ state: "succeeded", done: 20, total: 20 });
  });

  it("fails a job with the domain error's code, and hides an unexpected error behind a reference", async () => {
    const refused = await runner.wait((await submit("test.refuse")).id);
    expect(refused).toMatchObject({
      state: "failed",
      error: { code: "PERIOD_NOT_FOUND", params: { id: "x" } },
    });
    const crashed = await runner.wait((await submit("test.crash")).id);
    expect(crashed.error?.code).toBe("JOB_FAILED");
    expect(JSON.stringify(crashed)).not.toContain("boom");
  });

  it("works the queue in order, one job at a time", async () => {
    ran.length = 0;
    // Submitted one after another: concurrent submissions over a PostgreSQL pool have no defined order.
    const jobs = [];
    for (const label of ["x", "y", "z"]) jobs.push(await submit("test.count", { to: 3, label }));
    await Promise.all(jobs.map((j) => runner.wait(j.id)));
    expect(ran).toEqual(["x", "y", "z"]);
  });

  it("cancels a queued job and a running one", async () => {
    const running = await submit("test.wait");
    for (let i = 0; i < 100 && (await runner.get(running.id))?.state !== "running"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const queued = await submit("test.count", { to: 1, label: "never" });
    expect(await runner.cancel(queued.id)).toBe(true);
    expect(await runner.cancel(running.id)).toBe(true);
    expect(await runner.wait(running.id)).toMatchObject({
      state: "cancelled",
      error: { code: "JOB_CANCELLED" },
    });
    expect(await runner.wait(queued.id)).toMatchObject({ state: "cancelled" });
  });

  it("puts a job left running by a dead process back in the queue, or fails it when it may not simply rerun", async () => {
    const db = salur().database.db;
    const [retryable] = await queryRows<{ id: string }>(
      db,
      sql`insert into jobs (kind, state, params, owner, heartbeat_at, created_by_name, attempts)
          values ('test.count', 'running', ${JSON.stringify({ to: 2, label: "revived" })}::jsonb, 'dead-process', now() - interval '1 hour', 'uji', 1)
          returning id`,
    );
    const [oneShot] = await queryRows<{ id: string }>(
      db,
      sql`insert into jobs (kind, state, params, owner, heartbeat_at, created_by_name, attempts)
          values ('test.crash', 'running', '{}'::jsonb, 'dead-process', now() - interval '1 hour', 'uji', 1)
          returning id`,
    );
    const outcome = await runner.recover();
    expect(outcome.requeued).toEqual([retryable?.id]);
    expect(outcome.failed).toEqual([oneShot?.id]);
    expect(await runner.wait(retryable?.id ?? "")).toMatchObject({ state: "succeeded", attempts: 2 });
    expect(await runner.get(oneShot?.id ?? "")).toMatchObject({
      state: "failed",
      error: { code: "JOB_INTERRUPTED" },
    });
  });
});
