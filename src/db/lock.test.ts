import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "../i18n/domain-error.ts";
import { lockDataDirectory } from "./lock.ts";

describe("data directory lock", () => {
  it("refuses a second holder while the first holds it, and frees it on release", () => {
    const dir = mkdtempSync(join(tmpdir(), "salur-lock-"));
    const release = lockDataDirectory(dir);
    expect(() => lockDataDirectory(dir)).toThrow(DomainError);
    release();
    const again = lockDataDirectory(dir);
    again();
  });

  it("takes over a lock left by a process that no longer exists", () => {
    const dir = mkdtempSync(join(tmpdir(), "salur-lock-"));
    writeFileSync(join(dir, "salur.lock"), "999999999");
    const release = lockDataDirectory(dir);
    release();
  });
});
