/**
 * The fault drill's generator and judge. A sequence pays one fresh decree: the generated truth says, per line,
 * paid, failed, returned (a credit and its reversal) or still pending; the bank's entries for that truth, plus
 * noise the system must refuse (unknown references, wrong amounts, reversals without a credit), are cut into
 * files that overlap, are shuffled, split and replayed. After every file is applied — in any order, twice,
 * concurrently — the batch must equal the truth: 0 lines paid twice, 0 results lost, every rupiah where it
 * belongs.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Caller } from "../access/actor.ts";
import type { Config } from "../config.ts";
import { queryRows } from "../db/index.ts";
import { Random } from "../demo/random.ts";
import { openSalur, type Salur } from "../runtime.ts";
import { approveBatch, exportBatch, prepareBatches } from "./batches.ts";
import { type Payments, paymentsOf } from "./context.ts";
import { AMOUNT, freshDecree, type PaymentWorld, paymentWorld, resultCsv } from "./payments.fixture.ts";
import { reconciliation } from "./reads.ts";
import { paymentReference } from "./reference.ts";
import { importResults } from "./results.ts";
import type { BatchRow } from "./store.ts";

type Outcome = "paid" | "failed" | "returned" | "pending";
export interface Entry {
  reference: string;
  bankReference: string;
  outcome: "paid" | "failed" | "returned";
  amount: number;
  reason?: string;
}

export interface Truth {
  byReference: Map<string, Outcome>;
  /** Entries that must end applied (none lost). */
  valid: Entry[];
  noise: Entry[];
}

const REASONS = [
  "account_closed",
  "account_dormant",
  "name_mismatch",
  "holder_deceased",
  "burekol_failed",
  "rjct.payee_fa.invalid",
];

export function generateTruth(rng: Random, batchNumber: number, references: readonly string[]): Truth {
  const byReference = new Map<string, Outcome>();
  const valid: Entry[] = [];
  const noise: Entry[] = [];
  references.forEach((reference, i) => {
    const roll = rng.float();
    const outcome: Outcome =
      roll < 0.45 ? "paid" : roll < 0.65 ? "failed" : roll < 0.8 ? "returned" : "pending";
    byReference.set(reference, outcome);
    if (outcome === "paid" || outcome === "returned")
      valid.push({ reference, bankReference: `C${batchNumber}-${i}`, outcome: "paid", amount: AMOUNT });
    if (outcome === "returned")
      valid.push({ reference, bankReference: `R${batchNumber}-${i}`, outcome: "returned", amount: AMOUNT });
    if (outcome === "failed")
      valid.push({
        reference,
        bankReference: `F${batchNumber}-${i}`,
        outcome: "failed",
        amount: AMOUNT,
        reason: rng.pick(REASONS),
      });
    // Noise the system must refuse or hold, never apply.
    if (rng.float() < 0.1)
      noise.push({
        reference,
        bankReference: `X${batchNumber}-${i}`,
        outcome: "paid",
        amount: AMOUNT + 50_000,
      });
    if (outcome === "pending" && rng.float() < 0.2)
      noise.push({ reference, bankReference: `Z${batchNumber}-${i}`, outcome: "returned", amount: AMOUNT });
    if (outcome === "failed" && rng.float() < 0.2)
      noise.push({ reference, bankReference: `Z${batchNumber}-${i}`, outcome: "returned", amount: AMOUNT });
  });
  if (rng.float() < 0.5)
    noise.push({
      reference: paymentReference(batchNumber, 999_999),
      bankReference: `U${batchNumber}`,
      outcome: "paid",
      amount: AMOUNT,
    });
  return { byReference, valid, noise };
}

/** Shuffled, split into 1–5 files, each overlapping the others by ~20%; some files replayed byte for byte. */
export function cutFiles(rng: Random, truth: Truth): Buffer[] {
  const all = rng.shuffle([...truth.valid, ...truth.noise]);
  const k = 1 + Math.floor(rng.float() * 5);
  const cuts = [
    0,
    ...rng
      .shuffle([...Array(Math.max(all.length - 1, 0)).keys()].map((i) => i + 1))
      .slice(0, k - 1)
      .sort((a, b) => a - b),
    all.length,
  ];
  const files: Entry[][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) files.push(all.slice(cuts[i], cuts[i + 1]));
  const withOverlap = files.map((own) => rng.shuffle([...own, ...all.filter(() => rng.float() < 0.2)]));
  const bytes = withOverlap.map((entries) => resultCsv(entries));
  const replays = bytes.filter(() => rng.float() < 0.4);
  return rng.shuffle([...bytes, ...replays]);
}

export interface Judgement {
  linesPaidTwice: number;
  resultsLost: number;
  statusMismatches: number;
  enrollmentMismatches: number;
  noiseApplied: number;
  totalsEqual: boolean;
  balanced: boolean;
}

const LINE_STATUS: Record<Outcome, string> = {
  paid: "paid",
  failed: "failed",
  returned: "returned",
  pending: "sent",
};
const ENROLLMENT_STATUS: Record<Outcome, string> = {
  paid: "paid",
  failed: "payment_failed",
  returned: "payment_returned",
  pending: "approved",
};

/** What `judge` finds when a batch ends equal to its truth. */
export const CLEAN: Judgement = {
  linesPaidTwice: 0,
  resultsLost: 0,
  statusMismatches: 0,
  enrollmentMismatches: 0,
  noiseApplied: 0,
  totalsEqual: true,
  balanced: true,
};

export async function judge(
  payments: Payments,
  caller: Caller,
  batch: BatchRow,
  truth: Truth,
): Promise<Judgement> {
  const db = payments.db;
  const lines = await queryRows<{ reference: string; status: string; enrollment_status: string }>(
    db,
    sql`select l.reference, l.status, e.status as enrollment_status
        from payment_lines l join enrollments e on e.id = l.enrollment_id where l.batch_id = ${batch.id}`,
  );
  let statusMismatches = 0;
  let enrollmentMismatches = 0;
  for (const l of lines) {
    const outcome = truth.byReference.get(l.reference) ?? "pending";
    if (l.status !== LINE_STATUS[outcome]) statusMismatches++;
    if (l.enrollment_status !== ENROLLMENT_STATUS[outcome]) enrollmentMismatches++;
  }
  const [twice] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select line_id from payment_results
          where batch_id = ${batch.id} and disposition = 'applied' and outcome = 'paid'
          group by line_id having count(*) > 1) t`,
  );
  const applied = await queryRows<{ reference: string; bank_reference: string }>(
    db,
    sql`select reference, bank_reference from payment_results where batch_id = ${batch.id} and disposition = 'applied'`,
  );
  const key = (r: string, b: string) => `${r}|${b}`;
  const appliedKeys = new Set(applied.map((a) => key(a.reference, a.bank_reference)));
  const resultsLost = truth.valid.filter((e) => !appliedKeys.has(key(e.reference, e.bankReference))).length;
  const validKeys = new Set(truth.valid.map((e) => key(e.reference, e.bankReference)));
  const noiseApplied = applied.filter((a) => !validKeys.has(key(a.reference, a.bank_reference))).length;
  const rec = await reconciliation(payments, caller, { batchId: batch.id, by: "batch" });
  const sum = (o: Outcome) => [...truth.byReference.values()].filter((v) => v === o).length * AMOUNT;
  const totalsEqual =
    rec.total.paidAmount === sum("paid") &&
    rec.total.failedAmount === sum("failed") &&
    rec.total.returnedAmount === sum("returned") &&
    rec.total.pendingAmount === sum("pending") &&
    rec.total.issuedAmount === batch.totalAmount;
  return {
    linesPaidTwice: Number(twice?.n ?? 0),
    resultsLost,
    statusMismatches,
    enrollmentMismatches,
    noiseApplied,
    totalsEqual,
    balanced: rec.total.balanced,
  };
}

/** A fresh decree of `lines` recipients paid in one batch: prepared, approved, exported. */
export async function exportedBatch(salur: Salur, payments: Payments, world: PaymentWorld, lines: number) {
  const decree = await freshDecree(salur, world, lines);
  const [prepared] = await prepareBatches(payments, world.maker, {
    decreeId: decree.periodId,
    bankAgencyId: world.bankId,
    claimDeadline: "2026-12-31",
    split: "none",
  });
  if (!prepared) throw new Error("no batch");
  await approveBatch(payments, world.checker, prepared.id, {
    version: prepared.version,
    linesSha256: prepared.linesSha256,
  });
  const exported = await exportBatch(payments, world.maker, prepared.id, { format: "csv" });
  const references = exported.bytes
    .toString("utf8")
    .split("\r\n")
    .slice(1)
    .filter(Boolean)
    .map((row) => row.split(";")[5] as string);
  return { batch: exported.batch, references };
}

/**
 * One sequence: files applied one by one, or (when `concurrent`) two at a time over two connections.
 * Returns the judgement.
 */
export async function runSequence(
  salur: Salur,
  payments: Payments,
  world: PaymentWorld,
  seed: number,
  options: { lines: number; concurrent: boolean },
): Promise<Judgement & { files: number; seed: number }> {
  const rng = new Random(seed);
  const { batch, references } = await exportedBatch(salur, payments, world, options.lines);
  const truth = generateTruth(rng, batch.number, references);
  const files = cutFiles(rng, truth);
  const apply = (bytes: Buffer, i: number) =>
    importResults(payments, world.bank, batch.id, { fileName: `hasil-${i}.csv`, format: "csv", bytes });
  if (options.concurrent) {
    for (let i = 0; i < files.length; i += 2) {
      await Promise.all(files.slice(i, i + 2).map((f, j) => apply(f, i + j)));
    }
  } else {
    for (const [i, f] of files.entries()) await apply(f, i);
  }
  return { ...(await judge(payments, world.bank, batch, truth)), files: files.length, seed };
}

const CHILD = new URL("./fault-child.ts", import.meta.url).pathname;

export interface ChildRun {
  killed: boolean;
  lines: string[];
}

/** Runs the fault child; with `killAtMidApply` it is killed (SIGKILL) once it says it is inside the import. */
export async function runChild(args: string[], killAtMidApply: boolean): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", CHILD, ...args, killAtMidApply ? "pause" : "run"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const lines: string[] = [];
    let killed = false;
    let buffer = "";
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf("\n"); nl !== -1; nl = buffer.indexOf("\n")) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        if (killAtMidApply && line === "mid-apply" && !killed) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (!killed && code !== 0)
        reject(new Error(`fault child failed (${code ?? signal}): ${errors.slice(-2000)}`));
      else resolve({ killed, lines });
    });
  });
}

/**
 * One import killed (SIGKILL) mid-apply on the embedded database: a fresh data directory (`config`) gets a batch
 * of 20 lines, a child process applies the whole result file and is killed inside its transaction, the database
 * is opened again, and the file is applied again cut as a sequence would cut it. Returns what the killed import
 * left behind (nothing, if it held) and the judgement after the retry.
 */
export async function killedOnEmbeddedDatabase(
  config: Config,
  seed: number,
): Promise<{ killed: boolean; left: { files: number; moved: number } | undefined; judgement: Judgement }> {
  let salur = await openSalur(config, { today: () => "2026-11-25" });
  let payments = paymentsOf(salur);
  const world = await paymentWorld(salur, 1);
  const rng = new Random(seed);
  const { batch, references } = await exportedBatch(salur, payments, world, 20);
  const truth = generateTruth(rng, batch.number, references);
  const file = join(config.dataDir, "all.csv");
  writeFileSync(file, resultCsv([...truth.valid, ...truth.noise]));
  await salur.close();
  const run = await runChild([config.dataDir, "-", batch.id, world.bank.id, file], true);
  salur = await openSalur(config, { today: () => "2026-11-25" });
  payments = paymentsOf(salur);
  try {
    const [left] = await queryRows<{ files: number; moved: number }>(
      payments.db,
      sql`select (select count(*)::int from payment_result_files) as files,
                 (select count(*)::int from payment_lines where batch_id = ${batch.id} and status <> 'sent') as moved`,
    );
    for (const bytes of cutFiles(rng, truth))
      await importResults(payments, world.bank, batch.id, { fileName: "hasil.csv", format: "csv", bytes });
    return { killed: run.killed, left, judgement: await judge(payments, world.bank, batch, truth) };
  } finally {
    await salur.close();
  }
}
