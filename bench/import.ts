/**
 * Import benchmark: a list of N clean rows (Paser-like, from the demo generator) imported end to end as one
 * job, next to raw COPY of the same data into the same database in the same run, on PGlite and PostgreSQL:
 *   A. COPY of the CSV file as it is into a staging table of text columns (bytes in, nothing checked);
 *   B. COPY of exactly the rows the import writes (persons with sealed NIK/KK/phone, enrollments) into the
 *      same tables, with their indexes and constraints — the database's share of the import.
 * Each step runs in its own process, so its peak memory is its own.
 *
 *   npx tsx bench/import.ts --rows 1000000 [--db pglite,postgres]
 *   npx tsx bench/import.ts reconcile --central 100000 [--db pglite]
 *
 * PostgreSQL: DATABASE_URL or TEST_DATABASE_URL names the server (a scratch database is made and dropped);
 * the server must run on this machine, as baseline COPY reads its files server-side.
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import {
  chmodSync,
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openAsBlob,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { systemCaller } from "../src/access/actor.ts";
import type { Config } from "../src/config.ts";
import { queryRows } from "../src/db/index.ts";
import {
  generateDemoRegistry,
  generatePopulation,
  personsOf,
  streamSourceRecords,
} from "../src/demo/index.ts";
import { PASER_VILLAGES } from "../src/demo/paser-villages.ts";
import { DEMO_SEED, DEMO_TODAY, demoVillages, seedDemo } from "../src/demo/seed.ts";
import { ENROLLMENT_COLUMNS, encodeRow, PERSON_COLUMNS } from "../src/imports/payload.ts";
import { prepareImport } from "../src/imports/prepare.ts";
import { submitReconciliation } from "../src/imports/reconciliation.ts";
import { importDeps, submitImport } from "../src/imports/service.ts";
import { fileSource } from "../src/imports/sheet.ts";
import * as importStore from "../src/imports/store.ts";
import { csvText, LIST_HEADERS, listRows, programPeriod } from "../src/imports/testing.ts";
import { createVillageResolver } from "../src/imports/villages.ts";
import { openSalur, type Salur } from "../src/runtime.ts";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: "string", default: "1000000" },
    central: { type: "string", default: "100000" },
    db: { type: "string", default: "pglite,postgres" },
    child: { type: "string" },
    dir: { type: "string" },
    url: { type: "string" },
    period: { type: "string" },
    program: { type: "string" },
  },
});
const log = (text: string) => process.stderr.write(`${text}\n`);
const SECRET = "bench-secret-of-at-least-thirty-two-characters";
const TODAY = "2026-11-25";

function configOf(dataDir: string, databaseUrl: string | undefined): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl,
    regencyCode: "64.01",
    secret: SECRET,
    keyFile: join(dataDir, "secret.key"),
  };
}

const open = (dir: string, url: string | undefined) => openSalur(configOf(dir, url), { today: () => TODAY });

interface ChildResult {
  seconds: number;
  maxRssMiB: number;
  [key: string]: unknown;
}

/** Runs a step of this script in its own process and returns what it printed as its result. */
async function child(role: string, extra: string[]): Promise<ChildResult> {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", resolve("bench/import.ts"), "--child", role, ...extra],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  proc.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const [code] = (await once(proc, "exit")) as [number | null];
  if (code !== 0) throw new Error(`step ${role} failed (${code})`);
  const last = out.trim().split("\n").pop() ?? "{}";
  return JSON.parse(last) as ChildResult;
}

function report(result: Record<string, unknown>, started: number): void {
  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `${JSON.stringify({ ...result, seconds: (performance.now() - started) / 1000, maxRssMiB })}\n`,
  );
}

// ---- the list ----------------------------------------------------------------------------------------------

/** N clean adults of a Paser-like population, one row each, streamed to a CSV in the agency layout. */
async function writeList(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(csvText([LIST_HEADERS]));
  const population = personsOf(
    generatePopulation({
      seed: 64,
      villages: PASER_VILLAGES,
      households: Number.POSITIVE_INFINITY,
      today: TODAY,
    }),
  );
  let n = 0;
  const stream = streamSourceRecords({
    seed: 64,
    population,
    sources: [{ name: "LIST", coverage: 1, duplicateRate: 0, errorRate: 0 }],
    eligible: (p) => p.birthDate <= "2009-11-25",
  });
  let buffer = "";
  for (const record of stream) {
    buffer += csvText(listRows([record]).map((r) => [String(n + 1), ...r.slice(1)]));
    n++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
    if (n >= rows) break;
  }
  out.end(buffer);
  await once(out, "finish");
}

// ---- steps run in child processes --------------------------------------------------------------------------

async function setupStep(dir: string, url: string | undefined): Promise<void> {
  const started = performance.now();
  const salur = await open(dir, url);
  const target = await programPeriod(salur);
  await salur.close();
  report({ periodId: target.periodId, programId: target.programId }, started);
}

/** Baseline B's input: the rows the import writes, prepared by the import's own code, as COPY text. */
async function prepareCopyStep(
  dir: string,
  url: string | undefined,
  file: string,
  programId: string,
  periodId: string,
) {
  const started = performance.now();
  const salur = await open(dir, url);
  const persons = createWriteStream(join(dir, "persons.copy"));
  const enrollments = createWriteStream(join(dir, "enrollments.copy"));
  const settings = {
    limits: importDeps(salur).limits,
    template: {},
    headerRow: null,
    sheetName: null,
    area: { level: "regency" as const, code: "64.01", rt: null },
    today: TODAY,
    format: "copy" as const,
    batchRows: 5000,
    screeningLimit: 0,
  };
  let rows = 0;
  for await (const event of prepareImport(fileSource(file, statSync(file).size), settings, {
    env: salur.registry.env,
    villages: createVillageResolver(salur.regions, "64.01"),
  })) {
    if (event.type !== "rows") continue;
    let p = "";
    let e = "";
    for (const r of event.rows) {
      p += `${r.payload}\n`;
      e += `${encodeRow(ENROLLMENT_COLUMNS, [randomUUID(), r.personId, programId, periodId, "submitted", r.villageCode, r.districtCode], "copy")}\n`;
      rows++;
    }
    if (!persons.write(p)) await once(persons, "drain");
    if (!enrollments.write(e)) await once(enrollments, "drain");
  }
  persons.end();
  enrollments.end();
  await Promise.all([once(persons, "finish"), once(enrollments, "finish")]);
  await salur.close();
  report({ rows }, started);
}

/** Where the database can read a file: PGlite from this process, a PostgreSQL server from a world-readable copy. */
function staged(salur: Salur, path: string): { path: string; remove(): void } {
  if (salur.database.kind === "pglite") return { path, remove() {} };
  const shared = join(tmpdir(), `salur-bench-${process.pid}-${randomBytes(3).toString("hex")}`);
  copyFileSync(path, shared);
  chmodSync(shared, 0o644);
  return { path: shared, remove: () => rmSync(shared, { force: true }) };
}

async function copyInto(
  db: Salur["database"]["db"],
  kind: string,
  table: string,
  columns: string,
  path: string,
  options: string,
) {
  if (kind === "pglite") {
    const client = (
      db as unknown as {
        session: { client: { query(t: string, p: unknown[], o: object): Promise<unknown> } };
      }
    ).session.client;
    await client.query(`copy ${table} (${columns}) from '/dev/blob' ${options}`, [], {
      blob: await openAsBlob(path),
    });
  } else {
    await db.execute(sql.raw(`copy ${table} (${columns}) from '${path}' ${options}`));
  }
}

/** Baseline A: the CSV as it is, into text columns. */
async function rawCopyStep(dir: string, url: string | undefined, file: string) {
  const salur = await open(dir, url);
  const columns = LIST_HEADERS.map((_, i) => `c${i}`);
  await salur.database.db.execute(sql.raw("drop table if exists bench_raw"));
  await salur.database.db.execute(
    sql.raw(`create table bench_raw (${columns.map((c) => `${c} text`).join(", ")})`),
  );
  const input = staged(salur, file);
  const started = performance.now();
  await copyInto(
    salur.database.db,
    salur.database.kind,
    "bench_raw",
    columns.join(", "),
    input.path,
    "with (format csv, header true)",
  );
  const seconds = (performance.now() - started) / 1000;
  input.remove();
  const [row] = await queryRows<{ n: number }>(
    salur.database.db,
    sql`select count(*)::int as n from bench_raw`,
  );
  await salur.database.db.execute(sql.raw("drop table bench_raw"));
  await salur.close();
  report({ rows: Number(row?.n), copySeconds: seconds }, started);
}

/** Baseline B: the import's rows into persons and enrollments, one transaction, then emptied again. */
async function rowsCopyStep(dir: string, url: string | undefined) {
  const salur = await open(dir, url);
  const personsFile = staged(salur, join(dir, "persons.copy"));
  const enrollmentsFile = staged(salur, join(dir, "enrollments.copy"));
  const kind = salur.database.kind;
  const started = performance.now();
  await salur.database.db.transaction(async (tx) => {
    const db = tx as unknown as Salur["database"]["db"];
    await copyInto(db, kind, "persons", PERSON_COLUMNS.map((c) => c.name).join(", "), personsFile.path, "");
    await copyInto(
      db,
      kind,
      "enrollments",
      ENROLLMENT_COLUMNS.map((c) => c.name).join(", "),
      enrollmentsFile.path,
      "",
    );
  });
  const seconds = (performance.now() - started) / 1000;
  personsFile.remove();
  enrollmentsFile.remove();
  const [row] = await queryRows<{ n: number }>(
    salur.database.db,
    sql`select count(*)::int as n from persons`,
  );
  await salur.database.db.execute(sql.raw("truncate enrollments, persons cascade"));
  await salur.close();
  report({ rows: Number(row?.n), copySeconds: seconds }, started);
}

/** The import itself: the job an upload or `salur import` starts, timed from submit to done. */
async function importStep(dir: string, url: string | undefined, file: string, periodId: string) {
  const salur = await open(dir, url);
  const d = importDeps(salur);
  const started = performance.now();
  const stored = await d.uploads.save(createReadStream(file), statSync(file).size + 1);
  const submitted = await submitImport(d, systemCaller("bench", "64.01"), stored, {
    fileName: "daftar.csv",
    periodId,
    mode: "apply",
    invalidRows: "reject_file",
  });
  const job = submitted.job ? await d.jobs.wait(submitted.job.id) : null;
  const seconds = (performance.now() - started) / 1000;
  const record = await importStore.getImport(d.db, submitted.importId);
  const [row] = await queryRows<{ persons: number; enrollments: number }>(
    salur.database.db,
    sql`select (select count(*)::int from persons) as persons, (select count(*)::int from enrollments) as enrollments`,
  );
  await salur.close();
  report(
    { state: record?.state, job: job?.state, importSeconds: seconds, ...row, summary: record?.summary },
    started,
  );
}

// ---- reconciliation ----------------------------------------------------------------------------------------

async function reconcileStep(dir: string, url: string | undefined, centralCount: number) {
  const salur = await open(dir, url);
  await seedDemo(salur);
  const caller = systemCaller("bench", "64.01");
  const demo = generateDemoRegistry({
    seed: DEMO_SEED,
    villages: demoVillages(salur),
    persons: 20_000,
    today: DEMO_TODAY,
  });
  // The registry's persons back to the generator's people: a duplicate registration is its original's person.
  const human = new Map(demo.persons.map((p) => [p.id, p.id]));
  for (const dup of demo.truth.duplicates) human.set(dup.personId, dup.duplicateOfId);
  const keyOf = (p: {
    name: string;
    birthDate: string | null;
    villageCode: string;
    rt: string | null;
    sex: string;
  }) => `${p.name}|${p.birthDate}|${p.villageCode}|${p.rt}|${p.sex}`;
  const demoByKey = new Map<string, string[]>();
  for (const p of demo.persons) demoByKey.set(keyOf(p), [...(demoByKey.get(keyOf(p)) ?? []), p.id]);
  const dbPersons = await queryRows<{
    id: string;
    name: string;
    birth_date: string | null;
    village_code: string;
    rt: string | null;
    sex: string;
  }>(
    salur.database.db,
    sql`select id, name, birth_date::text as birth_date, village_code, rt, sex from persons`,
  );
  const humanOfPerson = new Map<string, string>();
  let unresolved = 0;
  for (const p of dbPersons) {
    const ids = demoByKey.get(
      keyOf({ name: p.name, birthDate: p.birth_date, villageCode: p.village_code, rt: p.rt, sex: p.sex }),
    );
    if (ids?.length === 1) humanOfPerson.set(p.id, human.get(ids[0] as string) as string);
    else unresolved++;
  }
  // The central list: DTKS-like, drawn from the same population (so some are in the registry), damaged as usual.
  const population = personsOf(
    generatePopulation({
      seed: DEMO_SEED,
      villages: demoVillages(salur),
      households: Number.POSITIVE_INFINITY,
      today: DEMO_TODAY,
    }),
  );
  const central: ReturnType<typeof listRows> = [];
  const truthOfRow: string[] = [];
  for (const record of streamSourceRecords({
    seed: 2026,
    population,
    sources: [{ name: "DTKS", coverage: 0.45, duplicateRate: 0.01, errorRate: 0.15, omit: ["phone"] }],
    eligible: (p) => p.birthDate <= "2008-11-25",
  })) {
    central.push(...listRows([record]));
    truthOfRow.push(record.truthId);
    if (central.length >= centralCount) break;
  }
  const file = join(dir, "dtks.csv");
  writeFileSync(file, csvText([LIST_HEADERS, ...central]));
  const program = (
    await queryRows<{ id: string }>(
      salur.database.db,
      sql`select p.id from periods p join programs g on g.id = p.program_id where g.code = 'BST-DAERAH'`,
    )
  )[0];
  const d = importDeps(salur);
  const started = performance.now();
  const stored = await d.uploads.save(createReadStream(file), statSync(file).size + 1);
  const submitted = await submitReconciliation(d, caller, stored, {
    fileName: "dtks.csv",
    periodId: program?.id ?? "",
    scope: "registry",
    sourceName: "DTKS",
  });
  const job = await d.jobs.wait(submitted.job?.id ?? "");
  const seconds = (performance.now() - started) / 1000;
  const record = await importStore.getReconciliation(d.db, submitted.reconciliationId);
  // Truth: one-to-one pairs of the people present in both lists.
  const registryHumans = new Map<string, number>();
  for (const h of humanOfPerson.values()) registryHumans.set(h, (registryHumans.get(h) ?? 0) + 1);
  const centralHumans = new Set(truthOfRow);
  const bothTruth = [...centralHumans].filter((h) => registryHumans.has(h)).length;
  const lines = await queryRows<{ central_row: number | null; person_id: string | null; category: string }>(
    d.db,
    sql`select central_row, person_id, category from reconciliation_lines where reconciliation_id = ${submitted.reconciliationId} and category in ('matched', 'conflict')`,
  );
  let correct = 0;
  const pairedHumans = new Set<string>();
  const wrong: unknown[] = [];
  const dbPersonOf = new Map(dbPersons.map((p) => [p.id, p]));
  for (const l of lines) {
    const truth = truthOfRow[(l.central_row ?? 0) - 2];
    if (truth && l.person_id && humanOfPerson.get(l.person_id) === truth) {
      correct++;
      pairedHumans.add(truth);
    } else if (wrong.length < 10)
      wrong.push({ central: central[(l.central_row ?? 0) - 2], registry: dbPersonOf.get(l.person_id ?? "") });
  }
  // The people in both lists the engine did not pair, with what it saw nearest: for the write-up.
  const missed = [];
  for (let i = 0; i < truthOfRow.length && missed.length < 10; i++) {
    const truth = truthOfRow[i] as string;
    if (!registryHumans.has(truth) || pairedHumans.has(truth)) continue;
    pairedHumans.add(truth);
    const [line] = await queryRows<{ evidence: unknown }>(
      d.db,
      sql`select evidence from reconciliation_lines where reconciliation_id = ${submitted.reconciliationId} and central_row = ${i + 2}`,
    );
    missed.push({ central: central[i], nearest: line?.evidence ?? null });
  }
  await salur.close();
  report(
    {
      job: job.state,
      reconcileSeconds: seconds,
      counts: record?.counts,
      truth: {
        pairs: bothTruth,
        centralOnly: central.length - bothTruth,
        regionalOnly: dbPersons.length - bothTruth,
        unresolvedRegistryPersons: unresolved,
      },
      pairsFound: lines.length,
      pairsCorrect: correct,
      precision: lines.length ? correct / lines.length : 0,
      missed,
      wrong,
      recall: bothTruth ? correct / bothTruth : 0,
    },
    started,
  );
}

// ---- orchestration ------------------------------------------------------------------------------------------

async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server =
    process.env.DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `salur_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function main() {
  if (args.child) {
    const dir = args.dir as string;
    const url = args.url || undefined;
    const file = join(dir, "..", "daftar.csv");
    switch (args.child) {
      case "list": {
        const started = performance.now();
        await writeList(file, Number(args.rows));
        return report({ rows: Number(args.rows), bytes: statSync(file).size }, started);
      }
      case "setup":
        return setupStep(dir, url);
      case "prepare-copy":
        return prepareCopyStep(dir, url, file, args.program as string, args.period as string);
      case "raw-copy":
        return rawCopyStep(dir, url, file);
      case "rows-copy":
        return rowsCopyStep(dir, url);
      case "import":
        return importStep(dir, url, file, args.period as string);
      case "reconcile":
        return reconcileStep(dir, url, Number(args.central));
    }
    throw new Error(`unknown step ${args.child}`);
  }
  const kinds = (args.db ?? "pglite").split(",");
  const mode = positionals[0] ?? "import";
  const base = resolve(
    "bench/out",
    mode === "reconcile" ? `reconcile-${args.central}` : `import-${args.rows}`,
  );
  mkdirSync(base, { recursive: true });
  const results: Record<string, unknown> = { mode, when: new Date().toISOString(), node: process.version };
  if (mode === "import" && !existsSync(join(base, "daftar.csv"))) {
    log(`writing ${args.rows} rows …`);
    results.list = await child("list", ["--dir", join(base, "x"), "--rows", String(args.rows)]);
  }
  for (const kind of kinds) {
    const dir = join(base, kind);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const scratch = kind === "postgres" ? await scratchDatabase() : null;
    const common = ["--dir", dir, ...(scratch ? ["--url", scratch.url] : [])];
    try {
      if (mode === "reconcile") {
        log(`[${kind}] reconciling ${args.central} central rows with the demo registry …`);
        results[kind] = await child("reconcile", [...common, "--central", String(args.central)]);
        continue;
      }
      log(`[${kind}] setting up …`);
      const setup = await child("setup", common);
      const ids = ["--program", String(setup.programId), "--period", String(setup.periodId)];
      log(`[${kind}] preparing the rows for baseline B (untimed) …`);
      await child("prepare-copy", [...common, ...ids]);
      log(`[${kind}] baseline B: COPY of the import's rows into persons + enrollments …`);
      const rowsCopy = await child("rows-copy", common);
      log(`[${kind}] import …`);
      const imported = await child("import", [...common, ...ids]);
      log(`[${kind}] baseline A: COPY of the CSV into a text table …`);
      const rawCopy = await child("raw-copy", common);
      results[kind] = {
        import: imported,
        copyRows: rowsCopy,
        copyCsv: rawCopy,
        ratioToRowsCopy: Number(imported.importSeconds) / Number(rowsCopy.copySeconds),
        ratioToCsvCopy: Number(imported.importSeconds) / Number(rawCopy.copySeconds),
      };
      log(JSON.stringify(results[kind]));
    } finally {
      await scratch?.drop();
    }
  }
  writeFileSync(join(base, "result.json"), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

await main();
