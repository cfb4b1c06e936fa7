import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/index.ts";
import { loadRegionCatalog } from "../regions/catalog.ts";
import {
  composeKk,
  decodeKk,
  KK_ERROR_CODES,
  KK_WARNING_CODES,
  type KkIssueCode,
  NIK_MESSAGES,
  validateKk,
} from "./index.ts";

const regions = loadRegionCatalog();
const today = "2025-06-01";
const translate = createTranslator(NIK_MESSAGES);

// Issued in Kuaro, Kabupaten Paser, on 12 March 2015.
const KK = "6401051203150007";
const NIK_OF_MEMBER = "6401054507880003";

const cases: { name: string; raw: string; nik?: string; errors: KkIssueCode[]; warnings?: KkIssueCode[] }[] =
  [
    { name: "an empty cell", raw: "", errors: ["KK_EMPTY"] },
    { name: "14 digits", raw: "64010512031500", errors: ["KK_LENGTH"] },
    { name: "a letter l for a one", raw: "64010512031500l7", errors: ["KK_NOT_DIGITS"] },
    { name: "Excel's scientific notation", raw: "6,40105E+15", errors: ["KK_SCIENTIFIC_NOTATION"] },
    { name: "an unknown province", raw: "0001051203150007", errors: ["KK_PROVINCE_UNKNOWN"] },
    { name: "an unknown regency", raw: "6450051203150007", errors: ["KK_REGENCY_UNKNOWN"] },
    { name: "an unknown kecamatan", raw: "6401111203150007", errors: ["KK_DISTRICT_UNKNOWN"] },
    { name: "issue day 00", raw: "6401050003150007", errors: ["KK_ISSUE_DAY_INVALID"] },
    { name: "issue day 32", raw: "6401053203150007", errors: ["KK_ISSUE_DAY_INVALID"] },
    {
      name: "a woman's NIK day (45) in the KK field",
      raw: NIK_OF_MEMBER,
      errors: ["KK_LOOKS_LIKE_FEMALE_NIK"],
    },
    { name: "issue month 13", raw: "6401051213150007", errors: ["KK_ISSUE_MONTH_INVALID"] },
    { name: "31 April", raw: "6401053104150007", errors: ["KK_ISSUE_DATE_INVALID"] },
    { name: "29 February 2015", raw: "6401052902150007", errors: ["KK_ISSUE_DATE_NOT_LEAP_YEAR"] },
    { name: "29 February 2016", raw: "6401052902160007", errors: [] },
    { name: "serial 0000", raw: "6401051203150000", errors: ["KK_SERIAL_ZERO"] },
    {
      name: "a last digit possibly zeroed",
      raw: "6401051203150020",
      errors: [],
      warnings: ["KK_LAST_DIGIT_ZEROED"],
    },
    {
      name: "the member's NIK typed as KK",
      raw: "6401050507880003",
      nik: "6401050507880003",
      errors: ["KK_IS_NIK"],
    },
    { name: "a KK grouped by spaces", raw: "6401 0512 0315 0007", errors: [], warnings: [] },
  ];

describe("validateKk", () => {
  it.each(cases)("reports $errors for $name", (c) => {
    const result = validateKk(c.raw, { regions, today, ...(c.nik ? { record: { nik: c.nik } } : {}) });
    expect(result.errors.map((e) => e.code)).toEqual(c.errors);
    expect(result.valid).toBe(c.errors.length === 0);
    if (c.warnings) expect(result.warnings.map((w) => w.code)).toEqual(c.warnings);
    for (const issue of [...result.errors, ...result.warnings]) {
      for (const language of ["id", "en"] as const) {
        expect(translate(issue.code, issue.params, language)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("decodes the kecamatan and issue date of a KK", () => {
    expect(validateKk(KK, { regions, today }).decoded).toEqual({
      provinceCode: "64",
      regencyCode: "64.01",
      districtCode: "64.01.05",
      issueDate: "2015-03-12",
      serial: "0007",
    });
    expect(decodeKk("9901051203150007", today)?.issueDate).toBe("2015-03-12");
  });

  it("has an Indonesian and an English text for every KK code", () => {
    for (const code of [...KK_ERROR_CODES, ...KK_WARNING_CODES]) {
      expect(NIK_MESSAGES[code].id.length).toBeGreaterThan(20);
      expect(NIK_MESSAGES[code].en.length).toBeGreaterThan(20);
    }
  });
});

const districts = regions.all("district");
const TODAY_UTC = Date.UTC(2025, 5, 1);
const arbitraryKkParts = fc.record({
  districtCode: fc.constantFrom(...districts.map((d) => d.code)),
  issueDate: fc
    .integer({ min: 0, max: 36_500 })
    .map((daysAgo) => new Date(TODAY_UTC - daysAgo * 86_400_000).toISOString().slice(0, 10)),
  serial: fc.integer({ min: 1, max: 9999 }),
});

describe("validateKk properties", () => {
  it("accepts every KK built from a real kecamatan, date and serial, and decodes it back to its parts", () => {
    fc.assert(
      fc.property(arbitraryKkParts, (parts) => {
        const result = validateKk(composeKk(parts), { regions, today });
        expect(result.errors).toEqual([]);
        expect(result.decoded).toEqual({
          provinceCode: parts.districtCode.slice(0, 2),
          regencyCode: parts.districtCode.slice(0, 5),
          districtCode: parts.districtCode,
          issueDate: parts.issueDate,
          serial: String(parts.serial).padStart(4, "0"),
        });
      }),
      { numRuns: 500 },
    );
  });

  it("catches any one-digit change of the region part that lands on a code Kemendagri does not have", () => {
    fc.assert(
      fc.property(
        arbitraryKkParts,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 9 }),
        (parts, position, shift) => {
          const kk = composeKk(parts);
          const changed =
            kk.slice(0, position) + ((Number(kk[position]) + shift) % 10) + kk.slice(position + 1);
          const province = changed.slice(0, 2);
          const regency = `${province}.${changed.slice(2, 4)}`;
          const district = `${regency}.${changed.slice(4, 6)}`;
          const expected: KkIssueCode[] = !regions.get(province)
            ? ["KK_PROVINCE_UNKNOWN"]
            : !regions.get(regency)
              ? ["KK_REGENCY_UNKNOWN"]
              : !regions.get(district)
                ? ["KK_DISTRICT_UNKNOWN"]
                : [];
          expect(validateKk(changed, { regions, today }).errors.map((e) => e.code)).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
