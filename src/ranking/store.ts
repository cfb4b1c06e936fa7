import { and, asc, desc, eq, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../db/index.ts";
import type {
  EducationLevel,
  EmploymentStatus,
  HealthCondition,
  HouseCondition,
  MaritalStatus,
} from "../registry/attributes.ts";
import { enrollments, persons } from "../registry/schema.ts";
import { ratingModels, selectionResults, selectionRuns } from "./schema.ts";

export type RatingModelRow = typeof ratingModels.$inferSelect;
export type SelectionRunRow = typeof selectionRuns.$inferSelect;
export type SelectionResultRow = typeof selectionResults.$inferSelect;

/**
 * Statuses whose applications are in a period's ranking: still on their way (listed, not eligible) or through
 * agency validation (eligible). Rejected and withdrawn ones are out; anything past "selected" means the list has
 * been published and the period's selection is frozen.
 */
export const LISTED_STATUSES = ["draft", "submitted", "verified", "validated", "selected"] as const;
export const ELIGIBLE_STATUSES: readonly string[] = ["validated", "selected"];
export const FROZEN_STATUSES = [
  "published",
  "approved",
  "paid",
  "received",
  "objection_upheld",
  "payment_failed",
  "payment_returned",
] as const;

export async function latestModel(db: Executor, programId: string): Promise<RatingModelRow | null> {
  const [row] = await db
    .select()
    .from(ratingModels)
    .where(eq(ratingModels.programId, programId))
    .orderBy(desc(ratingModels.version))
    .limit(1);
  return row ?? null;
}

export async function modelVersions(db: Executor, programId: string) {
  return db
    .select({
      version: ratingModels.version,
      sha256: ratingModels.sha256,
      reason: ratingModels.reason,
      createdAt: ratingModels.createdAt,
      createdByName: ratingModels.createdByName,
    })
    .from(ratingModels)
    .where(eq(ratingModels.programId, programId))
    .orderBy(desc(ratingModels.version));
}

export async function insertModel(
  db: Executor,
  values: Omit<typeof ratingModels.$inferInsert, "id" | "createdAt">,
): Promise<RatingModelRow> {
  const [row] = await db.insert(ratingModels).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Serialises writers of one key (a program's model, a period's selection) until the transaction ends. */
export async function lockKey(tx: Executor, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/** One applicant as ranking reads it: the enrollment, the person's place and socio-economic profile. */
export interface ApplicantRow {
  enrollmentId: string;
  personId: string;
  status: string;
  /** The enrollment's version as ranked: a selection run moves it only if unchanged since. */
  version: number;
  villageCode: string;
  districtCode: string;
  /** Position among all of the period's enrollments by time of registration (1-based). */
  registrationNumber: number;
  name: string;
  rt: string | null;
  birthDate: string | null;
  education: EducationLevel | null;
  employment: EmploymentStatus | null;
  monthlyIncome: number | null;
  maritalStatus: MaritalStatus | null;
  houseCondition: HouseCondition | null;
  health: HealthCondition | null;
  dependants: number | null;
  children: number | null;
}

interface RawApplicantRow extends Omit<ApplicantRow, "registrationNumber" | "monthlyIncome" | "birthDate"> {
  registrationNumber: string | number;
  monthlyIncome: string | number | null;
  birthDate: string | Date | null;
}

/**
 * The period's listed applicants in registration order. The registration number counts every enrollment of
 * the period (withdrawn ones too), ordered by creation time and then id, so it does not shift when someone
 * leaves the list.
 */
export async function periodApplicants(db: Executor, periodId: string): Promise<ApplicantRow[]> {
  const rows = await queryRows<RawApplicantRow>(
    db,
    sql`
      select e.id as "enrollmentId", e.person_id as "personId", e.status, e.version,
             e.village_code as "villageCode",
             e.district_code as "districtCode", e.registration_number as "registrationNumber",
             p.name, p.rt, p.birth_date::text as "birthDate", p.education, p.employment,
             p.monthly_income as "monthlyIncome", p.marital_status as "maritalStatus",
             p.house_condition as "houseCondition", p.health, p.dependants, p.children
      from (
        select id, person_id, status, version, village_code, district_code,
               row_number() over (order by created_at, id) as registration_number
        from ${enrollments}
        where period_id = ${periodId}
      ) e
      join persons p on p.id = e.person_id
      where e.status in (${sql.join(
        LISTED_STATUSES.map((s) => sql`${s}`),
        sql`, `,
      )})
      order by e.registration_number`,
  );
  return rows.map((r) => ({
    ...r,
    registrationNumber: Number(r.registrationNumber),
    monthlyIncome: r.monthlyIncome === null ? null : Number(r.monthlyIncome),
    birthDate: r.birthDate === null ? null : String(r.birthDate).slice(0, 10),
  }));
}

/** How many of the period's enrollments are past selection (published or later). */
export async function frozenCount(db: Executor, periodId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from ${enrollments}
        where period_id = ${periodId} and status in (${sql.join(
          FROZEN_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )})`,
  );
  return Number(row?.n ?? 0);
}

export async function nextRunNumber(db: Executor, periodId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string | null }>(
    db,
    sql`select max(run_number) as n from ${selectionRuns} where period_id = ${periodId}`,
  );
  return Number(row?.n ?? 0) + 1;
}

export async function insertRun(
  db: Executor,
  values: Omit<typeof selectionRuns.$inferInsert, "id" | "createdAt">,
): Promise<SelectionRunRow> {
  const [row] = await db.insert(selectionRuns).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** 13 parameters a row: 2,000 rows stay far below PostgreSQL's 65,535-parameter limit. */
const RESULT_BATCH = 2_000;

export async function insertResults(db: Executor, rows: readonly (typeof selectionResults.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += RESULT_BATCH) {
    await db
      .insert(selectionResults)
      .values(rows.slice(i, i + RESULT_BATCH) as (typeof selectionResults.$inferInsert)[]);
  }
}

export async function getRun(db: Executor, id: string): Promise<SelectionRunRow | null> {
  const [row] = await db.select().from(selectionRuns).where(eq(selectionRuns.id, id));
  return row ?? null;
}

export async function runsOfPeriod(db: Executor, periodId: string): Promise<SelectionRunRow[]> {
  return db
    .select()
    .from(selectionRuns)
    .where(eq(selectionRuns.periodId, periodId))
    .orderBy(desc(selectionRuns.runNumber));
}

export async function resultsOfRun(db: Executor, runId: string): Promise<SelectionResultRow[]> {
  return db
    .select()
    .from(selectionResults)
    .where(eq(selectionResults.runId, runId))
    .orderBy(asc(selectionResults.position));
}

export async function periodOfEnrollment(db: Executor, enrollmentId: string): Promise<string | null> {
  const [row] = await db
    .select({ periodId: enrollments.periodId })
    .from(enrollments)
    .where(eq(enrollments.id, enrollmentId));
  return row?.periodId ?? null;
}

/** Name and RT of each selected household of a run, for the list officials in its area read. */
export async function namesOfRunSelection(
  db: Executor,
  runId: string,
): Promise<Map<string, { name: string; rt: string | null }>> {
  const rows = await db
    .select({ enrollmentId: selectionResults.enrollmentId, name: persons.name, rt: persons.rt })
    .from(selectionResults)
    .innerJoin(persons, eq(persons.id, selectionResults.personId))
    .where(and(eq(selectionResults.runId, runId), eq(selectionResults.selected, true)));
  return new Map(rows.map((r) => [r.enrollmentId, { name: r.name, rt: r.rt }]));
}
