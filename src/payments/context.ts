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
 * reading each application's current version first (the batch lock serialises writers of a batch's lines).
 */
export async function moveEnrollments(
  payments: Payments,
  tx: Executor,
  caller: Caller,
  action: WorkflowAction,
  enrollmentIds: readonly string[],
  reason: { code?: string; text?: string } = {},
): Promise<void> {
  if (enrollmentIds.length === 0) return;
  const versions = await store.enrollmentVersions(tx, enrollmentIds);
  await applyTransitions(payments.registry, tx, caller, {
    action,
    items: enrollmentIds.map((id) => ({ id, version: versions.get(id)?.version ?? 0 })),
    reasonCode: reason.code ?? null,
    reason: reason.text ?? null,
  });
}

export const deadlineCaller = (payments: Payments) => systemCaller("batas waktu klaim", payments.regencyCode);
