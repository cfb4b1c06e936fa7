import { describe, expect, it } from "vitest";
import { detectSkimming } from "./detector.ts";
import { PLANTED_PATTERNS, scoreDetector } from "./simulation.fixture.ts";

// The short version of bench/receipts.ts (1,000 + 200 campaigns, BENCHMARKS.md): a dozen campaigns over Paser.
describe("skimming detector on simulated campaigns", () => {
  it("finds each planted pattern and raises at most one false flag per 100 clean desa", () => {
    const result = scoreDetector((lines) => detectSkimming(lines), 12, 3, 2026);
    for (const pattern of PLANTED_PATTERNS) {
      const { planted, found } = result.found[pattern];
      expect(planted).toBe(12);
      // One small RW in a dozen may hide behind refusals and fear; the bench measures the rate.
      expect(found, pattern).toBeGreaterThanOrEqual(11);
    }
    expect((100 * result.falseFlags) / result.cleanDesa).toBeLessThanOrEqual(1);
  }, 120_000);
});
