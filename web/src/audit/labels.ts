import type { Translate } from "../i18n/language.tsx";

/** What the labels read of an entry: the history items and the audit log's entries both have these. */
export interface LabelledEntry {
  action: string;
  entity: string;
  actor: { role: string } | null;
  reason: string | null;
  changes: { field: string; before?: unknown; after?: unknown; masked?: true }[];
}

const code = (action: string) => action.replace(/\./g, "_");

/** A readable label: the role-specific one first ("validated by the kecamatan"), then the action's own. */
export function actionLabel(t: Translate, entry: Pick<LabelledEntry, "action" | "entity" | "actor">): string {
  const base = `AUDIT_ACTION_${code(entry.action)}`;
  const other = t("AUDIT_ACTION_OTHER", { entity: t.code(`ENTITY_${entry.entity}`, {}, entry.entity) });
  const generic = t.code(base, {}, other);
  return entry.actor ? t.code(`${base}_by_${entry.actor.role}`, {}, generic) : generic;
}

function changeOf(entry: LabelledEntry, field: string) {
  return entry.changes.find((c) => c.field === field);
}

const statusLabel = (t: Translate, value: unknown) =>
  typeof value === "string" ? t.code(`STATUS_${value}`, {}, value) : "–";

/** Reason codes of every kind (rejection, objection, failed payment) share one label table. */
export function reasonCodeLabel(t: Translate, value: string): string {
  return t.code(`WF_REASON_${value}`, {}, value);
}

export function documentKindLabel(t: Translate, kind: string): string {
  return t.code(`REG_DOC_${kind}`, {}, kind);
}

/**
 * The particulars worth a line each: the step (from → to), the coded reason, the document concerned, the rules
 * not met, the fields edited, and the written reason.
 */
export function entryDetails(t: Translate, entry: LabelledEntry): string[] {
  const lines: string[] = [];
  const status = changeOf(entry, "status");
  if (status && (status.before !== undefined || status.after !== undefined) && status.before !== status.after)
    lines.push(
      t("HISTORY_FROM_TO", { from: statusLabel(t, status.before), to: statusLabel(t, status.after) }),
    );
  const reasonCode = changeOf(entry, "reasonCode")?.after;
  if (typeof reasonCode === "string")
    lines.push(t("HISTORY_REASON_CODE", { reason: reasonCodeLabel(t, reasonCode) }));
  const kind = changeOf(entry, "kind")?.after;
  if (typeof kind === "string") lines.push(t("HISTORY_DOCUMENT", { kind: documentKindLabel(t, kind) }));
  const eligibility = changeOf(entry, "eligibility")?.after as
    | { eligible?: boolean; failedRules?: string[] }
    | undefined;
  if (eligibility && eligibility.eligible === false && eligibility.failedRules?.length)
    lines.push(
      t("HISTORY_NOT_ELIGIBLE", {
        rules: eligibility.failedRules.map((r) => t.code(`WF_RULE_${r}`, {}, r)).join(", "),
      }),
    );
  if (entry.action.endsWith(".update") && entry.changes.length > 0)
    lines.push(
      t("HISTORY_FIELDS", {
        fields: entry.changes.map((c) => t.code(`FIELD_${c.field}`, {}, c.field)).join(", "),
      }),
    );
  if (entry.reason) lines.push(t("HISTORY_REASON", { reason: entry.reason }));
  return lines;
}
