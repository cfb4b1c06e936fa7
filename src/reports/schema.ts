import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A generated report pack (monthly, or per payment batch) kept as the bytes that were handed out: what the
 * audit entry's hashes name, so a copy shown later can be compared with what Salur produced. Append-only in
 * use: a pack is never regenerated in place, a new one is made.
 */
export const reportPacks = pgTable(
  "report_packs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["monthly", "batch"] }).notNull(),
    /** "YYYY-MM" for a monthly pack. */
    month: text("month"),
    batchId: uuid("batch_id"),
    /** The area the figures cover: the scope of whoever (or whatever schedule) asked for it. */
    areaCode: text("area_code").notNull(),
    title: text("title").notNull(),
    checkpointId: integer("checkpoint_id").notNull(),
    pdf: bytea("pdf").notNull(),
    pdfSha256: text("pdf_sha256").notNull(),
    xlsx: bytea("xlsx").notNull(),
    xlsxSha256: text("xlsx_sha256").notNull(),
    generatedById: uuid("generated_by_id"),
    generatedByName: text("generated_by_name").notNull(),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("report_packs_kind_idx").on(t.kind, t.month), index("report_packs_area_idx").on(t.areaCode)],
);
