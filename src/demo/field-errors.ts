/**
 * The ways field data gets damaged between a KTP and an agency's spreadsheet: spelling traditions, titles,
 * typing slips, spreadsheet conversions, half-remembered birth dates. Each damage is its own function so a
 * test (or the matcher's authors) can see exactly what it does; `damage*` pick one by realistic weight.
 */
import type { Sex } from "../registry/attributes.ts";
import { civilDate, dayNumber, daysInMonth, formatIsoDate, parseIsoDate } from "./calendar.ts";
import { type Random, WeightedTable } from "./random.ts";

// ---- names ------------------------------------------------------------------------------------------------

/**
 * Pre-1972 spelling (Ejaan Soewandi / van Ophuijsen) as older KTPs and parents' memories still carry it:
 * u→oe, j→dj, y→j, c→tj. Mapped per original letter so "Yuli" becomes "Juli", not "Djuli".
 */
export function toOldSpelling(name: string): string {
  let out = "";
  for (const ch of name) {
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const mapped = OLD_SPELLING[lower];
    if (mapped === undefined) out += ch;
    else out += upper ? mapped.charAt(0).toUpperCase() + mapped.slice(1) : mapped;
  }
  return out;
}
const OLD_SPELLING: Record<string, string> = { u: "oe", j: "dj", y: "j", c: "tj" };

/** The reverse for names already in old spelling: oe→u, dj→j, tj→c (a bare j stays, it is ambiguous). */
export function toNewSpelling(name: string): string {
  return name
    .replace(/oe/g, "u")
    .replace(/Oe/g, "U")
    .replace(/OE/g, "U")
    .replace(/dj/g, "j")
    .replace(/Dj/g, "J")
    .replace(/DJ/g, "J")
    .replace(/tj/g, "c")
    .replace(/Tj/g, "C")
    .replace(/TJ/g, "C");
}

/** Spellings of one name that clerks treat as interchangeable; the first is the usual KTP form. */
export const NAME_VARIANT_GROUPS: readonly (readonly string[])[] = [
  ["Muhammad", "Muhamad", "Mohammad", "Mohamad", "Muhammat", "Moh.", "M.", "Muh.", "Mhd."],
  ["Siti", "Sitti", "St."],
  ["Nur", "Noor", "Nor"],
  ["Ahmad", "Achmad", "Akhmad", "Ahmat", "Achmat"],
  ["Abdul", "Abd.", "Abdoel"],
  ["Rahman", "Rachman", "Rakhman"],
  ["Rahmat", "Rachmat", "Rakhmat"],
  ["Rahmawati", "Rachmawati", "Rahmawaty"],
  ["Khadijah", "Hadijah", "Chadijah", "Kadijah"],
  ["Syarifah", "Sarifah", "Syarifa"],
  ["Yusuf", "Yusup", "Jusuf"],
  ["Fatimah", "Fatima", "Patimah"],
  ["Aisyah", "Aisah", "Aisya", "Aishah"],
  ["Hidayat", "Hidajat"],
  ["Saiful", "Syaiful", "Saipul"],
  ["Zainal", "Zaenal", "Jainal"],
  ["Andi", "Andy"],
  ["Rizky", "Rizki", "Riski", "Rizqi"],
  ["Putri", "Putry", "Puteri"],
  ["Dewi", "Dewy"],
  ["Yohanes", "Yohanis", "Johanes", "Johannes"],
  ["Yuliana", "Juliana", "Yulianah"],
];

const VARIANT_INDEX: Map<string, readonly string[]> = new Map(
  NAME_VARIANT_GROUPS.flatMap((group) => group.map((spelling) => [spelling.toLowerCase(), group] as const)),
);

/** Letter-level habits that produce the same spoken name: -uddin/-udin, sy/s, kh/h, final y/i. */
const SPELLING_RULES: readonly [RegExp, string][] = [
  [/uddin$/i, "udin"],
  [/udin$/i, "uddin"],
  [/^Sy/, "S"],
  [/kh/, "h"],
  [/y$/, "i"],
  [/i$/, "y"],
  [/ti$/, "thi"],
  [/dh/, "d"],
  [/ff/, "f"],
  [/f/, "p"],
];

/**
 * Swaps one word of the name for another accepted spelling (Muhammad → Moh., Siti → Sitti, Ahmad → Achmad)
 * or applies a letter-level habit. Returns the name unchanged only when no word has a variant.
 */
export function swapNameVariant(name: string, rng: Random): string {
  const words = name.split(" ");
  const grouped = words
    .map((word, i) => [i, VARIANT_INDEX.get(word.toLowerCase())] as const)
    .filter(([, g]) => g);
  if (grouped.length > 0) {
    const [index, group] = rng.pick(grouped) as readonly [number, readonly string[]];
    const current = (words[index] as string).toLowerCase();
    const others = group.filter((spelling) => spelling.toLowerCase() !== current);
    words[index] = rng.pick(others);
    return words.join(" ");
  }
  const order = rng.shuffle(words.map((_, i) => i));
  for (const index of order) {
    const word = words[index] as string;
    for (const [pattern, replacement] of rng.shuffle([...SPELLING_RULES])) {
      if (pattern.test(word)) {
        words[index] = word.replace(pattern, replacement);
        return words.join(" ");
      }
    }
  }
  return name;
}

/** "Muhammad Rizky Pratama" → "Muhammad Pratama": forms with one line keep first and last names. */
export function dropMiddleName(name: string, rng: Random): string {
  const words = name.split(" ");
  if (words.length < 3) return name;
  words.splice(1 + rng.int(words.length - 2), 1);
  return words.join(" ");
}

/** "Muhammad Rizky Pratama" → "Muhammad R. Pratama" or "M. Rizky Pratama". */
export function abbreviateName(name: string, rng: Random): string {
  const words = name.split(" ");
  if (words.length < 2) return name;
  const index = words.length === 2 ? 0 : rng.int(words.length - 1);
  const word = words[index] as string;
  if (word.endsWith(".")) return name;
  words[index] = `${word.charAt(0).toUpperCase()}.`;
  return words.join(" ");
}

/** Neighbouring keys on a QWERTY keyboard, where most typing slips land. */
const KEYBOARD_NEIGHBOURS: Record<string, string> = Object.fromEntries(
  "a:qwsz b:vghn c:xdfv d:serfcx e:wsdr f:drtgvc g:ftyhbv h:gyujnb i:ujko j:huikmn k:jiolm l:kop m:njk n:bhjm o:iklp p:ol q:wa r:edft s:awedxz t:rfgy u:yhji v:cfgb w:qase x:zsdc y:tghu z:asx"
    .split(" ")
    .map((entry) => entry.split(":") as [string, string]),
);

export type TypoKind = "substitute" | "delete" | "insert" | "transpose";

/** One typing slip in a letter: a neighbouring key, a dropped letter, a doubled letter, or two letters swapped. */
export function typo(text: string, rng: Random, kind?: TypoKind): string {
  const letters: number[] = [];
  for (let i = 0; i < text.length; i++) if (/[A-Za-z]/.test(text.charAt(i))) letters.push(i);
  if (letters.length < 2) return text;
  const chosen = kind ?? rng.pick(["substitute", "delete", "insert", "transpose"] as const);
  const at = rng.pick(letters);
  const ch = text.charAt(at);
  switch (chosen) {
    case "substitute": {
      const neighbours = KEYBOARD_NEIGHBOURS[ch.toLowerCase()] ?? "e";
      const next = rng.pick([...neighbours]);
      return text.slice(0, at) + (ch === ch.toUpperCase() ? next.toUpperCase() : next) + text.slice(at + 1);
    }
    case "delete":
      return text.slice(0, at) + text.slice(at + 1);
    case "insert":
      return text.slice(0, at) + ch.toLowerCase() + text.slice(at);
    case "transpose": {
      const pairs = letters.filter((i) => letters.includes(i + 1) && text.charAt(i) !== text.charAt(i + 1));
      if (pairs.length === 0) return text.slice(0, at) + text.slice(at + 1);
      const i = rng.pick(pairs);
      return text.slice(0, i) + text.charAt(i + 1) + text.charAt(i) + text.slice(i + 2);
    }
  }
}

const HAJJ_TITLES: Record<Sex, string> = { L: "H.", P: "Hj." };
const DEGREE_SUFFIXES = new WeightedTable<string>([
  ["S.Pd", 30],
  ["S.Pd.I", 10],
  ["S.E", 15],
  ["S.Sos", 10],
  ["S.H", 8],
  ["S.Kom", 6],
  ["A.Md", 12],
  ["S.Ag", 5],
  ["S.ST", 4],
]);

export type TitleKind = "hajj" | "degree" | "honorific";

/** Adds what people write before or after their name: the hajj title, an academic degree, Bapak/Ibu. */
export function addTitle(name: string, sex: Sex, rng: Random, kind?: TitleKind): string {
  const chosen = kind ?? (rng.chance(0.55) ? "hajj" : rng.chance(0.75) ? "degree" : "honorific");
  if (chosen === "hajj") return `${HAJJ_TITLES[sex]} ${name}`;
  if (chosen === "degree") return `${name}, ${DEGREE_SUFFIXES.draw(rng)}`;
  return `${sex === "L" ? rng.pick(["Bapak", "Bpk.", "Pak"]) : rng.pick(["Ibu", "Ibu", "Bu"])} ${name}`;
}

export type LetterCase = "upper" | "lower" | "title";

/** Whole lists are often typed in capitals; some in lower case. */
export function changeCase(text: string, letterCase: LetterCase): string {
  if (letterCase === "upper") return text.toUpperCase();
  if (letterCase === "lower") return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(/(^|[\s.'-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** Doubled inner spaces and stray leading or trailing ones, invisible in a spreadsheet cell. */
export function addExtraSpaces(text: string, rng: Random): string {
  const roll = rng.float();
  if (roll < 0.4 && text.includes(" ")) {
    const spaces: number[] = [];
    for (let i = 0; i < text.length; i++) if (text.charAt(i) === " ") spaces.push(i);
    const at = rng.pick(spaces);
    return `${text.slice(0, at)}  ${text.slice(at + 1)}`;
  }
  if (roll < 0.7) return `${text} `;
  return ` ${text}`;
}

export type NameDamage =
  | "variant"
  | "old_spelling"
  | "drop_middle"
  | "abbreviate"
  | "typo"
  | "title"
  | "case"
  | "spaces";

const NAME_DAMAGES = new WeightedTable<NameDamage>([
  ["variant", 24],
  ["typo", 22],
  ["drop_middle", 10],
  ["abbreviate", 8],
  ["title", 10],
  ["case", 12],
  ["spaces", 8],
  ["old_spelling", 6],
]);

/**
 * One damage of a realistic kind; the kind actually applied is returned with the result. A damage that cannot
 * apply (no middle name to drop, a one-word name to abbreviate) falls back to a typo, so the name always changes.
 */
export function damageName(
  name: string,
  sex: Sex,
  rng: Random,
  kind: NameDamage = NAME_DAMAGES.draw(rng),
): { name: string; kind: NameDamage } {
  const damaged = applyNameDamage(name, sex, rng, kind);
  return damaged === name ? { name: typo(name, rng), kind: "typo" } : { name: damaged, kind };
}

function applyNameDamage(name: string, sex: Sex, rng: Random, kind: NameDamage): string {
  switch (kind) {
    case "variant":
      return swapNameVariant(name, rng);
    case "old_spelling":
      return toOldSpelling(name);
    case "drop_middle":
      return dropMiddleName(name, rng);
    case "abbreviate":
      return abbreviateName(name, rng);
    case "typo":
      return typo(name, rng);
    case "title":
      return addTitle(name, sex, rng);
    case "case":
      return changeCase(name, rng.chance(0.8) ? "upper" : "lower");
    case "spaces":
      return addExtraSpaces(name, rng);
  }
}

// ---- NIK and KK ---------------------------------------------------------------------------------------------

/** One digit mistyped (never replaced by itself). */
export function nikDigitTypo(nik: string, rng: Random, position = rng.int(nik.length)): string {
  const digit = nik.charCodeAt(position) - 48;
  const replacement = (digit + 1 + rng.int(9)) % 10;
  return nik.slice(0, position) + String(replacement) + nik.slice(position + 1);
}

/** Two neighbouring, different digits swapped — the most common slip when copying a long number. */
export function nikTransposeAdjacent(nik: string, rng: Random): string {
  const candidates: number[] = [];
  for (let i = 0; i + 1 < nik.length; i++) if (nik.charAt(i) !== nik.charAt(i + 1)) candidates.push(i);
  if (candidates.length === 0) return nikDigitTypo(nik, rng);
  const i = rng.pick(candidates);
  return nik.slice(0, i) + nik.charAt(i + 1) + nik.charAt(i) + nik.slice(i + 2);
}

/**
 * What a spreadsheet does to a 16-digit number typed as a number: it keeps 15 significant digits, so the last
 * one becomes 0.
 */
export function nikSpreadsheetZeroed(nik: string): string {
  return `${nik.slice(0, -1)}0`;
}

/**
 * The same cell shown in scientific notation, as Excel displays it and CSV exports keep it; Indonesian-locale
 * Excel writes a decimal comma ("6,40105E+15").
 */
export function nikScientificNotation(nik: string, decimalSeparator: "," | "." = ","): string {
  const mantissa = nik.slice(1, 6).replace(/0+$/, "");
  return `${nik.charAt(0)}${mantissa ? `${decimalSeparator}${mantissa}` : ""}E+${nik.length - 1}`;
}

/** A digit lost while typing: 15 digits, which fails validation outright. */
export function nikDropDigit(nik: string, rng: Random): string {
  const at = rng.int(nik.length);
  return nik.slice(0, at) + nik.slice(at + 1);
}

export type NikDamage = "digit_typo" | "transposition" | "spreadsheet_zeroed" | "kk_in_nik_field" | "missing";

const NIK_DAMAGES = new WeightedTable<NikDamage>([
  ["digit_typo", 35],
  ["transposition", 25],
  ["spreadsheet_zeroed", 12],
  ["kk_in_nik_field", 10],
  ["missing", 18],
]);

/** One NIK damage: a typo, a transposition, the spreadsheet's zero, the family's KK number instead, or nothing. */
export function damageNik(
  nik: string,
  kk: string,
  rng: Random,
  kind: NikDamage = NIK_DAMAGES.draw(rng),
): { nik: string | null; kind: NikDamage } {
  switch (kind) {
    case "digit_typo":
      return { nik: nikDigitTypo(nik, rng), kind };
    case "transposition":
      return { nik: nikTransposeAdjacent(nik, rng), kind };
    case "spreadsheet_zeroed":
      return nik.endsWith("0")
        ? { nik: nikDigitTypo(nik, rng), kind: "digit_typo" }
        : { nik: nikSpreadsheetZeroed(nik), kind };
    case "kk_in_nik_field":
      return { nik: kk, kind };
    case "missing":
      return { nik: null, kind };
  }
}

// ---- birth dates --------------------------------------------------------------------------------------------

/** 05-03 read as 03-05: only possible when both parts could be a month; otherwise the date is returned as is. */
export function swapDayMonth(isoDate: string): string {
  const date = parseIsoDate(isoDate);
  if (!date || date.day > 12 || date.day === date.month) return isoDate;
  return formatIsoDate({ year: date.year, month: date.day, day: date.month });
}

export type DateUnit = "day" | "month" | "year";

/** One unit off (a day, a month or a year, either way), clamped to a real date. */
export function shiftDate(isoDate: string, unit: DateUnit, delta: number): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  if (unit === "day") return formatIsoDate(civilDate(dayNumber(date.year, date.month, date.day) + delta));
  let { year, month } = date;
  if (unit === "year") year += delta;
  else {
    const index = year * 12 + (month - 1) + delta;
    year = Math.floor(index / 12);
    month = (index % 12) + 1;
  }
  return formatIsoDate({ year, month, day: Math.min(date.day, daysInMonth(year, month)) });
}

/**
 * Only the year is known: registers then write a convention date. 1 July, 31 December and 1 January are the
 * ones Indonesian registers actually use.
 */
export function yearOnly(isoDate: string, rng: Random): string {
  const year = isoDate.slice(0, 4);
  const roll = rng.float();
  const candidate = roll < 0.4 ? `${year}-07-01` : roll < 0.7 ? `${year}-12-31` : `${year}-01-01`;
  return candidate === isoDate
    ? `${year}-07-01` === isoDate
      ? `${year}-12-31`
      : `${year}-07-01`
    : candidate;
}

export type BirthDateDamage = "day_month_swap" | "off_by_one" | "year_only" | "missing";

const BIRTH_DATE_DAMAGES = new WeightedTable<BirthDateDamage>([
  ["day_month_swap", 25],
  ["off_by_one", 40],
  ["year_only", 20],
  ["missing", 15],
]);

export function damageBirthDate(
  isoDate: string,
  rng: Random,
  kind: BirthDateDamage = BIRTH_DATE_DAMAGES.draw(rng),
): { birthDate: string | null; kind: BirthDateDamage } {
  switch (kind) {
    case "day_month_swap": {
      const swapped = swapDayMonth(isoDate);
      if (swapped !== isoDate) return { birthDate: swapped, kind };
      return { birthDate: shiftDate(isoDate, "day", rng.chance(0.5) ? 1 : -1), kind: "off_by_one" };
    }
    case "off_by_one": {
      const unit = rng.pick(["day", "day", "month", "year"] as const);
      return { birthDate: shiftDate(isoDate, unit, rng.chance(0.5) ? 1 : -1), kind };
    }
    case "year_only":
      return { birthDate: yearOnly(isoDate, rng), kind };
    case "missing":
      return { birthDate: null, kind };
  }
}

// ---- addresses, RT/RW, phones -------------------------------------------------------------------------------

const STREET_PREFIXES = ["Jalan", "JL", "Jl", "Jln.", "JL.", "jl."] as const;
const NUMBER_PREFIXES = ["No", "Nomor", "no.", "NO.", "No.", "#"] as const;

/** "Jl. Mawar No. 12" written as "Jalan Mawar Nomor 12", "JL MAWAR NO. 12", "Jl Mawar 12" … */
export function addressVariant(address: string, rng: Random): string {
  let out = address;
  if (rng.chance(0.7)) out = out.replace(/^Jl\. /, `${rng.pick(STREET_PREFIXES)} `);
  if (rng.chance(0.6)) {
    const prefix = rng.chance(0.25) ? "" : rng.pick(NUMBER_PREFIXES);
    out = out.replace(/ No\. /, prefix ? ` ${prefix} ` : " ").replace(/# /, "#");
  }
  if (rng.chance(0.3)) out = out.replace(/ Gg\. /, rng.chance(0.5) ? " Gang " : " gg ");
  if (out === address) out = out.replace(/^Jl\. /, "Jalan ");
  return rng.chance(0.15) ? out.toUpperCase() : out;
}

export type NeighbourhoodStyle = "plain" | "two_digits" | "three_digits";

/** RT/RW numbers: the KK writes "003", forms write "3" or "03". */
export function formatNeighbourhood(value: string, style: NeighbourhoodStyle): string {
  if (style === "three_digits" && value.length === 3) return value;
  const n = Number.parseInt(value, 10);
  if (Number.isNaN(n)) return value;
  if (style === "plain") return String(n);
  return String(n).padStart(style === "two_digits" ? 2 : 3, "0");
}

/** How a form writes RT/RW into the address line: "RT 003 RW 001", "RT 3/RW 1" or "RT.03/RW.01". */
export const NEIGHBOURHOOD_IN_ADDRESS = ["spaced", "slashed", "dotted"] as const;
export type NeighbourhoodInAddress = (typeof NEIGHBOURHOOD_IN_ADDRESS)[number];

/** Some forms have no RT/RW columns and put them into the address line instead. */
export function appendNeighbourhood(
  address: string,
  rt: string,
  rw: string,
  format: NeighbourhoodInAddress,
): string {
  switch (format) {
    case "spaced":
      return `${address} RT ${formatNeighbourhood(rt, "three_digits")} RW ${formatNeighbourhood(rw, "three_digits")}`;
    case "slashed":
      return `${address} RT ${formatNeighbourhood(rt, "plain")}/RW ${formatNeighbourhood(rw, "plain")}`;
    case "dotted":
      return `${address} RT.${formatNeighbourhood(rt, "two_digits")}/RW.${formatNeighbourhood(rw, "two_digits")}`;
  }
}

/** The same mobile number as people write it: +62, 62, spaced, dashed, or with the leading 0 eaten. */
export function phoneVariant(phone: string, rng: Random): string {
  const local = phone.startsWith("0") ? phone.slice(1) : phone;
  const grouped = `${local.slice(0, 3)}-${local.slice(3, 7)}-${local.slice(7)}`;
  switch (rng.int(5)) {
    case 0:
      return `+62${local}`;
    case 1:
      return `62${local}`;
    case 2:
      return `+62 ${grouped}`;
    case 3:
      return `0${grouped.replace(/-/g, " ")}`;
    default:
      return local; // a spreadsheet that stored the number as a number
  }
}

/** A digit of the phone number mistyped (never the leading 0). */
export function phoneDigitTypo(phone: string, rng: Random): string {
  return nikDigitTypo(phone, rng, 2 + rng.int(Math.max(1, phone.length - 2)));
}
