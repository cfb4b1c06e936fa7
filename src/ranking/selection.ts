/**
 * Selection of recipients: rank the eligible applicants of a program and period by score and take as many as
 * both the quota and the budget allow (every recipient gets the same integer-rupiah amount). Tie-break, in order:
 * higher score (on a 1e-9 grid), older household head, lower registration number. Every selection carries the
 * hashed model snapshot, each household's explanation, and per-criterion sensitivity.
 */
import { DomainError } from "../i18n/domain-error.ts";
import { birthKey, fillScoreKeys, type RankKeys, SCORE_SCALE, scoreKey, sortByRank } from "./order.ts";
import {
  type CompiledRatingModel,
  encodeSubjects,
  explainSlots,
  type HouseholdScore,
  LEVEL_SLOTS,
  parseCalendarDate,
  type RatingSubject,
  requireReferenceDate,
  scoreEncoded,
} from "./rating.ts";
import { type ModelSnapshot, modelSnapshot } from "./snapshot.ts";

export interface Applicant {
  id: string;
  /** Sequence number given at registration (0 … 2^32−1); the last tie-break. */
  registrationNumber: number;
  /** Passed the program's eligibility checks (verification, overlap, documents); only eligible ones are ranked. */
  eligible: boolean;
  /** The household head's profile; the head's birth date is the second tie-break. */
  subject: RatingSubject;
}

/** Applicants as columns: what scoring, ranking and the simulation work on. */
export interface ApplicantTable {
  count: number;
  criteriaCount: number;
  ids: readonly string[];
  /** Level slots, row-major (applicant × criterion). */
  levels: Uint8Array;
  birth: Uint32Array;
  registration: Uint32Array;
  eligible: Uint8Array;
}

export function buildApplicantTable(
  compiled: CompiledRatingModel,
  applicants: readonly Applicant[],
  referenceDate: string,
): ApplicantTable {
  const count = applicants.length;
  const birth = new Uint32Array(count);
  const registration = new Uint32Array(count);
  const eligible = new Uint8Array(count);
  const subjects = new Array<RatingSubject>(count);
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const a = applicants[i] as Applicant;
    const r = a.registrationNumber;
    if (!Number.isInteger(r) || r < 0 || r > 0xffffffff) {
      throw new DomainError("SELECTION_REGISTRATION_NUMBER_INVALID", { id: a.id, value: String(r) });
    }
    ids[i] = a.id;
    subjects[i] = a.subject;
    registration[i] = r;
    eligible[i] = a.eligible ? 1 : 0;
    birth[i] = birthKey(parseCalendarDate(a.subject.profile.birthDate));
  }
  return {
    count,
    criteriaCount: compiled.criteria.length,
    ids,
    levels: encodeSubjects(compiled, subjects, referenceDate),
    birth,
    registration,
    eligible,
  };
}

export interface SelectionRules {
  /** Maximum number of recipients (kuota). */
  quota: number;
  /** Amount each recipient receives, whole rupiah. */
  amountPerRecipient: number;
  /** Total budget (pagu), whole rupiah. */
  budget: number;
}

export type SelectionLimit = "quota" | "budget" | "applicants";

export function validateRules(rules: SelectionRules): void {
  const ok =
    Number.isSafeInteger(rules.quota) &&
    rules.quota >= 0 &&
    Number.isSafeInteger(rules.amountPerRecipient) &&
    rules.amountPerRecipient > 0 &&
    Number.isSafeInteger(rules.budget) &&
    rules.budget >= 0;
  if (!ok) {
    throw new DomainError("SELECTION_RULES_INVALID", {
      quota: String(rules.quota),
      amount: String(rules.amountPerRecipient),
      budget: String(rules.budget),
    });
  }
}

/** How many can be selected, and which constraint binds. */
export function selectionCapacity(
  rules: SelectionRules,
  eligibleCount: number,
): { capacity: number; limitedBy: SelectionLimit } {
  validateRules(rules);
  const affordable = Math.floor(rules.budget / rules.amountPerRecipient);
  const limit = Math.min(rules.quota, affordable);
  if (eligibleCount < limit) return { capacity: eligibleCount, limitedBy: "applicants" };
  return { capacity: limit, limitedBy: rules.quota <= affordable ? "quota" : "budget" };
}

export function rankKeysOf(table: ApplicantTable, scores: Float64Array, scoreKeys?: Uint32Array): RankKeys {
  return {
    score: fillScoreKeys(scores, scoreKeys ?? new Uint32Array(table.count)),
    birth: table.birth,
    registration: table.registration,
  };
}

export function eligibleIndices(table: ApplicantTable): Uint32Array {
  let n = 0;
  for (let i = 0; i < table.count; i++) n += table.eligible[i] as number;
  const out = new Uint32Array(n);
  for (let i = 0, k = 0; i < table.count; i++) if (table.eligible[i]) out[k++] = i;
  return out;
}

export interface Selection {
  referenceDate: string;
  rules: SelectionRules;
  capacity: number;
  limitedBy: SelectionLimit;
  eligibleCount: number;
  /** Eligible applicants in rank order (table indices); the first `selectedCount` are selected. */
  order: Uint32Array;
  selectedCount: number;
  /** 1-based rank per table index; 0 for an ineligible applicant. */
  rankOf: Uint32Array;
  scores: Float64Array;
  /** Score of the last selected household; null when nobody is selected. */
  cutoffScore: number | null;
  totalAmount: number;
  snapshot: ModelSnapshot;
}

export function selectRecipients(
  compiled: CompiledRatingModel,
  table: ApplicantTable,
  rules: SelectionRules,
  referenceDate: string,
): Selection {
  requireReferenceDate(referenceDate);
  if (table.criteriaCount !== compiled.criteria.length) {
    throw new DomainError("SELECTION_TABLE_MODEL_MISMATCH", {
      table: table.criteriaCount,
      model: compiled.criteria.length,
    });
  }
  const scores = scoreEncoded(compiled, table.levels);
  const order = sortByRank(eligibleIndices(table), rankKeysOf(table, scores));
  const { capacity, limitedBy } = selectionCapacity(rules, order.length);
  const rankOf = new Uint32Array(table.count);
  for (let r = 0; r < order.length; r++) rankOf[order[r] as number] = r + 1;
  return {
    referenceDate,
    rules,
    capacity,
    limitedBy,
    eligibleCount: order.length,
    order,
    selectedCount: capacity,
    rankOf,
    scores,
    cutoffScore: capacity > 0 ? (scores[order[capacity - 1] as number] as number) : null,
    totalAmount: capacity * rules.amountPerRecipient,
    snapshot: modelSnapshot(compiled),
  };
}

export function isSelected(selection: Selection, index: number): boolean {
  const rank = selection.rankOf[index] as number;
  return rank > 0 && rank <= selection.selectedCount;
}

export function selectedIds(table: ApplicantTable, selection: Selection): string[] {
  return Array.from(selection.order.subarray(0, selection.selectedCount), (i) => table.ids[i] as string);
}

// ---------------------------------------------------------------------------------------------------------------
// Explanation

export interface HouseholdExplanation extends HouseholdScore {
  id: string;
  eligible: boolean;
  /** 1-based rank among eligible applicants; null when not eligible. */
  rank: number | null;
  selected: boolean;
  cutoffScore: number | null;
  /**
   * score − cut-off score on the 1e-9 grid that ranking compares: the margin above the cut-off (>= 0 for every
   * selected household) or how far short (< 0); 0 when the tie-break decided.
   */
  gapToCutoff: number | null;
  /** Same score as the cut-off on the 1e-9 grid: the head's age, then registration order, decided. */
  decidedByTieBreak: boolean;
}

export function explainHousehold(
  compiled: CompiledRatingModel,
  table: ApplicantTable,
  selection: Selection,
  index: number,
): HouseholdExplanation {
  if (!Number.isInteger(index) || index < 0 || index >= table.count) {
    throw new DomainError("SELECTION_APPLICANT_UNKNOWN", { index });
  }
  const width = table.criteriaCount;
  const score = explainSlots(compiled, table.levels.subarray(index * width, index * width + width));
  const rank = selection.rankOf[index] as number;
  const cutoff = selection.cutoffScore;
  const gap = cutoff === null || rank === 0 ? null : gapOnGrid(score.score, cutoff);
  return {
    ...score,
    id: table.ids[index] as string,
    eligible: table.eligible[index] === 1,
    rank: rank === 0 ? null : rank,
    selected: isSelected(selection, index),
    cutoffScore: cutoff,
    gapToCutoff: gap,
    decidedByTieBreak: gap === 0,
  };
}

/** Difference of two scores as ranking sees it: on the 1e-9 grid, so a tie is exactly 0. */
export function gapOnGrid(score: number, cutoff: number): number {
  return (scoreKey(cutoff) - scoreKey(score)) / SCORE_SCALE;
}

export interface NearCutoffHousehold {
  index: number;
  id: string;
  rank: number;
  score: number;
  gapToCutoff: number;
  selected: boolean;
}

/**
 * The households closest to the cut-off on either side — where a data error changes the outcome — nearest first,
 * for field re-verification before the sanggah.
 */
export function nearCutoff(table: ApplicantTable, selection: Selection, perSide = 10): NearCutoffHousehold[] {
  if (selection.cutoffScore === null) return [];
  const cutoff = selection.cutoffScore;
  const from = Math.max(0, selection.selectedCount - perSide);
  const to = Math.min(selection.order.length, selection.selectedCount + perSide);
  const out: NearCutoffHousehold[] = [];
  for (let r = from; r < to; r++) {
    const index = selection.order[r] as number;
    const score = selection.scores[index] as number;
    out.push({
      index,
      id: table.ids[index] as string,
      rank: r + 1,
      score,
      gapToCutoff: gapOnGrid(score, cutoff),
      selected: r < selection.selectedCount,
    });
  }
  return out.sort((a, b) => Math.abs(a.gapToCutoff) - Math.abs(b.gapToCutoff) || a.rank - b.rank);
}

// ---------------------------------------------------------------------------------------------------------------
// Sensitivity

export interface CriterionSensitivity {
  criterion: string;
  weight: number;
  /**
   * The weight range, others rescaled proportionally, within which the selected set stays the same; the bounds
   * are where the first household would swap (ties at the bound are settled by the tie-break). Null when the
   * question has no meaning (a single criterion).
   */
  lower: number | null;
  upper: number | null;
  /** The households that would swap first at each bound (table indices), when the bound is inside [0, 1]. */
  atLower: { entering: number; leaving: number } | null;
  atUpper: { entering: number; leaving: number } | null;
}

interface Envelope {
  gap: number;
  /** One-sided derivatives of gap = min over selected − max over not selected. */
  slopeLeft: number;
  slopeRight: number;
  leaving: number;
  entering: number;
}

/**
 * For criterion c with weight w, household i scores s_i(t) = t·v_i + (1 − t)·R_i/(1 − w) when c's weight is set
 * to t and the others are rescaled (R_i = s_i − w·v_i). The selection holds while
 * g(t) = min_{selected} s_i(t) − max_{others} s_j(t) >= 0; g is concave and piecewise linear, so each bound is
 * found exactly by Newton steps taken from the far end of [0, 1] — a tangent of a concave function lies above it,
 * so every step lands on the infeasible side and the steps end on the bound.
 */
export function criterionSensitivity(
  compiled: CompiledRatingModel,
  table: ApplicantTable,
  selection: Selection,
): CriterionSensitivity[] {
  const width = table.criteriaCount;
  const selected = selection.order.subarray(0, selection.selectedCount);
  const others = selection.order.subarray(selection.selectedCount);
  return compiled.criteria.map((criterion, c): CriterionSensitivity => {
    const w = compiled.weights[c] as number;
    const base: CriterionSensitivity = {
      criterion: criterion.code,
      weight: w,
      lower: 0,
      upper: 1,
      atLower: null,
      atUpper: null,
    };
    if (width === 1 || w >= 1) return { ...base, lower: null, upper: null };
    if (selected.length === 0 || others.length === 0) return base;
    const lineOf = (index: number): [number, number] => {
      const v = compiled.values[c * LEVEL_SLOTS + (table.levels[index * width + c] as number)] as number;
      const rest = ((selection.scores[index] as number) - w * v) / (1 - w);
      return [rest, v - rest];
    };
    const selectedLines = linesOf(selected, lineOf);
    const otherLines = linesOf(others, lineOf);
    const at = (t: number) => envelope(selectedLines, otherLines, selected, others, t);
    const upper = findBound(at, w, 1);
    const lower = findBound(at, w, 0);
    return {
      ...base,
      lower: lower.bound,
      upper: upper.bound,
      atLower: lower.swap,
      atUpper: upper.swap,
    };
  });
}

function linesOf(indices: Uint32Array, lineOf: (index: number) => [number, number]): Float64Array {
  const lines = new Float64Array(indices.length * 2);
  for (let k = 0; k < indices.length; k++) {
    const [intercept, slope] = lineOf(indices[k] as number);
    lines[2 * k] = intercept;
    lines[2 * k + 1] = slope;
  }
  return lines;
}

function envelope(
  selectedLines: Float64Array,
  otherLines: Float64Array,
  selected: Uint32Array,
  others: Uint32Array,
  t: number,
): Envelope {
  let min = Number.POSITIVE_INFINITY;
  let minSlopeHigh = 0;
  let minSlopeLow = 0;
  let leaving = 0;
  for (let k = 0; k < selected.length; k++) {
    const slope = selectedLines[2 * k + 1] as number;
    const value = (selectedLines[2 * k] as number) + slope * t;
    if (value < min) {
      min = value;
      minSlopeHigh = minSlopeLow = slope;
      leaving = selected[k] as number;
    } else if (value === min) {
      minSlopeHigh = Math.max(minSlopeHigh, slope);
      minSlopeLow = Math.min(minSlopeLow, slope);
    }
  }
  let max = Number.NEGATIVE_INFINITY;
  let maxSlopeHigh = 0;
  let maxSlopeLow = 0;
  let entering = 0;
  for (let k = 0; k < others.length; k++) {
    const slope = otherLines[2 * k + 1] as number;
    const value = (otherLines[2 * k] as number) + slope * t;
    if (value > max) {
      max = value;
      maxSlopeHigh = maxSlopeLow = slope;
      entering = others[k] as number;
    } else if (value === max) {
      maxSlopeHigh = Math.max(maxSlopeHigh, slope);
      maxSlopeLow = Math.min(maxSlopeLow, slope);
    }
  }
  // Going left the steepest selected line becomes the minimum and the flattest other line the maximum.
  return {
    gap: min - max,
    slopeLeft: minSlopeHigh - maxSlopeLow,
    slopeRight: minSlopeLow - maxSlopeHigh,
    leaving,
    entering,
  };
}

function findBound(
  at: (t: number) => Envelope,
  start: number,
  end: 0 | 1,
): { bound: number; swap: { entering: number; leaving: number } | null } {
  let t: number = end;
  let e = at(t);
  if (e.gap >= 0) return { bound: end, swap: null };
  const tolerance = 1e-13;
  for (let step = 0; step < 200; step++) {
    const slope = end === 1 ? e.slopeLeft : e.slopeRight;
    const next = t - e.gap / slope;
    const inside = end === 1 ? next < t && next >= start : next > t && next <= start;
    if (!(slope !== 0 && Number.isFinite(next) && inside)) break;
    t = next;
    e = at(t);
    if (e.gap >= -tolerance) return { bound: t, swap: { entering: e.entering, leaving: e.leaving } };
  }
  // Numerical stall (near-parallel lines): bisect between the feasible start and the infeasible point.
  let good = start;
  let bad: number = t;
  while (Math.abs(bad - good) > 1e-14) {
    const mid = (good + bad) / 2;
    if (at(mid).gap >= 0) good = mid;
    else bad = mid;
  }
  const last = at(bad);
  return { bound: good, swap: { entering: last.entering, leaving: last.leaving } };
}
