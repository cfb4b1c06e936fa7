import { type Actor, auditActor, type Caller, sees } from "../access/actor.ts";
import { type Place, placeKey } from "../access/area.ts";
import type { Json } from "../audit/entry.ts";
import type { AuditLog } from "../audit/log.ts";
import type { Database, Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { type PersonRow, personNotFound, type RegistryEnvironment } from "./persons.ts";
import type { PersonView } from "./schemas.ts";
import * as store from "./store.ts";

/**
 * What the registry's use cases need. The write use cases take the caller's transaction (`tx`) and never open
 * one: the route, job or CLI command that runs them opens it, so a field registration, an import or a payment
 * can write a person, an enrollment and their audit entries in one unit of work (ARCHITECTURE.md,
 * "Transactions"). Every use case takes the caller: records outside the caller's area (or a program manager's
 * agency) are invisible (404), and writes there are refused.
 */
export interface Registry {
  env: RegistryEnvironment;
  db: Database;
  audit: AuditLog;
  /**
   * Told of every person created or edited, inside the write's transaction: the runtime wires the overlap
   * index here, so the registry knows nothing of matching.
   */
  personWritten?: (row: PersonRow) => void;
}

/** The transaction a route, job or command opened; the use cases compose inside it. */
export type Tx = Executor;

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

export const commitmentOf = (registry: Registry) => (field: string, value: string) =>
  registry.env.vault.commitment(field, value);

export function personPlace(row: Pick<PersonRow, "villageCode" | "rt">): Place {
  return { code: row.villageCode, rt: row.rt };
}

export function personRecord(view: PersonView): Record<string, Json> {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    village,
    district: _d,
    birthYear: _y,
    ...fields
  } = view;
  return { ...fields, villageCode: village.code };
}

export async function visiblePerson(db: Executor, actor: Actor, id: string): Promise<PersonRow> {
  const row = await store.getPerson(db, id);
  if (!row || !sees(actor, personPlace(row))) throw personNotFound(id);
  return row;
}

export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Runs registry writes in one transaction for a route or command, and turns a NIK/KK clash outside the
 * caller's area into the refusal that names nothing (after the rollback, so the attempt is still recorded).
 */
export async function registryTransaction<T>(
  registry: Registry,
  caller: Caller,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return registry.db.transaction(work).catch(async (error: unknown) => {
    throw await duplicateOutsideArea(registry, caller, error);
  });
}

/**
 * A NIK or KK that is already registered outside the caller's area: the refusal names no id, desa or status
 * (the one bit that uniqueness must reveal), and the attempt is an audit entry of the record's area, so
 * guessing NIKs through registration shows up in the trail (issue 12, H1/L1). Runs after the caller's
 * transaction rolled back, so it writes its entry in a transaction of its own.
 */
export async function duplicateOutsideArea(
  registry: Registry,
  caller: Caller,
  error: unknown,
): Promise<unknown> {
  if (!(error instanceof DomainError)) return error;
  const entity =
    error.code === "PERSON_NIK_EXISTS" ? "person" : error.code === "HOUSEHOLD_KK_EXISTS" ? "household" : null;
  if (!entity) return error;
  const id = String(error.params.id ?? "");
  const known = /^[0-9a-f-]{36}$/.test(id);
  const row = !known
    ? null
    : entity === "person"
      ? await store.getPerson(registry.db, id)
      : await store.getHousehold(registry.db, id);
  if (row && sees(caller.actor, { code: row.villageCode, rt: row.rt })) return error;
  await registry.db.transaction((tx) =>
    registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: `${entity}.duplicate_outside_area`,
      entity,
      entityId: row?.id ?? null,
      area: row ? placeKey({ code: row.villageCode, rt: row.rt }) : null,
      requestId: caller.requestId,
    }),
  );
  return new DomainError(
    entity === "person" ? "PERSON_NIK_EXISTS_ELSEWHERE" : "HOUSEHOLD_KK_EXISTS_ELSEWHERE",
    {},
    409,
  );
}
