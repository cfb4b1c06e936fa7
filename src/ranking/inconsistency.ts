/**
 * Help for an inconsistent comparison (CR > 0.10): which single judgment, changed, lowers CR the most, and to
 * what. For every pair the 17 values of Saaty's scale are tried in its place and the one giving the lowest CR is
 * proposed; the value implied by the current priorities, w_i / w_j (Saaty 2003, "Decision-making with the AHP:
 * why is the principal eigenvector necessary", EJOR 145:85–91; also AHP-OS), is reported beside it.
 */
import {
  type AnalysisOptions,
  analyzeComparisons,
  CONSISTENCY_RATIO_THRESHOLD,
  type Judgment,
  judgment,
  nearestSaatyJudgment,
  type PairwiseComparisons,
  pairsOf,
  ratioOf,
  SAATY_INTENSITIES,
  withJudgment,
} from "./ahp.ts";

export interface InconsistencyHint {
  /** Element indices of the pair, first < second. */
  first: number;
  second: number;
  current: Judgment;
  /** ε = a_ij w_j / w_i folded to >= 1: how many times the judgment disagrees with the priorities. */
  deviation: number;
  /**
   * a_ij that agrees with the current priorities, w_i / w_j, its nearest value on Saaty's scale, and the CR
   * with that value put in.
   */
  consistentRatio: number;
  consistentJudgment: Judgment;
  consistentJudgmentConsistencyRatio: number;
  /** The Saaty-scale value that, replacing this judgment alone, gives the lowest CR; and that CR. */
  suggested: Judgment;
  resultingConsistencyRatio: number;
}

export interface InconsistencyReport {
  consistencyRatio: number;
  acceptable: boolean;
  /** Best first; empty when CR is acceptable (unless `always`) or no single change lowers CR. */
  hints: InconsistencyHint[];
}

export interface InconsistencyOptions extends AnalysisOptions {
  /** How many hints to return (default 3, as AHP-OS shows). */
  limit?: number;
  /** Compute hints even when CR <= 0.10 (for the simulation screen). */
  always?: boolean;
}

const SCALE: readonly Judgment[] = SAATY_INTENSITIES.flatMap((k) =>
  k === 1 ? [judgment(1)] : [judgment(k, "first"), judgment(k, "second")],
);

function sameJudgment(a: Judgment, b: Judgment): boolean {
  return a.intensity === b.intensity && a.favours === b.favours;
}

export function inconsistencyHints(
  c: PairwiseComparisons,
  options: InconsistencyOptions = {},
): InconsistencyReport {
  const base = analyzeComparisons(c, options);
  const report: InconsistencyReport = {
    consistencyRatio: base.consistencyRatio,
    acceptable: base.consistencyRatio <= CONSISTENCY_RATIO_THRESHOLD,
    hints: [],
  };
  if (c.size <= 2 || (report.acceptable && !options.always)) return report;
  const w = base.weights;
  const hints: InconsistencyHint[] = [];
  pairsOf(c.size).forEach(([i, j], k) => {
    const current = c.judgments[k] as Judgment;
    const consistentRatio = (w[i] as number) / (w[j] as number);
    const e = ratioOf(current) / consistentRatio;
    const consistentJudgment = nearestSaatyJudgment(consistentRatio);
    let suggested = current;
    let resulting = base.consistencyRatio;
    let consistentCr = base.consistencyRatio;
    for (const candidate of SCALE) {
      if (sameJudgment(candidate, current)) continue;
      const cr = analyzeComparisons(withJudgment(c, i, j, candidate), options).consistencyRatio;
      if (sameJudgment(candidate, consistentJudgment)) consistentCr = cr;
      if (cr < resulting) {
        resulting = cr;
        suggested = candidate;
      }
    }
    if (sameJudgment(suggested, current)) return;
    hints.push({
      first: i,
      second: j,
      current,
      deviation: e >= 1 ? e : 1 / e,
      consistentRatio,
      consistentJudgment,
      consistentJudgmentConsistencyRatio: consistentCr,
      suggested,
      resultingConsistencyRatio: resulting,
    });
  });
  hints.sort(
    (a, b) => a.resultingConsistencyRatio - b.resultingConsistencyRatio || b.deviation - a.deviation,
  );
  report.hints = hints.slice(0, options.limit ?? 3);
  return report;
}
