import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRupiahFigure, rupiahInWords } from "./words.ts";

describe("rupiahInWords", () => {
  it.each([
    [0, "nol rupiah"],
    [1, "satu rupiah"],
    [11, "sebelas rupiah"],
    [15, "lima belas rupiah"],
    [100, "seratus rupiah"],
    [1_000, "seribu rupiah"],
    [1_100, "seribu seratus rupiah"],
    [50_000, "lima puluh ribu rupiah"],
    [111_000, "seratus sebelas ribu rupiah"],
    [600_000, "enam ratus ribu rupiah"],
    [1_000_000, "satu juta rupiah"],
    [2_400_000, "dua juta empat ratus ribu rupiah"],
    [1_001_001, "satu juta seribu satu rupiah"],
    [
      12_345_678_900,
      "dua belas miliar tiga ratus empat puluh lima juta enam ratus tujuh puluh delapan ribu sembilan ratus rupiah",
    ],
  ])("writes %i in Indonesian as %s", (amount, words) => {
    expect(rupiahInWords(amount)).toBe(words);
  });

  it.each([
    [0, "zero rupiah"],
    [21, "twenty-one rupiah"],
    [2_400_000, "two million four hundred thousand rupiah"],
    [1_000_115, "one million one hundred fifteen rupiah"],
  ])("writes %i in English as %s", (amount, words) => {
    expect(rupiahInWords(amount, "en")).toBe(words);
  });

  it("refuses fractions, negatives and amounts beyond a quadrillion", () => {
    expect(() => rupiahInWords(1.5)).toThrow(RangeError);
    expect(() => rupiahInWords(-1)).toThrow(RangeError);
    expect(() => rupiahInWords(1e15)).toThrow(RangeError);
  });

  it("never writes a double space or a leading space, and a lone thousand is always 'seribu'", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (amount) => {
        const words = rupiahInWords(amount);
        expect(words).not.toMatch(/ {2}|^ /);
        expect(words.endsWith(" rupiah")).toBe(true);
        if (Math.floor(amount / 1000) % 1000 === 1) expect(words).toMatch(/(^| )seribu( |$)/);
      }),
    );
  });
});

describe("formatRupiahFigure", () => {
  it("groups thousands with dots", () => {
    expect(formatRupiahFigure(0)).toBe("Rp0");
    expect(formatRupiahFigure(600_000)).toBe("Rp600.000");
    expect(formatRupiahFigure(1_234_567_890)).toBe("Rp1.234.567.890");
    expect(formatRupiahFigure(-50_000)).toBe("-Rp50.000");
  });
});
