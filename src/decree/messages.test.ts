import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translate } from "../http/errors.ts";

describe("decree messages", () => {
  it("has Indonesian and English text for every code the decree capability throws", () => {
    const dir = import.meta.dirname;
    const codes = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = readFileSync(join(dir, file), "utf8");
      for (const m of source.matchAll(/(?:DomainError|conflict)\(\s*"([A-Z_]+)"/g)) codes.add(m[1] as string);
    }
    expect(codes.size).toBeGreaterThan(15);
    const missing = [...codes].filter(
      (code) => translate(code, {}, "id") === code || translate(code, {}, "en") === code,
    );
    expect(missing).toEqual([]);
  });
});
