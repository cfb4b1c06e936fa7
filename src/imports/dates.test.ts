import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBirthDate } from "./dates.ts";

const TODAY = "2026-11-25";

describe("parseBirthDate", () => {
  it.each([
    ["1980-05-12", "1980-05-12"],
    ["1980/5/12", "1980-05-12"],
    ["1980-05-12 00:00:00", "1980-05-12"],
    ["1980-05-12T00:00:00.000Z", "1980-05-12"],
    ["12-05-1980", "1980-05-12"],
    ["12/05/1980", "1980-05-12"],
    ["12.05.1980", "1980-05-12"],
    ["2/5/1980", "1980-05-02"],
    ["12 Mei 1980", "1980-05-12"],
    ["12-Agt-1980", "1980-08-12"],
    ["12 agustus 1980", "1980-08-12"],
    ["1 Nopember 1975", "1975-11-01"],
    ["12 Des. 1990", "1990-12-12"],
    ["May 12, 1980", "1980-05-12"],
    ["12051980", "1980-05-12"],
    ["19800512", "1980-05-12"],
  ])("reads %s as %s", (raw, expected) => {
    expect(parseBirthDate(raw, TODAY)).toEqual({ ok: true, date: expected, warnings: [] });
  });

  it("reads a two-digit year as the latest century that is not in the future, and says so", () => {
    expect(parseBirthDate("12-05-80", TODAY)).toEqual({
      ok: true,
      date: "1980-05-12",
      warnings: ["DATE_TWO_DIGIT_YEAR"],
    });
    expect(parseBirthDate("12-05-20", TODAY)).toEqual({
      ok: true,
      date: "2020-05-12",
      warnings: ["DATE_TWO_DIGIT_YEAR"],
    });
    expect(parseBirthDate("30-11-26", TODAY)).toMatchObject({ ok: true, date: "1926-11-30" });
  });

  it("reads month first only when day first is impossible, and warns", () => {
    expect(parseBirthDate("05/13/1980", TODAY)).toEqual({
      ok: true,
      date: "1980-05-13",
      warnings: ["DATE_MONTH_FIRST"],
    });
    expect(parseBirthDate("05/12/1980", TODAY)).toMatchObject({ ok: true, date: "1980-12-05", warnings: [] });
  });

  it("reads an Excel serial number left in a cell without a date format", () => {
    expect(parseBirthDate("29353", TODAY)).toEqual({
      ok: true,
      date: "1980-05-12",
      warnings: ["DATE_EXCEL_SERIAL"],
    });
  });

  it.each([
    ["31-02-1980", "DATE_INVALID"],
    ["29-02-1981", "DATE_INVALID"],
    ["13-13-1980", "DATE_INVALID"],
    ["12-05-2030", "DATE_IN_FUTURE"],
    ["12-05-1880", "DATE_TOO_OLD"],
    ["kemarin", "DATE_UNRECOGNISED"],
    ["12 Bulan 1980", "DATE_UNRECOGNISED"],
    ["", "DATE_UNRECOGNISED"],
  ])("refuses %s with %s", (raw, code) => {
    expect(parseBirthDate(raw, TODAY)).toMatchObject({ ok: false, code });
  });

  it("accepts 29 February only in a leap year", () => {
    expect(parseBirthDate("29-02-1980", TODAY)).toMatchObject({ ok: true, date: "1980-02-29" });
  });

  it("gives back every real date written day first, whatever the separator", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1901-01-01T00:00:00Z"),
          max: new Date("2026-11-25T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom("-", "/", ".", " "),
        (date, separator) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split("-");
          const parsed = parseBirthDate(`${d}${separator}${m}${separator}${y}`, TODAY);
          return parsed.ok && parsed.date === iso;
        },
      ),
    );
  });

  it("never throws, whatever it is given", () => {
    fc.assert(fc.property(fc.string(), (raw) => typeof parseBirthDate(raw, TODAY).ok === "boolean"));
  });
});
