/**
 * Maker-checker (four-eyes): pairs of duties that one user may never both perform on the same object. The
 * register/verify and verify/validate pairs guard an application on its way through the village and the
 * agency; propose/approve guards the decree list; export/apply guards the money (seed 003: skimming).
 */
export const DUTIES = [
  "register",
  "verify",
  "validate",
  "propose",
  "approve",
  "export_payment",
  "apply_bank_result",
  "prepare_publication",
  "approve_publication",
  "propose_correction",
  "approve_correction",
] as const;
export type Duty = (typeof DUTIES)[number];

export type DutyPair = readonly [Duty, Duty];

export const DUTY_PAIRS: readonly DutyPair[] = [
  ["register", "verify"],
  ["verify", "validate"],
  ["propose", "approve"],
  ["export_payment", "apply_bank_result"],
  // A public list is prepared by one official and approved by another (issue 15).
  ["prepare_publication", "approve_publication"],
  // A person's record changed (or kept) after the civil registry differed: one decides, another approves.
  ["propose_correction", "approve_correction"],
];

/** The duties a user must not have performed on an object before performing `duty` on it. */
export function conflictingDuties(duty: Duty, pairs: readonly DutyPair[] = DUTY_PAIRS): Duty[] {
  const out = new Set<Duty>();
  for (const [a, b] of pairs) {
    if (a === duty) out.add(b);
    if (b === duty) out.add(a);
  }
  return [...out];
}
