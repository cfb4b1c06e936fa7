/**
 * Who handles and who may see a complaint (pure). Ordinary complaints go to the desa's operator and climb to the
 * kecamatan and the regency on escalation; every official whose area holds the desa and whose role reads
 * complaints sees them. Sensitive ones (a deduction, staff conduct) go to the Inspektorat (the auditor role,
 * or the role a regency configures) and are invisible to everyone else — the desa and kecamatan officials are
 * the people such a complaint accuses.
 */

import type { Actor } from "../access/actor.ts";
import { type AreaScope, areaContains } from "../access/area.ts";
import type { Role } from "../access/roles.ts";
import { type ComplaintCategory, type ComplaintLevel, isSensitive } from "./codes.ts";

export interface RoutingSettings {
  /** The unit that handles sensitive complaints; the Inspektorat's auditors by default. */
  sensitiveRole: Role;
}
export const DEFAULT_ROUTING: RoutingSettings = { sensitiveRole: "auditor" };

/** Roles that read ordinary complaints of their area. */
export const COMPLAINT_HANDLERS: readonly Role[] = [
  "village_operator",
  "kecamatan_officer",
  "coordinator",
  "auditor",
];

export function initialLevel(category: ComplaintCategory): ComplaintLevel {
  return isSensitive(category) ? "inspektorat" : "village";
}

/** The role that acts at each level. */
export function levelRole(level: ComplaintLevel, settings: RoutingSettings = DEFAULT_ROUTING): Role {
  return level === "village"
    ? "village_operator"
    : level === "district"
      ? "kecamatan_officer"
      : level === "regency"
        ? "coordinator"
        : settings.sensitiveRole;
}

export interface RoutedComplaint {
  sensitive: boolean;
  villageCode: string | null;
  level: ComplaintLevel;
}

function areaHolds(area: AreaScope, villageCode: string | null, regencyCode: string): boolean {
  return areaContains(area, { code: villageCode ?? regencyCode });
}

/** Whether an actor may see a complaint at all. */
export function canSee(
  actor: Actor,
  complaint: RoutedComplaint,
  regencyCode: string,
  settings: RoutingSettings = DEFAULT_ROUTING,
): boolean {
  if (actor.role === "system") return true;
  if (complaint.sensitive) {
    return actor.role === settings.sensitiveRole && areaHolds(actor.area, complaint.villageCode, regencyCode);
  }
  return COMPLAINT_HANDLERS.includes(actor.role) && areaHolds(actor.area, complaint.villageCode, regencyCode);
}

/**
 * Whether an actor is of the handling unit: sees the complainant's sealed identity and moves the complaint.
 * A higher level keeps the right to act on what it supervises; a lower level loses it after escalation.
 */
export function handles(
  actor: Actor,
  complaint: RoutedComplaint,
  regencyCode: string,
  settings: RoutingSettings = DEFAULT_ROUTING,
): boolean {
  if (!canSee(actor, complaint, regencyCode, settings)) return false;
  if (actor.role === "system") return true;
  if (complaint.sensitive) return true;
  const order: ComplaintLevel[] = ["village", "district", "regency"];
  const actorLevel: ComplaintLevel | null =
    actor.role === "village_operator"
      ? "village"
      : actor.role === "kecamatan_officer"
        ? "district"
        : actor.role === "coordinator"
          ? "regency"
          : null;
  if (!actorLevel) return false;
  return order.indexOf(actorLevel) >= order.indexOf(complaint.level);
}
