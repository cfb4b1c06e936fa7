/**
 * The small fields of a recipient list as people type them: sex, RT/RW, phone, rupiah amounts. Each parser
 * returns the registry's form or an issue code; none throws.
 */
import type { Sex } from "../registry/attributes.ts";

export type ValueResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; params: Record<string, string | number> };

const SEX_WORDS: Record<string, Sex> = {
  l: "L",
  lk: "L",
  laki: "L",
  "laki laki": "L",
  lakilaki: "L",
  pria: "L",
  m: "L",
  male: "L",
  "1": "L",
  p: "P",
  pr: "P",
  perempuan: "P",
  wanita: "P",
  w: "P",
  f: "P",
  female: "P",
  "2": "P",
};

export function parseSex(raw: string): ValueResult<Sex> {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[-_./]+/g, " ")
    .replace(/\s+/g, " ");
  const sex = SEX_WORDS[key];
  return sex ? { ok: true, value: sex } : { ok: false, code: "SEX_UNRECOGNISED", params: { value: raw } };
}

/** "3", "03", "003", "RT 03", "RT.003", "3.0" (a number cell) → "003". */
export function parseNeighbourhood(raw: string, label: "RT" | "RW"): ValueResult<string> {
  const text = raw
    .trim()
    .toUpperCase()
    .replace(new RegExp(`^${label}[.:\\s]*`), "")
    .replace(/\.0+$/, "");
  if (/^\d{1,3}$/.test(text)) return { ok: true, value: text.padStart(3, "0") };
  return { ok: false, code: label === "RT" ? "RT_INVALID" : "RW_INVALID", params: { value: raw } };
}

/** "003/002", "03/02", "RT 3 RW 2", "3-2" → both parts. */
export function parseRtRw(raw: string): ValueResult<{ rt: string; rw: string }> {
  const m = /^\s*(?:RT[.:\s]*)?(\d{1,3})\s*(?:[/\-\\|,]|\s+RW[.:\s]*|\s+)\s*(\d{1,3})\s*$/i.exec(raw);
  if (!m) return { ok: false, code: "RT_RW_INVALID", params: { value: raw } };
  return { ok: true, value: { rt: (m[1] ?? "").padStart(3, "0"), rw: (m[2] ?? "").padStart(3, "0") } };
}

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

/**
 * An Indonesian phone number in any of its usual spellings; returned as digits (with + kept) for the registry,
 * which stores 08… form. Numbers Excel turned into 6.28123E+11 have lost digits and are refused.
 */
export function parsePhone(raw: string): ValueResult<string> {
  const text = raw.normalize("NFKC").trim().replace(/^'+/, "");
  if (SCIENTIFIC.test(text.replace(/\s/g, ""))) {
    return { ok: false, code: "PHONE_SCIENTIFIC_NOTATION", params: { value: raw } };
  }
  const plus = text.startsWith("+");
  const digits = text
    .replace(/\.0+$/, "")
    .replace(/[\s().\-/]/g, "")
    .replace(/^\+/, "");
  if (!/^\d+$/.test(digits) || digits.length < 8 || digits.length > 15) {
    return { ok: false, code: "PHONE_INVALID", params: { value: raw } };
  }
  // A number cell drops the leading 0: 8123456789 is 08123456789.
  const value = !plus && digits.startsWith("8") ? `0${digits}` : digits;
  return { ok: true, value: plus ? `+${value}` : value };
}

/** "Rp 1.500.000", "1.500.000,00", "1,500,000", "1500000" → 1500000 (whole rupiah). */
export function parseRupiah(raw: string): ValueResult<number> {
  let text = raw
    .trim()
    .replace(/^rp\.?\s*/i, "")
    .replace(/\s/g, "");
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(text)) text = text.replace(/\./g, "").replace(/,\d+$/, "");
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(text)) text = text.replace(/,/g, "").replace(/\.\d+$/, "");
  else text = text.replace(/[.,]0+$/, "");
  if (!/^\d{1,15}$/.test(text)) return { ok: false, code: "AMOUNT_INVALID", params: { value: raw } };
  return { ok: true, value: Number(text) };
}

/** Collapses the spacing people leave in names and addresses; null for an empty cell. */
export function cleanText(raw: string): string | null {
  const text = raw
    .normalize("NFC")
    .replace(/\p{Cc}+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text === "" || text === "-" ? null : text;
}

/** "Tanah Grogot, 12-05-1980" → place and date text (the date is read by the date parser). */
export function splitPlaceAndDate(raw: string): { place: string | null; date: string | null } {
  const text = raw.trim();
  const comma = text.lastIndexOf(",");
  if (comma === -1) {
    const m = /^(.*?)\s+(\d{1,2}[-/. ].*)$/.exec(text);
    return m
      ? { place: cleanText(m[1] ?? ""), date: cleanText(m[2] ?? "") }
      : { place: cleanText(text), date: null };
  }
  return { place: cleanText(text.slice(0, comma)), date: cleanText(text.slice(comma + 1)) };
}
