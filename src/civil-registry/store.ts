/** The civil-registry capability's SQL: batches and their lines, result files, results, verifications, reviews. */
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { AreaScope } from "../access/area.ts";
import { areaCondition } from "../access/area-sql.ts";
import type { Executor } from "../db/index.ts";
import { enrollments, persons } from "../registry/schema.ts";
import type { EnrollmentStatus } from "../workflow/engine.ts";
import type { BatchScope, ReviewState, VerificationSource, VerificationStatus } from "./codes.ts";
import {
  type BatchRow,
  civilRegistryBatches,
  civilRegistryLines,
  civilRegistryResultFiles,
  civilRegistryResults,
  civilRegistryReviews,
  type LineRow,
  personVerifications,
  type ResultRow,
  type ReviewRow,
  type VerificationRow,
} from "./schema.ts";

export interface BatchSelection {
  scope: BatchScope;
  areaCode: string;
  periodId: string | null;
  /** The caller's area: nobody sends persons they cannot see. */
  within: AreaScope;
  statuses: readonly EnrollmentStatus[];
}

/** The persons a batch of this scope holds, in a stable order (desa, name, id). */
export async function personsForBatch(db: Executor, s: BatchSelection) {
  const conditions: SQL[] = [
    areaCondition(s.within, { village: persons.villageCode, rt: persons.rt }),
    or(eq(persons.villageCode, s.areaCode), sql`${persons.villageCode} like ${`${s.areaCode}.%`}`) as SQL,
  ];
  if (s.scope === "unverified") conditions.push(isNull(personVerifications.personId));
  if (s.scope === "period" && s.periodId)
    conditions.push(
      sql`exists (select 1 from ${enrollments} where ${enrollments.personId} = ${persons.id}
        and ${enrollments.periodId} = ${s.periodId} and ${inArray(enrollments.status, [...s.statuses])})`,
    );
  return db
    .select({
      id: persons.id,
      nikIndex: persons.nikIndex,
      villageCode: persons.villageCode,
      districtCode: persons.districtCode,
    })
    .from(persons)
    .leftJoin(personVerifications, eq(personVerifications.personId, persons.id))
    .where(and(...conditions))
    .orderBy(asc(persons.villageCode), asc(persons.nameSearch), asc(persons.id));
}

export async function insertBatch(
  tx: Executor,
  values: typeof civilRegistryBatches.$inferInsert,
): Promise<BatchRow> {
  const [row] = await tx.insert(civilRegistryBatches).values(values).returning();
  if (!row) throw new Error("batch insert returned nothing");
  return row;
}

export async function insertLines(
  tx: Executor,
  values: (typeof civilRegistryLines.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < values.length; i += 2000)
    await tx.insert(civilRegistryLines).values(values.slice(i, i + 2000));
}

export async function getBatch(db: Executor, id: string, forUpdate = false): Promise<BatchRow | null> {
  const query = db.select().from(civilRegistryBatches).where(eq(civilRegistryBatches.id, id));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function listBatches(db: Executor, within: AreaScope, limit: number, offset: number) {
  const condition =
    within.level === "regency"
      ? undefined
      : or(
          eq(civilRegistryBatches.areaCode, within.code),
          sql`${civilRegistryBatches.areaCode} like ${`${within.code}.%`}`,
        );
  const rows = await db
    .select()
    .from(civilRegistryBatches)
    .where(condition)
    .orderBy(desc(civilRegistryBatches.createdAt), desc(civilRegistryBatches.code))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(civilRegistryBatches)
    .where(condition);
  return { rows, total: count?.n ?? 0 };
}

export async function linesOf(db: Executor, batchId: string): Promise<LineRow[]> {
  return db
    .select()
    .from(civilRegistryLines)
    .where(eq(civilRegistryLines.batchId, batchId))
    .orderBy(asc(civilRegistryLines.line));
}

/** The batch's lines with the persons' current record, for the file the office receives. */
export async function linesWithPersons(db: Executor, batchId: string) {
  return db
    .select({ line: civilRegistryLines.line, person: persons })
    .from(civilRegistryLines)
    .innerJoin(persons, eq(persons.id, civilRegistryLines.personId))
    .where(eq(civilRegistryLines.batchId, batchId))
    .orderBy(asc(civilRegistryLines.line));
}

export async function findResultFile(db: Executor, batchId: string, sha256: string) {
  const [row] = await db
    .select()
    .from(civilRegistryResultFiles)
    .where(and(eq(civilRegistryResultFiles.batchId, batchId), eq(civilRegistryResultFiles.sha256, sha256)));
  return row ?? null;
}

export async function insertResultFile(tx: Executor, values: typeof civilRegistryResultFiles.$inferInsert) {
  const [row] = await tx.insert(civilRegistryResultFiles).values(values).returning();
  if (!row) throw new Error("result file insert returned nothing");
  return row;
}

export async function resultsOfBatch(db: Executor, batchId: string): Promise<ResultRow[]> {
  return db
    .select({ result: civilRegistryResults })
    .from(civilRegistryResults)
    .innerJoin(civilRegistryLines, eq(civilRegistryLines.id, civilRegistryResults.lineId))
    .where(eq(civilRegistryLines.batchId, batchId))
    .then((rows) => rows.map((r) => r.result));
}

export async function insertResult(
  tx: Executor,
  values: typeof civilRegistryResults.$inferInsert,
): Promise<ResultRow> {
  const [row] = await tx.insert(civilRegistryResults).values(values).returning();
  if (!row) throw new Error("result insert returned nothing");
  return row;
}

export async function personsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, typeof persons.$inferSelect>();
  const rows = await db
    .select()
    .from(persons)
    .where(inArray(persons.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Keeps the newest verification: an older file received late does not overwrite a newer answer. */
export async function recordVerification(
  tx: Executor,
  v: {
    personId: string;
    status: VerificationStatus;
    checkedOn: string;
    source: VerificationSource;
    sourceRef: string;
    villageCode: string;
    districtCode: string;
  },
): Promise<void> {
  await tx
    .insert(personVerifications)
    .values(v)
    .onConflictDoUpdate({
      target: personVerifications.personId,
      set: {
        status: sql`excluded.status`,
        checkedOn: sql`excluded.checked_on`,
        source: sql`excluded.source`,
        sourceRef: sql`excluded.source_ref`,
        villageCode: sql`excluded.village_code`,
        districtCode: sql`excluded.district_code`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${personVerifications.checkedOn} <= excluded.checked_on`,
    });
}

export async function verificationOf(db: Executor, personId: string): Promise<VerificationRow | null> {
  const [row] = await db.select().from(personVerifications).where(eq(personVerifications.personId, personId));
  return row ?? null;
}

export async function insertReviews(tx: Executor, values: (typeof civilRegistryReviews.$inferInsert)[]) {
  if (values.length > 0) await tx.insert(civilRegistryReviews).values(values);
}

export async function getReview(db: Executor, id: string, forUpdate = false): Promise<ReviewRow | null> {
  const query = db.select().from(civilRegistryReviews).where(eq(civilRegistryReviews.id, id));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function listReviews(
  db: Executor,
  within: AreaScope,
  states: readonly ReviewState[],
  limit: number,
  offset: number,
) {
  const condition = and(
    areaCondition(within, { village: civilRegistryReviews.villageCode }),
    inArray(civilRegistryReviews.state, [...states]),
  );
  const rows = await db
    .select({ review: civilRegistryReviews, person: persons, result: civilRegistryResults })
    .from(civilRegistryReviews)
    .innerJoin(persons, eq(persons.id, civilRegistryReviews.personId))
    .innerJoin(civilRegistryResults, eq(civilRegistryResults.id, civilRegistryReviews.resultId))
    .where(condition)
    .orderBy(asc(civilRegistryReviews.villageCode), asc(persons.nameSearch), asc(civilRegistryReviews.field))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(civilRegistryReviews)
    .where(condition);
  return { rows, total: count?.n ?? 0 };
}

export async function getResult(db: Executor, id: string): Promise<ResultRow | null> {
  const [row] = await db.select().from(civilRegistryResults).where(eq(civilRegistryResults.id, id));
  return row ?? null;
}

export async function updateReview(
  tx: Executor,
  id: string,
  version: number,
  set: Partial<typeof civilRegistryReviews.$inferInsert>,
): Promise<ReviewRow | null> {
  const [row] = await tx
    .update(civilRegistryReviews)
    .set({ ...set, version: version + 1 })
    .where(and(eq(civilRegistryReviews.id, id), eq(civilRegistryReviews.version, version)))
    .returning();
  return row ?? null;
}

/** Open applications of persons, as withdrawal candidates (the workflow decides which edges exist). */
export async function openEnrollmentIds(
  db: Executor,
  personIds: readonly string[],
  statuses: readonly EnrollmentStatus[],
) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: enrollments.id, personId: enrollments.personId })
    .from(enrollments)
    .where(and(inArray(enrollments.personId, [...personIds]), inArray(enrollments.status, [...statuses])))
    .orderBy(asc(enrollments.id));
}

export interface AreaVerificationCount {
  code: string;
  persons: number;
  verified: number;
  padan: number;
  tidakPadan: number;
  notFound: number;
  deceased: number;
  moved: number;
}

/** Per desa or kecamatan of the scope: persons, and how many the civil registry verified with each answer. */
export async function verificationCounts(
  db: Executor,
  within: AreaScope,
  level: "village" | "district",
): Promise<AreaVerificationCount[]> {
  const key = level === "village" ? persons.villageCode : persons.districtCode;
  const count = (status: VerificationStatus) =>
    sql<number>`(count(*) filter (where ${personVerifications.status} = ${status}))::int`;
  return db
    .select({
      code: key,
      persons: sql<number>`count(*)::int`,
      verified: sql<number>`count(${personVerifications.personId})::int`,
      padan: count("padan"),
      tidakPadan: count("tidak_padan"),
      notFound: count("not_found"),
      deceased: count("deceased"),
      moved: count("moved"),
    })
    .from(persons)
    .leftJoin(personVerifications, eq(personVerifications.personId, persons.id))
    .where(areaCondition(within, { village: persons.villageCode, rt: persons.rt }))
    .groupBy(key)
    .orderBy(asc(key));
}

export async function setResultFileSummary(tx: Executor, id: string, summary: unknown): Promise<void> {
  await tx.update(civilRegistryResultFiles).set({ summary }).where(eq(civilRegistryResultFiles.id, id));
}
