import { and, asc, count, eq, exists, inArray, like, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import { conflict, DomainError } from "../i18n/domain-error.ts";
import type { PersonRow } from "./persons.ts";
import { agencies, businesses, enrollments, households, periods, persons, programs } from "./schema.ts";
import type { EnrollmentSearch, PersonSearch } from "./schemas.ts";

type PersonValues = Omit<typeof persons.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">;

const UNIQUE_VIOLATION = "23505";

/** A unique index tripped by a concurrent insert surfaces as the same domain conflict as the pre-check. */
async function guardUnique<T>(
  code: string,
  params: Record<string, string>,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const pgCode =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (pgCode === UNIQUE_VIOLATION) throw conflict(code, params);
    throw error;
  }
}

export async function findPersonIdByNikIndex(db: Executor, nikIndex: Uint8Array): Promise<string | null> {
  const [row] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(eq(persons.nikIndex, nikIndex))
    .limit(1);
  return row?.id ?? null;
}

export async function insertPerson(db: Executor, values: PersonValues): Promise<PersonRow> {
  if (values.nikIndex) {
    const existing = await findPersonIdByNikIndex(db, values.nikIndex);
    if (existing) throw conflict("PERSON_NIK_EXISTS", { id: existing });
  }
  const [row] = await guardUnique("PERSON_NIK_EXISTS", { id: "?" }, () =>
    db.insert(persons).values(values).returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function getPerson(db: Executor, id: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row ?? null;
}

type Versioned = typeof persons | typeof households | typeof businesses | typeof programs | typeof periods;

/**
 * Optimistic concurrency for every editable record: the update applies only to the version the officer saw.
 * Zero rows means either the record is gone (404) or someone else saved first (409), and we say which.
 */
export async function updateVersioned<T extends Versioned>(
  db: Executor,
  table: T,
  entity: string,
  id: string,
  expectedVersion: number,
  values: Partial<T["$inferInsert"]>,
): Promise<T["$inferSelect"]> {
  const [row] = await db
    .update(table as Versioned)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning();
  if (row) return row as T["$inferSelect"];
  const [current] = await db
    .select({ version: table.version })
    .from(table as Versioned)
    .where(eq(table.id, id));
  if (!current) throw new DomainError(`${entity}_NOT_FOUND`, { id }, 404);
  throw conflict("VERSION_CONFLICT", { expected: expectedVersion, actual: current.version });
}

export async function updatePerson(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: PersonValues,
): Promise<PersonRow> {
  if (values.nikIndex) {
    const existing = await findPersonIdByNikIndex(db, values.nikIndex);
    if (existing && existing !== id) throw conflict("PERSON_NIK_EXISTS", { id: existing });
  }
  return guardUnique("PERSON_NIK_EXISTS", { id: "?" }, () =>
    updateVersioned(db, persons, "PERSON", id, expectedVersion, values),
  );
}

function personFilters(search: PersonSearch, nikIndex: Uint8Array | null): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    search.q
      ? like(persons.nameSearch, `%${escapeLike(search.q.toLocaleLowerCase("id").replace(/\s+/g, " "))}%`)
      : undefined,
    nikIndex ? eq(persons.nikIndex, nikIndex) : undefined,
    search.districtCode ? eq(persons.districtCode, search.districtCode) : undefined,
    search.villageCode ? eq(persons.villageCode, search.villageCode) : undefined,
    search.rt ? eq(persons.rt, search.rt) : undefined,
    search.nikStatus ? eq(persons.nikStatus, search.nikStatus) : undefined,
  ];
  if (search.programId || search.periodId || search.status) {
    conditions.push(
      exists(
        sql`(select 1 from ${enrollments} where ${and(
          eq(enrollments.personId, persons.id),
          search.programId ? eq(enrollments.programId, search.programId) : undefined,
          search.periodId ? eq(enrollments.periodId, search.periodId) : undefined,
          search.status ? eq(enrollments.status, search.status) : undefined,
        )})`,
      ),
    );
  }
  return and(...conditions);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Matches of a name search are counted up to here and no further: the count of "siti" in a regency of 300,000
 * is a scan of every person on each keystroke, and on the embedded database a slow count holds the one
 * connection every other request waits for. Past it the list says "more than" and asks for a narrower search.
 */
export const NAME_SEARCH_COUNT_LIMIT = 1_000;

/** `scope` is the caller's area condition (access control): it is applied to the rows and to the total alike. */
export async function searchPersons(
  db: Executor,
  search: PersonSearch,
  nikIndex: Uint8Array | null,
  scope?: SQL,
): Promise<{ rows: PersonRow[]; total: number; totalCapped: boolean }> {
  const where = and(scope, personFilters(search, nikIndex));
  const limit = search.q ? NAME_SEARCH_COUNT_LIMIT : null;
  const matches =
    limit === null
      ? db.select({ n: count() }).from(persons).where(where)
      : db.select({ n: count() }).from(
          db
            .select({ one: sql`1` })
            .from(persons)
            .where(where)
            .limit(limit + 1)
            .as("matches"),
        );
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(persons)
      .where(where)
      .orderBy(asc(persons.nameSearch), asc(persons.id))
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize),
    matches,
  ]);
  const n = Number(totals[0]?.n ?? 0);
  return limit !== null && n > limit
    ? { rows, total: limit, totalCapped: true }
    : { rows, total: n, totalCapped: false };
}

export async function personsOfHousehold(db: Executor, householdId: string): Promise<PersonRow[]> {
  return db
    .select()
    .from(persons)
    .where(eq(persons.householdId, householdId))
    .orderBy(asc(persons.birthDate));
}

// Households ---------------------------------------------------------------------------------------------

type HouseholdValues = Omit<typeof households.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">;
export type HouseholdRow = typeof households.$inferSelect;

export async function insertHousehold(db: Executor, values: HouseholdValues): Promise<HouseholdRow> {
  const [existing] = await db
    .select({ id: households.id })
    .from(households)
    .where(eq(households.kkIndex, values.kkIndex));
  if (existing) throw conflict("HOUSEHOLD_KK_EXISTS", { id: existing.id });
  const [row] = await guardUnique("HOUSEHOLD_KK_EXISTS", { id: "?" }, () =>
    db.insert(households).values(values).returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function getHousehold(db: Executor, id: string): Promise<HouseholdRow | null> {
  const [row] = await db.select().from(households).where(eq(households.id, id));
  return row ?? null;
}

export async function findHouseholdByKkIndex(
  db: Executor,
  kkIndex: Uint8Array,
): Promise<HouseholdRow | null> {
  const [row] = await db.select().from(households).where(eq(households.kkIndex, kkIndex));
  return row ?? null;
}

// Businesses ---------------------------------------------------------------------------------------------

type BusinessValues = Omit<typeof businesses.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">;
export type BusinessRow = typeof businesses.$inferSelect;

export async function insertBusiness(db: Executor, values: BusinessValues): Promise<BusinessRow> {
  const [row] = await db.insert(businesses).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function businessesOf(db: Executor, ownerId: string): Promise<BusinessRow[]> {
  return db.select().from(businesses).where(eq(businesses.ownerId, ownerId)).orderBy(asc(businesses.name));
}

export async function getBusiness(db: Executor, id: string): Promise<BusinessRow | null> {
  const [row] = await db.select().from(businesses).where(eq(businesses.id, id));
  return row ?? null;
}

// Agencies, programs, periods ----------------------------------------------------------------------------

export type AgencyRow = typeof agencies.$inferSelect;
export type ProgramRow = typeof programs.$inferSelect;
export type PeriodRow = typeof periods.$inferSelect;

export async function insertAgency(db: Executor, values: { code: string; name: string }): Promise<AgencyRow> {
  const [row] = await guardUnique("AGENCY_CODE_EXISTS", { code: values.code }, () =>
    db.insert(agencies).values(values).returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function listAgencies(db: Executor): Promise<AgencyRow[]> {
  return db.select().from(agencies).orderBy(asc(agencies.name));
}

export async function insertProgram(
  db: Executor,
  values: Omit<typeof programs.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">,
): Promise<ProgramRow> {
  const [agency] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(eq(agencies.id, values.agencyId));
  if (!agency) throw new DomainError("AGENCY_NOT_FOUND", { id: values.agencyId }, 404);
  const [row] = await guardUnique("PROGRAM_CODE_EXISTS", { code: values.code }, () =>
    db.insert(programs).values(values).returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function listPrograms(db: Executor, agencyId?: string): Promise<ProgramRow[]> {
  return db
    .select()
    .from(programs)
    .where(agencyId ? eq(programs.agencyId, agencyId) : undefined)
    .orderBy(asc(programs.name));
}

export async function getProgram(db: Executor, id: string): Promise<ProgramRow | null> {
  const [row] = await db.select().from(programs).where(eq(programs.id, id));
  return row ?? null;
}

export async function insertPeriod(
  db: Executor,
  values: Omit<typeof periods.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">,
): Promise<PeriodRow> {
  if (!(await getProgram(db, values.programId)))
    throw new DomainError("PROGRAM_NOT_FOUND", { id: values.programId }, 404);
  const [row] = await guardUnique("PERIOD_NAME_EXISTS", { name: values.name }, () =>
    db.insert(periods).values(values).returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** `agencyId` limits the list to one agency's programs (a program manager's scope). */
export async function listPeriods(db: Executor, programId?: string, agencyId?: string): Promise<PeriodRow[]> {
  return db
    .select()
    .from(periods)
    .where(
      and(
        programId ? eq(periods.programId, programId) : undefined,
        agencyId
          ? inArray(
              periods.programId,
              db.select({ id: programs.id }).from(programs).where(eq(programs.agencyId, agencyId)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(periods.startsOn), asc(periods.name));
}

export async function getPeriod(db: Executor, id: string): Promise<PeriodRow | null> {
  const [row] = await db.select().from(periods).where(eq(periods.id, id));
  return row ?? null;
}

// Enrollments --------------------------------------------------------------------------------------------

export async function insertEnrollment(
  db: Executor,
  values: Omit<
    typeof enrollments.$inferInsert,
    "id" | "createdAt" | "updatedAt" | "version" | "statusChangedAt"
  >,
) {
  const [row] = await guardUnique("ENROLLMENT_EXISTS", { personId: values.personId }, () =>
    db.insert(enrollments).values(values).returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

const enrollmentView = {
  id: enrollments.id,
  personId: enrollments.personId,
  personName: persons.name,
  programId: enrollments.programId,
  programName: programs.name,
  agencyName: agencies.name,
  periodId: enrollments.periodId,
  periodName: periods.name,
  businessId: enrollments.businessId,
  status: enrollments.status,
  villageCode: enrollments.villageCode,
  districtCode: enrollments.districtCode,
  version: enrollments.version,
};

export async function searchEnrollments(db: Executor, search: EnrollmentSearch, scope?: SQL) {
  const where = and(
    scope,
    search.personId ? eq(enrollments.personId, search.personId) : undefined,
    search.programId ? eq(enrollments.programId, search.programId) : undefined,
    search.periodId ? eq(enrollments.periodId, search.periodId) : undefined,
    search.status ? eq(enrollments.status, search.status) : undefined,
    search.districtCode ? eq(enrollments.districtCode, search.districtCode) : undefined,
    search.villageCode ? eq(enrollments.villageCode, search.villageCode) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select(enrollmentView)
      .from(enrollments)
      .innerJoin(persons, eq(persons.id, enrollments.personId))
      .innerJoin(programs, eq(programs.id, enrollments.programId))
      .innerJoin(agencies, eq(agencies.id, programs.agencyId))
      .innerJoin(periods, eq(periods.id, enrollments.periodId))
      .where(where)
      .orderBy(asc(persons.nameSearch), asc(enrollments.id))
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize),
    db.select({ n: count() }).from(enrollments).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
