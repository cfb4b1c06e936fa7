/** The portal's SQL: sources of a snapshot, publications, list entries, objections and rate-limit counters. */
import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, gt, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { AreaScope } from "../access/area.ts";
import { areaCondition } from "../access/area-sql.ts";
import { type Executor, queryRows } from "../db/index.ts";
import { answerPerLine } from "../receipts/store.ts";
import { agencies, businesses, enrollments, periods, persons, programs } from "../registry/schema.ts";
import type { EnrollmentStatus } from "../workflow/engine.ts";
import { objections, publicAttempts, publicationEntries, publications } from "./schema.ts";
import type { ReceiptTotal } from "./snapshot.ts";

export async function periodWithProgram(db: Executor, periodId: string) {
  const [row] = await db
    .select({
      periodId: periods.id,
      periodName: periods.name,
      startsOn: periods.startsOn,
      endsOn: periods.endsOn,
      programId: programs.id,
      programCode: programs.code,
      programName: programs.name,
      kind: programs.kind,
      target: programs.target,
      amountPerRecipient: programs.amountPerRecipient,
      budget: programs.budget,
      quota: programs.quota,
      agencyId: programs.agencyId,
      agencyName: agencies.name,
    })
    .from(periods)
    .innerJoin(programs, eq(programs.id, periods.programId))
    .innerJoin(agencies, eq(agencies.id, programs.agencyId))
    .where(eq(periods.id, periodId));
  return row ?? null;
}

export async function statusCounts(db: Executor, periodId: string) {
  const rows = await db
    .select({ villageCode: enrollments.villageCode, status: enrollments.status, count: count() })
    .from(enrollments)
    .where(eq(enrollments.periodId, periodId))
    .groupBy(enrollments.villageCode, enrollments.status);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** The persons a list names, in display order (desa, RT, name), with a fresh opaque ref each. */
export async function listedEnrollments(
  db: Executor,
  periodId: string,
  statuses: readonly EnrollmentStatus[],
) {
  if (statuses.length === 0) return [];
  const rows = await db
    .select({
      enrollmentId: enrollments.id,
      version: enrollments.version,
      villageCode: enrollments.villageCode,
      fullName: persons.name,
      rt: persons.rt,
      rw: persons.rw,
      business: businesses.sector,
    })
    .from(enrollments)
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .leftJoin(businesses, eq(businesses.id, enrollments.businessId))
    .where(and(eq(enrollments.periodId, periodId), inArray(enrollments.status, [...statuses])))
    .orderBy(asc(enrollments.villageCode), asc(persons.rt), asc(persons.name), asc(enrollments.id));
  return rows.map((r) => ({ ...r, ref: randomBytes(6).toString("base64url") }));
}

export type PublicationRow = typeof publications.$inferSelect;

export async function insertPublication(db: Executor, values: typeof publications.$inferInsert) {
  const [row] = await db.insert(publications).values(values).returning();
  return row as PublicationRow;
}

const ENTRY_BATCH = 5_000;
export async function insertEntries(db: Executor, rows: (typeof publicationEntries.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += ENTRY_BATCH)
    await db.insert(publicationEntries).values(rows.slice(i, i + ENTRY_BATCH));
}

export async function entriesOf(db: Executor, publicationId: string) {
  return db
    .select({
      ref: publicationEntries.ref,
      enrollmentId: publicationEntries.enrollmentId,
      version: publicationEntries.enrollmentVersion,
    })
    .from(publicationEntries)
    .where(eq(publicationEntries.publicationId, publicationId));
}

export async function entry(db: Executor, publicationId: string, ref: string) {
  const [row] = await db
    .select({
      enrollmentId: publicationEntries.enrollmentId,
      villageCode: enrollments.villageCode,
      districtCode: enrollments.districtCode,
      rt: persons.rt,
    })
    .from(publicationEntries)
    .innerJoin(enrollments, eq(enrollments.id, publicationEntries.enrollmentId))
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .where(and(eq(publicationEntries.publicationId, publicationId), eq(publicationEntries.ref, ref)));
  return row ?? null;
}

/** Full names for the printed poster of one desa: the only place a full name of a list appears. */
export async function posterNames(db: Executor, publicationId: string, villageCode: string) {
  return db
    .select({ ref: publicationEntries.ref, fullName: persons.name })
    .from(publicationEntries)
    .innerJoin(enrollments, eq(enrollments.id, publicationEntries.enrollmentId))
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .where(
      and(eq(publicationEntries.publicationId, publicationId), eq(enrollments.villageCode, villageCode)),
    );
}

export async function publication(db: Executor, id: string): Promise<PublicationRow | null> {
  const [row] = await db.select().from(publications).where(eq(publications.id, id));
  return row ?? null;
}

export async function lockPublication(db: Executor, id: string): Promise<PublicationRow | null> {
  const [row] = await db.select().from(publications).where(eq(publications.id, id)).for("update");
  return row ?? null;
}

export async function markPublished(
  db: Executor,
  id: string,
  values: { publishedBy: string | null; objectionEndsOn: string | null },
) {
  const [row] = await db
    .update(publications)
    .set({
      state: "published",
      publishedBy: values.publishedBy,
      publishedAt: sql`now()`,
      objectionEndsOn: values.objectionEndsOn,
      seq: sql`nextval(pg_get_serial_sequence('portal_publications', 'seq'))`,
    })
    .where(and(eq(publications.id, id), eq(publications.state, "prepared")))
    .returning();
  return row ?? null;
}

export async function discard(db: Executor, id: string) {
  const [row] = await db
    .update(publications)
    .set({ state: "discarded" })
    .where(and(eq(publications.id, id), eq(publications.state, "prepared")))
    .returning({ id: publications.id });
  return row ?? null;
}

/** Publications of the agencies an official sees, newest first, without their snapshots. */
export async function listPublications(db: Executor, agencyId: string | null, limit = 100) {
  return db
    .select({
      id: publications.id,
      kind: publications.kind,
      state: publications.state,
      sha256: publications.sha256,
      programId: publications.programId,
      periodId: publications.periodId,
      programName: programs.name,
      periodName: periods.name,
      preparedBy: publications.preparedBy,
      preparedAt: publications.preparedAt,
      publishedBy: publications.publishedBy,
      publishedAt: publications.publishedAt,
      objectionEndsOn: publications.objectionEndsOn,
      entries: sql<number>`(select count(*)::int from ${publicationEntries} where ${publicationEntries.publicationId} = ${publications.id})`,
    })
    .from(publications)
    .innerJoin(programs, eq(programs.id, publications.programId))
    .innerJoin(periods, eq(periods.id, publications.periodId))
    .where(agencyId ? eq(publications.agencyId, agencyId) : undefined)
    .orderBy(desc(publications.preparedAt))
    .limit(limit);
}

/** Published snapshots after `afterSeq`, oldest first: what a process loads at start and polls for. */
export async function publishedSince(db: Executor, afterSeq: number) {
  return db
    .select({
      id: publications.id,
      seq: publications.seq,
      kind: publications.kind,
      periodId: publications.periodId,
      snapshot: publications.snapshot,
      sha256: publications.sha256,
      publishedAt: publications.publishedAt,
      objectionEndsOn: publications.objectionEndsOn,
    })
    .from(publications)
    .where(and(eq(publications.state, "published"), gt(publications.seq, afterSeq)))
    .orderBy(asc(publications.seq));
}

export async function latestPublishedSeq(db: Executor): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number | null>`max(${publications.seq})` })
    .from(publications)
    .where(eq(publications.state, "published"));
  return Number(row?.seq ?? 0);
}

export async function insertObjection(db: Executor, values: typeof objections.$inferInsert) {
  const [row] = await db
    .insert(objections)
    .values(values)
    .returning({ id: objections.id, createdAt: objections.createdAt });
  return row as { id: string; createdAt: Date };
}

export interface ObjectionFilter {
  area: AreaScope;
  agencyId: string | null;
  id?: string;
  state?: "open" | "upheld" | "dismissed";
  limit: number;
  offset: number;
}

/** Objections in an official's area (and agency), without who sent them. */
export async function listObjections(db: Executor, filter: ObjectionFilter) {
  const where: SQL[] = [areaCondition(filter.area, { village: objections.villageCode, rt: objections.rt })];
  if (filter.agencyId) where.push(eq(objections.agencyId, filter.agencyId));
  if (filter.state) where.push(eq(objections.state, filter.state));
  if (filter.id) where.push(eq(objections.id, filter.id));
  const condition = and(...where);
  const rows = await db
    .select({
      id: objections.id,
      publicationId: objections.publicationId,
      enrollmentId: objections.enrollmentId,
      villageCode: objections.villageCode,
      rt: objections.rt,
      reasonCode: objections.reasonCode,
      reason: objections.reason,
      state: objections.state,
      createdAt: objections.createdAt,
      personName: persons.name,
      programName: programs.name,
      periodName: periods.name,
      enrollmentStatus: enrollments.status,
      enrollmentVersion: enrollments.version,
    })
    .from(objections)
    .innerJoin(enrollments, eq(enrollments.id, objections.enrollmentId))
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .innerJoin(periods, eq(periods.id, enrollments.periodId))
    .where(condition)
    .orderBy(desc(objections.createdAt), asc(objections.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(objections).where(condition);
  return { rows, total: Number(total?.n ?? 0) };
}

export interface SelfCheckRow {
  nikTries: number;
  addressTries: number;
  /** Whether the blind index found a person; when not, `personId` and `statuses` are the decoy's. */
  found: boolean;
  personId: string | null;
  statuses: {
    enrollmentId: string;
    programCode: string;
    programName: string;
    periodId: string;
    periodName: string;
    status: string;
    statusChangedAt: string;
  }[];
}

/**
 * One statement whatever the NIK: counts the attempt under both keys, looks up the blind index, and gathers the
 * applications of the person found — or of a decoy person when none is, so that an unknown NIK costs the
 * database exactly the work a known one does. The caller shows statuses only when `found` and the code match.
 */
/** The attempt counters of a self-check, or none when the limits are lifted (benchmarks, a closed network). */
function counters(input: {
  count: boolean;
  nikKey: string;
  nikBucket: string;
  nikExpires: Date;
  addressKey: string;
  addressBucket: string;
  addressExpires: Date;
}) {
  if (!input.count) return sql`nik_hit as (select 0 as count), address_hit as (select 0 as count)`;
  return sql`nik_hit as (
      insert into ${publicAttempts} (key, bucket, count, expires_at) values (${input.nikKey}, ${input.nikBucket}, 1, ${input.nikExpires.toISOString()})
      on conflict (key, bucket) do update set count = ${publicAttempts}.count + 1 returning count
    ), address_hit as (
      insert into ${publicAttempts} (key, bucket, count, expires_at) values (${input.addressKey}, ${input.addressBucket}, 1, ${input.addressExpires.toISOString()})
      on conflict (key, bucket) do update set count = ${publicAttempts}.count + 1 returning count
    )`;
}

export async function selfCheckLookup(
  db: Executor,
  input: {
    /** False when both limits are lifted: nothing to count. */
    count: boolean;
    nikKey: string;
    nikBucket: string;
    nikExpires: Date;
    addressKey: string;
    addressBucket: string;
    addressExpires: Date;
    nikIndex: Uint8Array;
    decoyPersonId: string;
  },
): Promise<SelfCheckRow> {
  const [row] = await queryRows<{
    nik_tries: number;
    address_tries: number;
    found: boolean;
    person_id: string | null;
    statuses: SelfCheckRow["statuses"] | string | null;
  }>(
    db,
    sql`with ${counters(input)}, hit as (
      select id from ${persons} where nik_index = ${Buffer.from(input.nikIndex)}
    ), subject as (
      select coalesce((select id from hit), ${input.decoyPersonId}::uuid) as id
    )
    select (select count from nik_hit) as nik_tries, (select count from address_hit) as address_tries,
      exists (select 1 from hit) as found, (select id from subject) as person_id,
      (select json_agg(json_build_object(
          'enrollmentId', e.id, 'programCode', pr.code, 'programName', pr.name, 'periodId', pe.id,
          'periodName', pe.name, 'status', e.status, 'statusChangedAt', e.status_changed_at
        ) order by pr.name, pe.starts_on)
        from ${enrollments} e join ${programs} pr on pr.id = e.program_id join ${periods} pe on pe.id = e.period_id
        where e.person_id = (select id from subject)) as statuses`,
  );
  const statuses = typeof row?.statuses === "string" ? JSON.parse(row.statuses) : (row?.statuses ?? []);
  return {
    nikTries: Number(row?.nik_tries ?? 0),
    addressTries: Number(row?.address_tries ?? 0),
    found: row?.found === true,
    personId: row?.person_id ?? null,
    statuses,
  };
}

/** A person whose applications stand in for an unknown NIK's (see selfCheckLookup). */
export async function decoyPerson(db: Executor): Promise<string | null> {
  const [row] = await queryRows<{ person_id: string }>(
    db,
    sql`select person_id from ${enrollments} order by person_id limit 1`,
  );
  return row?.person_id ?? null;
}

export async function countAttempt(
  db: Executor,
  key: string,
  bucket: string,
  expires: Date,
): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`insert into ${publicAttempts} (key, bucket, count, expires_at) values (${key}, ${bucket}, 1, ${expires.toISOString()})
      on conflict (key, bucket) do update set count = ${publicAttempts}.count + 1 returning count`,
  );
  return Number(row?.count ?? 0);
}

export async function forgetExpiredAttempts(db: Executor, now: Date) {
  await db.delete(publicAttempts).where(lt(publicAttempts.expiresAt, now));
}

/** Closes an open objection; null when it was decided meanwhile (the first decision stands). */
export async function closeObjection(db: Executor, id: string, state: "upheld" | "dismissed") {
  const [row] = await db
    .update(objections)
    .set({ state })
    .where(and(eq(objections.id, id), eq(objections.state, "open")))
    .returning({ id: objections.id });
  return row ?? null;
}

/**
 * What the period's recipients confirmed per kecamatan, for the next snapshot: one answer per paid line as
 * receipts count it (`answerPerLine`), refusals left out.
 */
export async function receiptTotals(db: Executor, periodId: string): Promise<ReceiptTotal[]> {
  const rows = await queryRows<{
    district_code: string;
    confirmed: number;
    paid: string | number;
    received: string | number;
  }>(
    db,
    sql`select c.district_code, count(*)::int as confirmed, sum(c.paid_amount)::bigint as paid,
          sum(coalesce(c.received_amount, 0))::bigint as received
        from (${answerPerLine(
          sql`receipt_confirmations.line_id in (select l.id from payment_lines l
            join enrollments e on e.id = l.enrollment_id where e.period_id = ${periodId})`,
        )}) c
        where c.answer <> 'refused'
        group by c.district_code`,
  );
  return rows.map((r) => ({
    districtCode: r.district_code,
    confirmed: r.confirmed,
    paid: Number(r.paid),
    received: Number(r.received),
  }));
}

/** Objections of a period by outcome, for the next snapshot: the public sees what came of its objections. */
export async function objectionCounts(db: Executor, periodId: string) {
  const rows = await db
    .select({ state: objections.state, n: count() })
    .from(objections)
    .innerJoin(enrollments, eq(enrollments.id, objections.enrollmentId))
    .where(eq(enrollments.periodId, periodId))
    .groupBy(objections.state);
  const out = { open: 0, upheld: 0, dismissed: 0 };
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}
