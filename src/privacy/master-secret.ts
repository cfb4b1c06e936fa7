import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The master secret comes from SALUR_SECRET, or from a key file created on first start (0600). Losing it means
 * losing every NIK, KK and phone number in the database: the README tells operators to back it up apart from
 * the data.
 */
export function loadMasterSecret(options: { secret?: string | undefined; keyFile: string }): Uint8Array {
  if (options.secret) {
    if (options.secret.length < 32) throw new Error("SALUR_SECRET must be at least 32 characters");
    return createHash("sha256").update(options.secret).digest();
  }
  if (existsSync(options.keyFile)) {
    const mode = statSync(options.keyFile).mode & 0o077;
    if (mode !== 0) throw new Error(`${options.keyFile} is readable by other users; chmod 600 it`);
    return Buffer.from(readFileSync(options.keyFile, "utf8").trim(), "base64");
  }
  mkdirSync(dirname(options.keyFile), { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(options.keyFile, `${secret.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}
