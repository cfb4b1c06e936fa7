/**
 * Status and kind codes of registry records, shared by the tables, the API schemas and the web app (which must
 * not import the table definitions). Labels live in the i18n catalogs.
 */
/** Result of the NIK check at the last write: invalid NIKs from the field are kept and flagged, not lost. */
export const NIK_STATUSES = ["valid", "warning", "invalid", "missing"] as const;

export const PROGRAM_KINDS = ["cash", "in_kind"] as const;
export const PROGRAM_TARGETS = ["person", "household", "business"] as const;

export const PERIOD_STATUSES = ["planned", "open", "closed"] as const;

/**
 * Every state an enrollment can be in; the workflow capability owns the transitions between them.
 * Listed here so the column and the filters agree with the workflow from the start.
 */
export const ENROLLMENT_STATUSES = [
  "draft",
  "submitted",
  "verified",
  "validated",
  "selected",
  "published",
  "approved",
  "paid",
  "received",
  "rejected",
  "withdrawn",
  "objection_upheld",
  "payment_failed",
  "payment_returned",
] as const;
