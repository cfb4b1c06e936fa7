import { and, desc, eq, inArray, lt, ne, or, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../db/index.ts";
import { jobs } from "./schema.ts";

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  kind: string;
  params: Record<string, unknown>;
  createdById: string | null;
  createdByName: string;
  maxAttempts?: number;
}

export async function insertJob(db: Executor, job: NewJob): Promise<JobRow> {
  const [row] = await db
    .insert(jobs)
    .values({ ...job, maxAttempts: job.maxAttempts ?? 3 })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function getJob(db: Executor, id: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

export async function listJobs(
  db: Executor,
  filter: { createdById?: string | null; kind?: string; limit: number },
): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(
      and(
        filter.createdById !== undefined
          ? filter.createdById === null
            ? sql`${jobs.createdById} is null`
            : eq(jobs.createdById, filter.createdById)
          : undefined,
        filter.kind ? eq(jobs.kind, filter.kind) : undefined,
      ),
    )
    .orderBy(desc(jobs.createdAt))
    .limit(filter.limit);
}

/**
 * Takes the oldest queued job of the given kinds for this process. SKIP LOCKED lets several Salur processes on
 * one PostgreSQL server claim from the same queue without waiting on, or double-taking, each other's rows.
 */
export async function claimNextJob(
  db: Executor,
  kinds: readonly string[],
  owner: string,
): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`update jobs set state = 'running', owner = ${owner}, attempts = attempts + 1,
          started_at = now(), heartbeat_at = now(), stage = null, done = 0, total = null
        where id = (
          select id from jobs where state = 'queued' and kind in (${kindList})
          order by created_at, id limit 1 for update skip locked
        )
        returning id`,
  );
  return row ? getJob(db, row.id) : null;
}

export interface ProgressValues {
  stage: string | null;
  done: number;
  total: number | null;
  detail: Record<string, unknown> | null;
}

/** Progress and heartbeat in one write; only while this process still owns the running job. */
export async function saveProgress(
  db: Executor,
  id: string,
  owner: string,
  progress: ProgressValues,
): Promise<void> {
  await db
    .update(jobs)
    .set({ ...progress, heartbeatAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.owner, owner), eq(jobs.state, "running")));
}

export async function saveCheckpoint(
  db: Executor,
  id: string,
  owner: string,
  checkpoint: Record<string, unknown>,
): Promise<void> {
  await db
    .update(jobs)
    .set({ checkpoint, heartbeatAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.owner, owner)));
}

export async function finishJob(
  db: Executor,
  id: string,
  owner: string,
  outcome:
    | { state: "succeeded"; result: Record<string, unknown> }
    | { state: "failed" | "cancelled"; errorCode: string; errorParams: Record<string, unknown> },
  progress: ProgressValues,
): Promise<void> {
  await db
    .update(jobs)
    .set({
      ...progress,
      state: outcome.state,
      result: outcome.state === "succeeded" ? outcome.result : null,
      errorCode: outcome.state === "succeeded" ? null : outcome.errorCode,
      errorParams: outcome.state === "succeeded" ? null : outcome.errorParams,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
    })
    .where(and(eq(jobs.id, id), eq(jobs.owner, owner)));
}

export async function cancelQueuedJob(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ state: "cancelled", errorCode: "JOB_CANCELLED", errorParams: {}, finishedAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.state, "queued")))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Jobs left "running" by a process that is gone: any other owner on an embedded database (one process holds
 * its data directory), or a heartbeat older than `staleSeconds` on a shared server. Those that may simply run
 * again go back to the queue; the others fail as interrupted.
 */
export async function recoverInterruptedJobs(
  db: Executor,
  options: { owner: string; staleSeconds: number | null; retryableKinds: readonly string[] },
): Promise<{ requeued: string[]; failed: string[] }> {
  const stale: SQL | undefined =
    options.staleSeconds === null
      ? undefined
      : or(
          sql`${jobs.heartbeatAt} is null`,
          lt(jobs.heartbeatAt, sql`now() - make_interval(secs => ${options.staleSeconds})`),
        );
  const dead = and(eq(jobs.state, "running"), ne(jobs.owner, options.owner), stale);
  const retryable =
    options.retryableKinds.length > 0 ? inArray(jobs.kind, [...options.retryableKinds]) : sql`false`;
  const requeued = await db
    .update(jobs)
    .set({ state: "queued", owner: null, stage: null, done: 0, total: null })
    .where(and(dead, retryable, lt(jobs.attempts, jobs.maxAttempts)))
    .returning({ id: jobs.id });
  const failed = await db
    .update(jobs)
    .set({
      state: "failed",
      errorCode: "JOB_INTERRUPTED",
      errorParams: {},
      finishedAt: sql`now()`,
    })
    .where(dead)
    .returning({ id: jobs.id });
  return { requeued: requeued.map((r) => r.id), failed: failed.map((r) => r.id) };
}
