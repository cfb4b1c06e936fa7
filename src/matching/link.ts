/**
 * Batch linkage of whole lists: normalise → block → compare → train (u from random pairs, m by EM) → score →
 * cluster. Pure: the caller supplies records, a clock for stage timings and a progress callback.
 */
import {
  type BlockingRule,
  type CandidatePairs,
  DEFAULT_BLOCKING_RULES,
  generateCandidatePairs,
} from "./blocking.ts";
import { clusterRecords } from "./cluster.ts";
import { comparePair } from "./comparison-vector.ts";
import { factorPatternOf } from "./factors.ts";
import { FeatureTable } from "./features.ts";
import {
  buildModel,
  estimateU,
  expectationMaximisation,
  type MatchModel,
  nameAgreementProbability,
  probabilityOf,
  Scorer,
  type TrainingOptions,
  weightOf,
} from "./model.ts";
import { canonicalRanks } from "./order.ts";
import type { LinkageRecord } from "./types.ts";

export type LinkStage = "normalise" | "block" | "compare" | "train" | "score" | "cluster";

export interface LinkOptions extends Partial<TrainingOptions> {
  /**
   * Use these parameters (thresholds included) instead of training, e.g. the model of last period's run from
   * its summary.json; the training options are then ignored.
   */
  model?: MatchModel;
  rules?: readonly BlockingRule[];
  maxBlockSize?: number;
  /** Milliseconds, for per-stage timings; without it timings are 0. */
  now?: () => number;
  onProgress?: (stage: LinkStage, done: number, total: number) => void;
  /**
   * A coordinator's earlier decisions on pairs (from the review queue): "same person" joins the two records
   * whatever their score, "different people" keeps them — and the groups they end up in — apart.
   */
  decisions?: readonly PairDecision[];
}

export interface RecordKey {
  source: string;
  recordId: string;
}

export interface PairDecision {
  a: RecordKey;
  b: RecordKey;
  samePerson: boolean;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  seed: 20240601,
  randomPairs: 300_000,
  maxIterations: 60,
  matchThreshold: 0.9,
  reviewThreshold: 0.5,
  // A cross pair below -5 bits (under ~3 %) is "clearly different people"; chosen on the demo lists (F1 0.9995
  // at 100k vs 0.9986 without a guard and 0.9992 at 0 bits; BENCHMARKS.md, Overlap detection).
  guardWeight: -5,
};

export interface LinkResult {
  table: FeatureTable;
  rank: Int32Array;
  model: MatchModel;
  candidates: CandidatePairs;
  /** Pattern and match weight of every candidate pair (same order as candidates.a/b). */
  patterns: Uint32Array;
  weights: Float64Array;
  clusterOf: Int32Array;
  clusterCount: number;
  largestCluster: number;
  rejectedMerges: number;
  /**
   * Links at or above the match threshold that the chaining guard refused: candidate pair `pair` joined two
   * groups in which records conflictA and conflictB are clearly different people (weight conflictWeight). They
   * go to a coordinator's review with that reason instead of being dropped.
   */
  refusedLinks: RefusedMerge[];
  timings: Record<LinkStage, number>;
  scorer: Scorer;
}

export interface RefusedMerge {
  /** Index of the candidate pair (candidates.a/b, weights, patterns). */
  pair: number;
  conflictA: number;
  conflictB: number;
  conflictWeight: number;
}

export function comparePairsInline(
  table: FeatureTable,
  pairs: CandidatePairs,
  onProgress: (done: number, total: number) => void = () => {},
): Uint32Array {
  const patterns = new Uint32Array(pairs.count);
  const step = Math.max(1, Math.floor(pairs.count / 100));
  for (let k = 0; k < pairs.count; k++) {
    patterns[k] = comparePair(table, pairs.a[k] as number, pairs.b[k] as number);
    if (k % step === 0) onProgress(k, pairs.count);
  }
  onProgress(pairs.count, pairs.count);
  return patterns;
}

export function linkRecords(records: readonly LinkageRecord[], options: LinkOptions = {}): LinkResult {
  const now = options.now ?? (() => 0);
  const progress = options.onProgress ?? (() => {});
  const started = now();
  const table = new FeatureTable(records.length);
  const step = Math.max(1, Math.floor(records.length / 100));
  for (let i = 0; i < records.length; i++) {
    table.add(records[i] as LinkageRecord);
    if (i % step === 0) progress("normalise", i, records.length);
  }
  progress("normalise", records.length, records.length);
  const result = linkTable(table, options);
  result.timings.normalise = now() - started - totalOf(result.timings);
  return result;
}

const totalOf = (timings: Record<LinkStage, number>) =>
  Object.values(timings).reduce((sum, ms) => sum + ms, 0);

/**
 * Links the records already normalised into `table` (block → compare → train → score → cluster). Lets an
 * adapter fill the table while it is still reading input; `timings.normalise` is then left at 0.
 */
export function linkTable(table: FeatureTable, options: LinkOptions = {}): LinkResult {
  const now = options.now ?? (() => 0);
  const progress = options.onProgress ?? (() => {});
  const timings: Record<LinkStage, number> = {
    normalise: 0,
    block: 0,
    compare: 0,
    train: 0,
    score: 0,
    cluster: 0,
  };
  let mark = now();
  const lap = (stage: LinkStage) => {
    const t = now();
    timings[stage] = t - mark;
    mark = t;
  };

  const rank = canonicalRanks(table);
  const candidates = generateCandidatePairs(table, rank, {
    rules: options.rules ?? DEFAULT_BLOCKING_RULES,
    maxBlockSize: options.maxBlockSize,
    onProgress: (done, total) => progress("block", done, total),
  });
  lap("block");

  const patterns = comparePairsInline(table, candidates, (done, total) => progress("compare", done, total));
  lap("compare");

  let model = options.model;
  if (!model) {
    progress("train", 0, 1);
    model = trainModel(table, rank, candidates.count, patterns, options);
    progress("train", 1, 1);
  }
  lap("train");

  const scorer = new Scorer(model, table);
  const weights = new Float64Array(candidates.count);
  for (let k = 0; k < candidates.count; k++)
    weights[k] = scorer.weight(patterns[k] as number, candidates.a[k] as number, candidates.b[k] as number);
  lap("score");

  const { sameEdges, apart } = resolveDecisions(table, options.decisions ?? []);
  const pairKey = (x: number, y: number) => (x < y ? x * table.size + y : y * table.size + x);
  const matchWeight = weightOf(model.matchThreshold);
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  const edgeWeight: number[] = [];
  const edgePair: number[] = [];
  for (let k = 0; k < weights.length; k++) {
    const x = candidates.a[k] as number;
    const y = candidates.b[k] as number;
    if ((weights[k] as number) < matchWeight || (apart.size > 0 && apart.has(pairKey(x, y)))) continue;
    edgeA.push(x);
    edgeB.push(y);
    edgeWeight.push(weights[k] as number);
    edgePair.push(k);
  }
  // Decided "same person": taken first, before any scored link.
  for (const [x, y] of sameEdges) {
    edgeA.push(x);
    edgeB.push(y);
    edgeWeight.push(Number.POSITIVE_INFINITY);
  }
  // Never above the link threshold: a link between two single records is taken without asking the guard.
  const guardWeight = Math.min(model.guardWeight, matchWeight);
  const orientedWeight = (x: number, y: number) =>
    (rank[x] as number) > (rank[y] as number)
      ? scorer.weight(comparePair(table, y, x), y, x)
      : scorer.weight(comparePair(table, x, y), x, y);
  const clustering = clusterRecords({
    recordCount: table.size,
    rank,
    a: Int32Array.from(edgeA),
    b: Int32Array.from(edgeB),
    weight: Float64Array.from(edgeWeight),
    forbidden: (x, y) => apart.size > 0 && apart.has(pairKey(x, y)),
    compatible: (x, y) => {
      if (apart.size > 0 && apart.has(pairKey(x, y))) return false;
      // Same orientation as candidate pairs, so the weight is the one the pair would have had as a candidate.
      return orientedWeight(x, y) >= guardWeight;
    },
  });
  progress("cluster", 1, 1);
  lap("cluster");

  return {
    table,
    rank,
    model,
    candidates,
    patterns,
    weights,
    clusterOf: clustering.clusterOf,
    clusterCount: clustering.clusterCount,
    largestCluster: clustering.largestCluster,
    rejectedMerges: clustering.rejectedMerges,
    refusedLinks: clustering.refused.map((r) => ({
      pair: edgePair[r.edge] as number,
      conflictA: r.conflictX,
      conflictB: r.conflictY,
      conflictWeight: orientedWeight(r.conflictX, r.conflictY),
    })),
    timings,
    scorer,
  };
}

/** Decisions as record indices; decisions naming a record not in the table are ignored. */
function resolveDecisions(table: FeatureTable, decisions: readonly PairDecision[]) {
  const sameEdges: [number, number][] = [];
  const apart = new Set<number>();
  if (decisions.length === 0) return { sameEdges, apart };
  const indexOf = new Map<string, number>();
  for (let i = 0; i < table.size; i++) {
    const record = table.records[i] as LinkageRecord;
    indexOf.set(`${record.source}\u0000${record.recordId}`, i);
  }
  for (const decision of decisions) {
    const x = indexOf.get(`${decision.a.source}\u0000${decision.a.recordId}`);
    const y = indexOf.get(`${decision.b.source}\u0000${decision.b.recordId}`);
    if (x === undefined || y === undefined || x === y) continue;
    if (decision.samePerson) sameEdges.push([x, y]);
    else apart.add(x < y ? x * table.size + y : y * table.size + x);
  }
  return { sameEdges, apart };
}

/**
 * Trains the model from candidate-pair patterns: u from random pairs, then m and the match share by EM; the
 * prior is the expected number of matches over all possible pairs (blocking is assumed to keep nearly all).
 */
export function trainModel(
  table: FeatureTable,
  rank: Int32Array,
  candidateCount: number,
  patterns: Uint32Array,
  options: Partial<TrainingOptions> = {},
): MatchModel {
  const training = { ...DEFAULT_TRAINING, ...stripUndefined(options) };
  const byRank = new Int32Array(table.size);
  for (let i = 0; i < table.size; i++) byRank[rank[i] as number] = i;
  const u = estimateU(table, byRank, training.randomPairs, training.seed);
  const patternCounts = new Map<number, number>();
  for (let k = 0; k < patterns.length; k++) {
    const pattern = factorPatternOf(patterns[k] as number);
    patternCounts.set(pattern, (patternCounts.get(pattern) ?? 0) + 1);
  }
  const em = expectationMaximisation(patternCounts, u, training.maxIterations);
  const totalPairs = (table.size * (table.size - 1)) / 2;
  const expectedMatches = em.matchShare * candidateCount;
  const prior = Math.min(0.5, Math.max(1e-12, totalPairs > 0 ? expectedMatches / totalPairs : 1e-6));
  return buildModel(em.m, u, prior, nameAgreementProbability(table), training, {
    records: table.size,
    candidatePairs: candidateCount,
    randomPairs: training.randomPairs,
    emIterations: em.iterations,
    converged: em.converged,
    candidateMatchShare: em.matchShare,
  });
}

function stripUndefined(options: Partial<TrainingOptions>): Partial<TrainingOptions> {
  const out: Partial<TrainingOptions> = {};
  for (const key of [
    "seed",
    "randomPairs",
    "maxIterations",
    "matchThreshold",
    "reviewThreshold",
    "guardWeight",
  ] as const)
    if (options[key] !== undefined) out[key] = options[key];
  return out;
}

export { probabilityOf };
