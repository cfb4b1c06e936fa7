import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { enrollments, periods, programs } from "../registry/schema.ts";
import type { RatingModel } from "./rating.ts";
import type { JudgeInput } from "./schemas.ts";
import type { SelectionRules } from "./selection.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * A program's rating model, one row per version: a change is a new row, never an edit, so a selection run can
 * name the exact model it used. `judges` holds the group's individual criteria judgments when the criteria
 * judgments in `model` are their aggregate.
 */
export const ratingModels = pgTable(
  "rating_models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    version: integer("version").notNull(),
    model: jsonb("model").$type<RatingModel>().notNull(),
    judges: jsonb("judges").$type<JudgeInput[]>().notNull(),
    /** SHA-256 of the canonical JSON of { model, judges }. */
    sha256: text("sha256").notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
    createdById: uuid("created_by_id"),
    createdByName: text("created_by_name"),
  },
  (t) => [uniqueIndex("rating_models_program_version_uq").on(t.programId, t.version)],
);

/**
 * One ranking and selection of a period's applicants: the model snapshot (canonical JSON and hash), the rules,
 * the outcome and the hash over all of it — what the decree (SK) cites. Runs are numbered per period.
 */
export const selectionRuns = pgTable(
  "selection_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id),
    runNumber: integer("run_number").notNull(),
    ratingModelId: uuid("rating_model_id")
      .notNull()
      .references(() => ratingModels.id),
    modelVersion: integer("model_version").notNull(),
    engineVersion: text("engine_version").notNull(),
    snapshot: text("snapshot").notNull(),
    snapshotSha256: text("snapshot_sha256").notNull(),
    inputsSha256: text("inputs_sha256").notNull(),
    sha256: text("sha256").notNull(),
    referenceDate: date("reference_date", { mode: "string" }).notNull(),
    rules: jsonb("rules").$type<SelectionRules>().notNull(),
    applicantCount: integer("applicant_count").notNull(),
    eligibleCount: integer("eligible_count").notNull(),
    selectedCount: integer("selected_count").notNull(),
    limitedBy: text("limited_by", { enum: ["quota", "budget", "applicants"] }).notNull(),
    cutoffScore: doublePrecision("cutoff_score"),
    totalAmount: bigint("total_amount", { mode: "number" }).notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
    createdById: uuid("created_by_id"),
    createdByName: text("created_by_name"),
  },
  (t) => [
    uniqueIndex("selection_runs_period_run_uq").on(t.periodId, t.runNumber),
    uniqueIndex("selection_runs_sha256_uq").on(t.sha256),
  ],
);

/**
 * Every applicant of a run with the engine's input (level slots, tie-break keys) and its outcome, in the run's
 * table order (`position`). Enough to re-run the engine and reproduce the run's hash; carries the desa code so
 * area-scoped officials read their own households without a join.
 */
export const selectionResults = pgTable(
  "selection_results",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => selectionRuns.id),
    position: integer("position").notNull(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    personId: uuid("person_id").notNull(),
    villageCode: text("village_code").notNull(),
    districtCode: text("district_code").notNull(),
    eligible: boolean("eligible").notNull(),
    levels: bytea("levels").notNull(),
    birthKey: integer("birth_key").notNull(),
    registrationNumber: bigint("registration_number", { mode: "number" }).notNull(),
    /** 1-based among the eligible; null for an ineligible applicant. */
    rank: integer("rank"),
    selected: boolean("selected").notNull(),
    score: doublePrecision("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.position] }),
    index("selection_results_enrollment_idx").on(t.enrollmentId),
    index("selection_results_run_village_idx").on(t.runId, t.villageCode),
  ],
);
