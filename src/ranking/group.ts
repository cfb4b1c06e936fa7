/**
 * Group decisions: several judges (kepala desa, pendamping PKH, ketua RT …) compare the same elements. Their
 * judgments are aggregated pair by pair by the weighted geometric mean (AIJ — Forman & Peniwati 1998, the only
 * mean that keeps the aggregate reciprocal), gaps are completed, and agreement is measured with the AHP
 * consensus indicator of Goepel (AHP-OS; Goepel 2018, IJAHP 10(3), from Shannon alpha/beta entropy).
 */
import { DomainError } from "../i18n/domain-error.ts";
import {
  type AnalysisOptions,
  analyzeComparisons,
  createComparisons,
  type Judgment,
  judgment,
  judgmentFromRatio,
  logRatioOf,
  MAX_COMPARISON_SIZE,
  type PairwiseComparisons,
  type PriorityAnalysis,
  pairCount,
  pairsOf,
} from "./ahp.ts";

/** Upper-triangle judgments where a judge may leave pairs blank (null). */
export interface IncompleteComparisons {
  readonly size: number;
  readonly judgments: readonly (Judgment | null)[];
}

export type CompletionMethod = "llsm" | "harker";

export interface FilledJudgment {
  first: number;
  second: number;
  judgment: Judgment;
}

export interface Completion {
  comparisons: PairwiseComparisons;
  filled: FilledJudgment[];
}

function assertShape(c: IncompleteComparisons): void {
  if (!Number.isInteger(c.size) || c.size < 1 || c.size > MAX_COMPARISON_SIZE) {
    throw new DomainError("AHP_SIZE_OUT_OF_RANGE", { size: c.size, max: MAX_COMPARISON_SIZE });
  }
  if (c.judgments.length !== pairCount(c.size)) {
    throw new DomainError("AHP_JUDGMENT_COUNT_MISMATCH", {
      size: c.size,
      expected: pairCount(c.size),
      actual: c.judgments.length,
    });
  }
}

/** Connected groups of elements through the given judgments; completion needs exactly one. */
export function comparisonGroups(c: IncompleteComparisons): number[][] {
  const parent = Array.from({ length: c.size }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x] as number] as number;
    return x;
  };
  pairsOf(c.size).forEach(([i, j], k) => {
    if (c.judgments[k] != null) parent[find(i)] = find(j);
  });
  const groups = new Map<number, number[]>();
  for (let i = 0; i < c.size; i++) {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  }
  return [...groups.values()];
}

/**
 * Fills blank judgments. `llsm` (default): the logarithmic least-squares priorities of the incomplete matrix —
 * the graph-Laplacian system L·ln w = b of Kwiesielewicz (1996) and Bozóki, Fülöp & Rónyai (2010, "On optimal
 * completion of incomplete pairwise comparison matrices", Math. Comput. Modelling 52:318–333), unique when the
 * judged pairs connect all elements — then each gap gets w_i / w_j, which leaves those priorities unchanged and
 * equal to the row geometric means of the completed matrix. `harker`: Harker (1987, "Incomplete pairwise
 * comparisons in the AHP", Math. Modelling 9:837–848) — the eigenvector of the matrix with gaps set to 0 and the
 * diagonal raised by the number of gaps in the row; gaps get w_i / w_j, which makes w the principal eigenvector
 * of the completed matrix.
 */
export function completeComparisons(c: IncompleteComparisons, method: CompletionMethod = "llsm"): Completion {
  assertShape(c);
  const groups = comparisonGroups(c);
  if (groups.length > 1) {
    throw new DomainError("AHP_COMPARISONS_DISCONNECTED", {
      groups: groups.map((g) => `{${g.map((i) => i + 1).join(", ")}}`).join(" "),
    });
  }
  if (c.judgments.every((j) => j != null)) {
    return { comparisons: createComparisons(c.size, c.judgments as Judgment[]), filled: [] };
  }
  const w = method === "harker" ? harkerWeights(c) : llsmWeights(c);
  const filled: FilledJudgment[] = [];
  const judgments = pairsOf(c.size).map(([i, j], k) => {
    const given = c.judgments[k];
    if (given != null) return judgment(given.intensity, given.favours);
    const completed = judgmentFromRatio((w[i] as number) / (w[j] as number));
    filled.push({ first: i, second: j, judgment: completed });
    return completed;
  });
  return { comparisons: createComparisons(c.size, judgments), filled };
}

function llsmWeights(c: IncompleteComparisons): number[] {
  const n = c.size;
  // Normal equations Σ_{j~i} (y_i − y_j) = Σ_{j~i} ln a_ij with y = ln w; y_{n−1} fixed at 0 removes the
  // additive freedom and leaves a symmetric positive-definite system for a connected comparison graph.
  const m = n - 1;
  const lap = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  pairsOf(n).forEach(([i, j], k) => {
    const given = c.judgments[k];
    if (given == null) return;
    const l = logRatioOf(given);
    if (i < m) {
      lap[i * m + i] = (lap[i * m + i] as number) + 1;
      rhs[i] = (rhs[i] as number) + l;
    }
    if (j < m) {
      lap[j * m + j] = (lap[j * m + j] as number) + 1;
      rhs[j] = (rhs[j] as number) - l;
    }
    if (i < m && j < m) {
      lap[i * m + j] = (lap[i * m + j] as number) - 1;
      lap[j * m + i] = (lap[j * m + i] as number) - 1;
    }
  });
  const y = solveLinear(lap, rhs, m);
  const logs = [...y, 0];
  const top = Math.max(...logs);
  const w = logs.map((v) => Math.exp(v - top));
  const sum = w.reduce((s, v) => s + v, 0);
  return w.map((v) => v / sum);
}

/** Gaussian elimination with partial pivoting; m <= 14 here. */
function solveLinear(a: Float64Array, b: Float64Array, m: number): number[] {
  const x = Float64Array.from(b);
  const A = Float64Array.from(a);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) {
      if (Math.abs(A[r * m + col] as number) > Math.abs(A[pivot * m + col] as number)) pivot = r;
    }
    if (pivot !== col) {
      for (let k = 0; k < m; k++) {
        const t = A[col * m + k] as number;
        A[col * m + k] = A[pivot * m + k] as number;
        A[pivot * m + k] = t;
      }
      const t = x[col] as number;
      x[col] = x[pivot] as number;
      x[pivot] = t;
    }
    const p = A[col * m + col] as number;
    for (let r = col + 1; r < m; r++) {
      const f = (A[r * m + col] as number) / p;
      if (f === 0) continue;
      for (let k = col; k < m; k++) A[r * m + k] = (A[r * m + k] as number) - f * (A[col * m + k] as number);
      x[r] = (x[r] as number) - f * (x[col] as number);
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    let s = x[r] as number;
    for (let k = r + 1; k < m; k++) s -= (A[r * m + k] as number) * (x[k] as number);
    x[r] = s / (A[r * m + r] as number);
  }
  return Array.from(x);
}

function harkerWeights(c: IncompleteComparisons): number[] {
  const n = c.size;
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) b[i * n + i] = 1;
  pairsOf(n).forEach(([i, j], k) => {
    const given = c.judgments[k];
    if (given == null) {
      b[i * n + i] = (b[i * n + i] as number) + 1;
      b[j * n + j] = (b[j * n + j] as number) + 1;
      return;
    }
    const r = given.favours === "first" ? given.intensity : 1 / given.intensity;
    b[i * n + j] = r;
    b[j * n + i] = 1 / r;
  });
  // Non-negative, irreducible for a connected graph, positive diagonal: primitive, so power iteration converges.
  let x = new Float64Array(n).fill(1 / n);
  let y = new Float64Array(n);
  for (let iteration = 0; iteration < 100_000; iteration++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += (b[i * n + j] as number) * (x[j] as number);
      y[i] = s;
      sum += s;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      y[i] = (y[i] as number) / sum;
      delta = Math.max(delta, Math.abs((y[i] as number) - (x[i] as number)));
    }
    [x, y] = [y, x];
    if (delta < 1e-14) return Array.from(x);
  }
  throw new DomainError("AHP_NOT_CONVERGED", { size: n, iterations: 100_000 });
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation and consensus

export interface JudgeComparisons {
  /** Who judged (shown in the group table). */
  judge: string;
  /** Relative voting power; equal (1) unless the program sets it. */
  weight?: number;
  comparisons: IncompleteComparisons;
}

/**
 * Aggregation of individual judgments: per pair, the weighted geometric mean over the judges who answered it
 * (their weights renormalised among them); a pair nobody answered stays blank for completion.
 */
export function aggregateJudgments(judges: readonly JudgeComparisons[]): IncompleteComparisons {
  if (judges.length === 0) throw new DomainError("AHP_GROUP_EMPTY");
  const size = (judges[0] as JudgeComparisons).comparisons.size;
  for (const j of judges) {
    assertShape(j.comparisons);
    if (j.comparisons.size !== size) {
      throw new DomainError("AHP_GROUP_SIZE_MISMATCH", {
        judge: j.judge,
        size: j.comparisons.size,
        expected: size,
      });
    }
    const weight = j.weight ?? 1;
    if (!Number.isFinite(weight) || weight <= 0) {
      throw new DomainError("AHP_JUDGE_WEIGHT_INVALID", { judge: j.judge, weight: String(weight) });
    }
  }
  const judgments = Array.from({ length: pairCount(size) }, (_, k) => {
    let logSum = 0;
    let weightSum = 0;
    for (const j of judges) {
      const given = j.comparisons.judgments[k];
      if (given == null) continue;
      const weight = j.weight ?? 1;
      logSum += weight * logRatioOf(given);
      weightSum += weight;
    }
    if (weightSum === 0) return null;
    const mean = logSum / weightSum;
    return mean >= 0 ? judgment(Math.exp(mean), "first") : judgment(Math.exp(-mean), "second");
  });
  return { size, judgments };
}

export type ConsensusLevel = "very-low" | "low" | "moderate" | "high" | "very-high";

export interface Consensus {
  /** Goepel's relative homogeneity S*, 0 (no agreement) … 1 (identical priorities). */
  value: number;
  level: ConsensusLevel;
  alphaEntropy: number;
  betaEntropy: number;
  gammaEntropy: number;
}

function shannon(p: readonly number[]): number {
  let h = 0;
  for (const x of p) if (x > 0) h -= x * Math.log(x);
  return h;
}

/**
 * AHP consensus indicator S* of Goepel (AHP-OS, as implemented in its AhpGroup::getConsensus): with Hα the mean
 * Shannon entropy of the judges' priority vectors, Hγ the entropy of their mean and Hβ = Hγ − Hα,
 * S* = (e^−Hβ − e^Hα,min / n) / (1 − e^Hα,min / n), where Hα,min is the entropy of the most extreme vector the
 * 1..M scale allows (M/(n+M−1) once and 1/(n+M−1) n−1 times). Judges count equally, as in AHP-OS. Levels follow
 * the AHP-OS manual: <= 50 % very low, 50–65 low, 65–75 moderate, 75–85 high, > 85 very high.
 */
export function entropyConsensus(priorities: readonly (readonly number[])[], scaleMax = 9): Consensus | null {
  if (priorities.length < 2) return null;
  const n = (priorities[0] as readonly number[]).length;
  const k = priorities.length;
  const mean = new Array<number>(n).fill(0);
  let alpha = 0;
  for (const p of priorities) {
    alpha += shannon(p);
    p.forEach((x, i) => {
      mean[i] = (mean[i] as number) + x / k;
    });
  }
  alpha /= k;
  const gamma = shannon(mean);
  const beta = Math.max(0, gamma - alpha);
  const big = scaleMax / (n + scaleMax - 1);
  const small = 1 / (n + scaleMax - 1);
  const alphaMin = -big * Math.log(big) - (n - 1) * small * Math.log(small);
  const floor = Math.exp(alphaMin) / n;
  const value = (Math.exp(-beta) - floor) / (1 - floor);
  const level: ConsensusLevel =
    value <= 0.5
      ? "very-low"
      : value <= 0.65
        ? "low"
        : value <= 0.75
          ? "moderate"
          : value <= 0.85
            ? "high"
            : "very-high";
  return { value, level, alphaEntropy: alpha, betaEntropy: beta, gammaEntropy: gamma };
}

export interface GroupOptions extends AnalysisOptions {
  completion?: CompletionMethod;
}

export interface JudgeResult {
  judge: string;
  weight: number;
  /** Null when this judge's own answers do not connect all elements (they still count in the aggregate). */
  analysis: PriorityAnalysis | null;
  filled: FilledJudgment[];
}

export interface GroupDecision {
  /** The aggregated judgments, completed. */
  comparisons: PairwiseComparisons;
  /** Pairs that no judge answered, and the value completion gave them. */
  filled: FilledJudgment[];
  analysis: PriorityAnalysis;
  judges: JudgeResult[];
  consensus: Consensus | null;
}

export function groupDecision(
  judges: readonly JudgeComparisons[],
  options: GroupOptions = {},
): GroupDecision {
  const method = options.completion ?? "llsm";
  const aggregated = completeComparisons(aggregateJudgments(judges), method);
  const individual = judges.map((j): JudgeResult => {
    if (comparisonGroups(j.comparisons).length > 1) {
      return { judge: j.judge, weight: j.weight ?? 1, analysis: null, filled: [] };
    }
    const completed = completeComparisons(j.comparisons, method);
    return {
      judge: j.judge,
      weight: j.weight ?? 1,
      analysis: analyzeComparisons(completed.comparisons, options),
      filled: completed.filled,
    };
  });
  const complete = individual.flatMap((j) => (j.analysis ? [j.analysis.weights] : []));
  return {
    comparisons: aggregated.comparisons,
    filled: aggregated.filled,
    analysis: analyzeComparisons(aggregated.comparisons, options),
    judges: individual,
    consensus: entropyConsensus(complete),
  };
}
