import { type Caller, sees } from "../access/actor.ts";
import { conflict } from "../i18n/domain-error.ts";
import { type Ranking, visiblePeriod } from "./context.ts";
import { currentModel } from "./models.ts";
import { rankPeriod } from "./period-ranking.ts";
import { isSelected } from "./selection.ts";
import * as store from "./store.ts";

export interface PreviewApplicant {
  enrollmentId: string;
  name: string | null;
  villageCode: string;
  rank: number | null;
  score: number;
}

export interface IneligibleApplicant {
  enrollmentId: string;
  name: string | null;
  villageCode: string;
  status: string;
  reasons: { code: string; params: Record<string, string | number> }[];
}

/**
 * What "Jalankan seleksi" would change, computed without writing: who enters the list (validated now, selected
 * by this model), who leaves it (selected now, not any more), who is not eligible and why, and whether the quota
 * or the budget binds at all — when every eligible applicant fits, no change of weights changes the list.
 */
export async function previewSelection(ranking: Ranking, caller: Caller, periodId: string) {
  const { period, program } = await visiblePeriod(ranking.db, caller.actor, periodId);
  const model = await currentModel(ranking.db, program.id);
  const frozen = await store.frozenCount(ranking.db, period.id);
  if (frozen > 0) throw conflict("SELECTION_PERIOD_FROZEN", { count: frozen });
  const { applicants, selection, eligibility, rules, table } = await rankPeriod(
    ranking,
    ranking.db,
    program,
    period,
    model,
  );
  const entering: PreviewApplicant[] = [];
  const leaving: PreviewApplicant[] = [];
  const ineligible: IneligibleApplicant[] = [];
  let staying = 0;
  applicants.forEach((a, i) => {
    const name = sees(caller.actor, { code: a.villageCode, rt: a.rt }) ? a.name : null;
    const rank = (selection.rankOf[i] as number) || null;
    const row = {
      enrollmentId: a.enrollmentId,
      name,
      villageCode: a.villageCode,
      rank,
      score: selection.scores[i] as number,
    };
    const chosen = isSelected(selection, i);
    if (chosen && a.status !== "selected") entering.push(row);
    else if (!chosen && a.status === "selected") leaving.push(row);
    else if (chosen) staying++;
    if (table.eligible[i] === 1) return;
    const result = eligibility.get(a.enrollmentId);
    ineligible.push({
      enrollmentId: a.enrollmentId,
      name,
      villageCode: a.villageCode,
      status: a.status,
      // Not validated (yet): ranked only once the kecamatan has validated the application.
      reasons:
        result && !result.eligible
          ? result.results
              .filter((r) => !r.passed)
              .map((r) => ({ code: r.code, params: r.params as Record<string, string | number> }))
          : [{ code: "RANKING_NOT_VALIDATED", params: {} }],
    });
  });
  const byRank = (x: PreviewApplicant, y: PreviewApplicant) => (x.rank ?? 1e9) - (y.rank ?? 1e9);
  return {
    periodId: period.id,
    modelVersion: model.version,
    rules,
    applicantCount: applicants.length,
    eligibleCount: selection.eligibleCount,
    selectedCount: selection.selectedCount,
    limitedBy: selection.limitedBy,
    /** False when every eligible applicant is selected: the ranking decides nothing this period. */
    quotaBinding: selection.selectedCount < selection.eligibleCount,
    staying,
    entering: entering.sort(byRank),
    leaving: leaving.sort(byRank),
    ineligible,
  };
}
