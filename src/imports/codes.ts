/**
 * The import and reconciliation vocabularies: states, policies, sets and decisions. Pure, so that the web app
 * offers exactly what the server accepts without loading table definitions.
 */
export const IMPORT_STATES = [
  "queued",
  "running",
  "checked",
  "applied",
  "rejected",
  "duplicate",
  "failed",
  "cancelled",
] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
export const IMPORT_MODES = ["check", "apply"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
/** What happens to rows with errors: the whole file is refused, or those rows are left out. */
export const INVALID_ROW_POLICIES = ["reject_file", "skip_rows"] as const;
export type InvalidRowPolicy = (typeof INVALID_ROW_POLICIES)[number];

export const RECONCILIATION_STATES = ["queued", "running", "done", "failed", "cancelled"] as const;
export const RECONCILIATION_SCOPES = ["period", "registry"] as const;
export const RECONCILIATION_CATEGORIES = ["matched", "conflict", "central_only", "regional_only"] as const;
export type ReconciliationCategory = (typeof RECONCILIATION_CATEGORIES)[number];

/** What an official may decide on each kind of line; those in REASON_REQUIRED must say why. */
export const DECISIONS: Record<ReconciliationCategory, readonly string[]> = {
  matched: ["confirmed", "not_same_person"],
  conflict: ["use_central", "keep_regional", "field_check", "not_same_person"],
  central_only: ["field_check", "add_to_registry", "not_eligible"],
  regional_only: ["keep_proposed", "remove_from_list", "field_check"],
};
export const REASON_REQUIRED: ReadonlySet<string> = new Set([
  "not_same_person",
  "not_eligible",
  "remove_from_list",
  "use_central",
]);
