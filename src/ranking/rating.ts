/**
 * Rating mode (absolute measurement, Saaty 1986): each criterion has levels whose values come from pairwise
 * comparison of the levels, ideal-normalised so the neediest level is worth 1; band rules map a household head's
 * recorded attributes to a level; the score is Σ criterion weight × level value. A score depends only on the
 * household and the model — never on who else applied — so adding applicants cannot change anyone's score.
 * Pure: the reference date for ages is passed in.
 */
import { DomainError, type FieldIssue, ValidationFailed } from "../i18n/domain-error.ts";
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  HEALTH_CONDITIONS,
  HOUSE_CONDITIONS,
  MARITAL_STATUSES,
  type SocioEconomicProfile,
} from "../registry/attributes.ts";
import {
  analyzeComparisons,
  createComparisons,
  idealWeights,
  type Judgment,
  judgment,
  MAX_COMPARISON_SIZE,
  type PairwiseComparisons,
  type PriorityAnalysis,
  pairCount,
  RANDOM_INDEX_TABLE_NAMES,
  type RandomIndexTableName,
} from "./ahp.ts";

export interface LocalizedText {
  id: string;
  en: string;
}

export const CATEGORY_ATTRIBUTES = {
  education: EDUCATION_LEVELS,
  employment: EMPLOYMENT_STATUSES,
  maritalStatus: MARITAL_STATUSES,
  houseCondition: HOUSE_CONDITIONS,
  health: HEALTH_CONDITIONS,
} as const;
export type CategoryAttribute = keyof typeof CATEGORY_ATTRIBUTES;

/** Numbers read from the profile; `age` is whole years of the head on the reference date. */
export const NUMBER_ATTRIBUTES = ["monthlyIncome", "children", "dependants", "age"] as const;
export type NumberAttribute = (typeof NUMBER_ATTRIBUTES)[number];

/**
 * A rule's outcome is a level code, or null: "recorded, but earns no points on this criterion" (e.g. a BPS
 * criterion the household does not meet) — which is not the same as the attribute being unknown.
 */
export type RuleOutcome = string | null;

/** Every value of the attribute maps to an outcome. */
export interface CategoryRule {
  kind: "category";
  attribute: CategoryAttribute;
  levels: Readonly<Record<string, RuleOutcome>>;
}

/** Ascending thresholds: the first band whose `below` exceeds the value; the last band has `below: null`. */
export interface BandsRule {
  kind: "bands";
  attribute: NumberAttribute;
  bands: readonly { below: number | null; level: RuleOutcome }[];
}

/** A yes/no fact recorded outside the standard profile, e.g. a BPS housing indicator. */
export interface IndicatorRule {
  kind: "indicator";
  indicator: string;
  whenTrue: RuleOutcome;
  whenFalse: RuleOutcome;
}

export type BandRule = CategoryRule | BandsRule | IndicatorRule;

/**
 * What a missing attribute scores. Never the neediest level by default — that would reward leaving a question
 * blank. `no-points`: 0 on this criterion; `level`: scored as the named level. Either way the explanation names
 * the criterion as unknown, so the household can be visited and the data completed before the decree.
 */
export type UnknownPolicy = { kind: "no-points" } | { kind: "level"; level: string };

export interface RatingLevel {
  code: string;
  label: LocalizedText;
}

export interface RatingCriterion {
  code: string;
  label: LocalizedText;
  /** Listed neediest first by convention. */
  levels: readonly RatingLevel[];
  /** Upper-triangle judgments between the levels, in the order of `levels`. */
  levelJudgments: readonly Judgment[];
  rule: BandRule;
  whenUnknown: UnknownPolicy;
}

/** A program's scoring model: plain data, editable and serialisable (and hashed into the selection snapshot). */
export interface RatingModel {
  code: string;
  version: string;
  label: LocalizedText;
  criteria: readonly RatingCriterion[];
  /** Upper-triangle judgments between the criteria, in the order of `criteria`. */
  criteriaJudgments: readonly Judgment[];
  randomIndexTable: RandomIndexTableName;
}

/** What is rated: the household head's recorded profile, plus any program-specific yes/no indicators. */
export interface RatingSubject {
  profile: SocioEconomicProfile;
  indicators?: Readonly<Record<string, boolean | null | undefined>>;
}

/** Level slot of a criterion in the encoded level matrix. */
export const NO_LEVEL = 254;
export const UNKNOWN_LEVEL = 255;
/** Slots per criterion in the points table: a score is Σ_c points[c * 256 + slot], branch-free. */
export const LEVEL_SLOTS = 256;

export interface CompiledCriterion {
  code: string;
  label: LocalizedText;
  levels: readonly RatingLevel[];
  levelAnalysis: PriorityAnalysis;
  /** Ideal-normalised level values: the highest is exactly 1. */
  levelValues: readonly number[];
  /** Level index scored for an unknown attribute, or NO_LEVEL for `no-points`. */
  unknownSlot: number;
  /** Level slot (index, NO_LEVEL or UNKNOWN_LEVEL) of a subject. */
  classify: (subject: RatingSubject, reference: CalendarDate) => number;
}

export interface CompiledRatingModel {
  model: RatingModel;
  criteria: readonly CompiledCriterion[];
  criteriaAnalysis: PriorityAnalysis;
  /** The weights in use: the eigenvector of the criteria judgments, or an override set in a simulation. */
  weights: readonly number[];
  weightsSource: "judgments" | "override";
  /** Level value per criterion and slot (C × 256); NO_LEVEL is 0, UNKNOWN_LEVEL holds the unknown policy. */
  values: Float64Array;
  /** weight × value per criterion and slot: a score is Σ_c points[c * 256 + slot]. */
  points: Float64Array;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates and ages

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses YYYY-MM-DD without the clock or time zones; null when malformed or impossible (2023-02-29). */
export function parseCalendarDate(text: string | null | undefined): CalendarDate | null {
  if (typeof text !== "string" || text.length !== 10 || text[4] !== "-" || text[7] !== "-") return null;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    if (i < 4) year = year * 10 + d;
    else if (i < 7) month = month * 10 + d;
    else day = day * 10 + d;
  }
  if (month < 1 || month > 12 || day < 1) return null;
  const limit = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day > limit ? null : { year, month, day };
}

/**
 * Whole years completed on the reference date. Someone born on 29 February completes a year on 1 March in
 * common years (the later reading, so nobody is counted older than they are).
 */
export function ageOn(birth: CalendarDate, reference: CalendarDate): number {
  let age = reference.year - birth.year;
  if (reference.month < birth.month || (reference.month === birth.month && reference.day < birth.day))
    age -= 1;
  return age;
}

export function requireReferenceDate(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (!date) throw new DomainError("RATING_REFERENCE_DATE_INVALID", { date: text });
  return date;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation and compilation

function validateModel(model: RatingModel): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (field: string, code: string, params: FieldIssue["params"] = {}) =>
    issues.push({ field, code, params });
  const count = model.criteria.length;
  if (count < 1 || count > MAX_COMPARISON_SIZE)
    issue("criteria", "RATING_CRITERIA_COUNT", { count, max: MAX_COMPARISON_SIZE });
  if (!RANDOM_INDEX_TABLE_NAMES.includes(model.randomIndexTable)) {
    issue("randomIndexTable", "RATING_RANDOM_INDEX_TABLE_UNKNOWN", { table: String(model.randomIndexTable) });
  }
  if (model.criteriaJudgments.length !== pairCount(count)) {
    issue("criteriaJudgments", "RATING_JUDGMENT_COUNT", {
      expected: pairCount(count),
      actual: model.criteriaJudgments.length,
    });
  }
  const seen = new Set<string>();
  model.criteria.forEach((criterion, c) => {
    const at = `criteria[${c}]`;
    if (!criterion.code) issue(`${at}.code`, "RATING_CODE_EMPTY");
    if (seen.has(criterion.code)) issue(`${at}.code`, "RATING_CODE_DUPLICATE", { code: criterion.code });
    seen.add(criterion.code);
    const levels = criterion.levels.map((l) => l.code);
    if (levels.length < 1 || levels.length > MAX_COMPARISON_SIZE) {
      issue(`${at}.levels`, "RATING_LEVEL_COUNT", {
        criterion: criterion.code,
        count: levels.length,
        max: MAX_COMPARISON_SIZE,
      });
    }
    if (new Set(levels).size !== levels.length)
      issue(`${at}.levels`, "RATING_CODE_DUPLICATE", { code: criterion.code });
    if (criterion.levelJudgments.length !== pairCount(levels.length)) {
      issue(`${at}.levelJudgments`, "RATING_JUDGMENT_COUNT", {
        expected: pairCount(levels.length),
        actual: criterion.levelJudgments.length,
      });
    }
    const checkOutcome = (field: string, outcome: RuleOutcome) => {
      if (outcome !== null && !levels.includes(outcome)) {
        issue(field, "RATING_LEVEL_UNKNOWN", { criterion: criterion.code, level: outcome });
      }
    };
    const rule = criterion.rule;
    if (rule.kind === "category") {
      const values: readonly string[] | undefined = CATEGORY_ATTRIBUTES[rule.attribute];
      if (!values) {
        issue(`${at}.rule.attribute`, "RATING_ATTRIBUTE_UNKNOWN", { attribute: String(rule.attribute) });
      } else {
        for (const value of values) {
          if (!(value in rule.levels))
            issue(`${at}.rule.levels`, "RATING_CATEGORY_UNMAPPED", { criterion: criterion.code, value });
        }
        for (const [value, outcome] of Object.entries(rule.levels)) {
          if (!values.includes(value))
            issue(`${at}.rule.levels.${value}`, "RATING_CATEGORY_VALUE_UNKNOWN", { value });
          checkOutcome(`${at}.rule.levels.${value}`, outcome);
        }
      }
    } else if (rule.kind === "bands") {
      if (!NUMBER_ATTRIBUTES.includes(rule.attribute)) {
        issue(`${at}.rule.attribute`, "RATING_ATTRIBUTE_UNKNOWN", { attribute: String(rule.attribute) });
      }
      const last = rule.bands.length - 1;
      rule.bands.forEach((band, b) => {
        checkOutcome(`${at}.rule.bands[${b}].level`, band.level);
        const below = band.below;
        const previous = b > 0 ? rule.bands[b - 1]?.below : null;
        const ok =
          b === last
            ? below === null
            : typeof below === "number" &&
              Number.isFinite(below) &&
              (b === 0 || (typeof previous === "number" && below > previous));
        if (!ok)
          issue(`${at}.rule.bands[${b}].below`, "RATING_BANDS_NOT_ASCENDING", { criterion: criterion.code });
      });
      if (rule.bands.length === 0)
        issue(`${at}.rule.bands`, "RATING_BANDS_NOT_ASCENDING", { criterion: criterion.code });
    } else if (rule.kind === "indicator") {
      if (!rule.indicator) issue(`${at}.rule.indicator`, "RATING_CODE_EMPTY");
      checkOutcome(`${at}.rule.whenTrue`, rule.whenTrue);
      checkOutcome(`${at}.rule.whenFalse`, rule.whenFalse);
    } else {
      issue(`${at}.rule.kind`, "RATING_RULE_KIND_UNKNOWN", {
        kind: String((rule as { kind: unknown }).kind),
      });
    }
    if (criterion.whenUnknown.kind === "level")
      checkOutcome(`${at}.whenUnknown.level`, criterion.whenUnknown.level);
  });
  return issues;
}

function slotOf(levels: readonly RatingLevel[], outcome: RuleOutcome): number {
  return outcome === null ? NO_LEVEL : levels.findIndex((l) => l.code === outcome);
}

function compileClassifier(criterion: RatingCriterion): CompiledCriterion["classify"] {
  const rule = criterion.rule;
  const levels = criterion.levels;
  if (rule.kind === "category") {
    const slots = new Map(
      Object.entries(rule.levels).map(([value, outcome]) => [value, slotOf(levels, outcome)]),
    );
    const attribute = rule.attribute;
    return (subject) => {
      const value = subject.profile[attribute];
      return value == null ? UNKNOWN_LEVEL : (slots.get(value) ?? UNKNOWN_LEVEL);
    };
  }
  if (rule.kind === "bands") {
    const limits = rule.bands.map((b) => (b.below === null ? Number.POSITIVE_INFINITY : b.below));
    const slots = rule.bands.map((b) => slotOf(levels, b.level));
    const band = (value: number) => {
      for (let b = 0; b < limits.length; b++) if (value < (limits[b] as number)) return slots[b] as number;
      return slots[slots.length - 1] as number;
    };
    if (rule.attribute === "age") {
      return (subject, reference) => {
        const birth = parseCalendarDate(subject.profile.birthDate);
        return birth ? band(ageOn(birth, reference)) : UNKNOWN_LEVEL;
      };
    }
    const attribute = rule.attribute;
    return (subject) => {
      const value = subject.profile[attribute];
      return typeof value === "number" && Number.isFinite(value) ? band(value) : UNKNOWN_LEVEL;
    };
  }
  const trueSlot = slotOf(levels, rule.whenTrue);
  const falseSlot = slotOf(levels, rule.whenFalse);
  const indicator = rule.indicator;
  return (subject) => {
    const value = subject.indicators?.[indicator];
    return value === true ? trueSlot : value === false ? falseSlot : UNKNOWN_LEVEL;
  };
}

function levelComparisons(criterion: RatingCriterion): PairwiseComparisons {
  return createComparisons(
    criterion.levels.length,
    criterion.levelJudgments.map((j) => judgment(j.intensity, j.favours)),
  );
}

/** Validates the model and derives every priority once: criterion weights, level values, the points table. */
export function compileRatingModel(model: RatingModel): CompiledRatingModel {
  const issues = validateModel(model);
  if (issues.length > 0) throw new ValidationFailed(issues);
  const options = { randomIndexTable: model.randomIndexTable };
  const criteria = model.criteria.map((criterion): CompiledCriterion => {
    const levelAnalysis = analyzeComparisons(levelComparisons(criterion), options);
    return {
      code: criterion.code,
      label: criterion.label,
      levels: criterion.levels,
      levelAnalysis,
      levelValues: idealWeights(levelAnalysis.weights),
      unknownSlot:
        criterion.whenUnknown.kind === "level"
          ? slotOf(criterion.levels, criterion.whenUnknown.level)
          : NO_LEVEL,
      classify: compileClassifier(criterion),
    };
  });
  const criteriaAnalysis = analyzeComparisons(
    createComparisons(model.criteria.length, model.criteriaJudgments),
    options,
  );
  return assemble(model, criteria, criteriaAnalysis, criteriaAnalysis.weights, "judgments");
}

function assemble(
  model: RatingModel,
  criteria: readonly CompiledCriterion[],
  criteriaAnalysis: PriorityAnalysis,
  weights: readonly number[],
  weightsSource: CompiledRatingModel["weightsSource"],
): CompiledRatingModel {
  const values = new Float64Array(criteria.length * LEVEL_SLOTS);
  const points = new Float64Array(criteria.length * LEVEL_SLOTS);
  criteria.forEach((criterion, c) => {
    const w = weights[c] as number;
    const base = c * LEVEL_SLOTS;
    criterion.levelValues.forEach((v, l) => {
      values[base + l] = v;
      points[base + l] = w * v;
    });
    if (criterion.unknownSlot !== NO_LEVEL) {
      values[base + UNKNOWN_LEVEL] = values[base + criterion.unknownSlot] as number;
      points[base + UNKNOWN_LEVEL] = points[base + criterion.unknownSlot] as number;
    }
  });
  return { model, criteria, criteriaAnalysis, weights, weightsSource, values, points };
}

/** The same model with new criteria judgments (levels and rules untouched). */
export function withCriteriaJudgments(
  compiled: CompiledRatingModel,
  judgments: readonly Judgment[],
): CompiledRatingModel {
  const model = {
    ...compiled.model,
    criteriaJudgments: judgments.map((j) => judgment(j.intensity, j.favours)),
  };
  const analysis = analyzeComparisons(createComparisons(model.criteria.length, model.criteriaJudgments), {
    randomIndexTable: model.randomIndexTable,
  });
  return assemble(model, compiled.criteria, analysis, analysis.weights, "judgments");
}

/** The same model with new level judgments for one criterion. */
export function withLevelJudgments(
  compiled: CompiledRatingModel,
  criterionCode: string,
  judgments: readonly Judgment[],
): CompiledRatingModel {
  const index = criterionIndex(compiled, criterionCode);
  const criteria = compiled.model.criteria.map((c, i) =>
    i === index ? { ...c, levelJudgments: judgments.map((j) => judgment(j.intensity, j.favours)) } : c,
  );
  const model = { ...compiled.model, criteria };
  const issues = validateModel(model);
  if (issues.length > 0) throw new ValidationFailed(issues);
  const source = criteria[index] as RatingCriterion;
  const levelAnalysis = analyzeComparisons(levelComparisons(source), {
    randomIndexTable: model.randomIndexTable,
  });
  const compiledCriteria = compiled.criteria.map((c, i) =>
    i === index ? { ...c, levelAnalysis, levelValues: idealWeights(levelAnalysis.weights) } : c,
  );
  return assemble(
    model,
    compiledCriteria,
    compiled.criteriaAnalysis,
    compiled.weights,
    compiled.weightsSource,
  );
}

/**
 * Weights set directly (a slider in the simulation), bypassing the judgments: non-negative, renormalised to sum
 * 1. The model's judgments stay as they were, so the snapshot records that the weights were overridden.
 */
export function withCriteriaWeights(
  compiled: CompiledRatingModel,
  weights: readonly number[],
): CompiledRatingModel {
  if (weights.length !== compiled.criteria.length || weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new DomainError("RATING_WEIGHTS_INVALID", { expected: compiled.criteria.length });
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) throw new DomainError("RATING_WEIGHTS_INVALID", { expected: compiled.criteria.length });
  return assemble(
    compiled.model,
    compiled.criteria,
    compiled.criteriaAnalysis,
    weights.map((w) => w / sum),
    "override",
  );
}

/**
 * Sets one criterion's weight to `weight` and rescales the others proportionally so they keep their ratios —
 * the convention of the sensitivity ranges.
 */
export function rescaledWeights(weights: readonly number[], index: number, weight: number): number[] {
  const current = weights[index] as number;
  const rest = 1 - current;
  return weights.map((w, i) =>
    i === index ? weight : rest > 0 ? (w * (1 - weight)) / rest : (1 - weight) / (weights.length - 1),
  );
}

export function criterionIndex(compiled: CompiledRatingModel, code: string): number {
  const index = compiled.criteria.findIndex((c) => c.code === code);
  if (index < 0) throw new DomainError("RATING_CRITERION_UNKNOWN", { criterion: code });
  return index;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

export interface CriterionScore {
  criterion: string;
  label: LocalizedText;
  /** The level the rule gave, or null (no level: recorded but earns nothing, or unknown under `no-points`). */
  level: string | null;
  levelLabel: LocalizedText | null;
  /** The attribute was not recorded; `level` then shows what the unknown policy scored it as. */
  unknown: boolean;
  levelValue: number;
  weight: number;
  points: number;
}

export interface HouseholdScore {
  score: number;
  criteria: CriterionScore[];
  /** Codes of criteria whose attribute was not recorded. */
  unknownCriteria: string[];
}

/** Level slots of one subject, one per criterion. */
export function classifySubject(
  compiled: CompiledRatingModel,
  subject: RatingSubject,
  reference: CalendarDate,
): number[] {
  return compiled.criteria.map((c) => c.classify(subject, reference));
}

/** The score from level slots — the same arithmetic, in the same order, as the batch scorer. */
export function scoreSlots(compiled: CompiledRatingModel, slots: ArrayLike<number>): number {
  const points = compiled.points;
  let score = 0;
  for (let c = 0; c < compiled.criteria.length; c++)
    score += points[c * LEVEL_SLOTS + (slots[c] as number)] as number;
  return score;
}

/** A household's score and the points it got on each criterion. */
export function explainSlots(compiled: CompiledRatingModel, slots: ArrayLike<number>): HouseholdScore {
  const criteria = compiled.criteria.map((criterion, c): CriterionScore => {
    const slot = slots[c] as number;
    const unknown = slot === UNKNOWN_LEVEL;
    const effective = unknown ? criterion.unknownSlot : slot;
    const level = effective === NO_LEVEL ? null : (criterion.levels[effective] as RatingLevel);
    return {
      criterion: criterion.code,
      label: criterion.label,
      level: level?.code ?? null,
      levelLabel: level?.label ?? null,
      unknown,
      levelValue: level ? (criterion.levelValues[effective] as number) : 0,
      weight: compiled.weights[c] as number,
      points: compiled.points[c * LEVEL_SLOTS + slot] as number,
    };
  });
  return {
    score: scoreSlots(compiled, slots),
    criteria,
    unknownCriteria: criteria.filter((c) => c.unknown).map((c) => c.criterion),
  };
}

export function scoreSubject(
  compiled: CompiledRatingModel,
  subject: RatingSubject,
  referenceDate: string,
): HouseholdScore {
  return explainSlots(compiled, classifySubject(compiled, subject, requireReferenceDate(referenceDate)));
}

/** Level slots of many subjects, row-major (subject × criterion), for the batch scorer and the simulation. */
export function encodeSubjects(
  compiled: CompiledRatingModel,
  subjects: readonly RatingSubject[],
  referenceDate: string,
): Uint8Array {
  const reference = requireReferenceDate(referenceDate);
  const criteria = compiled.criteria;
  const width = criteria.length;
  const levels = new Uint8Array(subjects.length * width);
  for (let i = 0; i < subjects.length; i++) {
    const subject = subjects[i] as RatingSubject;
    for (let c = 0; c < width; c++)
      levels[i * width + c] = (criteria[c] as CompiledCriterion).classify(subject, reference);
  }
  return levels;
}

/** Scores every encoded subject into `out`: N × C table look-ups, no allocation. */
export function scoreEncoded(
  compiled: CompiledRatingModel,
  levels: Uint8Array,
  out?: Float64Array,
): Float64Array {
  const width = compiled.criteria.length;
  const count = levels.length / width;
  const scores = out ?? new Float64Array(count);
  const points = compiled.points;
  for (let i = 0, row = 0; i < count; i++, row += width) {
    let score = 0;
    for (let c = 0; c < width; c++) score += points[(c << 8) | (levels[row + c] as number)] as number;
    scores[i] = score;
  }
  return scores;
}
