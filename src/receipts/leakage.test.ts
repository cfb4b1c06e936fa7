import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LeakageLine, leakageBy, leakageOf } from "./leakage.ts";

const full = (paid = 600_000): LeakageLine => ({ paid, answer: "received_full", received: paid });
const less = (received: number, paid = 600_000): LeakageLine => ({ paid, answer: "received_less", received });

describe("leakage", () => {
  it.each([
    ["nothing confirmed", [], null],
    ["all in full", [full(), full()], 0],
    ["Rp50.000 of Rp600.000 missing once in two", [full(), less(550_000)], 50_000 / 1_200_000],
    [
      "one not received",
      [full(), { paid: 600_000, answer: "not_received", received: 0 } as LeakageLine],
      0.5,
    ],
    [
      "a refusal is no answer",
      [full(), { paid: 600_000, answer: "refused", received: null } as LeakageLine],
      0,
    ],
  ] as const)("%s", (_, lines, expected) => {
    const result = leakageOf(lines);
    if (expected === null) expect(result.leakage).toBeNull();
    else expect(result.leakage).toBeCloseTo(expected, 10);
  });

  it("narrows to nothing when every paid line was confirmed (finite-population correction)", () => {
    const lines = [full(), less(550_000), full(), less(500_000)];
    const all = leakageOf(lines, { population: 4 });
    expect(all.low).toBeCloseTo(all.leakage ?? -1, 10);
    expect(all.high).toBeCloseTo(all.leakage ?? -1, 10);
    const sample = leakageOf(lines, { population: 400 });
    expect((sample.high ?? 0) - (sample.low ?? 0)).toBeGreaterThan(0);
  });

  it("keeps the estimate inside its interval and the interval inside [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ paid: fc.integer({ min: 1, max: 20 }), cut: fc.integer({ min: 0, max: 20 }) }), {
          minLength: 1,
          maxLength: 80,
        }),
        (rows) => {
          const lines = rows.map(({ paid, cut }) => less(Math.max(0, paid - cut) * 50_000, paid * 50_000));
          const result = leakageOf(lines, { population: rows.length * 3 });
          expect(result.low).toBeGreaterThanOrEqual(0);
          expect(result.high).toBeLessThanOrEqual(1);
          expect(result.leakage).toBeGreaterThanOrEqual((result.low ?? 0) - 1e-12);
          expect(result.leakage).toBeLessThanOrEqual((result.high ?? 1) + 1e-12);
        },
      ),
    );
  });

  it("groups per key", () => {
    const byDesa = leakageBy(
      [
        { ...full(), desa: "A" },
        { ...less(540_000), desa: "B" },
      ],
      (l) => l.desa,
    );
    expect(byDesa.get("A")?.leakage).toBe(0);
    expect(byDesa.get("B")?.leakage).toBeCloseTo(0.1, 10);
  });
});
