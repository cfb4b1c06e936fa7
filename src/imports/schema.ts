import { sql } from "drizzle-orm";
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { jobs } from "../jobs/schema.ts";
import { agencies, periods, persons, programs } from "../registry/schema.ts";
import {
  IMPORT_MODES,
  IMPORT_STATES,
  INVALID_ROW_POLICIES,
  RECONCILIATION_CATEGORIES,
  RECONCILIATION_SCOPES,
  RECONCILIATION_STATES,
} from "./codes.ts";
import type { ColumnTarget } from "./headers.ts";

export type { ImportState, ReconciliationCategory } from "./codes.ts";
export {
  IMPORT_MODES,
  IMPORT_STATES,
  INVALID_ROW_POLICIES,
  RECONCILIATION_CATEGORIES,
  RECONCILIATION_SCOPES,
  RECONCILIATION_STATES,
};

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * One uploaded list and what became of it. `content_hash` (SHA-256 of the bytes) with the target makes a
 * re-upload of the same file a no-op: only one import per file and target can ever be "applied".
 */
export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id").references(() => jobs.id),
    mode: text("mode", { enum: IMPORT_MODES }).notNull(),
    invalidRows: text("invalid_rows", { enum: INVALID_ROW_POLICIES }).notNull().default("reject_file"),
    state: text("state", { enum: IMPORT_STATES }).notNull().default("queued"),
    programId: uuid("program_id").references(() => programs.id),
    periodId: uuid("period_id").references(() => periods.id),
    agencyId: uuid("agency_id").references(() => agencies.id),
    /** What the file is applied to: the period id, or "persons" for a list without a program. */
    targetKey: text("target_key").notNull(),
    fileName: text("file_name").notNull(),
    fileFormat: text("file_format"),
    fileBytes: bigint("file_bytes", { mode: "number" }).notNull(),
    contentHash: text("content_hash").notNull(),
    /** Where the upload is kept (a file name in the uploads directory), for the report. */
    storedAs: text("stored_as").notNull(),
    template: jsonb("template").$type<Record<string, ColumnTarget>>().notNull(),
    headerRow: integer("header_row"),
    sheetName: text("sheet_name"),
    /** Header, mapping and dialect found while reading. */
    layout: jsonb("layout").$type<Record<string, unknown>>(),
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    notes: jsonb("notes").$type<Record<string, unknown>[]>(),
    problem: jsonb("problem").$type<Record<string, unknown>>(),
    duplicateOf: uuid("duplicate_of"),
    /** The importer's area (place key) when it was sent: who else may see the import and its report. */
    area: text("area"),
    createdById: uuid("created_by_id"),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /**
     * Set when an apply has staged the whole list and begun to publish it (the point of no return): the number
     * of staged chunks. Null while checking or staging, when an interruption simply starts over.
     */
    stagedChunks: integer("staged_chunks"),
    /** Chunks published so far, committed with each chunk: where an interrupted publish resumes. */
    publishedChunks: integer("published_chunks").notNull().default(0),
    /** What the closing audit entry records, fixed when publishing begins so a resumed publish writes the same. */
    applyRecord: jsonb("apply_record").$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex("imports_applied_uq").on(t.contentHash, t.targetKey).where(sql`${t.state} = 'applied'`),
    index("imports_period_idx").on(t.periodId),
    index("imports_creator_idx").on(t.createdById),
  ],
);

export const ISSUE_SEVERITIES = ["error", "warning"] as const;

/** Every finding of an import, by row and column: what the report's note column is written from. */
export const importIssues = pgTable(
  "import_issues",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    row: integer("row").notNull(),
    /** 0-based column in the file; null for the row as a whole. */
    column: integer("column"),
    field: text("field"),
    code: text("code").notNull(),
    severity: text("severity", { enum: ISSUE_SEVERITIES }).notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull(),
  },
  (t) => [index("import_issues_row_idx").on(t.importId, t.row)],
);

/** An agency's saved column mapping: header → field, reused for its next lists. */
export const importTemplates = pgTable(
  "import_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id").references(() => agencies.id),
    name: text("name").notNull(),
    mapping: jsonb("mapping").$type<Record<string, ColumnTarget>>().notNull(),
    createdById: uuid("created_by_id"),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("import_templates_name_uq").on(sql`coalesce(${t.agencyId}::text, '')`, t.name)],
);

/** A central list (DTKS, the ministry's allocation) compared with the regency's own data for one period. */
export const reconciliations = pgTable(
  "reconciliations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id").references(() => jobs.id),
    state: text("state", { enum: RECONCILIATION_STATES }).notNull().default("queued"),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** "period": the persons enrolled in the period; "registry": everyone in the registry. */
    scope: text("scope", { enum: RECONCILIATION_SCOPES }).notNull(),
    sourceName: text("source_name").notNull(),
    fileName: text("file_name").notNull(),
    fileBytes: bigint("file_bytes", { mode: "number" }).notNull(),
    contentHash: text("content_hash").notNull(),
    storedAs: text("stored_as").notNull(),
    template: jsonb("template").$type<Record<string, ColumnTarget>>().notNull(),
    layout: jsonb("layout").$type<Record<string, unknown>>(),
    counts: jsonb("counts").$type<Record<string, number>>(),
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    problem: jsonb("problem").$type<Record<string, unknown>>(),
    area: text("area"),
    createdById: uuid("created_by_id"),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("reconciliations_period_idx").on(t.periodId)],
);

/**
 * One line of a reconciliation: a central row, a registry person, or both. The central row's NIK, KK and phone
 * are sealed like the registry's; its other fields are kept as the central list wrote them, for the export.
 */
export const reconciliationLines = pgTable(
  "reconciliation_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reconciliationId: uuid("reconciliation_id")
      .notNull()
      .references(() => reconciliations.id, { onDelete: "cascade" }),
    category: text("category", { enum: RECONCILIATION_CATEGORIES }).notNull(),
    centralRow: integer("central_row"),
    personId: uuid("person_id").references(() => persons.id),
    villageCode: text("village_code"),
    districtCode: text("district_code"),
    rt: text("rt"),
    centralName: text("central_name"),
    centralBirthDate: text("central_birth_date"),
    centralSex: text("central_sex"),
    centralAddress: text("central_address"),
    centralVillageCode: text("central_village_code"),
    centralRt: text("central_rt"),
    centralRw: text("central_rw"),
    centralNikCipher: bytea("central_nik_cipher"),
    centralKkCipher: bytea("central_kk_cipher"),
    probability: real("probability"),
    /** Field levels and their weights: why the two were judged the same person (or nearly). */
    evidence: jsonb("evidence").$type<Record<string, unknown>>(),
    /** Fields that differ between the central row and the registry. */
    conflicts: jsonb("conflicts").$type<string[]>(),
    decision: text("decision"),
    decisionReason: text("decision_reason"),
    decidedById: uuid("decided_by_id"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("reconciliation_lines_category_idx").on(t.reconciliationId, t.category),
    index("reconciliation_lines_area_idx").on(t.reconciliationId, t.districtCode, t.villageCode),
  ],
);

export type ImportRow = typeof imports.$inferSelect;
export type ReconciliationRow = typeof reconciliations.$inferSelect;
export type ReconciliationLineRow = typeof reconciliationLines.$inferSelect;

/**
 * Rows of an apply waiting to be published, one row per chunk and table, in the form the bulk load takes them
 * (COPY lines on PGlite, JSON records on PostgreSQL). Staging commits chunk by chunk, so on the embedded database
 * (one connection) other requests are answered between chunks; nothing here is visible to the registry.
 */
export const importStaging = pgTable(
  "import_staging",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    chunk: integer("chunk").notNull(),
    target: text("target", { enum: ["persons", "enrollments"] }).notNull(),
    payloads: text("payloads").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.chunk, t.target] })],
);
