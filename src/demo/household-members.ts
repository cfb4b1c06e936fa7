/**
 * Who lives under one KK in the demo population: head, spouse, the children still at home, sometimes a parent or
 * a relative. Poorer households have more children, as they do in the field.
 */
import type { HouseholdRole, MaritalStatus, Sex } from "../registry/attributes.ts";
import { civilDate } from "./calendar.ts";
import { type Random, WeightedTable } from "./random.ts";

const HEAD_AGE_BANDS = new WeightedTable<number>([
  [20, 10],
  [30, 25],
  [40, 26],
  [50, 20],
  [60, 12],
  [70, 7],
]);

export interface MemberDraft {
  role: HouseholdRole;
  sex: Sex;
  age: number;
  maritalStatus: MaritalStatus;
  name?: string;
}

/** Who lives under one KK: head, spouse, the children still at home, sometimes a parent or a relative. */
export function draftMembers(rng: Random, welfare: number, todayDay: number): MemberDraft[] {
  const headSex: Sex = rng.chance(0.86) ? "L" : "P";
  const headAge = Math.min(90, HEAD_AGE_BANDS.draw(rng) + rng.int(10));
  const drafts: MemberDraft[] = [];
  let married: boolean;
  let headMarital: MaritalStatus;
  if (headSex === "L") {
    married = rng.chance(headAge < 25 ? 0.6 : headAge >= 70 ? 0.65 : 0.93);
    headMarital = married ? "married" : headAge < 32 ? "single" : rng.chance(0.6) ? "widowed" : "divorced";
  } else {
    married = false;
    headMarital =
      headAge > 55
        ? rng.chance(0.8)
          ? "widowed"
          : "divorced"
        : rng.pick(["divorced", "divorced", "widowed", "single"]);
  }
  drafts.push({ role: "head", sex: headSex, age: headAge, maritalStatus: headMarital });

  let motherAge: number | null = null;
  if (married) {
    const spouseAge = Math.max(17, Math.min(90, headAge - rng.between(-3, 9)));
    drafts.push({ role: "spouse", sex: "P", age: spouseAge, maritalStatus: "married" });
    motherAge = spouseAge;
  } else if (headMarital !== "single") {
    motherAge = headSex === "P" ? headAge : Math.max(17, headAge - rng.between(0, 8));
  }

  if (motherAge !== null) {
    const motherBirthYear = civilDate(todayDay).year - motherAge;
    const cohortBoost = motherBirthYear < 1970 ? 1.2 : motherBirthYear < 1985 ? 0.5 : 0;
    const births = Math.min(9, poisson(rng, 1.7 + (1 - welfare) * 1.9 + cohortBoost));
    let motherAgeAtBirth = welfare < 0.35 ? rng.between(17, 24) : rng.between(20, 29);
    const children: MemberDraft[] = [];
    for (let i = 0; i < births && motherAgeAtBirth <= 44; i++) {
      const childAge = motherAge - motherAgeAtBirth;
      if (childAge < 0) break;
      const stays = childAge <= 17 ? 0.97 : childAge <= 24 ? 0.7 : childAge <= 34 ? 0.3 : 0.08;
      if (rng.chance(stays)) {
        children.push({
          role: "child",
          sex: rng.chance(0.51) ? "L" : "P",
          age: childAge,
          maritalStatus: "single",
        });
      }
      motherAgeAtBirth += rng.between(2, 5);
    }
    drafts.push(...children);
  }

  if (headAge >= 28 && headAge <= 62 && rng.chance(0.08)) {
    const parentAge = Math.min(95, headAge + rng.between(20, 32));
    drafts.push({
      role: "parent",
      sex: rng.chance(0.7) ? "P" : "L",
      age: parentAge,
      maritalStatus: "widowed",
    });
  }
  if (rng.chance(0.05)) {
    const age = headAge >= 50 && rng.chance(0.6) ? rng.between(0, 10) : rng.between(8, 30);
    drafts.push({ role: "other", sex: rng.chance(0.5) ? "L" : "P", age, maritalStatus: "single" });
  }
  return drafts;
}

function poisson(rng: Random, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = rng.float();
  while (product > limit) {
    k++;
    product *= rng.float();
  }
  return k;
}
