/**
 * The public portal under load: `node --import tsx bench/portal.ts [pglite|postgres|both] [persons]`.
 * Per database: the demo seeded (with its published lists), then, with autocannon at 100 connections for 10 s
 * each (from a worker thread), a bare Fastify route and the public program page (gzip, as browsers ask) on the same process; the
 * self-check (rate limits lifted) on the same server; and the self-check's time for a known NIK with a wrong
 * code against an unknown NIK, interleaved, as medians. PostgreSQL: TEST_DATABASE_URL or the local server.
 * A script, not a test: timings depend on the machine and its load.
 */

import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { queryRows } from "../src/db/index.ts";
import { openTestDatabase, testConfig } from "../src/db/testing.ts";
import { seedDemo } from "../src/demo/seed.ts";
import { buildPublicServer } from "../src/http/public-server.ts";
import { portalOf } from "../src/portal/portal.ts";
import { checkCodeOf, checkSelf } from "../src/portal/self-check.ts";
import { openSalur } from "../src/runtime.ts";

const which = process.argv[2] ?? "both";
const persons = Number(process.argv[3] ?? 5_000);
process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

function load(url: string, options: Partial<autocannon.Options> = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    // The load comes from a worker thread: sent from the main thread, it would take turns with the server it
    // measures on that one thread, and the figures would tell more about the generator than about the server.
    autocannon({ url, connections: 100, duration: 10, workers: 1, ...options }, (error, result) =>
      error ? reject(error) : resolve(result as unknown as Result),
    );
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

for (const kind of which === "both"
  ? (["pglite", "postgres"] as const)
  : ([which] as ("pglite" | "postgres")[])) {
  const salur = await openSalur(testConfig(), {
    database: await openTestDatabase(kind),
    today: () => "2026-11-25",
  });
  const seeded = performance.now();
  await seedDemo(salur, { persons });
  console.log(
    `[${kind}] demo of ${persons} persons seeded and published in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const portal = portalOf(salur, {
    triesPerNikPerDay: Number.POSITIVE_INFINITY,
    triesPerAddressPerHour: Number.POSITIVE_INFINITY,
    pollMs: 0,
  });

  const bare = Fastify();
  bare.get("/bare", async () => "ok");
  await bare.listen({ port: 0, host: "127.0.0.1" });
  const app = await buildPublicServer(salur);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const program = portal.cache.latestPerPeriod().find((p) => p.snapshot.kind === "sanggah")?.snapshot
    .program.code;
  const pageUrl = `${base}/publik/program/${program}`;
  const size = (await fetch(pageUrl, { headers: { "accept-encoding": "gzip" } })).headers.get(
    "content-length",
  );

  const bareRun = await load(bareUrl);
  const pageRun = await load(pageUrl, { headers: { "accept-encoding": "gzip" } });
  const ratio = pageRun.requests.average / bareRun.requests.average;
  console.log(
    `[${kind}] bare Fastify route: ${bareRun.requests.average.toFixed(0)} req/s, p99 ${bareRun.latency.p99} ms`,
  );
  console.log(
    `[${kind}] program page (${size} B gzip): ${pageRun.requests.average.toFixed(0)} req/s = ${(ratio * 100).toFixed(0)} % of bare, p50 ${pageRun.latency.p50} ms, p99 ${pageRun.latency.p99} ms, non-2xx ${pageRun.non2xx}`,
  );

  // Two kinds of person ask: one whose application is still in process (or proposed), whose answer is the one
  // lookup; and one listed in a decree in force, whose answer adds the decree's inclusion proof (and, once the
  // bank has paid them, the receipt question: the demo has no paid person).
  const personWith = async (statuses: string[]) => {
    const [row] = await queryRows<{ id: string; nik_cipher: Uint8Array; nik_index: Uint8Array }>(
      salur.database.db,
      sql`select p.id, p.nik_cipher, p.nik_index from persons p join enrollments e on e.person_id = p.id
          where e.status in (select value from jsonb_array_elements_text(${JSON.stringify(statuses)}::jsonb))
            and p.nik_cipher is not null order by p.id limit 1`,
    );
    if (!row) throw new Error(`no person in ${statuses.join("/")}`);
    return { id: row.id, nik: salur.vault.open("nik", row.nik_cipher, row.nik_index) };
  };
  const form = (n: string, k: string) => new URLSearchParams({ nik: n, kode: k }).toString();
  const asking = [
    ["in process", await personWith(["verified", "validated", "published"])],
    ["listed in a decree in force", await personWith(["approved", "paid", "received"])],
  ] as const;
  for (const [label, person] of asking) {
    const checkRun = await load(`${base}/publik/cek`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form(person.nik, checkCodeOf(portal, person.id)),
    });
    console.log(
      `[${kind}] self-check of a person ${label} (right code, limits lifted): ${checkRun.requests.average.toFixed(0)} answers/s, p50 ${checkRun.latency.p50} ms, p99 ${checkRun.latency.p99} ms, non-2xx ${checkRun.non2xx}`,
    );
  }
  const nik = asking[0][1].nik;

  // The timing comparison runs with the counters on, as in production (limits high enough not to refuse).
  Object.assign(portal.settings, { triesPerNikPerDay: 1e9, triesPerAddressPerHour: 1e9 });
  const known_: number[] = [];
  const unknown: number[] = [];
  const unknownNik = "6401010101990001";
  for (let i = 0; i < 2_000; i++) {
    const [first, second] = i % 2 === 0 ? [nik, unknownNik] : [unknownNik, nik];
    for (const n of [first, second] as string[]) {
      const t = performance.now();
      await checkSelf(portal, { nik: n, code: "ZZZZ-ZZZZ", address: `10.1.${i % 250}.1` });
      (n === nik ? known_ : unknown).push((performance.now() - t) * 1000);
    }
  }
  console.log(
    `[${kind}] self-check, wrong code, 2,000 each interleaved, counters on: median known NIK ${median(known_).toFixed(0)} µs, unknown NIK ${median(unknown).toFixed(0)} µs`,
  );
  await app.close();
  await bare.close();
  await salur.close();
}
