import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn, civilDate, dayNumber, formatIsoDate, isoDayNumber, parseIsoDate } from "./calendar.ts";

describe("calendar", () => {
  it("agrees with Date.UTC on day numbers in both directions", () => {
    fc.assert(
      fc.property(fc.integer({ min: -80_000, max: 80_000 }), (days) => {
        const expected = new Date(days * 86_400_000).toISOString().slice(0, 10);
        const date = civilDate(days);
        expect(formatIsoDate(date)).toBe(expected);
        expect(dayNumber(date.year, date.month, date.day)).toBe(days);
      }),
    );
  });

  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2024-04-31", false],
    ["2024-13-01", false],
    ["24-01-01", false],
  ])("parses %s as a real date: %s", (text, real) => {
    expect(parseIsoDate(text) !== null).toBe(real);
  });

  it("counts age the way an official does, the birthday itself included", () => {
    const birth = isoDayNumber("2000-03-15");
    expect(ageOn(birth, isoDayNumber("2026-03-14"))).toBe(25);
    expect(ageOn(birth, isoDayNumber("2026-03-15"))).toBe(26);
  });
});
