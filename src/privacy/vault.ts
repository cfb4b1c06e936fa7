import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Field-level protection of personal data (UU 27/2022): AES-256-GCM for the value, and an HMAC-SHA-256
 * blind index for exact lookup. Both keys are derived from one master secret with HKDF so that the index key
 * never doubles as the encryption key. A plain SHA-256 of a NIK would be reversible by enumerating the
 * ~10^10 plausible NIKs of a regency; a keyed HMAC is not without the key.
 */
export type ProtectedField = "nik" | "kk" | "phone";

export interface Vault {
  seal(field: ProtectedField, plaintext: string): Uint8Array;
  open(field: ProtectedField, sealed: Uint8Array): string;
  blindIndex(field: ProtectedField, plaintext: string): Uint8Array;
  /** A keyed commitment for audit before/after values: proves a value without revealing it. */
  commitment(field: string, plaintext: string): string;
}

const FORMAT_VERSION = 1;
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
    seal(field, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      // The field name is authenticated data: a NIK ciphertext copied into the phone column will not open.
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, body, cipher.getAuthTag()]);
    },
    open(field, sealed) {
      const buf = Buffer.from(sealed);
      if (buf[0] !== FORMAT_VERSION) throw new Error(`unknown sealed format ${buf[0]}`);
      const iv = buf.subarray(1, 1 + IV_BYTES);
      const tag = buf.subarray(buf.length - TAG_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, iv);
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(buf.subarray(1 + IV_BYTES, buf.length - TAG_BYTES)),
        decipher.final(),
      ]).toString("utf8");
    },
    blindIndex(field, plaintext) {
      return createHmac("sha256", indexKey).update(`${field}:${plaintext}`).digest();
    },
    commitment(field, plaintext) {
      return createHmac("sha256", commitmentKey).update(`${field}:${plaintext}`).digest("hex");
    },
  };
}

/** What the public and unentitled callers see of a NIK or KK: region digits and the serial, never the birth date. */
export function maskIdNumber(value: string): string {
  return value.length === 16 ? `${value.slice(0, 6)}******${value.slice(12)}` : "*".repeat(value.length);
}

export function maskPhone(value: string): string {
  return value.length <= 4 ? "****" : `${"*".repeat(value.length - 4)}${value.slice(-4)}`;
}
