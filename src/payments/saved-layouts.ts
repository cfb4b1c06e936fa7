/**
 * Layouts an agency saves for its bank's files: listed beside the built-in BRI layouts, saved (created or
 * replaced by code) and deleted by whoever exports the agency's batches, each change audited in its own
 * transaction, and found by id when a batch is exported or a result file applied.
 */
import type { Actor, Caller } from "../access/actor.ts";
import { auditActor } from "../access/actor.ts";
import type { JsonObject } from "../audit/entry.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { LayoutKind } from "./codes.ts";
import { type Payments, visibleBatch } from "./context.ts";
import {
  EXPORT_LAYOUTS,
  type ExportLayout,
  exportLayoutSchema,
  RESULT_LAYOUTS,
  type ResultLayout,
  resultLayoutSchema,
} from "./layout.ts";
import * as store from "./layout-store.ts";

export const LAYOUT_ENTITY = "payment_layout";
/** Built-in layouts live in code, not in the table; their ids say so and can never clash with a uuid. */
const BUILT_IN = "builtin:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Common = { id: string; code: string; name: string; builtIn: boolean; updatedAt: string | null };
export type LayoutView =
  | (Common & { kind: "export"; layout: ExportLayout })
  | (Common & { kind: "result"; layout: ResultLayout });

export type LayoutInput = { kind: "export"; layout: ExportLayout } | { kind: "result"; layout: ResultLayout };

const layoutNotFound = (id: string) => new DomainError("PAYMENT_LAYOUT_NOT_FOUND", { id }, 404);

function builtIns(kind?: LayoutKind): LayoutView[] {
  const common = (l: { code: string; name: string }) => ({
    id: `${BUILT_IN}${l.code}`,
    code: l.code,
    name: l.name,
    builtIn: true,
    updatedAt: null,
  });
  return [
    ...(kind === "result"
      ? []
      : EXPORT_LAYOUTS.map((layout) => ({ ...common(layout), kind: "export" as const, layout }))),
    ...(kind === "export"
      ? []
      : RESULT_LAYOUTS.map((layout) => ({ ...common(layout), kind: "result" as const, layout }))),
  ];
}

/** A stored layout read back through its kind's schema, so a row from an older shape still comes out whole. */
function savedView(row: store.LayoutRow): LayoutView {
  const common = {
    id: row.id,
    code: row.code,
    name: row.name,
    builtIn: false,
    updatedAt: row.updatedAt.toISOString(),
  };
  return row.kind === "export"
    ? { ...common, kind: "export", layout: exportLayoutSchema.parse(row.layout) }
    : { ...common, kind: "result", layout: resultLayoutSchema.parse(row.layout) };
}

/**
 * Whose layouts the caller reaches: a batch's paying agency when a batch they see is named (how the bank's
 * operator finds the result layout the agency saved); otherwise a program manager's or bank operator's own
 * agency, or the agency a regency-wide role names. An agency-bound caller naming another agency finds nothing.
 */
async function reachableAgency(
  tx: Executor,
  actor: Actor,
  query: { batchId?: string | undefined; agencyId?: string | undefined },
): Promise<string | null> {
  if (query.batchId) return (await visibleBatch(tx, actor, query.batchId)).agencyId;
  if (actor.role === "program_manager" || actor.role === "bank_operator") {
    if (query.agencyId && query.agencyId !== actor.agencyId)
      throw new DomainError("AGENCY_NOT_FOUND", { id: query.agencyId }, 404);
    return actor.agencyId;
  }
  return query.agencyId ?? null;
}

export async function listLayouts(
  payments: Payments,
  caller: Caller,
  query: { kind?: LayoutKind | undefined; batchId?: string | undefined; agencyId?: string | undefined },
): Promise<LayoutView[]> {
  const agencyId = await reachableAgency(payments.db, caller.actor, query);
  const saved = agencyId ? await store.listLayouts(payments.db, agencyId, query.kind) : [];
  return [...builtIns(query.kind), ...saved.map(savedView)];
}

/** The agency a change is made for: only an agency's own officials keep its layouts. */
function owningAgency(actor: Actor, named: string | undefined): string {
  if (!actor.agencyId) throw new DomainError("PAYMENT_LAYOUT_AGENCY_REQUIRED", {}, 403);
  if (named && named !== actor.agencyId) throw new DomainError("AGENCY_NOT_FOUND", { id: named }, 404);
  return actor.agencyId;
}

function layoutRecord(row: store.LayoutRow): JsonObject {
  return { kind: row.kind, code: row.code, name: row.name, layout: row.layout as unknown as JsonObject };
}

/** Saving under an existing code replaces that layout: the agency's current bank format wins. */
export async function saveLayout(
  payments: Payments,
  caller: Caller,
  input: LayoutInput & { agencyId?: string | undefined },
): Promise<{ layout: LayoutView; created: boolean }> {
  const { actor } = caller;
  const agencyId = owningAgency(actor, input.agencyId);
  if (builtIns(input.kind).some((b) => b.code === input.layout.code))
    throw new DomainError("PAYMENT_LAYOUT_CODE_RESERVED", { code: input.layout.code }, 409);
  return payments.db.transaction(async (tx) => {
    const before = await store.lockLayoutByCode(tx, agencyId, input.kind, input.layout.code);
    const row = await store.upsertLayout(tx, {
      agencyId,
      kind: input.kind,
      code: input.layout.code,
      name: input.layout.name,
      layout: input.layout,
      createdBy: actor.userId,
    });
    await payments.audit.append(tx, {
      actor: auditActor(actor),
      action: "payment.layout_save",
      entity: LAYOUT_ENTITY,
      entityId: row.id,
      area: null,
      before: before ? layoutRecord(before) : null,
      after: layoutRecord(row),
      requestId: caller.requestId,
    });
    return { layout: savedView(row), created: before === null };
  });
}

export async function deleteLayout(payments: Payments, caller: Caller, id: string): Promise<void> {
  const { actor } = caller;
  if (id.startsWith(BUILT_IN) && builtIns().some((b) => b.id === id))
    throw new DomainError("PAYMENT_LAYOUT_BUILT_IN", { id }, 409);
  await payments.db.transaction(async (tx) => {
    const row = UUID.test(id) ? await store.getLayout(tx, id) : null;
    if (!row || row.agencyId !== actor.agencyId) throw layoutNotFound(id);
    await store.deleteLayout(tx, row.id);
    await payments.audit.append(tx, {
      actor: auditActor(actor),
      action: "payment.layout_delete",
      entity: LAYOUT_ENTITY,
      entityId: row.id,
      area: null,
      before: layoutRecord(row),
      after: null,
      requestId: caller.requestId,
    });
  });
}

/** The layout a batch's file is written or read in: a built-in one, or one the batch's own agency saved. */
async function layoutOf(tx: Executor, agencyId: string, kind: LayoutKind, id: string): Promise<LayoutView> {
  const builtIn = builtIns(kind).find((b) => b.id === id);
  if (builtIn) return builtIn;
  const row = UUID.test(id) ? await store.getLayout(tx, id) : null;
  if (!row || row.agencyId !== agencyId || row.kind !== kind) throw layoutNotFound(id);
  return savedView(row);
}

export async function exportLayoutOf(tx: Executor, agencyId: string, id: string): Promise<ExportLayout> {
  const view = await layoutOf(tx, agencyId, "export", id);
  if (view.kind !== "export") throw layoutNotFound(id);
  return view.layout;
}

export async function resultLayoutOf(tx: Executor, agencyId: string, id: string): Promise<ResultLayout> {
  const view = await layoutOf(tx, agencyId, "result", id);
  if (view.kind !== "result") throw layoutNotFound(id);
  return view.layout;
}
