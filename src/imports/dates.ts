/**
 * Birth dates as agencies write them: 1980-05-12, 12-05-1980, 12/5/1980, 12.05.80, 12 Mei 1980, 12-Agt-1980,
 * 19800512, an Excel serial number (29353) from a cell that lost its date format. Day first is the
 * Indonesian convention; a month-first date is accepted only when day-first is impossible, and says so.
 */
export type DateIssueCode = "DATE_UNRECOGNISED" | "DATE_INVALID" | "DATE_IN_FUTURE" | "DATE_TOO_OLD";
export type DateWarningCode = "DATE_MONTH_FIRST" | "DATE_TWO_DIGIT_YEAR" | "DATE_EXCEL_SERIAL";

export type ParsedDate =
  | { ok: true; date: string; warnings: DateWarningCode[] }
  | { ok: false; code: DateIssueCode; params: Record<string, string | number> };

const MONTHS: Record<string, number> = {};
const MONTH_SPELLINGS: readonly (readonly string[])[] = [
  ["januari", "january", "jan"],
  ["februari", "pebruari", "february", "feb", "peb"],
  ["maret", "march", "mar"],
  ["april", "apr"],
  ["mei", "may"],
  ["juni", "june", "jun"],
  ["juli", "july", "jul"],
  ["agustus", "august", "agu", "agt", "ags", "aug"],
  ["september", "sept", "sep"],
  ["oktober", "october", "okt", "oct"],
  ["november", "nopember", "nov", "nop"],
  ["desember", "december", "des", "dec"],
];
MONTH_SPELLINGS.forEach((spellings, i) => {
  for (const s of spellings) MONTHS[s] = i + 1;
});

/** The oldest birth year taken as real; older ones are typing errors (1880 for 1980). */
const MIN_YEAR = 1900;
/** Excel counts days from 1899-12-30 (its 1900 leap-year bug makes serials above 60 land right). */
const EXCEL_EPOCH_DAY = daysFromCivil(1899, 12, 30);

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

interface Parts {
  day: number;
  month: number;
  year: number;
  twoDigitYear: boolean;
}

function resolveCentury(parts: Parts, today: string): Parts {
  if (!parts.twoDigitYear) return parts;
  const [ty = 0, tm = 0, td = 0] = today.split("-").map(Number);
  let year = Math.floor(ty / 100) * 100 + parts.year;
  // A birth date cannot lie ahead of today: 12-05-30 in 2026 is 1930, 12-05-20 is 2020.
  if (year > ty || (year === ty && (parts.month > tm || (parts.month === tm && parts.day > td)))) year -= 100;
  return { ...parts, year };
}

function check(parts: Parts, raw: string, today: string, warnings: DateWarningCode[]): ParsedDate {
  const p = resolveCentury(parts, today);
  if (p.twoDigitYear) warnings.push("DATE_TWO_DIGIT_YEAR");
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > daysInMonth(p.year, p.month)) {
    return { ok: false, code: "DATE_INVALID", params: { value: raw } };
  }
  const date = iso(p.year, p.month, p.day);
  if (date > today) return { ok: false, code: "DATE_IN_FUTURE", params: { value: raw, date } };
  if (p.year < MIN_YEAR) return { ok: false, code: "DATE_TOO_OLD", params: { value: raw, year: p.year } };
  return { ok: true, date, warnings };
}

const valid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_FIRST = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const NAMED_MONTH = /^(\d{1,2})[-/. ]+([a-z]+)\.?[-/., ]+(\d{2}|\d{4})$/;
const MONTH_NAME_FIRST = /^([a-z]+)\.?[ -]+(\d{1,2}),?[ -]+(\d{4})$/;
const COMPACT = /^(\d{8})$/;

/** Group `i` of a match that is known to have it. */
const group = (m: RegExpExecArray, i: number): string => m[i] ?? "";
const SERIAL = /^(\d{3,5})(?:\.0+)?$/;

/**
 * Reads a birth date. `today` (YYYY-MM-DD) bounds it and resolves two-digit years to the latest century that
 * does not put the birth in the future.
 */
export function parseBirthDate(raw: string, today: string): ParsedDate {
  const text = raw.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
  const warnings: DateWarningCode[] = [];
  if (text === "") return { ok: false, code: "DATE_UNRECOGNISED", params: { value: raw } };

  let m = ISO.exec(text);
  if (m)
    return check(
      { year: +group(m, 1), month: +group(m, 2), day: +group(m, 3), twoDigitYear: false },
      raw,
      today,
      warnings,
    );

  m = DAY_FIRST.exec(text);
  if (m) {
    const a = +group(m, 1);
    const b = +group(m, 2);
    const yearText = group(m, 3);
    const parts: Parts = { day: a, month: b, year: +yearText, twoDigitYear: yearText.length === 2 };
    const resolved = resolveCentury(parts, today);
    if (!valid(resolved.year, b, a) && valid(resolved.year, a, b)) {
      warnings.push("DATE_MONTH_FIRST");
      return check({ ...parts, day: b, month: a }, raw, today, warnings);
    }
    return check(parts, raw, today, warnings);
  }

  m = NAMED_MONTH.exec(text);
  if (m) {
    const month = MONTHS[group(m, 2)];
    if (month === undefined) return { ok: false, code: "DATE_UNRECOGNISED", params: { value: raw } };
    return check(
      { day: +group(m, 1), month, year: +group(m, 3), twoDigitYear: group(m, 3).length === 2 },
      raw,
      today,
      warnings,
    );
  }

  m = MONTH_NAME_FIRST.exec(text);
  if (m) {
    const month = MONTHS[group(m, 1)];
    if (month === undefined) return { ok: false, code: "DATE_UNRECOGNISED", params: { value: raw } };
    return check({ day: +group(m, 2), month, year: +group(m, 3), twoDigitYear: false }, raw, today, warnings);
  }

  m = COMPACT.exec(text);
  if (m) {
    const s = group(m, 1);
    const ymd = { year: +s.slice(0, 4), month: +s.slice(4, 6), day: +s.slice(6, 8) };
    if (ymd.year >= MIN_YEAR && valid(ymd.year, ymd.month, ymd.day)) {
      return check({ ...ymd, twoDigitYear: false }, raw, today, warnings);
    }
    return check(
      { day: +s.slice(0, 2), month: +s.slice(2, 4), year: +s.slice(4, 8), twoDigitYear: false },
      raw,
      today,
      warnings,
    );
  }

  m = SERIAL.exec(text);
  if (m) {
    const serial = +group(m, 1);
    // Serials of 1900-03-01 onwards; a lower number is not a date anyone alive was born on.
    if (serial > 60) {
      const { year, month, day } = civilFromDays(EXCEL_EPOCH_DAY + serial);
      warnings.push("DATE_EXCEL_SERIAL");
      return check({ year, month, day, twoDigitYear: false }, raw, today, warnings);
    }
  }
  return { ok: false, code: "DATE_UNRECOGNISED", params: { value: raw } };
}

/** A JS Date from a spreadsheet cell (exceljs gives dates at UTC midnight) as YYYY-MM-DD. */
export function isoDateOfCell(value: Date): string {
  return iso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}
