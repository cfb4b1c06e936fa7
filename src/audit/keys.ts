import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The audit signing key: Ed25519, kept outside the database (a 0600 file in the data directory, or
 * SALUR_AUDIT_KEY for servers running several processes), so that someone who can write to the database still
 * cannot sign a checkpoint or forge an entry's MAC. Witnesses get only the public key.
 */
export interface AuditVerifier {
  /** First 16 hex digits of SHA-256 of the raw public key: names the key in checkpoints. */
  keyId: string;
  publicKeyPem: string;
  verify(message: string, signatureBase64: string): boolean;
}

export interface AuditKeys extends AuditVerifier {
  sign(message: string): string;
  /** HMAC-SHA-256 of an entry hash under a key derived (HKDF) from the signing key. */
  mac(entryHash: string): string;
}

function verifierFor(publicKey: KeyObject): AuditVerifier {
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x ?? "", "base64url");
  return {
    keyId: createHash("sha256").update(raw).digest("hex").slice(0, 16),
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    verify(message, signatureBase64) {
      try {
        return verify(null, Buffer.from(message, "utf8"), publicKey, Buffer.from(signatureBase64, "base64"));
      } catch {
        return false;
      }
    },
  };
}

export function auditKeysFromPrivateKey(privateKey: KeyObject): AuditKeys {
  if (privateKey.asymmetricKeyType !== "ed25519")
    throw new Error("the audit signing key must be an Ed25519 key");
  const seed = Buffer.from(privateKey.export({ format: "jwk" }).d ?? "", "base64url");
  const macKey = Buffer.from(
    hkdfSync("sha256", seed, Buffer.from("salur"), Buffer.from("audit-entry-mac-v1"), 32),
  );
  return {
    ...verifierFor(createPublicKey(privateKey)),
    sign: (message) => sign(null, Buffer.from(message, "utf8"), privateKey).toString("base64"),
    mac: (entryHash) => createHmac("sha256", macKey).update(entryHash, "utf8").digest("hex"),
  };
}

export function auditVerifierFromPem(publicKeyPem: string): AuditVerifier {
  return verifierFor(createPublicKey(publicKeyPem));
}

/** A PEM, or a PEM whose line breaks were written as "\n" in an environment variable. */
function parsePrivateKey(text: string): KeyObject {
  return createPrivateKey(text.includes("\\n") ? text.replace(/\\n/g, "\n") : text);
}

/**
 * Loads the key from SALUR_AUDIT_KEY (a PKCS#8 PEM) or from `keyFile`, creating the file (0600) on first start.
 * Losing the key does not lose data, but checkpoints made afterwards are signed by a new key: back it up.
 */
export function loadAuditKeys(options: { pem?: string | undefined; keyFile: string }): AuditKeys {
  if (options.pem) return auditKeysFromPrivateKey(parsePrivateKey(options.pem));
  if (existsSync(options.keyFile)) {
    const mode = statSync(options.keyFile).mode & 0o077;
    if (mode !== 0) throw new Error(`${options.keyFile} is readable by other users; chmod 600 it`);
    return auditKeysFromPrivateKey(parsePrivateKey(readFileSync(options.keyFile, "utf8")));
  }
  mkdirSync(dirname(options.keyFile), { recursive: true });
  const { privateKey } = generateKeyPairSync("ed25519");
  writeFileSync(options.keyFile, privateKey.export({ format: "pem", type: "pkcs8" }).toString(), {
    mode: 0o600,
    flag: "wx",
  });
  return auditKeysFromPrivateKey(privateKey);
}

/** A fresh key in memory, for tests and tools. */
export function generateAuditKeys(): AuditKeys {
  return auditKeysFromPrivateKey(generateKeyPairSync("ed25519").privateKey);
}
