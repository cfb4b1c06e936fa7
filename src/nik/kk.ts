import { formatIsoDate, pad2, parseIsoDate } from "./calendar.ts";
import {
  ANY_REGION,
  checkDate,
  checkRegion,
  isZeroSerial,
  layoutOf,
  looksZeroedBySpreadsheet,
  readDigits,
} from "./id-number.ts";
import { districtDigits, parseToday, serialDigits } from "./nik.ts";
import { normalizeIdNumber } from "./normalize.ts";
import type { Issue, KkIssueCode, KkParts, KkValidation, KkValidationOptions } from "./types.ts";

/**
 * Checks a KK (family-card) number: the kecamatan it was issued in, its issue date as plain DDMMYY (no +40: a
 * KK has no sex), its serial, spreadsheet damage, and — given the person's NIK — that it is not that NIK again.
 */
export function validateKk(raw: string, options: KkValidationOptions): KkValidation {
  const today = parseToday(options.today);
  const read = readDigits(raw, {
    empty: "KK_EMPTY",
    scientific: "KK_SCIENTIFIC_NOTATION",
    notDigits: "KK_NOT_DIGITS",
    length: "KK_LENGTH",
  });
  if (read.issue) return { valid: false, kk: null, errors: [read.issue], warnings: [] };

  const layout = layoutOf(read.digits);
  const errors: Issue<KkIssueCode>[] = [];
  const warnings: Issue<KkIssueCode>[] = [];

  const nik = options.record?.nik;
  if (nik !== undefined && normalizeIdNumber(nik).value === layout.digits) {
    errors.push({ code: "KK_IS_NIK", params: {} });
  }

  errors.push(
    ...checkRegion(layout, options.regions, {
      province: "KK_PROVINCE_UNKNOWN",
      regency: "KK_REGENCY_UNKNOWN",
      district: "KK_DISTRICT_UNKNOWN",
    }),
  );

  let dayIssue: Issue<KkIssueCode> | null = null;
  // 41–71 is how a woman's NIK writes her birth day; on a KK it means a NIK was typed in the KK field.
  if (layout.day >= 41 && layout.day <= 71)
    dayIssue = { code: "KK_LOOKS_LIKE_FEMALE_NIK", params: { day: pad2(layout.day) } };
  else if (layout.day < 1 || layout.day > 31)
    dayIssue = { code: "KK_ISSUE_DAY_INVALID", params: { day: pad2(layout.day) } };
  const dated = checkDate(
    layout.day,
    layout.month,
    layout.twoDigitYear,
    today,
    {
      month: "KK_ISSUE_MONTH_INVALID",
      invalid: "KK_ISSUE_DATE_INVALID",
      notLeapYear: "KK_ISSUE_DATE_NOT_LEAP_YEAR",
    },
    dayIssue,
  );
  if (dated.errors) errors.push(...dated.errors);

  if (isZeroSerial(layout)) errors.push({ code: "KK_SERIAL_ZERO", params: {} });
  else if (looksZeroedBySpreadsheet(layout)) warnings.push({ code: "KK_LAST_DIGIT_ZEROED", params: {} });

  const decoded: KkParts | undefined = dated.date
    ? {
        provinceCode: layout.provinceCode,
        regencyCode: layout.regencyCode,
        districtCode: layout.districtCode,
        issueDate: formatIsoDate(dated.date),
        serial: layout.serial,
      }
    : undefined;
  return { valid: errors.length === 0, kk: layout.digits, errors, warnings, ...(decoded ? { decoded } : {}) };
}

/** Reads the parts of a KK number without judging its region; null when it is not 16 digits with a real date. */
export function decodeKk(raw: string, today: string): KkParts | null {
  return validateKk(raw, { regions: ANY_REGION, today }).decoded ?? null;
}

export interface KkComposition {
  districtCode: string;
  /** YYYY-MM-DD */
  issueDate: string;
  serial: number | string;
}

/** Builds a KK number from its parts (for demo data and tests). */
export function composeKk(parts: KkComposition): string {
  const issued = parseIsoDate(parts.issueDate);
  if (!issued) throw new RangeError(`issueDate must be YYYY-MM-DD, got "${parts.issueDate}"`);
  return `${districtDigits(parts.districtCode)}${pad2(issued.day)}${pad2(issued.month)}${pad2(issued.year % 100)}${serialDigits(parts.serial)}`;
}
