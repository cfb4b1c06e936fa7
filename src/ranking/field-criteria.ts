import type { SocioEconomicProfile } from "../registry/attributes.ts";
import type { LocalizedText, RatingModel } from "./rating.ts";

/** Where a criterion's value comes from: a field of the person's profile, or a program-specific yes/no fact. */
export type CriterionSource =
  | { kind: "profile"; attribute: keyof SocioEconomicProfile }
  | { kind: "indicator"; indicator: string };

export interface FieldCriterion {
  criterion: string;
  label: LocalizedText;
  source: CriterionSource;
}

/**
 * What a field form must collect for an applicant to be scored by this model. A criterion left blank scores
 * nothing (never the neediest level), so an applicant registered without it ranks below everyone recorded —
 * the form lists these to collect them, or to say which are still missing before the submission leaves.
 */
export function fieldCriteria(model: RatingModel): FieldCriterion[] {
  return model.criteria.map((criterion) => {
    const rule = criterion.rule;
    const source: CriterionSource =
      rule.kind === "indicator"
        ? { kind: "indicator", indicator: rule.indicator }
        : { kind: "profile", attribute: rule.attribute === "age" ? "birthDate" : rule.attribute };
    return { criterion: criterion.code, label: criterion.label, source };
  });
}
