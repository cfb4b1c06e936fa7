import { describe, expect, it } from "vitest";
import { csvLine, neutraliseCell } from "./neutralise.ts";
import {
  parseNeighbourhood,
  parsePhone,
  parseRtRw,
  parseRupiah,
  parseSex,
  splitPlaceAndDate,
} from "./values.ts";

describe("list values", () => {
  it.each([
    ["L", "L"],
    ["lk", "L"],
    ["Laki-laki", "L"],
    ["LAKI LAKI", "L"],
    ["Pria", "L"],
    ["P", "P"],
    ["Perempuan", "P"],
    ["WANITA", "P"],
    ["2", "P"],
  ])("reads sex %s as %s", (raw, sex) => {
    expect(parseSex(raw)).toEqual({ ok: true, value: sex });
  });

  it("refuses a sex it cannot read", () => {
    expect(parseSex("X")).toMatchObject({ ok: false, code: "SEX_UNRECOGNISED" });
  });

  it.each([
    ["3", "003"],
    ["03", "003"],
    ["003", "003"],
    ["RT 03", "003"],
    ["RT.003", "003"],
    ["3.0", "003"],
  ])("reads RT %s as %s", (raw, rt) => {
    expect(parseNeighbourhood(raw, "RT")).toEqual({ ok: true, value: rt });
  });

  it("refuses an RT that is not 1–3 digits", () => {
    expect(parseNeighbourhood("1234", "RT")).toMatchObject({ ok: false, code: "RT_INVALID" });
    expect(parseNeighbourhood("tiga", "RW")).toMatchObject({ ok: false, code: "RW_INVALID" });
  });

  it.each([
    ["003/002", { rt: "003", rw: "002" }],
    ["3/2", { rt: "003", rw: "002" }],
    ["RT 3 RW 2", { rt: "003", rw: "002" }],
    ["03-02", { rt: "003", rw: "002" }],
  ])("splits RT/RW %s", (raw, value) => {
    expect(parseRtRw(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["0812-3456-7890", "081234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["8123456789", "08123456789"],
    ["'081234567890", "081234567890"],
    ["(0543) 21234", "054321234"],
  ])("reads phone %s as %s", (raw, phone) => {
    expect(parsePhone(raw)).toEqual({ ok: true, value: phone });
  });

  it("refuses a phone number Excel turned into scientific notation", () => {
    expect(parsePhone("6.28123E+11")).toMatchObject({ ok: false, code: "PHONE_SCIENTIFIC_NOTATION" });
    expect(parsePhone("12345")).toMatchObject({ ok: false, code: "PHONE_INVALID" });
  });

  it.each([
    ["Rp 1.500.000", 1_500_000],
    ["1.500.000,00", 1_500_000],
    ["1,500,000", 1_500_000],
    ["1500000", 1_500_000],
    ["750000.0", 750_000],
  ])("reads rupiah %s", (raw, value) => {
    expect(parseRupiah(raw)).toEqual({ ok: true, value });
  });

  it("splits a TTL cell into place and date", () => {
    expect(splitPlaceAndDate("Tanah Grogot, 12-05-1980")).toEqual({
      place: "Tanah Grogot",
      date: "12-05-1980",
    });
    expect(splitPlaceAndDate("Tanah Grogot 12-05-1980")).toEqual({
      place: "Tanah Grogot",
      date: "12-05-1980",
    });
  });
});

describe("formula neutralising", () => {
  it.each(["=1+1", "+62812", "-5", "@SUM(A1)", "\t=cmd", "\r=cmd", "＝HYPERLINK()"])(
    "makes %j text",
    (cell) => {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    },
  );

  it("leaves ordinary cells as they are", () => {
    expect(neutraliseCell("Siti Aminah")).toBe("Siti Aminah");
    expect(neutraliseCell("6401054507880003")).toBe("6401054507880003");
    expect(neutraliseCell("")).toBe("");
  });

  it("quotes CSV fields that hold separators, quotes or line breaks", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", "=1"])).toBe('"a,b","say ""hi""","two\nlines",\'=1');
  });
});
