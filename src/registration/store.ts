import { createHash } from "node:crypto";
import {
  and,
  count,
  countDistinct,
  desc,
  eq,
  inArray,
  isNull,
  max,
  min,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { areaCondition } from "../access/area-sql.ts";
import { users } from "../access/schema.ts";
import type { Executor } from "../db/index.ts";
import { documents } from "../documents/schema.ts";
import { enrollments, persons } from "../registry/schema.ts";
import { registrations } from "./schema.ts";

export type RegistrationRow = typeof registrations.$inferSelect;
type RegistrationValues = typeof registrations.$inferInsert;

/** Serialises everything done under one submission id (a retry racing its original, a photo racing the form). */
export async function lockSubmission(db: Executor, submissionId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`submission:${submissionId}`}))`);
}

export async function getRegistration(db: Executor, submissionId: string): Promise<RegistrationRow | null> {
  const [row] = await db.select().from(registrations).where(eq(registrations.submissionId, submissionId));
  return row ?? null;
}

export async function enrollmentOf(db: Executor, personId: string, periodId: string) {
  const [row] = await db
    .select({ id: enrollments.id, status: enrollments.status })
    .from(enrollments)
    .where(and(eq(enrollments.personId, personId), eq(enrollments.periodId, periodId)));
  return row ?? null;
}

/** Records an applied submission; an earlier conflict under the same id is replaced by it. */
export async function saveApplied(
  db: Executor,
  values: Omit<RegistrationValues, "status" | "conflict" | "receivedAt">,
) {
  const row = { ...values, status: "applied" as const, conflict: null };
  await db
    .insert(registrations)
    .values(row)
    .onConflictDoUpdate({ target: registrations.submissionId, set: row });
}

/** Records a conflict unless the submission was applied meanwhile; true when written. */
export async function saveConflict(
  db: Executor,
  values: Omit<RegistrationValues, "status" | "result" | "enrollmentId" | "receivedAt">,
): Promise<boolean> {
  const row = { ...values, status: "conflict" as const };
  const written = await db
    .insert(registrations)
    .values(row)
    .onConflictDoUpdate({
      target: registrations.submissionId,
      set: row,
      setWhere: eq(registrations.status, "conflict"),
    })
    .returning({ id: registrations.submissionId });
  return written.length > 0;
}

export function registrationScope(actor: Actor): SQL {
  return areaCondition(actor.area, { village: registrations.villageCode, rt: registrations.rt });
}

// Possible duplicates while typing -----------------------------------------------------------------------

export interface DuplicateCandidate {
  match: "nik" | "kk" | "name_birthdate";
  personId: string;
  name: string;
  villageCode: string;
  districtCode: string;
  rt: string | null;
  enrolledStatus: string | null;
}

export async function possibleDuplicates(
  db: Executor,
  key: {
    nikIndex: Uint8Array | null;
    kkIndex: Uint8Array | null;
    nameSearch: string | null;
    birthDate: string | null;
    periodId: string | null;
  },
): Promise<DuplicateCandidate[]> {
  const conditions: SQL[] = [];
  if (key.nikIndex) conditions.push(eq(persons.nikIndex, key.nikIndex));
  if (key.kkIndex) conditions.push(eq(persons.kkIndex, key.kkIndex));
  if (key.nameSearch && key.birthDate) {
    conditions.push(and(eq(persons.nameSearch, key.nameSearch), eq(persons.birthDate, key.birthDate)) as SQL);
  }
  if (conditions.length === 0) return [];
  const rows = await db
    .select({
      personId: persons.id,
      name: persons.name,
      villageCode: persons.villageCode,
      districtCode: persons.districtCode,
      rt: persons.rt,
      nikIndex: persons.nikIndex,
      kkIndex: persons.kkIndex,
    })
    .from(persons)
    .where(or(...conditions))
    .limit(20);
  const enrolled =
    key.periodId && rows.length > 0
      ? await db
          .select({ personId: enrollments.personId, status: enrollments.status })
          .from(enrollments)
          .where(
            and(
              eq(enrollments.periodId, key.periodId),
              inArray(
                enrollments.personId,
                rows.map((r) => r.personId),
              ),
            ),
          )
      : [];
  const statusOf = new Map(enrolled.map((e) => [e.personId, e.status]));
  const same = (a: Uint8Array | null, b: Uint8Array | null) =>
    !!a && !!b && Buffer.from(a).equals(Buffer.from(b));
  return rows.map((r) => ({
    match: same(r.nikIndex, key.nikIndex) ? "nik" : same(r.kkIndex, key.kkIndex) ? "kk" : "name_birthdate",
    personId: r.personId,
    name: r.name,
    villageCode: r.villageCode,
    districtCode: r.districtCode,
    rt: r.rt,
    enrolledStatus: statusOf.get(r.personId) ?? null,
  }));
}

// Reports ------------------------------------------------------------------------------------------------

/** An opaque, stable name for a presenter: the grouping key itself (a blind index or a name) is not shown. */
const presenterId = (key: string) => createHash("sha256").update(key).digest("hex").slice(0, 16);

export async function presenterGroups(
  db: Executor,
  scope: SQL,
  query: { periodId?: string | undefined; minApplicants: number },
) {
  const where = and(
    scope,
    eq(registrations.status, "applied"),
    eq(registrations.appearedInPerson, false),
    sql`${registrations.presenterKey} is not null`,
    query.periodId ? eq(registrations.periodId, query.periodId) : undefined,
  );
  const groups = await db
    .select({
      key: registrations.presenterKey,
      name: max(registrations.presenterName),
      applicants: countDistinct(registrations.personId),
      submissions: count(),
      villages: countDistinct(registrations.villageCode),
      officers: countDistinct(registrations.officerId),
      first: min(registrations.receivedAt),
      last: max(registrations.receivedAt),
    })
    .from(registrations)
    .where(where)
    .groupBy(registrations.presenterKey)
    .having(sql`count(distinct ${registrations.personId}) >= ${query.minApplicants}`)
    .orderBy(desc(countDistinct(registrations.personId)), registrations.presenterKey)
    .limit(200);
  const keys = groups.flatMap((g) => (g.key ? [g.key] : []));
  const items =
    keys.length === 0
      ? []
      : await db
          .select({
            key: registrations.presenterKey,
            submissionId: registrations.submissionId,
            enrollmentId: registrations.enrollmentId,
            personName: persons.name,
            villageCode: registrations.villageCode,
            rt: registrations.rt,
            relation: registrations.presenterRelation,
            officerName: users.name,
            receivedAt: registrations.receivedAt,
          })
          .from(registrations)
          .leftJoin(persons, eq(persons.id, registrations.personId))
          .innerJoin(users, eq(users.id, registrations.officerId))
          .where(and(where, inArray(registrations.presenterKey, keys)))
          .orderBy(registrations.receivedAt);
  return groups.map((g) => ({
    presenterId: presenterId(g.key ?? ""),
    name: g.name,
    applicants: g.applicants,
    submissions: g.submissions,
    villages: g.villages,
    officers: g.officers,
    first: g.first?.toISOString() ?? null,
    last: g.last?.toISOString() ?? null,
    registrations: items
      .filter((i) => i.key === g.key)
      .map(({ key: _key, receivedAt, ...rest }) => ({ ...rest, receivedAt: receivedAt.toISOString() })),
  }));
}

/** Per registering officer: how many applicants did not come in person. */
export async function officerSummary(db: Executor, scope: SQL, query: { periodId?: string | undefined }) {
  const rows = await db
    .select({
      officerId: registrations.officerId,
      name: users.name,
      role: users.role,
      submissions: count(),
      notInPerson: sql<number>`count(*) filter (where not ${registrations.appearedInPerson})`.mapWith(Number),
    })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.officerId))
    .where(
      and(
        scope,
        eq(registrations.status, "applied"),
        query.periodId ? eq(registrations.periodId, query.periodId) : undefined,
      ),
    )
    .groupBy(registrations.officerId, users.name, users.role)
    .orderBy(desc(sql`count(*) filter (where not ${registrations.appearedInPerson})`));
  return rows;
}

/** The same photo (same SHA-256 after stripping) attached to more than one application in the caller's area. */
export async function reusedPhotos(db: Executor, actor: Actor, periodId: string | undefined) {
  const scope = areaCondition(actor.area, { village: enrollments.villageCode });
  const rows = await db
    .select({
      sha256: documents.sha256,
      kinds: sql<string[]>`array_agg(distinct ${documents.kind})`,
      applications: countDistinct(documents.enrollmentId),
      enrollmentIds: sql<string[]>`array_agg(distinct ${documents.enrollmentId})`,
    })
    .from(documents)
    .innerJoin(enrollments, eq(enrollments.id, documents.enrollmentId))
    .where(
      and(scope, isNull(documents.supersededAt), periodId ? eq(enrollments.periodId, periodId) : undefined),
    )
    .groupBy(documents.sha256)
    .having(sql`count(distinct ${documents.enrollmentId}) > 1`)
    .orderBy(desc(countDistinct(documents.enrollmentId)))
    .limit(200);
  return rows.map((r) => ({ ...r, kinds: [...r.kinds].sort(), enrollmentIds: [...r.enrollmentIds].sort() }));
}

export async function searchRegistrations(
  db: Executor,
  scope: SQL,
  query: {
    status?: "applied" | "conflict" | undefined;
    officerId: string | null;
    page: number;
    pageSize: number;
  },
) {
  const where = and(
    scope,
    query.status ? eq(registrations.status, query.status) : undefined,
    query.officerId ? eq(registrations.officerId, query.officerId) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({
        submissionId: registrations.submissionId,
        status: registrations.status,
        officerId: registrations.officerId,
        officerName: users.name,
        capturedAt: registrations.capturedAt,
        receivedAt: registrations.receivedAt,
        periodId: registrations.periodId,
        personId: registrations.personId,
        personName: persons.name,
        enrollmentId: registrations.enrollmentId,
        villageCode: registrations.villageCode,
        rt: registrations.rt,
        appearedInPerson: registrations.appearedInPerson,
        presenterName: registrations.presenterName,
        conflict: registrations.conflict,
      })
      .from(registrations)
      .innerJoin(users, eq(users.id, registrations.officerId))
      .leftJoin(persons, eq(persons.id, registrations.personId))
      .where(where)
      .orderBy(desc(registrations.receivedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(registrations).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      capturedAt: r.capturedAt.toISOString(),
      receivedAt: r.receivedAt.toISOString(),
    })),
    total: totals[0]?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
