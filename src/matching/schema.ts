import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { persons, programs } from "../registry/schema.ts";
import { OVERLAP_LEVELS, REVIEW_KINDS, REVIEW_STATUSES } from "./codes.ts";
import type { PairExplanation } from "./explain.ts";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** One batch linkage over the registry: what it found, so a meeting can cite the run its agenda came from. */
export const matchRuns = pgTable("match_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  persons: integer("persons").notNull(),
  candidatePairs: integer("candidate_pairs").notNull(),
  linkedPairs: integer("linked_pairs").notNull(),
  reviewPairs: integer("review_pairs").notNull(),
  newReviewPairs: integer("new_review_pairs").notNull(),
  clusters: integer("clusters").notNull(),
  decisionsApplied: integer("decisions_applied").notNull(),
  matchThreshold: doublePrecision("match_threshold").notNull(),
  reviewThreshold: doublePrecision("review_threshold").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: createdAt(),
});

/**
 * A pair of registry persons a coordinator is asked about: between the review and match thresholds ("review"),
 * or a sample of linked pairs ("sample") so that labels also measure the precision of automatic links. Keyed by
 * the two person ids (a < b): a pair is asked once, whatever later runs find. The area is the first person's,
 * and a decision needs both persons inside the decider's area.
 */
export const matchReviews = pgTable(
  "match_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personA: uuid("person_a")
      .notNull()
      .references(() => persons.id),
    personB: uuid("person_b")
      .notNull()
      .references(() => persons.id),
    kind: text("kind", { enum: REVIEW_KINDS }).notNull(),
    probability: doublePrecision("probability").notNull(),
    weight: doublePrecision("weight").notNull(),
    /** The pair's evidence field by field, as the meeting reads it (rendered in the reader's language). */
    explanation: jsonb("explanation").$type<PairExplanation>().notNull(),
    villageCode: text("village_code").notNull(),
    districtCode: text("district_code").notNull(),
    rt: text("rt"),
    villageCodeB: text("village_code_b").notNull(),
    rtB: text("rt_b"),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("open"),
    reason: text("reason"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    runId: uuid("run_id").references(() => matchRuns.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("match_reviews_pair_uq").on(t.personA, t.personB),
    index("match_reviews_status_idx").on(t.status),
    index("match_reviews_village_idx").on(t.villageCode),
  ],
);

/**
 * Programs a person (or a household, by KK) may not receive together in periods overlapping [startsOn, endsOn].
 * programA = programB forbids receiving one program twice (a second registration under another record).
 */
export const overlapRules = pgTable(
  "overlap_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programA: uuid("program_a")
      .notNull()
      .references(() => programs.id),
    programB: uuid("program_b")
      .notNull()
      .references(() => programs.id),
    level: text("level", { enum: OVERLAP_LEVELS }).notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("overlap_rules_uq").on(t.programA, t.programB, t.level, t.startsOn, t.endsOn)],
);
