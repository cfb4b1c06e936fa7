import { auditActor, type Caller } from "../access/actor.ts";
import { diffRecords, type Json } from "../audit/entry.ts";
import { type FieldIssue, ValidationFailed } from "../i18n/domain-error.ts";
import { checkVillage } from "./persons.ts";
import { commitmentOf, type Registry, type Tx } from "./registry.ts";

/** The audit entry of an edit: only the fields that changed, personal ones as keyed commitments. */
export async function auditEdit(
  registry: Registry,
  tx: Tx,
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
  const diff = diffRecords(edit.before, edit.after, edit.personal ?? new Set(), commitmentOf(registry));
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
export function editable<T extends { id: string; version: number }>(view: T): Record<string, Json> {
  const { id: _id, version: _version, ...fields } = view;
  return fields as unknown as Record<string, Json>;
}

export function checkVillageChange(registry: Registry, villageCode: string | undefined): void {
  if (!villageCode) return;
  const issues: FieldIssue[] = [];
  checkVillage(villageCode, registry.env, issues);
  if (issues.length > 0) throw new ValidationFailed(issues);
}
