import type { Role } from "../../../src/access/roles.ts";
import { type EnrollmentStatus, TRANSITIONS, type Transition } from "../../../src/workflow/engine.ts";
import type { AreaLevel } from "../access/roles.ts";

const BREADTH: Record<AreaLevel, number> = { rt: 0, village: 1, district: 2, regency: 3 };

/**
 * The transitions a role may take in bulk on applications of one status, from the engine's own table (the
 * server still decides each application on its own: papers, eligibility, area).
 */
export function bulkActions(role: Role, level: AreaLevel, status: EnrollmentStatus): Transition[] {
  return TRANSITIONS.filter(
    (t) => t.from === status && t.roles.includes(role) && BREADTH[level] <= BREADTH[t.broadestScope],
  );
}
