import type { Language } from "../../../src/i18n/index.ts";

/**
 * The one place numbers, money and dates are formatted. Rupiah are integers and always written the Indonesian
 * way (Rp 1.200.000) whatever the interface language; dates follow the language (5 Februari 2026 / 5 February 2026).
 */
const rupiahFormat = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
const numberFormats: Record<Language, Intl.NumberFormat> = {
  id: new Intl.NumberFormat("id-ID"),
  en: new Intl.NumberFormat("en-GB"),
};
const dateLocales: Record<Language, string> = { id: "id-ID", en: "en-GB" };

export function formatRupiah(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return "–";
  const sign = amount < 0 ? "-" : "";
  return `${sign}Rp ${rupiahFormat.format(Math.abs(amount))}`;
}

export function formatNumber(value: number, language: Language): string {
  return numberFormats[language].format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocales[language], options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD) is a day, not an instant: formatted in UTC so no time zone shifts it a day. */
export function formatDate(isoDate: string | null | undefined, language: Language): string {
  if (!isoDate) return "–";
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateFormat(language, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    date,
  );
}

/** An instant (audit entries, edits) shown in the viewer's own clock, e.g. "5 Februari 2026 14.05". */
export function formatDateTime(instant: string | null | undefined, language: Language): string {
  if (!instant) return "–";
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return dateFormat(language, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/** Whole years between a birth date and today (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
