import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/index.ts";
import { loadRegionCatalog } from "../regions/catalog.ts";
import {
  composeNik,
  decodeNik,
  NIK_ERROR_CODES,
  NIK_MESSAGES,
  NIK_WARNING_CODES,
  type NikIssueCode,
  type NikRecordContext,
  type NikSex,
  validateNik,
} from "./index.ts";

const regions = loadRegionCatalog();
const today = "2025-06-01";
const translate = createTranslator(NIK_MESSAGES);

// Kuaro, Kabupaten Paser: a woman born 5 July 1988, serial 0003.
const REFERENCE = "6401054507880003";
// A KK issued in Kuaro on 12 March 2015.
const KK_OF_HOUSEHOLD = "6401051203150007";

interface Case {
  name: string;
  raw: string;
  record?: NikRecordContext;
  errors: NikIssueCode[];
  warnings?: NikIssueCode[];
  params?: Record<string, string | number>;
  birthDate?: string;
  sex?: NikSex;
}

const cases: Case[] = [
  { name: "an empty cell", raw: "", errors: ["NIK_EMPTY"] },
  { name: "only spaces", raw: "   ", errors: ["NIK_EMPTY"] },
  { name: "15 digits", raw: "640105450788003", errors: ["NIK_LENGTH"], params: { length: 15, expected: 16 } },
  { name: "17 digits", raw: "64010545078800031", errors: ["NIK_LENGTH"], params: { length: 17 } },
  {
    name: "a letter O for a zero",
    raw: "6401O54507880003",
    errors: ["NIK_NOT_DIGITS"],
    params: { characters: "O" },
  },
  {
    name: "several letters",
    raw: "64O1054507880OO3",
    errors: ["NIK_NOT_DIGITS"],
    params: { characters: "O" },
  },
  { name: "Excel's scientific notation", raw: "6.40105E+15", errors: ["NIK_SCIENTIFIC_NOTATION"] },
  {
    name: "scientific notation with a decimal comma",
    raw: "6,40105E+15",
    errors: ["NIK_SCIENTIFIC_NOTATION"],
  },
  {
    name: "lower-case scientific notation",
    raw: "6.401054507880003e15",
    errors: ["NIK_SCIENTIFIC_NOTATION"],
  },
  {
    name: "an unknown province",
    raw: "9901054507880003",
    errors: ["NIK_PROVINCE_UNKNOWN"],
    params: { provinceCode: "99" },
  },
  {
    name: "an unknown regency",
    raw: "6499054507880003",
    errors: ["NIK_REGENCY_UNKNOWN"],
    params: { regencyCode: "64.99", provinceName: "Kalimantan Timur" },
  },
  {
    name: "a Kalimantan Timur regency code absent from the current list (64.04)",
    raw: "6404054507880003",
    errors: ["NIK_REGENCY_UNKNOWN"],
  },
  {
    name: "an unknown kecamatan",
    raw: "6401994507880003",
    errors: ["NIK_DISTRICT_UNKNOWN"],
    params: { districtCode: "64.01.99", regencyName: "Kabupaten Paser" },
  },
  { name: "day 00", raw: "6401050007880003", errors: ["NIK_BIRTHDATE_DAY_INVALID"], params: { day: "00" } },
  { name: "day 32", raw: "6401053207880003", errors: ["NIK_BIRTHDATE_DAY_INVALID"], params: { day: "32" } },
  { name: "day 40", raw: "6401054007880003", errors: ["NIK_BIRTHDATE_DAY_INVALID"], params: { day: "40" } },
  { name: "day 72", raw: "6401057207880003", errors: ["NIK_BIRTHDATE_DAY_INVALID"], params: { day: "72" } },
  {
    name: "month 13",
    raw: "6401050513880003",
    errors: ["NIK_BIRTHDATE_MONTH_INVALID"],
    params: { month: "13" },
  },
  {
    name: "month 00",
    raw: "6401050500880003",
    errors: ["NIK_BIRTHDATE_MONTH_INVALID"],
    params: { month: "00" },
  },
  {
    name: "day 00 and month 13 together",
    raw: "6401050013880003",
    errors: ["NIK_BIRTHDATE_DAY_INVALID", "NIK_BIRTHDATE_MONTH_INVALID"],
  },
  {
    name: "31 February",
    raw: "6401053102880003",
    errors: ["NIK_BIRTHDATE_INVALID"],
    params: { date: "31-02-88", day: 31, monthNameId: "Februari" },
  },
  {
    name: "31 April",
    raw: "6401053104880003",
    errors: ["NIK_BIRTHDATE_INVALID"],
    params: { daysInMonth: 30 },
  },
  {
    name: "29 February of a common year",
    raw: "6401052902890003",
    errors: ["NIK_BIRTHDATE_NOT_LEAP_YEAR"],
    params: { date: "29-02-89", year: 1989 },
  },
  {
    name: "29 February of a leap year",
    raw: "6401052902880003",
    errors: [],
    birthDate: "1988-02-29",
    sex: "L",
  },
  { name: "29 February 2000 (a leap century)", raw: "6401052902000003", errors: [], birthDate: "2000-02-29" },
  {
    name: "29 February of a common year for a woman (69 = 29 + 40)",
    raw: "6401056902890003",
    errors: ["NIK_BIRTHDATE_NOT_LEAP_YEAR"],
  },
  {
    name: "a woman born on the 1st (41)",
    raw: "6401054101900003",
    errors: [],
    birthDate: "1990-01-01",
    sex: "P",
  },
  {
    name: "a woman born on the 31st (71)",
    raw: "6401057101900003",
    errors: [],
    birthDate: "1990-01-31",
    sex: "P",
  },
  {
    name: "a woman born on 31 April (71-04)",
    raw: "6401057104900003",
    errors: ["NIK_BIRTHDATE_INVALID"],
    params: { date: "31-04-90" },
  },
  {
    name: "a date later than today in this century, read as the previous century",
    raw: "6401051508250003",
    errors: [],
    birthDate: "1925-08-15",
  },
  { name: "a birth earlier this year", raw: "6401050101250003", errors: [], birthDate: "2025-01-01" },
  { name: "born today", raw: "6401050106250003", errors: [], birthDate: "2025-06-01" },
  { name: "serial 0000", raw: "6401054507880000", errors: ["NIK_SERIAL_ZERO"] },
  {
    name: "a last digit possibly zeroed by Excel",
    raw: "6401054507880010",
    errors: [],
    warnings: ["NIK_LAST_DIGIT_ZEROED"],
  },
  {
    name: "the KK number typed as NIK",
    raw: KK_OF_HOUSEHOLD,
    record: { kk: KK_OF_HOUSEHOLD },
    errors: ["NIK_IS_KK"],
  },
  {
    name: "the KK number typed as NIK, the recorded KK written with spaces",
    raw: KK_OF_HOUSEHOLD,
    record: { kk: "6401 0512 0315 0007" },
    errors: ["NIK_IS_KK"],
  },
  {
    name: "a woman's record whose NIK reads as a man with another date (a KK by its shape)",
    raw: KK_OF_HOUSEHOLD,
    record: { sex: "P", birthDate: "1988-07-05" },
    errors: [],
    warnings: ["NIK_SEX_MISMATCH", "NIK_BIRTHDATE_MISMATCH", "NIK_MAYBE_KK"],
  },
  { name: "digits grouped by spaces", raw: "6401 0545 0788 0003", errors: [], birthDate: "1988-07-05" },
  { name: "digits grouped by dots", raw: "64.01.05.450788.0003", errors: [] },
  { name: "digits grouped by dashes", raw: "6401-0545-0788-0003", errors: [] },
  { name: "Excel's leading apostrophe", raw: "'6401054507880003", errors: [] },
  { name: 'the ="…" formula CSV exports use', raw: '="6401054507880003"', errors: [] },
  { name: "a float export ending in .0", raw: "6401054507880003.0", errors: [] },
  { name: "full-width digits", raw: "６４０１０５４５０７８８０００３", errors: [] },
  { name: "a non-breaking space and a zero-width space", raw: "6401\u00a00545\u200b07880003", errors: [] },
  {
    name: "a record whose sex disagrees",
    raw: REFERENCE,
    record: { sex: "L" },
    errors: [],
    warnings: ["NIK_SEX_MISMATCH"],
    params: { nikSexId: "perempuan", recordSexId: "laki-laki" },
  },
  {
    name: "a record whose birth date disagrees",
    raw: REFERENCE,
    record: { birthDate: "1988-07-06" },
    errors: [],
    warnings: ["NIK_BIRTHDATE_MISMATCH"],
    params: { nikDate: "05-07-88", recordDate: "1988-07-06" },
  },
  {
    name: "a record that agrees in sex, birth date and KK",
    raw: REFERENCE,
    record: { sex: "P", birthDate: "1988-07-05", kk: KK_OF_HOUSEHOLD },
    errors: [],
    warnings: [],
  },
  {
    name: "a centenarian whose record supplies the century",
    raw: "6401050101250003",
    record: { birthDate: "1925-01-01" },
    errors: [],
    warnings: [],
    birthDate: "1925-01-01",
  },
];

describe("validateNik", () => {
  it.each(cases)("reports $errors for $name", (c) => {
    const result = validateNik(c.raw, { regions, today, ...(c.record ? { record: c.record } : {}) });
    expect(result.errors.map((e) => e.code)).toEqual(c.errors);
    expect(result.valid).toBe(c.errors.length === 0);
    if (c.warnings) expect(result.warnings.map((w) => w.code)).toEqual(c.warnings);
    if (c.params) {
      const issue = [...result.errors, ...result.warnings][0];
      expect(issue?.params).toMatchObject(c.params);
    }
    if (c.birthDate) expect(result.decoded?.birthDate).toBe(c.birthDate);
    if (c.sex) expect(result.decoded?.sex).toBe(c.sex);
    for (const issue of [...result.errors, ...result.warnings]) {
      for (const language of ["id", "en"] as const) {
        expect(translate(issue.code, issue.params, language)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("decodes the reference NIK to Kuaro, Kabupaten Paser, a woman born 1988-07-05", () => {
    const result = validateNik(REFERENCE, { regions, today });
    expect(result).toMatchObject({ valid: true, nik: REFERENCE, errors: [], warnings: [] });
    expect(result.decoded).toEqual({
      provinceCode: "64",
      regencyCode: "64.01",
      districtCode: "64.01.05",
      sex: "P",
      birthDate: "1988-07-05",
      serial: "0003",
    });
    expect(regions.path(result.decoded?.districtCode ?? "").map((r) => r.name)).toEqual([
      "Kalimantan Timur",
      "Kabupaten Paser",
      "Kuaro",
    ]);
  });

  it("explains an impossible birth date in Indonesian and English", () => {
    const [issue] = validateNik("6401053102880003", { regions, today }).errors;
    expect(issue).toBeDefined();
    if (!issue) return;
    expect(translate(issue.code, issue.params, "id")).toContain(
      "Tanggal lahir di NIK (31-02-88) tidak valid: Februari tidak punya tanggal 31",
    );
    expect(translate(issue.code, issue.params, "en")).toContain(
      "The birth date in the NIK (31-02-88) is invalid: February has no day 31",
    );
  });

  it("keeps the full NIK out of issue parameters, which end up in logs", () => {
    const result = validateNik(KK_OF_HOUSEHOLD, {
      regions,
      today,
      record: { kk: KK_OF_HOUSEHOLD, sex: "P" },
    });
    expect(JSON.stringify(result.errors)).not.toContain(KK_OF_HOUSEHOLD);
    expect(JSON.stringify(result.warnings)).not.toContain(KK_OF_HOUSEHOLD);
  });

  it("refuses a malformed today, a caller's mistake rather than a user's", () => {
    expect(() => validateNik(REFERENCE, { regions, today: "01-06-2025" })).toThrow(RangeError);
  });
});

describe("decodeNik", () => {
  it("reads the parts without judging the region", () => {
    expect(decodeNik("9901054507880003", today)).toMatchObject({
      provinceCode: "99",
      birthDate: "1988-07-05",
    });
  });

  it("returns null when there is no real birth date", () => {
    expect(decodeNik("6401053102880003", today)).toBeNull();
    expect(decodeNik("12345", today)).toBeNull();
  });
});

describe("NIK_MESSAGES", () => {
  it("has an Indonesian and an English text for every NIK code", () => {
    for (const code of [...NIK_ERROR_CODES, ...NIK_WARNING_CODES]) {
      expect(NIK_MESSAGES[code].id.length).toBeGreaterThan(20);
      expect(NIK_MESSAGES[code].en.length).toBeGreaterThan(20);
      expect(NIK_MESSAGES[code].id).not.toBe(NIK_MESSAGES[code].en);
    }
  });
});

// Property tests draw real kecamatan from the Kemendagri catalog and birth dates from the last hundred years.
const districts = regions.all("district");
const TODAY_UTC = Date.UTC(2025, 5, 1);
const DAY_MS = 86_400_000;
const arbitraryBirthDate = fc
  .integer({ min: 0, max: 36_500 })
  .map((daysAgo) => new Date(TODAY_UTC - daysAgo * DAY_MS).toISOString().slice(0, 10));
const arbitraryNikParts = fc.record({
  districtCode: fc.constantFrom(...districts.map((d) => d.code)),
  sex: fc.constantFrom<NikSex>("L", "P"),
  birthDate: arbitraryBirthDate,
  serial: fc.integer({ min: 1, max: 9999 }),
});

describe("validateNik properties", () => {
  it("accepts every NIK built from a real kecamatan, date and serial, and decodes it back to its parts", () => {
    fc.assert(
      fc.property(arbitraryNikParts, (parts) => {
        const nik = composeNik(parts);
        const result = validateNik(nik, {
          regions,
          today,
          record: { sex: parts.sex, birthDate: parts.birthDate },
        });
        expect(result.errors).toEqual([]);
        expect(result.warnings.filter((w) => w.code !== "NIK_LAST_DIGIT_ZEROED")).toEqual([]);
        expect(result.decoded).toEqual({
          provinceCode: parts.districtCode.slice(0, 2),
          regencyCode: parts.districtCode.slice(0, 5),
          districtCode: parts.districtCode,
          sex: parts.sex,
          birthDate: parts.birthDate,
          serial: String(parts.serial).padStart(4, "0"),
        });
      }),
      { numRuns: 500 },
    );
  });

  it("catches any one-digit change of the region part that lands on a code Kemendagri does not have", () => {
    fc.assert(
      fc.property(
        arbitraryNikParts,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 9 }),
        (parts, position, shift) => {
          const nik = composeNik(parts);
          const digit = (Number(nik[position]) + shift) % 10;
          const changed = nik.slice(0, position) + digit + nik.slice(position + 1);
          const province = changed.slice(0, 2);
          const regency = `${province}.${changed.slice(2, 4)}`;
          const district = `${regency}.${changed.slice(4, 6)}`;
          const expected: NikIssueCode[] = !regions.get(province)
            ? ["NIK_PROVINCE_UNKNOWN"]
            : !regions.get(regency)
              ? ["NIK_REGENCY_UNKNOWN"]
              : !regions.get(district)
                ? ["NIK_DISTRICT_UNKNOWN"]
                : [];
          expect(validateNik(changed, { regions, today }).errors.map((e) => e.code)).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("gives the same result whatever separators the digits are grouped with", () => {
    fc.assert(
      fc.property(
        arbitraryNikParts,
        fc.array(fc.tuple(fc.integer({ min: 1, max: 15 }), fc.constantFrom(" ", ".", "-")), { maxLength: 5 }),
        (parts, cuts) => {
          const nik = composeNik(parts);
          let grouped = nik;
          for (const [at, separator] of [...cuts].sort((a, b) => b[0] - a[0])) {
            grouped = grouped.slice(0, at) + separator + grouped.slice(at);
          }
          expect(validateNik(grouped, { regions, today })).toEqual(validateNik(nik, { regions, today }));
        },
      ),
    );
  });

  it("writes a woman's birth day plus 40 and a man's as is", () => {
    fc.assert(
      fc.property(arbitraryNikParts, (parts) => {
        const day = Number(composeNik(parts).slice(6, 8));
        const birthDay = Number(parts.birthDate.slice(8, 10));
        expect(day).toBe(parts.sex === "P" ? birthDay + 40 : birthDay);
      }),
    );
  });
});
