import {
  type Actor,
  agencyBound,
  assertWritableArea,
  auditActor,
  type Caller,
  seesAgency,
} from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { areaCondition } from "../access/area-sql.ts";
import { performDuty } from "../access/maker-checker.ts";
import { diffRecords, snapshotRecord } from "../audit/entry.ts";
import { type HistoryItem, historyItem } from "../audit/history.ts";
import { contentOf } from "../audit/log.ts";
import { entriesOf } from "../audit/store.ts";
import { validateNik } from "../nik/index.ts";
import { businessView } from "./business-service.ts";
import { enrollmentScope } from "./enrollment-service.ts";
import { assertHouseholdFits, guardPersonEdit, touchedRecord } from "./identity-edits.ts";
import { type Disclosure, disclosureFor, type PersonRow, preparePerson, toPersonView } from "./persons.ts";
import {
  commitmentOf,
  PERSON_PERSONAL_FIELDS,
  personPlace,
  personRecord,
  type Registry,
  stripUndefined,
  type Tx,
  visiblePerson,
} from "./registry.ts";
import { persons } from "./schema.ts";
import type { PersonData, PersonInput, PersonSearch, PersonUpdate, PersonView } from "./schemas.ts";
import { personInputSchema } from "./schemas.ts";
import * as store from "./store.ts";

export interface PersonWritten {
  row: PersonRow;
  person: PersonView;
  warnings: ReturnType<typeof preparePerson>["warnings"];
}

/**
 * Registers a person inside the caller's transaction: the one way a person comes into the registry, from the
 * desk and from field registration alike, so a rule added here holds for both.
 */
export async function registerPersonIn(
  registry: Registry,
  tx: Tx,
  caller: Caller,
  data: PersonData,
  disclosure: Disclosure = disclosureFor(caller.actor),
): Promise<PersonWritten> {
  // The input is checked before the area, so an officer learns what is wrong with the form first.
  const prepared = preparePerson(data, registry.env);
  assertWritableArea(caller.actor, { code: data.villageCode, rt: data.rt ?? null });
  await assertHouseholdFits(tx, caller.actor, data.householdId, data.villageCode);
  const row = await store.insertPerson(tx, prepared.values);
  registry.personWritten?.(row);
  await performDuty(tx, { duty: "register", entity: "person", entityId: row.id, actor: caller.actor });
  await registry.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "person.create",
    entity: "person",
    entityId: row.id,
    area: placeKey(personPlace(row)),
    after: snapshotRecord(
      personRecord(toPersonView(row, registry.env, "full")),
      PERSON_PERSONAL_FIELDS,
      commitmentOf(registry),
    ),
    requestId: caller.requestId,
  });
  return { row, person: toPersonView(row, registry.env, disclosure), warnings: prepared.warnings };
}

export interface PersonEditOptions {
  disclosure?: Disclosure;
  /** The form field a missing reason is reported on (field registration names its own). */
  reasonField?: string;
}

/**
 * Edits a person inside the caller's transaction: every check re-runs on the merged record (a changed sex must
 * still agree with the NIK), identity edits need a reason and are locked from verification on, and the audit
 * entry names the enrollments the edit touched.
 */
export async function updatePersonIn(
  registry: Registry,
  tx: Tx,
  caller: Caller,
  id: string,
  patch: PersonUpdate,
  options: PersonEditOptions = {},
): Promise<PersonWritten> {
  const current = await visiblePerson(tx, caller.actor, id);
  const full = toPersonView(current, registry.env, "full");
  const { version, reason, ...changes } = patch;
  const merged: PersonInput = { ...personInputFromView(full), ...stripUndefined(changes) };
  const data = personInputSchema.parse(merged);
  const prepared = preparePerson(data, registry.env);
  // Moving a person out of one's area would hand the record to someone else unasked.
  assertWritableArea(caller.actor, { code: data.villageCode, rt: data.rt ?? null });
  if (data.householdId !== current.householdId || data.villageCode !== current.villageCode) {
    await assertHouseholdFits(tx, caller.actor, data.householdId, data.villageCode);
  }
  const row = await store.updatePerson(tx, id, version, prepared.values);
  registry.personWritten?.(row);
  const diff = diffRecords(
    personRecord(full),
    personRecord(toPersonView(row, registry.env, "full")),
    PERSON_PERSONAL_FIELDS,
    commitmentOf(registry),
  );
  const touched = await guardPersonEdit(
    tx,
    caller.actor,
    id,
    Object.keys(diff?.after ?? {}),
    reason,
    options.reasonField,
  );
  await registry.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "person.update",
    entity: "person",
    entityId: id,
    area: placeKey(personPlace(row)),
    before: diff?.before ?? null,
    after: diff ? { ...diff.after, ...touchedRecord(touched) } : null,
    reason: reason ?? null,
    requestId: caller.requestId,
  });
  return {
    row,
    person: toPersonView(row, registry.env, options.disclosure ?? disclosureFor(caller.actor)),
    warnings: prepared.warnings,
  };
}

/**
 * The full NIK, KK and phone for an entitled official. Reading them is itself an audit entry, written in the
 * caller's transaction before the numbers leave the server.
 */
export async function revealIdentityIn(
  registry: Registry,
  tx: Tx,
  caller: Caller,
  id: string,
  reason: string | null,
) {
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
}

export function personInputFromView(view: PersonView): PersonInput {
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

// Reads ----------------------------------------------------------------------------------------------------

export async function getPersonView(
  registry: Registry,
  caller: Caller,
  id: string,
  disclosure: Disclosure = disclosureFor(caller.actor),
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

export async function searchPersons(
  registry: Registry,
  caller: Caller,
  search: PersonSearch,
  disclosure: Disclosure = disclosureFor(caller.actor),
) {
  const empty = { items: [], total: 0, totalCapped: false, page: search.page, pageSize: search.pageSize };
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
  const { rows, total, totalCapped } = await store.searchPersons(registry.db, query, nikIndex, scope);
  return {
    items: rows.map((row) => toPersonView(row, registry.env, disclosure)),
    total,
    totalCapped,
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
