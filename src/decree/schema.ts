import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  date,
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
import { selectionRuns } from "../ranking/schema.ts";
import { agencies, enrollments, periods, programs } from "../registry/schema.ts";
import { DECREE_STATUSES, PAPER_SIZES } from "./codes.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** The regency's decree settings, one row: numbering pattern, paper, place, signer and the kop surat logo. */
export const decreeSettings = pgTable(
  "decree_settings",
  {
    id: integer("id").primaryKey(),
    numberPattern: text("number_pattern").notNull(),
    paper: text("paper", { enum: PAPER_SIZES }).notNull(),
    place: text("place").notNull(),
    signerTitle: text("signer_title").notNull(),
    signerName: text("signer_name").notNull(),
    logo: bytea("logo"),
    logoType: text("logo_type"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("decree_settings_single_row", sql`${t.id} = 1`)],
);

/** A program's editable decree text: title, Menimbang, Mengingat and the decisions (KESATU, KEDUA …). */
export const decreeTemplates = pgTable("decree_templates", {
  programId: uuid("program_id")
    .primaryKey()
    .references(() => programs.id),
  subject: text("subject").notNull(),
  considering: jsonb("considering").$type<string[]>().notNull(),
  legalBasis: jsonb("legal_basis").$type<string[]>().notNull(),
  decisions: jsonb("decisions").$type<string[]>().notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The objection (sanggah) window of a period's published list: a decree is not approved before it closes. */
export const sanggahWindows = pgTable("sanggah_windows", {
  periodId: uuid("period_id")
    .primaryKey()
    .references(() => periods.id),
  opensOn: date("opens_on", { mode: "string" }).notNull(),
  closesOn: date("closes_on", { mode: "string" }).notNull(),
});

/**
 * A decree (SK Bupati): its frozen annex (CSV, hash, Merkle root), the audit checkpoint it was cut at, the
 * text it was drafted with, who drafted, checked and approved it, its number and the rendered PDF. Once
 * approved nothing changes but the status (amended, revoked) and the attached signed PDF.
 */
export const decrees = pgTable(
  "decrees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    selectionRunId: uuid("selection_run_id").references(() => selectionRuns.id),
    amendsId: uuid("amends_id"),
    supersededById: uuid("superseded_by_id"),
    status: text("status", { enum: DECREE_STATUSES }).notNull().default("draft"),
    number: text("number"),
    sequence: integer("sequence"),
    year: integer("year"),
    decreedOn: date("decreed_on", { mode: "string" }),
    subject: text("subject").notNull(),
    considering: jsonb("considering").$type<string[]>().notNull(),
    legalBasis: jsonb("legal_basis").$type<string[]>().notNull(),
    decisions: jsonb("decisions").$type<string[]>().notNull(),
    lineCount: integer("line_count").notNull(),
    totalAmount: bigint("total_amount", { mode: "number" }).notNull(),
    annexCsv: text("annex_csv").notNull(),
    annexSha256: text("annex_sha256").notNull(),
    merkleRoot: text("merkle_root").notNull(),
    checkpointId: integer("checkpoint_id").notNull(),
    checkpointRoot: text("checkpoint_root").notNull(),
    checkpointTreeSize: bigint("checkpoint_tree_size", { mode: "number" }).notNull(),
    draftedById: uuid("drafted_by_id"),
    draftedByName: text("drafted_by_name").notNull(),
    checkedById: uuid("checked_by_id"),
    checkedByName: text("checked_by_name"),
    approvedById: uuid("approved_by_id"),
    approvedByName: text("approved_by_name"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    pdf: bytea("pdf"),
    pdfSha256: text("pdf_sha256"),
    signedPdf: bytea("signed_pdf"),
    signedPdfSha256: text("signed_pdf_sha256"),
    signedAttachedAt: timestamp("signed_attached_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("decrees_number_uq").on(t.number),
    index("decrees_program_idx").on(t.programId),
    index("decrees_period_idx").on(t.periodId),
  ],
);

/** One annex line: the printed fields, the canonical text and its keyed commitment (the Merkle leaf). */
export const decreeLines = pgTable(
  "decree_lines",
  {
    decreeId: uuid("decree_id")
      .notNull()
      .references(() => decrees.id),
    line: integer("line").notNull(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    personId: uuid("person_id").notNull(),
    villageCode: text("village_code").notNull(),
    name: text("name").notNull(),
    nikMasked: text("nik_masked").notNull(),
    villageName: text("village_name").notNull(),
    rtRw: text("rt_rw").notNull(),
    business: text("business").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    text: text("text").notNull(),
    commitment: text("commitment").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.decreeId, t.line] }),
    uniqueIndex("decree_lines_enrollment_uq").on(t.decreeId, t.enrollmentId),
    index("decree_lines_enrollment_idx").on(t.enrollmentId),
  ],
);
