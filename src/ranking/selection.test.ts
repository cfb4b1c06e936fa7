// biome-ignore-all lint/style/noNonNullAssertion: in a test a missing element fails the assertion that reads it, which is the point.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  HEALTH_CONDITIONS,
  HOUSE_CONDITIONS,
  MARITAL_STATUSES,
  type SocioEconomicProfile,
} from "../registry/attributes.ts";
import { judgment } from "./ahp.ts";
import { SEED_003_MODEL } from "./defaults.ts";
import { compileRatingModel, type RatingModel, rescaledWeights, withCriteriaWeights } from "./rating.ts";
import {
  type Applicant,
  buildApplicantTable,
  criterionSensitivity,
  explainHousehold,
  nearCutoff,
  selectedIds,
  selectionCapacity,
  selectRecipients,
} from "./selection.ts";
import { modelSnapshot, RANKING_ENGINE_VERSION, verifySnapshot } from "./snapshot.ts";

const REFERENCE = "2024-07-01";
const compiled = compileRatingModel(SEED_003_MODEL);
const RULES = { quota: 60, amountPerRecipient: 600_000, budget: 60 * 600_000 };

const profileArb: fc.Arbitrary<SocioEconomicProfile> = fc.record({
  education: fc.option(fc.constantFrom(...EDUCATION_LEVELS), { freq: 20 }),
  employment: fc.option(fc.constantFrom(...EMPLOYMENT_STATUSES), { freq: 20 }),
  monthlyIncome: fc.option(fc.integer({ min: 0, max: 6_000_000 }), { freq: 20 }),
  maritalStatus: fc.option(fc.constantFrom(...MARITAL_STATUSES), { freq: 20 }),
  houseCondition: fc.option(fc.constantFrom(...HOUSE_CONDITIONS), { freq: 20 }),
  health: fc.option(fc.constantFrom(...HEALTH_CONDITIONS), { freq: 20 }),
  dependants: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 20 }),
  children: fc.option(fc.integer({ min: 0, max: 8 }), { freq: 20 }),
  birthDate: fc.option(
    fc
      .integer({ min: 1935, max: 2004 })
      .chain((y) =>
        fc.tuple(fc.constant(y), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
    { freq: 20 },
  ),
});

const population = (count: number, seed: number): Applicant[] =>
  fc
    .sample(fc.tuple(profileArb, fc.integer({ min: 0, max: 9 })), { seed, numRuns: count })
    .map(([profile, e], i) => ({
      id: `KK-${i}`,
      registrationNumber: 1000 + i,
      eligible: e !== 0,
      subject: { profile },
    }));

const base: SocioEconomicProfile = {
  education: "sd",
  employment: "daily_labourer",
  monthlyIncome: 800_000,
  maritalStatus: "married",
  houseCondition: "semi_permanent",
  health: "healthy",
  dependants: 3,
  children: 2,
  birthDate: "1970-01-01",
};

describe("capacity", () => {
  it.each([
    [{ quota: 10, amountPerRecipient: 600_000, budget: 6_000_000 }, 50, 10, "quota"],
    [{ quota: 10, amountPerRecipient: 600_000, budget: 5_999_999 }, 50, 9, "budget"],
    [{ quota: 10, amountPerRecipient: 600_000, budget: 60_000_000 }, 7, 7, "applicants"],
    [{ quota: 0, amountPerRecipient: 600_000, budget: 60_000_000 }, 7, 0, "quota"],
  ] as const)("of %o with %i eligible is %i, limited by %s", (rules, eligible, capacity, limitedBy) => {
    expect(selectionCapacity(rules, eligible)).toEqual({ capacity, limitedBy });
  });

  it.each([
    { quota: 10, amountPerRecipient: 0, budget: 1 },
    { quota: 10, amountPerRecipient: 600_000.5, budget: 6_000_000 },
    { quota: -1, amountPerRecipient: 1, budget: 1 },
    { quota: 1, amountPerRecipient: 1, budget: 2 ** 60 },
  ])("refuses rules that are not whole rupiah and counts: %o", (rules) => {
    expect(() => selectionCapacity(rules, 5)).toThrowError(
      expect.objectContaining({ code: "SELECTION_RULES_INVALID" }),
    );
  });
});

describe("selection", () => {
  it("never exceeds the quota or the budget, and pays every recipient the same whole-rupiah amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 0, max: 150_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        (quota, amount, budget, seed) => {
          const table = buildApplicantTable(compiled, population(60, seed), REFERENCE);
          const s = selectRecipients(
            compiled,
            table,
            { quota, amountPerRecipient: amount, budget },
            REFERENCE,
          );
          expect(s.selectedCount).toBeLessThanOrEqual(quota);
          expect(s.totalAmount).toBeLessThanOrEqual(budget);
          expect(s.totalAmount).toBe(s.selectedCount * amount);
          expect(Number.isSafeInteger(s.totalAmount)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("breaks a tie by the older head, then by the lower registration number, and ranks an unknown birth date last", () => {
    const applicants: Applicant[] = [
      {
        id: "young",
        registrationNumber: 1,
        eligible: true,
        subject: { profile: { ...base, birthDate: "1980-05-05" } },
      },
      {
        id: "unknown-age",
        registrationNumber: 0,
        eligible: true,
        subject: { profile: { ...base, birthDate: null } },
      },
      {
        id: "old-late",
        registrationNumber: 9,
        eligible: true,
        subject: { profile: { ...base, birthDate: "1975-01-01" } },
      },
      {
        id: "old-early",
        registrationNumber: 3,
        eligible: true,
        subject: { profile: { ...base, birthDate: "1975-01-01" } },
      },
    ];
    // Keep the age criterion out of the score so the four really tie: the 25–44 and 45–59 bands differ.
    const flat = structuredClone(SEED_003_MODEL) as RatingModel;
    const usia = flat.criteria.find((c) => c.code === "usia")!;
    (usia as { levelJudgments: unknown }).levelJudgments = usia.levelJudgments.map(() => judgment(1));
    const model = compileRatingModel(flat);
    const table = buildApplicantTable(model, applicants, REFERENCE);
    const s = selectRecipients(model, table, { quota: 2, amountPerRecipient: 1, budget: 10 }, REFERENCE);
    expect(Array.from(s.order, (i) => table.ids[i])).toEqual([
      "old-early",
      "old-late",
      "young",
      "unknown-age",
    ]);
    expect(selectedIds(table, s)).toEqual(["old-early", "old-late"]);
    const loser = explainHousehold(model, table, s, 0);
    expect(loser).toMatchObject({ selected: false, gapToCutoff: 0, decidedByTieBreak: true, rank: 3 });
  });

  it("leaves ineligible applicants out of the ranking, however high they would score", () => {
    const neediest: SocioEconomicProfile = {
      ...base,
      monthlyIncome: 0,
      employment: "unemployed",
      houseCondition: "non_permanent",
    };
    const applicants: Applicant[] = [
      { id: "ineligible", registrationNumber: 1, eligible: false, subject: { profile: neediest } },
      { id: "eligible", registrationNumber: 2, eligible: true, subject: { profile: base } },
    ];
    const table = buildApplicantTable(compiled, applicants, REFERENCE);
    const s = selectRecipients(compiled, table, RULES, REFERENCE);
    expect(selectedIds(table, s)).toEqual(["eligible"]);
    expect(explainHousehold(compiled, table, s, 0)).toMatchObject({
      eligible: false,
      rank: null,
      selected: false,
      gapToCutoff: null,
    });
  });

  it("does not depend on the order the applicants were listed in", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (seed, shuffle) => {
          const applicants = population(80, seed);
          const shuffled = [...applicants].sort(
            (a, b) => ((a.registrationNumber * shuffle) % 97) - ((b.registrationNumber * shuffle) % 97),
          );
          const one = buildApplicantTable(compiled, applicants, REFERENCE);
          const two = buildApplicantTable(compiled, shuffled, REFERENCE);
          const a = selectRecipients(compiled, one, RULES, REFERENCE);
          const b = selectRecipients(compiled, two, RULES, REFERENCE);
          expect(Array.from(b.order, (i) => two.ids[i])).toEqual(Array.from(a.order, (i) => one.ids[i]));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("explains each household: points per criterion summing to its score, and the gap to the cut-off", () => {
    const table = buildApplicantTable(compiled, population(200, 7), REFERENCE);
    const s = selectRecipients(compiled, table, RULES, REFERENCE);
    expect(s.cutoffScore).toBe(s.scores[s.order[s.selectedCount - 1]!]);
    for (let i = 0; i < table.count; i++) {
      const e = explainHousehold(compiled, table, s, i);
      expect(e.criteria.reduce((sum, c) => sum + c.points, 0)).toBe(e.score);
      if (!e.eligible) continue;
      if (e.selected) expect(e.gapToCutoff).toBeGreaterThanOrEqual(0);
      else expect(e.gapToCutoff).toBeLessThanOrEqual(0);
    }
  });

  it("lists the households nearest the cut-off first, from both sides", () => {
    const table = buildApplicantTable(compiled, population(200, 11), REFERENCE);
    const s = selectRecipients(compiled, table, RULES, REFERENCE);
    const near = nearCutoff(table, s, 5);
    expect(near).toHaveLength(10);
    expect(near.filter((h) => h.selected)).toHaveLength(5);
    for (let k = 1; k < near.length; k++)
      expect(Math.abs(near[k]!.gapToCutoff)).toBeGreaterThanOrEqual(Math.abs(near[k - 1]!.gapToCutoff));
    expect(near.map((h) => h.rank).sort((x, y) => x - y)).toEqual([56, 57, 58, 59, 60, 61, 62, 63, 64, 65]);
  });
});

describe("sensitivity per criterion", () => {
  const table = buildApplicantTable(compiled, population(300, 3), REFERENCE);
  const baseline = selectRecipients(compiled, table, RULES, REFERENCE);
  const selectedAt = (c: number, t: number) => {
    const model = withCriteriaWeights(compiled, rescaledWeights(compiled.weights, c, t));
    return selectedIds(table, selectRecipients(model, table, RULES, REFERENCE)).sort();
  };
  const expected = selectedIds(table, baseline).sort();
  const ranges = criterionSensitivity(compiled, table, baseline);

  it("contains the current weight", () => {
    for (const r of ranges) {
      expect(r.lower).not.toBeNull();
      expect(r.lower!).toBeLessThanOrEqual(r.weight);
      expect(r.upper!).toBeGreaterThanOrEqual(r.weight);
    }
  });

  it.each(SEED_003_MODEL.criteria.map((c, i) => [c.code, i] as const))(
    "for %s keeps the selection inside the range and changes it just outside",
    (_, c) => {
      const r = ranges[c]!;
      const delta = 1e-5;
      for (const t of [
        (r.lower! + r.weight) / 2,
        (r.upper! + r.weight) / 2,
        r.lower! + delta,
        r.upper! - delta,
      ]) {
        if (t < r.lower! || t > r.upper! || t < 0 || t > 1) continue;
        expect(selectedAt(c, t)).toEqual(expected);
      }
      if (r.upper! < 1 - delta) {
        expect(selectedAt(c, r.upper! + delta)).not.toEqual(expected);
        const swap = r.atUpper!;
        const after = selectedAt(c, r.upper! + delta);
        expect(after).toContain(table.ids[swap.entering]);
        expect(after).not.toContain(table.ids[swap.leaving]);
      }
      if (r.lower! > delta) expect(selectedAt(c, r.lower! - delta)).not.toEqual(expected);
    },
  );
});

describe("the model snapshot", () => {
  it("hashes the same model to the same SHA-256 whatever the key order", () => {
    const reordered = JSON.parse(
      JSON.stringify(SEED_003_MODEL, Object.keys(SEED_003_MODEL).reverse()),
    ) as RatingModel;
    const shuffled = { ...reordered, ...SEED_003_MODEL };
    const a = modelSnapshot(compiled);
    const b = modelSnapshot(compileRatingModel(shuffled));
    expect(b.sha256).toBe(a.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySnapshot(a.json, a.sha256)).toBe(true);
  });

  it("changes when a judgment, a weight override or a rule changes", () => {
    const hash = modelSnapshot(compiled).sha256;
    const judged = structuredClone(SEED_003_MODEL) as RatingModel;
    (judged as { criteriaJudgments: unknown }).criteriaJudgments = [
      judgment(3),
      ...SEED_003_MODEL.criteriaJudgments.slice(1),
    ];
    expect(modelSnapshot(compileRatingModel(judged)).sha256).not.toBe(hash);
    expect(modelSnapshot(withCriteriaWeights(compiled, [...compiled.weights])).sha256).not.toBe(hash);
    const banded = structuredClone(SEED_003_MODEL) as RatingModel;
    const income = banded.criteria.find((c) => c.code === "penghasilan")!.rule as unknown as {
      bands: { below: number | null }[];
    };
    income.bands[0]!.below = 550_000;
    expect(modelSnapshot(compileRatingModel(banded)).sha256).not.toBe(hash);
  });

  it("is canonical JSON carrying the model, the derived priorities and the engine version", () => {
    const s = modelSnapshot(compiled);
    const document = JSON.parse(s.json);
    expect(document.engine.version).toBe(RANKING_ENGINE_VERSION);
    expect(document.model.criteriaJudgments).toEqual(SEED_003_MODEL.criteriaJudgments);
    expect(document.derived.criteria.map((c: { weight: number }) => c.weight)).toEqual(compiled.weights);
    expect(document.model.randomIndexTable).toBe("saaty1980");
    expect(s.json).not.toMatch(/\n| {2}/);
    expect(verifySnapshot(s.json.replace("saaty1980", "alonso-lamata"), s.sha256)).toBe(false);
  });

  it("travels with every selection", () => {
    const table = buildApplicantTable(compiled, population(10, 1), REFERENCE);
    expect(selectRecipients(compiled, table, RULES, REFERENCE).snapshot.sha256).toBe(
      modelSnapshot(compiled).sha256,
    );
  });
});
