/**
 * Times the overlap violations report on the demo: `npx tsx bench/violations.ts [persons]` (default: the demo's
 * 20,000). Seeds an in-memory PGlite, then asks GET /api/matching/violations as the Bappeda coordinator: the
 * first call after start and three warm ones. The seeded database is kept in `bench/out/violations-demo` (or
 * BENCH_DIR) so that a second run skips the seeding.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DEMO_PASSWORD, ensureDemoUsers } from "../src/access/demo-users.ts";
import { signIn } from "../src/access/testing.ts";
import { openDatabase } from "../src/db/index.ts";
import { testConfig } from "../src/db/testing.ts";
import { DEMO_PERSONS, DEMO_TODAY, seedDemo } from "../src/demo/seed.ts";
import { buildServer } from "../src/http/server.ts";
import { openSalur } from "../src/runtime.ts";

const persons = Number(process.argv[2] ?? DEMO_PERSONS);
const dataDir = process.env.BENCH_DIR ?? join(import.meta.dirname, "out", `violations-demo-${persons}`);
mkdirSync(dataDir, { recursive: true });
const config = testConfig({ dataDir, keyFile: join(dataDir, "secret.key") });
const database = await openDatabase({ kind: "pglite", dataDir });
const salur = await openSalur(config, { database, today: () => DEMO_TODAY, demo: true });
let t = performance.now();
await seedDemo(salur, { persons });
await ensureDemoUsers(salur);
console.log(`seeded ${persons} persons in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const app = await buildServer(salur);
const session = await signIn(app, "bappeda", DEMO_PASSWORD);
const url = "/api/matching/violations?from=2026-07-01&to=2026-12-31";
for (const label of ["first", "warm", "warm", "warm"]) {
  t = performance.now();
  const res = await app.inject({ method: "GET", url, headers: session.headers() });
  const ms = performance.now() - t;
  const body = res.json() as { violations: unknown[] };
  console.log(
    `violations (${label}): ${res.statusCode}, ${body.violations?.length} violations, ${ms.toFixed(0)} ms`,
  );
}
await app.close();
await salur.close();
