import { and, desc, eq, gte, inArray, lte, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { AreaScope } from "../access/area.ts";
import { areaCondition } from "../access/area-sql.ts";
import type { Executor } from "../db/index.ts";
import { agencies, enrollments, periods, persons, programs } from "../registry/schema.ts";
import type { REVIEW_KINDS, REVIEW_STATUSES } from "./codes.ts";
import type { PairExplanation } from "./explain.ts";
import { matchReviews, matchRuns, overlapRules } from "./schema.ts";

export type ReviewRow = typeof matchReviews.$inferSelect;
export type RuleRow = typeof overlapRules.$inferSelect;
export type RunRow = typeof matchRuns.$inferSelect;

/** Statuses that no longer receive anything: left out of overlap checks. */
export const INACTIVE_STATUSES = ["rejected", "withdrawn"] as const;

export interface PersonPlaceRow {
  id: string;
  name: string;
  sex: string;
  birthDate: string | null;
  villageCode: string;
  districtCode: string;
  rt: string | null;
  kkIndex: Uint8Array | null;
}

export async function personPlaces(db: Executor, ids: readonly string[]): Promise<PersonPlaceRow[]> {
  if (ids.length === 0) return [];
  const out: PersonPlaceRow[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    out.push(
      ...(await db
        .select({
          id: persons.id,
          name: persons.name,
          sex: persons.sex,
          birthDate: persons.birthDate,
          villageCode: persons.villageCode,
          districtCode: persons.districtCode,
          rt: persons.rt,
          kkIndex: persons.kkIndex,
        })
        .from(persons)
        .where(inArray(persons.id, ids.slice(i, i + 1000) as string[]))),
    );
  }
  return out;
}

export interface EnrollmentInWindow {
  enrollmentId: string;
  personId: string;
  status: string;
  programId: string;
  programCode: string;
  programName: string;
  agencyId: string;
  agencyCode: string;
  periodId: string;
  periodName: string;
  startsOn: string;
  endsOn: string;
}

/** Active enrollments in periods overlapping [from, to]; of the given persons when `personIds` is set. */
export async function enrollmentsInWindow(
  db: Executor,
  window: { from: string; to: string },
  personIds?: readonly string[],
): Promise<EnrollmentInWindow[]> {
  if (personIds && personIds.length === 0) return [];
  const conditions: SQL[] = [
    lte(periods.startsOn, window.to),
    gte(periods.endsOn, window.from),
    notInArray(enrollments.status, [...INACTIVE_STATUSES]),
  ];
  if (personIds) conditions.push(inArray(enrollments.personId, [...personIds]));
  // Thousands of rows on the embedded database: each repeated program, agency and period text costs more to
  // return than to join here, so the rows carry ids and the few periods are read once.
  const rows = await db
    .select({
      enrollmentId: enrollments.id,
      personId: enrollments.personId,
      status: enrollments.status,
      periodId: enrollments.periodId,
    })
    .from(enrollments)
    .innerJoin(periods, eq(periods.id, enrollments.periodId))
    .where(and(...conditions));
  const periodIds = [...new Set(rows.map((r) => r.periodId))];
  if (periodIds.length === 0) return [];
  const about = new Map(
    (
      await db
        .select({
          programId: programs.id,
          programCode: programs.code,
          programName: programs.name,
          agencyId: agencies.id,
          agencyCode: agencies.code,
          periodId: periods.id,
          periodName: periods.name,
          startsOn: periods.startsOn,
          endsOn: periods.endsOn,
        })
        .from(periods)
        .innerJoin(programs, eq(programs.id, periods.programId))
        .innerJoin(agencies, eq(agencies.id, programs.agencyId))
        .where(inArray(periods.id, periodIds))
    ).map((p) => [p.periodId, p]),
  );
  const out: EnrollmentInWindow[] = [];
  for (const row of rows) {
    const period = about.get(row.periodId);
    if (period)
      out.push({ enrollmentId: row.enrollmentId, personId: row.personId, status: row.status, ...period });
  }
  return out.sort((a, b) =>
    a.personId < b.personId
      ? -1
      : a.personId > b.personId
        ? 1
        : a.programCode < b.programCode
          ? -1
          : a.programCode > b.programCode
            ? 1
            : 0,
  );
}

export async function periodWindow(db: Executor, periodId: string) {
  const [row] = await db
    .select({ from: periods.startsOn, to: periods.endsOn, programId: periods.programId })
    .from(periods)
    .where(eq(periods.id, periodId));
  return row ?? null;
}

// Review queue -------------------------------------------------------------------------------------------------

export interface ReviewDraft {
  personA: string;
  personB: string;
  kind: (typeof REVIEW_KINDS)[number];
  probability: number;
  weight: number;
  explanation: PairExplanation;
  villageCode: string;
  districtCode: string;
  rt: string | null;
  villageCodeB: string;
  rtB: string | null;
  runId: string | null;
}

/** Adds pairs not asked before; a pair already in the queue (open or decided) is left as it is. */
export async function insertReviews(db: Executor, drafts: readonly ReviewDraft[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < drafts.length; i += 500) {
    const rows = await db
      .insert(matchReviews)
      .values(drafts.slice(i, i + 500) as ReviewDraft[])
      .onConflictDoNothing({ target: [matchReviews.personA, matchReviews.personB] })
      .returning({ id: matchReviews.id });
    inserted += rows.length;
  }
  return inserted;
}

export async function decidedReviews(db: Executor) {
  return db
    .select({
      personA: matchReviews.personA,
      personB: matchReviews.personB,
      status: matchReviews.status,
      kind: matchReviews.kind,
      probability: matchReviews.probability,
    })
    .from(matchReviews)
    .where(notInArray(matchReviews.status, ["open"]));
}

/** Both persons of a pair inside the scope: a pair straddling the border goes to whoever sees both. */
export function reviewScope(scope: AreaScope): SQL {
  return and(
    areaCondition(scope, { village: matchReviews.villageCode, rt: matchReviews.rt }),
    areaCondition(scope, { village: matchReviews.villageCodeB, rt: matchReviews.rtB }),
  ) as SQL;
}

export async function listReviews(
  db: Executor,
  scope: AreaScope,
  query: { status?: (typeof REVIEW_STATUSES)[number] | undefined; page: number; pageSize: number },
) {
  const where = and(reviewScope(scope), query.status ? eq(matchReviews.status, query.status) : undefined);
  const rows = await db
    .select()
    .from(matchReviews)
    .where(where)
    .orderBy(desc(matchReviews.probability), matchReviews.id)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(matchReviews).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function lockReview(db: Executor, id: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(matchReviews).where(eq(matchReviews.id, id)).for("update");
  return row ?? null;
}

export async function recordDecision(
  db: Executor,
  id: string,
  decision: {
    status: "same_person" | "different_people";
    reason: string;
    decidedBy: string;
    decidedAt: Date;
  },
): Promise<ReviewRow> {
  const [row] = await db
    .update(matchReviews)
    .set(decision)
    .where(and(eq(matchReviews.id, id), eq(matchReviews.status, "open")))
    .returning();
  if (!row) throw new Error(`review ${id} is no longer open`);
  return row;
}

export async function insertRun(db: Executor, values: typeof matchRuns.$inferInsert): Promise<RunRow> {
  const [row] = await db.insert(matchRuns).values(values).returning();
  if (!row) throw new Error("match run not inserted");
  return row;
}

// Overlap rules ------------------------------------------------------------------------------------------------

export async function insertRule(db: Executor, values: typeof overlapRules.$inferInsert): Promise<RuleRow> {
  const [row] = await db.insert(overlapRules).values(values).onConflictDoNothing().returning();
  if (row) return row;
  const [existing] = await db
    .select()
    .from(overlapRules)
    .where(
      and(
        eq(overlapRules.programA, values.programA),
        eq(overlapRules.programB, values.programB),
        eq(overlapRules.level, values.level),
        eq(overlapRules.startsOn, values.startsOn),
        eq(overlapRules.endsOn, values.endsOn),
      ),
    );
  if (!existing) throw new Error("overlap rule not inserted");
  return existing;
}

/** Rules in force at some point of [from, to]. */
export async function rulesInWindow(db: Executor, window?: { from: string; to: string }): Promise<RuleRow[]> {
  return db
    .select()
    .from(overlapRules)
    .where(
      window ? and(lte(overlapRules.startsOn, window.to), gte(overlapRules.endsOn, window.from)) : undefined,
    )
    .orderBy(overlapRules.startsOn, overlapRules.id);
}

export async function programsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: programs.id, code: programs.code, name: programs.name, agencyId: programs.agencyId })
    .from(programs)
    .where(or(...ids.map((id) => eq(programs.id, id))));
}

/** Each person's enrollment status in one period (any status), for the registration form's warning. */
export async function enrollmentStatusIn(db: Executor, periodId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ personId: enrollments.personId, status: enrollments.status })
    .from(enrollments)
    .where(and(eq(enrollments.periodId, periodId), inArray(enrollments.personId, [...personIds])));
  return new Map(rows.map((r) => [r.personId, r.status as string]));
}
