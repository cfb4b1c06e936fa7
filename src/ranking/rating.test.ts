// biome-ignore-all lint/style/noNonNullAssertion: in a test a missing element fails the assertion that reads it, which is the point.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationFailed } from "../i18n/domain-error.ts";
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  HEALTH_CONDITIONS,
  HOUSE_CONDITIONS,
  MARITAL_STATUSES,
  type SocioEconomicProfile,
} from "../registry/attributes.ts";
import { BPS_POVERTY_TEMPLATE, SEED_003_MODEL } from "./defaults.ts";
import {
  ageOn,
  compileRatingModel,
  encodeSubjects,
  parseCalendarDate,
  type RatingModel,
  type RatingSubject,
  rescaledWeights,
  scoreEncoded,
  scoreSubject,
  withCriteriaWeights,
} from "./rating.ts";

const REFERENCE = "2024-07-01";
const seed003 = compileRatingModel(SEED_003_MODEL);

const emptyProfile: SocioEconomicProfile = {
  education: null,
  employment: null,
  monthlyIncome: null,
  maritalStatus: null,
  houseCondition: null,
  health: null,
  dependants: null,
  children: null,
  birthDate: null,
};

const profileArb: fc.Arbitrary<SocioEconomicProfile> = fc.record({
  education: fc.option(fc.constantFrom(...EDUCATION_LEVELS)),
  employment: fc.option(fc.constantFrom(...EMPLOYMENT_STATUSES)),
  monthlyIncome: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
  maritalStatus: fc.option(fc.constantFrom(...MARITAL_STATUSES)),
  houseCondition: fc.option(fc.constantFrom(...HOUSE_CONDITIONS)),
  health: fc.option(fc.constantFrom(...HEALTH_CONDITIONS)),
  dependants: fc.option(fc.integer({ min: 0, max: 12 })),
  children: fc.option(fc.integer({ min: 0, max: 12 })),
  birthDate: fc.option(
    fc
      .date({
        min: new Date("1930-01-01T00:00:00Z"),
        max: new Date("2006-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
});

const level = (subject: RatingSubject, criterion: string) =>
  scoreSubject(seed003, subject, REFERENCE).criteria.find((c) => c.criterion === criterion);

describe("the default models", () => {
  it.each([
    ["seed 003", SEED_003_MODEL],
    ["BPS template", BPS_POVERTY_TEMPLATE],
  ] as const)(
    "%s compiles with every comparison at CR <= 0.10 and the neediest level worth exactly 1",
    (_, model) => {
      const compiled = compileRatingModel(model);
      expect(compiled.criteriaAnalysis.consistencyRatio).toBeLessThanOrEqual(0.1);
      for (const c of compiled.criteria) {
        expect(c.levelAnalysis.consistencyRatio).toBeLessThanOrEqual(0.1);
        expect(Math.max(...c.levelValues)).toBe(1);
        expect(c.levelValues[0]).toBe(1);
      }
    },
  );

  it("has the eight criteria of seed 003", () => {
    expect(SEED_003_MODEL.criteria.map((c) => c.code).sort()).toEqual(
      [
        "jumlah_anak",
        "kesehatan",
        "pekerjaan",
        "pendidikan",
        "penghasilan",
        "status",
        "tempat_tinggal",
        "usia",
      ].sort(),
    );
  });

  it("is plain data that survives a JSON round trip unchanged in meaning", () => {
    const copy = JSON.parse(JSON.stringify(SEED_003_MODEL)) as RatingModel;
    expect(compileRatingModel(copy).weights).toEqual(seed003.weights);
  });

  it("scores the BPS template as the share of the 14 criteria met", () => {
    const indicators = {
      floorAreaUnder8m2PerPerson: true,
      noElectricity: true,
      oneOrTwoMealsADay: true,
      noOwnToilet: false,
    };
    const s = scoreSubject(
      compileRatingModel(BPS_POVERTY_TEMPLATE),
      { profile: { ...emptyProfile, education: "sd" }, indicators },
      REFERENCE,
    );
    expect(s.score).toBeCloseTo(4 / 14, 12);
    expect(s.unknownCriteria).toHaveLength(9);
  });
});

describe("band rules", () => {
  it.each([
    [0, "kurang_500rb"],
    [499_999, "kurang_500rb"],
    [500_000, "500rb_1jt"],
    [2_999_999, "2jt_3jt"],
    [3_000_000, "3jt_lebih"],
  ])("put a monthly income of Rp%i in band %s", (income, expected) => {
    expect(level({ profile: { ...emptyProfile, monthlyIncome: income } }, "penghasilan")?.level).toBe(
      expected,
    );
  });

  it.each([
    ["1964-07-01", "60_ke_atas"],
    ["1964-07-02", "45_59"],
    ["1999-07-01", "25_44"],
    ["1999-07-02", "di_bawah_25"],
  ])("age a head born %s on 2024-07-01 into %s", (birthDate, expected) => {
    expect(level({ profile: { ...emptyProfile, birthDate } }, "usia")?.level).toBe(expected);
  });

  it("counts a 29 February birthday complete on 1 March in common years", () => {
    const birth = parseCalendarDate("2000-02-29")!;
    expect(ageOn(birth, parseCalendarDate("2023-02-28")!)).toBe(22);
    expect(ageOn(birth, parseCalendarDate("2023-03-01")!)).toBe(23);
    expect(ageOn(birth, parseCalendarDate("2024-02-29")!)).toBe(24);
  });

  it.each(["2023-02-29", "2024-13-01", "24-01-01", "2024/01/01", "2024-1-01", ""])(
    "reject the date %j",
    (text) => {
      expect(parseCalendarDate(text)).toBeNull();
    },
  );

  it("map every value of a category attribute, and refuse a model that leaves one out", () => {
    const broken = structuredClone(SEED_003_MODEL) as RatingModel;
    const education = broken.criteria.find((c) => c.code === "pendidikan")!;
    const levels = { ...(education.rule as unknown as { levels: Record<string, string> }).levels };
    delete levels.sarjana;
    (education.rule as unknown as { levels: Record<string, string> }).levels = levels;
    try {
      compileRatingModel(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).issues).toContainEqual(
        expect.objectContaining({
          code: "RATING_CATEGORY_UNMAPPED",
          params: { criterion: "pendidikan", value: "sarjana" },
        }),
      );
    }
  });

  it("refuse bands that do not ascend or leave the top open-ended band out", () => {
    const broken = structuredClone(SEED_003_MODEL) as RatingModel;
    const income = broken.criteria.find((c) => c.code === "penghasilan")!;
    (income.rule as unknown as { bands: { below: number | null; level: string }[] }).bands = [
      { below: 1_000_000, level: "kurang_500rb" },
      { below: 500_000, level: "500rb_1jt" },
    ];
    expect(() => compileRatingModel(broken)).toThrow(ValidationFailed);
  });
});

describe("scores", () => {
  it("are the sum of criterion weight × level value, as each criterion's points show", () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const s = scoreSubject(seed003, { profile }, REFERENCE);
        let sum = 0;
        for (const c of s.criteria) {
          expect(c.points).toBe(c.weight * c.levelValue);
          sum += c.points;
        }
        expect(s.score).toBe(sum);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it("reach 1 exactly for the neediest household on every criterion", () => {
    const neediest: SocioEconomicProfile = {
      education: "none",
      employment: "unemployed",
      monthlyIncome: 100_000,
      maritalStatus: "widowed",
      houseCondition: "non_permanent",
      health: "disability",
      dependants: 6,
      children: 5,
      birthDate: "1950-01-01",
    };
    expect(scoreSubject(seed003, { profile: neediest }, REFERENCE).score).toBeCloseTo(1, 14);
  });

  it("of a household never change when other households apply, whatever their order", () => {
    fc.assert(
      fc.property(profileArb, fc.array(profileArb, { maxLength: 30 }), fc.nat(30), (profile, others, at) => {
        const alone = scoreSubject(seed003, { profile }, REFERENCE).score;
        const crowd = [...others];
        crowd.splice(Math.min(at, crowd.length), 0, profile);
        const levels = encodeSubjects(
          seed003,
          crowd.map((p) => ({ profile: p })),
          REFERENCE,
        );
        const scores = scoreEncoded(seed003, levels);
        expect(scores[Math.min(at, others.length)]).toBe(alone);
      }),
    );
  });

  it("give an unrecorded attribute no points, never the neediest level, and name it in the explanation", () => {
    const s = scoreSubject(seed003, { profile: { ...emptyProfile, education: "none" } }, REFERENCE);
    expect(s.unknownCriteria).toHaveLength(7);
    const income = s.criteria.find((c) => c.criterion === "penghasilan")!;
    expect(income).toMatchObject({ unknown: true, level: null, points: 0 });
    expect(s.criteria.find((c) => c.criterion === "pendidikan")).toMatchObject({
      unknown: false,
      level: "tidak_sekolah",
    });
  });

  it("score an unrecorded attribute as the level a program names, still flagged unknown", () => {
    const model = structuredClone(SEED_003_MODEL) as RatingModel;
    const income = model.criteria.find((c) => c.code === "penghasilan")!;
    (income as { whenUnknown: unknown }).whenUnknown = { kind: "level", level: "1jt_2jt" };
    const compiled = compileRatingModel(model);
    const s = scoreSubject(compiled, { profile: emptyProfile }, REFERENCE).criteria.find(
      (c) => c.criterion === "penghasilan",
    )!;
    const known = scoreSubject(
      compiled,
      { profile: { ...emptyProfile, monthlyIncome: 1_500_000 } },
      REFERENCE,
    ).criteria.find((c) => c.criterion === "penghasilan")!;
    expect(s).toMatchObject({ unknown: true, level: "1jt_2jt", points: known.points });
  });

  it("use overridden weights renormalised to 1 and record the override", () => {
    const over = withCriteriaWeights(seed003, [2, 1, 1, 1, 1, 1, 1, 2]);
    expect(over.weightsSource).toBe("override");
    expect(over.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 15);
    expect(over.weights[0]).toBeCloseTo(0.2, 15);
    expect(() => withCriteriaWeights(seed003, [1, -1, 1, 1, 1, 1, 1, 1])).toThrowError(
      expect.objectContaining({ code: "RATING_WEIGHTS_INVALID" }),
    );
  });

  it("rescale the other weights in proportion when one is set", () => {
    const w = rescaledWeights([0.5, 0.3, 0.2], 0, 0.8);
    expect(w[0]).toBe(0.8);
    expect(w[1]! / w[2]!).toBeCloseTo(1.5, 14);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 15);
  });

  it("refuse a malformed reference date", () => {
    expect(() => scoreSubject(seed003, { profile: emptyProfile }, "01-07-2024")).toThrowError(
      expect.objectContaining({ code: "RATING_REFERENCE_DATE_INVALID" }),
    );
  });
});
