import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benjaminiHochberg, binomialUpperTail, sampleSize, zFor } from "./statistics.ts";

describe("exact binomial upper tail", () => {
  it.each([
    // k, n, p, P(X ≥ k) computed by hand / Σ C(n, i) pⁱ (1 − p)ⁿ⁻ⁱ summed exactly in integers
    [0, 10, 0.3, 1],
    [1, 1, 0.3, 0.3],
    [2, 2, 0.5, 0.25],
    [5, 10, 0.5, 0.623046875],
    [3, 20, 0.03, 0.021008356],
    [5, 12, 0.03, 0.0000161264],
    [11, 10, 0.5, 0],
  ] as const)("P(X ≥ %d | n = %d, p = %d) = %d", (k, n, p, expected) => {
    expect(binomialUpperTail(k, n, p)).toBeCloseTo(expected, 9);
  });

  it("stays a probability that falls as k grows, even for large n and small p", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0.0001, max: 0.9999, noNaN: true }),
        fc.integer({ min: 0, max: 3000 }),
        (n, p, raw) => {
          const k = raw % (n + 1);
          const here = binomialUpperTail(k, n, p);
          const next = binomialUpperTail(k + 1, n, p);
          expect(here).toBeGreaterThanOrEqual(0);
          expect(here).toBeLessThanOrEqual(1);
          expect(next).toBeLessThanOrEqual(here + 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("Benjamini–Hochberg", () => {
  it("adjusts as the textbook example does", () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q.map((v) => Number(v.toFixed(4)))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it("never lowers a p-value and keeps the order of the p-values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (ps) => {
          const q = benjaminiHochberg(ps);
          for (const [i, p] of ps.entries()) expect(q[i]).toBeGreaterThanOrEqual(p - 1e-15);
          for (let i = 0; i < ps.length; i++)
            for (let j = 0; j < ps.length; j++)
              if ((ps[i] as number) < (ps[j] as number)) expect(q[i]).toBeLessThanOrEqual(q[j] as number);
        },
      ),
    );
  });
});

describe("sample size", () => {
  it("is 1.96 for 95 % two-sided", () => expect(zFor(0.95)).toBeCloseTo(1.959964, 5));

  it.each([
    [10, 10],
    [100, 80],
    [1000, 278],
    [1_000_000, 384],
    [0, 0],
  ] as const)("95 per cent ±5 points of %d lines asks %d", (population, expected) => {
    expect(sampleSize(population)).toBe(expected);
  });

  it("never asks more than the population and grows with it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        expect(sampleSize(n)).toBeLessThanOrEqual(n);
        expect(sampleSize(n + 1)).toBeGreaterThanOrEqual(sampleSize(n));
      }),
    );
  });
});
