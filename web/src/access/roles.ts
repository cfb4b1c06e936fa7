import type { z } from "zod";
import type { AreaLevel } from "../../../src/access/area.ts";
import { type Action, roleCan } from "../../../src/access/permissions.ts";
import type { Role } from "../../../src/access/roles.ts";
import type { sessionUserSchema } from "../../../src/access/schemas.ts";

/**
 * The web app's view of access: the signed-in user and their area. The server's permission table decides what
 * a role may do; the web app only uses roles to choose a home page and hide menus a role never needs.
 */
export type { AreaLevel, Role };
export type SessionUser = z.output<typeof sessionUserSchema>;
export type UserArea = SessionUser["area"];

export function areaLevel(area: UserArea): AreaLevel {
  return area.level;
}

/** The registry filters a user's area fixes: a desa operator's list is always their desa. */
export function areaFilters(area: UserArea | null): {
  districtCode?: string;
  villageCode?: string;
  rt?: string;
} {
  if (!area) return {};
  const level = areaLevel(area);
  if (level === "regency") return {};
  const districtCode = area.code.split(".").slice(0, 3).join(".");
  if (level === "district") return { districtCode };
  return { districtCode, villageCode: area.code, ...(level === "rt" && area.rt ? { rt: area.rt } : {}) };
}

/** What the menus and buttons show, read from the server's own permission table (which still decides). */
export interface Abilities {
  readRegistry: boolean;
  editRegistry: boolean;
  revealIdentity: boolean;
  readPrograms: boolean;
  editPrograms: boolean;
  manageAgencies: boolean;
  readUsers: boolean;
  manageUsers: boolean;
  readPayments: boolean;
  /** Saving and deleting bank file layouts: whoever exports the agency's batches, as the server checks it. */
  manageLayouts: boolean;
}

export function abilitiesOf(user: SessionUser | null): Abilities {
  // Without an access module on the server (no session at all) nothing is hidden.
  const can = (action: Action) => (user ? roleCan(user.role, action) : true);
  return {
    readRegistry: can("person.read"),
    editRegistry: can("person.register"),
    revealIdentity: can("person.identity"),
    readPrograms: can("program.read"),
    editPrograms: can("program.manage"),
    manageAgencies: can("agency.manage"),
    readUsers: can("user.read"),
    manageUsers: can("user.manage"),
    readPayments: can("payment.read"),
    manageLayouts: can("payment.export"),
  };
}
