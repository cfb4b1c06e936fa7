/**
 * The self-check's second factor (pure): a code of 8 characters derived from the person's record id with a key
 * only the server holds. It is printed on the registration receipt and re-issued at the balai desa on sight of
 * the KTP. A scraper's NIK list (names, KK, birth dates, phones, addresses all circulate in leaked data) does
 * not contain it and cannot compute it. ARCHITECTURE.md gives the full reasoning.
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L: read aloud and typed on a phone
export const CHECK_CODE_LENGTH = 8;

/** `keyed` is a keyed HMAC (hex) of the person id; the code is its first 8 characters in ALPHABET. */
export function checkCodeFromDigest(hexDigest: string): string {
  const bytes = Buffer.from(hexDigest, "hex");
  let code = "";
  for (let i = 0; i < CHECK_CODE_LENGTH; i++) code += ALPHABET[(bytes[i] as number) % ALPHABET.length];
  return code;
}

/** Typed by a person: spaces, dashes and case do not matter. */
export function normaliseCheckCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

export function formatCheckCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Compares in time independent of where the first difference is. */
export function sameCode(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
