import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Vault } from "../privacy/vault.ts";

/**
 * AES-256-GCM for photo contents. The vault seals short text fields only; its keyed PRF derives a separate key
 * for photos under a label no record field uses. The content's SHA-256 is the associated data, so a sealed
 * photo copied under another hash does not open.
 */
export interface DocumentCipher {
  seal(bytes: Uint8Array, sha256: string): Uint8Array;
  open(sealed: Uint8Array, sha256: string): Uint8Array;
}

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function documentCipher(vault: Vault): DocumentCipher {
  const key = Buffer.from(vault.commitment("salur:document-encryption-key", "v1"), "hex");
  return {
    seal(bytes, sha256) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(sha256));
      const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, body, cipher.getAuthTag()]);
    },
    open(sealed, sha256) {
      const buf = Buffer.from(sealed);
      if (buf[0] !== FORMAT_VERSION) throw new Error(`unknown sealed document format ${buf[0]}`);
      const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(1, 1 + IV_BYTES));
      decipher.setAAD(Buffer.from(sha256));
      decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(buf.subarray(1 + IV_BYTES, buf.length - TAG_BYTES)),
        decipher.final(),
      ]);
    },
  };
}
