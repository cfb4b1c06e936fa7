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

const compactFormats: Record<Language, Intl.NumberFormat> = {
  id: new Intl.NumberFormat("id-ID", { notation: "compact", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 }),
};

/** Rupiah shortened for a chart's value label (Rp 1,2 M / Rp 1.2B); the exact figure stays in the table. */
export function formatRupiahCompact(amount: number, language: Language): string {
  const sign = amount < 0 ? "-" : "";
  return `${sign}Rp ${compactFormats[language].format(Math.abs(amount))}`;
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
/** A birth date, or only its year for officials without the identity right (the server sends no date then). */
export function formatBirth(
  birth: { birthDate?: string | null; birthYear?: number | null },
  language: Language,
): string {
  if (birth.birthDate) return formatDate(birth.birthDate, language);
  return birth.birthYear ? String(birth.birthYear) : "–";
}

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

/**
 * A calendar date as typed in a form: always dd/mm/yyyy whatever the device's language (a native date input
 * shows mm/dd/yyyy on an English phone, and 05/02 is then read as 2 May).
 */
export function formatDateInput(isoDate: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? "");
  return match ? `${match[3]}/${match[2]}/${match[1]}` : "";
}

/**
 * dd/mm/yyyy (also d-m-yyyy, d.m.yyyy, or an ISO yyyy-mm-dd pasted in) to YYYY-MM-DD; null for anything that
 * is not a real day (31/02/2026).
 */
export function parseDateInput(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : local
      ? [Number(local[3]), Number(local[2]), Number(local[1])]
      : [0, 0, 0];
  if (!year || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A share (0.083) as a percentage in the interface language: 8,3 % / 8.3%; small p-values keep two digits. */
export function formatShare(share: number, language: Language, digits = 1): string {
  return new Intl.NumberFormat(dateLocales[language], {
    style: "percent",
    maximumFractionDigits: digits,
  }).format(share);
}

/** A p-value or q-value: plain below 0.001 would read 0, so it is written in scientific notation there. */
export function formatProbability(value: number, language: Language): string {
  if (value !== 0 && value < 0.001)
    return new Intl.NumberFormat(dateLocales[language], {
      notation: "scientific",
      maximumFractionDigits: 1,
    }).format(value);
  return new Intl.NumberFormat(dateLocales[language], { maximumFractionDigits: 3 }).format(value);
}
