/**
 * The applicant table as it travels to the browser simulation: typed arrays in base64 inside JSON, so 100,000
 * applicants cost about 2 MB instead of 100,000 objects to parse. Pure, the same code on server and browser.
 * The head's birth date is replaced by its rank among the applicants: the tie-break needs only the order, and
 * the date itself is personal data.
 */
import { UNKNOWN_BIRTH_KEY } from "./order.ts";
import type { ApplicantTable } from "./selection.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Chunks of 3 × 8192 bytes keep String.fromCharCode's argument list small and the output aligned.
  const chunk = 3 * 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    const codes: number[] = [];
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
      codes.push(
        ALPHABET.charCodeAt(n >>> 18),
        ALPHABET.charCodeAt((n >>> 12) & 63),
        ALPHABET.charCodeAt((n >>> 6) & 63),
        ALPHABET.charCodeAt(n & 63),
      );
    }
    if (i < end) {
      const a = bytes[i] as number;
      const b = i + 1 < end ? (bytes[i + 1] as number) : 0;
      const n = (a << 16) | (b << 8);
      codes.push(ALPHABET.charCodeAt(n >>> 18), ALPHABET.charCodeAt((n >>> 12) & 63));
      codes.push(i + 1 < end ? ALPHABET.charCodeAt((n >>> 6) & 63) : 61, 61);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

export function base64ToBytes(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61) length--;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (DECODE[c] as number) : -1;
    if (v < 0) throw new RangeError(`invalid base64 character at ${i}`);
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}

/** Little-endian bytes, whatever the platform's byte order. */
export function uint32ToBase64(values: Uint32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setUint32(i * 4, values[i] as number, true);
  return bytesToBase64(bytes);
}

export function base64ToUint32(text: string): Uint32Array {
  const bytes = base64ToBytes(text);
  if (bytes.length % 4 !== 0) throw new RangeError("Uint32 data is not a whole number of words");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

export function uint16ToBase64(values: Uint16Array): string {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setUint16(i * 2, values[i] as number, true);
  return bytesToBase64(bytes);
}

export function base64ToUint16(text: string): Uint16Array {
  const bytes = base64ToBytes(text);
  if (bytes.length % 2 !== 0) throw new RangeError("Uint16 data is not a whole number of words");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint16(i * 2, true);
  return out;
}

/**
 * Birth keys replaced by their dense rank (0 = earliest date); an unknown date keeps ranking after every known
 * one. Ranking compares only the order, so the result is the same as with the dates.
 */
export function birthOrder(birth: Uint32Array): Uint32Array {
  const distinct = Array.from(new Set(birth)).sort((a, b) => a - b);
  const rankOf = new Map(distinct.map((key, i) => [key, key === UNKNOWN_BIRTH_KEY ? UNKNOWN_BIRTH_KEY : i]));
  return Uint32Array.from(birth, (key) => rankOf.get(key) as number);
}

/** The typed columns of a table in transfer form (the rest of the payload is plain JSON). */
export interface TableTransfer {
  count: number;
  criteriaCount: number;
  levels: string;
  birthOrder: string;
  registration: string;
  eligible: string;
}

export function encodeTable(table: ApplicantTable): TableTransfer {
  return {
    count: table.count,
    criteriaCount: table.criteriaCount,
    levels: bytesToBase64(table.levels),
    birthOrder: uint32ToBase64(birthOrder(table.birth)),
    registration: uint32ToBase64(table.registration),
    eligible: bytesToBase64(table.eligible),
  };
}

/** The engine's table from its transfer form; ids are the caller's (enrollment ids, or row numbers). */
export function decodeTable(transfer: TableTransfer, ids: readonly string[]): ApplicantTable {
  const table: ApplicantTable = {
    count: transfer.count,
    criteriaCount: transfer.criteriaCount,
    ids,
    levels: base64ToBytes(transfer.levels),
    birth: base64ToUint32(transfer.birthOrder),
    registration: base64ToUint32(transfer.registration),
    eligible: base64ToBytes(transfer.eligible),
  };
  const ok =
    ids.length === table.count &&
    table.levels.length === table.count * table.criteriaCount &&
    table.birth.length === table.count &&
    table.registration.length === table.count &&
    table.eligible.length === table.count;
  if (!ok) throw new RangeError("applicant table columns do not have one entry per applicant");
  return table;
}
