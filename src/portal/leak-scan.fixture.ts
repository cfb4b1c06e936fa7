/**
 * Test support: an index of every demo person's identifying values and a scanner that finds any of them in a
 * response body — NIK, KK, phone (any separator), birth date (ISO, dd-mm-yyyy, dd/mm/yyyy, "5 Juli 1988"),
 * street address, and the full (unmasked) name of anyone with a name of two words or more.
 */
import { MONTH_NAMES } from "../nik/calendar.ts";

export interface LeakIndex {
  numbers: Map<string, string>;
  dates: Set<string>;
  addresses: Set<string>;
  names: Set<string>;
}

export interface Leak {
  kind: "number" | "birth_date" | "address" | "name";
  value: string;
}

export function buildLeakIndex(
  persons: readonly {
    nik: string | null;
    kk: string;
    phone: string | null;
    birthDate: string;
    address: string;
    name: string;
  }[],
): LeakIndex {
  const index: LeakIndex = { numbers: new Map(), dates: new Set(), addresses: new Set(), names: new Set() };
  for (const p of persons) {
    if (p.nik) index.numbers.set(p.nik, "nik");
    index.numbers.set(p.kk, "kk");
    if (p.phone) {
      const digits = p.phone.replace(/\D/g, "");
      index.numbers.set(digits, "phone");
      if (digits.startsWith("0")) index.numbers.set(`62${digits.slice(1)}`, "phone");
    }
    // Dates of the portal's own calendar (periods, publications) are 2026; a baby born then is not listed.
    if (p.birthDate < "2020-01-01") index.dates.add(p.birthDate);
    index.addresses.add(p.address.replace(/\s+/g, " ").trim());
    const name = p.name.replace(/\s+/g, " ").trim();
    if (name.includes(" ")) index.names.add(name.toLowerCase());
  }
  return index;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function isoOf(day: string, month: number, year: string): string {
  return `${year}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

export function scanForLeaks(body: string, index: LeakIndex): Leak[] {
  const text = decodeEntities(body);
  const leaks: Leak[] = [];
  for (const run of text.match(/\d[\d .-]{8,}\d/g) ?? []) {
    const digits = run.replace(/\D/g, "");
    for (let len = 10; len <= 16; len++)
      for (let i = 0; i + len <= digits.length; i++) {
        const part = digits.slice(i, i + len);
        if (index.numbers.has(part)) leaks.push({ kind: "number", value: part });
      }
  }
  const dates: string[] = [...(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [])];
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d.])/g))
    dates.push(isoOf(m[1] as string, Number(m[2]), m[3] as string));
  for (const m of text.matchAll(/\b(\d{1,2}) (\p{L}+) (\d{4})\b/gu)) {
    const month =
      (MONTH_NAMES.id as readonly string[]).indexOf(m[2] as string) + 1 ||
      (MONTH_NAMES.en as readonly string[]).indexOf(m[2] as string) + 1;
    if (month > 0) dates.push(isoOf(m[1] as string, month, m[3] as string));
  }
  for (const d of dates) if (index.dates.has(d)) leaks.push({ kind: "birth_date", value: d });
  for (const m of text.matchAll(/Jl\. [^<>"\n]{1,80}?No\. \d+[AB]?/g))
    if (index.addresses.has(m[0].replace(/\s+/g, " "))) leaks.push({ kind: "address", value: m[0] });
  const words = text.replace(/[<>="/]/g, " ").match(/[\p{L}][\p{L}.'’-]*/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    let phrase = words[i] as string;
    for (let n = 2; n <= 6 && i + n <= words.length; n++) {
      phrase += ` ${words[i + n - 1]}`;
      if (index.names.has(phrase.toLowerCase())) leaks.push({ kind: "name", value: phrase });
    }
  }
  return leaks;
}
