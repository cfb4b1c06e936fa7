import { assertWritableArea, auditActor, type Caller, sees } from "../access/actor.ts";
import { type Place, placeKey } from "../access/area.ts";
import { snapshotRecord } from "../audit/entry.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { auditEdit, checkVillageChange, editable } from "./edits.ts";
import { districtOf, type PersonRow } from "./persons.ts";
import { commitmentOf, type Registry, stripUndefined, type Tx, visiblePerson } from "./registry.ts";
import { businesses } from "./schema.ts";
import type { BusinessInput, BusinessUpdate } from "./schemas.ts";
import * as store from "./store.ts";

/** A business has no RT of its own; in its owner's desa it belongs to the owner's RT. */
function businessPlace(business: { villageCode: string }, owner: PersonRow): Place {
  return { code: business.villageCode, rt: owner.villageCode === business.villageCode ? owner.rt : null };
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

export async function registerBusinessIn(registry: Registry, tx: Tx, caller: Caller, input: BusinessInput) {
  checkVillageChange(registry, input.villageCode);
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
    after: snapshotRecord(fields, new Set(), commitmentOf(registry)),
    requestId: caller.requestId,
  });
  return view;
}

export async function updateBusinessIn(
  registry: Registry,
  tx: Tx,
  caller: Caller,
  id: string,
  patch: BusinessUpdate,
) {
  const { version, reason, ...changes } = patch;
  const values = stripUndefined(changes);
  checkVillageChange(registry, values.villageCode);
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
}
