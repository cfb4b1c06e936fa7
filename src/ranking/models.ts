/**
 * A program's rating model as versioned data: the current version (or the default), group judgments aggregated,
 * every save a new version with its reason, and a consistency ratio over 0.10 only with a written justification.
 */
import canonicalize from "canonicalize";
import { auditActor, type Caller } from "../access/actor.ts";
import type { Executor } from "../db/index.ts";
import { conflict, ValidationFailed } from "../i18n/domain-error.ts";
import { CONSISTENCY_RATIO_THRESHOLD, type Judgment, pairCount } from "./ahp.ts";
import { type Ranking, visibleProgram } from "./context.ts";
import { SEED_003_MODEL } from "./defaults.ts";
import { fieldCriteria } from "./field-criteria.ts";
import { groupDecision } from "./group.ts";
import { inconsistencyHints } from "./inconsistency.ts";
import { type CompiledRatingModel, compileRatingModel, type RatingModel } from "./rating.ts";
import type { JudgeInput, ModelInput, ModelView } from "./schemas.ts";
import { sha256Hex } from "./sha256.ts";
import * as store from "./store.ts";

/** The model a program uses before it has one of its own. */
export const DEFAULT_MODEL: RatingModel = SEED_003_MODEL;
export interface ResolvedModel {
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

export async function currentModel(db: Executor, programId: string): Promise<ResolvedModel> {
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

/** The profile fields the program's current model reads: what a field form must collect to score an applicant. */
export async function getFieldCriteria(ranking: Ranking, caller: Caller, programId: string) {
  await visibleProgram(ranking.db, caller.actor, programId);
  const resolved = await currentModel(ranking.db, programId);
  return { programId, modelVersion: resolved.version, criteria: fieldCriteria(resolved.model) };
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

export async function insertModelVersion(
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
 * Judgments with a consistency ratio above 0.10 (Saaty's limit, on the criteria or on any criterion's levels)
 * are saved only with a written justification, kept in the version's reason and its audit entry.
 */
function justifiedReason(compiled: CompiledRatingModel, input: ModelInput): string {
  const ratios = [
    compiled.criteriaAnalysis.consistencyRatio,
    ...compiled.criteria.map((c) => c.levelAnalysis.consistencyRatio),
  ];
  const worst = Math.max(...ratios.filter(Number.isFinite));
  if (!(worst > CONSISTENCY_RATIO_THRESHOLD)) return input.reason;
  if (!input.inconsistencyJustification) {
    throw new ValidationFailed([
      {
        field: "inconsistencyJustification",
        code: "RATING_MODEL_INCONSISTENT_UNJUSTIFIED",
        params: { ratio: Number(worst.toFixed(3)), limit: CONSISTENCY_RATIO_THRESHOLD },
      },
    ]);
  }
  return `${input.reason} — CR ${worst.toFixed(3)}: ${input.inconsistencyJustification}`;
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
  const reason = justifiedReason(compileRatingModel(model), input);
  const saved = await ranking.db.transaction(async (tx) => {
    await store.lockKey(tx, `rating-model:${programId}`);
    const previous = await currentModel(tx, programId);
    if (previous.version !== input.baseVersion) {
      throw conflict("RATING_MODEL_VERSION_CONFLICT", {
        expected: input.baseVersion,
        actual: previous.version,
      });
    }
    return insertModelVersion(ranking, tx, caller, programId, previous, model, judges, reason);
  });
  return modelView(programId, saved);
}
