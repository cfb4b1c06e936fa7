import type { z } from "zod";
import type { fieldCriteriaSchema } from "../../../src/ranking/schemas.ts";
import {
  EDUCATION_LEVELS,
  HEALTH_CONDITIONS,
  HOUSE_CONDITIONS,
  MARITAL_STATUSES,
} from "../../../src/registry/attributes.ts";

/**
 * The ranking answers of the field form, apart from how they are drawn: which of the program model's criteria
 * the form asks, how a typed number is read, and which criteria are still unanswered.
 */

export type FieldCriteria = z.output<typeof fieldCriteriaSchema>;

/** The profile answers the field form collects for ranking, as typed (numbers still text). */
export interface ProfileDraft {
  education: string;
  maritalStatus: string;
  houseCondition: string;
  health: string;
  monthlyIncome: string;
  dependants: string;
  children: string;
}

export const emptyProfile = (): ProfileDraft => ({
  education: "",
  maritalStatus: "",
  houseCondition: "",
  health: "",
  monthlyIncome: "",
  dependants: "",
  children: "",
});

export const CHOICES: Record<string, { prefix: string; values: readonly string[] }> = {
  education: { prefix: "EDUCATION", values: EDUCATION_LEVELS },
  maritalStatus: { prefix: "MARITAL", values: MARITAL_STATUSES },
  houseCondition: { prefix: "HOUSE", values: HOUSE_CONDITIONS },
  health: { prefix: "HEALTH", values: HEALTH_CONDITIONS },
};
export const NUMBERS = ["monthlyIncome", "dependants", "children"];

/** The profile attributes the model reads that this form asks here (birth date and employment are asked above). */
export function collected(criteria: FieldCriteria | undefined): string[] {
  const attributes = (criteria?.criteria ?? []).flatMap((c) =>
    c.source.kind === "profile" ? [c.source.attribute] : [],
  );
  return [...new Set(attributes)].filter((a) => a in CHOICES || NUMBERS.includes(a));
}

/** The ranking answers the register already holds for a person (nothing for what it leaves empty). */
export function recordedProfile(person: {
  education: string | null;
  maritalStatus: string | null;
  houseCondition: string | null;
  health: string | null;
  monthlyIncome: number | null;
  dependants: number | null;
  children: number | null;
  employment: string | null;
  birthDate: string | null;
  birthYear: number | null;
}): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(person)) if (value !== null && value !== "") out[key] = value;
  // Officials without the identity right see the birth year only: enough to know the age is recorded.
  if (person.birthDate === null && person.birthYear !== null) out.birthDate = String(person.birthYear);
  return out;
}

/** "1500000", "1.500.000" and "Rp 1.500.000" are one income; "1,5 juta" is not a number the form guesses at. */
const RUPIAH_TEXT = /^(rp\.?\s*)?(\d{1,3}(\.\d{3})+|\d{1,13})$/i;
/** The register's bounds for a count of children or dependants (registry personFields). */
const MAX_COUNT = 30;

/** A typed number as the register stores it: null when blank, or the message code saying what is wrong. */
export function parseCriterionNumber(
  attribute: string,
  text: string,
): { value: number | null } | { error: "REG_CRITERIA_RUPIAH_INVALID" | "REG_CRITERIA_COUNT_INVALID" } {
  const trimmed = text.trim();
  if (!trimmed) return { value: null };
  if (attribute === "monthlyIncome") {
    return RUPIAH_TEXT.test(trimmed)
      ? { value: Number(trimmed.replace(/\D/g, "")) }
      : { error: "REG_CRITERIA_RUPIAH_INVALID" };
  }
  return /^\d{1,2}$/.test(trimmed) && Number(trimmed) <= MAX_COUNT
    ? { value: Number(trimmed) }
    : { error: "REG_CRITERIA_COUNT_INVALID" };
}

/** The answers as person fields, only those given and valid (an invalid one is named by `invalidCriteria`). */
export function profileFields(profile: ProfileDraft): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(profile)) {
    if (!value) continue;
    if (!NUMBERS.includes(key)) {
      out[key] = value;
      continue;
    }
    const parsed = parseCriterionNumber(key, value);
    if ("value" in parsed && parsed.value !== null) out[key] = parsed.value;
  }
  return out;
}

/** The answers typed in a form the register would refuse, as field codes; the form is not saved with them. */
export function invalidCriteria(profile: ProfileDraft): string[] {
  return NUMBERS.filter((key) => "error" in parseCriterionNumber(key, profile[key as keyof ProfileDraft]));
}

/**
 * Criteria of the program's model left without an answer: such an applicant scores nothing on them and ranks
 * below everyone recorded, so the officer sees the list before the form is saved.
 */
export function missingCriteria(
  criteria: FieldCriteria | undefined,
  answers: Record<string, unknown>,
  language: "id" | "en",
): string[] {
  return (criteria?.criteria ?? [])
    .filter((c) => {
      if (c.source.kind === "indicator") return false;
      const value = answers[c.source.attribute];
      return value === undefined || value === null || value === "";
    })
    .map((c) => c.label[language]);
}

/** The model's yes/no indicators (the BPS template's): the register has no place for them yet. */
export function notAskedCriteria(criteria: FieldCriteria | undefined, language: "id" | "en"): string[] {
  return (criteria?.criteria ?? [])
    .filter((c) => c.source.kind === "indicator")
    .map((c) => c.label[language]);
}
