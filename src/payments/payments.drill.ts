import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase, testConfig } from "../db/testing.ts";
import { Random } from "../demo/random.ts";
import { type Payments, paymentsOf } from "./context.ts";
import {
  CLEAN,
  exportedBatch,
  generateTruth,
  judge,
  killedOnEmbeddedDatabase,
  runChild,
  runSequence,
} from "./fault.fixture.ts";
import { type PaymentWorld, paymentWorld, resultCsv } from "./payments.fixture.ts";

/**
 * The fault drill of issue 17 (`npm run drills`): 1,000 random sequences of bank result files per database —
 * replayed, shuffled, split, overlapping; on PostgreSQL every fourth sequence applied two files at a time over
 * two connections — then, on PostgreSQL, 10 imports killed (SIGKILL) mid-apply in a child process and 10 pairs
 * of processes applying overlapping files at once, and on PGlite 10 imports killed mid-apply on a data
 * directory that is then opened again. Prints the totals BENCHMARKS.md records.
 */
const SEQUENCES = Number(process.env.PAYMENT_DRILL_SEQUENCES ?? 1000);
/** PAYMENT_DRILL_FIRST=501 with SEQUENCES=500 runs seeds 501–1000: two shards of one drill may run side by side. */
const FIRST = Number(process.env.PAYMENT_DRILL_FIRST ?? 1);
/** PAYMENT_DRILL_ONLY=pglite|postgres runs one database (two drills may then run side by side). */
const ONLY = process.env.PAYMENT_DRILL_ONLY;
/** PAYMENT_DRILL_KILLS=0 leaves the kills and process pairs to another shard. */
const KILLS = process.env.PAYMENT_DRILL_KILLS !== "0";

describeEachDatabase("payment fault drill", (salur, kind) => {
  let payments: Payments;
  let world: PaymentWorld;
  beforeAll(async () => {
    payments = paymentsOf(salur());
    world = await paymentWorld(salur(), 1);
  });

  it.skipIf(ONLY !== undefined && ONLY !== kind)(
    `${SEQUENCES} sequences end equal to the truth`,
    async () => {
      const started = Date.now();
      const totals = {
        sequences: 0,
        files: 0,
        concurrent: 0,
        linesPaidTwice: 0,
        resultsLost: 0,
        mismatches: 0,
        noiseApplied: 0,
        unequalTotals: 0,
      };
      for (let seed = FIRST; seed < FIRST + SEQUENCES; seed++) {
        const concurrent = kind === "postgres" && seed % 4 === 0;
        const j = await runSequence(salur(), payments, world, seed * 7 + 3, { lines: 12, concurrent });
        totals.sequences++;
        totals.files += j.files;
        totals.concurrent += concurrent ? 1 : 0;
        totals.linesPaidTwice += j.linesPaidTwice;
        totals.resultsLost += j.resultsLost;
        totals.mismatches += j.statusMismatches + j.enrollmentMismatches;
        totals.noiseApplied += j.noiseApplied;
        totals.unequalTotals += j.totalsEqual && j.balanced ? 0 : 1;
        if (totals.sequences % 50 === 0)
          console.log(
            `[${kind}] after ${totals.sequences} (seed ${seed}): ${JSON.stringify(totals)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
      }
      console.log(`[${kind}] ${JSON.stringify(totals)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(totals).toMatchObject({
        linesPaidTwice: 0,
        resultsLost: 0,
        mismatches: 0,
        noiseApplied: 0,
        unequalTotals: 0,
      });
    },
    3_600_000,
  );

  it.runIf(kind === "postgres" && KILLS && (ONLY === undefined || ONLY === kind))(
    "10 kills mid-apply and 10 pairs of concurrent processes",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "salur-drill-"));
      let kills = 0;
      let pairs = 0;
      for (let i = 0; i < 10; i++) {
        const rng = new Random(10_000 + i);
        const { batch, references } = await exportedBatch(salur(), payments, world, 30);
        const truth = generateTruth(rng, batch.number, references);
        const all = join(dir, `all-${i}.csv`);
        writeFileSync(all, resultCsv([...truth.valid, ...truth.noise]));
        const args = (file: string) => [
          salur().config.dataDir,
          salur().database.location,
          batch.id,
          world.bank.id,
          file,
        ];
        const killed = await runChild(args(all), true);
        if (killed.killed) kills++;
        const cut = Math.floor(truth.valid.length * (0.3 + rng.float() * 0.5));
        const a = join(dir, `a-${i}.csv`);
        const b = join(dir, `b-${i}.csv`);
        writeFileSync(a, resultCsv(truth.valid.slice(0, cut + 5)));
        writeFileSync(b, resultCsv([...truth.valid.slice(cut), ...truth.noise].reverse()));
        const runs = await Promise.all([runChild(args(a), false), runChild(args(b), false)]);
        if (runs.every((r) => r.lines.some((l) => l.startsWith("done ")))) pairs++;
        expect(await judge(payments, world.bank, batch, truth), `round ${i}`).toEqual(CLEAN);
      }
      console.log(
        `[${kind}] kills mid-apply: ${kills}, concurrent process pairs: ${pairs}, all equal to the truth`,
      );
      expect({ kills, pairs }).toEqual({ kills: 10, pairs: 10 });
      rmSync(dir, { recursive: true, force: true });
    },
    3_600_000,
  );
});

describe.runIf(KILLS && (ONLY === undefined || ONLY === "pglite"))(
  "payment fault drill, embedded database killed",
  () => {
    it("10 imports killed mid-apply on a PGlite data directory leave nothing, and each retry applies once", async () => {
      let kills = 0;
      for (let i = 0; i < 10; i++) {
        const config = testConfig();
        try {
          const { killed, left, judgement } = await killedOnEmbeddedDatabase(config, 20_000 + i);
          if (killed) kills++;
          expect({ left, judgement }, `round ${i}`).toEqual({
            left: { files: 0, moved: 0 },
            judgement: CLEAN,
          });
        } finally {
          rmSync(config.dataDir, { recursive: true, force: true });
        }
      }
      console.log(`[pglite] kills mid-apply: ${kills}, all equal to the truth`);
      expect(kills).toBe(10);
    }, 3_600_000);
  },
);
