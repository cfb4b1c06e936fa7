import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../access/schema.ts";
import { agencies, enrollments, periods, persons, programs } from "../registry/schema.ts";
import {
  BATCH_STATUSES,
  FAILURE_REASONS,
  LAYOUT_KINDS,
  LINE_RESOLUTIONS,
  LINE_STATUSES,
  RESULT_DISPOSITIONS,
  RESULT_OUTCOMES,
} from "./codes.ts";
import type { ExportLayout, ResultLayout } from "./layout.ts";

const rupiah = (name: string) => bigint(name, { mode: "number" });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One payment order to the bank: the decreed recipients of a program period (or one branch or kecamatan of
 * them), with its count, total and the SHA-256 of its lines, prepared by the agency and approved by its head.
 */
export const paymentBatches = pgTable(
  "payment_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Printed in every payment reference: the first five digits. */
    number: serial("number").notNull().unique(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** The decree the recipients come from (its id and SK number), as the decree port names it. */
    decreeId: text("decree_id").notNull(),
    decreeNumber: text("decree_number").notNull(),
    /** The paying bank, as the agency code of the bank's operators (e.g. BRI). */
    bankAgencyId: uuid("bank_agency_id")
      .notNull()
      .references(() => agencies.id),
    /** A batch of one branch or one kecamatan: the key it was split on, and its value. */
    splitKey: text("split_key").notNull().default("none"),
    splitValue: text("split_value"),
    status: text("status", { enum: BATCH_STATUSES }).notNull(),
    lineCount: integer("line_count").notNull(),
    totalAmount: rupiah("total_amount").notNull(),
    /** SHA-256 of the canonical line list (number, reference, enrollment, amount): what both approvals sign. */
    linesSha256: text("lines_sha256").notNull(),
    /** Until when recipients may collect; after it unclaimed lines go back to the Kas Daerah. */
    claimDeadline: date("claim_deadline", { mode: "string" }).notNull(),
    preparedBy: uuid("prepared_by").references(() => users.id),
    preparedAt: at("prepared_at").notNull(),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: at("approved_at"),
    exportedAt: at("exported_at"),
    /** Hash of the first export: every later export of the same batch must give the same bytes. */
    exportSha256: text("export_sha256"),
    exportFormat: text("export_format"),
    deadlineAppliedAt: at("deadline_applied_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("payment_batches_period_idx").on(t.periodId)],
);

/** One recipient's payment in a batch. */
export const paymentLines = pgTable(
  "payment_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => paymentBatches.id),
    lineNumber: integer("line_number").notNull(),
    reference: text("reference").notNull().unique(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    /** Whole rupiah, as the decree says. */
    amount: rupiah("amount").notNull(),
    /** The account holder's name as sent to the bank (the person's name when the batch was made). */
    accountName: text("account_name").notNull(),
    branchCode: text("branch_code").notNull(),
    villageCode: text("village_code").notNull(),
    districtCode: text("district_code").notNull(),
    rt: text("rt"),
    status: text("status", { enum: LINE_STATUSES }).notNull().default("issued"),
    bankReference: text("bank_reference"),
    paidOn: date("paid_on", { mode: "string" }),
    failureReason: text("failure_reason", { enum: FAILURE_REASONS }),
    failureText: text("failure_text"),
    returnedOn: date("returned_on", { mode: "string" }),
    resolution: text("resolution", { enum: LINE_RESOLUTIONS }),
    /** The line of the later batch that re-issued this failed one. */
    reissuedAs: uuid("reissued_as"),
    updatedAt: at("updated_at").notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("payment_lines_batch_line_uq").on(t.batchId, t.lineNumber),
    index("payment_lines_batch_status_idx").on(t.batchId, t.status),
    index("payment_lines_village_idx").on(t.villageCode, t.status),
    // Never paid twice: an enrollment has at most one line that is waiting for the bank or paid.
    uniqueIndex("payment_lines_enrollment_live_uq")
      .on(t.enrollmentId)
      .where(sql`status in ('issued', 'sent', 'paid')`),
  ],
);

/** One result file received from the bank: the same bytes or statement number twice is a no-op. */
export const paymentResultFiles = pgTable(
  "payment_result_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => paymentBatches.id),
    sha256: text("sha256").notNull(),
    statementNumber: text("statement_number"),
    fileName: text("file_name").notNull(),
    format: text("format").notNull(),
    importedBy: uuid("imported_by").references(() => users.id),
    importedAt: at("imported_at").notNull(),
    /** applied, held, duplicate, refused, malformed: counts and rupiah, for the report. */
    summary: jsonb("summary").notNull(),
    /** The bank's own control totals when the file carries them (count and amount per outcome). */
    bankTotals: jsonb("bank_totals"),
  },
  (t) => [
    uniqueIndex("payment_result_files_sha_uq").on(t.batchId, t.sha256),
    uniqueIndex("payment_result_files_statement_uq")
      .on(t.batchId, t.statementNumber)
      .where(sql`statement_number is not null`),
  ],
);

/** Every entry of every result file that was applied, held, or refused (duplicates are only counted). */
export const paymentResults = pgTable(
  "payment_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => paymentBatches.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => paymentResultFiles.id),
    row: integer("row").notNull(),
    lineId: uuid("line_id").references(() => paymentLines.id),
    reference: text("reference").notNull(),
    bankReference: text("bank_reference").notNull(),
    outcome: text("outcome", { enum: RESULT_OUTCOMES }).notNull(),
    amount: rupiah("amount").notNull(),
    valueDate: date("value_date", { mode: "string" }),
    reason: text("reason"),
    reasonText: text("reason_text"),
    disposition: text("disposition", { enum: RESULT_DISPOSITIONS }).notNull(),
    refusalCode: text("refusal_code"),
    /** A refusal somebody looked at and closed (with the audit entry saying why). */
    resolvedAt: at("resolved_at"),
  },
  (t) => [
    // Exactly once: one result per (batch, reference, bank reference) that changed or holds a line.
    uniqueIndex("payment_results_once_uq")
      .on(t.batchId, t.reference, t.bankReference)
      .where(sql`disposition in ('applied', 'held')`),
    index("payment_results_file_idx").on(t.fileId),
    index("payment_results_line_idx").on(t.lineId),
  ],
);

/**
 * An agency's saved column layout of its bank's payment file (export) or result file (result), reused by code.
 * The layout is stored as the zod schema of its kind accepted it; the built-in BRI layouts are code, not rows.
 */
export const paymentLayouts = pgTable(
  "payment_layouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind", { enum: LAYOUT_KINDS }).notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    layout: jsonb("layout").$type<ExportLayout | ResultLayout>().notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("payment_layouts_code_uq").on(t.agencyId, t.kind, t.code)],
);
