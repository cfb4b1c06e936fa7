/**
 * Overlap detection (record linkage) for Indonesian recipient lists: normalisation, graded comparisons, a
 * Fellegi–Sunter model trained without labels, blocking, guarded clustering, explanations and an incremental
 * index. Pure: no file system, database, clock or randomness from outside.
 */
export type { BlockingRule, CandidatePairs, RuleStatistics } from "./blocking.ts";
export { DEFAULT_BLOCKING_RULES, DEFAULT_MAX_BLOCK_SIZE, generateCandidatePairs } from "./blocking.ts";
export { decodePattern } from "./comparison-vector.ts";
export type { FieldContribution, MatchDecision, PairExplanation } from "./explain.ts";
export { decide, describeExplanation, explainPattern } from "./explain.ts";
export type { ModelFactor } from "./factors.ts";
export { FACTOR_LEVELS, HOUSEHOLD_FIELDS, MODEL_FACTORS } from "./factors.ts";
export { FeatureTable } from "./features.ts";
export type { LinkOptions, LinkResult, LinkStage, PairDecision, RecordKey } from "./link.ts";
export { comparePairsInline, DEFAULT_TRAINING, linkRecords, linkTable, trainModel } from "./link.ts";
export type { MatchCandidate, MatchIndex, MatchIndexOptions, QueryOptions } from "./match-index.ts";
export { createMatchIndex } from "./match-index.ts";
export { MATCHING_MESSAGES } from "./messages.ts";
export type { FactorParameters, LevelParameters, MatchModel, TrainingOptions } from "./model.ts";
export { probabilityOf, Scorer, weightOf } from "./model.ts";
export { normaliseName, phoneticKey } from "./normalise.ts";
export { canonicalRanks } from "./order.ts";
export type { ComparedField, LinkageRecord } from "./types.ts";
export { COMPARED_FIELDS, FIELD_LEVELS } from "./types.ts";
