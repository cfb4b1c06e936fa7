// biome-ignore-all lint/style/noNonNullAssertion: in a test a missing element fails the assertion that reads it, which is the point.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../i18n/domain-error.ts";
import {
  analyzeComparisons,
  comparisonsFromRatios,
  consistentComparisons,
  createComparisons,
  equalComparisons,
  fullMatrix,
  geometricMeanWeights,
  idealWeights,
  judgment,
  judgmentsByName,
  matrixOf,
  nearestSaatyJudgment,
  type PairwiseComparisons,
  pairCount,
  pairIndex,
  pairsOf,
  principalEigenvector,
  RANDOM_INDEX_TABLES,
  SAATY_INTENSITIES,
  SAATY_SCALE_LABEL_CODES,
  withJudgment,
} from "./ahp.ts";
import { RANKING_MESSAGES } from "./messages.ts";

/**
 * An independent route to λmax and the eigenvector: the characteristic polynomial by Faddeev–LeVerrier, its
 * largest real root by bisection on [n, max row sum] (λmax lies there for a positive reciprocal matrix), then
 * the null vector of A − λI by Gaussian elimination. Shares no code with the power iteration under test.
 */
function independentEigen(c: PairwiseComparisons): { lambda: number; weights: number[] } {
  const n = c.size;
  const a = fullMatrix(c);
  // Faddeev–LeVerrier: M_k = A M_{k-1} + c_{n-k+1} I, c_{n-k} = −tr(A M_k)/k.
  const coefficients = new Array<number>(n + 1).fill(0);
  coefficients[n] = 1;
  let m: number[][] = a.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  for (let k = 1; k <= n; k++) {
    const am = a.map((row) => row.map((_, j) => row.reduce((s, x, l) => s + x * (m[l] as number[])[j]!, 0)));
    const trace = am.reduce((s, row, i) => s + row[i]!, 0);
    coefficients[n - k] = -trace / k;
    m = am.map((row, i) => row.map((x, j) => x + (i === j ? coefficients[n - k]! : 0)));
  }
  const p = (x: number) => coefficients.reduceRight((s, coef) => s * x + coef, 0);
  let hi = Math.max(...a.map((row) => row.reduce((s, x) => s + x, 0)));
  let lo = hi;
  // Walk down from the upper bound to the first sign change: the largest real root.
  const step = (hi - n) / 20000 || 1e-9;
  while (lo > n - step && Math.sign(p(lo)) === Math.sign(p(hi))) lo -= step;
  hi = lo + step;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(p(mid)) === Math.sign(p(hi))) hi = mid;
    else lo = mid;
  }
  const lambda = (lo + hi) / 2;
  // Solve (A − λI) x = 0 with x_n = 1 from the first n − 1 rows.
  const size = n - 1;
  const rows = a
    .slice(0, size)
    .map((row, i) => [...row.slice(0, size).map((x, j) => x - (i === j ? lambda : 0)), -row[size]!]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++)
      if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const f = rows[r]![col]! / rows[col]![col]!;
      rows[r] = rows[r]!.map((x, k) => x - f * rows[col]![k]!);
    }
  }
  const x = [...rows.map((row, i) => row[size]! / row[i]!), 1];
  const sum = x.reduce((s, v) => s + v, 0);
  return { lambda, weights: x.map((v) => v / sum) };
}

const saatyJudgment = fc
  .tuple(fc.constantFrom(...SAATY_INTENSITIES), fc.constantFrom("first" as const, "second" as const))
  .map(([k, f]) => judgment(k, f));

const comparisonsOfSize = (min: number, max: number) =>
  fc
    .integer({ min, max })
    .chain((n) =>
      fc
        .array(saatyJudgment, { minLength: pairCount(n), maxLength: pairCount(n) })
        .map((js) => createComparisons(n, js)),
    );

describe("judgments on Saaty's scale", () => {
  it("build a matrix whose mirrored cells are reciprocal and whose diagonal is 1", () => {
    fc.assert(
      fc.property(comparisonsOfSize(1, 15), (c) => {
        const a = fullMatrix(c);
        for (let i = 0; i < c.size; i++) {
          expect(a[i]![i]).toBe(1);
          for (let j = 0; j < c.size; j++)
            expect(Math.abs(a[i]![j]! * a[j]![i]! - 1)).toBeLessThanOrEqual(2 ** -52);
        }
      }),
    );
  });

  it("store 1/3 as intensity 3 favouring the other element, never as 0.33", () => {
    const c = comparisonsFromRatios(2, [1 / 3]);
    expect(c.judgments[0]).toEqual({ intensity: 3, favours: "second" });
    expect(matrixOf(c)[2]).toBe(3);
  });

  it("spell equal importance one way only", () => {
    expect(judgment(1, "second")).toEqual({ intensity: 1, favours: "first" });
  });

  it.each([0, -3, 0.5, Number.NaN, Number.POSITIVE_INFINITY])("reject intensity %s", (intensity) => {
    expect(() => judgment(intensity)).toThrow(DomainError);
  });

  it("reject sizes outside 1..15 and a wrong number of judgments", () => {
    expect(() => equalComparisons(16)).toThrowError(
      expect.objectContaining({ code: "AHP_SIZE_OUT_OF_RANGE" }),
    );
    expect(() => equalComparisons(0)).toThrowError(
      expect.objectContaining({ code: "AHP_SIZE_OUT_OF_RANGE" }),
    );
    expect(() => createComparisons(3, [judgment(2)])).toThrowError(
      expect.objectContaining({ code: "AHP_JUDGMENT_COUNT_MISMATCH" }),
    );
  });

  it("index the upper triangle row by row", () => {
    const n = 6;
    pairsOf(n).forEach(([i, j], k) => {
      expect(pairIndex(n, i, j)).toBe(k);
    });
  });

  it("replace one judgment whichever way round the pair is named", () => {
    const c = equalComparisons(3);
    expect(withJudgment(c, 2, 0, judgment(5, "first")).judgments[1]).toEqual({
      intensity: 5,
      favours: "second",
    });
    expect(withJudgment(c, 0, 2, judgment(5, "first")).judgments[1]).toEqual({
      intensity: 5,
      favours: "first",
    });
  });

  it("are written by name, each pair once, either way round", () => {
    const js = judgmentsByName(
      ["a", "b", "c"],
      [
        ["b", "a", 3],
        ["a", "c", 5],
        ["c", "b", 1],
      ],
    );
    expect(js).toEqual([judgment(3, "second"), judgment(5, "first"), judgment(1)]);
    expect(() => judgmentsByName(["a", "b", "c"], [["a", "b", 3]])).toThrowError(
      expect.objectContaining({ code: "AHP_PAIR_MISSING" }),
    );
    expect(() =>
      judgmentsByName(
        ["a", "b"],
        [
          ["a", "b", 3],
          ["b", "a", 2],
        ],
      ),
    ).toThrowError(expect.objectContaining({ code: "AHP_PAIR_DUPLICATE" }));
  });

  it("have an Indonesian and an English label for every intensity", () => {
    for (const k of SAATY_INTENSITIES) {
      const template = RANKING_MESSAGES[SAATY_SCALE_LABEL_CODES[k]];
      expect(template?.id.length).toBeGreaterThan(3);
      expect(template?.en.length).toBeGreaterThan(3);
    }
    expect(RANKING_MESSAGES.AHP_SCALE_1?.id).toBe("sama penting");
    expect(RANKING_MESSAGES.AHP_SCALE_3?.id).toBe("sedikit lebih penting");
    expect(RANKING_MESSAGES.AHP_SCALE_5?.id).toBe("lebih penting");
    expect(RANKING_MESSAGES.AHP_SCALE_7?.id).toBe("sangat lebih penting");
    expect(RANKING_MESSAGES.AHP_SCALE_9?.id).toBe("mutlak lebih penting");
  });
});

describe("priorities", () => {
  it("of one element are 1 with λmax 1 and CR 0", () => {
    const a = analyzeComparisons(equalComparisons(1));
    expect(a).toMatchObject({ weights: [1], lambdaMax: 1, consistencyIndex: 0, consistencyRatio: 0 });
  });

  it.each([1, 2, 3, 5, 9])("of two elements judged %i are exactly k/(1+k) and 1/(1+k), consistent", (k) => {
    for (const favours of ["first", "second"] as const) {
      const a = analyzeComparisons(createComparisons(2, [judgment(k, favours)]));
      const expected = favours === "first" ? [k / (1 + k), 1 / (1 + k)] : [1 / (1 + k), k / (1 + k)];
      expect(a.weights).toEqual(expected);
      expect(a).toMatchObject({ lambdaMax: 2, consistencyIndex: 0, consistencyRatio: 0, acceptable: true });
    }
  });

  it("sum to 1 and are positive; λmax >= n and CI >= 0 even in floating point", () => {
    fc.assert(
      fc.property(comparisonsOfSize(1, 15), (c) => {
        const a = analyzeComparisons(c);
        expect(Math.abs(a.weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
        expect(Math.abs(a.geometricMeanWeights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
        expect(a.weights.every((w) => w > 0)).toBe(true);
        expect(a.lambdaMax).toBeGreaterThanOrEqual(c.size);
        expect(a.consistencyIndex).toBeGreaterThanOrEqual(0);
        expect(a.consistencyRatio).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("of a consistent matrix are the generating weights, with CR 0", () => {
    const weights = fc
      .integer({ min: 1, max: 15 })
      .chain((n) =>
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
      );
    fc.assert(
      fc.property(weights, (raw) => {
        const sum = raw.reduce((s, w) => s + w, 0);
        const a = analyzeComparisons(consistentComparisons(raw));
        a.weights.forEach((w, i) => {
          expect(Math.abs(w / (raw[i]! / sum) - 1)).toBeLessThan(1e-10);
        });
        expect(a.consistencyIndex).toBeLessThan(1e-14);
        expect(a.consistencyRatio).toBeLessThan(1e-13);
      }),
      { numRuns: 200 },
    );
  });

  it("follow the elements when they are listed in another order", () => {
    fc.assert(
      fc.property(comparisonsOfSize(3, 9), fc.integer({ min: 0, max: 1_000_000 }), (c, seed) => {
        const n = c.size;
        const perm = Array.from({ length: n }, (_, i) => i).sort(
          (x, y) => ((x * 7919 + seed) % 101) - ((y * 7919 + seed) % 101) || x - y,
        );
        const a = matrixOf(c);
        const ratios: number[] = [];
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) ratios.push(a[perm[i]! * n + perm[j]!]!);
        const permuted = analyzeComparisons(comparisonsFromRatios(n, ratios));
        const original = analyzeComparisons(c);
        perm.forEach((p, i) => {
          expect(Math.abs(permuted.weights[i]! - original.weights[p]!)).toBeLessThan(1e-11);
        });
        expect(Math.abs(permuted.lambdaMax - original.lambdaMax)).toBeLessThan(1e-10);
      }),
      { numRuns: 100 },
    );
  });

  it("agree with the characteristic polynomial on random matrices of size 3 to 8", () => {
    fc.assert(
      fc.property(comparisonsOfSize(3, 8), (c) => {
        const ours = analyzeComparisons(c);
        const theirs = independentEigen(c);
        expect(Math.abs(ours.lambdaMax - theirs.lambda)).toBeLessThan(1e-8);
        ours.weights.forEach((w, i) => {
          expect(Math.abs(w - theirs.weights[i]!)).toBeLessThan(1e-8);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("of a 3 x 3 matrix match the closed form: geometric means, λmax = 1 + (b/ac)^⅓ + (ac/b)^⅓", () => {
    fc.assert(
      fc.property(fc.array(saatyJudgment, { minLength: 3, maxLength: 3 }), (js) => {
        const c = createComparisons(3, js);
        const [a12, a13, a23] = js.map((j) => (j.favours === "first" ? j.intensity : 1 / j.intensity)) as [
          number,
          number,
          number,
        ];
        const r = Math.cbrt(a13 / (a12 * a23));
        const ours = analyzeComparisons(c);
        expect(Math.abs(ours.lambdaMax - (1 + r + 1 / r))).toBeLessThan(1e-12);
        const gm = geometricMeanWeights(c);
        ours.weights.forEach((w, i) => {
          expect(Math.abs(w - gm[i]!)).toBeLessThan(1e-12);
        });
      }),
    );
  });

  it("converge to 1e-12 well inside the iteration guard on the most inconsistent 15 x 15 matrices", () => {
    // Every upper judgment 9 favouring the earlier element except the last column, reversed: wildly cyclic.
    const n = 15;
    const ratios = pairsOf(n).map(([i, j]) => (j === n - 1 ? 1 / 9 : (i + j) % 2 === 0 ? 9 : 1 / 9));
    const e = principalEigenvector(comparisonsFromRatios(n, ratios));
    expect(e.iterations).toBeLessThan(2000);
    const a = matrixOf(comparisonsFromRatios(n, ratios));
    // Collatz–Wielandt: (A w)_i / w_i all equal λmax at the eigenvector.
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j]! * e.weights[j]!;
      expect(Math.abs(s / e.weights[i]! - e.lambdaMax) / e.lambdaMax).toBeLessThan(1e-9);
    }
  });

  it("give up with an error value, not a hang, when the iteration guard is reached", () => {
    const c = comparisonsFromRatios(4, [9, 1 / 9, 9, 9, 1 / 9, 9]);
    expect(() => principalEigenvector(c, { maxIterations: 1, tolerance: 1e-300 })).toThrowError(
      expect.objectContaining({ code: "AHP_NOT_CONVERGED" }),
    );
  });
});

describe("random index tables", () => {
  it("hold the published values for n = 1..15", () => {
    expect(RANDOM_INDEX_TABLES.saaty1980.values).toEqual([
      0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
    ]);
    expect(RANDOM_INDEX_TABLES["alonso-lamata"].values).toEqual([
      0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713,
      1.5838,
    ]);
  });

  it("give CR = CI / RI of the chosen table", () => {
    const c = comparisonsFromRatios(4, [4, 3, 7, 1 / 3, 3, 5]);
    const saaty = analyzeComparisons(c);
    const alonso = analyzeComparisons(c, { randomIndexTable: "alonso-lamata" });
    expect(saaty.consistencyRatio).toBe(saaty.consistencyIndex / 0.9);
    expect(alonso.consistencyRatio).toBe(alonso.consistencyIndex / 0.8815);
    expect(alonso.randomIndexTable).toBe("alonso-lamata");
  });
});

describe("helpers", () => {
  it("ideal-normalise so the largest value is exactly 1", () => {
    expect(idealWeights([0.2, 0.5, 0.3])).toEqual([0.4, 1, 0.6]);
  });

  it.each([
    [1, 1, "first"],
    [3.2, 3, "first"],
    [1 / 3.2, 3, "second"],
    [20, 9, "first"],
    [1.4, 1, "first"],
    [1.42, 2, "first"],
  ] as const)("round ratio %f to Saaty intensity %i on the log scale", (ratio, intensity, favours) => {
    expect(nearestSaatyJudgment(ratio)).toEqual({ intensity, favours });
  });
});
