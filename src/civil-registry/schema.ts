import { sql } from "drizzle-orm";
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../access/schema.ts";
import { periods, persons } from "../registry/schema.ts";
import {
  BATCH_SCOPES,
  DIFFERING_FIELDS,
  REVIEW_DECISIONS,
  REVIEW_STATES,
  VERIFICATION_SOURCES,
  VERIFICATION_STATUSES,
} from "./codes.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A list of persons sent to the civil registry office for checking. Its lines are fixed when it is made, so a
 * result file is matched against exactly what was sent; the SHA-256 covers the lines (line, person, NIK index).
 */
export const civilRegistryBatches = pgTable("civil_registry_batches", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Printed on every line of the file and expected back in the result: DKP-YYYYMMDD-XXXXXX. */
  code: text("code").notNull().unique(),
  scope: text("scope", { enum: BATCH_SCOPES }).notNull(),
  /** The area the batch was made for (a desa or kecamatan code, or the regency). */
  areaCode: text("area_code").notNull(),
  periodId: uuid("period_id").references(() => periods.id),
  rowCount: integer("row_count").notNull(),
  sha256: text("sha256").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const civilRegistryLines = pgTable(
  "civil_registry_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => civilRegistryBatches.id),
    line: integer("line").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    /** The NIK's blind index when the line was made: the fallback key of a result line without its number. */
    nikIndex: bytea("nik_index"),
    villageCode: text("village_code").notNull(),
    districtCode: text("district_code").notNull(),
  },
  (t) => [
    uniqueIndex("civil_registry_lines_batch_line_uq").on(t.batchId, t.line),
    index("civil_registry_lines_nik_idx").on(t.batchId, t.nikIndex),
  ],
);

/** A result file received for a batch; the same bytes twice are one file (exactly once). */
export const civilRegistryResultFiles = pgTable(
  "civil_registry_result_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => civilRegistryBatches.id),
    sha256: text("sha256").notNull(),
    fileName: text("file_name").notNull(),
    summary: jsonb("summary").notNull(),
    importedBy: uuid("imported_by").references(() => users.id),
    importedAt: at("imported_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("civil_registry_result_files_uq").on(t.batchId, t.sha256)],
);

/**
 * The registry's answer for one batch line: one per line, so a replayed or reshuffled file finds it and
 * changes nothing. The differing values are the registry's; a differing KK is sealed (format 1: no index).
 */
export const civilRegistryResults = pgTable(
  "civil_registry_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lineId: uuid("line_id")
      .notNull()
      .references(() => civilRegistryLines.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => civilRegistryResultFiles.id),
    status: text("status", { enum: VERIFICATION_STATUSES }).notNull(),
    checkedOn: date("checked_on", { mode: "string" }).notNull(),
    /** name, birth_date, sex, address as the registry holds them, where they differ from ours. */
    differences: jsonb("differences").notNull(),
    registryKkCipher: bytea("registry_kk_cipher"),
  },
  (t) => [uniqueIndex("civil_registry_results_line_uq").on(t.lineId)],
);

/** The latest verification of each person: what the officials' app shows and eligibility rules read. */
export const personVerifications = pgTable(
  "person_verifications",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => persons.id),
    status: text("status", { enum: VERIFICATION_STATUSES }).notNull(),
    checkedOn: date("checked_on", { mode: "string" }).notNull(),
    source: text("source", { enum: VERIFICATION_SOURCES }).notNull(),
    /** The batch code, or the online service's request id. */
    sourceRef: text("source_ref").notNull(),
    villageCode: text("village_code").notNull(),
    districtCode: text("district_code").notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("person_verifications_village_idx").on(t.villageCode),
    index("person_verifications_district_idx").on(t.districtCode),
  ],
);

/** One differing value awaiting an official's decision and a second official's approval (maker-checker). */
export const civilRegistryReviews = pgTable(
  "civil_registry_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resultId: uuid("result_id")
      .notNull()
      .references(() => civilRegistryResults.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    field: text("field", { enum: DIFFERING_FIELDS }).notNull(),
    /** The registry's value (null for a KK: it stays sealed on the result). */
    registryValue: text("registry_value"),
    villageCode: text("village_code").notNull(),
    districtCode: text("district_code").notNull(),
    state: text("state", { enum: REVIEW_STATES }).notNull().default("open"),
    decision: text("decision", { enum: REVIEW_DECISIONS }),
    reason: text("reason"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: at("decided_at"),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: at("approved_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("civil_registry_reviews_uq").on(t.resultId, t.field),
    index("civil_registry_reviews_open_idx").on(t.villageCode).where(sql`state in ('open', 'proposed')`),
  ],
);

export type BatchRow = typeof civilRegistryBatches.$inferSelect;
export type LineRow = typeof civilRegistryLines.$inferSelect;
export type ResultRow = typeof civilRegistryResults.$inferSelect;
export type ReviewRow = typeof civilRegistryReviews.$inferSelect;
export type VerificationRow = typeof personVerifications.$inferSelect;
