/**
 * The Fellegi–Sunter model: for every factor level (see factors.ts), m = P(level | same person) and
 * u = P(level | different people). u comes from random pairs (almost all of which are different people); m and
 * the share of matches are estimated by expectation–maximisation over the candidate pairs, so no labelled data
 * is needed.
 */

import { NAME } from "./compare.ts";
import { comparePair, decodePattern } from "./comparison-vector.ts";
import {
  decodeFactorPattern,
  FACTOR_COUNT,
  FACTOR_LEVEL_COUNTS,
  FACTOR_LEVELS,
  factorLevelsOf,
  MODEL_FACTORS,
  type ModelFactor,
} from "./factors.ts";
import type { FeatureTable } from "./features.ts";
import { seededGenerator } from "./prng.ts";
import { COMPARED_FIELDS, FIELD_COUNT, FIELD_LEVELS } from "./types.ts";

export interface LevelParameters {
  level: string;
  m: number;
  u: number;
  /** log2(m/u): the evidence this level adds to a pair's match weight; 0 for "missing". */
  weight: number;
}

export interface FactorParameters {
  factor: ModelFactor;
  levels: LevelParameters[];
}

export interface MatchModel {
  factors: FactorParameters[];
  /** Probability that two records drawn at random are the same person: the prior every pair starts from. */
  priorMatchProbability: number;
  /**
   * Probability that two random records share a name sound (Σ f²). With a name's own frequency f it gives the
   * term-frequency adjustment log2(Σf² / f): agreeing on a common name is weaker evidence than on a rare one.
   */
  nameAgreementProbability: number;
  /** Pairs at or above this probability are linked. */
  matchThreshold: number;
  /** Pairs at or above this (and below matchThreshold) go to a coordinator's review queue. */
  reviewThreshold: number;
  /**
   * Chaining guard: two groups are merged into one person only if every cross pair has at least this match
   * weight, so A~B and B~C never join A and C when A and C are clearly different people.
   */
  guardWeight: number;
  training: {
    records: number;
    candidatePairs: number;
    randomPairs: number;
    emIterations: number;
    converged: boolean;
    /** Estimated share of candidate pairs that are the same person. */
    candidateMatchShare: number;
  };
}

export interface TrainingOptions {
  seed: number;
  randomPairs: number;
  maxIterations: number;
  matchThreshold: number;
  reviewThreshold: number;
  guardWeight: number;
}

const NIK_FIELD = COMPARED_FIELDS.indexOf("nik");
const NAME_FIELD = COMPARED_FIELDS.indexOf("name");
const BIRTH_FIELD = COMPARED_FIELDS.indexOf("birth_date");
const ADDRESS_FIELD = COMPARED_FIELDS.indexOf("address");
const KK_FIELD = COMPARED_FIELDS.indexOf("kk");
const PHONE_FIELD = COMPARED_FIELDS.indexOf("phone");
const OTHER_ID_FIELD = COMPARED_FIELDS.indexOf("other_id");

/**
 * A random pair that agrees exactly on two or more strong fields is almost surely the same person. Counting it
 * would put true matches into u, and in a small list (or one full of duplicates) that caps every factor's
 * weight at what its own matches contribute: such pairs are left out of u.
 */
export function likelyMatch(fieldLevels: ArrayLike<number>): boolean {
  let strong = 0;
  if (fieldLevels[NIK_FIELD] === 1) strong++;
  const name = fieldLevels[NAME_FIELD] as number;
  if (name === 1 || name === 2) strong++;
  if (fieldLevels[BIRTH_FIELD] === 1) strong++;
  if (fieldLevels[OTHER_ID_FIELD] === 1) strong++;
  // One household signal at most: members of a family share KK, phone and address without being one person.
  if (fieldLevels[ADDRESS_FIELD] === 1 || fieldLevels[KK_FIELD] === 1 || fieldLevels[PHONE_FIELD] === 1)
    strong++;
  return strong >= 2;
}

/**
 * u per factor level from `samples` random pairs, drawn in canonical-rank space so that the sample — and so the
 * model — does not depend on input order. Each level gets half a pair of pseudo-count: a level never seen in a
 * sample is rare, not impossible.
 */
export function estimateU(table: FeatureTable, order: Int32Array, samples: number, seed: number): number[][] {
  const counts = FACTOR_LEVEL_COUNTS.map((k) => new Float64Array(k));
  const n = table.size;
  const next = seededGenerator(seed);
  const fieldLevels = new Uint8Array(FIELD_COUNT);
  const levels = new Uint8Array(FACTOR_COUNT);
  let drawn = 0;
  for (let s = 0; s < samples * 4 && drawn < samples && n > 1; s++) {
    const x = next() % n;
    const y = next() % n;
    if (x === y) continue;
    const a = order[Math.min(x, y)] as number;
    const b = order[Math.max(x, y)] as number;
    decodePattern(comparePair(table, a, b), fieldLevels);
    if (likelyMatch(fieldLevels)) continue;
    factorLevelsOf(fieldLevels, levels);
    for (let f = 0; f < FACTOR_COUNT; f++) {
      const perLevel = counts[f] as Float64Array;
      const level = levels[f] as number;
      perLevel[level] = (perLevel[level] as number) + 1;
    }
    drawn++;
  }
  return counts.map((c) => {
    const present = c.reduce((sum, v, k) => (k === 0 ? sum : sum + v), 0);
    const u = [1];
    for (let k = 1; k < c.length; k++) u.push(((c[k] as number) + 0.5) / (present + 0.5 * (c.length - 1)));
    return u;
  });
}

/** Starting m for a single field: most of the mass on agreement, decreasing with each weaker level. */
function decreasingM(levelCount: number): number[] {
  const m = [1];
  let total = 0;
  for (let k = 1; k < levelCount; k++) total += 4 ** -(k - 1);
  for (let k = 1; k < levelCount; k++) m.push(4 ** -(k - 1) / total);
  return m;
}

/**
 * Starting m of a factor. The NIK × birth date factor starts from the product of the two fields' own starting
 * m (each missing one time in ten), so that EM begins near "both agree" rather than at whichever combined level
 * happens to come first.
 */
function initialM(factor: ModelFactor): number[] {
  const levels = FACTOR_LEVELS[factor].length;
  if (factor !== "nik_birth_date") return decreasingM(levels);
  const nik = decreasingM(FIELD_LEVELS.nik.length);
  const birth = decreasingM(FIELD_LEVELS.birth_date.length);
  const share = (m: number[], level: number) => (level === 0 ? 0.1 : 0.9 * (m[level] as number));
  const joint = [1];
  let total = 0;
  for (let k = 1; k < levels; k++) {
    const value = share(nik, Math.floor(k / birth.length)) * share(birth, k % birth.length);
    joint.push(value);
    total += value;
  }
  return joint.map((value, k) => (k === 0 ? 1 : value / total));
}

/**
 * No level is impossible for the same person: even if none of the candidate matches shows it, 1 in 1000 might
 * (people move village, clerks swap sexes). Without a floor one unseen level would veto any pair by 20 bits.
 */
const M_FLOOR = 1e-3;

export interface EmResult {
  m: number[][];
  /** u among the candidate pairs' non-matches (differs from random-pair u: blocking selects agreeing pairs). */
  candidateU: number[][];
  matchShare: number;
  iterations: number;
  converged: boolean;
}

/**
 * EM over distinct comparison patterns with their counts: far fewer patterns than pairs, and iterating them in
 * sorted order keeps the estimate bit-identical for any input order. Both m and the candidate pairs' own u are
 * estimated (holding u at its random-pair value lets EM explain blocked non-matches, which agree on the
 * blocking fields far more often than random pairs, as matches and collapse to "everything matches").
 */
export function expectationMaximisation(
  patternCounts: Map<number, number>,
  u: number[][],
  maxIterations: number,
): EmResult {
  const patterns = [...patternCounts.keys()].sort((x, y) => x - y);
  const p = patterns.length;
  const levels = new Uint8Array(p * FACTOR_COUNT);
  const counts = new Float64Array(p);
  const scratch = new Uint8Array(FACTOR_COUNT);
  patterns.forEach((pattern, i) => {
    decodeFactorPattern(pattern, scratch);
    levels.set(scratch, i * FACTOR_COUNT);
    counts[i] = patternCounts.get(pattern) ?? 0;
  });
  let m = MODEL_FACTORS.map(initialM);
  let cu = u.map((perLevel) => [...perLevel]);
  let matchShare = 0.3;
  let iterations = 0;
  let converged = false;
  const normalise = (perLevel: Float64Array) => {
    let present = 0;
    for (let k = 1; k < perLevel.length; k++) present += perLevel[k] as number;
    const next = [1];
    for (let k = 1; k < perLevel.length; k++)
      next.push(
        Math.max(M_FLOOR, present > 0 ? (perLevel[k] as number) / present : 1 / (perLevel.length - 1)),
      );
    return next;
  };
  while (iterations < maxIterations && !converged) {
    iterations++;
    const matchMass = FACTOR_LEVEL_COUNTS.map((k) => new Float64Array(k));
    const otherMass = FACTOR_LEVEL_COUNTS.map((k) => new Float64Array(k));
    let totalMatch = 0;
    let total = 0;
    for (let i = 0; i < p; i++) {
      // Likelihood ratio in log space: products of small numbers underflow for the weakest patterns.
      let logRatio = Math.log(matchShare / (1 - matchShare));
      for (let f = 0; f < FACTOR_COUNT; f++) {
        const level = levels[i * FACTOR_COUNT + f] as number;
        if (level === 0) continue;
        logRatio +=
          Math.log((m[f] as number[])[level] as number) - Math.log((cu[f] as number[])[level] as number);
      }
      const posterior = logRatio > 40 ? 1 : logRatio < -40 ? 0 : 1 / (1 + Math.exp(-logRatio));
      const count = counts[i] as number;
      const weighted = posterior * count;
      totalMatch += weighted;
      total += count;
      for (let f = 0; f < FACTOR_COUNT; f++) {
        const level = levels[i * FACTOR_COUNT + f] as number;
        const mm = matchMass[f] as Float64Array;
        const om = otherMass[f] as Float64Array;
        mm[level] = (mm[level] as number) + weighted;
        om[level] = (om[level] as number) + count - weighted;
      }
    }
    const nextM = matchMass.map(normalise);
    const nextU = otherMass.map(normalise);
    const nextShare = Math.min(0.999, Math.max(1e-9, total > 0 ? totalMatch / total : 0.1));
    let change = Math.abs(nextShare - matchShare);
    for (let f = 0; f < FACTOR_COUNT; f++)
      for (let k = 1; k < (FACTOR_LEVEL_COUNTS[f] as number); k++)
        change = Math.max(
          change,
          Math.abs(((nextM[f] as number[])[k] as number) - ((m[f] as number[])[k] as number)),
          Math.abs(((nextU[f] as number[])[k] as number) - ((cu[f] as number[])[k] as number)),
        );
    m = nextM;
    cu = nextU;
    matchShare = nextShare;
    converged = change < 1e-6;
  }
  return { m, candidateU: cu, matchShare, iterations, converged };
}

export function buildModel(
  m: number[][],
  u: number[][],
  priorMatchProbability: number,
  nameAgreementProbability: number,
  options: Pick<TrainingOptions, "matchThreshold" | "reviewThreshold" | "guardWeight">,
  training: MatchModel["training"],
): MatchModel {
  return {
    factors: MODEL_FACTORS.map((factor, f) => ({
      factor,
      levels: FACTOR_LEVELS[factor].map((level, k) => {
        const mk = k === 0 ? 1 : ((m[f] as number[])[k] as number);
        const uk = k === 0 ? 1 : ((u[f] as number[])[k] as number);
        return { level, m: mk, u: uk, weight: k === 0 ? 0 : Math.log2(mk / uk) };
      }),
    })),
    priorMatchProbability,
    nameAgreementProbability,
    matchThreshold: options.matchThreshold,
    reviewThreshold: options.reviewThreshold,
    guardWeight: options.guardWeight,
    training,
  };
}

/** Σ f² over name sounds in the table: the chance two random records share a name sound. */
export function nameAgreementProbability(table: FeatureTable): number {
  const counts = table.nameKeyCount;
  let named = 0;
  let squares = 0;
  for (let id = 0; id < counts.length; id++) {
    const c = counts.data[id] as number;
    named += c;
    squares += c * c;
  }
  return named > 0 ? squares / (named * named) : 1;
}

const NAME_FACTOR = MODEL_FACTORS.indexOf("name");

// A single name's frequency can move the weight by at most this many bits either way.
const TF_LIMIT = 10;

/** Turns a model into fast lookups: weight of a pattern, term-frequency adjustment, probability. */
export class Scorer {
  private readonly weights: Float64Array[];
  readonly priorWeight: number;
  private readonly fieldLevels = new Uint8Array(FIELD_COUNT);
  private readonly factorLevels = new Uint8Array(FACTOR_COUNT);

  constructor(
    readonly model: MatchModel,
    private readonly table: FeatureTable,
  ) {
    this.weights = MODEL_FACTORS.map((factor) => {
      const trained = model.factors.find((f) => f.factor === factor);
      if (!trained || trained.levels.length !== FACTOR_LEVELS[factor].length)
        throw new Error(`model has no parameters for factor ${factor}`);
      return Float64Array.from(trained.levels.map((l) => l.weight));
    });
    const prior = model.priorMatchProbability;
    this.priorWeight = Math.log2(prior / (1 - prior));
  }

  /** Match weight (log2 odds) of records i and j given their pattern: prior + factor evidence + name rarity. */
  weight(pattern: number, i: number, j: number): number {
    const levels = factorLevelsOf(decodePattern(pattern, this.fieldLevels), this.factorLevels);
    let weight = this.priorWeight;
    for (let f = 0; f < FACTOR_COUNT; f++)
      weight += (this.weights[f] as Float64Array)[levels[f] as number] as number;
    const name = levels[NAME_FACTOR] as number;
    if (name === NAME.exact || name === NAME.phonetic) weight += this.termFrequencyAdjustment(i, j);
    return weight;
  }

  termFrequencyAdjustment(i: number, j: number): number {
    const a = this.table.name[i];
    const b = this.table.name[j];
    if (!a || !b) return 0;
    const frequency =
      Math.max(this.table.nameFrequency(a), this.table.nameFrequency(b)) /
      Math.max(1, this.table.countedRecords);
    const adjustment = Math.log2(this.model.nameAgreementProbability / frequency);
    return Math.max(-TF_LIMIT, Math.min(TF_LIMIT, adjustment));
  }

  factorWeight(factor: number, level: number): number {
    return (this.weights[factor] as Float64Array)[level] as number;
  }
}

export const probabilityOf = (weight: number): number => 1 / (1 + 2 ** -weight);
export const weightOf = (probability: number): number => Math.log2(probability / (1 - probability));
