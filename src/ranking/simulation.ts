/**
 * The simulation officials never had (seed 003): change a judgment or a weight and see at once the new weights,
 * the consistency ratio, the ranking and who enters or leaves the selection. Built for 100,000 applicants in a
 * browser: level slots are encoded once, a change rebuilds only the C × 256 points table, scores are N × C table
 * look-ups into a reused buffer, and the new selection is a radix select of the top k — no full sort.
 */
import { DomainError } from "../i18n/domain-error.ts";
import { createComparisons, type Judgment, type PriorityAnalysis, withJudgment } from "./ahp.ts";
import { fillScoreKeys, type RankKeys, selectTop } from "./order.ts";
import {
  type CompiledRatingModel,
  criterionIndex,
  rescaledWeights,
  scoreEncoded,
  withCriteriaJudgments,
  withCriteriaWeights,
  withLevelJudgments,
} from "./rating.ts";
import { type ApplicantTable, eligibleIndices, type SelectionRules, selectionCapacity } from "./selection.ts";

export type WhatIfChange =
  /** One criteria judgment, the pair named by criterion codes ("first is k times as important as second"). */
  | { kind: "criteria-judgment"; first: string; second: string; judgment: Judgment }
  | { kind: "criteria-judgments"; judgments: readonly Judgment[] }
  | { kind: "level-judgments"; criterion: string; judgments: readonly Judgment[] }
  /** One weight set directly; the others keep their ratios (as in the sensitivity ranges). */
  | { kind: "weight"; criterion: string; weight: number }
  | { kind: "weights"; weights: readonly number[] };

export interface SimulationState {
  model: CompiledRatingModel;
  weights: readonly number[];
  /** The criteria comparison's analysis (unchanged by a direct weight override). */
  criteriaAnalysis: PriorityAnalysis;
  /** Selected table indices in rank order. */
  selected: Uint32Array;
  cutoffScore: number | null;
  /** Scores of every applicant; the buffer is reused by the next what-if. */
  scores: Float64Array;
}

export interface WhatIfResult extends SimulationState {
  /** Selected now but not in the baseline, in the new rank order. */
  entering: Uint32Array;
  /** Selected in the baseline but not now, in the baseline rank order. */
  leaving: Uint32Array;
}

export interface Simulation {
  table: ApplicantTable;
  rules: SelectionRules;
  capacity: number;
  baseline: SimulationState;
  /** Applies a change to `from` (default: the baseline model) and compares the outcome with the baseline. */
  whatIf(change: WhatIfChange, from?: CompiledRatingModel): WhatIfResult;
}

export function applyChange(model: CompiledRatingModel, change: WhatIfChange): CompiledRatingModel {
  switch (change.kind) {
    case "criteria-judgment": {
      const i = criterionIndex(model, change.first);
      const j = criterionIndex(model, change.second);
      const current = createComparisons(model.criteria.length, model.model.criteriaJudgments);
      return withCriteriaJudgments(model, withJudgment(current, i, j, change.judgment).judgments);
    }
    case "criteria-judgments":
      return withCriteriaJudgments(model, change.judgments);
    case "level-judgments":
      return withLevelJudgments(model, change.criterion, change.judgments);
    case "weight": {
      if (!Number.isFinite(change.weight) || change.weight < 0 || change.weight > 1) {
        throw new DomainError("RATING_WEIGHTS_INVALID", { expected: model.criteria.length });
      }
      return withCriteriaWeights(
        model,
        rescaledWeights(model.weights, criterionIndex(model, change.criterion), change.weight),
      );
    }
    case "weights":
      return withCriteriaWeights(model, change.weights);
  }
}

export function createSimulation(
  compiled: CompiledRatingModel,
  table: ApplicantTable,
  rules: SelectionRules,
): Simulation {
  if (table.criteriaCount !== compiled.criteria.length) {
    throw new DomainError("SELECTION_TABLE_MODEL_MISMATCH", {
      table: table.criteriaCount,
      model: compiled.criteria.length,
    });
  }
  const candidates = eligibleIndices(table);
  const { capacity } = selectionCapacity(rules, candidates.length);
  const keys: RankKeys = {
    score: new Uint32Array(table.count),
    birth: table.birth,
    registration: table.registration,
  };
  const scores = new Float64Array(table.count);

  const run = (model: CompiledRatingModel, into: Float64Array): SimulationState => {
    scoreEncoded(model, table.levels, into);
    fillScoreKeys(into, keys.score);
    const selected = selectTop(candidates, keys, capacity);
    const last = selected[selected.length - 1];
    return {
      model,
      weights: model.weights,
      criteriaAnalysis: model.criteriaAnalysis,
      selected,
      cutoffScore: last === undefined ? null : (into[last] as number),
      scores: into,
    };
  };

  const baseline = run(compiled, new Float64Array(table.count));
  const baselineMask = new Uint8Array(table.count);
  for (const i of baseline.selected) baselineMask[i] = 1;
  const mask = new Uint8Array(table.count);

  return {
    table,
    rules,
    capacity,
    baseline,
    whatIf(change, from = compiled) {
      const state = run(applyChange(from, change), scores);
      mask.fill(0);
      for (const i of state.selected) mask[i] = 1;
      const entering = state.selected.filter((i) => baselineMask[i] === 0);
      const leaving = baseline.selected.filter((i) => mask[i] === 0);
      return { ...state, entering, leaving };
    },
  };
}
