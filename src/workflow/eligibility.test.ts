import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/index.ts";
import {
  ageOn,
  type EligibilityFacts,
  type EligibilityRule,
  evaluateEligibility,
  type OtherClaim,
} from "./eligibility.ts";
import { WORKFLOW_MESSAGES } from "./messages.ts";
import { defaultPolicy, programPolicySchema } from "./policy.ts";

const facts = (
  overrides: Partial<EligibilityFacts> = {},
  person: Partial<EligibilityFacts["person"]> = {},
): EligibilityFacts => ({
  asOf: "2026-11-25",
  regencyCode: "64.01",
  person: {
    birthDate: "1988-07-05",
    employment: "informal_trader",
    villageCode: "64.01.05.2002",
    hasKk: true,
    ...person,
  },
  businessCount: 1,
  householdClaims: [],
  overlappingClaims: [],
  ...overrides,
});

const claim = (overrides: Partial<OtherClaim> = {}): OtherClaim => ({
  enrollmentId: "e1",
  personName: "Ahmad Yani",
  programCode: "blt-umkm",
  programName: "BLT UMKM",
  periodName: "Tahap 1",
  status: "verified",
  ...overrides,
});

const translate = createTranslator(WORKFLOW_MESSAGES);

describe("ageOn", () => {
  it.each([
    ["2009-11-25", "2026-11-25", 17],
    ["2009-11-26", "2026-11-25", 16],
    ["2009-12-01", "2026-11-25", 16],
    ["2008-02-29", "2026-02-28", 17],
    ["2008-02-29", "2026-03-01", 18],
  ])("a person born %s is %s years old on %s", (birth, day, age) => {
    expect(ageOn(birth, day)).toBe(age);
  });

  it("never decreases as the day moves on", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1920-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 }),
        (birth, days) => {
          const b = birth.toISOString().slice(0, 10);
          const d1 = new Date(birth.getTime() + 20 * 365 * 86_400_000).toISOString().slice(0, 10);
          const d2 = new Date(birth.getTime() + (20 * 365 + days) * 86_400_000).toISOString().slice(0, 10);
          expect(ageOn(b, d2)).toBeGreaterThanOrEqual(ageOn(b, d1));
        },
      ),
    );
  });
});

describe("each eligibility rule says whether it passed and why", () => {
  const cases: [
    string,
    EligibilityRule,
    EligibilityFacts,
    boolean,
    string,
    Record<string, string | number>,
  ][] = [
    ["an adult", { rule: "min_age", years: 17 }, facts(), true, "ELIG_AGE_MET", { age: 38, minimum: 17 }],
    [
      "a 16-year-old",
      { rule: "min_age", years: 17 },
      facts({}, { birthDate: "2010-01-01" }),
      false,
      "ELIG_AGE_BELOW",
      { age: 16, minimum: 17 },
    ],
    [
      "no birth date",
      { rule: "min_age", years: 17 },
      facts({}, { birthDate: null }),
      false,
      "ELIG_AGE_UNKNOWN",
      { minimum: 17 },
    ],
    [
      "a business owner",
      { rule: "has_business" },
      facts({ businessCount: 2 }),
      true,
      "ELIG_BUSINESS_PRESENT",
      { count: 2 },
    ],
    [
      "no business",
      { rule: "has_business" },
      facts({ businessCount: 0 }),
      false,
      "ELIG_BUSINESS_MISSING",
      {},
    ],
    [
      "a trader",
      { rule: "excluded_employment", employments: ["civil_servant"] },
      facts(),
      true,
      "ELIG_EMPLOYMENT_ALLOWED",
      { employment: "informal_trader" },
    ],
    [
      "a PNS/TNI/Polri",
      { rule: "excluded_employment", employments: ["civil_servant"] },
      facts({}, { employment: "civil_servant" }),
      false,
      "ELIG_EMPLOYMENT_EXCLUDED",
      { employment: "civil_servant" },
    ],
    [
      "unrecorded work",
      { rule: "excluded_employment", employments: ["civil_servant"] },
      facts({}, { employment: null }),
      false,
      "ELIG_EMPLOYMENT_UNKNOWN",
      { excluded: "civil_servant" },
    ],
    ["the only claimant of the KK", { rule: "one_per_household" }, facts(), true, "ELIG_HOUSEHOLD_ALONE", {}],
    [
      "a KK already claimed",
      { rule: "one_per_household" },
      facts({ householdClaims: [claim()] }),
      false,
      "ELIG_HOUSEHOLD_TAKEN",
      { name: "Ahmad Yani", program: "BLT UMKM", period: "Tahap 1", status: "verified" },
    ],
    [
      "no KK recorded",
      { rule: "one_per_household" },
      facts({}, { hasKk: false }),
      false,
      "ELIG_HOUSEHOLD_UNKNOWN",
      {},
    ],
    [
      "no other program",
      { rule: "not_enrolled_in", programCodes: ["bst-kemensos"] },
      facts({ overlappingClaims: [claim({ programCode: "pkh" })] }),
      true,
      "ELIG_OTHER_PROGRAM_NONE",
      { programs: "bst-kemensos" },
    ],
    [
      "receiving BST in the same period",
      { rule: "not_enrolled_in", programCodes: ["BST-Kemensos"] },
      facts({
        overlappingClaims: [
          claim({ programCode: "bst-kemensos", programName: "BST Kemensos", status: "paid" }),
        ],
      }),
      false,
      "ELIG_OTHER_PROGRAM_ENROLLED",
      { name: "Ahmad Yani", program: "BST Kemensos", period: "Tahap 1", status: "paid" },
    ],
    [
      "a resident of Paser",
      { rule: "resides_in_regency" },
      facts(),
      true,
      "ELIG_RESIDENT",
      { village: "64.01.05.2002" },
    ],
    [
      "a resident of Penajam Paser Utara",
      { rule: "resides_in_regency" },
      facts({}, { villageCode: "64.09.01.2001" }),
      false,
      "ELIG_NOT_RESIDENT",
      { village: "64.09.01.2001", regency: "64.01" },
    ],
  ];

  it.each(cases)("%s", (_name, rule, given, passed, code, params) => {
    const outcome = evaluateEligibility([rule], given);
    expect(outcome.results).toEqual([{ rule: rule.rule, passed, code, params }]);
    expect(outcome.eligible).toBe(passed);
    expect(outcome.failedRules).toEqual(passed ? [] : [rule.rule]);
  });

  it.each(cases)("explains %s in Indonesian and English without a hole in the text", (_name, rule, given) => {
    const [r] = evaluateEligibility([rule], given).results;
    if (!r) throw new Error("no result");
    for (const language of ["id", "en"] as const) {
      const text = translate(r.code, r.params, language);
      expect(text).not.toBe(r.code);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });
});

describe("a program's default policy", () => {
  it("asks UMKM programs for an SKU and a business, and everyone for KTP and KK, age, work, KK and residence", () => {
    expect(defaultPolicy("business")).toEqual({
      requiredDocuments: ["ktp", "kk", "sku"],
      rules: [
        { rule: "min_age", years: 17 },
        { rule: "excluded_employment", employments: ["civil_servant"] },
        { rule: "one_per_household" },
        { rule: "resides_in_regency" },
        { rule: "has_business" },
      ],
    });
    expect(defaultPolicy("person").requiredDocuments).toEqual(["ktp", "kk"]);
    expect(defaultPolicy("person").rules.map((r) => r.rule)).not.toContain("has_business");
  });

  it("lists every failing rule of a policy, not only the first", () => {
    const outcome = evaluateEligibility(
      defaultPolicy("business").rules,
      facts({ businessCount: 0, householdClaims: [claim()] }, { birthDate: "2012-01-01" }),
    );
    expect(outcome.failedRules).toEqual(["min_age", "one_per_household", "has_business"]);
    expect(outcome.eligible).toBe(false);
  });

  it("refuses a policy naming a rule twice or an unknown rule", () => {
    expect(
      programPolicySchema.safeParse({
        requiredDocuments: [],
        rules: [{ rule: "has_business" }, { rule: "has_business" }],
      }).success,
    ).toBe(false);
    expect(
      programPolicySchema.safeParse({ requiredDocuments: [], rules: [{ rule: "is_poor" }] }).success,
    ).toBe(false);
    expect(programPolicySchema.safeParse({ requiredDocuments: ["ktp", "ktp"], rules: [] }).success).toBe(
      false,
    );
  });
});
