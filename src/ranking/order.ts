/**
 * Rank order of applicants: higher score first; on equal score the older household head (earlier birth date);
 * then the lower registration number (who registered first). Scores are compared on a 1e-9 grid so totals that
 * are equal in exact arithmetic but summed from different levels tie, and the stated tie-break decides — not
 * floating-point noise. Sorting is an LSD radix sort on 16-bit digits (stable, O(N)); selecting the top k needs
 * only a radix select over the score keys plus a sort of the k chosen.
 */

/** Scores live in [0, 1]; keys are round(score × 1e9), below 2^30. */
export const SCORE_SCALE = 1_000_000_000;
/** Birth keys are days since 1900-01-01 (17 bits reach 2258); an unknown birth date ranks after every known one. */
export const UNKNOWN_BIRTH_KEY = 0x1ffff;

/** Ascending keys: a smaller key ranks higher on each component. */
export interface RankKeys {
  /** SCORE_SCALE − round(score × SCORE_SCALE). */
  score: Uint32Array;
  birth: Uint32Array;
  registration: Uint32Array;
}

export function scoreKey(score: number): number {
  const q = Math.round(score * SCORE_SCALE);
  return SCORE_SCALE - Math.min(SCORE_SCALE, Math.max(0, q));
}

/** The score a key stands for (on the 1e-9 grid). */
export function scoreOfKey(key: number): number {
  return (SCORE_SCALE - key) / SCORE_SCALE;
}

export function fillScoreKeys(scores: Float64Array, out: Uint32Array): Uint32Array {
  for (let i = 0; i < scores.length; i++) out[i] = scoreKey(scores[i] as number);
  return out;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - 1;
  const leapDays = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return (
    y * 365 + leapDays + (DAYS_BEFORE_MONTH[month - 1] as number) + (leap && month > 2 ? 1 : 0) + day - 1
  );
}

const EPOCH_1900 = daysFromCivil(1900, 1, 1);

/** Days since 1900-01-01, clamped into the key range; UNKNOWN_BIRTH_KEY for no date. */
export function birthKey(date: { year: number; month: number; day: number } | null): number {
  if (!date) return UNKNOWN_BIRTH_KEY;
  const days = daysFromCivil(date.year, date.month, date.day) - EPOCH_1900;
  return days < 0 ? 0 : days >= UNKNOWN_BIRTH_KEY ? UNKNOWN_BIRTH_KEY - 1 : days;
}

/** Negative when applicant a ranks before b. */
export function compareRank(keys: RankKeys, a: number, b: number): number {
  return (
    (keys.score[a] as number) - (keys.score[b] as number) ||
    (keys.birth[a] as number) - (keys.birth[b] as number) ||
    (keys.registration[a] as number) - (keys.registration[b] as number) ||
    a - b
  );
}

const SMALL = 2048;

/** One stable counting pass on a 16-bit digit; false (and nothing written) when every element shares the digit. */
function radixPass(
  src: Uint32Array,
  dst: Uint32Array,
  key: Uint32Array,
  shift: number,
  counts: Uint32Array,
): boolean {
  const n = src.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const d = ((key[src[i] as number] as number) >>> shift) & 0xffff;
    counts[d] = (counts[d] as number) + 1;
  }
  const first = ((key[src[0] as number] as number) >>> shift) & 0xffff;
  if (counts[first] === n) return false;
  let total = 0;
  for (let d = 0; d < 65536; d++) {
    const c = counts[d] as number;
    counts[d] = total;
    total += c;
  }
  for (let i = 0; i < n; i++) {
    const v = src[i] as number;
    const d = ((key[v] as number) >>> shift) & 0xffff;
    const at = counts[d] as number;
    dst[at] = v;
    counts[d] = at + 1;
  }
  return true;
}

/** The given applicant indices in rank order (a new array). */
export function sortByRank(indices: Uint32Array, keys: RankKeys): Uint32Array {
  if (indices.length < SMALL) {
    return Uint32Array.from(Array.from(indices).sort((a, b) => compareRank(keys, a, b)));
  }
  // LSD: least significant key first; each pass is stable, so earlier passes decide ties of later ones.
  let src = Uint32Array.from(indices).sort();
  let dst = new Uint32Array(indices.length);
  const counts = new Uint32Array(65536);
  for (const [key, shift] of [
    [keys.registration, 0],
    [keys.registration, 16],
    [keys.birth, 0],
    [keys.birth, 16],
    [keys.score, 0],
    [keys.score, 16],
  ] as const) {
    if (radixPass(src, dst, key, shift, counts)) [src, dst] = [dst, src];
  }
  return src;
}

/**
 * The k best of `candidates`, in rank order, without ranking the rest: a two-level radix select finds the k-th
 * best score key, everything strictly better is in, and only the group tied on that key is ordered by the
 * tie-break to fill the remaining places.
 */
export function selectTop(candidates: Uint32Array, keys: RankKeys, k: number): Uint32Array {
  const n = candidates.length;
  if (k <= 0) return new Uint32Array(0);
  if (k >= n) return sortByRank(candidates, keys);
  const score = keys.score;
  const counts = new Uint32Array(32768);
  for (let i = 0; i < n; i++) {
    const b = (score[candidates[i] as number] as number) >>> 15;
    counts[b] = (counts[b] as number) + 1;
  }
  let bucket = 0;
  let before = 0;
  while (before + (counts[bucket] as number) < k) before += counts[bucket++] as number;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const s = score[candidates[i] as number] as number;
    if (s >>> 15 === bucket) counts[s & 0x7fff] = (counts[s & 0x7fff] as number) + 1;
  }
  let low = 0;
  while (before + (counts[low] as number) < k) before += counts[low++] as number;
  const threshold = (bucket << 15) | low;
  const chosen = new Uint32Array(k);
  const tied: number[] = [];
  let taken = 0;
  for (let i = 0; i < n; i++) {
    const v = candidates[i] as number;
    const s = score[v] as number;
    if (s < threshold) chosen[taken++] = v;
    else if (s === threshold) tied.push(v);
  }
  tied.sort((a, b) => compareRank(keys, a, b));
  for (let t = 0; taken < k; t++) chosen[taken++] = tied[t] as number;
  return sortByRank(chosen, keys);
}
