/**
 * Tracking codes a complainant reads aloud over the phone or copies from a slip: `7KQ4M-X2D9R`.
 *
 * Why this shape: Crockford's base-32 alphabet (digits and letters without I, L, O, U) so that no two symbols
 * sound or look alike, and a reader who says "O" or "L" still lands on 0 or 1 (we normalise them). Nine random
 * symbols carry 45 bits: with 100,000 complaints on file a guess hits one in 3.5·10^8 tries, and the public
 * POST and status page are rate-limited per address, so enumerating codes is hopeless — the code is the only
 * key to a complaint's public page, so it must be unguessable, not merely unique. The tenth symbol is a Luhn
 * mod-32 check character: every single mistyped symbol and most swapped neighbours are caught before a lookup,
 * so a typo answers "check the code" instead of "not found". Pure: the random bytes are passed in.
 */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_SYMBOLS = 9;
export const RANDOM_BITS = RANDOM_SYMBOLS * 5;

function symbolValue(symbol: string): number {
  return CODE_ALPHABET.indexOf(symbol);
}

/** Luhn mod N over the alphabet (N = 32). */
export function checkSymbol(body: string): string {
  const n = CODE_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * symbolValue(body[i] as string);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return CODE_ALPHABET[(n - (sum % n)) % n] as string;
}

/** Needs at least 6 random bytes (45 bits are used). */
export function newTrackingCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < 6) throw new Error("tracking code needs 6 random bytes");
  let bits = 0n;
  for (const byte of randomBytes.subarray(0, 6)) bits = (bits << 8n) | BigInt(byte);
  let body = "";
  for (let i = 0; i < RANDOM_SYMBOLS; i++) {
    body += CODE_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return body + checkSymbol(body);
}

/** What a person typed (lower case, spaces, dashes, O for 0, I/L for 1) → the stored code, or null. */
export function normaliseTrackingCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (cleaned.length !== RANDOM_SYMBOLS + 1) return null;
  if ([...cleaned].some((c) => symbolValue(c) < 0)) return null;
  const body = cleaned.slice(0, RANDOM_SYMBOLS);
  return checkSymbol(body) === cleaned[RANDOM_SYMBOLS] ? cleaned : null;
}

/** Two groups of five, easier to read aloud. */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
