/**
 * Graded comparisons, one per field. Each returns a level index into FIELD_LEVELS[field] (0 = missing). They take
 * already-normalised values so that the scorer can call them millions of times without allocating.
 */
import { jaroWinkler } from "./jaro-winkler.ts";
import type { LooseDate } from "./normalise.ts";
import { FIELD_LEVELS } from "./types.ts";

const level = <F extends keyof typeof FIELD_LEVELS>(
  field: F,
  code: (typeof FIELD_LEVELS)[F][number],
): number => (FIELD_LEVELS[field] as readonly string[]).indexOf(code);

export const NIK = {
  missing: 0,
  exact: level("nik", "exact"),
  spreadsheetZeroed: level("nik", "spreadsheet_zeroed"),
  typo: level("nik", "typo"),
  kkInNik: level("nik", "kk_in_nik"),
  sameRegionBirth: level("nik", "same_region_birth"),
  different: level("nik", "different"),
};
export const NAME = {
  missing: 0,
  exact: level("name", "exact"),
  phonetic: level("name", "phonetic"),
  close: level("name", "close"),
  partial: level("name", "partial"),
  fuzzy: level("name", "fuzzy"),
  oneWord: level("name", "one_word"),
  different: level("name", "different"),
};
export const BIRTH_DATE = {
  missing: 0,
  exact: level("birth_date", "exact"),
  swapped: level("birth_date", "day_month_swapped"),
  oneUnitOff: level("birth_date", "one_unit_off"),
  sameYear: level("birth_date", "same_year"),
  different: level("birth_date", "different"),
};

export const ADDRESS = {
  missing: 0,
  exact: level("address", "exact"),
  similar: level("address", "similar"),
  partial: level("address", "partial"),
  different: level("address", "different"),
};

/** Hamming distance 1, or two adjacent digits swapped: the two slips of a hand typing a 16-digit number. */
export function typoKind(a: string, b: string): "one_digit" | "transposition" | null {
  if (a.length !== b.length) return null;
  let first = -1;
  let second = -1;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      count++;
      if (count === 1) first = i;
      else if (count === 2) second = i;
      else return null;
    }
  }
  if (count === 1) return "one_digit";
  if (count === 2 && second === first + 1 && a[first] === b[second] && a[second] === b[first])
    return "transposition";
  return null;
}

/**
 * NIK, aware of its structure (2 province + 2 regency + 2 kecamatan + DDMMYY + 4 serial). A NIK field holding a
 * KK number (its own record's or the other's) says "same household" at best, never "same person": such a pair
 * gets kk_in_nik when both sides name the same household, otherwise no NIK evidence. Excel's 15-digit precision
 * zeroes the 16th digit, so equality on the first 15 with a 0 ending one side is its own level.
 */
export function compareNik(
  a: string | null,
  b: string | null,
  kkA: string | null,
  kkB: string | null,
): number {
  const aHoldsKk = a !== null && (a === kkA || a === kkB);
  const bHoldsKk = b !== null && (b === kkB || b === kkA);
  if (aHoldsKk || bHoldsKk) {
    const householdA = aHoldsKk ? a : kkA;
    const householdB = bHoldsKk ? b : kkB;
    return householdA !== null && householdA === householdB ? NIK.kkInNik : NIK.missing;
  }
  if (a === null || b === null) return NIK.missing;
  if (a === b) return NIK.exact;
  // One pass over the digits, no substrings: this runs for every candidate pair.
  let differences = 0;
  let first = -1;
  let second = -1;
  for (let k = 0; k < 16 && differences < 3; k++) {
    if (a.charCodeAt(k) !== b.charCodeAt(k)) {
      if (differences === 0) first = k;
      else second = k;
      differences++;
    }
  }
  if (differences === 1 && first === 15 && (a.charCodeAt(15) === 48 || b.charCodeAt(15) === 48))
    return NIK.spreadsheetZeroed;
  // Serials are handed out in sequence (0001, 0002 …) per kecamatan and birth date, so people born the same
  // day in the same kecamatan differ in one serial digit: a slip there is no evidence of a typo.
  if (first >= 12) return NIK.sameRegionBirth;
  if (differences === 1) return NIK.typo;
  if (differences === 2 && second === first + 1 && a[first] === b[second] && a[second] === b[first])
    return NIK.typo;
  return NIK.different;
}

/** KK: exact, one slip of the hand (or the spreadsheet's zeroed last digit), or different. */
export function compareKk(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  if (typoKind(a, b) !== null) return 2;
  return 3;
}

export function comparePhone(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  if (typoKind(a, b) !== null) return 2;
  return 3;
}

/**
 * One slip of the hand apart: a character changed, dropped or added, or two neighbours swapped (Damerau
 * distance 1). Identifiers are typed, not spoken, so this is the damage they suffer.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length === b.length) return typoKind(a, b) !== null;
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  for (let k = i; k < short.length; k++) if (long.charCodeAt(k + 1) !== short.charCodeAt(k)) return false;
  return true;
}

/** Another identifier (DTKS ID, bank account, membership number): exact, one slip apart, or different. */
export function compareOtherId(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  return oneEditApart(a, b) ? 2 : 3;
}

/** Kode pos: exact, one digit slipped, or different. */
export function comparePostcode(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  return oneEditApart(a, b) ? 2 : 3;
}

/** Name as normalised tokens plus their phonetic keys; ids let the scorer compare integers instead of strings. */
export interface NameFeature {
  /** Id of the normalised tokens joined by a space. */
  normId: number;
  /** Id of the phonetic keys joined by a space; equal ids = same sound. */
  keyId: number;
  /** Id of the phonetic keys sorted, so reordered names ("Rahmawati Siti") agree. */
  sortedKeyId: number;
  /** Id of the first token's phonetic key (a blocking key). */
  firstTokenId: number;
  /** The joined phonetic key, for Jaro-Winkler. */
  key: string;
  /** Phonetic key of each token. */
  tokens: readonly string[];
  /** Phonetic key of each token as written, before the old-spelling rewrite; the same array as `tokens` when none applied. */
  writtenTokens: readonly string[];
  /** Tokens that were expanded abbreviations and may also stand as an initial (NormalisedName.initials). */
  initials: number;
}

// Jaro-Winkler cut-offs on the phonetic key: 0.94 ≈ one slip in a two-word name, 0.88 ≈ a looser resemblance.
const NAME_CLOSE = 0.94;
const NAME_FUZZY = 0.88;

/**
 * One side's tokens are all found in the other's, each as the same word or as its initial, with at least one
 * whole word shared: a dropped middle name ("Muhammad Pratama" / "Muhammad Rizky Pratama") or initials
 * ("Rizky A." / "Rizky Aditya"). A token whose bit is set in that side's `initials` mask was an abbreviation
 * that normalisation expanded, so it counts as the same word or as an initial too: "M. Hidayah" is muhammad
 * hidayah, and may be Mardiana Hidayah.
 */
export function tokensCompatible(
  a: readonly string[],
  b: readonly string[],
  initialsA = 0,
  initialsB = 0,
): boolean {
  if (a.length !== b.length)
    return a.length < b.length ? coveredBy(a, initialsA, b) : coveredBy(b, initialsB, a);
  return coveredBy(a, initialsA, b) || coveredBy(b, initialsB, a);
}

/**
 * Whole words are matched first and initials then take what is left, so an initial never takes the word a
 * whole word needed ("M. Mulyadi" / "Mulyadi Mardiana"). Bitmasks instead of arrays: no allocation per pair.
 */
function coveredBy(shorter: readonly string[], initials: number, longer: readonly string[]): boolean {
  if (longer.length > 31) return false; // bitmasks below; no real name has that many words
  let used = 0;
  let matched = 0;
  let wholeWords = 0;
  for (let i = 0; i < shorter.length; i++) {
    const token = shorter[i] as string;
    for (let k = 0; k < longer.length; k++) {
      if ((used & (1 << k)) === 0 && longer[k] === token) {
        used |= 1 << k;
        matched |= 1 << i;
        wholeWords++;
        break;
      }
    }
  }
  if (wholeWords === 0) return false;
  for (let i = 0; i < shorter.length; i++) {
    if ((matched & (1 << i)) !== 0) continue;
    const token = shorter[i] as string;
    if (token.length !== 1 && (initials & (1 << i)) === 0) return false;
    const initial = token.charCodeAt(0);
    let found = -1;
    for (let k = 0; k < longer.length; k++) {
      if ((used & (1 << k)) === 0 && (longer[k] as string).charCodeAt(0) === initial) {
        found = k;
        break;
      }
    }
    if (found < 0) return false;
    used |= 1 << found;
  }
  return shorter.length < longer.length || wholeWords < shorter.length;
}

// A one-letter slip counts only in a word this long: between short words (Adi / Ani, Dewi / Dedi) one letter
// is another name.
const SLIP_MIN_LENGTH = 5;

/**
 * Damerau–Levenshtein distance exactly 1 (one letter replaced, inserted, dropped, or two neighbours swapped),
 * with both words at least SLIP_MIN_LENGTH long. One pass, no allocation.
 */
export function oneSlipApart(a: string, b: string): boolean {
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA < SLIP_MIN_LENGTH || lengthB < SLIP_MIN_LENGTH) return false;
  if (lengthA - lengthB > 1 || lengthB - lengthA > 1) return false;
  const shorter = lengthA <= lengthB ? a : b;
  const longer = lengthA <= lengthB ? b : a;
  const n = shorter.length;
  let i = 0;
  while (i < n && shorter.charCodeAt(i) === longer.charCodeAt(i)) i++;
  if (i === n) return longer.length === n + 1; // equal words are no slip; one letter added at the end is
  if (longer.length === n) {
    // Replaced letter: the rest agrees after it. Swapped neighbours: the next two are crossed, then the rest agrees.
    let k = i + 1;
    if (
      k < n &&
      shorter.charCodeAt(i) === longer.charCodeAt(k) &&
      shorter.charCodeAt(k) === longer.charCodeAt(i)
    ) {
      for (k = i + 2; k < n; k++) if (shorter.charCodeAt(k) !== longer.charCodeAt(k)) break;
      if (k === n) return true;
    }
    for (k = i + 1; k < n; k++) if (shorter.charCodeAt(k) !== longer.charCodeAt(k)) return false;
    return true;
  }
  // One letter inserted in the longer word at position i.
  for (let k = i; k < n; k++) if (shorter.charCodeAt(k) !== longer.charCodeAt(k + 1)) return false;
  return true;
}

/**
 * A typo that the old-spelling rule took for old spelling: "Fatjmah Hairani" / "Fatimah Hairani", whose tj is
 * read as c, so that the modern keys (pacma / patima) are two letters apart and Jaro-Winkler calls the names
 * different. The same words in the same order, all equal but one, and that one a single slip of the hand
 * (oneSlipApart) in the spelling as written or in the modern one. Only for names that one side wrote in (what
 * looked like) old spelling: elsewhere Jaro-Winkler on the modern key judges slips. Applied to every name, the
 * rule moved enough training pairs out of "fuzzy" to make EM weigh that level lower, and the reconciliation
 * benchmark (bench/reconcile-threshold.ts) then lost borderline pairs it used to find. Needs two words at least:
 * one word with a slip is too often another name (Rahmat / Rahman).
 */
export function oneTokenSlip(a: NameFeature, b: NameFeature): boolean {
  if (a.writtenTokens === a.tokens && b.writtenTokens === b.tokens) return false;
  const count = a.tokens.length;
  if (count < 2 || count !== b.tokens.length) return false;
  let slip = -1;
  for (let k = 0; k < count; k++) {
    if (a.tokens[k] === b.tokens[k] || a.writtenTokens[k] === b.writtenTokens[k]) continue;
    if (slip >= 0) return false;
    slip = k;
  }
  if (slip < 0) return false;
  return (
    oneSlipApart(a.tokens[slip] as string, b.tokens[slip] as string) ||
    oneSlipApart(a.writtenTokens[slip] as string, b.writtenTokens[slip] as string)
  );
}

/**
 * Two names of several words that share the first word and differ in the rest (a family name replaced or
 * written from memory): weaker than a partial match, but not the evidence against that two unrelated names
 * are. How much it says is learnt from the lists (u of a shared "Siti" is high, so the level weighs little
 * there). A shared last word alone stays "different": the initial before it must agree (M. / Nur Hidayah).
 */
export function sharesFirstWord(
  a: readonly string[],
  b: readonly string[],
  initialsA = 0,
  initialsB = 0,
): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const first = a[0] as string;
  if (first.length > 1 && first === b[0]) return true;
  // Another shared word counts when the first words are plainly different names: not an initial on either side
  // and not the same first letter, which may be a shortening only the initial rule may judge (Moh. / Mardiana).
  if (initialsA !== 0 || initialsB !== 0 || first.charCodeAt(0) === (b[0] as string).charCodeAt(0))
    return false;
  for (let k = 1; k < a.length; k++) {
    const token = a[k] as string;
    if (token.length > 1 && b.includes(token)) return true;
  }
  return false;
}

export function compareName(a: NameFeature | null, b: NameFeature | null): number {
  if (a === null || b === null) return NAME.missing;
  if (a.normId === b.normId) return NAME.exact;
  if (a.keyId === b.keyId || a.sortedKeyId === b.sortedKeyId) return NAME.phonetic;
  // Argument order fixed by value so the score of a pair never depends on which record came first.
  const similarity = a.key < b.key ? jaroWinkler(a.key, b.key) : jaroWinkler(b.key, a.key);
  if (similarity >= NAME_CLOSE || oneTokenSlip(a, b)) return NAME.close;
  if (tokensCompatible(a.tokens, b.tokens, a.initials, b.initials)) return NAME.partial;
  if (similarity >= NAME_FUZZY) return NAME.fuzzy;
  if (sharesFirstWord(a.tokens, b.tokens, a.initials, b.initials)) return NAME.oneWord;
  return NAME.different;
}

/** Birth dates packed as year*10000 + month*100 + day; 0 = missing. */
export function packDate(date: LooseDate | null): number {
  return date ? date.year * 10000 + date.month * 100 + date.day : 0;
}

export function compareBirthDate(a: number, b: number): number {
  if (a === 0 || b === 0) return BIRTH_DATE.missing;
  if (a === b) return BIRTH_DATE.exact;
  const yearA = Math.floor(a / 10000);
  const yearB = Math.floor(b / 10000);
  const monthA = Math.floor(a / 100) % 100;
  const monthB = Math.floor(b / 100) % 100;
  const dayA = a % 100;
  const dayB = b % 100;
  if (yearA === yearB && monthA === dayB && dayA === monthB) return BIRTH_DATE.swapped;
  const sameYear = yearA === yearB;
  const sameMonth = monthA === monthB;
  const sameDay = dayA === dayB;
  if (
    (sameYear && sameMonth && Math.abs(dayA - dayB) === 1) ||
    (sameYear && sameDay && Math.abs(monthA - monthB) === 1) ||
    (sameMonth && sameDay && Math.abs(yearA - yearB) === 1)
  )
    return BIRTH_DATE.oneUnitOff;
  if (sameYear) return BIRTH_DATE.sameYear;
  return BIRTH_DATE.different;
}

/** Sex: 1 = L, 2 = P, 0 = missing. */
export function compareSex(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return a === b ? 1 : 2;
}

export function compareBirthPlace(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  const similarity = a < b ? jaroWinkler(a, b) : jaroWinkler(b, a);
  return similarity >= NAME_FUZZY ? 2 : 3;
}

/** Desa: same desa, same kecamatan (first 6 digits of the code), or elsewhere. Interned ids, 0 = missing. */
export function compareVillage(
  villageA: number,
  kecamatanA: number,
  villageB: number,
  kecamatanB: number,
): number {
  if (villageA === 0 || villageB === 0) return 0;
  if (villageA === villageB) return 1;
  return kecamatanA === kecamatanB ? 2 : 3;
}

/** RT and RW together (0 = missing): same RT in the same RW, partly the same (RW only, or RT where no RW is known), or different. */
export function compareNeighbourhood(rtA: number, rwA: number, rtB: number, rwB: number): number {
  if (rwA === 0 || rwB === 0) {
    if (rtA === 0 || rtB === 0) return 0;
    return rtA === rtB ? 2 : 3;
  }
  if (rwA !== rwB) return 3;
  return rtA !== 0 && rtA === rtB ? 1 : 2;
}

/**
 * Whether two strings are at most `limit` edits apart (Levenshtein), computed only in the band of width
 * 2·limit+1 around the diagonal and abandoned as soon as a whole row exceeds the limit.
 */
let rowA = new Int32Array(128);
let rowB = new Int32Array(128);

export function withinEdits(a: string, b: string, limit: number): boolean {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return false;
  if (rowA.length <= m) {
    rowA = new Int32Array(m * 2);
    rowB = new Int32Array(m * 2);
  }
  const big = limit + 1;
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= m; j++) previous[j] = j <= limit ? j : big;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    current[0] = i <= limit ? i : big;
    // Cells just outside the band are read by the next row: mark them out of reach.
    if (from > 1) current[from - 1] = big;
    if (to < m) current[to + 1] = big;
    let rowMin = current[0] as number;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitution = (previous[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] as number) + 1;
      const insertion = (current[j - 1] as number) + 1;
      const value = Math.min(substitution, deletion, insertion, big);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return false;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return (previous[m] as number) <= limit;
}

/** Edits an address line may differ by and still be "similar": about one per twelve characters, at most three. */
export function addressEditLimit(a: string, b: string): number {
  return Math.min(3, Math.max(1, Math.floor(Math.max(a.length, b.length) / 12)));
}

/** Address token sets (sorted unique ids): identical, Jaccard >= 0.6, >= 0.3, or below. */
export function compareAddress(a: ArrayLike<number> | null, b: ArrayLike<number> | null): number {
  if (a === null || b === null) return 0;
  return compareAddressRuns(a, 0, a.length, b, 0, b.length);
}

/** compareAddress over two runs of one shared token pool, as the feature table stores them. */
export function compareAddressRuns(
  poolA: ArrayLike<number>,
  startA: number,
  lengthA: number,
  poolB: ArrayLike<number>,
  startB: number,
  lengthB: number,
): number {
  if (lengthA === 0 || lengthB === 0) return 0;
  let i = startA;
  let j = startB;
  const endA = startA + lengthA;
  const endB = startB + lengthB;
  let shared = 0;
  while (i < endA && j < endB) {
    const x = poolA[i] as number;
    const y = poolB[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = lengthA + lengthB - shared;
  if (shared === union) return 1;
  const jaccard = shared / union;
  return jaccard >= 0.6 ? 2 : jaccard >= 0.3 ? 3 : 4;
}
