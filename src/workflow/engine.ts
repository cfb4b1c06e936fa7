/**
 * The enrollment workflow as an explicit state machine (pure): every transition names the roles allowed, the
 * broadest area scope that may act, whether the program's documents must be present, the maker-checker duty
 * it performs, whether a reason is required, and whether eligibility is re-checked. Anything not in
 * TRANSITIONS is illegal; the database refuses the same edges again (migration enrollment_workflow).
 */
import { type AreaLevel, type AreaScope, areaContains, type Place, placeKey } from "../access/area.ts";
import type { Duty } from "../access/duties.ts";
import type { Role } from "../access/roles.ts";
import type { DocumentKind } from "../documents/kinds.ts";
import { ENROLLMENT_STATUSES } from "../registry/codes.ts";

export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export { ENROLLMENT_STATUSES };

export const WORKFLOW_ACTIONS = [
  "submit",
  "return_for_correction",
  "verify",
  "validate",
  "reject",
  "select",
  "deselect",
  "publish",
  "uphold_objection",
  "approve",
  "record_payment",
  "record_payment_failure",
  "retry_payment",
  "record_payment_return",
  "confirm_receipt",
  "withdraw",
  "withdraw_recipient",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Coded reasons: what reports count; the free text says the particulars. */
export const REJECTION_REASONS = [
  "ineligible",
  "documents_missing",
  "documents_invalid",
  "duplicate",
  "not_found_at_address",
  "deceased",
  "moved_away",
  "already_assisted",
  "data_mismatch",
  "other",
] as const;
/** Grounds a sanggah (public objection) is upheld on. */
export const OBJECTION_REASONS = [
  "not_poor",
  "not_resident",
  "deceased",
  "duplicate",
  "civil_servant",
  "already_assisted",
  "other",
] as const;
/** Grounds a decreed recipient is withdrawn on: the civil registry reports the person dead or moved away. */
export const RECIPIENT_WITHDRAWAL_REASONS = ["deceased", "moved_away"] as const;
export const PAYMENT_FAILURE_REASONS = [
  "account_invalid",
  "account_closed",
  "name_mismatch",
  "recipient_not_found",
  "other",
] as const;

export type ReasonRule = { kind: "none" } | { kind: "text" } | { kind: "coded"; codes: readonly string[] };

export interface Transition {
  action: WorkflowAction;
  from: EnrollmentStatus;
  to: EnrollmentStatus;
  roles: readonly Role[];
  /** The broadest area an actor may hold to act: desa verification is done by people who know the village. */
  broadestScope: AreaLevel;
  /** The program's required documents (KTP, KK, SKU …) must be attached. */
  documents: boolean;
  /** The maker-checker duty performed; the access capability refuses the other duty of a configured pair. */
  duty: Duty | null;
  reason: ReasonRule;
  /** Eligibility is evaluated again and must pass. */
  eligibility: boolean;
}

const REGISTRARS: readonly Role[] = [
  "enumerator",
  "rt",
  "village_operator",
  "kecamatan_officer",
  "program_manager",
];
const NO_REASON: ReasonRule = { kind: "none" };
const TEXT_REASON: ReasonRule = { kind: "text" };
const rejection: ReasonRule = { kind: "coded", codes: REJECTION_REASONS };

function edge(
  action: WorkflowAction,
  from: EnrollmentStatus,
  to: EnrollmentStatus,
  roles: readonly Role[],
  rest: Partial<Omit<Transition, "action" | "from" | "to" | "roles">> = {},
): Transition {
  return {
    action,
    from,
    to,
    roles,
    broadestScope: "regency",
    documents: false,
    duty: null,
    reason: NO_REASON,
    eligibility: false,
    ...rest,
  };
}

/** Statuses an application may still be withdrawn from (on the applicant's request) before the decree. */
const WITHDRAWABLE: readonly EnrollmentStatus[] = [
  "draft",
  "submitted",
  "verified",
  "validated",
  "selected",
  "published",
];

export const TRANSITIONS: readonly Transition[] = [
  edge("submit", "draft", "submitted", REGISTRARS, { documents: true, duty: "register", eligibility: true }),
  edge("return_for_correction", "submitted", "draft", ["village_operator", "kecamatan_officer"], {
    reason: TEXT_REASON,
  }),
  edge("verify", "submitted", "verified", ["village_operator"], {
    broadestScope: "village",
    documents: true,
    duty: "verify",
  }),
  // A rejection at each step is that step's decision, so it carries the step's duty: the registrar cannot
  // reject a rival's application at verification any more than they may verify their own.
  edge("reject", "submitted", "rejected", ["village_operator"], {
    broadestScope: "village",
    duty: "verify",
    reason: rejection,
  }),
  edge("validate", "verified", "validated", ["kecamatan_officer", "program_manager"], {
    documents: true,
    duty: "validate",
  }),
  edge("return_for_correction", "verified", "submitted", ["kecamatan_officer", "program_manager"], {
    reason: TEXT_REASON,
  }),
  edge("reject", "verified", "rejected", ["kecamatan_officer", "program_manager"], {
    duty: "validate",
    reason: rejection,
  }),
  edge("select", "validated", "selected", ["program_manager"], { duty: "propose", eligibility: true }),
  edge("reject", "validated", "rejected", ["program_manager"], { reason: rejection }),
  edge("deselect", "selected", "validated", ["program_manager"], { reason: TEXT_REASON }),
  edge("publish", "selected", "published", ["program_manager", "village_operator"]),
  edge(
    "uphold_objection",
    "published",
    "objection_upheld",
    ["village_operator", "kecamatan_officer", "program_manager"],
    {
      reason: { kind: "coded", codes: OBJECTION_REASONS },
    },
  ),
  edge("approve", "published", "approved", ["approver"], { duty: "approve" }),
  edge("record_payment", "approved", "paid", ["bank_operator"], { duty: "apply_bank_result" }),
  edge("record_payment_failure", "approved", "payment_failed", ["bank_operator"], {
    duty: "apply_bank_result",
    reason: { kind: "coded", codes: PAYMENT_FAILURE_REASONS },
  }),
  edge("retry_payment", "payment_failed", "approved", ["program_manager"], { reason: TEXT_REASON }),
  edge("record_payment_return", "paid", "payment_returned", ["bank_operator", "program_manager"], {
    reason: TEXT_REASON,
  }),
  edge("confirm_receipt", "paid", "received", ["enumerator", "rt", "village_operator", "kecamatan_officer"]),
  ...WITHDRAWABLE.map((from) => edge("withdraw", from, "withdrawn", REGISTRARS, { reason: TEXT_REASON })),
  // After the decree only the civil registry's word ends an application: a dead or moved-out recipient must not
  // be paid, and the annex keeps the decided list as decided.
  ...(["approved", "payment_failed"] as const).map((from) =>
    edge(
      "withdraw_recipient",
      from,
      "withdrawn",
      ["village_operator", "kecamatan_officer", "program_manager"],
      {
        reason: { kind: "coded", codes: RECIPIENT_WITHDRAWAL_REASONS },
      },
    ),
  ),
];

/** Statuses that end an application: nothing leaves them. */
export const TERMINAL_STATUSES: readonly EnrollmentStatus[] = ENROLLMENT_STATUSES.filter(
  (status) => !TRANSITIONS.some((t) => t.from === status),
);

/**
 * Statuses that hold a claim on aid: what "one recipient per KK" and "not receiving program X" count. A draft
 * is not yet a claim; rejected, withdrawn, upheld and returned ones no longer are.
 */
export const CLAIMING_STATUSES: readonly EnrollmentStatus[] = [
  "submitted",
  "verified",
  "validated",
  "selected",
  "published",
  "approved",
  "paid",
  "received",
  "payment_failed",
];

/** Every legal (from, to) pair, as the database guard lists them. */
export const WORKFLOW_EDGES: readonly (readonly [EnrollmentStatus, EnrollmentStatus])[] = [
  ...new Map(TRANSITIONS.map((t) => [`${t.from}>${t.to}`, [t.from, t.to] as const])).values(),
];

export function transitionFor(action: WorkflowAction, from: EnrollmentStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from === from);
}

const LEVEL_BREADTH: Record<AreaLevel, number> = { rt: 0, village: 1, district: 2, regency: 3 };

export interface WorkflowActor {
  role: Role | "system";
  area: AreaScope;
}

export interface TransitionRequest {
  action: WorkflowAction;
  from: EnrollmentStatus;
  actor: WorkflowActor;
  /** Where the application lives: the applicant's desa and RT. */
  place: Place;
  requiredDocuments: readonly DocumentKind[];
  documentsPresent: readonly DocumentKind[];
  reasonCode?: string | null;
  reason?: string | null;
  /** The eligibility result, for transitions that re-check it; null when not evaluated. */
  eligibility?: { eligible: boolean; failedRules: readonly string[] } | null;
}

export type RefusalCode =
  | "WORKFLOW_TRANSITION_ILLEGAL"
  | "WORKFLOW_ROLE_FORBIDDEN"
  | "AREA_FORBIDDEN"
  | "WORKFLOW_AREA_TOO_BROAD"
  | "REASON_REQUIRED"
  | "REASON_CODE_REQUIRED"
  | "REASON_CODE_INVALID"
  | "WORKFLOW_DOCUMENTS_MISSING"
  | "ELIGIBILITY_NOT_EVALUATED"
  | "ELIGIBILITY_FAILED";

export type Decision =
  | { ok: true; transition: Transition }
  | { ok: false; code: RefusalCode; params: Record<string, string | number> };

/** HTTP status per refusal: an illegal edge is a state conflict, a role or area a permission, the rest input. */
export const REFUSAL_STATUS: Record<RefusalCode, number> = {
  WORKFLOW_TRANSITION_ILLEGAL: 409,
  WORKFLOW_ROLE_FORBIDDEN: 403,
  AREA_FORBIDDEN: 403,
  WORKFLOW_AREA_TOO_BROAD: 403,
  REASON_REQUIRED: 422,
  REASON_CODE_REQUIRED: 422,
  REASON_CODE_INVALID: 422,
  WORKFLOW_DOCUMENTS_MISSING: 422,
  ELIGIBILITY_NOT_EVALUATED: 422,
  ELIGIBILITY_FAILED: 422,
};

function refuse(code: RefusalCode, params: Record<string, string | number> = {}): Decision {
  return { ok: false, code, params };
}

/** Role and area only: what decides whether an officer is offered the action at all. */
function actorRefusal(transition: Transition, actor: WorkflowActor, place: Place): Decision | null {
  if (actor.role === "system") return null;
  if (!transition.roles.includes(actor.role)) {
    return refuse("WORKFLOW_ROLE_FORBIDDEN", { action: transition.action, role: actor.role });
  }
  if (!areaContains(actor.area, place)) return refuse("AREA_FORBIDDEN", { area: placeKey(place) });
  if (LEVEL_BREADTH[actor.area.level] > LEVEL_BREADTH[transition.broadestScope]) {
    return refuse("WORKFLOW_AREA_TOO_BROAD", { action: transition.action, level: transition.broadestScope });
  }
  return null;
}

/**
 * Decides one transition. Maker-checker needs the record of who did what and is enforced by the store in the
 * same transaction (the transition names the duty); everything else is decided here.
 */
export function decide(request: TransitionRequest): Decision {
  const transition = transitionFor(request.action, request.from);
  if (!transition)
    return refuse("WORKFLOW_TRANSITION_ILLEGAL", { action: request.action, status: request.from });
  const refusal = actorRefusal(transition, request.actor, request.place);
  if (refusal) return refusal;

  const reason = request.reason?.trim() ?? "";
  const rule = transition.reason;
  if (rule.kind === "coded") {
    if (!request.reasonCode) return refuse("REASON_CODE_REQUIRED", { options: rule.codes.join(", ") });
    if (!rule.codes.includes(request.reasonCode)) {
      return refuse("REASON_CODE_INVALID", { code: request.reasonCode, options: rule.codes.join(", ") });
    }
  }
  if (rule.kind !== "none" && reason === "") return refuse("REASON_REQUIRED");

  if (transition.documents) {
    const present = new Set(request.documentsPresent);
    const missing = request.requiredDocuments.filter((kind) => !present.has(kind));
    if (missing.length > 0) return refuse("WORKFLOW_DOCUMENTS_MISSING", { missing: missing.join(", ") });
  }
  if (transition.eligibility) {
    if (!request.eligibility) return refuse("ELIGIBILITY_NOT_EVALUATED");
    if (!request.eligibility.eligible) {
      return refuse("ELIGIBILITY_FAILED", { rules: request.eligibility.failedRules.join(", ") });
    }
  }
  return { ok: true, transition };
}

/** The actions an actor is offered on an application in `status`: role and area pass (documents may still be missing). */
export function availableActions(status: EnrollmentStatus, actor: WorkflowActor, place: Place): Transition[] {
  return TRANSITIONS.filter((t) => t.from === status && actorRefusal(t, actor, place) === null);
}

/** Which statuses an officer's queue shows: those from which their role may move an application forward. */
export function queueStatuses(role: Role): EnrollmentStatus[] {
  const forward = new Set<WorkflowAction>([
    "submit",
    "verify",
    "validate",
    "select",
    "publish",
    "approve",
    "record_payment",
    "confirm_receipt",
  ]);
  return [
    ...new Set(TRANSITIONS.filter((t) => forward.has(t.action) && t.roles.includes(role)).map((t) => t.from)),
  ];
}
