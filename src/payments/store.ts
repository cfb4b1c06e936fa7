/** SQL of the payment capability: batches, lines, result files and results, and the reconciliation sums. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../db/index.ts";
import { agencies, enrollments, periods, persons, programs } from "../registry/schema.ts";
import type { FailureReason, LineStatus, ResultOutcome } from "./codes.ts";
import { paymentBatches, paymentLines, paymentResultFiles, paymentResults } from "./schema.ts";

export type BatchRow = typeof paymentBatches.$inferSelect;
export type LineRow = typeof paymentLines.$inferSelect;
export type ResultFileRow = typeof paymentResultFiles.$inferSelect;
export type ResultRow = typeof paymentResults.$inferSelect;

const CHUNK = 5000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function getBatch(db: Executor, id: string): Promise<BatchRow | null> {
  const [row] = await db.select().from(paymentBatches).where(eq(paymentBatches.id, id));
  return row ?? null;
}

/** The batch row locked until commit: every write to a batch (approval, export, results) queues behind it. */
export async function lockBatch(db: Executor, id: string): Promise<BatchRow | null> {
  const [row] = await db.select().from(paymentBatches).where(eq(paymentBatches.id, id)).for("update");
  return row ?? null;
}

export async function listBatches(
  db: Executor,
  filter: { agencyId?: string | null; bankAgencyId?: string | null; periodId?: string | undefined },
): Promise<(BatchRow & { programName: string; periodName: string; bankName: string })[]> {
  const conditions = [
    filter.agencyId ? eq(paymentBatches.agencyId, filter.agencyId) : undefined,
    filter.bankAgencyId ? eq(paymentBatches.bankAgencyId, filter.bankAgencyId) : undefined,
    filter.periodId ? eq(paymentBatches.periodId, filter.periodId) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select({
      batch: paymentBatches,
      programName: programs.name,
      periodName: periods.name,
      bankName: agencies.name,
    })
    .from(paymentBatches)
    .innerJoin(programs, eq(programs.id, paymentBatches.programId))
    .innerJoin(periods, eq(periods.id, paymentBatches.periodId))
    .innerJoin(agencies, eq(agencies.id, paymentBatches.bankAgencyId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(paymentBatches.number))
    .limit(500);
  return rows.map((r) => ({
    ...r.batch,
    programName: r.programName,
    periodName: r.periodName,
    bankName: r.bankName,
  }));
}

export async function insertBatch(db: Executor, row: typeof paymentBatches.$inferInsert): Promise<BatchRow> {
  const [inserted] = await db.insert(paymentBatches).values(row).returning();
  if (!inserted) throw new Error("batch not inserted");
  return inserted;
}

export async function nextBatchNumber(db: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select nextval(pg_get_serial_sequence('payment_batches', 'number'))::int as n`,
  );
  return Number(row?.n);
}

export interface NewLine {
  id: string;
  batchId: string;
  lineNumber: number;
  reference: string;
  enrollmentId: string;
  personId: string;
  amount: number;
  accountName: string;
  branchCode: string;
  villageCode: string;
  districtCode: string;
  rt: string | null;
}

export async function insertLines(db: Executor, lines: readonly NewLine[]): Promise<void> {
  for (const part of chunks(lines)) {
    await db.execute(sql`insert into ${paymentLines}
        (id, batch_id, line_number, reference, enrollment_id, person_id, amount, account_name, branch_code,
         village_code, district_code, rt)
      select id, "batchId", "lineNumber", reference, "enrollmentId", "personId", amount, "accountName",
             "branchCode", "villageCode", "districtCode", rt
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as l(id uuid, "batchId" uuid, "lineNumber" integer,
        reference text, "enrollmentId" uuid, "personId" uuid, amount bigint, "accountName" text, "branchCode" text,
        "villageCode" text, "districtCode" text, rt text)`);
  }
}

/** Enrollments among `ids` that already hold a line waiting for the bank or paid: never issued twice. */
export async function liveEnrollments(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await queryRows<{ enrollment_id: string }>(
      db,
      sql`select enrollment_id from ${paymentLines}
          where status in ('issued', 'sent', 'paid')
            and enrollment_id in (select (jsonb_array_elements_text(${JSON.stringify(part)}::jsonb))::uuid)`,
    );
    for (const r of rows) out.add(r.enrollment_id);
  }
  return out;
}

/** Failed lines re-issued and not yet linked to the line that re-issues them. */
export async function linkReissued(db: Executor, batchId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update ${paymentLines} old set reissued_as = n.id, updated_at = now(), version = old.version + 1
        from ${paymentLines} n
        where n.batch_id = ${batchId} and old.enrollment_id = n.enrollment_id and old.status = 'failed'
          and old.resolution = 'reissued' and old.reissued_as is null
        returning old.id`,
  );
  return rows.length;
}

export interface LineForExport {
  lineNumber: number;
  reference: string;
  accountName: string;
  branchCode: string;
  amount: number;
  villageCode: string;
  districtCode: string;
  nikCipher: Uint8Array | null;
  nikIndex: Uint8Array | null;
}

/**
 * The sealed NIK travels as hex text that Buffer decodes: PGlite's bytea parser reads hex a byte at a time
 * with parseInt, which for 100,000 lines cost more than the query.
 */
export async function linesForExport(db: Executor, batchId: string): Promise<LineForExport[]> {
  const rows = await db
    .select({
      lineNumber: paymentLines.lineNumber,
      reference: paymentLines.reference,
      accountName: paymentLines.accountName,
      branchCode: paymentLines.branchCode,
      amount: paymentLines.amount,
      villageCode: paymentLines.villageCode,
      districtCode: paymentLines.districtCode,
      nikCipher: sql<string | null>`encode(${persons.nikCipher}, 'hex')`,
      nikIndex: sql<string | null>`encode(${persons.nikIndex}, 'hex')`,
    })
    .from(paymentLines)
    .innerJoin(persons, eq(persons.id, paymentLines.personId))
    .where(eq(paymentLines.batchId, batchId))
    .orderBy(asc(paymentLines.lineNumber));
  const bytes = (text: string | null) => (text === null ? null : Buffer.from(text, "hex"));
  return rows.map((r) => ({ ...r, nikCipher: bytes(r.nikCipher), nikIndex: bytes(r.nikIndex) }));
}

/** Counted in the database: the ids of 100,000 lines sent would only be parsed to be counted. */
export async function markSent(db: Executor, batchId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with sent as (
          update ${paymentLines} set status = 'sent', updated_at = now(), version = version + 1
          where batch_id = ${batchId} and status = 'issued' returning 1)
        select count(*)::int as n from sent`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Every line of a batch with the version its enrollment is at now: the workflow step a result causes is
 * checked against that version, read here with the lines instead of in a second pass over the enrollments.
 */
export async function lineStates(db: Executor, batchId: string) {
  return db
    .select({
      id: paymentLines.id,
      reference: paymentLines.reference,
      amount: paymentLines.amount,
      status: paymentLines.status,
      enrollmentId: paymentLines.enrollmentId,
      enrollmentVersion: enrollments.version,
      villageCode: paymentLines.villageCode,
      rt: paymentLines.rt,
    })
    .from(paymentLines)
    .innerJoin(enrollments, eq(enrollments.id, paymentLines.enrollmentId))
    .where(eq(paymentLines.batchId, batchId));
}

export async function recordedResults(db: Executor, batchId: string) {
  return db
    .select({
      reference: paymentResults.reference,
      bankReference: paymentResults.bankReference,
      outcome: paymentResults.outcome,
      amount: paymentResults.amount,
      disposition: paymentResults.disposition,
      id: paymentResults.id,
    })
    .from(paymentResults)
    .where(
      and(eq(paymentResults.batchId, batchId), inArray(paymentResults.disposition, ["applied", "held"])),
    );
}

export async function findResultFile(
  db: Executor,
  batchId: string,
  sha256: string,
  statementNumber: string | null,
): Promise<ResultFileRow | null> {
  const rows = await db
    .select()
    .from(paymentResultFiles)
    .where(
      and(
        eq(paymentResultFiles.batchId, batchId),
        statementNumber
          ? sql`(${paymentResultFiles.sha256} = ${sha256} or ${paymentResultFiles.statementNumber} = ${statementNumber})`
          : eq(paymentResultFiles.sha256, sha256),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function insertResultFile(
  db: Executor,
  row: typeof paymentResultFiles.$inferInsert,
): Promise<ResultFileRow> {
  const [inserted] = await db.insert(paymentResultFiles).values(row).returning();
  if (!inserted) throw new Error("result file not inserted");
  return inserted;
}

export async function resultFiles(db: Executor, batchId: string): Promise<ResultFileRow[]> {
  return db
    .select()
    .from(paymentResultFiles)
    .where(eq(paymentResultFiles.batchId, batchId))
    .orderBy(asc(paymentResultFiles.importedAt));
}

export interface NewResult {
  batchId: string;
  fileId: string;
  row: number;
  lineId: string | null;
  reference: string;
  bankReference: string;
  outcome: ResultOutcome;
  amount: number;
  valueDate: string | null;
  reason: string | null;
  reasonText: string | null;
  disposition: "applied" | "held" | "refused";
  refusalCode: string | null;
}

export async function insertResults(db: Executor, results: readonly NewResult[]): Promise<void> {
  for (const part of chunks(results)) {
    await db.execute(sql`insert into ${paymentResults}
        (batch_id, file_id, row, line_id, reference, bank_reference, outcome, amount, value_date, reason,
         reason_text, disposition, refusal_code)
      select "batchId", "fileId", row, "lineId", reference, "bankReference", outcome, amount, "valueDate"::date,
             reason, "reasonText", disposition, "refusalCode"
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as r("batchId" uuid, "fileId" uuid, row integer,
        "lineId" uuid, reference text, "bankReference" text, outcome text, amount bigint, "valueDate" text,
        reason text, "reasonText" text, disposition text, "refusalCode" text)`);
  }
}

/** Held reversals released by a credit: now applied. */
export async function releaseHeld(
  db: Executor,
  batchId: string,
  keys: readonly { reference: string; bankReference: string }[],
): Promise<void> {
  for (const part of chunks(keys)) {
    await db.execute(sql`update ${paymentResults} r set disposition = 'applied', refusal_code = null
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as k(reference text, "bankReference" text)
        where r.batch_id = ${batchId} and r.reference = k.reference and r.bank_reference = k."bankReference"
          and r.disposition = 'held'`);
  }
}

export interface LineChange {
  id: string;
  from: LineStatus;
  to: LineStatus;
  bankReference: string | null;
  paidOn: string | null;
  returnedOn: string | null;
  failureReason: FailureReason | null;
  failureText: string | null;
}

/** Moves lines forward only from the status decided on; returns how many moved (counted in the database). */
export async function updateLines(db: Executor, changes: readonly LineChange[]): Promise<number> {
  let moved = 0;
  for (const part of chunks(changes)) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`with moved as (update ${paymentLines} l set status = c."to",
            bank_reference = coalesce(c."bankReference", l.bank_reference),
            paid_on = coalesce(c."paidOn"::date, l.paid_on),
            returned_on = coalesce(c."returnedOn"::date, l.returned_on),
            failure_reason = coalesce(c."failureReason", l.failure_reason),
            failure_text = coalesce(c."failureText", l.failure_text),
            updated_at = now(), version = l.version + 1
          from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as c(id uuid, "from" text, "to" text,
            "bankReference" text, "paidOn" text, "returnedOn" text, "failureReason" text, "failureText" text)
          where l.id = c.id and l.status = c."from"
          returning 1)
        select count(*)::int as n from moved`,
    );
    moved += Number(row?.n ?? 0);
  }
  return moved;
}

export async function updateBatch(
  db: Executor,
  id: string,
  version: number,
  set: Partial<typeof paymentBatches.$inferInsert>,
): Promise<BatchRow | null> {
  const [row] = await db
    .update(paymentBatches)
    .set({ ...set, version: version + 1 })
    .where(and(eq(paymentBatches.id, id), eq(paymentBatches.version, version)))
    .returning();
  return row ?? null;
}

export async function getLine(db: Executor, id: string): Promise<LineRow | null> {
  const [row] = await db.select().from(paymentLines).where(eq(paymentLines.id, id)).for("update");
  return row ?? null;
}

export async function setResolution(
  db: Executor,
  id: string,
  version: number,
  resolution: "reissued" | "cancelled",
): Promise<LineRow | null> {
  const [row] = await db
    .update(paymentLines)
    .set({ resolution, version: version + 1, updatedAt: new Date() })
    .where(and(eq(paymentLines.id, id), eq(paymentLines.version, version), eq(paymentLines.status, "failed")))
    .returning();
  return row ?? null;
}

export async function linesPage(
  db: Executor,
  batchId: string,
  filter: { status?: LineStatus | undefined; page: number; pageSize: number },
) {
  const where = and(
    eq(paymentLines.batchId, batchId),
    filter.status ? eq(paymentLines.status, filter.status) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(paymentLines)
      .where(where)
      .orderBy(asc(paymentLines.lineNumber))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(paymentLines).where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function enrollmentVersions(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { version: number; status: string }>> {
  const out = new Map<string, { version: number; status: string }>();
  for (const part of chunks(ids)) {
    const rows = await db
      .select({ id: enrollments.id, version: enrollments.version, status: enrollments.status })
      .from(enrollments)
      .where(
        sql`${enrollments.id} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(part)}::jsonb))`,
      );
    for (const r of rows) out.set(r.id, { version: r.version, status: r.status });
  }
  return out;
}

export async function openDifferences(db: Executor, batchIds: readonly string[]) {
  if (batchIds.length === 0) return [];
  return db
    .select({
      id: paymentResults.id,
      batchId: paymentResults.batchId,
      fileId: paymentResults.fileId,
      row: paymentResults.row,
      lineId: paymentResults.lineId,
      reference: paymentResults.reference,
      bankReference: paymentResults.bankReference,
      outcome: paymentResults.outcome,
      amount: paymentResults.amount,
      disposition: paymentResults.disposition,
      refusalCode: paymentResults.refusalCode,
      lineAmount: paymentLines.amount,
      lineStatus: paymentLines.status,
      accountName: paymentLines.accountName,
      villageCode: paymentLines.villageCode,
    })
    .from(paymentResults)
    .leftJoin(paymentLines, eq(paymentLines.id, paymentResults.lineId))
    .where(
      and(
        inArray(paymentResults.batchId, [...batchIds]),
        inArray(paymentResults.disposition, ["held", "refused"]),
        sql`${paymentResults.resolvedAt} is null`,
      ),
    )
    .orderBy(asc(paymentResults.reference))
    .limit(1000);
}

export type ReconcileBy = "batch" | "village" | "district" | "program";

export interface ReconcileRow {
  key: string;
  issuedCount: number;
  issuedAmount: number;
  paidCount: number;
  paidAmount: number;
  failedCount: number;
  failedAmount: number;
  returnedCount: number;
  returnedAmount: number;
  pendingCount: number;
  pendingAmount: number;
  bankPaidCount: number;
  bankPaidAmount: number;
  bankFailedCount: number;
  bankFailedAmount: number;
  bankReturnedCount: number;
  bankReturnedAmount: number;
}

const GROUP_COLUMN: Record<ReconcileBy, ReturnType<typeof sql.raw>> = {
  batch: sql.raw("b.number::text"),
  village: sql.raw("l.village_code"),
  district: sql.raw("l.district_code"),
  program: sql.raw("b.program_id::text"),
};

/**
 * Our sums per status beside the bank's (every distinct entry its files reported, whatever we did with it), per
 * group. One pass over the lines and one over the results: 100,000 lines in well under a second.
 */
export async function reconcile(
  db: Executor,
  batchIds: readonly string[],
  by: ReconcileBy,
  area: { code: string } | null,
): Promise<ReconcileRow[]> {
  if (batchIds.length === 0) return [];
  const group = GROUP_COLUMN[by];
  const ids = JSON.stringify(batchIds);
  const areaFilter = area
    ? sql`and (l.village_code = ${area.code} or l.village_code like ${`${area.code}.%`})`
    : sql``;
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`with ours as (
          select ${group} as key, count(*) as issued_count, sum(l.amount) as issued_amount,
            count(*) filter (where l.status = 'paid') as paid_count,
            coalesce(sum(l.amount) filter (where l.status = 'paid'), 0) as paid_amount,
            count(*) filter (where l.status = 'failed') as failed_count,
            coalesce(sum(l.amount) filter (where l.status = 'failed'), 0) as failed_amount,
            count(*) filter (where l.status = 'returned') as returned_count,
            coalesce(sum(l.amount) filter (where l.status = 'returned'), 0) as returned_amount,
            count(*) filter (where l.status in ('issued', 'sent')) as pending_count,
            coalesce(sum(l.amount) filter (where l.status in ('issued', 'sent')), 0) as pending_amount
          from payment_lines l join payment_batches b on b.id = l.batch_id
          where l.batch_id in (select (jsonb_array_elements_text(${ids}::jsonb))::uuid) ${areaFilter}
          group by 1),
        reported as (
          select distinct r.batch_id, r.line_id, r.reference, r.bank_reference, r.outcome, r.amount
          from payment_results r
          where r.batch_id in (select (jsonb_array_elements_text(${ids}::jsonb))::uuid)),
        theirs as (
          select ${group} as key,
            count(*) filter (where r.outcome = 'paid') as bank_paid_count,
            coalesce(sum(r.amount) filter (where r.outcome = 'paid'), 0) as bank_paid_amount,
            count(*) filter (where r.outcome = 'failed') as bank_failed_count,
            coalesce(sum(r.amount) filter (where r.outcome = 'failed'), 0) as bank_failed_amount,
            count(*) filter (where r.outcome = 'returned') as bank_returned_count,
            coalesce(sum(r.amount) filter (where r.outcome = 'returned'), 0) as bank_returned_amount
          from reported r join payment_batches b on b.id = r.batch_id
            left join payment_lines l on l.id = r.line_id
          where true ${areaFilter}
          group by 1)
        select coalesce(o.key, t.key, '-') as key, o.*, t.bank_paid_count, t.bank_paid_amount, t.bank_failed_count,
          t.bank_failed_amount, t.bank_returned_count, t.bank_returned_amount
        from ours o full join theirs t on t.key = o.key
        order by 1`,
  );
  const n = (v: string | number | undefined | null) => Number(v ?? 0);
  return rows.map((r) => ({
    key: String(r.key),
    issuedCount: n(r.issued_count),
    issuedAmount: n(r.issued_amount),
    paidCount: n(r.paid_count),
    paidAmount: n(r.paid_amount),
    failedCount: n(r.failed_count),
    failedAmount: n(r.failed_amount),
    returnedCount: n(r.returned_count),
    returnedAmount: n(r.returned_amount),
    pendingCount: n(r.pending_count),
    pendingAmount: n(r.pending_amount),
    bankPaidCount: n(r.bank_paid_count),
    bankPaidAmount: n(r.bank_paid_amount),
    bankFailedCount: n(r.bank_failed_count),
    bankFailedAmount: n(r.bank_failed_amount),
    bankReturnedCount: n(r.bank_returned_count),
    bankReturnedAmount: n(r.bank_returned_amount),
  }));
}

/** Lines in an area that have not been collected: still with the bank, or failed and not yet resolved. */
export async function uncollected(
  db: Executor,
  area: { code: string; rt: string | null },
  filter: { page: number; pageSize: number; agencyId: string | null },
) {
  const inArea = sql`(l.village_code = ${area.code} or l.village_code like ${`${area.code}.%`})
    ${area.rt ? sql`and l.rt = ${area.rt}` : sql``}
    ${filter.agencyId ? sql`and l.batch_id in (select id from payment_batches where agency_id = ${filter.agencyId})` : sql``}
    and (l.status in ('issued', 'sent') or (l.status = 'failed' and l.resolution is null))`;
  const [rows, counts] = await Promise.all([
    queryRows<Record<string, string | number | null>>(
      db,
      sql`select l.id, l.reference, l.account_name, l.amount, l.status, l.village_code, l.district_code, l.rt,
            l.failure_reason, b.number as batch_number, b.claim_deadline, p.name as program_name
          from payment_lines l join payment_batches b on b.id = l.batch_id join programs p on p.id = b.program_id
          where ${inArea}
          order by l.village_code, l.rt nulls last, l.account_name
          limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`,
    ),
    queryRows<{ n: number; amount: number }>(
      db,
      sql`select count(*)::int as n, coalesce(sum(l.amount), 0)::bigint as amount from payment_lines l where ${inArea}`,
    ),
  ]);
  return { rows, total: Number(counts[0]?.n ?? 0), amount: Number(counts[0]?.amount ?? 0) };
}
