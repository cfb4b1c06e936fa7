export type {
  AnalysisOptions,
  EigenResult,
  Favoured,
  Judgment,
  PairwiseComparisons,
  PriorityAnalysis,
  RandomIndexTable,
  RandomIndexTableName,
  SaatyIntensity,
} from "./ahp.ts";
export {
  analyzeComparisons,
  CONSISTENCY_RATIO_THRESHOLD,
  comparisonsFromRatios,
  consistentComparisons,
  createComparisons,
  equalComparisons,
  fullMatrix,
  geometricMeanWeights,
  idealWeights,
  judgment,
  judgmentFromRatio,
  judgmentsByName,
  MAX_COMPARISON_SIZE,
  nearestSaatyJudgment,
  pairCount,
  pairIndex,
  pairsOf,
  principalEigenvector,
  RANDOM_INDEX_TABLE_NAMES,
  RANDOM_INDEX_TABLES,
  randomIndex,
  ratioOf,
  SAATY_INTENSITIES,
  SAATY_SCALE_LABEL_CODES,
  withJudgment,
} from "./ahp.ts";
export { BPS_POVERTY_TEMPLATE, SEED_003_MODEL } from "./defaults.ts";
export type {
  CompletionMethod,
  Consensus,
  ConsensusLevel,
  GroupDecision,
  GroupOptions,
  IncompleteComparisons,
  JudgeComparisons,
  JudgeResult,
} from "./group.ts";
export {
  aggregateJudgments,
  comparisonGroups,
  completeComparisons,
  entropyConsensus,
  groupDecision,
} from "./group.ts";
export type { InconsistencyHint, InconsistencyOptions, InconsistencyReport } from "./inconsistency.ts";
export { inconsistencyHints } from "./inconsistency.ts";
export type { AhpReport, InputIssue, MatrixInput } from "./matrix-input.ts";
export {
  ahpReport,
  comparisonMatrixSchema,
  DEFAULT_RECIPROCITY_TOLERANCE,
  matrixInputSchema,
  matrixIssues,
  parseMatrixInput,
  reportMatrixInput,
} from "./matrix-input.ts";
export { RANKING_MESSAGES } from "./messages.ts";
export { SCORE_SCALE } from "./order.ts";
export type {
  BandRule,
  BandsRule,
  CategoryRule,
  CompiledCriterion,
  CompiledRatingModel,
  CriterionScore,
  HouseholdScore,
  IndicatorRule,
  LocalizedText,
  RatingCriterion,
  RatingLevel,
  RatingModel,
  RatingSubject,
  RuleOutcome,
  UnknownPolicy,
} from "./rating.ts";
export {
  ageOn,
  CATEGORY_ATTRIBUTES,
  compileRatingModel,
  encodeSubjects,
  explainSlots,
  NO_LEVEL,
  NUMBER_ATTRIBUTES,
  parseCalendarDate,
  rescaledWeights,
  scoreEncoded,
  scoreSubject,
  UNKNOWN_LEVEL,
  withCriteriaJudgments,
  withCriteriaWeights,
  withLevelJudgments,
} from "./rating.ts";
export type {
  Applicant,
  ApplicantTable,
  CriterionSensitivity,
  HouseholdExplanation,
  NearCutoffHousehold,
  Selection,
  SelectionLimit,
  SelectionRules,
} from "./selection.ts";
export {
  buildApplicantTable,
  criterionSensitivity,
  explainHousehold,
  isSelected,
  nearCutoff,
  selectedIds,
  selectionCapacity,
  selectRecipients,
} from "./selection.ts";
export type { SelectionRunFacts } from "./selection-run.ts";
export {
  inputsDigest,
  reproduceSelectionRun,
  SELECTION_RUN_VERSION,
  selectionRunDocument,
  selectionRunSha256,
} from "./selection-run.ts";
export type { Simulation, SimulationState, WhatIfChange, WhatIfResult } from "./simulation.ts";
export { applyChange, createSimulation } from "./simulation.ts";
export type { ModelSnapshot } from "./snapshot.ts";
export { modelSnapshot, RANKING_ENGINE_VERSION, TIE_BREAK, verifySnapshot } from "./snapshot.ts";
export type { TableTransfer } from "./transfer.ts";
export { birthOrder, decodeTable, encodeTable } from "./transfer.ts";
