/** One portal per running Salur: its settings and the in-memory store of published snapshots. */
import type { Salur } from "../runtime.ts";
import { PublicationCache } from "./cache.ts";

export interface PortalSettings {
  /** Self-check tries per NIK per day (issue 15: at most 5 by default); Infinity on both lifts the limits. */
  triesPerNikPerDay: number;
  /** Self-check tries per client address per hour: slows a scraper, leaves a shared warnet usable. */
  triesPerAddressPerHour: number;
  /** Objections per client address per hour. */
  objectionsPerAddressPerHour: number;
  /** Where the public portal is reached from outside (poster QR codes); else the request's origin. */
  publicBaseUrl: string | null;
  /** How often a process looks for publications approved by another process, in ms (0: never). */
  pollMs: number;
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  triesPerNikPerDay: 5,
  triesPerAddressPerHour: 60,
  objectionsPerAddressPerHour: 10,
  publicBaseUrl: null,
  pollMs: 15_000,
};

export interface Portal {
  salur: Salur;
  settings: PortalSettings;
  cache: PublicationCache;
}

const portals = new WeakMap<Salur, Portal>();

function envSettings(env: NodeJS.ProcessEnv): Partial<PortalSettings> {
  const out: Partial<PortalSettings> = {};
  const n = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  const tries = n(env.SALUR_SELFCHECK_TRIES_PER_NIK);
  if (tries !== undefined) out.triesPerNikPerDay = tries;
  const perAddress = n(env.SALUR_SELFCHECK_TRIES_PER_ADDRESS);
  if (perAddress !== undefined) out.triesPerAddressPerHour = perAddress;
  if (env.SALUR_PUBLIC_URL) out.publicBaseUrl = env.SALUR_PUBLIC_URL.replace(/\/$/, "");
  return out;
}

/** The portal of a Salur, created on first use with settings from the environment and `overrides`. */
export function portalOf(salur: Salur, overrides: Partial<PortalSettings> = {}): Portal {
  let portal = portals.get(salur);
  if (!portal) {
    const settings = { ...DEFAULT_PORTAL_SETTINGS, ...envSettings(process.env), ...overrides };
    const cache = new PublicationCache(salur.database.db);
    // Another process's approval reaches these pages once it commits (the poll stays as a net); a load already
    // under way may have begun before that commit, so a second one follows it.
    salur.changes.on(
      "publications",
      () =>
        void cache
          .refresh()
          .then(() => cache.refresh())
          .catch(() => {}),
    );
    portal = { salur, settings, cache };
    portals.set(salur, portal);
  } else if (Object.keys(overrides).length > 0) {
    Object.assign(portal.settings, overrides);
  }
  return portal;
}
