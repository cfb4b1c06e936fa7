import { randomUUID } from "node:crypto";
import type { Database, DatabaseKind, Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { JobRow, NewJob, ProgressValues } from "./store.ts";
import * as store from "./store.ts";

export interface JobProgress {
  /** A stage code the handler names ("read", "apply", "screen" …); the web app translates it. */
  stage: string;
  done: number;
  /** Null when the end is not known yet. */
  total?: number | null;
  detail?: Record<string, unknown>;
}

export interface JobContext {
  readonly job: JobRow;
  readonly params: Record<string, unknown>;
  /** Kept in memory at once (what a watcher sees live) and written to the table every few seconds. */
  progress(update: JobProgress): void;
  saveCheckpoint(checkpoint: Record<string, unknown>): Promise<void>;
  /** Aborted when the job is cancelled or the runner closes; long handlers check it between batches. */
  readonly signal: AbortSignal;
}

export interface JobHandler {
  kind: string;
  /** Whether a job cut off by a dead process may just run again: its work commits all at once or resumes. */
  retryOnInterrupt: boolean;
  run(context: JobContext): Promise<Record<string, unknown>>;
}

/** A job as callers see it: the stored row with the live progress of this process laid over it. */
export interface JobView {
  id: string;
  kind: string;
  state: JobRow["state"];
  stage: string | null;
  done: number;
  total: number | null;
  /** 0–100 when the total is known. */
  percent: number | null;
  detail: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  error: { code: string; params: Record<string, unknown> } | null;
  attempts: number;
  createdById: string | null;
  createdByName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type JobListener = (view: JobView) => void;

export interface JobRunner {
  readonly owner: string;
  register(handler: JobHandler): void;
  /** Queues a job inside the caller's transaction; call `kick()` once that transaction has committed. */
  enqueue(tx: Executor, job: NewJob): Promise<JobRow>;
  /** Queues a job and starts working on it in this process. */
  submit(job: NewJob): Promise<JobView>;
  /** Works through the queue (the job kinds registered here) unless already doing so. */
  kick(): void;
  get(id: string): Promise<JobView | null>;
  /** The jobs this process is running now, with their live progress (no database read). */
  running(): JobView[];
  /** Every progress change and the end of a job of this process; returns the unsubscribe function. */
  subscribe(id: string, listener: JobListener): () => void;
  /** Resolves with the finished job (succeeded, failed or cancelled). */
  wait(id: string): Promise<JobView>;
  cancel(id: string): Promise<boolean>;
  /** Puts jobs interrupted by a dead process back in the queue (or fails them) and starts the queue. */
  recover(): Promise<{ requeued: string[]; failed: string[] }>;
  /** Resolves when this process has no job running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface JobRunnerOptions {
  db: Database;
  kind: DatabaseKind;
  /** How often progress is written to the table while a job runs (ms). */
  persistEveryMs?: number;
  /** On a shared server: a running job whose heartbeat is older than this belongs to a dead process. */
  staleSeconds?: number;
  log?: (message: string, error?: unknown) => void;
}

const TERMINAL = new Set(["succeeded", "failed", "cancelled"]);

export function jobView(row: JobRow, live?: ProgressValues): JobView {
  const progress = live ?? { stage: row.stage, done: row.done, total: row.total, detail: row.detail };
  const running = row.state === "running";
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    stage: running || TERMINAL.has(row.state) ? progress.stage : null,
    done: progress.done,
    total: progress.total,
    percent:
      progress.total && progress.total > 0
        ? Math.min(100, Math.round((progress.done / progress.total) * 1000) / 10)
        : row.state === "succeeded"
          ? 100
          : null,
    detail: progress.detail,
    result: row.result,
    error: row.errorCode ? { code: row.errorCode, params: row.errorParams ?? {} } : null,
    attempts: row.attempts,
    createdById: row.createdById,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * The one job mechanism of Salur: a queue in the `jobs` table worked by each process, one job at a time (two
 * cores and an embedded database gain nothing from more). Progress lives in memory for live watchers and is
 * written to the table every few seconds, never awaited by the handler: on PGlite a write outside the handler's
 * transaction waits for it to end, and must not hold the handler up.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db } = options;
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const persistEvery = options.persistEveryMs ?? 3000;
  const staleSeconds = options.kind === "postgres" ? (options.staleSeconds ?? 120) : null;
  const log = options.log ?? ((message, error) => console.error(message, error ?? ""));
  const handlers = new Map<string, JobHandler>();
  const live = new Map<string, { row: JobRow; progress: ProgressValues }>();
  const listeners = new Map<string, Set<JobListener>>();
  const controllers = new Map<string, AbortController>();
  let draining: Promise<void> | null = null;
  let closed = false;
  // On a shared server one process can die while the others run on. Its running jobs would otherwise wait
  // for some process's next start (and be taken back only if their heartbeat was stale by then), so every live
  // process looks for them twice per stale time.
  const sweeper =
    staleSeconds === null
      ? null
      : setInterval(() => {
          recover().catch((error: unknown) => log("interrupted jobs not recovered", error));
        }, staleSeconds * 500);
  sweeper?.unref();

  const notify = (view: JobView) => {
    for (const listener of listeners.get(view.id) ?? []) {
      try {
        listener(view);
      } catch (error) {
        log("job listener failed", error);
      }
    }
  };

  async function runOne(job: JobRow): Promise<void> {
    const handler = handlers.get(job.kind);
    const controller = new AbortController();
    controllers.set(job.id, controller);
    const progress: ProgressValues = { stage: null, done: 0, total: null, detail: null };
    live.set(job.id, { row: job, progress });
    let persisting: Promise<void> | null = null;
    let lastPersist = Date.now();
    let lastNotify = 0;
    let lastStage: string | null = null;
    const persist = () => {
      if (persisting) return;
      lastPersist = Date.now();
      persisting = store
        .saveProgress(db, job.id, owner, { ...progress })
        .catch((error: unknown) => log(`job ${job.id}: progress not saved`, error))
        .finally(() => {
          persisting = null;
        });
    };
    // Keeps the heartbeat fresh even while a handler reports nothing (a long statement on the server).
    const heartbeat = setInterval(persist, persistEvery);
    heartbeat.unref();
    const context: JobContext = {
      job,
      params: job.params,
      signal: controller.signal,
      progress(update) {
        progress.stage = update.stage;
        progress.done = update.done;
        progress.total = update.total ?? null;
        progress.detail = update.detail ?? progress.detail;
        const now = Date.now();
        const newStage = update.stage !== lastStage;
        lastStage = update.stage;
        if (newStage || now - lastNotify >= 200) {
          lastNotify = now;
          notify(jobView(job, progress));
        }
        if (now - lastPersist >= persistEvery) persist();
      },
      saveCheckpoint: (checkpoint) => store.saveCheckpoint(db, job.id, owner, checkpoint),
    };
    let outcome: Parameters<typeof store.finishJob>[3];
    try {
      if (!handler) throw new DomainError("JOB_KIND_UNKNOWN", { kind: job.kind });
      const result = await handler.run(context);
      outcome = { state: "succeeded", result };
    } catch (error) {
      if (controller.signal.aborted) {
        outcome = { state: "cancelled", errorCode: "JOB_CANCELLED", errorParams: {} };
      } else if (error instanceof DomainError) {
        outcome = { state: "failed", errorCode: error.code, errorParams: { ...error.params } };
      } else {
        log(`job ${job.id} (${job.kind}) failed`, error);
        outcome = { state: "failed", errorCode: "JOB_FAILED", errorParams: { jobId: job.id } };
      }
    } finally {
      clearInterval(heartbeat);
      controllers.delete(job.id);
    }
    await persisting;
    try {
      await store.finishJob(db, job.id, owner, outcome, { ...progress });
    } catch (error) {
      log(`job ${job.id}: final state not saved`, error);
    }
    live.delete(job.id);
    const finished = await store.getJob(db, job.id).catch(() => null);
    if (finished) notify(jobView(finished));
  }

  async function drain(): Promise<void> {
    while (!closed) {
      const job = await store.claimNextJob(db, [...handlers.keys()], owner);
      if (!job) return;
      await runOne(job);
    }
  }

  function kick(): void {
    if (closed || draining) return;
    draining = drain()
      .catch((error: unknown) => log("job queue stopped", error))
      .finally(() => {
        draining = null;
      });
  }

  async function recover(): Promise<{ requeued: string[]; failed: string[] }> {
    const retryableKinds = [...handlers.values()].filter((h) => h.retryOnInterrupt).map((h) => h.kind);
    const outcome = await store.recoverInterruptedJobs(db, { owner, staleSeconds, retryableKinds });
    kick();
    return outcome;
  }

  async function get(id: string): Promise<JobView | null> {
    const running = live.get(id);
    if (running) return jobView(running.row, running.progress);
    const row = await store.getJob(db, id);
    return row ? jobView(row) : null;
  }

  function subscribe(id: string, listener: JobListener): () => void {
    let set = listeners.get(id);
    if (!set) {
      set = new Set();
      listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) listeners.delete(id);
    };
  }

  return {
    owner,
    register(handler) {
      handlers.set(handler.kind, handler);
    },
    enqueue: (tx, job) => store.insertJob(tx, job),
    async submit(job) {
      const row = await store.insertJob(db, job);
      kick();
      return jobView(row);
    },
    kick,
    get,
    running: () => [...live.values()].map(({ row, progress }) => jobView(row, progress)),
    subscribe,
    async wait(id) {
      const current = await get(id);
      if (!current) throw new DomainError("JOB_NOT_FOUND", { id }, 404);
      if (TERMINAL.has(current.state)) return current;
      return new Promise<JobView>((resolve, reject) => {
        const stop = subscribe(id, (view) => {
          if (!TERMINAL.has(view.state)) return;
          stop();
          clearInterval(poll);
          resolve(view);
        });
        // Another process may run the job: its end is only visible in the table.
        const poll = setInterval(() => {
          get(id)
            .then((view) => {
              if (view && TERMINAL.has(view.state)) {
                stop();
                clearInterval(poll);
                resolve(view);
              }
            })
            .catch((error: unknown) => {
              stop();
              clearInterval(poll);
              reject(error);
            });
        }, 1000);
        poll.unref();
      });
    },
    async cancel(id) {
      const controller = controllers.get(id);
      if (controller) {
        controller.abort();
        return true;
      }
      return store.cancelQueuedJob(db, id);
    },
    recover,
    async idle() {
      while (draining) await draining;
    },
    async close() {
      closed = true;
      if (sweeper) clearInterval(sweeper);
      for (const controller of controllers.values()) controller.abort();
      while (draining) await draining;
    },
  };
}
