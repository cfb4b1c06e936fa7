/**
 * A demo person's living conditions — schooling, work, income, house, health and the chance of a business — each
 * drawn from the household's latent welfare index, so the ranking has a real signal to find.
 */
import type {
  EducationLevel,
  EmploymentStatus,
  HealthCondition,
  HouseCondition,
} from "../registry/attributes.ts";
import type { MemberDraft } from "./household-members.ts";
import type { Random } from "./random.ts";

const EDUCATION_BY_SCORE: readonly [number, EducationLevel][] = [
  [0.13, "none"],
  [0.32, "sd"],
  [0.5, "smp"],
  [0.76, "sma"],
  [0.82, "diploma"],
  [Number.POSITIVE_INFINITY, "sarjana"],
];

/** Highest completed level: children by age, adults by welfare and cohort (younger cohorts stayed longer). */
export function educationFor(rng: Random, age: number, birthYear: number, welfare: number): EducationLevel {
  if (age < 13) return "none";
  if (age < 16) return rng.chance(0.95) ? "sd" : "none";
  if (age < 19) return rng.chance(0.85 - (1 - welfare) * 0.2) ? "smp" : "sd";
  const youth = Math.min(1, Math.max(0, (birthYear - 1940) / 60));
  let score = 0.5 * welfare + 0.3 * youth + 0.45 * rng.float() - 0.2;
  if (age < 23) score = Math.min(score, 0.84);
  for (const [limit, level] of EDUCATION_BY_SCORE) if (score < limit) return level;
  return "sarjana";
}

interface Work {
  employment: EmploymentStatus;
  context: "homemaker" | "student" | "other";
}

const EMPLOYMENT_ORDER: readonly EmploymentStatus[] = [
  "civil_servant",
  "private_employee",
  "informal_trader",
  "farmer_fisher",
  "daily_labourer",
  "unemployed",
];

const employmentWeights = new Float64Array(EMPLOYMENT_ORDER.length);

export function employmentFor(
  rng: Random,
  age: number,
  draft: MemberDraft,
  education: EducationLevel,
  welfare: number,
  urban: boolean,
): Work {
  if (age < 15) return { employment: "unemployed", context: age >= 6 ? "student" : "other" };
  if (draft.role === "child" || draft.role === "other") {
    const studying = age <= 18 ? 0.6 + 0.35 * welfare : age <= 23 ? 0.1 + 0.6 * welfare : 0;
    if (rng.chance(studying)) return { employment: "unemployed", context: "student" };
  }
  const educated = education === "diploma" || education === "sarjana";
  if (age >= 58 && educated && welfare > 0.45 && rng.chance(0.65))
    return { employment: "retired", context: "other" };
  if (age >= 65) {
    const roll = rng.float();
    if (roll < 0.6) return { employment: "unemployed", context: draft.sex === "P" ? "homemaker" : "other" };
    if (roll < 0.85) return { employment: urban ? "informal_trader" : "farmer_fisher", context: "other" };
    return { employment: roll < 0.95 ? "informal_trader" : "daily_labourer", context: "other" };
  }
  if (
    draft.sex === "P" &&
    (draft.role === "spouse" || draft.role === "parent") &&
    rng.chance(0.45 + 0.15 * welfare)
  ) {
    return { employment: "unemployed", context: "homemaker" };
  }

  const educationRank = EDUCATION_RANK[education];
  employmentWeights[0] = educated ? 3 + 25 * welfare : education === "sma" ? 3 * welfare : 0;
  employmentWeights[1] =
    educationRank >= 3 ? 8 + 20 * welfare : educationRank === 2 ? 6 : educationRank === 1 ? 3 : 1;
  employmentWeights[2] = 12 + 6 * welfare + (urban ? 8 : 0);
  employmentWeights[3] = urban ? 4 : 26 * (1 - 0.5 * welfare);
  employmentWeights[4] = 28 * (1 - welfare) ** 1.5 + 2;
  employmentWeights[5] = 6 * (1 - welfare) + 1 + (draft.sex === "P" ? 10 : 0);
  let total = 0;
  for (const weight of employmentWeights) total += weight;
  let target = rng.float() * total;
  for (let i = 0; i < EMPLOYMENT_ORDER.length; i++) {
    target -= employmentWeights[i] as number;
    if (target < 0) {
      const employment = EMPLOYMENT_ORDER[i] as EmploymentStatus;
      return {
        employment,
        context: employment === "unemployed" && draft.sex === "P" ? "homemaker" : "other",
      };
    }
  }
  return { employment: "unemployed", context: "other" };
}

const EDUCATION_RANK: Record<EducationLevel, number> = {
  none: 0,
  sd: 1,
  smp: 2,
  sma: 3,
  diploma: 4,
  sarjana: 5,
};

/** Monthly income bands in rupiah; Paser's minimum wage (UMK) is about Rp 3.7 million. */
const INCOME_BANDS: Record<EmploymentStatus, readonly [number, number]> = {
  unemployed: [0, 0],
  daily_labourer: [1_000_000, 3_200_000],
  farmer_fisher: [700_000, 4_000_000],
  informal_trader: [800_000, 6_500_000],
  private_employee: [3_000_000, 9_500_000],
  civil_servant: [3_500_000, 11_000_000],
  retired: [1_500_000, 5_000_000],
};

export function incomeFor(rng: Random, employment: EmploymentStatus, welfare: number, age: number): number {
  const [low, high] = INCOME_BANDS[employment];
  if (high === 0) return age >= 18 && rng.chance(0.1) ? rng.between(1, 10) * 50_000 : 0;
  const position = Math.min(1, 0.65 * welfare + 0.35 * rng.float());
  return Math.round((low + (high - low) * position) / 50_000) * 50_000;
}

export function houseConditionFor(rng: Random, welfare: number): HouseCondition {
  const roll = rng.float();
  if (welfare < 0.2)
    return roll < 0.5
      ? "non_permanent"
      : roll < 0.8
        ? "semi_permanent"
        : roll < 0.95
          ? "no_own_house"
          : "permanent";
  if (welfare < 0.45)
    return roll < 0.2
      ? "non_permanent"
      : roll < 0.6
        ? "semi_permanent"
        : roll < 0.75
          ? "no_own_house"
          : "permanent";
  if (welfare < 0.75)
    return roll < 0.05
      ? "non_permanent"
      : roll < 0.3
        ? "semi_permanent"
        : roll < 0.4
          ? "no_own_house"
          : "permanent";
  return roll < 0.08 ? "semi_permanent" : roll < 0.12 ? "no_own_house" : "permanent";
}

export function healthFor(rng: Random, age: number, welfare: number): HealthCondition {
  const roll = rng.float();
  const frailty = 1 + (0.5 - welfare) * 0.6;
  if (age >= 70)
    return roll < 0.45 ? "elderly_dependent" : roll < 0.45 + 0.2 * frailty ? "chronic_illness" : "healthy";
  if (age >= 60)
    return roll < 0.1 ? "elderly_dependent" : roll < 0.1 + 0.2 * frailty ? "chronic_illness" : "healthy";
  if (age >= 40)
    return roll < 0.02 ? "disability" : roll < 0.02 + 0.09 * frailty ? "chronic_illness" : "healthy";
  return roll < 0.015 ? "disability" : roll < 0.015 + 0.02 * frailty ? "chronic_illness" : "healthy";
}

const BUSINESS_CHANCE: Record<EmploymentStatus, number> = {
  informal_trader: 0.45,
  farmer_fisher: 0.1,
  daily_labourer: 0.05,
  private_employee: 0.04,
  unemployed: 0.06,
  civil_servant: 0.03,
  retired: 0.1,
};

export function businessChance(employment: EmploymentStatus | null, welfare: number): number {
  return (employment ? BUSINESS_CHANCE[employment] : 0.05) * (0.8 + 0.4 * welfare);
}
