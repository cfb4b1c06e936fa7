import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashKey, Random, WeightedTable, zipfTable } from "./random.ts";

const draws = (rng: Random, n: number) => Array.from({ length: n }, () => rng.uint32());

describe("Random", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    expect(draws(new Random(42), 50)).toEqual(draws(new Random(42), 50));
    expect(draws(new Random(42), 50)).not.toEqual(draws(new Random(43), 50));
  });

  it("derives named streams that do not depend on each other's draws", () => {
    const a = Random.derive(7, "names");
    const before = draws(Random.derive(7, "names"), 5);
    Random.derive(7, "phones").uint32();
    expect(draws(a, 5)).toEqual(before);
    expect(before).not.toEqual(draws(Random.derive(7, "phones"), 5));
    expect(hashKey(7, "a", "b")).not.toBe(hashKey(7, "ab"));
  });

  it("keeps float in [0, 1), int below its bound and between within both ends", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -50, max: 50 }),
        (seed, n, lo) => {
          const rng = new Random(seed);
          for (let i = 0; i < 20; i++) {
            const f = rng.float();
            expect(f).toBeGreaterThanOrEqual(0);
            expect(f).toBeLessThan(1);
            const k = rng.int(n);
            expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
            const b = rng.between(lo, lo + n);
            expect(b >= lo && b <= lo + n).toBe(true);
          }
        },
      ),
    );
  });

  it("is roughly uniform: each tenth of [0, 1) gets about a tenth of 100,000 draws", () => {
    const rng = new Random(1);
    const bins = new Uint32Array(10);
    for (let i = 0; i < 100_000; i++) {
      const bin = Math.floor(rng.float() * 10);
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it("shuffles into a permutation of the same items", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 50 }), (seed, items) => {
        const shuffled = new Random(seed).shuffle([...items]);
        expect([...shuffled].sort()).toEqual([...items].sort());
      }),
    );
  });

  it("draws normal deviates with the asked mean and spread", () => {
    const rng = new Random(3);
    const values = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it("refuses to pick from an empty list", () => {
    expect(() => new Random(1).pick([])).toThrow(RangeError);
  });
});

describe("WeightedTable", () => {
  it("draws in proportion to the weights and never a zero-weight item", () => {
    const table = new WeightedTable([
      ["a", 1],
      ["b", 3],
      ["never", 0],
    ]);
    const rng = new Random(5);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 40_000; i++) {
      const item = table.draw(rng);
      counts[item] = (counts[item] ?? 0) + 1;
    }
    expect(counts.never).toBeUndefined();
    expect((counts.b ?? 0) / (counts.a ?? 1)).toBeGreaterThan(2.8);
    expect((counts.b ?? 0) / (counts.a ?? 1)).toBeLessThan(3.2);
  });

  it("makes the first of a Zipf list the most frequent", () => {
    const table = zipfTable(["first", "second", "third", "fourth"]);
    const rng = new Random(9);
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const item = table.draw(rng);
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    expect(counts.get("first")).toBeGreaterThan(counts.get("second") ?? 0);
    expect(counts.get("second")).toBeGreaterThan(counts.get("fourth") ?? 0);
  });

  it("rejects a table without a positive weight", () => {
    expect(() => new WeightedTable([["x", 0]])).toThrow(RangeError);
  });
});
