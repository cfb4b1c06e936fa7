import { describe, expect, it } from "vitest";
import { FACTOR_COUNT, FACTOR_LEVEL_COUNTS } from "./factors.ts";
import { expectationMaximisation, probabilityOf, weightOf } from "./model.ts";

/** Place value of each factor in a factor pattern. */
const RADIX = FACTOR_LEVEL_COUNTS.map((_, f) => FACTOR_LEVEL_COUNTS.slice(0, f).reduce((p, k) => p * k, 1));

/** A pattern where every factor is at `level` (clamped to the factor's levels). */
const uniform = (level: number) =>
  RADIX.reduce(
    (pattern, radix, f) => pattern + Math.min(level, (FACTOR_LEVEL_COUNTS[f] as number) - 1) * radix,
    0,
  );

describe("Fellegi–Sunter training", () => {
  it("separates agreeing from disagreeing pairs without labels and estimates the match share", () => {
    // 300 pairs agreeing on every factor (level 1), 700 disagreeing on every factor, 100 mixed.
    const counts = new Map<number, number>([
      [uniform(1), 300],
      [uniform(9), 700],
    ]);
    const mixed = uniform(1) - (RADIX[0] as number) + (FACTOR_LEVEL_COUNTS[0] as number) - 1;
    counts.set(mixed, 100); // agrees on everything but the NIK
    const u = FACTOR_LEVEL_COUNTS.map((k) =>
      Array.from({ length: k }, (_, level) => (level === 0 ? 1 : 1 / (k - 1))),
    );
    const em = expectationMaximisation(counts, u, 100);
    expect(em.converged).toBe(true);
    expect(em.matchShare).toBeGreaterThan(0.33);
    expect(em.matchShare).toBeLessThan(0.4);
    for (let f = 0; f < FACTOR_COUNT; f++) expect(em.m[f]?.[1]).toBeGreaterThan(0.7);
  });

  it("converts between match weight and probability", () => {
    expect(probabilityOf(0)).toBe(0.5);
    expect(weightOf(0.9)).toBeCloseTo(Math.log2(9), 10);
    expect(probabilityOf(weightOf(0.123))).toBeCloseTo(0.123, 10);
  });
});
