import type { AuditActor } from "../audit/entry.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { type AreaScope, areaContains, type Place, placeKey } from "./area.ts";
import { type Action, roleCan } from "./permissions.ts";
import type { Role } from "./roles.ts";

/**
 * Who is acting: a signed-in user, a machine client with a scoped token, or the system itself (CLI, demo
 * seed). Every write carries one into its audit entry.
 */
export interface Actor {
  kind: "user" | "token" | "system";
  userId: string | null;
  username: string;
  name: string;
  role: Role | "system";
  area: AreaScope;
  agencyId: string | null;
  /** A token's scopes; null for sessions (the role decides alone). */
  scopes: readonly Action[] | null;
  tokenId: string | null;
}

/** What every use case receives from its caller: the actor and the request it came with. */
export interface Caller {
  actor: Actor;
  requestId: string | null;
}

export function systemActor(name: string, regencyCode: string): Actor {
  return {
    kind: "system",
    userId: null,
    username: "system",
    name,
    role: "system",
    area: { level: "regency", code: regencyCode, rt: null },
    agencyId: null,
    scopes: null,
    tokenId: null,
  };
}

export function systemCaller(name: string, regencyCode: string): Caller {
  return { actor: systemActor(name, regencyCode), requestId: null };
}

export function actorCan(actor: Actor, action: Action): boolean {
  if (actor.role === "system") return true;
  if (!roleCan(actor.role, action)) return false;
  return actor.scopes === null || actor.scopes.includes(action);
}

export function sees(actor: Actor, place: Place): boolean {
  return areaContains(actor.area, place);
}

/** Program managers work for one agency; everyone else is not agency-bound. */
export function agencyBound(actor: Actor): string | null {
  return actor.role === "program_manager" ? actor.agencyId : null;
}

export function seesAgency(actor: Actor, agencyId: string): boolean {
  const bound = agencyBound(actor);
  return bound === null || bound === agencyId;
}

/** Creating a record outside one's own area is refused outright: an officer may not plant records elsewhere. */
export function assertWritableArea(actor: Actor, place: Place): void {
  if (!sees(actor, place)) throw new DomainError("AREA_FORBIDDEN", { area: placeKey(place) }, 403);
}

export function auditActor(actor: Actor): AuditActor {
  return {
    id: actor.userId,
    name: actor.kind === "token" ? `${actor.name} (token)` : actor.name,
    role: actor.role,
    area: placeKey({ code: actor.area.code, rt: actor.area.rt }),
  };
}
