import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  formatTrackingCode,
  newTrackingCode,
  normaliseTrackingCode,
  RANDOM_BITS,
} from "./tracking-code.ts";

describe("tracking codes", () => {
  it("carry at least 40 random bits in ten unambiguous symbols", () => {
    expect(RANDOM_BITS).toBeGreaterThanOrEqual(40);
    const code = newTrackingCode(new Uint8Array([1, 2, 3, 4, 5, 6]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("read back however they are typed: lower case, dashes, O for zero, L for one", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const code = newTrackingCode(bytes);
        const spoken = formatTrackingCode(code).toLowerCase().replace(/0/g, "o").replace(/1/g, "l");
        expect(normaliseTrackingCode(spoken)).toBe(code);
      }),
    );
  });

  it("refuses every single mistyped symbol", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 6, maxLength: 6 }),
        fc.nat(9),
        fc.nat(31),
        (bytes, position, symbol) => {
          const code = newTrackingCode(bytes);
          const replacement = CODE_ALPHABET[symbol] as string;
          fc.pre(code[position] !== replacement);
          const typo = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(normaliseTrackingCode(typo)).toBeNull();
        },
      ),
    );
  });

  it("refuses wrong lengths and foreign symbols", () => {
    expect(normaliseTrackingCode("")).toBeNull();
    expect(normaliseTrackingCode("ABCDE")).toBeNull();
    expect(normaliseTrackingCode("ABCDE-FGHJ*")).toBeNull();
  });
});
