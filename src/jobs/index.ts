/** The job capability: one queue of long work (imports, reconciliations, batch runs) with live progress. */
import type { DatabaseHandle } from "../db/index.ts";
import { createJobRunner, type JobRunner, type JobRunnerOptions } from "./runner.ts";

export { JOB_STATES, type JobState } from "./codes.ts";
export { JOB_MESSAGES } from "./messages.ts";
export { jobRoutes } from "./routes.ts";
export {
  createJobRunner,
  type JobContext,
  type JobHandler,
  type JobListener,
  type JobProgress,
  type JobRunner,
  type JobRunnerOptions,
  type JobView,
  jobView,
} from "./runner.ts";
export { jobs } from "./schema.ts";
export type { JobRow, NewJob } from "./store.ts";

const runners = new WeakMap<DatabaseHandle, JobRunner>();

/**
 * The runner of a database handle: one per process and database, shared by every capability that queues
 * work, so one queue serves them all.
 */
export function jobRunnerFor(
  database: DatabaseHandle,
  options: Pick<JobRunnerOptions, "persistEveryMs" | "staleSeconds"> = {},
): JobRunner {
  let runner = runners.get(database);
  if (!runner) {
    runner = createJobRunner({ db: database.db, kind: database.kind, ...options });
    runners.set(database, runner);
  }
  return runner;
}
