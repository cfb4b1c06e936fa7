import { useEffect, useState } from "react";

/** The service worker's cache (web/public/sw.js): the page reads it to tell whether it can work offline. */
const CACHE = "salur-shell-v2";

/** Registers the offline shell once per page load; the worker stores the whole built app at install. */
export function registerOfflineShell(): void {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register("/sw.js").catch(() => {
    // Without the worker the field form still queues; it only cannot be reopened with no signal.
  });
}

interface PrimeAnswer {
  ok: boolean;
  signedIn?: boolean;
  missing?: string[];
}

/** Asks the worker to store the session, regions, periods, programs and each open program's policy now. */
async function primeWorker(): Promise<PrimeAnswer> {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return { ok: false };
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data as PrimeAnswer);
    worker.postMessage({ type: "prime" }, [channel.port2]);
  });
}

async function cachedJson<T>(cache: Cache, path: string): Promise<T | null> {
  const hit = await cache.match(path);
  return hit ? ((await hit.json()) as T) : null;
}

/**
 * What is stored for working with no signal: the app itself, the session, regions, periods and programs, and
 * the document policy and ranking criteria of every open period's program. Lists what is missing.
 */
export async function offlineGaps(): Promise<string[]> {
  if (!("caches" in window)) return ["cache"];
  const cache = await caches.open(CACHE);
  const gaps: string[] = [];
  const precache = await cachedJson<{ assets: string[] }>(cache, "/precache.json");
  if (!precache) gaps.push("/precache.json");
  for (const path of ["/index.html", ...(precache?.assets ?? [])])
    if (!(await cache.match(path))) gaps.push(path);
  for (const path of ["/api/auth/me", "/api/regions", "/api/programs"]) {
    if (!(await cache.match(path))) gaps.push(path);
  }
  const periods = await cachedJson<{ status: string; programId: string }[]>(cache, "/api/periods");
  if (!periods) gaps.push("/api/periods");
  for (const programId of new Set(
    (periods ?? []).filter((p) => p.status === "open").map((p) => p.programId),
  )) {
    for (const path of [
      `/api/programs/${programId}/policy`,
      `/api/ranking/programs/${programId}/field-criteria`,
    ]) {
      if (!(await cache.match(path))) gaps.push(path);
    }
  }
  return gaps;
}

export type OfflineReadiness = "unsupported" | "preparing" | "ready" | "incomplete";

/**
 * "Ready without signal" once everything the form needs is stored; refreshed whenever the device comes back
 * online, so a program opened today is ready tomorrow in the field.
 */
export function useOfflineReadiness(online: boolean): { state: OfflineReadiness; gaps: string[] } {
  const supported = "serviceWorker" in navigator && window.isSecureContext && "caches" in window;
  const [state, setState] = useState<{ state: OfflineReadiness; gaps: string[] }>({
    state: supported ? "preparing" : "unsupported",
    gaps: [],
  });
  useEffect(() => {
    if (!supported) return;
    let alive = true;
    const check = async () => {
      if (online) await primeWorker().catch(() => null);
      const gaps = await offlineGaps();
      if (alive) setState({ state: gaps.length === 0 ? "ready" : "incomplete", gaps });
    };
    void check();
    return () => {
      alive = false;
    };
  }, [online, supported]);
  return state;
}
