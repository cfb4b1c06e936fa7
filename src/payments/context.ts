import { type Actor, type Caller, systemCaller } from "../access/actor.ts";
import type { AuditLog } from "../audit/log.ts";
import type { Database, Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Vault } from "../privacy/vault.ts";
import type { Registry } from "../registry/service.ts";
import type { Salur } from "../runtime.ts";
import type { WorkflowAction } from "../workflow/engine.ts";
import { applyTransitions } from "../workflow/service.ts";
import { decreeInForce } from "./decree-source.ts";
import type { DecreedRecipients } from "./decreed.ts";
import type { BatchRow } from "./store.ts";
import * as store from "./store.ts";

/** Everything the payment use cases need; `decreed` is the port the decree capability implements. */
export interface Payments {
  db: Database;
  registry: Registry;
  audit: AuditLog;
  vault: Vault;
  regions: { get(code: string): { name: string } | undefined };
  regencyCode: string;
  decreed: DecreedRecipients;
  clock: () => Date;
}

export function paymentsOf(salur: Salur, decreed: DecreedRecipients = decreeInForce): Payments {
  return {
    db: salur.database.db,
    registry: salur.registry,
    audit: salur.audit,
    vault: salur.vault,
    regions: salur.regions,
    regencyCode: salur.config.regencyCode,
    decreed,
    clock: salur.access.clock,
  };
}

export const batchNotFound = (id: string) => new DomainError("PAYMENT_BATCH_NOT_FOUND", { id }, 404);

/**
 * Who sees a batch: the agency that pays (its program managers), the bank that pays it out (its operators,
 * whose account names the bank as their agency), and the regency-wide roles that approve, coordinate or audit.
 */
export function seesBatch(actor: Actor, batch: Pick<BatchRow, "agencyId" | "bankAgencyId">): boolean {
  if (actor.role === "program_manager") return actor.agencyId === batch.agencyId;
  if (actor.role === "bank_operator") return actor.agencyId !== null && actor.agencyId === batch.bankAgencyId;
  return true;
}

export async function visibleBatch(tx: Executor, actor: Actor, id: string, lock = false): Promise<BatchRow> {
  const batch = /^[0-9a-f-]{36}$/i.test(id)
    ? await (lock ? store.lockBatch(tx, id) : store.getBatch(tx, id))
    : null;
  if (!batch || !seesBatch(actor, batch)) throw batchNotFound(id);
  return batch;
}

/**
 * Moves the enrollments of settled lines along the workflow in the caller's transaction, one action at a time,
 * at each application's current version (the batch lock serialises writers of a batch's lines). A caller that
 * already read the versions passes them in `versions`, which then carries the versions each step leaves, so
 * a later step of the same import needs no second read; missing ones are read here.
 */
export async function moveEnrollments(
  payments: Payments,
  tx: Executor,
  caller: Caller,
  action: WorkflowAction,
  enrollmentIds: readonly string[],
  reason: { code?: string; text?: string } = {},
  versions: Map<string, number> = new Map(),
): Promise<void> {
  if (enrollmentIds.length === 0) return;
  const unknown = enrollmentIds.filter((id) => !versions.has(id));
  if (unknown.length > 0)
    for (const [id, { version }] of await store.enrollmentVersions(tx, unknown)) versions.set(id, version);
  // In slices, all in the caller's transaction: what one step holds in memory (applications, audit entries,
  // outcomes) stays bounded whatever the size of the batch; a refusal in any slice still undoes them all.
  for (let i = 0; i < enrollmentIds.length; i += MOVE_SLICE) {
    const outcomes = await applyTransitions(payments.registry, tx, caller, {
      action,
      items: enrollmentIds.slice(i, i + MOVE_SLICE).map((id) => ({ id, version: versions.get(id) ?? 0 })),
      reasonCode: reason.code ?? null,
      reason: reason.text ?? null,
    });
    for (const outcome of outcomes) versions.set(outcome.id, outcome.version);
  }
}

const MOVE_SLICE = 10_000;

export const deadlineCaller = (payments: Payments) => systemCaller("batas waktu klaim", payments.regencyCode);
