import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { JOB_STATES } from "./codes.ts";

/**
 * Long work (an import of a million rows, a reconciliation, later a batch overlap run) as a row: its state,
 * where it got to, and who asked for it. A process that dies mid-job leaves the row "running" with a stale
 * heartbeat; the next start puts it back in the queue (`attempts` counts the tries), so the work is retried
 * instead of forgotten. `checkpoint` is where a resumable handler notes how far it got.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    state: text("state", { enum: JOB_STATES }).notNull().default("queued"),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    stage: text("stage"),
    done: bigint("done", { mode: "number" }).notNull().default(0),
    total: bigint("total", { mode: "number" }),
    /** Counters a handler reports alongside progress (rows read, errors so far …). */
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    result: jsonb("result").$type<Record<string, unknown>>(),
    errorCode: text("error_code"),
    errorParams: jsonb("error_params").$type<Record<string, unknown>>(),
    checkpoint: jsonb("checkpoint").$type<Record<string, unknown>>(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    /** The process that holds the job while it runs; with the heartbeat it tells a live job from a dead one. */
    owner: text("owner"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    createdById: uuid("created_by_id"),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_state_idx").on(t.state, t.createdAt), index("jobs_creator_idx").on(t.createdById)],
);
