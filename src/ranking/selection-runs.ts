/**
 * Selection runs: hashed, numbered snapshots of a period's ranking that mark the chosen enrollments "selected",
 * with the proposer's duty and the audit entries in the same transaction.
 */
import { auditActor, type Caller, sees } from "../access/actor.ts";
import { performDuty } from "../access/maker-checker.ts";
import { conflict, DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import { applyTransitions } from "../workflow/service.ts";
import { type Ranking, visiblePeriod } from "./context.ts";
import { currentModel, insertModelVersion } from "./models.ts";
import { rankPeriod } from "./period-ranking.ts";
import type { SelectionRunView } from "./schemas.ts";
import { type ApplicantTable, isSelected, selectedIds } from "./selection.ts";
import {
  inputsDigest,
  reproduceSelectionRun,
  type SelectionRunFacts,
  selectionRunSha256,
} from "./selection-run.ts";
import { RANKING_ENGINE_VERSION } from "./snapshot.ts";
import * as store from "./store.ts";

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
