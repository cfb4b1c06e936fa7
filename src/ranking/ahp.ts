/**
 * The Analytic Hierarchy Process on Saaty's 1–9 scale (Saaty 1977, 1980). Judgments are stored as the upper
 * triangle of the comparison matrix: each pair (i < j) holds one intensity >= 1 and which element it favours,
 * so a_ji = 1 / a_ij by construction — a non-reciprocal matrix, or 0.33 standing in for 1/3, cannot be written.
 * Pure: no I/O.
 */
import { DomainError } from "../i18n/domain-error.ts";

/** Saaty's tables stop at 15 and AHP judgments lose meaning well before; larger sets belong in sub-criteria. */
export const MAX_COMPARISON_SIZE = 15;

/** The consistency ratio above which judgments should be revised (Saaty 1980). */
export const CONSISTENCY_RATIO_THRESHOLD = 0.1;

export const SAATY_INTENSITIES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type SaatyIntensity = (typeof SAATY_INTENSITIES)[number];

/** Message codes of the scale labels; the text (id, en) is in RANKING_MESSAGES. */
export const SAATY_SCALE_LABEL_CODES: Readonly<Record<SaatyIntensity, string>> = {
  1: "AHP_SCALE_1", // sama penting
  2: "AHP_SCALE_2",
  3: "AHP_SCALE_3", // sedikit lebih penting
  4: "AHP_SCALE_4",
  5: "AHP_SCALE_5", // lebih penting
  6: "AHP_SCALE_6",
  7: "AHP_SCALE_7", // sangat lebih penting
  8: "AHP_SCALE_8",
  9: "AHP_SCALE_9", // mutlak lebih penting
};

/** In a pair (i, j) with i < j, `first` is element i (the row), `second` is element j. */
export type Favoured = "first" | "second";

/**
 * One upper-triangle judgment: the favoured element is `intensity` times as important as the other. Direct
 * judgments use integer intensities 1–9; aggregated group judgments and completed gaps are real numbers >= 1.
 */
export interface Judgment {
  readonly intensity: number;
  readonly favours: Favoured;
}

/** n elements and their n(n-1)/2 judgments in row-major upper-triangle order: (0,1), (0,2) … (0,n-1), (1,2) … */
export interface PairwiseComparisons {
  readonly size: number;
  readonly judgments: readonly Judgment[];
}

export type RandomIndexTableName = "saaty1980" | "alonso-lamata";

export interface RandomIndexTable {
  readonly name: RandomIndexTableName;
  readonly source: string;
  /** values[n - 1] is the random index for an n x n matrix, n = 1..15. */
  readonly values: readonly number[];
}

/**
 * Random consistency indices. `saaty1980` is the table of Saaty, The Analytic Hierarchy Process (McGraw-Hill,
 * 1980), as it is printed and widely reproduced for n = 1..15: .00 .00 .58 .90 1.12 1.24 1.32 1.41 1.45 1.49
 * 1.51 1.48 1.56 1.57 1.59 (the dip at n = 12 is in the printed table; later reproductions sometimes give 1.54).
 * `alonso-lamata` is the table of Alonso & Lamata (2006), "Consistency in the analytic hierarchy process: a new
 * approach", Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4):445–459, from 100,000 random
 * matrices per size (their linear fit, lambda = 2.7699 n − 4.3513, is not used).
 */
export const RANDOM_INDEX_TABLES: Readonly<Record<RandomIndexTableName, RandomIndexTable>> = {
  saaty1980: {
    name: "saaty1980",
    source: "Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill",
    values: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
  },
  "alonso-lamata": {
    name: "alonso-lamata",
    source: "Alonso & Lamata (2006), IJUFKS 14(4):445-459, 100,000 random matrices per n",
    values: [
      0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713,
      1.5838,
    ],
  },
};

export const RANDOM_INDEX_TABLE_NAMES = Object.keys(RANDOM_INDEX_TABLES) as RandomIndexTableName[];

export function randomIndex(size: number, table: RandomIndexTableName = "saaty1980"): number {
  assertSize(size);
  return RANDOM_INDEX_TABLES[table].values[size - 1] as number;
}

// ---------------------------------------------------------------------------------------------------------------
// Building comparisons

export function pairCount(size: number): number {
  return (size * (size - 1)) / 2;
}

/** Position of pair (i, j), i < j, in the upper-triangle list. */
export function pairIndex(size: number, i: number, j: number): number {
  return (i * (2 * size - i - 1)) / 2 + (j - i - 1);
}

/** The (i, j) of every upper-triangle position, in storage order. */
export function pairsOf(size: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) pairs.push([i, j]);
  return pairs;
}

function assertSize(size: number): void {
  if (!Number.isInteger(size) || size < 1 || size > MAX_COMPARISON_SIZE) {
    throw new DomainError("AHP_SIZE_OUT_OF_RANGE", { size, max: MAX_COMPARISON_SIZE });
  }
}

/** A judgment; intensity 1 is always stored as favouring `first`, so "equal" has one spelling. */
export function judgment(intensity: number, favours: Favoured = "first"): Judgment {
  if (!Number.isFinite(intensity) || intensity < 1) {
    throw new DomainError("AHP_JUDGMENT_INVALID", { intensity: String(intensity) });
  }
  return { intensity, favours: intensity === 1 ? "first" : favours };
}

/** The judgment whose matrix entry a_ij equals `ratio` (> 0). */
export function judgmentFromRatio(ratio: number): Judgment {
  if (!Number.isFinite(ratio) || ratio <= 0)
    throw new DomainError("AHP_JUDGMENT_INVALID", { intensity: String(ratio) });
  return ratio >= 1 ? judgment(ratio, "first") : judgment(1 / ratio, "second");
}

/** The matrix entry a_ij of a judgment on pair (i, j). */
export function ratioOf(j: Judgment): number {
  return j.favours === "first" ? j.intensity : 1 / j.intensity;
}

/** ln a_ij, antisymmetric to the last bit (ln a_ji = −ln a_ij exactly), which the geometric mean relies on. */
export function logRatioOf(j: Judgment): number {
  const l = Math.log(j.intensity);
  return j.favours === "first" ? l : -l;
}

export function createComparisons(size: number, judgments: readonly Judgment[]): PairwiseComparisons {
  assertSize(size);
  if (judgments.length !== pairCount(size)) {
    throw new DomainError("AHP_JUDGMENT_COUNT_MISMATCH", {
      size,
      expected: pairCount(size),
      actual: judgments.length,
    });
  }
  return { size, judgments: judgments.map((j) => judgment(j.intensity, j.favours)) };
}

/** All elements equally important: the neutral starting point of a new comparison. */
export function equalComparisons(size: number): PairwiseComparisons {
  assertSize(size);
  return { size, judgments: Array.from({ length: pairCount(size) }, () => judgment(1)) };
}

export function comparisonsFromRatios(size: number, upperRatios: readonly number[]): PairwiseComparisons {
  return createComparisons(size, upperRatios.map(judgmentFromRatio));
}

/** Replaces one judgment; the result is a new value (comparisons are immutable). */
export function withJudgment(
  c: PairwiseComparisons,
  i: number,
  j: number,
  next: Judgment,
): PairwiseComparisons {
  if (i === j || i < 0 || j < 0 || i >= c.size || j >= c.size) {
    throw new DomainError("AHP_PAIR_INVALID", { first: i + 1, second: j + 1, size: c.size });
  }
  const judgments = c.judgments.slice();
  // Callers may name the pair either way round; storage is always (low, high).
  const stored = i < j ? next : judgment(next.intensity, next.favours === "first" ? "second" : "first");
  judgments[pairIndex(c.size, Math.min(i, j), Math.max(i, j))] = judgment(stored.intensity, stored.favours);
  return { size: c.size, judgments };
}

/** Comparisons whose weights are exactly proportional to `weights` (a consistent matrix). */
export function consistentComparisons(weights: readonly number[]): PairwiseComparisons {
  const n = weights.length;
  const ratios: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) ratios.push((weights[i] as number) / (weights[j] as number));
  return comparisonsFromRatios(n, ratios);
}

/** The full reciprocal matrix, row-major in a Float64Array of n * n. */
export function matrixOf(c: PairwiseComparisons): Float64Array {
  const n = c.size;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = 1;
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const jd = c.judgments[k++] as Judgment;
      if (jd.favours === "first") {
        a[i * n + j] = jd.intensity;
        a[j * n + i] = 1 / jd.intensity;
      } else {
        a[i * n + j] = 1 / jd.intensity;
        a[j * n + i] = jd.intensity;
      }
    }
  }
  return a;
}

/** The full matrix as rows, for display and export. */
export function fullMatrix(c: PairwiseComparisons): number[][] {
  const a = matrixOf(c);
  const n = c.size;
  return Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, i * n + n)));
}

// ---------------------------------------------------------------------------------------------------------------
// Priorities

export interface EigenOptions {
  /** Stop when successive normalised iterates differ by less than this in every component. */
  tolerance?: number;
  maxIterations?: number;
}

export interface EigenResult {
  weights: number[];
  lambdaMax: number;
  iterations: number;
}

const DEFAULT_TOLERANCE = 1e-12;
/**
 * A positive matrix contracts the Hilbert projective metric by tanh(Δ/4) per step (Birkhoff–Hopf); on the 1–9
 * scale Δ <= ln 9^4, so about 1,100 steps reach 1e-12 in the worst case. The guard leaves room for the wider
 * ratios of aggregated or completed matrices and turns a runaway loop into an error value.
 */
const DEFAULT_MAX_ITERATIONS = 20_000;

/** Row geometric means normalised to sum 1 (the LLSM priorities; Crawford & Williams 1985). */
export function geometricMeanWeights(c: PairwiseComparisons): number[] {
  const n = c.size;
  const logSums = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const l = logRatioOf(c.judgments[k++] as Judgment);
      logSums[i] = (logSums[i] as number) + l;
      logSums[j] = (logSums[j] as number) - l;
    }
  }
  // Shift by the largest log so exp never overflows for extreme aggregated ratios.
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) top = Math.max(top, (logSums[i] as number) / n);
  const w = Array.from(logSums, (s) => Math.exp(s / n - top));
  return normalise(w);
}

function normalise(w: number[]): number[] {
  let sum = 0;
  for (const x of w) sum += x;
  return w.map((x) => x / sum);
}

/**
 * The principal right eigenvector by power iteration, started from the geometric-mean priorities (already close,
 * so a handful of steps usually suffice). n = 1 and n = 2 are solved exactly: every 2 x 2 reciprocal matrix is
 * consistent, with weights a/(1+a) and 1/(1+a).
 */
export function principalEigenvector(c: PairwiseComparisons, options: EigenOptions = {}): EigenResult {
  const n = c.size;
  assertSize(n);
  if (n === 1) return { weights: [1], lambdaMax: 1, iterations: 0 };
  if (n === 2) {
    const only = c.judgments[0] as Judgment;
    const favoured = only.intensity / (1 + only.intensity);
    const other = 1 / (1 + only.intensity);
    const weights = only.favours === "first" ? [favoured, other] : [other, favoured];
    return { weights, lambdaMax: 2, iterations: 0 };
  }
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const a = matrixOf(c);
  let x = Float64Array.from(geometricMeanWeights(c));
  let y = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) s += (a[row + j] as number) * (x[j] as number);
      y[i] = s;
      sum += s;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      const v = (y[i] as number) / sum;
      y[i] = v;
      delta = Math.max(delta, Math.abs(v - (x[i] as number)));
    }
    [x, y] = [y, x];
    if (delta < tolerance) {
      const weights = Array.from(x);
      return { weights, lambdaMax: c.size + inconsistencySum(c, weights) / n, iterations: iteration };
    }
  }
  throw new DomainError("AHP_NOT_CONVERGED", { size: n, iterations: maxIterations });
}

/**
 * Σ_{i<j} (ε_ij − 1)² / ε_ij with ε_ij = a_ij w_j / w_i. For the principal eigenvector n·λmax − n² equals this sum
 * (sum the rows of A w = λ w divided by w_i, and pair ε_ij with ε_ji = 1/ε_ij). Every term is >= 0, so λmax >= n
 * and CI >= 0 hold in floating point too, without subtracting two nearly equal numbers and without clamping.
 */
function inconsistencySum(c: PairwiseComparisons, w: readonly number[]): number {
  let total = 0;
  let k = 0;
  for (let i = 0; i < c.size; i++) {
    for (let j = i + 1; j < c.size; j++) {
      const e = (ratioOf(c.judgments[k++] as Judgment) * (w[j] as number)) / (w[i] as number);
      total += ((e - 1) * (e - 1)) / e;
    }
  }
  return total;
}

export interface PriorityAnalysis {
  size: number;
  /** Principal-eigenvector priorities, summing to 1. */
  weights: number[];
  /** Row-geometric-mean priorities, summing to 1. */
  geometricMeanWeights: number[];
  lambdaMax: number;
  consistencyIndex: number;
  randomIndexTable: RandomIndexTableName;
  randomIndex: number;
  /** CI / RI; defined as 0 for n <= 2, where every reciprocal matrix is consistent and RI = 0. */
  consistencyRatio: number;
  /** CR <= 0.10. */
  acceptable: boolean;
  iterations: number;
}

export interface AnalysisOptions extends EigenOptions {
  randomIndexTable?: RandomIndexTableName;
}

export function analyzeComparisons(c: PairwiseComparisons, options: AnalysisOptions = {}): PriorityAnalysis {
  const table = options.randomIndexTable ?? "saaty1980";
  const eigen = principalEigenvector(c, options);
  const n = c.size;
  const consistencyIndex = n <= 2 ? 0 : (eigen.lambdaMax - n) / (n - 1);
  const ri = randomIndex(n, table);
  const consistencyRatio = ri === 0 ? 0 : consistencyIndex / ri;
  return {
    size: n,
    weights: eigen.weights,
    geometricMeanWeights: geometricMeanWeights(c),
    lambdaMax: eigen.lambdaMax,
    consistencyIndex,
    randomIndexTable: table,
    randomIndex: ri,
    consistencyRatio,
    acceptable: consistencyRatio <= CONSISTENCY_RATIO_THRESHOLD,
    iterations: eigen.iterations,
  };
}

/**
 * Ideal-mode priorities (Saaty's rating / absolute measurement): the eigenvector divided by its largest entry,
 * so the best level is worth exactly 1 and adding a level never rescales the others' ratios.
 */
export function idealWeights(weights: readonly number[]): number[] {
  let top = 0;
  for (const w of weights) top = Math.max(top, w);
  return weights.map((w) => (w === top ? 1 : w / top));
}

/** The Saaty-scale judgment nearest to a ratio on the log scale (1/9 … 1 … 9). */
export function nearestSaatyJudgment(ratio: number): Judgment {
  const target = Math.log(ratio);
  let best = judgment(1);
  let bestDistance = Math.abs(target);
  for (const intensity of SAATY_INTENSITIES) {
    for (const favours of ["first", "second"] as const) {
      const candidate = judgment(intensity, favours);
      const distance = Math.abs(logRatioOf(candidate) - target);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/**
 * Judgments written by name, for hand-authored models: each entry [a, b, k] reads "a is k times as important as
 * b" (k = 1: equal). Every pair must appear exactly once, either way round.
 */
export function judgmentsByName(
  names: readonly string[],
  entries: readonly (readonly [string, string, number])[],
): Judgment[] {
  const n = names.length;
  const slots: (Judgment | undefined)[] = new Array(pairCount(n)).fill(undefined);
  for (const [a, b, intensity] of entries) {
    const i = names.indexOf(a);
    const j = names.indexOf(b);
    if (i < 0 || j < 0 || i === j)
      throw new DomainError("AHP_PAIR_INVALID", { first: a, second: b, size: n });
    const k = pairIndex(n, Math.min(i, j), Math.max(i, j));
    if (slots[k]) throw new DomainError("AHP_PAIR_DUPLICATE", { first: a, second: b });
    slots[k] = judgment(intensity, i < j ? "first" : "second");
  }
  return slots.map((s, k) => {
    if (s) return s;
    const [i, j] = pairsOf(n)[k] as [number, number];
    throw new DomainError("AHP_PAIR_MISSING", { first: names[i] as string, second: names[j] as string });
  });
}
