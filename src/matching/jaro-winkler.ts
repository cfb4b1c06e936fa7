// Reused across calls: scoring runs millions of comparisons and must not allocate per pair.
let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

/** Jaro similarity (0..1): shared characters within a sliding window, penalised for transpositions. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const lenA = a.length;
  const lenB = b.length;
  if (lenA === 0 || lenB === 0) return 0;
  if (lenA > matchedA.length || lenB > matchedB.length) {
    const size = Math.max(lenA, lenB) * 2;
    matchedA = new Uint8Array(size);
    matchedB = new Uint8Array(size);
  }
  matchedA.fill(0, 0, lenA);
  matchedB.fill(0, 0, lenB);
  const window = Math.max(0, (Math.max(lenA, lenB) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < lenA; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lenB - 1, i + window);
    const code = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === code) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let j = 0;
  for (let i = 0; i < lenA; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) halfTranspositions++;
    j++;
  }
  const transpositions = halfTranspositions >> 1;
  return (matches / lenA + matches / lenB + (matches - transpositions) / matches) / 3;
}

/**
 * Jaro-Winkler similarity: Jaro boosted by a shared prefix of up to 4 characters (scaling 0.1, applied when
 * Jaro > 0.7 as in Winkler's original), because name typists rarely get the first letters wrong.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}
