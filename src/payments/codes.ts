/**
 * Codes of the payment capability, shared by the tables, the API schemas and the web app (which must not import
 * the table definitions). Labels live in the i18n catalogs.
 */

/** prepared (the agency's maker) → approved (its head, the checker) → exported (the file went to the bank). */
export const BATCH_STATUSES = ["prepared", "approved", "exported"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/**
 * A line only moves forward: issued → sent → paid → returned, or sent → failed, or sent → returned (unclaimed at
 * the claim deadline: the money goes back to the Kas Daerah). Nothing goes back to issued or sent.
 */
export const LINE_STATUSES = ["issued", "sent", "paid", "failed", "returned"] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/** Statuses still waiting for the bank: what reconciliation counts as pending. */
export const PENDING_STATUSES: readonly LineStatus[] = ["issued", "sent"];

/** What the agency decided about a failed line: re-issued in a later batch, or cancelled for good. */
export const LINE_RESOLUTIONS = ["reissued", "cancelled"] as const;
export type LineResolution = (typeof LINE_RESOLUTIONS)[number];

/** What one line of a bank result file says happened. */
export const RESULT_OUTCOMES = ["paid", "failed", "returned"] as const;
export type ResultOutcome = (typeof RESULT_OUTCOMES)[number];

/**
 * Why a payment failed: G2P Connect's disburse rejection codes (rjct.*), then what an Indonesian bank reports
 * after accepting a credit — which G2P Connect has no code for (seed 000: BRI collective accounts, "burekol").
 */
export const FAILURE_REASONS = [
  "rjct.reference_id.invalid",
  "rjct.reference_id.duplicate",
  "rjct.timestamp.invalid",
  "rjct.payer_fa.invalid",
  "rjct.payee_fa.invalid",
  "rjct.amount.invalid",
  "rjct.schedule_ts.invalid",
  "rjct.currency_code.invalid",
  "account_closed",
  "account_dormant",
  "name_mismatch",
  "holder_deceased",
  "burekol_failed",
  "unclaimed_by_deadline",
  "other",
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** What became of one entry of a result file; refused and held entries carry a refusal code and are reported. */
export const RESULT_DISPOSITIONS = ["applied", "held", "refused"] as const;
export type ResultDisposition = (typeof RESULT_DISPOSITIONS)[number];

/** Why an entry of a result file was not applied. */
export const REFUSAL_CODES = [
  "PAYMENT_REFERENCE_NOT_IN_BATCH",
  "PAYMENT_AMOUNT_MISMATCH",
  "PAYMENT_REVERSAL_WITHOUT_CREDIT",
  "PAYMENT_ALREADY_PAID",
  "PAYMENT_ALREADY_FAILED",
  "PAYMENT_ALREADY_RETURNED",
  "PAYMENT_LINE_NOT_SENT",
  "PAYMENT_BANK_REFERENCE_REUSED",
  "PAYMENT_RESULT_MALFORMED",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const RESULT_FORMATS = ["csv", "xlsx", "mt940"] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** How a batch is split when the agency wants one file per bank branch or per kecamatan. */
export const SPLIT_KEYS = ["none", "branch", "district"] as const;
export type SplitKey = (typeof SPLIT_KEYS)[number];

/** A saved layout describes either the file sent to the bank or the result file the bank sends back. */
export const LAYOUT_KINDS = ["export", "result"] as const;
export type LayoutKind = (typeof LAYOUT_KINDS)[number];
