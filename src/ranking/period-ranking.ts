/**
 * A period ranked with the program's current model: the applicants with their explanations (households outside
 * the caller's area ranked but not shown), one enrollment's place, and the compact table the browser re-ranks.
 */
import { type Actor, type Caller, sees } from "../access/actor.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type * as registryStore from "../registry/store.ts";
import type { EligibilityResult } from "../workflow/eligibility.ts";
import { evaluatePeriod } from "../workflow/service.ts";
import { type Ranking, visiblePeriod } from "./context.ts";
import { currentModel, type ResolvedModel } from "./models.ts";
import type { ApplicantSearch, RankingPage, SimulationTableView } from "./schemas.ts";
import {
  type ApplicantTable,
  buildApplicantTable,
  criterionSensitivity,
  explainHousehold,
  gapOnGrid,
  isSelected,
  type Selection,
  type SelectionRules,
  selectRecipients,
} from "./selection.ts";
import { RANKING_ENGINE_VERSION, TIE_BREAK } from "./snapshot.ts";
import * as store from "./store.ts";
import { encodeTable, uint16ToBase64 } from "./transfer.ts";
export interface PeriodRanking {
  programId: string;
  periodId: string;
  model: ResolvedModel;
  applicants: store.ApplicantRow[];
  /** The workflow's eligibility of each validated or selected applicant, evaluated again for this ranking. */
  eligibility: Map<string, EligibilityResult>;
  table: ApplicantTable;
  rules: SelectionRules;
  referenceDate: string;
  selection: Selection;
}

/**
 * Ages are taken on the period's first day: the same date for everyone, and no clock in the result. An applicant
 * is eligible when validated (or already selected) and the program's eligibility rules still hold — the
 * workflow's "evaluated again before selection", in bulk.
 */
export async function rankPeriod(
  ranking: Ranking,
  db: Executor,
  program: registryStore.ProgramRow,
  period: registryStore.PeriodRow,
  model?: ResolvedModel,
): Promise<PeriodRanking> {
  const resolved = model ?? (await currentModel(db, program.id));
  const applicants = await store.periodApplicants(db, period.id);
  const eligibility = await evaluatePeriod(ranking.workflow, db, period.id, ["validated", "selected"]);
  const referenceDate = period.startsOn;
  const table = buildApplicantTable(
    resolved.compiled,
    applicants.map((a) => ({
      id: a.enrollmentId,
      registrationNumber: a.registrationNumber,
      eligible:
        store.ELIGIBLE_STATUSES.includes(a.status) && eligibility.get(a.enrollmentId)?.eligible !== false,
      subject: {
        profile: {
          education: a.education,
          employment: a.employment,
          monthlyIncome: a.monthlyIncome,
          maritalStatus: a.maritalStatus,
          houseCondition: a.houseCondition,
          health: a.health,
          dependants: a.dependants,
          children: a.children,
          birthDate: a.birthDate,
        },
      },
    })),
    referenceDate,
  );
  const rules = {
    quota: program.quota,
    amountPerRecipient: program.amountPerRecipient,
    budget: program.budget,
  };
  const selection = selectRecipients(resolved.compiled, table, rules, referenceDate);
  return {
    programId: program.id,
    periodId: period.id,
    model: resolved,
    applicants,
    eligibility,
    table,
    rules,
    referenceDate,
    selection,
  };
}

function visibleIndices(actor: Actor, applicants: readonly store.ApplicantRow[]): number[] {
  const out: number[] = [];
  applicants.forEach((a, i) => {
    if (sees(actor, { code: a.villageCode, rt: a.rt })) out.push(i);
  });
  return out;
}

function summaryOf(ranking: PeriodRanking, visibleCount: number): RankingPage["summary"] {
  const { selection, model } = ranking;
  return {
    programId: ranking.programId,
    periodId: ranking.periodId,
    modelVersion: model.version,
    modelSha256: model.sha256,
    snapshotSha256: selection.snapshot.sha256,
    engineVersion: RANKING_ENGINE_VERSION,
    referenceDate: ranking.referenceDate,
    rules: ranking.rules,
    tieBreak: [...TIE_BREAK],
    applicantCount: ranking.table.count,
    eligibleCount: selection.eligibleCount,
    selectedCount: selection.selectedCount,
    limitedBy: selection.limitedBy,
    cutoffScore: selection.cutoffScore,
    totalAmount: selection.totalAmount,
    visibleCount,
    sensitivity: criterionSensitivity(model.compiled, ranking.table, selection).map((s) => ({
      criterion: s.criterion,
      weight: s.weight,
      lower: s.lower,
      upper: s.upper,
    })),
  };
}

function applicantItem(
  ranking: PeriodRanking,
  index: number,
  villageName: (code: string) => string,
): RankingPage["items"][number] {
  const a = ranking.applicants[index] as store.ApplicantRow;
  const e = explainHousehold(ranking.model.compiled, ranking.table, ranking.selection, index);
  return {
    enrollmentId: a.enrollmentId,
    personId: a.personId,
    name: a.name,
    villageCode: a.villageCode,
    villageName: villageName(a.villageCode),
    rt: a.rt,
    status: a.status,
    eligible: e.eligible,
    rank: e.rank,
    selected: e.selected,
    score: e.score,
    gapToCutoff: e.gapToCutoff,
    decidedByTieBreak: e.decidedByTieBreak,
    criteria: e.criteria.map((c) => ({
      criterion: c.criterion,
      level: c.level,
      unknown: c.unknown,
      levelValue: c.levelValue,
      weight: c.weight,
      points: c.points,
    })),
    unknownCriteria: e.unknownCriteria,
    failedRules: ranking.eligibility.get(a.enrollmentId)?.failedRules ?? [],
  };
}

/**
 * The period's applicants, scored and ranked regency-wide with the program's current model, the caller's
 * households shown with their explanation. `near-cutoff` orders by distance to the cut-off score: the households
 * a data error would move across it, to be re-verified in the field first.
 */
export async function rankedApplicants(
  ranking: Ranking,
  caller: Caller,
  periodId: string,
  search: ApplicantSearch,
): Promise<RankingPage> {
  const { period, program } = await visiblePeriod(ranking.db, caller.actor, periodId);
  const ranked = await rankPeriod(ranking, ranking.db, program, period);
  const { selection, applicants } = ranked;
  const visible = visibleIndices(caller.actor, applicants);
  const needle = search.q?.toLocaleLowerCase("id").replace(/\s+/g, " ");
  let rows = visible.filter((i) => {
    const a = applicants[i] as store.ApplicantRow;
    if (search.villageCode && a.villageCode !== search.villageCode) return false;
    if (needle && !a.name.toLocaleLowerCase("id").includes(needle)) return false;
    const rank = selection.rankOf[i] as number;
    switch (search.view) {
      case "selected":
        return isSelected(selection, i);
      case "not-selected":
        return rank > 0 && !isSelected(selection, i);
      case "ineligible":
        return rank === 0;
      case "near-cutoff":
        return rank > 0 && selection.cutoffScore !== null;
      default:
        return true;
    }
  });
  const rankKey = (i: number) => {
    const rank = selection.rankOf[i] as number;
    return rank > 0 ? rank : selection.eligibleCount + (ranked.table.registration[i] as number);
  };
  if (search.view === "near-cutoff" && selection.cutoffScore !== null) {
    const cutoff = selection.cutoffScore;
    const distance = (i: number) => Math.abs(gapOnGrid(selection.scores[i] as number, cutoff));
    rows = rows.sort((a, b) => distance(a) - distance(b) || rankKey(a) - rankKey(b));
  } else {
    rows = rows.sort((a, b) => rankKey(a) - rankKey(b));
  }
  const start = (search.page - 1) * search.pageSize;
  const villageName = (code: string) => ranking.regions.get(code)?.name ?? code;
  return {
    summary: summaryOf(ranked, visible.length),
    items: rows.slice(start, start + search.pageSize).map((i) => applicantItem(ranked, i, villageName)),
    total: rows.length,
    page: search.page,
    pageSize: search.pageSize,
  };
}

/** One enrollment's place in its period's ranking: the explanation a household that was not chosen is owed. */
export async function explainEnrollment(ranking: Ranking, caller: Caller, enrollmentId: string) {
  const periodId = await store.periodOfEnrollment(ranking.db, enrollmentId);
  if (!periodId) throw new DomainError("RANKING_ENROLLMENT_NOT_RANKED", { id: enrollmentId }, 404);
  const { period, program } = await visiblePeriod(ranking.db, caller.actor, periodId);
  const ranked = await rankPeriod(ranking, ranking.db, program, period);
  const index = ranked.applicants.findIndex((a) => a.enrollmentId === enrollmentId);
  const applicant = ranked.applicants[index];
  if (!applicant || !sees(caller.actor, { code: applicant.villageCode, rt: applicant.rt })) {
    throw new DomainError("RANKING_ENROLLMENT_NOT_RANKED", { id: enrollmentId }, 404);
  }
  const villageName = (code: string) => ranking.regions.get(code)?.name ?? code;
  return { summary: summaryOf(ranked, 1), applicant: applicantItem(ranked, index, villageName) };
}

/**
 * The whole applicant table for the browser simulation. The ranking is regency-wide, so every applicant is in
 * it; names only for the caller's own area.
 */
export async function simulationTable(
  ranking: Ranking,
  caller: Caller,
  periodId: string,
): Promise<SimulationTableView> {
  const { period, program } = await visiblePeriod(ranking.db, caller.actor, periodId);
  const ranked = await rankPeriod(ranking, ranking.db, program, period);
  const villages: { code: string; name: string }[] = [];
  const villageIndex = new Map<string, number>();
  const village = new Uint16Array(ranked.applicants.length);
  ranked.applicants.forEach((a, i) => {
    let at = villageIndex.get(a.villageCode);
    if (at === undefined) {
      at = villages.length;
      villageIndex.set(a.villageCode, at);
      villages.push({ code: a.villageCode, name: ranking.regions.get(a.villageCode)?.name ?? a.villageCode });
    }
    village[i] = at;
  });
  return {
    programId: program.id,
    periodId: period.id,
    modelVersion: ranked.model.version,
    modelSha256: ranked.model.sha256,
    model: ranked.model.model,
    referenceDate: ranked.referenceDate,
    rules: ranked.rules,
    enrollmentIds: [...ranked.table.ids],
    names: ranked.applicants.map((a) =>
      sees(caller.actor, { code: a.villageCode, rt: a.rt }) ? a.name : null,
    ),
    villages,
    village: uint16ToBase64(village),
    ...encodeTable(ranked.table),
  };
}
