import { assertWritableArea, auditActor, type Caller, sees } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { snapshotRecord } from "../audit/entry.ts";
import { DomainError, type FieldIssue, ValidationFailed } from "../i18n/domain-error.ts";
import { validateKk } from "../nik/index.ts";
import { auditEdit, checkVillageChange } from "./edits.ts";
import {
  checkVillage,
  type Disclosure,
  discloseIdNumber,
  disclosureFor,
  districtOf,
  regionRef,
  toPersonView,
} from "./persons.ts";
import {
  commitmentOf,
  PERSON_PERSONAL_FIELDS,
  personPlace,
  type Registry,
  stripUndefined,
  type Tx,
} from "./registry.ts";
import { households } from "./schema.ts";
import type { HouseholdInput, HouseholdUpdate } from "./schemas.ts";
import * as store from "./store.ts";

export async function registerHouseholdIn(
  registry: Registry,
  tx: Tx,
  caller: Caller,
  input: HouseholdInput,
  disclosure: Disclosure = disclosureFor(caller.actor),
) {
  const issues: FieldIssue[] = [];
  checkVillage(input.villageCode, registry.env, issues);
  const kk = validateKk(input.kk, { regions: registry.env.regions, today: registry.env.today() });
  for (const e of kk.errors) issues.push({ field: "kk", code: e.code, params: e.params });
  if (issues.length > 0 || !kk.kk) throw new ValidationFailed(issues);
  assertWritableArea(caller.actor, { code: input.villageCode, rt: input.rt ?? null });
  const { vault } = registry.env;
  const kkNumber = kk.kk;
  const row = await store.insertHousehold(tx, {
    kkCipher: vault.seal("kk", kkNumber, vault.blindIndex("kk", kkNumber)),
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
    entityId: row.id,
    area: placeKey({ code: row.villageCode, rt: row.rt }),
    after: snapshotRecord(
      { kk: kkNumber, villageCode: row.villageCode, rt: row.rt, rw: row.rw, address: row.address },
      PERSON_PERSONAL_FIELDS,
      commitmentOf(registry),
    ),
    requestId: caller.requestId,
  });
  return householdView(registry, row, [], disclosure);
}

export async function getHouseholdView(
  registry: Registry,
  caller: Caller,
  id: string,
  disclosure: Disclosure = disclosureFor(caller.actor),
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
  const kk = registry.env.vault.open("kk", row.kkCipher, row.kkIndex);
  return {
    id: row.id,
    kk: discloseIdNumber(kk, disclosure),
    village: regionRef(row.villageCode, registry.env),
    district: regionRef(row.districtCode, registry.env),
    rt: row.rt,
    rw: row.rw,
    address: row.address,
    members: members.map((m) => toPersonView(m, registry.env, disclosure)),
    version: row.version,
  };
}

function householdRecord(row: store.HouseholdRow) {
  return { villageCode: row.villageCode, rt: row.rt, rw: row.rw, address: row.address };
}

export async function updateHouseholdIn(
  registry: Registry,
  tx: Tx,
  caller: Caller,
  id: string,
  patch: HouseholdUpdate,
) {
  const { version, reason, ...changes } = patch;
  const values = stripUndefined(changes);
  checkVillageChange(registry, values.villageCode);
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
  const members = (await store.personsOfHousehold(tx, id)).filter((m) => sees(caller.actor, personPlace(m)));
  return householdView(registry, row, members, disclosureFor(caller.actor));
}
