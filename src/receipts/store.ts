/** SQL of the receipts capability: confirmations, verification samples, and what the detector and leakage read. */
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../db/index.ts";
import { paymentBatches, paymentLines } from "../payments/schema.ts";
import { persons, programs } from "../registry/schema.ts";
import type { ConfirmationAnswer, ConfirmationChannel } from "./codes.ts";
import { receiptConfirmations, receiptSampleLines, receiptSamples } from "./schema.ts";

export type ConfirmationRow = typeof receiptConfirmations.$inferSelect;
export type SampleRow = typeof receiptSamples.$inferSelect;

export interface PaidLine {
  id: string;
  batchId: string;
  reference: string;
  personId: string;
  enrollmentId: string;
  amount: number;
  status: string;
  villageCode: string;
  districtCode: string;
  rt: string | null;
  rw: string | null;
  paidOn: string | null;
}

const paidLineColumns = {
  id: paymentLines.id,
  batchId: paymentLines.batchId,
  reference: paymentLines.reference,
  personId: paymentLines.personId,
  enrollmentId: paymentLines.enrollmentId,
  amount: paymentLines.amount,
  status: paymentLines.status,
  villageCode: paymentLines.villageCode,
  districtCode: paymentLines.districtCode,
  rt: paymentLines.rt,
  rw: persons.rw,
  paidOn: paymentLines.paidOn,
};

export async function loadLine(db: Executor, lineId: string): Promise<PaidLine | null> {
  const [row] = await db
    .select(paidLineColumns)
    .from(paymentLines)
    .innerJoin(persons, eq(persons.id, paymentLines.personId))
    .where(eq(paymentLines.id, lineId));
  return row ?? null;
}

/** The person's paid lines, newest first: what the portal asks about after a self-check. */
export async function paidLinesOfPerson(
  db: Executor,
  personId: string,
): Promise<(PaidLine & { portalAnswered: boolean })[]> {
  const rows = await db
    .select({
      ...paidLineColumns,
      portalAnswered: sql<boolean>`exists (select 1 from ${receiptConfirmations} rc where rc.line_id = ${paymentLines.id} and rc.channel = 'portal')`,
    })
    .from(paymentLines)
    .innerJoin(persons, eq(persons.id, paymentLines.personId))
    .where(and(eq(paymentLines.personId, personId), eq(paymentLines.status, "paid")))
    .orderBy(sql`${paymentLines.paidOn} desc nulls last`, asc(paymentLines.reference))
    .limit(12);
  return rows;
}

export async function paidLinesOfBatch(db: Executor, batchId: string): Promise<PaidLine[]> {
  return db
    .select(paidLineColumns)
    .from(paymentLines)
    .innerJoin(persons, eq(persons.id, paymentLines.personId))
    .where(and(eq(paymentLines.batchId, batchId), eq(paymentLines.status, "paid")))
    .orderBy(asc(paymentLines.id));
}

export async function findConfirmation(
  db: Executor,
  lineId: string,
  channel: ConfirmationChannel,
): Promise<ConfirmationRow | null> {
  const [row] = await db
    .select()
    .from(receiptConfirmations)
    .where(and(eq(receiptConfirmations.lineId, lineId), eq(receiptConfirmations.channel, channel)));
  return row ?? null;
}

export async function insertConfirmation(
  db: Executor,
  row: typeof receiptConfirmations.$inferInsert,
): Promise<ConfirmationRow> {
  const [inserted] = await db.insert(receiptConfirmations).values(row).returning();
  if (!inserted) throw new Error("receipt confirmation insert returned nothing");
  return inserted;
}

export interface ConfirmationFilter {
  batchId?: string | undefined;
  districtCode?: string | undefined;
  villageCode?: string | undefined;
}

function filterOf(filter: ConfirmationFilter) {
  const conditions = [
    filter.batchId ? eq(receiptConfirmations.batchId, filter.batchId) : undefined,
    filter.districtCode ? eq(receiptConfirmations.districtCode, filter.districtCode) : undefined,
    filter.villageCode ? eq(receiptConfirmations.villageCode, filter.villageCode) : undefined,
  ].filter((c) => c !== undefined);
  return conditions.length ? and(...conditions) : undefined;
}

/** Every confirmation as the detector reads it: areas, amounts, answer, channel. */
export async function confirmationsFor(db: Executor, filter: ConfirmationFilter) {
  return db
    .select({
      lineId: receiptConfirmations.lineId,
      batchId: receiptConfirmations.batchId,
      districtCode: receiptConfirmations.districtCode,
      villageCode: receiptConfirmations.villageCode,
      rw: receiptConfirmations.rw,
      rt: receiptConfirmations.rt,
      distributionPoint: receiptConfirmations.distributionPoint,
      distributor: receiptConfirmations.distributor,
      channel: receiptConfirmations.channel,
      answer: receiptConfirmations.answer,
      paidAmount: receiptConfirmations.paidAmount,
      receivedAmount: receiptConfirmations.receivedAmount,
    })
    .from(receiptConfirmations)
    .where(filterOf(filter));
}

/**
 * The one answer that stands for each paid line wherever what reached the hand is counted (the leakage figure,
 * the reports' confirmed stage, the portal): a recipient who reported on the portal and was then reached by the
 * sample counts once. An answer comes before a refusal, the sample's (the agency asked) before the portal's, the
 * earlier before the later; answers taken at a distribution point are weaker evidence and left out. A line with
 * only refusals keeps one (the leakage figure counts refusals; the money figures skip them).
 * `where` narrows the confirmations, written against `receipt_confirmations` columns.
 */
export function answerPerLine(where?: SQL): SQL {
  return sql`select distinct on (receipt_confirmations.line_id) receipt_confirmations.*
    from receipt_confirmations
    where receipt_confirmations.channel <> 'officer' ${where ? sql`and ${where}` : sql``}
    order by receipt_confirmations.line_id, (receipt_confirmations.answer <> 'refused') desc,
      (receipt_confirmations.channel = 'verification') desc, receipt_confirmations.recorded_at,
      receipt_confirmations.id`;
}

export interface LineAnswer {
  readonly batchId: string;
  readonly districtCode: string;
  readonly villageCode: string;
  readonly answer: ConfirmationAnswer;
  readonly paidAmount: number;
  readonly receivedAmount: number | null;
}

/** The answer that stands for each paid line the filter covers (see `answerPerLine`). */
export async function answersPerLine(db: Executor, filter: ConfirmationFilter): Promise<LineAnswer[]> {
  const rows = await queryRows<{
    batch_id: string;
    district_code: string;
    village_code: string;
    answer: ConfirmationAnswer;
    paid_amount: string | number;
    received_amount: string | number | null;
  }>(
    db,
    sql`select batch_id, district_code, village_code, answer, paid_amount, received_amount
      from (${answerPerLine(filterOf(filter))}) c`,
  );
  return rows.map((r) => ({
    batchId: r.batch_id,
    districtCode: r.district_code,
    villageCode: r.village_code,
    answer: r.answer,
    paidAmount: Number(r.paid_amount),
    receivedAmount: r.received_amount === null ? null : Number(r.received_amount),
  }));
}

/** Paid lines per batch, desa and kecamatan: the population N of the finite-population correction. */
export async function paidCounts(db: Executor, filter: ConfirmationFilter) {
  const conditions = [
    eq(paymentLines.status, "paid"),
    filter.batchId ? eq(paymentLines.batchId, filter.batchId) : undefined,
    filter.districtCode ? eq(paymentLines.districtCode, filter.districtCode) : undefined,
    filter.villageCode ? eq(paymentLines.villageCode, filter.villageCode) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select({
      batchId: paymentLines.batchId,
      districtCode: paymentLines.districtCode,
      villageCode: paymentLines.villageCode,
      lines: sql<number>`count(*)::int`,
    })
    .from(paymentLines)
    .where(and(...conditions))
    .groupBy(paymentLines.batchId, paymentLines.districtCode, paymentLines.villageCode);
}

export async function insertSample(
  db: Executor,
  sample: typeof receiptSamples.$inferInsert,
  lines: readonly { lineId: string; villageCode: string }[],
): Promise<SampleRow> {
  const [row] = await db.insert(receiptSamples).values(sample).returning();
  if (!row) throw new Error("receipt sample insert returned nothing");
  for (let i = 0; i < lines.length; i += 5000) {
    await db
      .insert(receiptSampleLines)
      .values(lines.slice(i, i + 5000).map((l) => ({ sampleId: row.id, ...l })));
  }
  return row;
}

export async function getSample(db: Executor, id: string): Promise<SampleRow | null> {
  const [row] = await db.select().from(receiptSamples).where(eq(receiptSamples.id, id));
  return row ?? null;
}

export async function sampleHasLine(db: Executor, sampleId: string, lineId: string): Promise<boolean> {
  const [row] = await db
    .select({ lineId: receiptSampleLines.lineId })
    .from(receiptSampleLines)
    .where(and(eq(receiptSampleLines.sampleId, sampleId), eq(receiptSampleLines.lineId, lineId)));
  return row !== undefined;
}

/** The sample's lines with their answer by the verification channel, if any: the call/visit worklist. */
export async function sampleWorklist(db: Executor, sampleId: string) {
  return db
    .select({
      lineId: receiptSampleLines.lineId,
      villageCode: receiptSampleLines.villageCode,
      reference: paymentLines.reference,
      amount: paymentLines.amount,
      answer: receiptConfirmations.answer,
    })
    .from(receiptSampleLines)
    .innerJoin(paymentLines, eq(paymentLines.id, receiptSampleLines.lineId))
    .leftJoin(
      receiptConfirmations,
      and(
        eq(receiptConfirmations.lineId, receiptSampleLines.lineId),
        eq(receiptConfirmations.channel, "verification"),
      ),
    )
    .where(eq(receiptSampleLines.sampleId, sampleId))
    .orderBy(asc(receiptSampleLines.villageCode), asc(paymentLines.reference));
}

/** Samples newest first, each with its batch and how many of its lines a call or visit has answered. */
export async function listSamples(db: Executor, filter: { batchId?: string | undefined }) {
  return db
    .select({
      id: receiptSamples.id,
      batchId: receiptSamples.batchId,
      batchNumber: paymentBatches.number,
      programName: programs.name,
      seed: receiptSamples.seed,
      confidence: receiptSamples.confidence,
      margin: receiptSamples.margin,
      lineCount: receiptSamples.lineCount,
      answered: sql<number>`(select count(*)::int from ${receiptConfirmations} rc
        where rc.sample_id = "receipt_samples"."id" and rc.channel = 'verification')`,
      drawnAt: receiptSamples.drawnAt,
    })
    .from(receiptSamples)
    .innerJoin(paymentBatches, eq(paymentBatches.id, receiptSamples.batchId))
    .innerJoin(programs, eq(programs.id, paymentBatches.programId))
    .where(filter.batchId ? eq(receiptSamples.batchId, filter.batchId) : undefined)
    .orderBy(desc(receiptSamples.drawnAt), asc(receiptSamples.id))
    .limit(200);
}

/**
 * A payment line by its reference, with the channels that already answered for it. The outer column is spelled out:
 * in a one-table select Drizzle leaves it unqualified, and inside the subquery "id" would be the confirmation's.
 */
export async function lineByReference(db: Executor, reference: string) {
  const [row] = await db
    .select({
      lineId: paymentLines.id,
      reference: paymentLines.reference,
      villageCode: paymentLines.villageCode,
      amount: paymentLines.amount,
      status: paymentLines.status,
      answeredBy: sql<ConfirmationChannel[]>`coalesce((select array_agg(rc.channel order by rc.channel)
        from ${receiptConfirmations} rc where rc.line_id = "payment_lines"."id"), '{}')`,
    })
    .from(paymentLines)
    .where(eq(paymentLines.reference, reference))
    .limit(1);
  return row ?? null;
}

export type { ConfirmationAnswer };
