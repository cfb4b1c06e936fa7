import { and, eq, inArray, type SQL } from "drizzle-orm";
import {
  type Actor,
  agencyBound,
  assertWritableArea,
  auditActor,
  type Caller,
  sees,
  seesAgency,
} from "../access/actor.ts";
import { type Place, placeKey } from "../access/area.ts";
import { areaCondition } from "../access/area-sql.ts";
import { performDuty } from "../access/service.ts";
import { diffRecords, type Json, snapshotRecord } from "../audit/entry.ts";
import { type HistoryItem, historyItem } from "../audit/history.ts";
import { type AuditLog, contentOf } from "../audit/log.ts";
import { entriesOf } from "../audit/store.ts";
import type { Database, Executor } from "../db/index.ts";
import { DomainError, type FieldIssue, ValidationFailed } from "../i18n/domain-error.ts";
import { onPersonWritten } from "../matching/registry-index.ts";
import { validateKk, validateNik } from "../nik/index.ts";
import {
  checkVillage,
  type Disclosure,
  districtOf,
  type PersonRow,
  personNotFound,
  preparePerson,
  type RegistryEnvironment,
  regionRef,
  toPersonView,
} from "./persons.ts";
import { businesses, enrollments, households, periods, persons, programs } from "./schema.ts";
import type {
  BusinessInput,
  BusinessUpdate,
  EnrollmentInput,
  EnrollmentSearch,
  HouseholdInput,
  HouseholdUpdate,
  PeriodInput,
  PeriodUpdate,
  PersonData,
  PersonInput,
  PersonSearch,
  PersonUpdate,
  PersonView,
  ProgramInput,
  ProgramUpdate,
} from "./schemas.ts";
import { personInputSchema, programBudgetCovers } from "./schemas.ts";
import * as store from "./store.ts";

/**
 * The registry's use cases: each runs in one transaction with its audit entry, so a failed check leaves
 * nothing half-written and nothing is written unrecorded. Every one takes the caller: records outside the
 * caller's area (or a program manager's agency) are invisible (404), and writes there are refused.
 */
export interface Registry {
  env: RegistryEnvironment;
  db: Database;
  audit: AuditLog;
}

/**
 * Personal fields (UU 27/2022) enter the audit trail as keyed commitments, never as values: identity and
 * contact numbers, birth date, address, income and health.
 */
export const PERSON_PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  "nik",
  "kk",
  "phone",
  "birthDate",
  "address",
  "monthlyIncome",
  "health",
]);
/** Editing a NIK or KK is how a ghost recipient is made: such an edit must say why. */
const REASON_REQUIRED_FIELDS = ["nik", "kk"];

const commit = (registry: Registry) => (field: string, value: string) =>
  registry.env.vault.commitment(field, value);

export function personPlace(row: Pick<PersonRow, "villageCode" | "rt">): Place {
  return { code: row.villageCode, rt: row.rt };
}

function personRecord(view: PersonView): Record<string, Json> {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, village, district: _d, ...fields } = view;
  return { ...fields, villageCode: village.code };
}

async function visiblePerson(db: Executor, actor: Actor, id: string): Promise<PersonRow> {
  const row = await store.getPerson(db, id);
  if (!row || !sees(actor, personPlace(row))) throw personNotFound(id);
  return row;
}

export async function registerPerson(
  registry: Registry,
  caller: Caller,
  data: PersonData,
  disclosure: Disclosure = "masked",
) {
  // The input is checked before the area, so an officer learns what is wrong with the form first.
  const prepared = preparePerson(data, registry.env);
  assertWritableArea(caller.actor, { code: data.villageCode, rt: data.rt ?? null });
  const row = await registry.db.transaction(async (tx) => {
    if (data.householdId) {
      const household = await store.getHousehold(tx, data.householdId);
      if (!household || !sees(caller.actor, { code: household.villageCode, rt: household.rt })) {
        throw new DomainError("HOUSEHOLD_NOT_FOUND", { id: data.householdId }, 404);
      }
    }
    const inserted = await store.insertPerson(tx, prepared.values);
    onPersonWritten(registry, inserted);
    await performDuty(tx, { duty: "register", entity: "person", entityId: inserted.id, actor: caller.actor });
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "person.create",
      entity: "person",
      entityId: inserted.id,
      area: placeKey(personPlace(inserted)),
      after: snapshotRecord(
        personRecord(toPersonView(inserted, registry.env, "full")),
        PERSON_PERSONAL_FIELDS,
        commit(registry),
      ),
      requestId: caller.requestId,
    });
    return inserted;
  });
  return { person: toPersonView(row, registry.env, disclosure), warnings: prepared.warnings };
}

export async function getPersonView(
  registry: Registry,
  caller: Caller,
  id: string,
  disclosure: Disclosure = "masked",
) {
  return toPersonView(await visiblePerson(registry.db, caller.actor, id), registry.env, disclosure);
}

/** A person's record with what hangs off it: businesses, enrollments (of the caller's agency) and the history. */
export async function getPersonDetail(registry: Registry, caller: Caller, id: string) {
  const person = await getPersonView(registry, caller, id);
  const [businesses, enrollmentPage] = await Promise.all([
    store.businessesOf(registry.db, person.id),
    store.searchEnrollments(
      registry.db,
      { personId: person.id, page: 1, pageSize: 200 },
      enrollmentScope(registry, caller.actor),
    ),
  ]);
  const history = await personHistory(
    registry,
    person.id,
    businesses.map((b) => b.id),
    enrollmentPage.rows.map((e) => e.id),
  );
  return { ...person, businesses: businesses.map(businessView), enrollments: enrollmentPage.rows, history };
}

async function personHistory(
  registry: Registry,
  personId: string,
  businessIds: string[],
  enrollmentIds: string[],
): Promise<HistoryItem[]> {
  const rows = await entriesOf(registry.db, [
    { entity: "person", ids: [personId] },
    { entity: "business", ids: businessIds },
    { entity: "enrollment", ids: enrollmentIds },
  ]);
  return rows.map((row) => historyItem(contentOf(row)));
}

/**
 * The full NIK, KK and phone for an entitled official. Reading them is itself an audit entry, written before
 * the numbers leave the server.
 */
export async function revealIdentity(registry: Registry, caller: Caller, id: string, reason: string | null) {
  return registry.db.transaction(async (tx) => {
    const row = await visiblePerson(tx, caller.actor, id);
    const view = toPersonView(row, registry.env, "full");
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "person.identity_read",
      entity: "person",
      entityId: row.id,
      area: placeKey(personPlace(row)),
      reason,
      requestId: caller.requestId,
    });
    return { nik: view.nik, kk: view.kk, phone: view.phone };
  });
}

/** An edit re-runs every check on the merged record: a changed sex must still agree with the NIK. */
export async function updatePerson(
  registry: Registry,
  caller: Caller,
  id: string,
  patch: PersonUpdate,
  disclosure: Disclosure = "masked",
) {
  return registry.db.transaction(async (tx) => {
    const current = await visiblePerson(tx, caller.actor, id);
    const full = toPersonView(current, registry.env, "full");
    const { version, reason, ...changes } = patch;
    const merged: PersonInput = { ...personInputFromView(full), ...stripUndefined(changes) };
    const data = personInputSchema.parse(merged);
    const prepared = preparePerson(data, registry.env);
    // Moving a person out of one's area would hand the record to someone else unasked.
    assertWritableArea(caller.actor, { code: data.villageCode, rt: data.rt ?? null });
    const row = await store.updatePerson(tx, id, version, prepared.values);
    onPersonWritten(registry, row);
    const diff = diffRecords(
      personRecord(full),
      personRecord(toPersonView(row, registry.env, "full")),
      PERSON_PERSONAL_FIELDS,
      commit(registry),
    );
    if (diff && !reason && REASON_REQUIRED_FIELDS.some((field) => field in diff.after)) {
      throw new ValidationFailed([{ field: "reason", code: "REASON_REQUIRED" }]);
    }
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "person.update",
      entity: "person",
      entityId: id,
      area: placeKey(personPlace(row)),
      before: diff?.before ?? null,
      after: diff?.after ?? null,
      reason: reason ?? null,
      requestId: caller.requestId,
    });
    return { person: toPersonView(row, registry.env, disclosure), warnings: prepared.warnings };
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function personInputFromView(view: PersonView): PersonInput {
  return {
    nik: view.nik,
    kk: view.kk,
    phone: view.phone,
    name: view.name,
    sex: view.sex,
    birthPlace: view.birthPlace,
    birthDate: view.birthDate,
    address: view.address,
    villageCode: view.village.code,
    rt: view.rt,
    rw: view.rw,
    householdId: view.householdId,
    householdRole: view.householdRole,
    occupation: view.occupation,
    education: view.education,
    employment: view.employment,
    monthlyIncome: view.monthlyIncome,
    maritalStatus: view.maritalStatus,
    houseCondition: view.houseCondition,
    health: view.health,
    dependants: view.dependants,
    children: view.children,
  };
}

export async function searchPersons(
  registry: Registry,
  caller: Caller,
  search: PersonSearch,
  disclosure: Disclosure = "masked",
) {
  const empty = { items: [], total: 0, page: search.page, pageSize: search.pageSize };
  // A program manager may not learn who is enrolled in another agency's program by filtering on it.
  if (!(await programFilterVisible(registry, caller.actor, search))) return empty;
  let nikIndex: Uint8Array | null = null;
  let query = search;
  // A 16-digit query is a NIK: looked up exactly through the blind index, never by scanning names.
  const nikText = search.nik ?? (search.q && /^[\d\s.']{16,}$/.test(search.q) ? search.q : undefined);
  if (nikText) {
    const result = validateNik(nikText, { regions: registry.env.regions, today: registry.env.today() });
    const nik = result.nik ?? nikText.replace(/\D/g, "");
    nikIndex = registry.env.vault.blindIndex("nik", nik);
    query = { ...search, q: undefined };
  }
  const scope = areaCondition(caller.actor.area, { village: persons.villageCode, rt: persons.rt });
  const { rows, total } = await store.searchPersons(registry.db, query, nikIndex, scope);
  return {
    items: rows.map((row) => toPersonView(row, registry.env, disclosure)),
    total,
    page: search.page,
    pageSize: search.pageSize,
  };
}

async function programFilterVisible(
  registry: Registry,
  actor: Actor,
  search: { programId?: string | undefined; periodId?: string | undefined },
): Promise<boolean> {
  if (agencyBound(actor) === null) return true;
  if (search.programId) {
    const program = await store.getProgram(registry.db, search.programId);
    if (!program || !seesAgency(actor, program.agencyId)) return false;
  }
  if (search.periodId) {
    const period = await store.getPeriod(registry.db, search.periodId);
    const program = period ? await store.getProgram(registry.db, period.programId) : null;
    if (!program || !seesAgency(actor, program.agencyId)) return false;
  }
  return true;
}

export async function registerHousehold(
  registry: Registry,
  caller: Caller,
  input: HouseholdInput,
  disclosure: Disclosure = "masked",
) {
  const issues: FieldIssue[] = [];
  checkVillage(input.villageCode, registry.env, issues);
  const kk = validateKk(input.kk, { regions: registry.env.regions, today: registry.env.today() });
  for (const e of kk.errors) issues.push({ field: "kk", code: e.code, params: e.params });
  if (issues.length > 0 || !kk.kk) throw new ValidationFailed(issues);
  assertWritableArea(caller.actor, { code: input.villageCode, rt: input.rt ?? null });
  const { vault } = registry.env;
  const kkNumber = kk.kk;
  const row = await registry.db.transaction(async (tx) => {
    const inserted = await store.insertHousehold(tx, {
      kkCipher: vault.seal("kk", kkNumber),
      kkIndex: vault.blindIndex("kk", kkNumber),
      villageCode: input.villageCode,
      districtCode: districtOf(input.villageCode),
      rt: input.rt ?? null,
      rw: input.rw ?? null,
      address: input.address ?? null,
    });
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "household.create",
      entity: "household",
      entityId: inserted.id,
      area: placeKey({ code: inserted.villageCode, rt: inserted.rt }),
      after: snapshotRecord(
        {
          kk: kkNumber,
          villageCode: inserted.villageCode,
          rt: inserted.rt,
          rw: inserted.rw,
          address: inserted.address,
        },
        PERSON_PERSONAL_FIELDS,
        commit(registry),
      ),
      requestId: caller.requestId,
    });
    return inserted;
  });
  return householdView(registry, row, [], disclosure);
}

export async function getHouseholdView(
  registry: Registry,
  caller: Caller,
  id: string,
  disclosure: Disclosure = "masked",
) {
  const row = await store.getHousehold(registry.db, id);
  if (!row || !sees(caller.actor, { code: row.villageCode, rt: row.rt })) {
    throw new DomainError("HOUSEHOLD_NOT_FOUND", { id }, 404);
  }
  const members = (await store.personsOfHousehold(registry.db, id)).filter((m) =>
    sees(caller.actor, personPlace(m)),
  );
  return householdView(registry, row, members, disclosure);
}

function householdView(
  registry: Registry,
  row: store.HouseholdRow,
  members: Awaited<ReturnType<typeof store.personsOfHousehold>>,
  disclosure: Disclosure,
) {
  const kk = registry.env.vault.open("kk", row.kkCipher);
  return {
    id: row.id,
    kk: disclosure === "full" ? kk : `${kk.slice(0, 6)}******${kk.slice(12)}`,
    village: regionRef(row.villageCode, registry.env),
    district: regionRef(row.districtCode, registry.env),
    rt: row.rt,
    rw: row.rw,
    address: row.address,
    members: members.map((m) => toPersonView(m, registry.env, disclosure)),
    version: row.version,
  };
}

export async function registerBusiness(registry: Registry, caller: Caller, input: BusinessInput) {
  checkVillageChange(registry, input.villageCode);
  return registry.db.transaction(async (tx) => {
    const owner = await visiblePerson(tx, caller.actor, input.ownerId);
    const place = businessPlace(input, owner);
    assertWritableArea(caller.actor, place);
    const row = await store.insertBusiness(tx, {
      ...input,
      licenseNumber: input.licenseNumber ?? null,
      address: input.address ?? null,
      districtCode: districtOf(input.villageCode),
    });
    const view = businessView(row);
    const { id: _id, version: _version, ...fields } = view;
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "business.create",
      entity: "business",
      entityId: row.id,
      area: placeKey(place),
      after: snapshotRecord(fields, new Set(), commit(registry)),
      requestId: caller.requestId,
    });
    return view;
  });
}

export function businessView(row: store.BusinessRow) {
  return {
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    sector: row.sector,
    licenseNumber: row.licenseNumber,
    address: row.address,
    villageCode: row.villageCode,
    districtCode: row.districtCode,
    version: row.version,
  };
}

// Agencies, programs, periods ----------------------------------------------------------------------------

export async function listAgencies(registry: Registry) {
  return (await store.listAgencies(registry.db)).map(({ id, code, name }) => ({ id, code, name }));
}

export async function createAgency(
  registry: Registry,
  caller: Caller,
  input: { code: string; name: string },
) {
  return registry.db.transaction(async (tx) => {
    const row = await store.insertAgency(tx, input);
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "agency.create",
      entity: "agency",
      entityId: row.id,
      area: null,
      after: { code: row.code, name: row.name },
      requestId: caller.requestId,
    });
    return { id: row.id, code: row.code, name: row.name };
  });
}

function programView(row: store.ProgramRow) {
  const { createdAt: _c, updatedAt: _u, ...view } = row;
  return view;
}

export async function listPrograms(registry: Registry, caller: Caller, agencyId?: string) {
  const bound = agencyBound(caller.actor);
  if (bound && agencyId && agencyId !== bound) return [];
  return (await store.listPrograms(registry.db, bound ?? agencyId)).map(programView);
}

export async function createProgram(registry: Registry, caller: Caller, input: ProgramInput) {
  // Another agency's id answers as an unknown agency: a program manager cannot tell it exists.
  if (!seesAgency(caller.actor, input.agencyId))
    throw new DomainError("AGENCY_NOT_FOUND", { id: input.agencyId }, 404);
  return registry.db.transaction(async (tx) => {
    const row = await store.insertProgram(tx, { ...input, description: input.description ?? null });
    const view = programView(row);
    const { id: _id, version: _version, ...fields } = view;
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "program.create",
      entity: "program",
      entityId: row.id,
      area: null,
      after: snapshotRecord(fields, new Set(), commit(registry)),
      requestId: caller.requestId,
    });
    return view;
  });
}

function periodView(row: store.PeriodRow) {
  const { createdAt: _c, updatedAt: _u, ...view } = row;
  return view;
}

export async function listPeriods(registry: Registry, caller: Caller, programId?: string) {
  return (await store.listPeriods(registry.db, programId, agencyBound(caller.actor) ?? undefined)).map(
    periodView,
  );
}

export async function createPeriod(registry: Registry, caller: Caller, input: PeriodInput) {
  return registry.db.transaction(async (tx) => {
    const program = await store.getProgram(tx, input.programId);
    if (!program || !seesAgency(caller.actor, program.agencyId)) {
      throw new DomainError("PROGRAM_NOT_FOUND", { id: input.programId }, 404);
    }
    const row = await store.insertPeriod(tx, input);
    const view = periodView(row);
    const { id: _id, version: _version, ...fields } = view;
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "period.create",
      entity: "period",
      entityId: row.id,
      area: null,
      after: snapshotRecord(fields, new Set(), commit(registry)),
      requestId: caller.requestId,
    });
    return view;
  });
}

// Enrollments --------------------------------------------------------------------------------------------

/** Enrollments the actor may see: of persons in their area (RT via the person) and, if agency-bound, their agency's. */
export function enrollmentScope(registry: Registry, actor: Actor): SQL | undefined {
  const { area } = actor;
  const areaWhere =
    area.level === "rt"
      ? and(
          eq(enrollments.villageCode, area.code),
          inArray(
            enrollments.personId,
            registry.db
              .select({ id: persons.id })
              .from(persons)
              .where(and(eq(persons.villageCode, area.code), eq(persons.rt, area.rt ?? ""))),
          ),
        )
      : areaCondition(area, { village: enrollments.villageCode });
  const bound = agencyBound(actor);
  const agencyWhere = bound
    ? inArray(
        enrollments.programId,
        registry.db.select({ id: programs.id }).from(programs).where(eq(programs.agencyId, bound)),
      )
    : undefined;
  return and(areaWhere, agencyWhere);
}

export async function searchEnrollments(registry: Registry, caller: Caller, search: EnrollmentSearch) {
  const { rows, total } = await store.searchEnrollments(
    registry.db,
    search,
    enrollmentScope(registry, caller.actor),
  );
  return { items: rows, total, page: search.page, pageSize: search.pageSize };
}

/** An enrollment takes its desa from the person so area-scoped queues need no join. */
export async function enrollPerson(registry: Registry, caller: Caller, input: EnrollmentInput) {
  return registry.db.transaction(async (tx) => {
    const person = await visiblePerson(tx, caller.actor, input.personId);
    const period = await store.getPeriod(tx, input.periodId);
    const program = period ? await store.getProgram(tx, period.programId) : null;
    if (!period || !program || !seesAgency(caller.actor, program.agencyId)) {
      throw new DomainError("PERIOD_NOT_FOUND", { id: input.periodId }, 404);
    }
    if (input.businessId) {
      const business = await store.getBusiness(tx, input.businessId);
      if (!business || business.ownerId !== person.id) {
        throw new ValidationFailed([
          { field: "businessId", code: "BUSINESS_NOT_OWNED", params: { id: input.businessId } },
        ]);
      }
    }
    const row = await store.insertEnrollment(tx, {
      personId: person.id,
      programId: period.programId,
      periodId: period.id,
      businessId: input.businessId ?? null,
      villageCode: person.villageCode,
      districtCode: person.districtCode,
    });
    await performDuty(tx, { duty: "register", entity: "enrollment", entityId: row.id, actor: caller.actor });
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "enrollment.create",
      entity: "enrollment",
      entityId: row.id,
      area: placeKey(personPlace(person)),
      after: {
        personId: row.personId,
        programId: row.programId,
        periodId: row.periodId,
        businessId: row.businessId,
        status: row.status,
      },
      requestId: caller.requestId,
    });
    const { rows } = await store.searchEnrollments(tx, { personId: person.id, page: 1, pageSize: 200 });
    const view = rows.find((r) => r.id === row.id);
    if (!view) throw new Error("enrollment vanished inside its own transaction");
    return view;
  });
}

// Edits of households, businesses, programs and periods ----------------------------------------------------

/** The audit entry of an edit: only the fields that changed, personal ones as keyed commitments. */
async function auditEdit(
  registry: Registry,
  tx: Executor,
  caller: Caller,
  edit: {
    entity: "household" | "business" | "program" | "period";
    id: string;
    area: string | null;
    before: Record<string, Json>;
    after: Record<string, Json>;
    personal?: ReadonlySet<string>;
    reason: string | null | undefined;
  },
): Promise<void> {
  const diff = diffRecords(edit.before, edit.after, edit.personal ?? new Set(), commit(registry));
  await registry.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: `${edit.entity}.update`,
    entity: edit.entity,
    entityId: edit.id,
    area: edit.area,
    before: diff?.before ?? null,
    after: diff?.after ?? null,
    reason: edit.reason ?? null,
    requestId: caller.requestId,
  });
}

/** A view without its id and version: what an edit can change. */
function editable<T extends { id: string; version: number }>(view: T): Record<string, Json> {
  const { id: _id, version: _version, ...fields } = view;
  return fields as unknown as Record<string, Json>;
}

function householdRecord(row: store.HouseholdRow): Record<string, Json> {
  return { villageCode: row.villageCode, rt: row.rt, rw: row.rw, address: row.address };
}

function checkVillageChange(registry: Registry, villageCode: string | undefined): void {
  if (!villageCode) return;
  const issues: FieldIssue[] = [];
  checkVillage(villageCode, registry.env, issues);
  if (issues.length > 0) throw new ValidationFailed(issues);
}

export async function updateHousehold(
  registry: Registry,
  caller: Caller,
  id: string,
  patch: HouseholdUpdate,
) {
  const { version, reason, ...changes } = patch;
  const values = stripUndefined(changes);
  checkVillageChange(registry, values.villageCode);
  return registry.db.transaction(async (tx) => {
    const current = await store.getHousehold(tx, id);
    if (!current || !sees(caller.actor, { code: current.villageCode, rt: current.rt })) {
      throw new DomainError("HOUSEHOLD_NOT_FOUND", { id }, 404);
    }
    assertWritableArea(caller.actor, {
      code: values.villageCode ?? current.villageCode,
      rt: values.rt !== undefined ? values.rt : current.rt,
    });
    const row = await store.updateVersioned(tx, households, "HOUSEHOLD", id, version, {
      ...values,
      ...(values.villageCode ? { districtCode: districtOf(values.villageCode) } : {}),
    });
    await auditEdit(registry, tx, caller, {
      entity: "household",
      id,
      area: placeKey({ code: row.villageCode, rt: row.rt }),
      before: householdRecord(current),
      after: householdRecord(row),
      personal: PERSON_PERSONAL_FIELDS,
      reason,
    });
    const members = (await store.personsOfHousehold(tx, id)).filter((m) =>
      sees(caller.actor, personPlace(m)),
    );
    return householdView(registry, row, members, "masked");
  });
}

/** A business has no RT of its own; in its owner's desa it belongs to the owner's RT. */
function businessPlace(business: { villageCode: string }, owner: PersonRow): Place {
  return { code: business.villageCode, rt: owner.villageCode === business.villageCode ? owner.rt : null };
}

export async function updateBusiness(registry: Registry, caller: Caller, id: string, patch: BusinessUpdate) {
  const { version, reason, ...changes } = patch;
  const values = stripUndefined(changes);
  checkVillageChange(registry, values.villageCode);
  return registry.db.transaction(async (tx) => {
    const current = await store.getBusiness(tx, id);
    const owner = current ? await store.getPerson(tx, current.ownerId) : null;
    if (!current || !owner || !sees(caller.actor, businessPlace(current, owner))) {
      throw new DomainError("BUSINESS_NOT_FOUND", { id }, 404);
    }
    assertWritableArea(
      caller.actor,
      businessPlace({ villageCode: values.villageCode ?? current.villageCode }, owner),
    );
    const row = await store.updateVersioned(tx, businesses, "BUSINESS", id, version, {
      ...values,
      ...(values.villageCode ? { districtCode: districtOf(values.villageCode) } : {}),
    });
    await auditEdit(registry, tx, caller, {
      entity: "business",
      id,
      area: placeKey(businessPlace(row, owner)),
      before: editable(businessView(current)),
      after: editable(businessView(row)),
      reason,
    });
    return businessView(row);
  });
}

/** Quota, amount and budget are checked together after the edit: changing one may break the other two. */
export async function updateProgram(registry: Registry, caller: Caller, id: string, patch: ProgramUpdate) {
  const { version, reason, ...changes } = patch;
  return registry.db.transaction(async (tx) => {
    const current = await store.getProgram(tx, id);
    if (!current || !seesAgency(caller.actor, current.agencyId))
      throw new DomainError("PROGRAM_NOT_FOUND", { id }, 404);
    const merged = { ...current, ...stripUndefined(changes) };
    if (!programBudgetCovers(merged)) {
      throw new ValidationFailed([{ field: "budget", code: "PROGRAM_BUDGET_BELOW_QUOTA" }]);
    }
    const row = await store.updateVersioned(tx, programs, "PROGRAM", id, version, stripUndefined(changes));
    await auditEdit(registry, tx, caller, {
      entity: "program",
      id,
      area: null,
      before: editable(programView(current)),
      after: editable(programView(row)),
      reason,
    });
    return programView(row);
  });
}

export async function updatePeriod(registry: Registry, caller: Caller, id: string, patch: PeriodUpdate) {
  const { version, reason, ...changes } = patch;
  return registry.db.transaction(async (tx) => {
    const current = await store.getPeriod(tx, id);
    const program = current ? await store.getProgram(tx, current.programId) : null;
    if (!current || !program || !seesAgency(caller.actor, program.agencyId)) {
      throw new DomainError("PERIOD_NOT_FOUND", { id }, 404);
    }
    const merged = { ...current, ...stripUndefined(changes) };
    if (merged.startsOn > merged.endsOn) {
      throw new ValidationFailed([{ field: "endsOn", code: "PERIOD_ENDS_BEFORE_START" }]);
    }
    const row = await store.updateVersioned(tx, periods, "PERIOD", id, version, stripUndefined(changes));
    await auditEdit(registry, tx, caller, {
      entity: "period",
      id,
      area: null,
      before: editable(periodView(current)),
      after: editable(periodView(row)),
      reason,
    });
    return periodView(row);
  });
}
