/** Plain calendar dates for the DDMMYY parts of NIK and KK; no time zones, no clock. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Strict YYYY-MM-DD that names a real day; anything else is null. */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month))
    return null;
  return date;
}

export function formatIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, "0")}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * NIK and KK carry only two year digits. We take the latest year ending in those digits whose date is not after
 * `today`: a person cannot be born, nor a KK issued, in the future. So on 2025-06-01, "25" with 15 August means 1925.
 * Ages therefore read as 0–99; for a centenarian only the recorded birth date can supply the century.
 */
export function resolveCentury(
  twoDigitYear: number,
  month: number,
  day: number,
  today: CalendarDate,
): number {
  const year = today.year - (today.year % 100) + twoDigitYear;
  return compareDates({ year, month, day }, today) > 0 ? year - 100 : year;
}

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

export const MONTH_NAMES = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
} as const;
