// biome-ignore-all lint/style/noNonNullAssertion: in a test a missing element fails the assertion that reads it, which is the point.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeComparisons,
  comparisonsFromRatios,
  createComparisons,
  geometricMeanWeights,
  type Judgment,
  judgment,
  pairCount,
  principalEigenvector,
  ratioOf,
  SAATY_INTENSITIES,
} from "./ahp.ts";
import {
  aggregateJudgments,
  comparisonGroups,
  completeComparisons,
  entropyConsensus,
  groupDecision,
  type IncompleteComparisons,
} from "./group.ts";

const saatyJudgment = fc
  .tuple(fc.constantFrom(...SAATY_INTENSITIES), fc.constantFrom("first" as const, "second" as const))
  .map(([k, f]) => judgment(k, f));

const full = (n: number, ratios: number[]): IncompleteComparisons => comparisonsFromRatios(n, ratios);
const value = (j: Judgment | null | undefined) => ratioOf(j as Judgment);

describe("aggregation of individual judgments", () => {
  it("takes the geometric mean pair by pair", () => {
    const agg = aggregateJudgments([
      { judge: "kepala desa", comparisons: full(3, [2, 9, 1 / 3]) },
      { judge: "pendamping", comparisons: full(3, [8, 1, 3]) },
    ]);
    expect(value(agg.judgments[0])).toBeCloseTo(4, 14);
    expect(value(agg.judgments[1])).toBeCloseTo(3, 14);
    expect(value(agg.judgments[2])).toBeCloseTo(1, 14);
  });

  it("weights judges by their voting power", () => {
    const agg = aggregateJudgments([
      { judge: "RT", weight: 3, comparisons: full(2, [9]) },
      { judge: "RW", weight: 1, comparisons: full(2, [1]) },
    ]);
    expect(value(agg.judgments[0])).toBeCloseTo(9 ** 0.75, 13);
  });

  it("is itself reciprocal: aggregating the mirrored judgments mirrors the aggregate", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(saatyJudgment, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        (sets) => {
          const judges = sets.map((js, k) => ({ judge: `j${k}`, comparisons: createComparisons(4, js) }));
          const mirrored = sets.map((js, k) => ({
            judge: `j${k}`,
            comparisons: createComparisons(
              4,
              js.map((j) => judgment(j.intensity, j.favours === "first" ? "second" : "first")),
            ),
          }));
          const a = aggregateJudgments(judges);
          const b = aggregateJudgments(mirrored);
          a.judgments.forEach((j, k) => {
            expect(value(j) * value(b.judgments[k])).toBeCloseTo(1, 12);
          });
        },
      ),
    );
  });

  it("uses only the judges who answered a pair, and leaves a pair nobody answered blank", () => {
    const agg = aggregateJudgments([
      { judge: "a", comparisons: { size: 3, judgments: [judgment(4), null, null] } },
      { judge: "b", comparisons: { size: 3, judgments: [null, judgment(2), null] } },
    ]);
    expect(value(agg.judgments[0])).toBe(4);
    expect(value(agg.judgments[1])).toBe(2);
    expect(agg.judgments[2]).toBeNull();
  });

  it("rejects judges who compared a different number of elements or carry no weight", () => {
    expect(() => aggregateJudgments([])).toThrowError(expect.objectContaining({ code: "AHP_GROUP_EMPTY" }));
    expect(() =>
      aggregateJudgments([
        { judge: "a", comparisons: full(2, [3]) },
        { judge: "b", comparisons: full(3, [3, 3, 3]) },
      ]),
    ).toThrowError(expect.objectContaining({ code: "AHP_GROUP_SIZE_MISMATCH" }));
    expect(() => aggregateJudgments([{ judge: "a", weight: 0, comparisons: full(2, [3]) }])).toThrowError(
      expect.objectContaining({ code: "AHP_JUDGE_WEIGHT_INVALID" }),
    );
  });
});

describe("completion of missing judgments", () => {
  const incomplete = (n: number, ratios: (number | null)[]): IncompleteComparisons => ({
    size: n,
    judgments: ratios.map((r) => (r === null ? null : r >= 1 ? judgment(r) : judgment(1 / r, "second"))),
  });

  it("refuses judgments that do not connect all elements, naming the groups", () => {
    const c = incomplete(4, [3, null, null, null, null, 2]);
    expect(comparisonGroups(c)).toHaveLength(2);
    expect(() => completeComparisons(c)).toThrowError(
      expect.objectContaining({ code: "AHP_COMPARISONS_DISCONNECTED", params: { groups: "{1, 2} {3, 4}" } }),
    );
  });

  it("leaves a complete matrix as it is", () => {
    const c = comparisonsFromRatios(3, [2, 5, 3]);
    expect(completeComparisons(c).comparisons).toEqual(c);
    expect(completeComparisons(c).filled).toEqual([]);
  });

  it("fills a chain a > b > c by LLSM with the indirect path: a/c = a/b · b/c", () => {
    const { filled } = completeComparisons(incomplete(3, [3, null, 2]), "llsm");
    expect(filled).toHaveLength(1);
    expect(value(filled[0]?.judgment)).toBeCloseTo(6, 12);
  });

  const spanning = fc.integer({ min: 3, max: 8 }).chain((n) =>
    fc
      .tuple(
        fc.array(saatyJudgment, { minLength: pairCount(n), maxLength: pairCount(n) }),
        fc.array(fc.boolean(), { minLength: pairCount(n), maxLength: pairCount(n) }),
      )
      .map(([js, keep]) => {
        // Keep the chain (0,1), (1,2) … so the graph stays connected; drop others at random.
        const c: IncompleteComparisons = {
          size: n,
          judgments: js.map((j, k) => {
            let i = 0;
            let rest = k;
            while (rest >= n - 1 - i) rest -= n - 1 - i++;
            const isChain = rest === 0;
            return isChain || keep[k] ? j : null;
          }),
        };
        return c;
      }),
  );

  it("by LLSM keeps the incomplete LLSM priorities, which are the geometric means of the completed matrix", () => {
    fc.assert(
      fc.property(spanning, (c) => {
        const { comparisons, filled } = completeComparisons(c, "llsm");
        const w = geometricMeanWeights(comparisons);
        for (const f of filled)
          expect(Math.abs(Math.log(value(f.judgment) / (w[f.first]! / w[f.second]!)))).toBeLessThan(1e-11);
      }),
      { numRuns: 100 },
    );
  });

  it("by Harker makes the Harker vector the principal eigenvector of the completed matrix", () => {
    fc.assert(
      fc.property(spanning, (c) => {
        const { comparisons, filled } = completeComparisons(c, "harker");
        const w = principalEigenvector(comparisons).weights;
        for (const f of filled)
          expect(Math.abs(Math.log(value(f.judgment) / (w[f.first]! / w[f.second]!)))).toBeLessThan(1e-10);
      }),
      { numRuns: 100 },
    );
  });
});

describe("AHP consensus indicator (Goepel)", () => {
  it("is 1 when every judge gives the same priorities", () => {
    const c = entropyConsensus([
      [0.5, 0.3, 0.2],
      [0.5, 0.3, 0.2],
      [0.5, 0.3, 0.2],
    ]);
    expect(c?.value).toBeCloseTo(1, 14);
    expect(c?.level).toBe("very-high");
  });

  it("is 0 for two judges at the opposite extremes of the 1–9 scale", () => {
    // n = 2: Hα = H(.9, .1) = Hα,min and Hγ = ln 2, so e^−Hβ equals the floor e^Hα,min / n exactly.
    const c = entropyConsensus([
      [0.9, 0.1],
      [0.1, 0.9],
    ]);
    expect(c?.value).toBeCloseTo(0, 12);
    expect(c?.level).toBe("very-low");
  });

  it("falls as judges disagree more", () => {
    const close = entropyConsensus([
      [0.5, 0.3, 0.2],
      [0.45, 0.35, 0.2],
    ])!.value;
    const far = entropyConsensus([
      [0.7, 0.2, 0.1],
      [0.1, 0.2, 0.7],
    ])!.value;
    expect(close).toBeGreaterThan(far);
  });

  it("is not defined for a single judge", () => {
    expect(entropyConsensus([[0.5, 0.5]])).toBeNull();
  });
});

describe("a group decision", () => {
  it("aggregates, completes, analyses each judge, and measures consensus", () => {
    const decision = groupDecision([
      { judge: "kepala desa", comparisons: full(3, [3, 5, 2]) },
      { judge: "pendamping", comparisons: full(3, [2, 4, 2]) },
      { judge: "RT 03", comparisons: { size: 3, judgments: [judgment(4), null, judgment(3)] } },
    ]);
    expect(decision.judges.map((j) => j.judge)).toEqual(["kepala desa", "pendamping", "RT 03"]);
    expect(decision.judges[2]?.filled).toHaveLength(1);
    expect(decision.filled).toEqual([]);
    expect(decision.analysis.weights[0]).toBeGreaterThan(decision.analysis.weights[1]!);
    expect(decision.consensus?.value).toBeGreaterThan(0.85);
    expect(value(decision.comparisons.judgments[0])).toBeCloseTo((3 * 2 * 4) ** (1 / 3), 12);
  });

  it("keeps a judge whose answers are disconnected in the aggregate but out of the consensus", () => {
    const decision = groupDecision([
      { judge: "a", comparisons: full(3, [3, 5, 2]) },
      { judge: "b", comparisons: full(3, [2, 4, 2]) },
      { judge: "c", comparisons: { size: 3, judgments: [judgment(4), null, null] } },
    ]);
    expect(decision.judges[2]?.analysis).toBeNull();
    expect(decision.consensus).not.toBeNull();
    expect(analyzeComparisons(decision.comparisons).weights).toEqual(decision.analysis.weights);
  });
});
