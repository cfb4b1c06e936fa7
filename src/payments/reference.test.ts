import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReference, paymentReference, referenceValid } from "./reference.ts";

describe("payment references", () => {
  it("are twelve digits that carry the batch and line number", () => {
    expect(paymentReference(12, 345)).toMatch(/^00012000345\d$/);
    expect(parseReference(paymentReference(12, 345))).toEqual({ batchNumber: 12, lineNumber: 345 });
  });

  it("refuse every single-digit slip and every swap of two adjacent digits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (batch, line, at, delta) => {
          const ref = paymentReference(batch, line);
          expect(referenceValid(ref)).toBe(true);
          const digits = ref.split("");
          const slipped = [...digits];
          slipped[at] = String((Number(digits[at]) + delta) % 10);
          expect(referenceValid(slipped.join(""))).toBe(false);
          if (at < 11 && digits[at] !== digits[at + 1]) {
            const swapped = [...digits];
            [swapped[at], swapped[at + 1]] = [digits[at + 1] as string, digits[at] as string];
            expect(referenceValid(swapped.join(""))).toBe(false);
          }
        },
      ),
    );
  });

  it("refuse anything that is not twelve digits", () => {
    expect(referenceValid("0001200034")).toBe(false);
    expect(referenceValid("00012000345a")).toBe(false);
  });
});
