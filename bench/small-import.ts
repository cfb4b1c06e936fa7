/**
 * Times saving a 3-row import on the demo: `npx tsx bench/small-import.ts`. Uses the demo database kept by
 * bench/violations.ts (`bench/out/violations-demo-20000`, seeded there on first use), warms the registry's match
 * index as `salur serve` does, then POSTs three clean rows with mode=apply as a program manager and waits for
 * the job's end (its state, through the job runner). Then times the next registration-style overlap search.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { createTestUser, signIn } from "../src/access/testing.ts";
import { openDatabase } from "../src/db/index.ts";
import { testConfig } from "../src/db/testing.ts";
import { DEMO_PERSONS, DEMO_TODAY, seedDemo } from "../src/demo/seed.ts";
import { buildServer } from "../src/http/server.ts";
import { importDeps } from "../src/imports/service.ts";
import { cleanRecords, csvText, LIST_HEADERS, listRows, programPeriod } from "../src/imports/testing.ts";
import { matchAgainstRegistry, warmRegistryIndex } from "../src/matching/registry-index.ts";
import { openSalur } from "../src/runtime.ts";

const dataDir = process.env.BENCH_DIR ?? join(import.meta.dirname, "out", `violations-demo-${DEMO_PERSONS}`);
mkdirSync(dataDir, { recursive: true });
const config = testConfig({ dataDir, keyFile: join(dataDir, "secret.key") });
const salur = await openSalur(config, {
  database: await openDatabase({ kind: "pglite", dataDir }),
  today: () => DEMO_TODAY,
});
await seedDemo(salur);
let t = performance.now();
await warmRegistryIndex(salur.registry);
console.log(`index warmed in ${(performance.now() - t).toFixed(0)} ms`);
const app = await buildServer(salur);
const target = await programPeriod(salur);
const account = await createTestUser(salur, {
  role: "program_manager",
  areaCode: "64.01",
  agencyId: target.agencyId,
});
const manager = await signIn(app, account.username);
const rows = listRows(cleanRecords(3, Date.now() % 100_000));
t = performance.now();
const res = await app.inject({
  method: "POST",
  url: `/api/imports?fileName=tiga.csv&periodId=${target.periodId}&mode=apply`,
  payload: csvText([LIST_HEADERS, ...rows]),
  headers: { ...manager.headers("POST"), "content-type": "text/csv" },
});
const submitted = res.json() as { importId: string; job: { id: string } };
const job = await importDeps(salur).jobs.wait(submitted.job.id);
console.log(`3-row import: ${res.statusCode}, job ${job.state}, ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
await matchAgainstRegistry(salur.registry, {
  nik: null,
  kk: null,
  phone: null,
  name: "Siti Aminah",
  sex: "P",
  birthPlace: null,
  birthDate: "1980-01-01",
  address: null,
  villageCode: "64.01.05.2001",
  rt: null,
  rw: null,
});
console.log(`next overlap search after the import: ${(performance.now() - t).toFixed(0)} ms`);
await importDeps(salur).jobs.idle();
await app.close();
await salur.close();
