/**
 * Eligibility rules per program, declarative and explained (pure). A program's policy lists its rules as data;
 * `evaluateEligibility` checks each against the facts gathered about one application and says, rule by rule,
 * what passed or failed and why. Evaluated at registration (submit) and again before selection.
 */
import { z } from "zod";
import { EMPLOYMENT_STATUSES, type EmploymentStatus } from "../registry/attributes.ts";
import type { EnrollmentStatus } from "./engine.ts";

export const eligibilityRuleSchema = z.discriminatedUnion("rule", [
  /** Age in full years on the day of evaluation (17 is when a KTP is issued). */
  z.object({ rule: z.literal("min_age"), years: z.number().int().min(0).max(120) }),
  /** UMKM programs: the applicant owns a registered business. */
  z.object({ rule: z.literal("has_business") }),
  /** PNS, TNI and Polri are paid by the state and excluded from bansos. */
  z.object({
    rule: z.literal("excluded_employment"),
    employments: z.array(z.enum(EMPLOYMENT_STATUSES)).min(1),
  }),
  /** One recipient per KK in the same period of the same program. */
  z.object({ rule: z.literal("one_per_household") }),
  /** Not receiving any of these programs in an overlapping period (seed 000: the same people paid by several Dinas). */
  z.object({ rule: z.literal("not_enrolled_in"), programCodes: z.array(z.string().trim().min(1)).min(1) }),
  /** Lives in a desa of the deploying regency. */
  z.object({ rule: z.literal("resides_in_regency") }),
  /** The NIK was found "padan" (matched) by the civil registry within the last months (central lists require it). */
  z.object({
    rule: z.literal("civil_registry_padan"),
    withinMonths: z.number().int().min(1).max(60).default(12),
  }),
]);
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
export type RuleName = EligibilityRule["rule"];

export interface OtherClaim {
  enrollmentId: string;
  personName: string;
  programCode: string;
  programName: string;
  periodName: string;
  status: EnrollmentStatus;
}

/** What the store gathers about one application; every list holds claiming enrollments only. */
export interface EligibilityFacts {
  /** YYYY-MM-DD: the day of evaluation. */
  asOf: string;
  regencyCode: string;
  person: {
    birthDate: string | null;
    employment: EmploymentStatus | null;
    villageCode: string;
    hasKk: boolean;
  };
  /** Businesses the applicant owns (the one named on the application counts too). */
  businessCount: number;
  /** Other members of the same KK with a claim in the same period. */
  householdClaims: readonly OtherClaim[];
  /** The applicant's claims in other programs whose period overlaps this one. */
  overlappingClaims: readonly OtherClaim[];
  /** The person's latest civil registry verification; absent or null when never checked. */
  civilRegistry?: { status: string; checkedOn: string } | null;
}

export type Params = Record<string, string | number>;

export interface RuleResult {
  rule: RuleName;
  passed: boolean;
  /** A message code (ELIG_*) explaining the outcome; the text comes from the catalog in id and en. */
  code: string;
  params: Params;
}

export interface EligibilityResult {
  eligible: boolean;
  asOf: string;
  results: RuleResult[];
  failedRules: RuleName[];
}

/** Full years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The day `months` months before `day` (YYYY-MM-DD), clamped to the month's length. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

function result(rule: RuleName, passed: boolean, code: string, params: Params = {}): RuleResult {
  return { rule, passed, code, params };
}

const claimParams = (claim: OtherClaim): Params => ({
  name: claim.personName,
  program: claim.programName,
  period: claim.periodName,
  status: claim.status,
});

export function evaluateRule(rule: EligibilityRule, facts: EligibilityFacts): RuleResult {
  const { person } = facts;
  switch (rule.rule) {
    case "min_age": {
      if (!person.birthDate) return result("min_age", false, "ELIG_AGE_UNKNOWN", { minimum: rule.years });
      const age = ageOn(person.birthDate, facts.asOf);
      return age >= rule.years
        ? result("min_age", true, "ELIG_AGE_MET", { age, minimum: rule.years })
        : result("min_age", false, "ELIG_AGE_BELOW", { age, minimum: rule.years });
    }
    case "has_business":
      return facts.businessCount > 0
        ? result("has_business", true, "ELIG_BUSINESS_PRESENT", { count: facts.businessCount })
        : result("has_business", false, "ELIG_BUSINESS_MISSING");
    case "excluded_employment": {
      const excluded = rule.employments.join(", ");
      // Unrecorded work cannot prove the applicant is not a civil servant: the verifier must record it.
      if (!person.employment)
        return result("excluded_employment", false, "ELIG_EMPLOYMENT_UNKNOWN", { excluded });
      return rule.employments.includes(person.employment)
        ? result("excluded_employment", false, "ELIG_EMPLOYMENT_EXCLUDED", { employment: person.employment })
        : result("excluded_employment", true, "ELIG_EMPLOYMENT_ALLOWED", { employment: person.employment });
    }
    case "one_per_household": {
      if (!person.hasKk) return result("one_per_household", false, "ELIG_HOUSEHOLD_UNKNOWN");
      const [first] = facts.householdClaims;
      return first
        ? result("one_per_household", false, "ELIG_HOUSEHOLD_TAKEN", claimParams(first))
        : result("one_per_household", true, "ELIG_HOUSEHOLD_ALONE");
    }
    case "not_enrolled_in": {
      const codes = new Set(rule.programCodes.map((c) => c.toLowerCase()));
      const clash = facts.overlappingClaims.find((c) => codes.has(c.programCode.toLowerCase()));
      return clash
        ? result("not_enrolled_in", false, "ELIG_OTHER_PROGRAM_ENROLLED", claimParams(clash))
        : result("not_enrolled_in", true, "ELIG_OTHER_PROGRAM_NONE", {
            programs: rule.programCodes.join(", "),
          });
    }
    case "resides_in_regency": {
      const inside = person.villageCode.startsWith(`${facts.regencyCode}.`);
      return inside
        ? result("resides_in_regency", true, "ELIG_RESIDENT", { village: person.villageCode })
        : result("resides_in_regency", false, "ELIG_NOT_RESIDENT", {
            village: person.villageCode,
            regency: facts.regencyCode,
          });
    }
    case "civil_registry_padan": {
      const v = facts.civilRegistry;
      if (!v) return result("civil_registry_padan", false, "ELIG_DUKCAPIL_UNVERIFIED");
      if (v.status !== "padan")
        return result("civil_registry_padan", false, "ELIG_DUKCAPIL_NOT_PADAN", {
          status: v.status,
          date: v.checkedOn,
        });
      return v.checkedOn >= monthsBefore(facts.asOf, rule.withinMonths)
        ? result("civil_registry_padan", true, "ELIG_DUKCAPIL_PADAN", { date: v.checkedOn })
        : result("civil_registry_padan", false, "ELIG_DUKCAPIL_STALE", {
            date: v.checkedOn,
            months: rule.withinMonths,
          });
    }
  }
}

export function evaluateEligibility(
  rules: readonly EligibilityRule[],
  facts: EligibilityFacts,
): EligibilityResult {
  const results = rules.map((rule) => evaluateRule(rule, facts));
  const failedRules = results.filter((r) => !r.passed).map((r) => r.rule);
  return { eligible: failedRules.length === 0, asOf: facts.asOf, results, failedRules };
}
