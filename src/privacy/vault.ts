import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Field-level protection of personal data (UU 27/2022): AES-256-GCM for the value, and an HMAC-SHA-256
 * blind index for exact lookup. Both keys are derived from one master secret with HKDF so that the index key
 * never doubles as the encryption key. A plain SHA-256 of a NIK would be reversible by enumerating the
 * ~10^10 plausible NIKs of a regency; a keyed HMAC is not without the key.
 */
export type ProtectedField = "nik" | "kk" | "phone" | "complainant_name";

export interface Vault {
  /**
   * With `binding` (the row's blind index of the same value), the ciphertext opens only beside that index:
   * copied into another row, it does not open. Without it (columns that have no index), the column name alone.
   */
  seal(field: ProtectedField, plaintext: string, binding?: Uint8Array): Uint8Array;
  /** A bound column refuses an unbound ciphertext (one made before binding, or copied from an unbound column). */
  open(field: ProtectedField, sealed: Uint8Array, binding?: Uint8Array): string;
  /** Whether a ciphertext is bound to its row (format 2) or an older one waiting to be sealed again. */
  isBound(sealed: Uint8Array): boolean;
  blindIndex(field: ProtectedField, plaintext: string): Uint8Array;
  /** A keyed commitment for audit before/after values: proves a value without revealing it. */
  commitment(field: string, plaintext: string): string;
}

const FORMAT_VERSION = 1;
/** Format 2: the associated data is the field name and the row's blind index (see Vault.seal). */
const BOUND_FORMAT_VERSION = 2;

const associatedData = (field: string, binding: Uint8Array | undefined) =>
  binding ? Buffer.concat([Buffer.from(field), Buffer.from([0]), binding]) : Buffer.from(field);
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createVault(masterSecret: Uint8Array): Vault {
  if (masterSecret.length < 32) throw new Error("master secret must be at least 32 bytes");
  const derive = (info: string) =>
    Buffer.from(hkdfSync("sha256", masterSecret, Buffer.from("salur"), Buffer.from(info), 32));
  const encryptionKey = derive("field-encryption-v1");
  const indexKey = derive("blind-index-v1");
  const commitmentKey = derive("audit-commitment-v1");

  return {
    seal(field, plaintext, binding) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      // The field name is authenticated data: a NIK ciphertext copied into the phone column will not open;
      // with the row's blind index as well, nor will one copied into another person's row.
      cipher.setAAD(associatedData(field, binding));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const version = binding ? BOUND_FORMAT_VERSION : FORMAT_VERSION;
      return Buffer.concat([Buffer.from([version]), iv, body, cipher.getAuthTag()]);
    },
    open(field, sealed, binding) {
      const buf = Buffer.from(sealed);
      const expected = binding ? BOUND_FORMAT_VERSION : FORMAT_VERSION;
      if (buf[0] !== expected) {
        throw new Error(
          buf[0] === FORMAT_VERSION || buf[0] === BOUND_FORMAT_VERSION
            ? `sealed ${field} is ${binding ? "not bound to this row" : "bound to a row"}`
            : `unknown sealed format ${buf[0]}`,
        );
      }
      const iv = buf.subarray(1, 1 + IV_BYTES);
      const tag = buf.subarray(buf.length - TAG_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, iv);
      decipher.setAAD(associatedData(field, binding));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(buf.subarray(1 + IV_BYTES, buf.length - TAG_BYTES)),
        decipher.final(),
      ]).toString("utf8");
    },
    isBound: (sealed) => sealed[0] === BOUND_FORMAT_VERSION,
    blindIndex(field, plaintext) {
      return createHmac("sha256", indexKey).update(`${field}:${plaintext}`).digest();
    },
    commitment(field, plaintext) {
      return createHmac("sha256", commitmentKey).update(`${field}:${plaintext}`).digest("hex");
    },
  };
}

/** A row's protected column, opened beside the row's blind index of it (see Vault.seal). */
export function openBound(
  vault: Vault,
  field: ProtectedField,
  sealed: Uint8Array | null,
  index: Uint8Array | null,
): string | null {
  if (!sealed) return null;
  if (!index) throw new Error(`sealed ${field} without its blind index`);
  return vault.open(field, sealed, index);
}

/** What the public and unentitled callers see of a NIK or KK: region digits and the serial, never the birth date. */
export function maskIdNumber(value: string): string {
  return value.length === 16 ? `${value.slice(0, 6)}******${value.slice(12)}` : "*".repeat(value.length);
}

export function maskPhone(value: string): string {
  return value.length <= 4 ? "****" : `${"*".repeat(value.length - 4)}${value.slice(-4)}`;
}
