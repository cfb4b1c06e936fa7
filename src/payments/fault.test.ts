import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase, TEST_DATABASE_KINDS, testConfig } from "../db/testing.ts";
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
import { type PaymentWorld, paymentWorld } from "./payments.fixture.ts";
import { importResults } from "./results.ts";

/**
 * The short version of payments.drill.ts: random sequences of result files — replayed, shuffled, split,
 * overlapping, on PostgreSQL two at a time — then one import killed (SIGKILL) mid-apply and, on PostgreSQL,
 * two processes applying overlapping files at once. Every sequence ends equal to its generated truth.
 */
const SEQUENCES = 50;

describeEachDatabase("bank results under faults", (salur, kind) => {
  let payments: Payments;
  let world: PaymentWorld;
  beforeAll(async () => {
    payments = paymentsOf(salur());
    world = await paymentWorld(salur(), 1);
  });

  it(`ends ${SEQUENCES} random sequences of result files equal to the truth`, async () => {
    for (let seed = 1; seed <= SEQUENCES; seed++) {
      const concurrent = kind === "postgres" && seed % 5 === 0;
      const {
        files: _f,
        seed: _s,
        ...judgement
      } = await runSequence(salur(), payments, world, seed, { lines: 10, concurrent });
      expect(judgement, `seed ${seed}`).toEqual(CLEAN);
    }
  }, 600_000);

  it.runIf(kind === "postgres")(
    "lets two processes apply overlapping files at once, each result once",
    async () => {
      const rng = new Random(4242);
      const { batch, references } = await exportedBatch(salur(), payments, world, 30);
      const truth = generateTruth(rng, batch.number, references);
      const dir = mkdtempSync(join(tmpdir(), "salur-fault-"));
      const half = Math.ceil(truth.valid.length * 0.7);
      const { resultCsv } = await import("./payments.fixture.ts");
      const a = join(dir, "a.csv");
      const b = join(dir, "b.csv");
      writeFileSync(a, resultCsv([...truth.valid.slice(0, half), ...truth.noise]));
      writeFileSync(b, resultCsv([...truth.valid.slice(half - 10)].reverse()));
      const args = (file: string) => [salur().config.dataDir, serverUrl(), batch.id, world.bank.id, file];
      const runs = await Promise.all([runChild(args(a), false), runChild(args(b), false)]);
      expect(runs.every((r) => r.lines.some((l) => l.startsWith("done ")))).toBe(true);
      expect(await judge(payments, world.bank, batch, truth)).toEqual(CLEAN);
      rmSync(dir, { recursive: true, force: true });
    },
    300_000,
  );

  it.runIf(kind === "postgres")(
    "keeps nothing of an import killed mid-apply, and the retry applies it once",
    async () => {
      const rng = new Random(777);
      const { batch, references } = await exportedBatch(salur(), payments, world, 20);
      const truth = generateTruth(rng, batch.number, references);
      const dir = mkdtempSync(join(tmpdir(), "salur-fault-"));
      const file = join(dir, "all.csv");
      const { resultCsv } = await import("./payments.fixture.ts");
      writeFileSync(file, resultCsv([...truth.valid, ...truth.noise]));
      const run = await runChild([salur().config.dataDir, serverUrl(), batch.id, world.bank.id, file], true);
      expect(run.killed).toBe(true);
      const [left] = await queryRows<{ files: number; results: number; moved: number }>(
        payments.db,
        sql`select (select count(*)::int from payment_result_files where batch_id = ${batch.id}) as files,
                 (select count(*)::int from payment_results where batch_id = ${batch.id}) as results,
                 (select count(*)::int from payment_lines where batch_id = ${batch.id} and status <> 'sent') as moved`,
      );
      expect(left).toEqual({ files: 0, results: 0, moved: 0 });
      const { readFileSync } = await import("node:fs");
      await importResults(payments, world.bank, batch.id, {
        fileName: "all.csv",
        format: "csv",
        bytes: readFileSync(file),
      });
      expect(await judge(payments, world.bank, batch, truth)).toEqual(CLEAN);
      rmSync(dir, { recursive: true, force: true });
    },
    300_000,
  );

  /** The scratch database's URL (trust authentication: there is no password to redact). */
  const serverUrl = () => salur().database.location;
});

if (TEST_DATABASE_KINDS.includes("pglite")) {
  describe("an import killed mid-apply on the embedded database", () => {
    const config = testConfig();
    afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));

    it("keeps nothing of the killed import; the retry after restart applies it once", async () => {
      const { killed, left, judgement } = await killedOnEmbeddedDatabase(config, 99);
      expect(killed).toBe(true);
      expect(left).toEqual({ files: 0, moved: 0 });
      expect(judgement).toEqual(CLEAN);
    }, 300_000);
  });
}
