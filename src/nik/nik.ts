import { type CalendarDate, formatIsoDate, pad2, parseIsoDate } from "./calendar.ts";
import {
  ANY_REGION,
  checkDate,
  checkRegion,
  isZeroSerial,
  layoutOf,
  looksZeroedBySpreadsheet,
  readDigits,
} from "./id-number.ts";
import { normalizeIdNumber } from "./normalize.ts";
import type { Issue, NikIssueCode, NikParts, NikSex, NikValidation, NikValidationOptions } from "./types.ts";

/** Dukcapil writes a woman's birth day plus 40, so 41–71 is a woman born on day 1–31. */
const FEMALE_DAY_OFFSET = 40;

const SEX_LABELS: Record<NikSex, { id: string; en: string }> = {
  L: { id: "laki-laki", en: "male" },
  P: { id: "perempuan", en: "female" },
};

export function parseToday(today: string): CalendarDate {
  const parsed = parseIsoDate(today);
  if (!parsed) throw new RangeError(`today must be a real YYYY-MM-DD date, got "${today}"`);
  return parsed;
}

/**
 * Checks a NIK as typed or imported: its shape, the Kemendagri region it was issued in, the birth date and sex it
 * encodes, spreadsheet damage, and — given the person's record — whether it agrees with that record or is
 * really the family's KK number. Errors make it invalid; warnings ask someone to look at the card.
 */
export function validateNik(raw: string, options: NikValidationOptions): NikValidation {
  const today = parseToday(options.today);
  const read = readDigits(raw, {
    empty: "NIK_EMPTY",
    scientific: "NIK_SCIENTIFIC_NOTATION",
    notDigits: "NIK_NOT_DIGITS",
    length: "NIK_LENGTH",
  });
  if (read.issue) return { valid: false, nik: null, errors: [read.issue], warnings: [] };

  const layout = layoutOf(read.digits);
  const errors: Issue<NikIssueCode>[] = [];
  const warnings: Issue<NikIssueCode>[] = [];
  const record = options.record ?? {};

  const isKk = record.kk !== undefined && normalizeIdNumber(record.kk).value === layout.digits;
  if (isKk) errors.push({ code: "NIK_IS_KK", params: {} });

  errors.push(
    ...checkRegion(layout, options.regions, {
      province: "NIK_PROVINCE_UNKNOWN",
      regency: "NIK_REGENCY_UNKNOWN",
      district: "NIK_DISTRICT_UNKNOWN",
    }),
  );

  const female = layout.day > FEMALE_DAY_OFFSET;
  const dayValid = (layout.day >= 1 && layout.day <= 31) || (layout.day >= 41 && layout.day <= 71);
  const dated = checkDate(
    female ? layout.day - FEMALE_DAY_OFFSET : layout.day,
    layout.month,
    layout.twoDigitYear,
    today,
    {
      month: "NIK_BIRTHDATE_MONTH_INVALID",
      invalid: "NIK_BIRTHDATE_INVALID",
      notLeapYear: "NIK_BIRTHDATE_NOT_LEAP_YEAR",
    },
    dayValid ? null : { code: "NIK_BIRTHDATE_DAY_INVALID", params: { day: pad2(layout.day) } },
  );
  if (dated.errors) errors.push(...dated.errors);

  if (isZeroSerial(layout)) errors.push({ code: "NIK_SERIAL_ZERO", params: {} });
  else if (looksZeroedBySpreadsheet(layout)) warnings.push({ code: "NIK_LAST_DIGIT_ZEROED", params: {} });

  let decoded: NikParts | undefined;
  if (dated.date) {
    const sex: NikSex = female ? "P" : "L";
    let birth = dated.date;
    const nikDate = `${pad2(birth.day)}-${pad2(birth.month)}-${pad2(layout.twoDigitYear)}`;

    if (record.sex && record.sex !== sex) {
      warnings.push({
        code: "NIK_SEX_MISMATCH",
        params: {
          day: pad2(layout.day),
          nikSexId: SEX_LABELS[sex].id,
          nikSexEn: SEX_LABELS[sex].en,
          recordSexId: SEX_LABELS[record.sex].id,
          recordSexEn: SEX_LABELS[record.sex].en,
        },
      });
    }

    const recordBirth = record.birthDate ? parseIsoDate(record.birthDate) : null;
    // The record is the only source of the century; when its DDMMYY agrees with the NIK, its year is taken.
    const sameDate =
      recordBirth !== null &&
      recordBirth.day === birth.day &&
      recordBirth.month === birth.month &&
      recordBirth.year % 100 === layout.twoDigitYear;
    if (recordBirth && sameDate) birth = recordBirth;
    if (recordBirth && !sameDate) {
      warnings.push({
        code: "NIK_BIRTHDATE_MISMATCH",
        params: { nikDate, recordDate: formatIsoDate(recordBirth) },
      });
      // A KK's date part is its issue date, never +40: for a woman it reads as a man's NIK with a wrong birth date.
      if (record.sex === "P" && !female && !isKk) {
        warnings.push({ code: "NIK_MAYBE_KK", params: { nikDate, recordDate: formatIsoDate(recordBirth) } });
      }
    }

    decoded = {
      provinceCode: layout.provinceCode,
      regencyCode: layout.regencyCode,
      districtCode: layout.districtCode,
      sex,
      birthDate: formatIsoDate(birth),
      serial: layout.serial,
    };
  }

  return {
    valid: errors.length === 0,
    nik: layout.digits,
    errors,
    warnings,
    ...(decoded ? { decoded } : {}),
  };
}

/** Reads the parts of a NIK without judging its region; null when it is not 16 digits with a real birth date. */
export function decodeNik(raw: string, today: string): NikParts | null {
  return validateNik(raw, { regions: ANY_REGION, today }).decoded ?? null;
}

export interface NikComposition {
  /** Kecamatan code, dotted ("64.01.05") or bare ("640105"). */
  districtCode: string;
  sex: NikSex;
  /** YYYY-MM-DD */
  birthDate: string;
  /** 1–9999 or its 4-digit form. */
  serial: number | string;
}

/** Builds the NIK that Dukcapil's layout gives these parts (for demo data and tests; real NIKs come from the card). */
export function composeNik(parts: NikComposition): string {
  const district = districtDigits(parts.districtCode);
  const birth = parseIsoDate(parts.birthDate);
  if (!birth) throw new RangeError(`birthDate must be YYYY-MM-DD, got "${parts.birthDate}"`);
  const day = parts.sex === "P" ? birth.day + FEMALE_DAY_OFFSET : birth.day;
  return `${district}${pad2(day)}${pad2(birth.month)}${pad2(birth.year % 100)}${serialDigits(parts.serial)}`;
}

export function districtDigits(code: string): string {
  const digits = code.replace(/\./g, "");
  if (!/^\d{6}$/.test(digits)) throw new RangeError(`a kecamatan code has 6 digits, got "${code}"`);
  return digits;
}

export function serialDigits(serial: number | string): string {
  const text = typeof serial === "number" ? String(serial).padStart(4, "0") : serial;
  if (/^\d{4}$/.test(text) && text !== "0000") return text;
  throw new RangeError(`a serial is 0001–9999, got "${serial}"`);
}
