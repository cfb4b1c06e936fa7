import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  birthKey,
  compareRank,
  type RankKeys,
  SCORE_SCALE,
  scoreKey,
  selectTop,
  sortByRank,
  UNKNOWN_BIRTH_KEY,
} from "./order.ts";

const keysArb = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: n, maxLength: n }),
      )
      .map(
        ([s, b, r]): RankKeys => ({
          // Few distinct scores and birth dates, so ties are common and the tie-break is exercised.
          score: Uint32Array.from(s, (x) => x * 7_000_001),
          birth: Uint32Array.from(b, (x) => (x === 5 ? UNKNOWN_BIRTH_KEY : 20_000 + x)),
          registration: Uint32Array.from(r),
        }),
      ),
  );

const comparatorOrder = (keys: RankKeys) =>
  Array.from({ length: keys.score.length }, (_, i) => i).sort((a, b) => compareRank(keys, a, b));

describe("rank order", () => {
  it("puts a higher score first, then the older head, then the lower registration number", () => {
    const keys: RankKeys = {
      score: Uint32Array.from([scoreKey(0.5), scoreKey(0.7), scoreKey(0.5), scoreKey(0.5)]),
      birth: Uint32Array.from([
        birthKey({ year: 1970, month: 1, day: 1 }),
        0,
        birthKey({ year: 1960, month: 5, day: 2 }),
        birthKey({ year: 1970, month: 1, day: 1 }),
      ]),
      registration: Uint32Array.from([20, 99, 50, 10]),
    };
    expect(Array.from(sortByRank(Uint32Array.from([0, 1, 2, 3]), keys))).toEqual([1, 2, 3, 0]);
  });

  it("treats scores equal to 9 decimals as a tie, so the tie-break and not rounding noise decides", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(scoreKey(0.1 + 0.2)).toBe(scoreKey(0.3));
    expect(scoreKey(0.3000000004)).toBe(scoreKey(0.3));
    expect(scoreKey(0.300000001)).toBeLessThan(scoreKey(0.3));
    expect(scoreKey(1)).toBe(0);
    expect(scoreKey(0)).toBe(SCORE_SCALE);
  });

  it("counts days from 1900-01-01 and ranks an unknown birth date after every known one", () => {
    expect(birthKey({ year: 1900, month: 1, day: 1 })).toBe(0);
    expect(birthKey({ year: 1900, month: 3, day: 1 })).toBe(59);
    expect(birthKey({ year: 2000, month: 3, day: 1 })).toBe(36_584);
    expect(birthKey(null)).toBe(UNKNOWN_BIRTH_KEY);
    expect(birthKey({ year: 2200, month: 1, day: 1 })).toBeLessThan(UNKNOWN_BIRTH_KEY);
  });

  it("is the same from the radix sort as from a comparison sort, ties included", () => {
    fc.assert(
      fc.property(keysArb(2048, 6000), (keys) => {
        const all = Uint32Array.from({ length: keys.score.length }, (_, i) => i);
        expect(Array.from(sortByRank(all, keys))).toEqual(comparatorOrder(keys));
      }),
      { numRuns: 20 },
    );
  });

  it("selects the same top k, in the same order, as ranking everyone", () => {
    fc.assert(
      fc.property(keysArb(1, 5000), fc.double({ min: 0, max: 1.2, noNaN: true }), (keys, fraction) => {
        const n = keys.score.length;
        const k = Math.floor(fraction * n);
        const all = Uint32Array.from({ length: n }, (_, i) => i);
        expect(Array.from(selectTop(all, keys, k))).toEqual(comparatorOrder(keys).slice(0, k));
      }),
      { numRuns: 60 },
    );
  });
});
