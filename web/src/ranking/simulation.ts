/**
 * The page's use of the ranking engine, apart from React: the applicant table decoded once, the program's model
 * compiled once, then every edit a what-if on the prepared simulation (points table rebuilt, N × C look-ups,
 * radix select of the top k). Whatever is slower — the full order past the cut-off, sensitivity, the
 * households nearest the cut-off — is computed only when asked for, off the path of a redraw.
 */
import { type Judgment, judgment, pairsOf } from "../../../src/ranking/ahp.ts";
import { type InconsistencyReport, inconsistencyHints } from "../../../src/ranking/inconsistency.ts";
import { fillScoreKeys, sortByRank } from "../../../src/ranking/order.ts";
import {
  type CompiledRatingModel,
  compileRatingModel,
  type RatingModel,
  withCriteriaJudgments,
} from "../../../src/ranking/rating.ts";
import type { SimulationTableView } from "../../../src/ranking/schemas.ts";
import {
  type ApplicantTable,
  type CriterionSensitivity,
  criterionSensitivity,
  eligibleIndices,
  type NearCutoffHousehold,
  nearCutoff,
  selectRecipients,
} from "../../../src/ranking/selection.ts";
import { createSimulation, type Simulation, type WhatIfResult } from "../../../src/ranking/simulation.ts";
import { base64ToUint16, decodeTable } from "../../../src/ranking/transfer.ts";

export interface PreparedSimulation {
  view: SimulationTableView;
  model: RatingModel;
  table: ApplicantTable;
  base: CompiledRatingModel;
  simulation: Simulation;
  /** 1-based rank of each applicant under the program's model; 0 when not eligible. */
  baselineRank: Uint32Array;
  /** Index into view.villages per applicant. */
  village: Uint16Array;
}

export function prepareSimulation(view: SimulationTableView): PreparedSimulation {
  const model = view.model as RatingModel;
  const table = decodeTable(view, view.enrollmentIds);
  const base = compileRatingModel(model);
  const simulation = createSimulation(base, table, view.rules);
  const baseline = selectRecipients(base, table, view.rules, view.referenceDate);
  return {
    view,
    model,
    table,
    base,
    simulation,
    baselineRank: baseline.rankOf,
    village: base64ToUint16(view.village),
  };
}

/** What the officer has changed: the criteria judgments, and possibly weights set directly over them. */
export interface Draft {
  judgments: readonly Judgment[];
  weights: readonly number[] | null;
}

export function initialDraft(prepared: PreparedSimulation): Draft {
  return { judgments: prepared.model.criteriaJudgments, weights: null };
}

export function sameJudgments(a: readonly Judgment[], b: readonly Judgment[]): boolean {
  return (
    a.length === b.length && a.every((j, k) => j.intensity === b[k]?.intensity && j.favours === b[k]?.favours)
  );
}

export function isPristine(prepared: PreparedSimulation, draft: Draft): boolean {
  return draft.weights === null && sameJudgments(draft.judgments, prepared.model.criteriaJudgments);
}

/** The draft applied to the prepared simulation: new weights, CR, the top k, who enters and who leaves. */
export function runDraft(prepared: PreparedSimulation, draft: Draft): WhatIfResult {
  const { simulation, base, model } = prepared;
  const judged = sameJudgments(draft.judgments, model.criteriaJudgments);
  if (draft.weights) {
    const from = judged ? base : withCriteriaJudgments(base, draft.judgments);
    return simulation.whatIf({ kind: "weights", weights: draft.weights }, from);
  }
  return simulation.whatIf({ kind: "criteria-judgments", judgments: draft.judgments });
}

/** Every eligible applicant in rank order under the result's scores, for pages past the selected. */
export function fullOrder(prepared: PreparedSimulation, result: WhatIfResult): Uint32Array {
  const { table } = prepared;
  const keys = {
    score: fillScoreKeys(result.scores, new Uint32Array(table.count)),
    birth: table.birth,
    registration: table.registration,
  };
  return sortByRank(eligibleIndices(table), keys);
}

export interface DraftAnalysis {
  sensitivity: CriterionSensitivity[];
  near: NearCutoffHousehold[];
}

/** Sensitivity per criterion and the households nearest the cut-off, for the model a result was computed with. */
export function analyseModel(prepared: PreparedSimulation, model: CompiledRatingModel): DraftAnalysis {
  const { table, view } = prepared;
  const selection = selectRecipients(model, table, view.rules, view.referenceDate);
  return {
    sensitivity: criterionSensitivity(model, table, selection),
    near: nearCutoff(table, selection, 15),
  };
}

export function consistencyReport(model: RatingModel, judgments: readonly Judgment[]): InconsistencyReport {
  return inconsistencyHints(
    { size: model.criteria.length, judgments },
    { randomIndexTable: model.randomIndexTable, limit: 3 },
  );
}

/** The judgments with pair (i, j) replaced. */
export function withPairJudgment(
  size: number,
  judgments: readonly Judgment[],
  i: number,
  j: number,
  next: Judgment,
): Judgment[] {
  const out = judgments.slice();
  const k = pairsOf(size).findIndex(([a, b]) => a === i && b === j);
  if (k >= 0) out[k] = judgment(next.intensity, next.favours);
  return out;
}
