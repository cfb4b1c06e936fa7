import { type Actor, actorCan, sees } from "../access/actor.ts";
import type { Action } from "../access/permissions.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Registry } from "../registry/service.ts";
import type { Salur } from "../runtime.ts";
import type { OnlineVerifier } from "./online.ts";
import { httpVerifier } from "./online.ts";

/** The civil-registry capability runs on the registry's database, keys and audit log (and the workflow's). */
export interface CivilRegistry extends Registry {
  /** The online verification service, or null when it is not configured (the default). */
  online(): OnlineVerifier | null;
}

/** The service is looked up per call from the settings, so a changed configuration needs no new routes. */
export function civilRegistryOf(salur: Salur, online?: OnlineVerifier | null): CivilRegistry {
  return {
    ...salur.registry,
    online: () => {
      if (online !== undefined) return online;
      const settings = salur.config.dukcapil;
      return settings ? httpVerifier(settings) : null;
    },
  };
}

/** Object-level refusals answer as if the record did not exist, as everywhere else. */
export const batchNotFound = (id: string) => new DomainError("CIVIL_REGISTRY_BATCH_NOT_FOUND", { id }, 404);

export function assertCan(actor: Actor, action: Action): void {
  if (!actorCan(actor, action)) throw new DomainError("FORBIDDEN", { action }, 403);
}

export function seesArea(actor: Actor, code: string): boolean {
  return sees(actor, { code, rt: null });
}
