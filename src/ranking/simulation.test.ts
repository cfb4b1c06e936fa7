// biome-ignore-all lint/style/noNonNullAssertion: in a test a missing element fails the assertion that reads it, which is the point.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  HEALTH_CONDITIONS,
  HOUSE_CONDITIONS,
  MARITAL_STATUSES,
} from "../registry/attributes.ts";
import { createComparisons, judgment, withJudgment } from "./ahp.ts";
import { SEED_003_MODEL } from "./defaults.ts";
import {
  compileRatingModel,
  rescaledWeights,
  withCriteriaJudgments,
  withCriteriaWeights,
  withLevelJudgments,
} from "./rating.ts";
import { type Applicant, buildApplicantTable, selectRecipients } from "./selection.ts";
import { createSimulation } from "./simulation.ts";

const REFERENCE = "2024-07-01";
const RULES = { quota: 150, amountPerRecipient: 300_000, budget: 150 * 300_000 };
const compiled = compileRatingModel(SEED_003_MODEL);

const applicants: Applicant[] = fc
  .sample(
    fc.record({
      education: fc.constantFrom(...EDUCATION_LEVELS),
      employment: fc.constantFrom(...EMPLOYMENT_STATUSES),
      monthlyIncome: fc.integer({ min: 0, max: 5_000_000 }),
      maritalStatus: fc.constantFrom(...MARITAL_STATUSES),
      houseCondition: fc.constantFrom(...HOUSE_CONDITIONS),
      health: fc.constantFrom(...HEALTH_CONDITIONS),
      dependants: fc.integer({ min: 0, max: 8 }),
      children: fc.integer({ min: 0, max: 7 }),
      birthDate: fc.option(fc.integer({ min: 1940, max: 2003 }).map((y) => `${y}-06-15`)),
    }),
    { seed: 2024, numRuns: 1000 },
  )
  .map((profile, i) => ({
    id: `KK-${i}`,
    registrationNumber: i,
    eligible: i % 10 !== 0,
    subject: { profile },
  }));
const table = buildApplicantTable(compiled, applicants, REFERENCE);
const simulation = createSimulation(compiled, table, RULES);

const fullSelection = (model: typeof compiled) => {
  const s = selectRecipients(model, table, RULES, REFERENCE);
  return Array.from(s.order.subarray(0, s.selectedCount));
};

describe("the simulation", () => {
  it("starts from the same selection, in the same order, as the official ranking", () => {
    expect(Array.from(simulation.baseline.selected)).toEqual(fullSelection(compiled));
    expect(simulation.capacity).toBe(150);
  });

  it("shows nobody entering or leaving when nothing changes", () => {
    const r = simulation.whatIf({ kind: "weights", weights: compiled.weights });
    expect(r.entering).toHaveLength(0);
    expect(r.leaving).toHaveLength(0);
    expect(Array.from(r.selected)).toEqual(Array.from(simulation.baseline.selected));
  });

  it("after changing one criteria judgment matches a full re-ranking, with new weights and CR", () => {
    const r = simulation.whatIf({
      kind: "criteria-judgment",
      first: "usia",
      second: "penghasilan",
      judgment: judgment(3),
    });
    const comparisons = withJudgment(
      createComparisons(8, SEED_003_MODEL.criteriaJudgments),
      7,
      0,
      judgment(3),
    );
    const expected = withCriteriaJudgments(compiled, comparisons.judgments);
    expect(r.weights).toEqual(expected.weights);
    expect(r.criteriaAnalysis.consistencyRatio).toBe(expected.criteriaAnalysis.consistencyRatio);
    expect(r.criteriaAnalysis.consistencyRatio).toBeGreaterThan(compiled.criteriaAnalysis.consistencyRatio);
    expect(Array.from(r.selected)).toEqual(fullSelection(expected));
    expect(r.entering.length).toBeGreaterThan(0);
  });

  it("lists exactly who enters and who leaves, as many of each", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.double({ min: 0, max: 1, noNaN: true }), (c, t) => {
        const r = simulation.whatIf({
          kind: "weight",
          criterion: SEED_003_MODEL.criteria[c]!.code,
          weight: t,
        });
        const before = new Set(simulation.baseline.selected);
        const after = new Set(r.selected);
        expect(Array.from(r.entering)).toEqual(Array.from(r.selected).filter((i) => !before.has(i)));
        expect(Array.from(r.leaving)).toEqual(
          Array.from(simulation.baseline.selected).filter((i) => !after.has(i)),
        );
        expect(r.entering.length).toBe(r.leaving.length);
        expect(Math.abs(r.weights[c]! - t)).toBeLessThanOrEqual(1e-15);
        expect(Array.from(r.selected)).toEqual(
          fullSelection(withCriteriaWeights(compiled, rescaledWeights(compiled.weights, c, t))),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("re-derives level values when the levels of one criterion are judged again", () => {
    const flat = SEED_003_MODEL.criteria[0]!.levelJudgments.map(() => judgment(1));
    const r = simulation.whatIf({ kind: "level-judgments", criterion: "penghasilan", judgments: flat });
    expect(r.model.criteria[0]!.levelValues.every((v) => v === 1)).toBe(true);
    expect(Array.from(r.selected)).toEqual(fullSelection(withLevelJudgments(compiled, "penghasilan", flat)));
  });

  it("applies a change on top of an earlier what-if when asked to", () => {
    const first = simulation.whatIf({ kind: "weight", criterion: "usia", weight: 0.3 });
    const second = simulation.whatIf({ kind: "weight", criterion: "kesehatan", weight: 0.2 }, first.model);
    expect(second.weights[7]! / second.weights[0]!).toBeCloseTo(first.weights[7]! / first.weights[0]!, 12);
  });

  it("rejects a weight outside 0..1 and an unknown criterion", () => {
    expect(() => simulation.whatIf({ kind: "weight", criterion: "usia", weight: 1.5 })).toThrowError(
      expect.objectContaining({ code: "RATING_WEIGHTS_INVALID" }),
    );
    expect(() => simulation.whatIf({ kind: "weight", criterion: "agama", weight: 0.5 })).toThrowError(
      expect.objectContaining({ code: "RATING_CRITERION_UNKNOWN" }),
    );
  });
});
