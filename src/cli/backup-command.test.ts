import { type ChildProcess, execFile, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { backupKind } from "../ops/backup.ts";

const BIN = new URL("../../bin/salur.js", import.meta.url).pathname;
const exec = promisify(execFile);

/** `salur backup` while `salur serve` holds the PGlite data directory, then `salur restore` elsewhere. */
describe("salur backup of a running PGlite server, salur restore", () => {
  const root = mkdtempSync(join(tmpdir(), "salur-backup-cli-"));
  const source = join(root, "source");
  const target = join(root, "target");
  const file = join(root, "salur.backup");
  const env = {
    ...process.env,
    SALUR_SECRET: "",
    SALUR_AUDIT_KEY: "",
    DATABASE_URL: "",
    LANG: "en_US.UTF-8",
  };
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill("SIGTERM");
    rmSync(root, { recursive: true, force: true });
  });

  it("backs up through the live server and restores into a fresh data directory with the keys copied", async () => {
    server = spawn(process.execPath, [BIN, "serve"], {
      env: { ...env, SALUR_DATA_DIR: source, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    server.stdout?.on("data", (d) => (out += d));
    server.stderr?.on("data", (d) => (out += d));
    await new Promise<void>((resolve, reject) => {
      server?.stdout?.on("data", () => out.includes("Salur berjalan") && resolve());
      server?.once("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });

    const backup = await exec(process.execPath, [BIN, "backup", file], {
      env: { ...env, SALUR_DATA_DIR: source },
    });
    expect(backup.stdout).toMatch(/backup \(pglite, live from the server pid \d+, \d+ bytes\)/);
    expect(backupKind(file)).toBe("pglite");

    mkdirSync(target, { mode: 0o700 });
    copyFileSync(join(source, "secret.key"), join(target, "secret.key"));
    copyFileSync(join(source, "audit-signing.key"), join(target, "audit-signing.key"));
    const restored = await exec(process.execPath, [BIN, "restore", file], {
      env: { ...env, SALUR_DATA_DIR: target },
    });
    expect(restored.stdout).toMatch(/restored \(pglite\): 0 persons; audit trail intact/);
  }, 240_000);
});
