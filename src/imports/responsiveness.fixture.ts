/**
 * Measures how long requests wait while long work runs: a health check and a person search sent every
 * `everyMs` (each one on its own schedule, whether or not the previous one has answered), each wait counted
 * from when it was due, so a blocked event loop (PGlite works on the main thread) counts as waiting too.
 */
import type { FastifyInstance } from "fastify";
import type { Session } from "../access/testing.ts";

export interface Waits {
  polls: number;
  p95Ms: number;
  maxMs: number;
  failures: number;
}

function summarise(waits: number[], failures: number): Waits {
  const sorted = [...waits].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
  return { polls: waits.length, p95Ms: Math.round(p95), maxMs: Math.round(sorted.at(-1) ?? 0), failures };
}

export async function pollWhile(
  app: FastifyInstance,
  session: Session,
  work: Promise<unknown>,
  everyMs = 250,
): Promise<{ health: Waits; search: Waits }> {
  const start = performance.now();
  const health: number[] = [];
  const search: number[] = [];
  let failures = { health: 0, search: 0 };
  const inFlight: Promise<void>[] = [];
  let finished = false;
  void work.finally(() => {
    finished = true;
  });
  const send = (due: number, url: string, into: number[], kind: "health" | "search") =>
    app.inject({ method: "GET", url, headers: session.headers() }).then((res) => {
      into.push(performance.now() - due);
      if (res.statusCode !== 200) failures = { ...failures, [kind]: failures[kind] + 1 };
    });
  for (let k = 0; !finished; k++) {
    const due = start + k * everyMs;
    const ahead = due - performance.now();
    if (ahead > 0) await Promise.race([new Promise((resolve) => setTimeout(resolve, ahead)), work]);
    if (finished) break;
    inFlight.push(send(due, "/api/health", health, "health"));
    inFlight.push(send(due, "/api/persons?q=siti&pageSize=20", search, "search"));
  }
  await work;
  await Promise.all(inFlight);
  return { health: summarise(health, failures.health), search: summarise(search, failures.search) };
}
