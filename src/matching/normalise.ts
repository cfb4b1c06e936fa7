import { normalizeIdNumber } from "../nik/index.ts";

/**
 * Normalisation of Indonesian identity data before comparison. Each rule exists because lists typed by different
 * agencies, villages and decades write the same person differently; normalise.test.ts holds one case per rule.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

const NON_ASCII = /[^ -~\t]/;

function fold(raw: string): string {
  if (!NON_ASCII.test(raw)) return raw.toLowerCase();
  return raw.normalize("NFKD").replace(COMBINING_MARKS, "").replace(INVISIBLE, "").toLowerCase();
}

// Prefix titles: religious (H., Hj., K.H., Ust.), academic (Dr., Drs., Dra., Ir., Prof.) and the forms of
// address a clerk adds (Bapak/Bpk./Pak, Ibu/Bu, Sdr., Ny.).
const HONORIFICS = new Set(
  (
    "bapak bpk pak ibu bu sdr sdri saudara saudari ny nyonya h hj haji hajjah hajah kh ust ustad " +
    "ustadz ustadzah drs dra dr ir prof"
  ).split(" "),
);

// Degrees written after the name (S.Pd, S.E., A.Md, SH …) as letters only; a trailing run of tokens is removed
// when its letters split entirely into these codes.
const DEGREES = new Set(
  (
    "spd spdi spdsd se sh shi sag sip sos ssos st skom sked skep sfarm ssi stp skm sgz sikom spsi " +
    "shum ssn sds sei sth sst sak sp spt mh mm mpd msi mag mkes mkom mt msc mba amd amdkep amdkeb ama " +
    "amk ap bsc ba lc ma phd drs dra ir dr"
  ).split(" "),
);
// Codes that are also plausible name syllables: only taken as degrees when written with dots or after a comma.
const AMBIGUOUS_DEGREES = new Set(["ma", "ba", "ap", "sp", "lc", "dr", "ir"]);

function splitsIntoDegrees(letters: string): boolean {
  if (letters.length === 0) return false;
  const reachable = new Uint8Array(letters.length + 1);
  reachable[0] = 1;
  for (let end = 1; end <= letters.length; end++) {
    for (let start = Math.max(0, end - 6); start < end; start++) {
      if (reachable[start] && DEGREES.has(letters.slice(start, end))) {
        reachable[end] = 1;
        break;
      }
    }
  }
  return reachable[letters.length] === 1;
}

const lettersOnly = (text: string) => text.replace(/[^a-z]/g, "");

/**
 * Name-token variants that are the same name written differently; values are the canonical form.
 * Keys are written after `modernSpelling`, so "Mochammad" arrives here as "mokhammad".
 */
const NAME_VARIANTS: Record<string, string> = {};
for (const [canonical, variants] of Object.entries({
  muhammad: [
    "muhamad",
    "muhammed",
    "mohammad",
    "mohamad",
    "mohammed",
    "mohamed",
    "muhamat",
    "muhammat",
    "mohamat",
    "moh",
    "muh",
    "mhd",
    "mhmd",
    "mohd",
    "mokh",
    "mukh",
    "mokhammad",
    "mokhamad",
    "mukhammad",
    "mukhamad",
    "mukhamat",
  ],
  abdul: ["abd", "abdoel"],
  siti: ["sitti", "sity"],
  nur: ["noor", "nuur", "nor"],
  ahmad: ["akhmad", "ahmat", "akhmat", "ahmed", "akhmed"],
})) {
  for (const variant of variants) NAME_VARIANTS[variant] = canonical;
}
// Only in first position: "M. Rizky" is Muhammad Rizky and "St. Aminah" is Siti Aminah, but "Rizky M." ends in an initial.
// The expansion is a guess, so normaliseName flags it (NormalisedName.initials): "M. Hidayah" may be Mardiana.
const LEADING_ABBREVIATIONS: Record<string, string> = { m: "muhammad", st: "siti" };

/**
 * The pre-1972 (Van Ophuijsen / Soewandi) spellings that are unambiguous in a name: oe→u (Soekarno), dj→j (Djoko),
 * tj→c (Tjahjo), sj→sy (Sjahrir), ch→kh (Chairul), and nj→ny at the start of a word (Njoman) — not inside one,
 * where modern names keep nj (Panji, Anjar). Old j→y is ambiguous (Jusuf vs Joko) so only the phonetic key applies it.
 */
const OLD_SPELLING = /oe|dj|tj|sj|ch|^nj/;

export function modernSpelling(token: string): string {
  if (!OLD_SPELLING.test(token)) return token;
  return token
    .replace(/oe/g, "u")
    .replace(/dj/g, "j")
    .replace(/tj/g, "c")
    .replace(/sj/g, "sy")
    .replace(/ch/g, "kh")
    .replace(/^nj/, "ny");
}

/**
 * A sound key for one normalised name token, suited to Indonesian: the sound pairs people swap when writing a
 * name they heard (kh/h, sy/s, f/p/v, z/j, dh/d, old j/y, q/k), final -h after a vowel (Fatimah/Fatima),
 * final -y/-ie as -i (Rizky/Rizki, Yanie/Yani) and doubled letters (Annisa/Anisa).
 */
export function phoneticKey(token: string): string {
  let key = phoneticKeys.get(token);
  if (key === undefined) {
    key = computePhoneticKey(token);
    if (phoneticKeys.size < 500_000) phoneticKeys.set(token, key);
  }
  return key;
}
const phoneticKeys = new Map<string, string>();

function computePhoneticKey(token: string): string {
  let key = token
    .replace(/kh/g, "h")
    .replace(/s[yh]/g, "s")
    .replace(/dh/g, "d")
    .replace(/th/g, "t")
    .replace(/ph/g, "p")
    .replace(/[fv]/g, "p")
    .replace(/q/g, "k")
    .replace(/x/g, "ks")
    .replace(/z/g, "j")
    .replace(/j/g, "y");
  key = key.replace(/([aiueo])h$/, "$1").replace(/(?:y|ie)$/, "i");
  return key.replace(/(.)\1+/g, "$1");
}

export interface NormalisedName {
  /** Normalised tokens in written order: no titles, modern spelling, canonical variants. */
  tokens: string[];
  /** phoneticKey of each token. */
  keys: string[];
  /**
   * phoneticKey of each token as written, before the old-spelling rewrite; the same array as `keys` when no
   * rewrite applied. A typo can look like old spelling ("Fatjmah" for Fatimah reads as facmah), and the slip is
   * one letter only in the spelling as written.
   */
  writtenKeys: string[];
  /**
   * Bit k set: token k was written as an abbreviation and expanded ("M." → muhammad, "St." → siti), so it may
   * equally stand for any name with that initial. 0 for almost every name.
   */
  initials: number;
}

const NAME_PUNCTUATION = /[^a-z0-9\s,.]/g;

/**
 * Normalises a person's name: case, spacing and punctuation; titles before and degrees after the name; old
 * spelling; common variants and abbreviations; and the patronymic "bin/binti X", which religious and village
 * lists add but the KTP does not carry. Returns null when nothing of a name remains.
 */
export function normaliseName(raw: string | null | undefined): NormalisedName | null {
  if (!raw) return null;
  // Apostrophes vanish (Ma'ruf = Maruf); other punctuation separates.
  const text = fold(raw)
    .replace(/['`\u2018\u2019]/g, "")
    .replace(NAME_PUNCTUATION, " ");
  const [head = "", ...tail] = text.split(",");
  // After a comma: degrees unless the part is something else (then it stays part of the name).
  const kept = [head, ...tail.filter((part) => !splitsIntoDegrees(lettersOnly(part)))].join(" ");
  let words = kept.split(/\s+/).filter((w) => lettersOnly(w).length > 0 || /\d/.test(w));
  words = words.filter((w) => !/^\d+$/.test(w));

  while (words.length > 1 && HONORIFICS.has(lettersOnly(words[0] ?? ""))) words.shift();
  // A trailing run of degree tokens (S.Pd / SE / S. Pd / A.Md.Kep) after at least one name token.
  for (let start = 1; start < words.length; start++) {
    const run = words.slice(start);
    // Undotted words count only one by one ("SE", "SH"), so a name such as "Sema" is never split into S+E+MA.
    const isDegreeRun = run.some((w) => w.includes("."))
      ? splitsIntoDegrees(lettersOnly(run.join("")))
      : run.every((w) => DEGREES.has(lettersOnly(w)) && !AMBIGUOUS_DEGREES.has(lettersOnly(w)));
    if (isDegreeRun) {
      words = words.slice(0, start);
      break;
    }
  }

  let written = words.map(lettersOnly).filter((t) => t.length > 0);
  let tokens = written.map(modernSpelling);
  const patronymic = tokens.findIndex((t, i) => i > 0 && (t === "bin" || t === "binti" || t === "bt"));
  if (patronymic > 0) {
    tokens = tokens.slice(0, patronymic);
    written = written.slice(0, patronymic);
  }
  let initials = 0;
  let respelled = false;
  tokens = tokens.map((t, i) => {
    const expansion = i === 0 && tokens.length > 1 ? LEADING_ABBREVIATIONS[t] : undefined;
    if (expansion) {
      initials |= 1;
      written[i] = expansion;
      return expansion;
    }
    const canonical = NAME_VARIANTS[t];
    // A known variant is the same name however it was spelt; otherwise keep the spelling as written.
    if (canonical !== undefined) written[i] = canonical;
    else if (written[i] !== t) respelled = true;
    return canonical ?? t;
  });
  if (tokens.length === 0) return null;
  const keys = tokens.map(phoneticKey);
  return { tokens, keys, writtenKeys: respelled ? written.map(phoneticKey) : keys, initials };
}

/** A place of birth: case and punctuation, old spelling, and the "Kab."/"Kota" prefixes some lists add. */
export function normalisePlace(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const tokens = fold(raw)
    .replace(/[^a-z\s]/g, " ")
    .split(/\s+/)
    .filter((t) => t.length > 0 && !PLACE_PREFIXES.has(t))
    .map((t) => phoneticKey(modernSpelling(t)));
  return tokens.length ? tokens.join(" ") : null;
}
const PLACE_PREFIXES = new Set([
  "kab",
  "kabupaten",
  "kota",
  "kec",
  "kecamatan",
  "desa",
  "ds",
  "kel",
  "kelurahan",
]);

const ADDRESS_ABBREVIATIONS: Record<string, string> = {
  jl: "jalan",
  jln: "jalan",
  jalan: "jalan",
  gg: "gang",
  gang: "gang",
  no: "no",
  nomor: "no",
  nmr: "no",
  nomer: "no",
  ds: "desa",
  desa: "desa",
  dsn: "dusun",
  dusun: "dusun",
  kel: "kelurahan",
  kelurahan: "kelurahan",
  kec: "kecamatan",
  kecamatan: "kecamatan",
  kab: "kabupaten",
  kabupaten: "kabupaten",
  perum: "perumahan",
  perumahan: "perumahan",
  blk: "blok",
  blok: "blok",
  kp: "kampung",
  kmp: "kampung",
  kampung: "kampung",
};

/**
 * Address tokens: Jl./JL/Jln./Jalan and other abbreviations to one word, RT 003 = RT 3 = RT.03, "RT/RW 003/004"
 * split into its parts, house numbers without leading zeros. Returned sorted and unique: addresses are compared
 * as token sets because word order varies between lists.
 */
export function normaliseAddress(raw: string | null | undefined): string[] | null {
  if (!raw) return null;
  const text = fold(raw)
    .replace(/\brt\s*[./]?\s*rw\s*[.:]?\s*(\d+)\s*[/.-]\s*(\d+)/g, " rt $1 rw $2 ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(rt|rw)\s*(\d+)/g, (_w, unit: string, n: string) => ` ${unit}${Number(n)} `)
    .replace(/\b(?:no|nomor|nomer|nmr)\s*(\d+)/g, " $1 ");
  const tokens = new Set<string>();
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (/^\d+$/.test(word)) tokens.add(String(Number(word)));
    else tokens.add(ADDRESS_ABBREVIATIONS[word] ?? modernSpelling(word));
  }
  // Words that say "this is an address" carry no identity.
  for (const filler of ["jalan", "gang", "no", "desa", "dusun", "kelurahan", "kecamatan", "kabupaten"])
    tokens.delete(filler);
  return tokens.size ? [...tokens].sort() : null;
}

/**
 * An address as its letters and digits in the order written, spaces dropped: a space slipped into or out of a
 * word ("colebatchplace", "kirklandc ircuit") splits the tokens apart but leaves this one edit away.
 */
export function addressLetters(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = fold(raw).replace(/[^a-z0-9]+/g, "");
  return text || null;
}

const PLAIN_NUMBER = /^\d{1,3}$/;

/** RT or RW number: "003", "RT 03", 3 → 3. Zero and non-numbers are missing. */
export function normaliseNeighbourhood(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw);
  const digits = PLAIN_NUMBER.test(text) ? text : text.replace(/\D/g, "");
  if (!digits) return null;
  const n = Number(digits);
  return n > 0 && n < 1000 ? n : null;
}

/** Mobile numbers as Indonesians write them: +62 812…, 62812…, 0812-…, 812…; all become 0812…. */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = fold(raw).replace(/\D/g, "");
  if (digits.startsWith("62")) digits = `0${digits.slice(2)}`;
  else if (digits.startsWith("8")) digits = `0${digits}`;
  return digits.length >= 9 && digits.length <= 14 && digits.startsWith("0") ? digits : null;
}

/**
 * A NIK or KK as its 16 digits, after the NIK module strips what people and spreadsheets add (grouping, Excel's
 * apostrophe, ="…", ".0"). Scientific notation (6.40105E+15) has lost digits for good and counts as missing, as
 * does anything that is not 16 digits.
 */
const SIXTEEN_DIGITS = /^\d{16}$/;

export function normaliseIdNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  if (SIXTEEN_DIGITS.test(raw)) return raw;
  const { value, damage } = normalizeIdNumber(raw);
  return damage === null && /^\d{16}$/.test(value) ? value : null;
}

/**
 * Another identifier as its letters and digits, upper case: "ab-123 45" and "AB12345" are one value. A value of
 * one repeated character ("0000000", "-") is a placeholder, not an identifier.
 */
export function normaliseOtherId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = fold(raw)
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "");
  if (!value || /^(.)\1*$/.test(value)) return null;
  return value;
}

/** Kode pos as its digits; all zeros is a placeholder. */
export function normalisePostcode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = raw.replace(/\D/g, "");
  return digits.length >= 3 && /[1-9]/.test(digits) ? digits : null;
}

/** Desa/kelurahan code as bare digits (10 for a full Kemendagri code); kecamatan is its first 6. */
export function normaliseVillageCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = raw.replace(/\D/g, "");
  return digits.length >= 6 ? digits : null;
}

export interface LooseDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Birth date from YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY. Month and day are kept up to 31 even when the month is
 * impossible: "1990-25-03" is almost certainly 25 March typed the other way round, which the comparison detects.
 */
export function normaliseBirthDate(raw: string | null | undefined): LooseDate | null {
  if (!raw) return null;
  const text = raw.trim();
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  const dayFirst = yearFirst ? null : /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  let date: LooseDate | null = null;
  if (yearFirst)
    date = { year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]) };
  else if (dayFirst)
    date = { year: Number(dayFirst[3]), month: Number(dayFirst[2]), day: Number(dayFirst[1]) };
  if (!date) return null;
  const { year, month, day } = date;
  if (year < 1850 || year > 2150 || month < 1 || month > 31 || day < 1 || day > 31) return null;
  if (month > 12 && day > 12) return null;
  return date;
}

/**
 * normaliseBirthDate packed as year*10000 + month*100 + day (0 = missing), with a fast path for the common
 * YYYY-MM-DD that skips the regular expressions: it runs once per record of a million-record batch.
 */
export function packedBirthDate(raw: string | null | undefined): number {
  if (raw && raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
    let year = 0;
    let month = 0;
    let day = 0;
    let digits = true;
    for (let k = 0; k < 10 && digits; k++) {
      if (k === 4 || k === 7) continue;
      const digit = raw.charCodeAt(k) - 48;
      if (digit < 0 || digit > 9) digits = false;
      else if (k < 4) year = year * 10 + digit;
      else if (k < 7) month = month * 10 + digit;
      else day = day * 10 + digit;
    }
    if (digits) {
      if (year < 1850 || year > 2150 || month < 1 || month > 31 || day < 1 || day > 31) return 0;
      if (month > 12 && day > 12) return 0;
      return year * 10000 + month * 100 + day;
    }
  }
  const date = normaliseBirthDate(raw);
  return date ? date.year * 10000 + date.month * 100 + date.day : 0;
}

const MALE = new Set(["l", "lk", "laki", "lakilaki", "pria", "m", "male", "1"]);
const FEMALE = new Set(["p", "pr", "perempuan", "wanita", "w", "f", "female", "2"]);

export function normaliseSex(raw: string | null | undefined): "L" | "P" | null {
  if (!raw) return null;
  if (raw === "L" || raw === "P") return raw;
  const key = fold(raw).replace(/[^a-z0-9]/g, "");
  if (MALE.has(key)) return "L";
  if (FEMALE.has(key)) return "P";
  return null;
}
