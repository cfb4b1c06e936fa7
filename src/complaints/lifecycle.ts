/**
 * The complaint lifecycle as an explicit state machine (pure), like src/workflow/engine.ts: every step names
 * where it may start, where it leads, and whether it needs a reason or a public reply (what the complainant
 * reads on the status page). Anything not in STEPS is illegal. Escalation keeps the stage and raises the level.
 */
import { DomainError } from "../i18n/domain-error.ts";
import type { ComplaintLevel, ComplaintStage } from "./codes.ts";

export const COMPLAINT_ACTIONS = [
  "acknowledge",
  "assign",
  "start",
  "ask",
  "answer",
  "resolve",
  "close",
  "reopen",
  "escalate",
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

interface Step {
  from: readonly ComplaintStage[];
  /** null: the stage stays (escalate). */
  to: ComplaintStage | null;
  reason: boolean;
  publicReply: boolean;
}

const OPEN: readonly ComplaintStage[] = ["new", "acknowledged", "assigned", "in_progress", "waiting"];

export const STEPS: Readonly<Record<ComplaintAction, Step>> = {
  acknowledge: { from: ["new"], to: "acknowledged", reason: false, publicReply: false },
  assign: { from: ["acknowledged", "assigned"], to: "assigned", reason: false, publicReply: false },
  start: { from: ["assigned"], to: "in_progress", reason: false, publicReply: false },
  /** A question to the complainant: the public page shows it and the clock's target stays "resolve". */
  ask: { from: ["acknowledged", "assigned", "in_progress"], to: "waiting", reason: false, publicReply: true },
  /** The complainant's answer (from the status page, or taken by phone by an officer). */
  answer: { from: ["waiting"], to: "in_progress", reason: false, publicReply: true },
  resolve: {
    from: ["acknowledged", "assigned", "in_progress", "waiting"],
    to: "resolved",
    reason: true,
    publicReply: true,
  },
  close: { from: ["resolved"], to: "closed", reason: false, publicReply: false },
  reopen: { from: ["resolved", "closed"], to: "in_progress", reason: true, publicReply: false },
  escalate: { from: OPEN, to: null, reason: true, publicReply: false },
};

/** The next level up: the desa's complaint goes to the kecamatan, then the regency; the Inspektorat stays. */
export function nextLevel(level: ComplaintLevel): ComplaintLevel {
  return level === "village" ? "district" : level === "district" ? "regency" : level;
}

export interface StepResult {
  stage: ComplaintStage;
  level: ComplaintLevel;
}

export function applyStep(
  state: { stage: ComplaintStage; level: ComplaintLevel },
  action: ComplaintAction,
  input: { reason?: string | null; publicReply?: string | null },
): StepResult {
  const step = STEPS[action];
  if (!step.from.includes(state.stage)) {
    throw new DomainError("COMPLAINT_STEP_ILLEGAL", { action, stage: state.stage }, 409);
  }
  if (step.reason && !input.reason?.trim())
    throw new DomainError("COMPLAINT_REASON_REQUIRED", { action }, 422);
  if (step.publicReply && !input.publicReply?.trim()) {
    throw new DomainError("COMPLAINT_REPLY_REQUIRED", { action }, 422);
  }
  if (action === "escalate") {
    const level = nextLevel(state.level);
    if (level === state.level) throw new DomainError("COMPLAINT_TOP_LEVEL", { level }, 409);
    return { stage: state.stage, level };
  }
  return { stage: step.to ?? state.stage, level: state.level };
}
