/**
 * Ranking benchmark: 1,000,000 synthetic applicants (seeded) scored with the seed-003 model and ranked within a
 * quota and budget, then a what-if re-rank of 100,000 — the figures of ROADMAP "Ranking: 1M scored in <= 2 s;
 * what-if re-rank of 100k in < 200 ms". Run: npx tsx bench/ranking.ts [count]
 */
import { Random } from "../src/demo/random.ts";
import {
  type Applicant,
  buildApplicantTable,
  compileRatingModel,
  createSimulation,
  criterionSensitivity,
  judgment,
  SEED_003_MODEL,
  scoreEncoded,
  selectRecipients,
} from "../src/ranking/index.ts";
import { fillScoreKeys, sortByRank } from "../src/ranking/order.ts";
import { eligibleIndices, selectionCapacity } from "../src/ranking/selection.ts";
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  HEALTH_CONDITIONS,
  HOUSE_CONDITIONS,
  MARITAL_STATUSES,
  type SocioEconomicProfile,
} from "../src/registry/attributes.ts";

const COUNT = Number(process.argv[2] ?? 1_000_000);
const WHAT_IF_COUNT = Math.min(100_000, COUNT);
const REFERENCE = "2024-07-01";
const AMOUNT = 600_000;

function synthesize(count: number, seed: number): Applicant[] {
  const random = new Random(seed);
  const maybe = <T>(value: T): T | null => (random.chance(0.02) ? null : value);
  const applicants = new Array<Applicant>(count);
  for (let i = 0; i < count; i++) {
    const year = random.between(1940, 2004);
    const profile: SocioEconomicProfile = {
      education: maybe(random.pick(EDUCATION_LEVELS)),
      employment: maybe(random.pick(EMPLOYMENT_STATUSES)),
      monthlyIncome: maybe(Math.max(0, Math.round(random.normal(1_800_000, 1_100_000) / 1000) * 1000)),
      maritalStatus: maybe(random.pick(MARITAL_STATUSES)),
      houseCondition: maybe(random.pick(HOUSE_CONDITIONS)),
      health: maybe(random.pick(HEALTH_CONDITIONS)),
      dependants: maybe(random.between(0, 8)),
      children: maybe(random.between(0, 7)),
      birthDate: maybe(
        `${year}-${String(random.between(1, 12)).padStart(2, "0")}-${String(random.between(1, 28)).padStart(2, "0")}`,
      ),
    };
    applicants[i] = {
      id: `KK-${i}`,
      registrationNumber: i + 1,
      eligible: !random.chance(0.05),
      subject: { profile },
    };
  }
  return applicants;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/** Median of `runs` timings after one warm-up run. */
function median(runs: number, fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(time(fn)[1]);
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

console.log(
  `Ranking benchmark — ${COUNT.toLocaleString("en")} applicants, seed-003 model, node ${process.version}`,
);
const [applicants, generated] = time(() => synthesize(COUNT, 20240701));
console.log(`  generate synthetic profiles (not measured work): ${ms(generated)}`);

const compiled = compileRatingModel(SEED_003_MODEL);
const quota = Math.floor(COUNT / 10);
const rules = { quota, amountPerRecipient: AMOUNT, budget: quota * AMOUNT };

const [table, encodeFirst] = time(() => buildApplicantTable(compiled, applicants, REFERENCE));
const encode = median(3, () => buildApplicantTable(compiled, applicants, REFERENCE));
const scores = new Float64Array(table.count);
const score = median(5, () => scoreEncoded(compiled, table.levels, scores));
const keys = { score: new Uint32Array(table.count), birth: table.birth, registration: table.registration };
const rank = median(5, () => {
  fillScoreKeys(scores, keys.score);
  const order = sortByRank(eligibleIndices(table), keys);
  return selectionCapacity(rules, order.length);
});
const [selection] = time(() => selectRecipients(compiled, table, rules, REFERENCE));
const whole = median(3, () => selectRecipients(compiled, table, rules, REFERENCE));

console.log(
  `  encode profiles to level slots (band rules, ages): ${ms(encode)} (first run ${ms(encodeFirst)})`,
);
console.log(`  score ${COUNT.toLocaleString("en")} (N × C look-ups): ${ms(score)}`);
console.log(`  rank all eligible + select within quota/budget: ${ms(rank)}`);
console.log(`  selectRecipients (score + rank + select + snapshot hash): ${ms(whole)}`);
console.log(`  => profiles to ranked selection: ${ms(encode + whole)}`);
console.log(
  `     selected ${selection.selectedCount.toLocaleString("en")} of ${selection.eligibleCount.toLocaleString("en")} eligible, limited by ${selection.limitedBy}, cut-off score ${selection.cutoffScore?.toFixed(6)}, Rp${selection.totalAmount.toLocaleString("id")}`,
);

// What-if on 100,000: the browser path (precomputed level slots, points table, radix select of the top k).
const small = buildApplicantTable(compiled, applicants.slice(0, WHAT_IF_COUNT), REFERENCE);
const smallQuota = Math.floor(WHAT_IF_COUNT / 10);
const smallRules = { quota: smallQuota, amountPerRecipient: AMOUNT, budget: smallQuota * AMOUNT };
const [simulation, setup] = time(() => createSimulation(compiled, small, smallRules));
let flip = 0;
const weightChange = median(21, () =>
  simulation.whatIf({ kind: "weight", criterion: "penghasilan", weight: 0.2 + 0.1 * (flip++ % 3) }),
);
const judgmentChange = median(21, () =>
  simulation.whatIf({
    kind: "criteria-judgment",
    first: "usia",
    second: "penghasilan",
    judgment: judgment(1 + (flip++ % 3)),
  }),
);
const example = simulation.whatIf({ kind: "weight", criterion: "penghasilan", weight: 0.4 });
const [, sensitivity] = time(() => {
  const s = selectRecipients(compiled, small, smallRules, REFERENCE);
  return criterionSensitivity(compiled, small, s);
});
console.log(
  `What-if on ${WHAT_IF_COUNT.toLocaleString("en")} applicants (quota ${smallQuota.toLocaleString("en")}):`,
);
console.log(`  simulation set-up (score + select baseline): ${ms(setup)}`);
console.log(
  `  change one weight -> weights, scores, top-k, who enters/leaves: ${ms(weightChange)} (median of 21)`,
);
console.log(
  `  change one judgment -> eigenvector, CR, scores, top-k, enters/leaves: ${ms(judgmentChange)} (median of 21)`,
);
console.log(
  `     e.g. income weight 0.40: ${example.entering.length} enter, ${example.leaving.length} leave`,
);
console.log(`  sensitivity ranges for all 8 criteria (incl. a full selection): ${ms(sensitivity)}`);
