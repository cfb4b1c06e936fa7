// biome-ignore-all lint/style/noNonNullAssertion: in a test a missing element fails the assertion that reads it, which is the point.
import { describe, expect, it } from "vitest";
import {
  analyzeComparisons,
  comparisonsFromRatios,
  consistentComparisons,
  judgment,
  pairIndex,
  withJudgment,
} from "./ahp.ts";
import { inconsistencyHints } from "./inconsistency.ts";

describe("inconsistency help", () => {
  it("stays silent when CR is at most 0.10", () => {
    const c = comparisonsFromRatios(4, [4, 3, 7, 1 / 3, 3, 5]);
    expect(inconsistencyHints(c)).toMatchObject({ acceptable: true, hints: [] });
  });

  it.each([
    [0, 2],
    [0, 3],
    [1, 4],
    [0, 4],
  ])("points first at the one reversed judgment (%i, %i) and proposes the consistent value", (i, j) => {
    // Weights 9 : 5 : 3 : 2 : 1 make a consistent matrix; reversing one judgment breaks it.
    const weights = [9, 5, 3, 2, 1];
    const clean = consistentComparisons(weights);
    const original = clean.judgments[pairIndex(5, i, j)]!;
    const broken = withJudgment(
      clean,
      i,
      j,
      judgment(original.intensity, original.favours === "first" ? "second" : "first"),
    );
    const report = inconsistencyHints(broken);
    expect(report.acceptable).toBe(false);
    const top = report.hints[0]!;
    expect([top.first, top.second]).toEqual([i, j]);
    expect(top.suggested.favours).toBe("first");
    expect(Math.abs(Math.log(top.suggested.intensity / (weights[i]! / weights[j]!)))).toBeLessThanOrEqual(
      Math.log(2) / 2 + 1e-9,
    );
    expect(top.resultingConsistencyRatio).toBeLessThanOrEqual(0.1);
  });

  it("reports the CR that the suggested change really produces, best first, and only improvements", () => {
    const c = comparisonsFromRatios(5, [3, 1 / 5, 7, 2, 1 / 4, 9, 3, 5, 1 / 2, 1 / 6]);
    const report = inconsistencyHints(c, { limit: 10 });
    expect(report.acceptable).toBe(false);
    expect(report.hints.length).toBeGreaterThan(1);
    let previous = 0;
    for (const h of report.hints) {
      const after = analyzeComparisons(withJudgment(c, h.first, h.second, h.suggested)).consistencyRatio;
      expect(after).toBe(h.resultingConsistencyRatio);
      expect(after).toBeLessThan(report.consistencyRatio);
      expect(after).toBeGreaterThanOrEqual(previous);
      previous = after;
    }
  });

  it("gives the ratio implied by the current priorities beside the suggestion", () => {
    const c = comparisonsFromRatios(3, [9, 1 / 9, 9]);
    const report = inconsistencyHints(c, { limit: 3 });
    const w = analyzeComparisons(c).weights;
    expect(report.hints.length).toBeGreaterThan(0);
    for (const h of report.hints) {
      expect(h.consistentRatio).toBeCloseTo(w[h.first]! / w[h.second]!, 12);
      expect(h.deviation).toBeGreaterThanOrEqual(1);
      expect(h.consistentJudgmentConsistencyRatio).toBe(
        analyzeComparisons(withJudgment(c, h.first, h.second, h.consistentJudgment)).consistencyRatio,
      );
      expect(h.consistentJudgmentConsistencyRatio).toBeGreaterThanOrEqual(h.resultingConsistencyRatio);
    }
  });

  it("can be asked for hints even when consistent enough (simulation screen)", () => {
    const c = comparisonsFromRatios(3, [2, 5, 3]);
    expect(inconsistencyHints(c).hints).toEqual([]);
    expect(inconsistencyHints(c, { always: true }).hints.length).toBeGreaterThan(0);
  });
});
