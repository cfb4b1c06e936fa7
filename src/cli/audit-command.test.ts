import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { testConfig } from "../db/testing.ts";
import { openSalur } from "../runtime.ts";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "..", "..", "bin", "salur.js");

/** The real `salur` command against a data directory, as an operator or an auditor would run it. */
describe("salur user add / audit checkpoint / verify / prove, as processes", () => {
  const config = testConfig();
  const env = { ...process.env, SALUR_DATA_DIR: config.dataDir, LANG: "en_US.UTF-8", SALUR_AUDIT_KEY: "" };
  const salur = (args: string[], input?: string) => {
    const child = run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    return child;
  };
  afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));

  it("creates the first admin from stdin, refusing a weak password", async () => {
    const args = [
      "user",
      "add",
      "--username",
      "admin",
      "--name",
      "Admin Paser",
      "--role",
      "admin",
      "--area",
      "64.01",
    ];
    await expect(salur(args, "rahasia123\n")).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/password: .*too easy to guess/),
    });
    const ok = await salur(args, "Kopi tubruk di Pasar Senaken\n");
    expect(ok.stdout).toMatch(/account created: admin \(admin, Kabupaten Paser\)/);
  }, 240_000);

  it("checkpoints, verifies and proves; then names the entry someone changed behind its back", async () => {
    await salur(["audit", "checkpoint", "--out", join(config.dataDir, "checkpoint.json")]);
    const clean = await salur(["audit", "verify"]);
    expect(clean.stdout).toMatch(/Audit trail intact: 2 entries, 1 checkpoints verified/);

    await salur(["audit", "prove", "1", "--out", join(config.dataDir, "proof.json")]);
    // Someone with the database files opens them (and, as a witness would, takes the public key)…
    const direct = await openSalur(config);
    writeFileSync(join(config.dataDir, "public.pem"), direct.audit.keys.publicKeyPem);
    const witness = await run(process.execPath, [
      join(import.meta.dirname, "..", "..", "scripts", "verify-proof.mjs"),
      join(config.dataDir, "proof.json"),
      join(config.dataDir, "public.pem"),
    ]);
    expect(witness.stdout).toMatch(/^VALID: entry 1 \(user\.create/);

    // …and renames the admin in the trail.
    await direct.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_entries disable trigger user`);
      await tx.execute(sql`update audit_entries set actor_name = 'someone else' where seq = 1`);
      await tx.execute(sql`alter table audit_entries enable trigger user`);
    });
    await direct.close();

    const broken = salur(["audit", "verify"]);
    await expect(broken).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /AUDIT TRAIL BROKEN from entry 1 [\s\S]*entry 1: the entry's content does not match its hash/,
      ),
    });
  }, 240_000);
});
