import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const BIN = new URL("../../bin/salur.js", import.meta.url).pathname;

function run(args: string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function collect(child: ChildProcess) {
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  return () => out;
}

describe("salur serve", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "salur-serve-"));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a second server on the same embedded data directory with a clear message and a non-zero code", async () => {
    const env = { SALUR_DATA_DIR: dataDir, PORT: "0", SALUR_SECRET: "" };
    const first = run(["serve"], env);
    children.push(first);
    const firstOut = collect(first);
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (firstOut().includes("Salur berjalan")) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      first.once("exit", (code) => reject(new Error(`first server exited ${code}: ${firstOut()}`)));
    });
    const second = run(["serve"], env);
    const secondOut = collect(second);
    const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
    expect(code).not.toBe(0);
    expect(secondOut()).toContain("sedang dipakai oleh proses Salur lain");
    expect(secondOut()).toContain(String(first.pid));
  }, 120_000);
});
