/**
 * Ranking's use cases around the pure engine: a program's rating model as versioned data (with group
 * judgments), the ranked applicants of a period with their explanations, the compact table the browser
 * simulation re-ranks, and selection runs — hashed snapshots that mark the chosen enrollments "selected".
 * Every use case takes the caller: another agency's program is invisible (404) and households outside the
 * caller's area are ranked but not shown.
 */
import canonicalize from "canonicalize";
import { type Actor, auditActor, type Caller, sees, seesAgency } from "../access/actor.ts";
import { performDuty } from "../access/service.ts";
import type { AuditLog } from "../audit/log.ts";
import type { Database, Executor } from "../db/index.ts";
import { conflict, DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import * as registryStore from "../registry/store.ts";
import type { Salur } from "../runtime.ts";
import type { EligibilityResult } from "../workflow/eligibility.ts";
import { applyTransitions, evaluatePeriod, type Workflow } from "../workflow/service.ts";
import { type Judgment, pairCount } from "./ahp.ts";
import { SEED_003_MODEL } from "./defaults.ts";
import { groupDecision } from "./group.ts";
import { inconsistencyHints } from "./inconsistency.ts";
import { type CompiledRatingModel, compileRatingModel, type RatingModel } from "./rating.ts";
import type {
  ApplicantSearch,
  JudgeInput,
  ModelInput,
  ModelView,
  RankingPage,
  SelectionRunView,
  SimulationTableView,
} from "./schemas.ts";
import {
  type ApplicantTable,
  buildApplicantTable,
  criterionSensitivity,
  explainHousehold,
  gapOnGrid,
  isSelected,
  type Selection,
  type SelectionRules,
  selectedIds,
  selectRecipients,
} from "./selection.ts";
import {
  inputsDigest,
  reproduceSelectionRun,
  type SelectionRunFacts,
  selectionRunSha256,
} from "./selection-run.ts";
import { sha256Hex } from "./sha256.ts";
import { RANKING_ENGINE_VERSION, TIE_BREAK } from "./snapshot.ts";
import * as store from "./store.ts";
import { encodeTable, uint16ToBase64 } from "./transfer.ts";

export interface Ranking {
  db: Database;
  audit: AuditLog;
  regions: { get(code: string): { code: string; name: string } | undefined };
  /** The enrollment workflow: eligibility before selection, and the select/deselect transitions. */
  workflow: Workflow;
}

export function rankingOf(salur: Pick<Salur, "database" | "audit" | "regions" | "registry">): Ranking {
  return { db: salur.database.db, audit: salur.audit, regions: salur.regions, workflow: salur.registry };
}

/** The model a program uses before it has one of its own. */
export const DEFAULT_MODEL: RatingModel = SEED_003_MODEL;

// Programs and periods the caller may see ----------------------------------------------------------------

async function visibleProgram(db: Executor, actor: Actor, programId: string) {
  const program = await registryStore.getProgram(db, programId);
  if (!program || !seesAgency(actor, program.agencyId)) {
    throw new DomainError("PROGRAM_NOT_FOUND", { id: programId }, 404);
  }
  return program;
}

async function visiblePeriod(db: Executor, actor: Actor, periodId: string) {
  const period = await registryStore.getPeriod(db, periodId);
  const program = period ? await registryStore.getProgram(db, period.programId) : null;
  if (!period || !program || !seesAgency(actor, program.agencyId)) {
    throw new DomainError("PERIOD_NOT_FOUND", { id: periodId }, 404);
  }
  return { period, program };
}

// Models -------------------------------------------------------------------------------------------------

interface ResolvedModel {
  row: store.RatingModelRow | null;
  version: number;
  model: RatingModel;
  judges: JudgeInput[];
  sha256: string;
  compiled: CompiledRatingModel;
}

export function modelSha256(model: RatingModel, judges: readonly JudgeInput[]): string {
  return sha256Hex(canonicalize({ model, judges }) as string);
}

function resolve(row: store.RatingModelRow | null): ResolvedModel {
  const model = row?.model ?? DEFAULT_MODEL;
  const judges = row?.judges ?? [];
  return {
    row,
    version: row?.version ?? 0,
    model,
    judges,
    sha256: row?.sha256 ?? modelSha256(model, judges),
    compiled: compileRatingModel(model),
  };
}

async function currentModel(db: Executor, programId: string): Promise<ResolvedModel> {
  return resolve(await store.latestModel(db, programId));
}

/** The criteria judgments as the group's aggregate: geometric mean per pair, gaps completed (LLSM). */
function aggregateJudges(model: RatingModel, judges: readonly JudgeInput[]) {
  const size = model.criteria.length;
  const needed = pairCount(size);
  const issues = judges.flatMap((j, i) =>
    j.judgments.length === needed
      ? []
      : [
          {
            field: `judges[${i}].judgments`,
            code: "RATING_JUDGE_JUDGMENT_COUNT",
            params: { judge: j.judge, actual: j.judgments.length, expected: size, needed },
          },
        ],
  );
  if (issues.length > 0) throw new ValidationFailed(issues);
  return groupDecision(
    judges.map((j) => ({ judge: j.judge, weight: j.weight, comparisons: { size, judgments: j.judgments } })),
    { randomIndexTable: model.randomIndexTable },
  );
}

function modelView(programId: string, resolved: ResolvedModel): ModelView {
  const { compiled, model } = resolved;
  const analysis = compiled.criteriaAnalysis;
  const codes = model.criteria.map((c) => c.code);
  const report = inconsistencyHints(
    { size: codes.length, judgments: model.criteriaJudgments },
    { randomIndexTable: model.randomIndexTable },
  );
  const group = resolved.judges.length > 0 ? aggregateJudges(model, resolved.judges) : null;
  return {
    programId,
    version: resolved.version,
    source: resolved.row ? "stored" : "default",
    model,
    judges: resolved.judges,
    sha256: resolved.sha256,
    reason: resolved.row?.reason ?? null,
    createdAt: resolved.row?.createdAt.toISOString() ?? null,
    createdBy: resolved.row?.createdByName ?? null,
    analysis: {
      weights: [...compiled.weights],
      geometricMeanWeights: analysis.geometricMeanWeights,
      lambdaMax: analysis.lambdaMax,
      consistencyIndex: analysis.consistencyIndex,
      consistencyRatio: analysis.consistencyRatio,
      randomIndexTable: analysis.randomIndexTable,
      randomIndex: analysis.randomIndex,
      acceptable: analysis.acceptable,
    },
    criteria: compiled.criteria.map((c, i) => ({
      code: c.code,
      label: c.label,
      weight: compiled.weights[i] as number,
      levelConsistencyRatio: c.levelAnalysis.consistencyRatio,
      levels: c.levels.map((l, j) => ({ code: l.code, label: l.label, value: c.levelValues[j] as number })),
    })),
    hints: report.hints.map((h) => ({
      first: codes[h.first] as string,
      second: codes[h.second] as string,
      current: h.current,
      suggested: h.suggested,
      resultingConsistencyRatio: h.resultingConsistencyRatio,
    })),
    group: group && {
      consensus: group.consensus && { value: group.consensus.value, level: group.consensus.level },
      judges: group.judges.map((j) => ({
        judge: j.judge,
        weight: j.weight,
        consistencyRatio: j.analysis?.consistencyRatio ?? null,
      })),
      filled: group.filled.map((f) => ({
        first: codes[f.first] as string,
        second: codes[f.second] as string,
        judgment: f.judgment,
      })),
    },
  };
}

export async function getProgramModel(
  ranking: Ranking,
  caller: Caller,
  programId: string,
): Promise<ModelView> {
  await visibleProgram(ranking.db, caller.actor, programId);
  return modelView(programId, await currentModel(ranking.db, programId));
}

export async function listModelVersions(ranking: Ranking, caller: Caller, programId: string) {
  await visibleProgram(ranking.db, caller.actor, programId);
  const rows = await store.modelVersions(ranking.db, programId);
  return rows.map((r) => ({
    version: r.version,
    sha256: r.sha256,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdByName,
  }));
}

function modelAuditRecord(resolved: ResolvedModel) {
  return {
    version: resolved.version,
    sha256: resolved.sha256,
    weights: resolved.compiled.weights
      .map((w, i) => [resolved.model.criteria[i]?.code ?? "", w] as [string, number])
      .map(([code, w]) => `${code}=${w.toFixed(6)}`),
    consistencyRatio: resolved.compiled.criteriaAnalysis.consistencyRatio,
  };
}

async function insertModelVersion(
  ranking: Ranking,
  tx: Executor,
  caller: Caller,
  programId: string,
  previous: ResolvedModel,
  model: RatingModel,
  judges: JudgeInput[],
  reason: string | null,
): Promise<ResolvedModel> {
  const sha256 = modelSha256(model, judges);
  const row = await store.insertModel(tx, {
    programId,
    version: previous.version + 1,
    model,
    judges,
    sha256,
    reason,
    createdById: caller.actor.userId,
    createdByName: caller.actor.name,
  });
  const saved = resolve(row);
  await ranking.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: previous.row ? "rating_model.update" : "rating_model.create",
    entity: "rating_model",
    entityId: programId,
    area: null,
    before: previous.row ? modelAuditRecord(previous) : null,
    after: modelAuditRecord(saved),
    reason,
    requestId: caller.requestId,
  });
  return saved;
}

/**
 * Saves a new version of the program's model. With judges, the criteria judgments are their aggregate. The
 * editor's base version must still be the latest: two officers editing at once cannot overwrite each other.
 */
export async function saveProgramModel(
  ranking: Ranking,
  caller: Caller,
  programId: string,
  input: ModelInput,
): Promise<ModelView> {
  await visibleProgram(ranking.db, caller.actor, programId);
  let model = input.model as RatingModel;
  const judges = input.judges ?? [];
  if (judges.length > 0) {
    model = {
      ...model,
      criteriaJudgments: aggregateJudges(model, judges).comparisons.judgments as Judgment[],
    };
  }
  compileRatingModel(model);
  const saved = await ranking.db.transaction(async (tx) => {
    await store.lockKey(tx, `rating-model:${programId}`);
    const previous = await currentModel(tx, programId);
    if (previous.version !== input.baseVersion) {
      throw conflict("RATING_MODEL_VERSION_CONFLICT", {
        expected: input.baseVersion,
        actual: previous.version,
      });
    }
    return insertModelVersion(ranking, tx, caller, programId, previous, model, judges, input.reason ?? null);
  });
  return modelView(programId, saved);
}

// Ranking a period ---------------------------------------------------------------------------------------

interface PeriodRanking {
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
async function rankPeriod(
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

// Selection runs -----------------------------------------------------------------------------------------

function runView(row: store.SelectionRunRow): SelectionRunView {
  return {
    id: row.id,
    programId: row.programId,
    periodId: row.periodId,
    runNumber: row.runNumber,
    modelVersion: row.modelVersion,
    engineVersion: row.engineVersion,
    snapshotSha256: row.snapshotSha256,
    inputsSha256: row.inputsSha256,
    sha256: row.sha256,
    referenceDate: row.referenceDate,
    rules: row.rules,
    applicantCount: row.applicantCount,
    eligibleCount: row.eligibleCount,
    selectedCount: row.selectedCount,
    limitedBy: row.limitedBy,
    cutoffScore: row.cutoffScore,
    totalAmount: row.totalAmount,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName,
  };
}

/**
 * Ranks the period with the program's current model and records the outcome as a numbered, hashed run, in one
 * transaction: the run, every applicant's engine input and result, the status of the enrollments ("selected",
 * or back to "validated" when an earlier run chose them), the proposer's maker-checker duty and the audit
 * entries. Refused once the period's list has been published.
 */
export async function runSelection(
  ranking: Ranking,
  caller: Caller,
  periodId: string,
  input: { modelVersion: number; reason?: string | null | undefined },
): Promise<SelectionRunView> {
  const { period, program } = await visiblePeriod(ranking.db, caller.actor, periodId);
  return ranking.db.transaction(async (tx) => {
    await store.lockKey(tx, `selection:${period.id}`);
    const frozen = await store.frozenCount(tx, period.id);
    if (frozen > 0) throw conflict("SELECTION_PERIOD_FROZEN", { count: frozen });
    await store.lockKey(tx, `rating-model:${program.id}`);
    let model = await currentModel(tx, program.id);
    if (model.version !== input.modelVersion) {
      throw conflict("RATING_MODEL_VERSION_CONFLICT", {
        expected: input.modelVersion,
        actual: model.version,
      });
    }
    // A run must cite a stored model: the default is saved as the program's version 1 the first time.
    if (!model.row) {
      model = await insertModelVersion(ranking, tx, caller, program.id, model, model.model, [], null);
    }
    const ranked = await rankPeriod(ranking, tx, program, period, model);
    const { selection, table, applicants } = ranked;
    const runNumber = await store.nextRunNumber(tx, period.id);
    const chosen = selectedIds(table, selection);
    const facts: SelectionRunFacts = {
      programId: program.id,
      periodId: period.id,
      runNumber,
      snapshotSha256: selection.snapshot.sha256,
      referenceDate: ranked.referenceDate,
      rules: ranked.rules,
      inputsSha256: inputsDigest(table),
      applicantCount: table.count,
      eligibleCount: selection.eligibleCount,
      limitedBy: selection.limitedBy,
      cutoffScore: selection.cutoffScore,
      selected: chosen,
    };
    const row = await store.insertRun(tx, {
      programId: program.id,
      periodId: period.id,
      runNumber,
      ratingModelId: (model.row as store.RatingModelRow).id,
      modelVersion: model.version,
      engineVersion: RANKING_ENGINE_VERSION,
      snapshot: selection.snapshot.json,
      snapshotSha256: selection.snapshot.sha256,
      inputsSha256: facts.inputsSha256,
      sha256: selectionRunSha256(facts),
      referenceDate: ranked.referenceDate,
      rules: ranked.rules,
      applicantCount: table.count,
      eligibleCount: selection.eligibleCount,
      selectedCount: selection.selectedCount,
      limitedBy: selection.limitedBy,
      cutoffScore: selection.cutoffScore,
      totalAmount: selection.totalAmount,
      reason: input.reason ?? null,
      createdById: caller.actor.userId,
      createdByName: caller.actor.name,
    });
    const width = table.criteriaCount;
    await store.insertResults(
      tx,
      applicants.map((a, i) => ({
        runId: row.id,
        position: i,
        enrollmentId: a.enrollmentId,
        personId: a.personId,
        villageCode: a.villageCode,
        districtCode: a.districtCode,
        eligible: table.eligible[i] === 1,
        levels: table.levels.slice(i * width, i * width + width),
        birthKey: table.birth[i] as number,
        registrationNumber: table.registration[i] as number,
        rank: (selection.rankOf[i] as number) || null,
        selected: isSelected(selection, i),
        score: selection.scores[i] as number,
      })),
    );
    // The deselect transition needs a reason: a household an earlier run chose must be told why not now.
    const chosenSet = new Set(chosen);
    const deselect = applicants.filter((a) => a.status === "selected" && !chosenSet.has(a.enrollmentId));
    const select = applicants.filter((a) => a.status === "validated" && chosenSet.has(a.enrollmentId));
    if (deselect.length > 0 && !input.reason) {
      throw new ValidationFailed([{ field: "reason", code: "REASON_REQUIRED" }]);
    }
    // Proposing the list is one half of a maker-checker pair: whoever proposes it may not approve it.
    await performDuty(tx, {
      duty: "propose",
      entity: "selection_run",
      entityId: row.id,
      actor: caller.actor,
    });
    // Each status change is the workflow's own decision — role, area and eligibility by its engine, the
    // version the ranking read, the maker-checker duty and the enrollment's audit entry — made in one batch per
    // action. One refusal or one enrollment changed since the ranking read it undoes the whole run.
    for (const [action, list] of [
      ["deselect", deselect],
      ["select", select],
    ] as const) {
      await applyTransitions(ranking.workflow, tx, caller, {
        action,
        items: list.map((a) => ({ id: a.enrollmentId, version: a.version })),
        reason: action === "deselect" ? input.reason : null,
      });
    }
    // Appended last, after the enrollments' row locks: the audit head is locked until commit, and taking it
    // first would make a one-at-a-time transition on a listed enrollment wait in a cycle with this run.
    await ranking.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "selection.run",
      entity: "selection_run",
      entityId: row.id,
      area: null,
      after: {
        programId: program.id,
        periodId: period.id,
        runNumber,
        modelVersion: model.version,
        sha256: row.sha256,
        snapshotSha256: row.snapshotSha256,
        selectedCount: row.selectedCount,
        eligibleCount: row.eligibleCount,
        limitedBy: row.limitedBy,
        cutoffScore: row.cutoffScore,
      },
      reason: input.reason ?? null,
      requestId: caller.requestId,
    });
    const changes = { selected: select.length, unselected: deselect.length };
    return {
      ...runView(row),
      marked: changes,
    };
  });
}

export async function listSelectionRuns(ranking: Ranking, caller: Caller, periodId: string) {
  await visiblePeriod(ranking.db, caller.actor, periodId);
  return (await store.runsOfPeriod(ranking.db, periodId)).map(runView);
}

/**
 * A run as a decree cites it, with the check that it is still reproducible: the stored inputs, re-ranked with
 * the stored model snapshot, give the stored hash. The selected list shows names inside the caller's area.
 */
export async function getSelectionRun(ranking: Ranking, caller: Caller, runId: string) {
  const row = await store.getRun(ranking.db, runId);
  if (!row) throw new DomainError("SELECTION_RUN_NOT_FOUND", { id: runId }, 404);
  try {
    await visiblePeriod(ranking.db, caller.actor, row.periodId);
  } catch {
    throw new DomainError("SELECTION_RUN_NOT_FOUND", { id: runId }, 404);
  }
  const results = await store.resultsOfRun(ranking.db, runId);
  const criteriaCount = results[0]?.levels.length ?? 0;
  const levels = new Uint8Array(results.length * criteriaCount);
  results.forEach((r, i) => {
    levels.set(r.levels, i * criteriaCount);
  });
  const table: ApplicantTable = {
    count: results.length,
    criteriaCount,
    ids: results.map((r) => r.enrollmentId),
    levels,
    birth: Uint32Array.from(results, (r) => r.birthKey),
    registration: Uint32Array.from(results, (r) => r.registrationNumber),
    eligible: Uint8Array.from(results, (r) => (r.eligible ? 1 : 0)),
  };
  const facts: SelectionRunFacts = {
    programId: row.programId,
    periodId: row.periodId,
    runNumber: row.runNumber,
    snapshotSha256: row.snapshotSha256,
    referenceDate: row.referenceDate,
    rules: row.rules,
    inputsSha256: row.inputsSha256,
    applicantCount: row.applicantCount,
    eligibleCount: row.eligibleCount,
    limitedBy: row.limitedBy,
    cutoffScore: row.cutoffScore,
    selected: [],
  };
  const { reproducible } =
    results.length > 0
      ? reproduceSelectionRun({ snapshot: row.snapshot, sha256: row.sha256, facts }, table)
      : { reproducible: row.selectedCount === 0 };
  const names = await store.namesOfRunSelection(ranking.db, runId);
  const selected = results
    .filter((r) => r.selected)
    .sort((a, b) => (a.rank as number) - (b.rank as number))
    .map((r) => {
      const person = names.get(r.enrollmentId);
      const visible = person ? sees(caller.actor, { code: r.villageCode, rt: person.rt }) : false;
      return {
        rank: r.rank as number,
        enrollmentId: r.enrollmentId,
        name: visible ? (person?.name ?? null) : null,
        villageCode: r.villageCode,
        score: r.score,
      };
    });
  return { ...runView(row), snapshot: row.snapshot, reproducible, selected };
}
