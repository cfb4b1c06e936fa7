import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../access/schema.ts";
import { complaints } from "../complaints/schema.ts";
import { paymentBatches, paymentLines } from "../payments/schema.ts";
import { CONFIRMATION_ANSWERS, CONFIRMATION_CHANNELS } from "./codes.ts";

const rupiah = (name: string) => bigint(name, { mode: "number" });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A verification sample of a batch: its seed, confidence and margin are kept so anyone can draw it again and
 * find the same lines (the draw is `drawVerificationSample`, stratified per desa).
 */
export const receiptSamples = pgTable("receipt_samples", {
  id: uuid("id").primaryKey().defaultRandom(),
  batchId: uuid("batch_id")
    .notNull()
    .references(() => paymentBatches.id),
  seed: bigint("seed", { mode: "number" }).notNull(),
  confidence: real("confidence").notNull(),
  margin: real("margin").notNull(),
  lineCount: integer("line_count").notNull(),
  /** Per desa: population and size, as drawn. */
  strata: jsonb("strata").$type<{ desa: string; population: number; size: number }[]>().notNull(),
  drawnBy: uuid("drawn_by").references(() => users.id),
  drawnAt: at("drawn_at").notNull(),
});

export const receiptSampleLines = pgTable(
  "receipt_sample_lines",
  {
    sampleId: uuid("sample_id")
      .notNull()
      .references(() => receiptSamples.id),
    lineId: uuid("line_id")
      .notNull()
      .references(() => paymentLines.id),
    villageCode: text("village_code").notNull(),
  },
  (t) => [uniqueIndex("receipt_sample_lines_uq").on(t.sampleId, t.lineId)],
);

/**
 * What reached the recipient's hand for one paid line, by one channel. The area columns are copied from the line
 * (and the person's RW) when the answer is taken, so the detector reads one table.
 */
export const receiptConfirmations = pgTable(
  "receipt_confirmations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lineId: uuid("line_id")
      .notNull()
      .references(() => paymentLines.id),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => paymentBatches.id),
    districtCode: text("district_code").notNull(),
    villageCode: text("village_code").notNull(),
    rw: text("rw"),
    rt: text("rt"),
    /** Where the money was handed out, and by whom, when it was handed out in person. */
    distributionPoint: text("distribution_point"),
    distributor: text("distributor"),
    channel: text("channel", { enum: CONFIRMATION_CHANNELS }).notNull(),
    answer: text("answer", { enum: CONFIRMATION_ANSWERS }).notNull(),
    paidAmount: rupiah("paid_amount").notNull(),
    /** null when the recipient refused to answer. */
    receivedAmount: rupiah("received_amount"),
    /** Optional, never required: who asked for the money and why, in the recipient's words. */
    askedBy: text("asked_by"),
    askedWhy: text("asked_why"),
    sampleId: uuid("sample_id").references(() => receiptSamples.id),
    /** The sensitive complaint a shortfall or non-receipt opened. */
    complaintId: uuid("complaint_id").references(() => complaints.id),
    /** null for the recipient's own report on the portal. */
    collectedBy: uuid("collected_by").references(() => users.id),
    collectedByName: text("collected_by_name").notNull(),
    recordedAt: at("recorded_at").notNull(),
  },
  (t) => [
    // One answer per line and channel: a second portal report of the same payment is refused, not counted twice.
    uniqueIndex("receipt_confirmations_line_channel_uq").on(t.lineId, t.channel),
    index("receipt_confirmations_batch_idx").on(t.batchId),
    index("receipt_confirmations_area_idx").on(t.districtCode, t.villageCode),
  ],
);
