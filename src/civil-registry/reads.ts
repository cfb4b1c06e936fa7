/** What others read of the civil registry: a person's verification, and the counts per desa or kecamatan. */
import { type Actor, auditActor, type Caller, sees } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { openBound } from "../privacy/vault.ts";
import { personNotFound } from "../registry/persons.ts";
import { ENDING_STATUSES } from "./codes.ts";
import { assertCan, type CivilRegistry } from "./context.ts";
import { withdrawApplications } from "./import.ts";
import { differingFields } from "./results.ts";
import * as store from "./store.ts";

async function visiblePerson(cr: CivilRegistry, actor: Actor, id: string) {
  const person = (await store.personsByIds(cr.db, [id])).get(id);
  if (!person || !sees(actor, { code: person.villageCode, rt: person.rt })) throw personNotFound(id);
  return person;
}

/** The person's latest verification (status, date, source), or null when never checked. */
export async function personVerification(cr: CivilRegistry, caller: Caller, personId: string) {
  assertCan(caller.actor, "person.read");
  await visiblePerson(cr, caller.actor, personId);
  const row = await store.verificationOf(cr.db, personId);
  return row
    ? { status: row.status, checkedOn: row.checkedOn, source: row.source, sourceRef: row.sourceRef }
    : null;
}

export interface AreaStatistics {
  code: string;
  name: string;
  persons: number;
  verified: number;
  padan: number;
  tidakPadan: number;
  notFound: number;
  deceased: number;
  moved: number;
}

/** Verification counts per desa or kecamatan of the caller's area, for the reports. */
export async function verificationStatistics(
  cr: CivilRegistry,
  caller: Caller,
  level: "village" | "district",
): Promise<AreaStatistics[]> {
  assertCan(caller.actor, "civil_registry.read");
  const rows = await store.verificationCounts(cr.db, caller.actor.area, level);
  return rows.map((r) => ({ ...r, name: cr.env.regions.get(r.code)?.name ?? r.code }));
}

/** One NIK checked with the online service; a dead or moved person's applications end as from a batch. */
export async function checkOnline(cr: CivilRegistry, caller: Caller, personId: string) {
  const { actor } = caller;
  assertCan(actor, "civil_registry.verify");
  const person = await visiblePerson(cr, actor, personId);
  const online = cr.online();
  if (!online) throw new DomainError("CIVIL_REGISTRY_ONLINE_OFF", {}, 409);
  const nik = openBound(cr.env.vault, "nik", person.nikCipher, person.nikIndex);
  if (!nik) throw new DomainError("CIVIL_REGISTRY_NIK_MISSING", { id: personId }, 409);
  const answer = await online.verify(nik);
  const differing = differingFields(
    {
      name: person.name,
      birthDate: person.birthDate,
      sex: person.sex,
      kk: openBound(cr.env.vault, "kk", person.kkCipher, person.kkIndex),
      address: person.address,
    },
    answer.values,
  );
  const today = cr.env.today();
  return cr.db.transaction(async (tx) => {
    await store.recordVerification(tx, {
      personId,
      status: answer.status,
      checkedOn: today,
      source: "online",
      sourceRef: answer.requestId,
      villageCode: person.villageCode,
      districtCode: person.districtCode,
    });
    const withdrawal = ENDING_STATUSES.has(answer.status)
      ? await withdrawApplications(
          cr,
          tx,
          caller,
          [{ personId, status: answer.status }],
          `online ${answer.requestId}`,
        )
      : { withdrawn: 0, left: 0 };
    await cr.audit.append(tx, {
      actor: auditActor(actor),
      action: "civil_registry.online_check",
      entity: "person",
      entityId: personId,
      area: placeKey({ code: person.villageCode, rt: person.rt }),
      before: null,
      after: {
        status: answer.status,
        requestId: answer.requestId,
        differing,
        withdrawn: withdrawal.withdrawn,
      },
      reason: null,
      requestId: caller.requestId,
    });
    return { status: answer.status, checkedOn: today, requestId: answer.requestId, differing, ...withdrawal };
  });
}
