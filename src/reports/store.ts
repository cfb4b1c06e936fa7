/**
 * The recap queries. Each reads other capabilities' tables (the schema is the shared contract) and is named:
 * the pack prints the query name beside every figure it gave, so an auditor can rerun it.
 */
import { type SQL, sql } from "drizzle-orm";
import type { AreaScope } from "../access/area.ts";
import { type Executor, queryRows } from "../db/index.ts";
import { answerPerLine } from "../receipts/store.ts";
import {
  PIPELINE_STAGES,
  type PipelineStage,
  PROPOSED_OR_LATER,
  type RecapDimension,
  type StageFigure,
  VERIFIED_OR_LATER,
} from "./recap.ts";

export interface RecapFilter {
  area: AreaScope;
  /** A program manager's agency: the recap holds only its programs. */
  agencyId?: string | null;
  programId?: string | null;
  periodId?: string | null;
  /** Program periods (tahap) running in this month, "YYYY-MM". */
  month?: string | null;
  /** Only the applications paid through this batch. */
  batchId?: string | null;
}

/** The query names printed beside figures. */
export const QUERY_NAMES = {
  pipeline: "reports.pipeline_by_area.v1",
  failures: "reports.payment_failures_by_reason.v1",
  overlaps: "reports.overlaps_found_resolved.v1",
  complaints: "reports.complaints_by_category.v1",
} as const;

/**
 * The "confirmed" stage, from receipts: per application, Σ received in hand and Σ paid over its paid lines, one
 * answer per line as receipts count it (`answerPerLine`); a refusal confirms nothing.
 */
function confirmedByEnrollment(filter: RecapFilter): SQL {
  const batch = filter.batchId ? sql`receipt_confirmations.batch_id = ${filter.batchId}` : undefined;
  return sql`select l.enrollment_id, sum(coalesce(c.received_amount, 0)) as received, sum(c.paid_amount) as paid
    from (${answerPerLine(batch)}) c join payment_lines l on l.id = c.line_id
    where c.answer <> 'refused'
    group by l.enrollment_id`;
}

const KEY: Record<RecapDimension, SQL> = {
  rt: sql`e.village_code || '/RT' || coalesce(p.rt, '-')`,
  rw: sql`e.village_code || '/RW' || coalesce(p.rw, '-')`,
  village: sql`e.village_code`,
  district: sql`e.district_code`,
  agency: sql`pr.agency_id::text`,
  program: sql`e.program_id::text`,
  period: sql`e.period_id::text`,
};

function codeWithin(column: SQL, code: string): SQL {
  return sql`(${column} = ${code} or ${column} like ${`${code}.%`})`;
}

/** The applications a filter covers, as a condition on enrollments `e` (with persons `p`, programs `pr`). */
function enrollmentCondition(filter: RecapFilter): SQL {
  const parts: SQL[] = [];
  const { area } = filter;
  if (area.level === "rt") parts.push(sql`e.village_code = ${area.code} and p.rt = ${area.rt}`);
  else if (area.level === "village") parts.push(sql`e.village_code = ${area.code}`);
  else parts.push(codeWithin(sql`e.village_code`, area.code));
  if (filter.agencyId) parts.push(sql`pr.agency_id = ${filter.agencyId}`);
  if (filter.programId) parts.push(sql`e.program_id = ${filter.programId}`);
  if (filter.periodId) parts.push(sql`e.period_id = ${filter.periodId}`);
  if (filter.month) {
    const first = `${filter.month}-01`;
    parts.push(
      sql`e.period_id in (select id from periods where starts_on < (${first}::date + interval '1 month') and ends_on >= ${first}::date)`,
    );
  }
  if (filter.batchId)
    parts.push(sql`e.id in (select enrollment_id from payment_lines where batch_id = ${filter.batchId})`);
  return sql.join(parts, sql` and `);
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

type PipelineDbRow = Record<string, string | number | null> & { key: string };

export interface PipelineFigures {
  key: string;
  stages: Partial<Record<PipelineStage, StageFigure>>;
  failed: StageFigure;
  returned: StageFigure;
  confirmedPaid: number;
}

/**
 * reports.pipeline_by_area.v1 — per key, applications and rupiah at each stage. Early stages are counted at
 * the program's amount per recipient; decreed, paid and collected at the amounts the annex and the bank lines
 * carry, which is what was actually promised and sent.
 */
export async function pipelineBy(
  db: Executor,
  dimension: RecapDimension,
  filter: RecapFilter,
): Promise<PipelineFigures[]> {
  const paidLine = sql`(l.status = 'paid' or (l.status = 'returned' and l.paid_on is not null))`;
  const rows = await queryRows<PipelineDbRow>(
    db,
    sql`select ${KEY[dimension]} as key,
          count(*) filter (where e.status <> 'draft')::int as registered_n,
          coalesce(sum(pr.amount_per_recipient) filter (where e.status <> 'draft'), 0)::bigint as registered_a,
          count(*) filter (where e.status in (${list(VERIFIED_OR_LATER)}))::int as verified_n,
          coalesce(sum(pr.amount_per_recipient) filter (where e.status in (${list(VERIFIED_OR_LATER)})), 0)::bigint as verified_a,
          count(*) filter (where sr.enrollment_id is not null)::int as ranked_n,
          coalesce(sum(pr.amount_per_recipient) filter (where sr.enrollment_id is not null), 0)::bigint as ranked_a,
          count(*) filter (where e.status in (${list(PROPOSED_OR_LATER)}))::int as proposed_n,
          coalesce(sum(pr.amount_per_recipient) filter (where e.status in (${list(PROPOSED_OR_LATER)})), 0)::bigint as proposed_a,
          count(dec.enrollment_id)::int as decreed_n,
          coalesce(sum(dec.amount), 0)::bigint as decreed_a,
          count(*) filter (where pay.paid_n > 0)::int as paid_n,
          coalesce(sum(pay.paid_a), 0)::bigint as paid_a,
          count(*) filter (where pay.collected_n > 0)::int as collected_n,
          coalesce(sum(pay.collected_a), 0)::bigint as collected_a,
          coalesce(sum(pay.failed_n), 0)::int as failed_n,
          coalesce(sum(pay.failed_a), 0)::bigint as failed_a,
          coalesce(sum(pay.returned_n), 0)::int as returned_n,
          coalesce(sum(pay.returned_a), 0)::bigint as returned_a,
          count(rc.enrollment_id)::int as confirmed_n,
          coalesce(sum(rc.received), 0)::bigint as confirmed_a,
          coalesce(sum(rc.paid), 0)::bigint as confirmed_paid
        from enrollments e
          join persons p on p.id = e.person_id
          join programs pr on pr.id = e.program_id
          left join (select distinct enrollment_id from selection_results) sr on sr.enrollment_id = e.id
          left join (
            select dl.enrollment_id, sum(dl.amount) as amount
            from decree_lines dl join decrees d on d.id = dl.decree_id
            where d.status = 'approved' group by dl.enrollment_id
          ) dec on dec.enrollment_id = e.id
          left join (
            select l.enrollment_id,
              count(*) filter (where ${paidLine}) as paid_n,
              sum(l.amount) filter (where ${paidLine}) as paid_a,
              count(*) filter (where l.status = 'paid' and b.deadline_applied_at is not null) as collected_n,
              sum(l.amount) filter (where l.status = 'paid' and b.deadline_applied_at is not null) as collected_a,
              count(*) filter (where l.status = 'failed') as failed_n,
              sum(l.amount) filter (where l.status = 'failed') as failed_a,
              count(*) filter (where l.status = 'returned') as returned_n,
              sum(l.amount) filter (where l.status = 'returned') as returned_a
            from payment_lines l join payment_batches b on b.id = l.batch_id
            ${filter.batchId ? sql`where l.batch_id = ${filter.batchId}` : sql``}
            group by l.enrollment_id
          ) pay on pay.enrollment_id = e.id
          left join (${confirmedByEnrollment(filter)}) rc on rc.enrollment_id = e.id
        where ${enrollmentCondition(filter)}
        group by 1 order by 1`,
  );
  return rows.map((row) => ({
    key: String(row.key),
    stages: Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, figure(row, stage)])),
    failed: figure(row, "failed"),
    returned: figure(row, "returned"),
    confirmedPaid: Number(row.confirmed_paid ?? 0),
  }));
}

function figure(row: Record<string, string | number | null>, prefix: string): StageFigure {
  return { count: Number(row[`${prefix}_n`] ?? 0), amount: Number(row[`${prefix}_a`] ?? 0) };
}

export interface FailureFigure {
  reason: string;
  count: number;
  amount: number;
}

/** reports.payment_failures_by_reason.v1 — failed lines by the bank's reason, and returned (unclaimed) lines. */
export async function failuresByReason(db: Executor, filter: RecapFilter): Promise<FailureFigure[]> {
  const rows = await queryRows<{ reason: string; n: number; a: string | number }>(
    db,
    sql`select coalesce(l.failure_reason, 'other') as reason, count(*)::int as n, sum(l.amount)::bigint as a
        from payment_lines l
          join enrollments e on e.id = l.enrollment_id
          join persons p on p.id = e.person_id
          join programs pr on pr.id = e.program_id
        where l.status in ('failed', 'returned') and ${enrollmentCondition(filter)}
          ${filter.batchId ? sql`and l.batch_id = ${filter.batchId}` : sql``}
        group by 1 order by 2 desc, 1`,
  );
  return rows.map((r) => ({ reason: r.reason, count: Number(r.n), amount: Number(r.a) }));
}

export interface OverlapFigure {
  key: string;
  found: number;
  resolved: number;
}

/** reports.overlaps_found_resolved.v1 — duplicate-person pairs sent to review per kecamatan, and how many were decided. */
export async function overlapsByDistrict(db: Executor, area: AreaScope): Promise<OverlapFigure[]> {
  const where =
    area.level === "rt"
      ? sql`r.village_code = ${area.code} and r.rt = ${area.rt}`
      : area.level === "village"
        ? sql`r.village_code = ${area.code}`
        : codeWithin(sql`r.village_code`, area.code);
  const rows = await queryRows<{ key: string; found: number; resolved: number }>(
    db,
    sql`select r.district_code as key, count(*)::int as found,
          count(*) filter (where r.status <> 'open')::int as resolved
        from match_reviews r where r.kind = 'review' and ${where}
        group by 1 order by 1`,
  );
  return rows.map((r) => ({ key: r.key, found: Number(r.found), resolved: Number(r.resolved) }));
}

export interface ComplaintRow {
  category: string;
  stage: string;
  receivedAt: Date;
  resolvedAt: Date | null;
}

/**
 * reports.complaints_by_category.v1 — complaints received in the area (and month); the SLA outcome is decided
 * by the complaints' own working-day clock. Sensitive complaints (about officials) are counted only for
 * regency-wide readers, as the complaints capability shows them to no one else.
 */
export async function complaintsIn(db: Executor, filter: RecapFilter): Promise<ComplaintRow[]> {
  const { area } = filter;
  const parts: SQL[] = [];
  if (area.level !== "regency") {
    parts.push(sql`not c.sensitive`);
    parts.push(
      area.level === "district" ? sql`c.district_code = ${area.code}` : sql`c.village_code = ${area.code}`,
    );
  }
  if (filter.programId) parts.push(sql`c.program_id = ${filter.programId}`);
  if (filter.month) {
    const first = `${filter.month}-01`;
    parts.push(
      sql`c.received_at >= ${first}::date and c.received_at < (${first}::date + interval '1 month')`,
    );
  }
  const rows = await queryRows<{
    category: string;
    stage: string;
    received_at: string | Date;
    resolved_at: string | Date | null;
  }>(
    db,
    sql`select c.category, c.stage, c.received_at, c.resolved_at from complaints c
        ${parts.length > 0 ? sql`where ${sql.join(parts, sql` and `)}` : sql``}
        order by c.received_at`,
  );
  return rows.map((r) => ({
    category: r.category,
    stage: r.stage,
    receivedAt: new Date(r.received_at),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
  }));
}

/** Names for agency, program and period keys, read once per recap. */
export async function namesOf(
  db: Executor,
  dimension: "agency" | "program" | "period",
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const table =
    dimension === "agency"
      ? sql`select id::text as id, name from agencies`
      : dimension === "program"
        ? sql`select id::text as id, name from programs`
        : sql`select pe.id::text as id, pr.name || ' — ' || pe.name as name from periods pe join programs pr on pr.id = pe.program_id`;
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select * from (${table}) t where t.id in (${list(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface AreaRecipientRow {
  person_id: string;
  name: string;
  nik_cipher: Uint8Array | null;
  nik_index: Uint8Array | null;
  village_code: string;
  district_code: string;
  rt: string | null;
  rw: string | null;
  program_name: string;
  period_name: string;
  status: string;
  decreed_amount: string | number | null;
  paid_amount: string | number | null;
  payment_status: string | null;
}

/** The applications of an area with their status, decree and payment: what a desa or kecamatan downloads. */
export async function recipientsIn(db: Executor, filter: RecapFilter): Promise<AreaRecipientRow[]> {
  return queryRows<AreaRecipientRow>(
    db,
    sql`select p.id as person_id, p.name, p.nik_cipher, p.nik_index, e.village_code, e.district_code, p.rt, p.rw,
          pr.name as program_name, pe.name as period_name, e.status,
          dec.amount as decreed_amount, pay.paid_amount, pay.status as payment_status
        from enrollments e
          join persons p on p.id = e.person_id
          join programs pr on pr.id = e.program_id
          join periods pe on pe.id = e.period_id
          left join (
            select dl.enrollment_id, sum(dl.amount) as amount
            from decree_lines dl join decrees d on d.id = dl.decree_id
            where d.status = 'approved' group by dl.enrollment_id
          ) dec on dec.enrollment_id = e.id
          left join lateral (
            select l.status, case when l.paid_on is not null then l.amount end as paid_amount
            from payment_lines l where l.enrollment_id = e.id order by l.updated_at desc limit 1
          ) pay on true
        where e.status <> 'draft' and ${enrollmentCondition(filter)}
        order by e.village_code, p.rt nulls last, p.name, pr.name, pe.name`,
  );
}

export async function batchHeading(db: Executor, batchId: string) {
  const [row] = await queryRows<{
    number: number;
    program_name: string;
    period_name: string;
    decree_number: string;
    agency_id: string;
  }>(
    db,
    sql`select b.number, pr.name as program_name, pe.name as period_name, b.decree_number, b.agency_id
        from payment_batches b join programs pr on pr.id = b.program_id join periods pe on pe.id = b.period_id
        where b.id = ${batchId}`,
  );
  return row
    ? {
        number: Number(row.number),
        programName: row.program_name,
        periodName: row.period_name,
        decreeNumber: row.decree_number,
        agencyId: row.agency_id,
      }
    : null;
}
