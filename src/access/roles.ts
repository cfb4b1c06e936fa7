/**
 * The roles of Salur's access model (see the brief's "Who uses it"). A role says what a user may do; the user's
 * area (and, for program managers, agency) says to which records.
 */
export const ROLES = [
  "admin",
  "enumerator",
  "rt",
  "village_operator",
  "kecamatan_officer",
  "program_manager",
  "coordinator",
  "approver",
  "bank_operator",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
