import { and, asc, count, eq, inArray, like, ne, or, type SQL, sql } from "drizzle-orm";
import { personVerifications } from "../civil-registry/schema.ts";
import { type Executor, queryRows } from "../db/index.ts";
import { conflict, DomainError } from "../i18n/domain-error.ts";
import { registrations } from "../registration/schema.ts";
import {
  agencies,
  businesses,
  enrollments,
  households,
  periods,
  persons,
  programs,
} from "../registry/schema.ts";
import type { OtherClaim } from "./eligibility.ts";
import { CLAIMING_STATUSES, type EnrollmentStatus } from "./engine.ts";
import type { ProgramPolicy } from "./policy.ts";
import { programPolicies } from "./schema.ts";

const pgCode = (error: unknown) =>
  (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
const CHECK_VIOLATION = "23514";

/** An application as the workflow decides on it: the enrollment with its person, program and period. */
const applicationColumns = {
  id: enrollments.id,
  status: enrollments.status,
  version: enrollments.version,
  statusChangedAt: enrollments.statusChangedAt,
  villageCode: enrollments.villageCode,
  districtCode: enrollments.districtCode,
  businessId: enrollments.businessId,
  personId: enrollments.personId,
  personName: persons.name,
  rt: persons.rt,
  birthDate: persons.birthDate,
  employment: persons.employment,
  kkIndex: persons.kkIndex,
  householdId: persons.householdId,
  programId: enrollments.programId,
  programCode: programs.code,
  programName: programs.name,
  programTarget: programs.target,
  agencyId: programs.agencyId,
  agencyName: agencies.name,
  periodId: enrollments.periodId,
  periodName: periods.name,
  startsOn: periods.startsOn,
  endsOn: periods.endsOn,
};

function applications(db: Executor) {
  return db
    .select(applicationColumns)
    .from(enrollments)
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .innerJoin(agencies, eq(agencies.id, programs.agencyId))
    .innerJoin(periods, eq(periods.id, enrollments.periodId));
}

async function selectApplications(db: Executor, where: SQL | undefined) {
  return applications(db).where(where);
}
export type ApplicationRow = Awaited<ReturnType<typeof selectApplications>>[number];

export async function loadApplication(db: Executor, id: string): Promise<ApplicationRow | null> {
  const [row] = await selectApplications(db, eq(enrollments.id, id));
  return row ?? null;
}

/** Ids as one JSON parameter: a run of 10,000 enrollments would otherwise need 10,000 bound parameters. */
const idsIn = (column: typeof enrollments.id, ids: readonly string[]) =>
  sql`${column} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

export async function loadApplications(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, ApplicationRow>> {
  if (ids.length === 0) return new Map();
  const rows = await selectApplications(db, idsIn(enrollments.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}

/** What a transition without document or eligibility checks decides on (see applyTransitions). */
export type ApplicationState = Pick<
  ApplicationRow,
  "id" | "status" | "version" | "villageCode" | "districtCode" | "rt" | "programId" | "agencyId"
>;

export async function loadApplicationStates(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, ApplicationState>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: enrollments.id,
      status: enrollments.status,
      version: enrollments.version,
      villageCode: enrollments.villageCode,
      districtCode: enrollments.districtCode,
      rt: persons.rt,
      programId: enrollments.programId,
      agencyId: programs.agencyId,
    })
    .from(enrollments)
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .where(idsIn(enrollments.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The optimistic step: the status moves only if the application is still at the version and status the
 * officer decided on. Zero rows = someone else acted first (the caller reports the conflict). A change the
 * database guard refuses (an edge the engine does not know) surfaces as WORKFLOW_STATUS_GUARD.
 */
export async function updateStatus(
  db: Executor,
  id: string,
  expected: { version: number; status: EnrollmentStatus },
  to: EnrollmentStatus,
): Promise<{ version: number; status: EnrollmentStatus; statusChangedAt: Date } | null> {
  try {
    const [row] = await db
      .update(enrollments)
      .set({
        status: to,
        version: sql`${enrollments.version} + 1`,
        statusChangedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(enrollments.id, id),
          eq(enrollments.version, expected.version),
          eq(enrollments.status, expected.status),
        ),
      )
      .returning({
        version: enrollments.version,
        status: enrollments.status,
        statusChangedAt: enrollments.statusChangedAt,
      });
    return row ?? null;
  } catch (error) {
    if (pgCode(error) === CHECK_VIOLATION) {
      throw new DomainError("WORKFLOW_STATUS_GUARD", { from: expected.status, to }, 409);
    }
    throw error;
  }
}

export interface StatusChange {
  id: string;
  version: number;
  from: EnrollmentStatus;
  to: EnrollmentStatus;
}

/**
 * updateStatus for many applications in one statement (the status trigger still checks every row): each moves
 * only if still at the version and status decided on. Returns the rows that moved; a missing id is a conflict.
 * Only the ids come back: a moved row's version, status and time are the ones just set (now() is the
 * transaction's time), and parsing them for 100,000 rows cost more than the update.
 */
export async function updateStatuses(
  db: Executor,
  changes: readonly StatusChange[],
): Promise<Map<string, { version: number; status: EnrollmentStatus; statusChangedAt: Date }>> {
  const out = new Map<string, { version: number; status: EnrollmentStatus; statusChangedAt: Date }>();
  if (changes.length === 0) return out;
  try {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update ${enrollments} e
          set status = c."to", version = e.version + 1, status_changed_at = now(), updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
            as c(id uuid, version integer, "from" text, "to" text)
          where e.id = c.id and e.version = c.version and e.status = c."from"
          returning e.id`,
    );
    if (rows.length === 0) return out;
    const [clock] = await queryRows<{ at: Date | string }>(db, sql`select now() as at`);
    if (!clock) throw new Error("now() returned no row");
    const statusChangedAt = new Date(clock.at);
    const byId = new Map(changes.map((c) => [c.id, c]));
    for (const { id } of rows) {
      const change = byId.get(id) as StatusChange;
      out.set(id, { version: change.version + 1, status: change.to, statusChangedAt });
    }
    return out;
  } catch (error) {
    if (pgCode(error) === CHECK_VIOLATION) {
      const first = changes[0] as StatusChange;
      throw new DomainError("WORKFLOW_STATUS_GUARD", { from: first.from, to: first.to }, 409);
    }
    throw error;
  }
}

export async function currentStates(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { version: number; status: EnrollmentStatus }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: enrollments.id, version: enrollments.version, status: enrollments.status })
    .from(enrollments)
    .where(idsIn(enrollments.id, ids));
  return new Map(rows.map((r) => [r.id, { version: r.version, status: r.status }]));
}

export async function currentState(
  db: Executor,
  id: string,
): Promise<{ version: number; status: EnrollmentStatus } | null> {
  const [row] = await db
    .select({ version: enrollments.version, status: enrollments.status })
    .from(enrollments)
    .where(eq(enrollments.id, id));
  return row ?? null;
}

/**
 * Serialises the checks that look at other applications (one per KK, other programs): two members of one KK
 * submitted at the same moment must not both pass. Locks are taken person first, then KK, in every caller.
 */
export async function lockClaims(db: Executor, application: ApplicationRow): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`claims:person:${application.personId}`}))`);
  const kk = await householdKkIndex(db, application);
  if (kk) {
    const key = `claims:kk:${Buffer.from(kk).toString("hex")}:${application.periodId}`;
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  }
}

/** The KK of the applicant: recorded on the person, else that of the household they belong to. */
async function householdKkIndex(db: Executor, application: ApplicationRow): Promise<Uint8Array | null> {
  if (application.kkIndex) return application.kkIndex;
  if (!application.householdId) return null;
  const [row] = await db
    .select({ kk: households.kkIndex })
    .from(households)
    .where(eq(households.id, application.householdId));
  return row?.kk ?? null;
}

const claimColumns = {
  enrollmentId: enrollments.id,
  personName: persons.name,
  programCode: programs.code,
  programName: programs.name,
  periodName: periods.name,
  status: enrollments.status,
};

export async function eligibilityFacts(db: Executor, application: ApplicationRow) {
  const kk = await householdKkIndex(db, application);
  const claiming = inArray(enrollments.status, [...CLAIMING_STATUSES]);
  const householdClaims: OtherClaim[] = kk
    ? await db
        .select(claimColumns)
        .from(enrollments)
        .innerJoin(persons, eq(persons.id, enrollments.personId))
        .innerJoin(programs, eq(programs.id, enrollments.programId))
        .innerJoin(periods, eq(periods.id, enrollments.periodId))
        .where(
          and(
            eq(enrollments.periodId, application.periodId),
            ne(enrollments.personId, application.personId),
            claiming,
            or(
              eq(persons.kkIndex, kk),
              inArray(
                persons.householdId,
                db.select({ id: households.id }).from(households).where(eq(households.kkIndex, kk)),
              ),
            ),
          ),
        )
        .orderBy(asc(enrollments.createdAt))
    : [];
  const overlappingClaims: OtherClaim[] = await db
    .select(claimColumns)
    .from(enrollments)
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .innerJoin(periods, eq(periods.id, enrollments.periodId))
    .where(
      and(
        eq(enrollments.personId, application.personId),
        ne(enrollments.programId, application.programId),
        claiming,
        sql`${periods.startsOn} <= ${application.endsOn} and ${periods.endsOn} >= ${application.startsOn}`,
      ),
    )
    .orderBy(asc(enrollments.createdAt));
  const [owned] = await db
    .select({ n: count() })
    .from(businesses)
    .where(eq(businesses.ownerId, application.personId));
  const [verification] = await db
    .select({ status: personVerifications.status, checkedOn: personVerifications.checkedOn })
    .from(personVerifications)
    .where(eq(personVerifications.personId, application.personId));
  return {
    hasKk: kk !== null,
    householdClaims,
    overlappingClaims,
    businessCount: owned?.n ?? 0,
    civilRegistry: verification ?? null,
  };
}

/**
 * The same facts for every application of a period in some statuses, in a few set-based queries: what a
 * selection run re-checks before it marks anyone selected.
 */
export async function periodEligibilityFacts(
  db: Executor,
  periodId: string,
  statuses: readonly EnrollmentStatus[],
) {
  const apps = await selectApplications(
    db,
    and(eq(enrollments.periodId, periodId), inArray(enrollments.status, [...statuses])),
  );
  return eligibilityFactsOf(db, apps);
}

/**
 * eligibilityFacts for many applications at once (of one period or several), set-based: the claims of their
 * periods, the applicants' claims elsewhere, and their businesses, grouped in memory.
 */
export async function eligibilityFactsOf(db: Executor, apps: readonly ApplicationRow[]) {
  if (apps.length === 0) return [];
  const periodIds = [...new Set(apps.map((a) => a.periodId))];
  const inPeriods = db
    .select({ id: enrollments.personId })
    .from(enrollments)
    .where(inArray(enrollments.periodId, periodIds));
  const claiming = inArray(enrollments.status, [...CLAIMING_STATUSES]);
  // One after another: inside a transaction they share one connection, which runs one query at a time anyway.
  const claims = await db
    .select({
      ...claimColumns,
      personId: enrollments.personId,
      periodId: enrollments.periodId,
      kk: persons.kkIndex,
      householdKk: households.kkIndex,
    })
    .from(enrollments)
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .leftJoin(households, eq(households.id, persons.householdId))
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .innerJoin(periods, eq(periods.id, enrollments.periodId))
    .where(and(inArray(enrollments.periodId, periodIds), claiming))
    .orderBy(asc(enrollments.createdAt));
  // A claim in the same program never counts as "another program"; the per-application filter drops it.
  const others = await db
    .select({
      ...claimColumns,
      personId: enrollments.personId,
      programId: enrollments.programId,
      startsOn: periods.startsOn,
      endsOn: periods.endsOn,
    })
    .from(enrollments)
    .innerJoin(persons, eq(persons.id, enrollments.personId))
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .innerJoin(periods, eq(periods.id, enrollments.periodId))
    .where(
      and(
        inArray(enrollments.personId, inPeriods),
        periodIds.length === 1 ? ne(enrollments.periodId, periodIds[0] as string) : undefined,
        claiming,
      ),
    )
    .orderBy(asc(enrollments.createdAt));
  const owned = await db
    .select({ ownerId: businesses.ownerId, n: count() })
    .from(businesses)
    .where(inArray(businesses.ownerId, inPeriods))
    .groupBy(businesses.ownerId);
  const householdKks = new Map<string, Uint8Array>();
  const missingKk = [
    ...new Set(apps.filter((a) => !a.kkIndex && a.householdId).map((a) => a.householdId as string)),
  ];
  if (missingKk.length > 0) {
    const rows = await db
      .select({ id: households.id, kk: households.kkIndex })
      .from(households)
      .where(
        sql`${households.id} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(missingKk)}::jsonb))`,
      );
    for (const row of rows) householdKks.set(row.id, row.kk);
  }
  const hex = (b: Uint8Array | null) => (b ? Buffer.from(b).toString("hex") : null);
  const claimsByKk = new Map<string, (OtherClaim & { personId: string })[]>();
  for (const { periodId, kk, householdKk, ...c } of claims) {
    const key = hex(kk ?? householdKk);
    if (!key) continue;
    const at = `${periodId}:${key}`;
    const list = claimsByKk.get(at);
    if (list) list.push(c);
    else claimsByKk.set(at, [c]);
  }
  const othersOf = new Map<string, (typeof others)[number][]>();
  for (const o of others) {
    const list = othersOf.get(o.personId);
    if (list) list.push(o);
    else othersOf.set(o.personId, [o]);
  }
  const ownedBy = new Map(owned.map((o) => [o.ownerId, o.n]));
  const verified = await db
    .select({
      personId: personVerifications.personId,
      status: personVerifications.status,
      checkedOn: personVerifications.checkedOn,
    })
    .from(personVerifications)
    .where(inArray(personVerifications.personId, inPeriods));
  const verificationOf = new Map(
    verified.map((v) => [v.personId, { status: v.status, checkedOn: v.checkedOn }]),
  );
  const strip = ({ personId: _p, ...claim }: OtherClaim & { personId: string }): OtherClaim => claim;
  return apps.map((app) => {
    const kk = hex(app.kkIndex ?? (app.householdId ? (householdKks.get(app.householdId) ?? null) : null));
    return {
      application: app,
      facts: {
        hasKk: kk !== null,
        householdClaims: kk
          ? (claimsByKk.get(`${app.periodId}:${kk}`) ?? [])
              .filter((c) => c.personId !== app.personId)
              .map(strip)
          : [],
        overlappingClaims: (othersOf.get(app.personId) ?? [])
          .filter(
            (o) => o.programId !== app.programId && o.startsOn <= app.endsOn && o.endsOn >= app.startsOn,
          )
          .map(({ programId: _g, startsOn: _s, endsOn: _e, ...claim }) => strip(claim)),
        businessCount: ownedBy.get(app.personId) ?? 0,
        civilRegistry: verificationOf.get(app.personId) ?? null,
      },
    };
  });
}

// Program policies ---------------------------------------------------------------------------------------

export async function policyRow(db: Executor, programId: string) {
  const [row] = await db.select().from(programPolicies).where(eq(programPolicies.programId, programId));
  return row ?? null;
}

export async function policyRows(db: Executor, programIds: readonly string[]) {
  if (programIds.length === 0) return [];
  return db
    .select()
    .from(programPolicies)
    .where(inArray(programPolicies.programId, [...programIds]));
}

/** Version 0 creates the program's first policy; later edits name the version they were based on. */
export async function savePolicy(
  db: Executor,
  programId: string,
  expectedVersion: number,
  policy: ProgramPolicy,
) {
  const values = { requiredDocuments: policy.requiredDocuments, rules: policy.rules };
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(programPolicies)
      .values({ programId, ...values })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  } else {
    const [row] = await db
      .update(programPolicies)
      .set({ ...values, version: sql`${programPolicies.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(programPolicies.programId, programId), eq(programPolicies.version, expectedVersion)))
      .returning();
    if (row) return row;
  }
  const current = await policyRow(db, programId);
  throw conflict("POLICY_VERSION_CONFLICT", { expected: expectedVersion, actual: current?.version ?? 0 });
}

// Queues -------------------------------------------------------------------------------------------------

export interface QueueFilter {
  statuses: readonly EnrollmentStatus[];
  /** Part of the applicant's name, as the person search reads it (lower case, single spaces). */
  name?: string | undefined;
  villageCode?: string | undefined;
  districtCode?: string | undefined;
  periodId?: string | undefined;
  programId?: string | undefined;
  page: number;
  pageSize: number;
}

function queueWhere(
  db: Executor,
  scope: SQL | undefined,
  filter: Omit<QueueFilter, "page" | "pageSize" | "statuses">,
) {
  return and(
    scope,
    filter.villageCode ? eq(enrollments.villageCode, filter.villageCode) : undefined,
    filter.districtCode ? eq(enrollments.districtCode, filter.districtCode) : undefined,
    filter.periodId ? eq(enrollments.periodId, filter.periodId) : undefined,
    filter.programId ? eq(enrollments.programId, filter.programId) : undefined,
    filter.name
      ? inArray(
          enrollments.personId,
          db
            .select({ id: persons.id })
            .from(persons)
            .where(like(persons.nameSearch, `%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)),
        )
      : undefined,
  );
}

/** Oldest first: the queue is worked in the order applicants waited. */
export async function queuePage(db: Executor, scope: SQL | undefined, filter: QueueFilter) {
  if (filter.statuses.length === 0)
    return { rows: [] as (ApplicationRow & { appearedInPerson: boolean | null })[], total: 0 };
  const where = and(queueWhere(db, scope, filter), inArray(enrollments.status, [...filter.statuses]));
  const [rows, totals] = await Promise.all([
    applications(db)
      .where(where)
      .orderBy(asc(enrollments.statusChangedAt), asc(enrollments.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(enrollments).where(where),
  ]);
  const present = await appearedInPerson(
    db,
    rows.map((r) => r.id),
  );
  return {
    rows: rows.map((r) => ({ ...r, appearedInPerson: present.get(r.id) ?? null })),
    total: totals[0]?.n ?? 0,
  };
}

export async function queueCounts(
  db: Executor,
  scope: SQL | undefined,
  filter: Omit<QueueFilter, "page" | "pageSize">,
) {
  if (filter.statuses.length === 0) return new Map<EnrollmentStatus, number>();
  const rows = await db
    .select({ status: enrollments.status, n: count() })
    .from(enrollments)
    .where(and(queueWhere(db, scope, filter), inArray(enrollments.status, [...filter.statuses])))
    .groupBy(enrollments.status);
  return new Map(rows.map((r) => [r.status, r.n]));
}

/** Whether the applicant came in person, for applications registered in the field. */
async function appearedInPerson(
  db: Executor,
  enrollmentIds: readonly string[],
): Promise<Map<string, boolean>> {
  if (enrollmentIds.length === 0) return new Map();
  const rows = await db
    .select({ enrollmentId: registrations.enrollmentId, appeared: registrations.appearedInPerson })
    .from(registrations)
    .where(inArray(registrations.enrollmentId, [...enrollmentIds]));
  return new Map(rows.flatMap((r) => (r.enrollmentId ? [[r.enrollmentId, r.appeared] as const] : [])));
}
