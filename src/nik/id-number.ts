/**
 * The layout NIK and KK share: 6 digits of the kecamatan where the number was issued (2 province, 2 regency,
 * 2 kecamatan), a DDMMYY date and a 4-digit serial. Each check takes the codes to report so the NIK and KK
 * catalogs stay separate and precise.
 */
import { type CalendarDate, daysInMonth, isLeapYear, MONTH_NAMES, pad2, resolveCentury } from "./calendar.ts";
import { normalizeIdNumber } from "./normalize.ts";
import type { Issue, RegionLookup } from "./types.ts";

export const ID_NUMBER_LENGTH = 16;

export interface Layout {
  digits: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  day: number;
  month: number;
  twoDigitYear: number;
  serial: string;
}

/** A lookup that knows every code, for decoding a number without judging where it was issued. */
export const ANY_REGION: RegionLookup = { get: () => ({ name: "" }) };

export function layoutOf(digits: string): Layout {
  return {
    digits,
    provinceCode: digits.slice(0, 2),
    regencyCode: `${digits.slice(0, 2)}.${digits.slice(2, 4)}`,
    districtCode: `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}`,
    day: Number(digits.slice(6, 8)),
    month: Number(digits.slice(8, 10)),
    twoDigitYear: Number(digits.slice(10, 12)),
    serial: digits.slice(12, 16),
  };
}

export function readDigits<C extends string>(
  raw: string,
  codes: { empty: C; scientific: C; notDigits: C; length: C },
): { digits: string; issue?: undefined } | { digits?: undefined; issue: Issue<C> } {
  const { value, damage } = normalizeIdNumber(raw);
  if (damage === "scientific_notation") return { issue: { code: codes.scientific, params: { raw: value } } };
  if (value === "") return { issue: { code: codes.empty, params: {} } };
  const nonDigits = [...new Set(value.replace(/\d/g, ""))];
  if (nonDigits.length > 0) {
    return {
      issue: { code: codes.notDigits, params: { characters: nonDigits.join(" "), length: value.length } },
    };
  }
  if (value.length !== ID_NUMBER_LENGTH) {
    return { issue: { code: codes.length, params: { length: value.length, expected: ID_NUMBER_LENGTH } } };
  }
  return { digits: value };
}

/** Reports only the highest level that is missing: a regency cannot be looked up inside an unknown province. */
export function checkRegion<C extends string>(
  layout: Layout,
  regions: RegionLookup,
  codes: { province: C; regency: C; district: C },
): Issue<C>[] {
  const province = regions.get(layout.provinceCode);
  if (!province) return [{ code: codes.province, params: { provinceCode: layout.provinceCode } }];
  const regency = regions.get(layout.regencyCode);
  if (!regency) {
    return [
      {
        code: codes.regency,
        params: {
          regencyCode: layout.regencyCode,
          digits: layout.digits.slice(2, 4),
          provinceName: province.name,
        },
      },
    ];
  }
  if (!regions.get(layout.districtCode)) {
    return [
      {
        code: codes.district,
        params: {
          districtCode: layout.districtCode,
          digits: layout.digits.slice(4, 6),
          regencyName: regency.name,
        },
      },
    ];
  }
  return [];
}

export interface DateCodes<C extends string> {
  month: C;
  invalid: C;
  notLeapYear: C;
}

/**
 * Checks a DD, MM and two-digit year that are already stripped of the +40 a woman's NIK adds, and returns the
 * date with its century resolved against `today`. The day's allowed range differs between NIK and KK, so the
 * caller judges it and passes what it found as `dayIssue`.
 */
export function checkDate<C extends string>(
  day: number,
  month: number,
  twoDigitYear: number,
  today: CalendarDate,
  codes: DateCodes<C>,
  dayIssue: Issue<C> | null,
): { date: CalendarDate; errors?: undefined } | { date?: undefined; errors: Issue<C>[] } {
  const errors: Issue<C>[] = dayIssue ? [dayIssue] : [];
  if (month < 1 || month > 12) errors.push({ code: codes.month, params: { month: pad2(month) } });
  if (errors.length > 0) return { errors };
  const year = resolveCentury(twoDigitYear, month, day, today);
  const shown = `${pad2(day)}-${pad2(month)}-${pad2(twoDigitYear)}`;
  if (day > daysInMonth(year, month)) {
    if (month === 2 && day === 29 && !isLeapYear(year)) {
      return { errors: [{ code: codes.notLeapYear, params: { date: shown, year } }] };
    }
    return {
      errors: [
        {
          code: codes.invalid,
          params: {
            date: shown,
            day,
            monthNameId: MONTH_NAMES.id[month - 1] ?? "",
            monthNameEn: MONTH_NAMES.en[month - 1] ?? "",
            daysInMonth: daysInMonth(year, month),
          },
        },
      ],
    };
  }
  return { date: { year, month, day } };
}

export const isZeroSerial = (layout: Layout) => layout.serial === "0000";

/**
 * Excel keeps 15 significant digits and writes the 16th as 0. A genuine serial counts up from 0001 within one
 * kecamatan and date, so one ending in 0 (0010, 0020…) is uncommon while every zeroed number has exactly that
 * shape: worth a look at the card, not a rejection. Serial 0000 is reported as an error instead.
 */
export const looksZeroedBySpreadsheet = (layout: Layout) =>
  layout.digits.endsWith("0") && !isZeroSerial(layout);
