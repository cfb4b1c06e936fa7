import { type Action, roleCan } from "../../../src/access/permissions.ts";
import type { SessionUser } from "../access/roles.ts";

/** Which parts of the overlap page a role sees; the server's permission table still decides every request. */
export function overlapAbilities(user: SessionUser | null) {
  // Without an access module on the server (no session at all) nothing is hidden.
  const can = (action: Action) => (user ? roleCan(user.role, action) : true);
  return {
    run: can("matching.run"),
    check: can("matching.check"),
    readReviews: can("matching.review.read"),
    decide: can("matching.review.decide"),
    readRules: can("overlap.rules.read"),
    manageRules: can("overlap.rules.manage"),
    report: can("overlap.report"),
  };
}

/** Whether the menu shows the overlap page at all. */
export function canSeeOverlap(user: SessionUser | null): boolean {
  const a = overlapAbilities(user);
  return a.readReviews || a.report || a.readRules;
}
