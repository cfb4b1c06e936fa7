import type { Language } from "../../../src/i18n/index.ts";

const LOCALES: Record<Language, string> = { id: "id-ID", en: "en-GB" };
const formats = new Map<string, Intl.NumberFormat>();

/** A decimal with a fixed number of digits in the language's own notation (0,1234 / 0.1234). */
export function formatDecimal(value: number, digits: number, language: Language): string {
  const key = `${language}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

export function formatPercent(share: number, language: Language): string {
  return `${formatDecimal(share * 100, 1, language)} %`;
}

/** A judgment's intensity: whole numbers as they are, aggregated ones to two decimals. */
export function formatIntensity(value: number, language: Language): string {
  return Number.isInteger(value) ? String(value) : formatDecimal(value, 2, language);
}
