/**
 * Explanations: how much each field moved a pair's match weight, and the same in words an official
 * understands (Indonesian first, English second) for the review queue and the rapat koordinasi.
 */
import { createTranslator, type Language } from "../i18n/index.ts";
import { NAME } from "./compare.ts";
import { decodePattern, FIELD_INDEX } from "./comparison-vector.ts";
import { effectOf } from "./effect.ts";
import { FACTOR_OF_FIELD, factorLevelsOf, householdOf, MODEL_FACTORS, type ModelFactor } from "./factors.ts";
import type { FeatureTable } from "./features.ts";
import { MATCHING_MESSAGES } from "./messages.ts";
import { probabilityOf, type Scorer } from "./model.ts";
import { COMPARED_FIELDS, type ComparedField, FIELD_LEVELS } from "./types.ts";

export type MatchDecision = "link" | "review" | "different";

export interface FieldContribution {
  field: ComparedField;
  level: string;
  /** log2(m/u) of the level: positive supports "same person", negative "different people", 0 = not counted. */
  weight: number;
  /**
   * For the residence fields (KK, phone, address, RT/RW, desa), which are weighed together as one household
   * factor: the field that carries that factor's weight, when it is another one.
   */
  countedWith?: ComparedField;
}

export interface PairExplanation {
  probability: number;
  /** Total match weight (log2 odds). */
  weight: number;
  decision: MatchDecision;
  /** The prior every pair starts from: log2 odds that two random records are one person. */
  priorWeight: number;
  fields: FieldContribution[];
  /** Present when names agreed: how many records share the name sound and what that did to the weight. */
  nameFrequency: { count: number; adjustment: number } | null;
  /**
   * Present when the pair scored as a link but the chaining guard refused it: joining it would have made one
   * person of two records weighing this much (clearly different people), so a coordinator decides.
   */
  refusedMerge?: { conflictWeight: number };
}

export function decide(probability: number, scorer: Scorer): MatchDecision {
  if (probability >= scorer.model.matchThreshold) return "link";
  if (probability >= scorer.model.reviewThreshold) return "review";
  return "different";
}

export function explainPattern(scorer: Scorer, table: FeatureTable, i: number, j: number, pattern: number) {
  const levels = decodePattern(pattern);
  const factors = factorLevelsOf(levels);
  // The field that carries a shared factor's weight; the others of that factor are "counted with" it.
  const carriers: Partial<Record<ModelFactor, ComparedField | null>> = {
    nik_birth_date:
      levels[FIELD_INDEX.nik] !== 0 ? "nik" : levels[FIELD_INDEX.birth_date] !== 0 ? "birth_date" : null,
    household: householdOf(
      levels[FIELD_INDEX.kk] as number,
      levels[FIELD_INDEX.phone] as number,
      levels[FIELD_INDEX.address] as number,
      levels[FIELD_INDEX.rt_rw] as number,
      levels[FIELD_INDEX.village] as number,
    ).decidedBy,
    // A postcode is weighed only without a desa on one side; otherwise the desa speaks for it.
    postcode:
      levels[FIELD_INDEX.postcode] !== 0 && levels[FIELD_INDEX.village] !== 0 ? "village" : "postcode",
  };
  const fields: FieldContribution[] = COMPARED_FIELDS.map((field, f) => {
    const level = FIELD_LEVELS[field][levels[f] as number] as string;
    const factor = FACTOR_OF_FIELD[field];
    const index = MODEL_FACTORS.indexOf(factor);
    const weight = scorer.factorWeight(index, factors[index] as number);
    const carrier = carriers[factor];
    if (carrier === undefined || carrier === field) return { field, level, weight };
    return carrier ? { field, level, weight: 0, countedWith: carrier } : { field, level, weight: 0 };
  });
  const nameLevel = levels[FIELD_INDEX.name] as number;
  let nameFrequency: PairExplanation["nameFrequency"] = null;
  if (nameLevel === NAME.exact || nameLevel === NAME.phonetic) {
    const a = table.name[i];
    const b = table.name[j];
    if (a && b)
      nameFrequency = {
        count: Math.max(table.nameFrequency(a), table.nameFrequency(b)),
        adjustment: scorer.termFrequencyAdjustment(i, j),
      };
  }
  const weight = scorer.weight(pattern, i, j);
  const probability = probabilityOf(weight);
  return {
    probability,
    weight,
    decision: decide(probability, scorer),
    priorWeight: scorer.priorWeight,
    fields,
    nameFrequency,
  } satisfies PairExplanation;
}

const translate = createTranslator(MATCHING_MESSAGES);

function formatWeight(weight: number, language: Language): string {
  const text = new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB", {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(weight);
  return text;
}

function formatProbability(probability: number, language: Language): string {
  return new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(probability);
}

/** The explanation as sentences: the starting point, one line per field (strongest first), the outcome. */
export function describeExplanation(explanation: PairExplanation, language: Language = "id"): string[] {
  const lines = [
    translate(
      "MATCHING_EXPLANATION_PRIOR",
      { weight: formatWeight(explanation.priorWeight, language) },
      language,
    ),
  ];
  const ordered = [...explanation.fields].sort(
    (x, y) => Math.abs(y.weight) - Math.abs(x.weight) || FIELD_INDEX[x.field] - FIELD_INDEX[y.field],
  );
  for (const contribution of ordered) {
    const field = contribution.field.toUpperCase();
    const level = contribution.level.toUpperCase();
    lines.push(
      translate(
        "MATCHING_EXPLANATION_FIELD",
        {
          field: translate(`MATCHING_FIELD_${field}`, {}, language),
          level: translate(`MATCHING_LEVEL_${field}_${level}`, {}, language),
          effect: contribution.countedWith
            ? translate(
                `MATCHING_EFFECT_COUNTED_WITH_${FACTOR_OF_FIELD[contribution.field].toUpperCase()}`,
                {
                  field: translate(`MATCHING_FIELD_${contribution.countedWith.toUpperCase()}`, {}, language),
                },
                language,
              )
            : translate(`MATCHING_EFFECT_${effectOf(contribution.weight, contribution.level)}`, {}, language),
          weight: formatWeight(contribution.weight, language),
        },
        language,
      ),
    );
  }
  if (explanation.nameFrequency && Math.abs(explanation.nameFrequency.adjustment) >= 0.05) {
    lines.push(
      translate(
        explanation.nameFrequency.adjustment < 0
          ? "MATCHING_EXPLANATION_COMMON_NAME"
          : "MATCHING_EXPLANATION_RARE_NAME",
        {
          count: explanation.nameFrequency.count,
          weight: formatWeight(explanation.nameFrequency.adjustment, language),
        },
        language,
      ),
    );
  }
  if (explanation.refusedMerge)
    lines.push(
      translate(
        "MATCHING_EXPLANATION_REFUSED_MERGE",
        { weight: formatWeight(explanation.refusedMerge.conflictWeight, language) },
        language,
      ),
    );
  lines.push(
    translate(
      "MATCHING_EXPLANATION_TOTAL",
      {
        probability: formatProbability(explanation.probability, language),
        weight: formatWeight(explanation.weight, language),
        decision: translate(`MATCHING_DECISION_${explanation.decision.toUpperCase()}`, {}, language),
      },
      language,
    ),
  );
  return lines;
}
