/**
 * Payment benchmark (issue 17): one batch of `count` lines (100,000 by default) — prepare, approve, export the
 * bank file (CSV and XLSX), import one result file answering every line (paid, failed, a credit and its
 * reversal, or nothing), and reconcile — timed on PGlite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL
 * names a server, on PostgreSQL (a scratch database dropped afterwards); PGlite keeps its data directory in a
 * temporary folder, as `salur serve` does, prepared beforehand by `salur migrate` in its own process as a
 * deployment prepares it (creating the cluster is a one-off whose memory is not the payments'). Peak memory is the process's resident
 * set sampled every 50 ms during each step (PGlite's database lives in the same process). Each step also prints
 * the CPU time of this process (on PGlite: all of the work) and the load average, because a shared machine's
 * wall-clock times say as much about the neighbours as about the code.
 * Run as the server runs (`npm start`, docs/deploy.md), with Node's heap growth held to 25 %:
 *   node --heap-growing-percent=25 --import tsx bench/payments.ts [count] [pglite|postgres|both]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../src/config.ts";
import type { DatabaseKind } from "../src/db/index.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import { approveBatch, exportBatch, prepareBatches } from "../src/payments/batches.ts";
import { paymentsOf } from "../src/payments/context.ts";
import { AMOUNT, paymentWorld, resultCsv } from "../src/payments/payments.fixture.ts";
import { reconciliation } from "../src/payments/reads.ts";
import { importResults } from "../src/payments/results.ts";
import { openSalur } from "../src/runtime.ts";

const COUNT = Number(process.argv[2] ?? 100_000);
const WHICH = process.argv[3] ?? "both";
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const MiB = 1024 * 1024;
type ResultRow = Parameters<typeof resultCsv>[0][number];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work();
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const used = process.cpuUsage(cpu);
    const wall = ((performance.now() - started) / 1000).toFixed(2);
    const busy = ((used.user + used.system) / 1e6).toFixed(2);
    console.log(
      `  ${label.padEnd(34)} ${wall.padStart(7)} s wall ${busy.padStart(7)} s CPU   peak RSS ${(peak / MiB).toFixed(0)} MiB   load ${loadavg()[0]?.toFixed(1)}`,
    );
  }
}

async function bench(kind: DatabaseKind) {
  const dataDir = mkdtempSync(join(tmpdir(), "salur-bench-"));
  const config: Config = {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl: undefined,
    regencyCode: "64.01",
    secret: "bench-secret-of-at-least-thirty-two-characters",
    keyFile: join(dataDir, "secret.key"),
  };
  // PGlite on a data directory, as `salur serve` runs it: an in-memory PGlite would count the whole database's
  // files in this process's memory.
  if (kind === "pglite")
    execFileSync(process.execPath, [join(import.meta.dirname, "..", "bin", "salur.js"), "migrate"], {
      env: {
        ...process.env,
        SALUR_DATA_DIR: dataDir,
        SALUR_SECRET: config.secret,
        SALUR_REGENCY: config.regencyCode,
      },
      stdio: "inherit",
    });
  const salur = await openSalur(config, {
    ...(kind === "postgres" ? { database: await openTestDatabase(kind, SERVER_URL) } : {}),
    today: () => "2026-11-25",
  });
  try {
    console.log(
      `\n${kind}: a batch of ${COUNT.toLocaleString("en")} lines (node ${process.execArgv.filter((a) => a.startsWith("--heap")).join(" ") || "without --heap-growing-percent"})`,
    );
    const payments = paymentsOf(salur);
    const world = await timed("setup (decreed recipients)", () => paymentWorld(salur, COUNT));
    const [batch] = await timed("prepare batch", () =>
      prepareBatches(payments, world.maker, {
        decreeId: world.periodId,
        bankAgencyId: world.bankId,
        claimDeadline: "2026-12-31",
        split: "none",
      }),
    );
    if (!batch) throw new Error("no batch");
    await timed("approve", () =>
      approveBatch(payments, world.checker, batch.id, {
        version: batch.version,
        linesSha256: batch.linesSha256,
      }),
    );
    const csv = await timed("export CSV (first: lines sent)", () =>
      exportBatch(payments, world.maker, batch.id, { format: "csv" }),
    );
    await timed("export XLSX", () => exportBatch(payments, world.maker, batch.id, { format: "xlsx" }));
    const references = csv.bytes
      .toString("utf8")
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .map((r) => r.split(";")[5] as string);
    const entries = references.flatMap((reference, i): ResultRow[] => {
      const r = i % 20;
      if (r < 14) return [{ reference, bankReference: `C${i}`, outcome: "paid" as const, amount: AMOUNT }];
      if (r < 17)
        return [
          {
            reference,
            bankReference: `F${i}`,
            outcome: "failed" as const,
            amount: AMOUNT,
            reason: "account_dormant",
          },
        ];
      if (r < 19)
        return [
          { reference, bankReference: `C${i}`, outcome: "paid" as const, amount: AMOUNT },
          { reference, bankReference: `R${i}`, outcome: "returned" as const, amount: AMOUNT },
        ];
      return [];
    });
    const file = resultCsv(entries);
    const out = await timed(`import results (${entries.length.toLocaleString("en")} entries)`, () =>
      importResults(payments, world.bank, batch.id, { fileName: "hasil.csv", format: "csv", bytes: file }),
    );
    const replay = await timed("replay the same file (no-op)", () =>
      importResults(payments, world.bank, batch.id, { fileName: "hasil.csv", format: "csv", bytes: file }),
    );
    const rec = await timed("reconciliation by desa", () =>
      reconciliation(payments, world.checker, { batchId: batch.id, by: "village" }),
    );
    await timed("reconciliation by batch", () =>
      reconciliation(payments, world.checker, { batchId: batch.id, by: "batch" }),
    );
    console.log(
      `  applied ${out.summary.applied}, replay alreadyReceived=${replay.alreadyReceived}; issued Rp${rec.total.issuedAmount} = paid ${rec.total.paidAmount} + failed ${rec.total.failedAmount} + returned ${rec.total.returnedAmount} + pending ${rec.total.pendingAmount}: ${rec.total.balanced}`,
    );
    console.log(`  process max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    await salur.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const kind of ["pglite", "postgres"] as const) {
  if (WHICH !== "both" && WHICH !== kind) continue;
  if (kind === "postgres" && !SERVER_URL) continue;
  await bench(kind);
}
