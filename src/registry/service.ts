import type { Database } from "../db/index.ts";
import { DomainError, type FieldIssue, ValidationFailed } from "../i18n/domain-error.ts";
import { validateKk, validateNik } from "../nik/index.ts";
import {
  checkVillage,
  type Disclosure,
  districtOf,
  personNotFound,
  preparePerson,
  type RegistryEnvironment,
  regionRef,
  toPersonView,
} from "./persons.ts";
import { businesses, households, periods, programs } from "./schema.ts";
import type {
  BusinessInput,
  BusinessUpdate,
  EnrollmentInput,
  HouseholdInput,
  HouseholdUpdate,
  PeriodUpdate,
  PersonData,
  PersonInput,
  PersonSearch,
  PersonUpdate,
  PersonView,
  ProgramUpdate,
} from "./schemas.ts";
import { personInputSchema, programBudgetCovers } from "./schemas.ts";
import * as store from "./store.ts";

/** The registry's use cases: each runs in one transaction, so a failed check leaves nothing half-written. */
export interface Registry {
  env: RegistryEnvironment;
  db: Database;
}

export async function registerPerson(
  registry: Registry,
  data: PersonData,
  disclosure: Disclosure = "masked",
) {
  const prepared = preparePerson(data, registry.env);
  const row = await registry.db.transaction(async (tx) => {
    if (data.householdId && !(await store.getHousehold(tx, data.householdId))) {
      throw new DomainError("HOUSEHOLD_NOT_FOUND", { id: data.householdId }, 404);
    }
    return store.insertPerson(tx, prepared.values);
  });
  return { person: toPersonView(row, registry.env, disclosure), warnings: prepared.warnings };
}

export async function getPersonView(registry: Registry, id: string, disclosure: Disclosure = "masked") {
  const row = await store.getPerson(registry.db, id);
  if (!row) throw personNotFound(id);
  return toPersonView(row, registry.env, disclosure);
}

/** An edit re-runs every check on the merged record: a changed sex must still agree with the NIK. */
export async function updatePerson(
  registry: Registry,
  id: string,
  patch: PersonUpdate,
  disclosure: Disclosure = "masked",
) {
  return registry.db.transaction(async (tx) => {
    const current = await store.getPerson(tx, id);
    if (!current) throw personNotFound(id);
    const full = toPersonView(current, registry.env, "full");
    const { version, reason: _reason, ...changes } = patch;
    const merged: PersonInput = { ...personInputFromView(full), ...stripUndefined(changes) };
    const data = personInputSchema.parse(merged);
    const prepared = preparePerson(data, registry.env);
    const row = await store.updatePerson(tx, id, version, prepared.values);
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
  search: PersonSearch,
  disclosure: Disclosure = "masked",
) {
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
  const { rows, total } = await store.searchPersons(registry.db, query, nikIndex);
  return {
    items: rows.map((row) => toPersonView(row, registry.env, disclosure)),
    total,
    page: search.page,
    pageSize: search.pageSize,
  };
}

export async function registerHousehold(
  registry: Registry,
  input: HouseholdInput,
  disclosure: Disclosure = "masked",
) {
  const issues: FieldIssue[] = [];
  checkVillage(input.villageCode, registry.env, issues);
  const kk = validateKk(input.kk, { regions: registry.env.regions, today: registry.env.today() });
  for (const e of kk.errors) issues.push({ field: "kk", code: e.code, params: e.params });
  if (issues.length > 0 || !kk.kk) throw new ValidationFailed(issues);
  const { vault } = registry.env;
  const row = await store.insertHousehold(registry.db, {
    kkCipher: vault.seal("kk", kk.kk),
    kkIndex: vault.blindIndex("kk", kk.kk),
    villageCode: input.villageCode,
    districtCode: districtOf(input.villageCode),
    rt: input.rt ?? null,
    rw: input.rw ?? null,
    address: input.address ?? null,
  });
  return householdView(registry, row, [], disclosure);
}

export async function getHouseholdView(registry: Registry, id: string, disclosure: Disclosure = "masked") {
  const row = await store.getHousehold(registry.db, id);
  if (!row) throw new DomainError("HOUSEHOLD_NOT_FOUND", { id }, 404);
  const members = await store.personsOfHousehold(registry.db, id);
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

export async function registerBusiness(registry: Registry, input: BusinessInput) {
  const issues: FieldIssue[] = [];
  checkVillage(input.villageCode, registry.env, issues);
  if (issues.length > 0) throw new ValidationFailed(issues);
  return registry.db.transaction(async (tx) => {
    if (!(await store.getPerson(tx, input.ownerId))) throw personNotFound(input.ownerId);
    const row = await store.insertBusiness(tx, {
      ...input,
      licenseNumber: input.licenseNumber ?? null,
      address: input.address ?? null,
      districtCode: districtOf(input.villageCode),
    });
    return businessView(row);
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

/** An enrollment takes its desa from the person so area-scoped queues need no join. */
export async function enrollPerson(registry: Registry, input: EnrollmentInput) {
  return registry.db.transaction(async (tx) => {
    const person = await store.getPerson(tx, input.personId);
    if (!person) throw personNotFound(input.personId);
    const period = await store.getPeriod(tx, input.periodId);
    if (!period) throw new DomainError("PERIOD_NOT_FOUND", { id: input.periodId }, 404);
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
    const { rows } = await store.searchEnrollments(tx, { personId: person.id, page: 1, pageSize: 200 });
    const view = rows.find((r) => r.id === row.id);
    if (!view) throw new Error("enrollment vanished inside its own transaction");
    return view;
  });
}

export async function updateHousehold(registry: Registry, id: string, patch: HouseholdUpdate) {
  const { version, reason: _reason, ...changes } = patch;
  const values = stripUndefined(changes);
  if (values.villageCode) {
    const issues: FieldIssue[] = [];
    checkVillage(values.villageCode, registry.env, issues);
    if (issues.length > 0) throw new ValidationFailed(issues);
  }
  const row = await store.updateVersioned(registry.db, households, "HOUSEHOLD", id, version, {
    ...values,
    ...(values.villageCode ? { districtCode: districtOf(values.villageCode) } : {}),
  });
  return getHouseholdView(registry, row.id);
}

export async function updateBusiness(registry: Registry, id: string, patch: BusinessUpdate) {
  const { version, reason: _reason, ...changes } = patch;
  const values = stripUndefined(changes);
  if (values.villageCode) {
    const issues: FieldIssue[] = [];
    checkVillage(values.villageCode, registry.env, issues);
    if (issues.length > 0) throw new ValidationFailed(issues);
  }
  const row = await store.updateVersioned(registry.db, businesses, "BUSINESS", id, version, {
    ...values,
    ...(values.villageCode ? { districtCode: districtOf(values.villageCode) } : {}),
  });
  return businessView(row);
}

/** Quota, amount and budget are checked together after the edit: changing one may break the other two. */
export async function updateProgram(registry: Registry, id: string, patch: ProgramUpdate) {
  const { version, reason: _reason, ...changes } = patch;
  return registry.db.transaction(async (tx) => {
    const current = await store.getProgram(tx, id);
    if (!current) throw new DomainError("PROGRAM_NOT_FOUND", { id }, 404);
    const merged = { ...current, ...stripUndefined(changes) };
    if (!programBudgetCovers(merged)) {
      throw new ValidationFailed([{ field: "budget", code: "PROGRAM_BUDGET_BELOW_QUOTA" }]);
    }
    return store.updateVersioned(tx, programs, "PROGRAM", id, version, stripUndefined(changes));
  });
}

export async function updatePeriod(registry: Registry, id: string, patch: PeriodUpdate) {
  const { version, reason: _reason, ...changes } = patch;
  return registry.db.transaction(async (tx) => {
    const current = await store.getPeriod(tx, id);
    if (!current) throw new DomainError("PERIOD_NOT_FOUND", { id }, 404);
    const merged = { ...current, ...stripUndefined(changes) };
    if (merged.startsOn > merged.endsOn) {
      throw new ValidationFailed([{ field: "endsOn", code: "PERIOD_ENDS_BEFORE_START" }]);
    }
    return store.updateVersioned(tx, periods, "PERIOD", id, version, stripUndefined(changes));
  });
}
