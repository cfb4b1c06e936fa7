import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawVerificationSample } from "./sample.ts";

const frame = (sizes: readonly number[]) =>
  sizes.flatMap((size, d) =>
    Array.from({ length: size }, (_, i) => ({ lineId: `L${d}-${i}`, desa: `D${d}` })),
  );
const design = { seed: 20261207, confidence: 0.95, margin: 0.05 };

describe("verification sample", () => {
  it("gives every desa its own stratum sized by confidence and margin", () => {
    const strata = drawVerificationSample(frame([10, 100, 1000]), design);
    expect(strata.map((s) => [s.desa, s.population, s.size, s.lineIds.length])).toEqual([
      ["D0", 10, 10, 10],
      ["D1", 100, 80, 80],
      ["D2", 1000, 278, 278],
    ]);
  });

  it("draws the same lines from the same seed, whatever the order of the frame", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        fc.integer(),
        (sizes, seed) => {
          const lines = frame(sizes);
          const once = drawVerificationSample(lines, { ...design, seed });
          const again = drawVerificationSample([...lines].reverse(), { ...design, seed });
          expect(again).toEqual(once);
          for (const s of once) {
            expect(new Set(s.lineIds).size).toBe(s.size);
            for (const id of s.lineIds) expect(id.startsWith(`L${s.desa.slice(1)}-`)).toBe(true);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("draws other lines from another seed", () => {
    const a = drawVerificationSample(frame([200]), design);
    const b = drawVerificationSample(frame([200]), { ...design, seed: design.seed + 1 });
    expect(a[0]?.lineIds).not.toEqual(b[0]?.lineIds);
  });
});
