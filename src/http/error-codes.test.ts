import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SERVER_MESSAGES } from "./errors.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|drill|fixture)\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const SERVER_FILES = sources("src");
const ALL_FILES = [...SERVER_FILES, ...sources("web/src")];

/** A code is thrown or returned wherever it follows one of these: the ways src names an error's code. */
const THROWN = [
  /new DomainError\(\s*"([A-Z][A-Z0-9_]+)"/g,
  /conflict\(\s*"([A-Z][A-Z0-9_]+)"/g,
  // A bare word (an agency code such as "DINSOS") is data, not an error code: codes have an underscore.
  /\bcode: "([A-Z][A-Z0-9]*_[A-Z0-9_]+)"/g,
];

function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of SERVER_FILES) {
    if (file.endsWith("messages.ts")) continue;
    const text = readFileSync(file, "utf8");
    for (const pattern of THROWN)
      for (const match of text.matchAll(pattern)) {
        const code = match[1] as string;
        if (!found.has(code)) found.set(code, relative(ROOT, file));
      }
  }
  return found;
}

/**
 * A code built at run time counts as used when its leading words appear in a template literal
 * (`MATCHING_LEVEL_${field}_${level}`) or its trailing words follow one (`${entity}_NOT_FOUND`).
 */
function builtAtRunTime(code: string, corpus: string): boolean {
  const words = code.split("_");
  for (let i = 1; i < words.length; i++) {
    if (corpus.includes(`\`${words.slice(0, i).join("_")}_\${`)) return true;
    if (corpus.includes(`}_${words.slice(i).join("_")}\``)) return true;
  }
  return false;
}

describe("error codes and the server's message catalog", () => {
  it("every code thrown in src has an Indonesian and an English message", () => {
    const missing = [...thrownCodes()]
      .filter(([code]) => !SERVER_MESSAGES[code])
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it("every message has both languages with the same placeholders", () => {
    // {monthNameId} / {monthNameEn}: the same parameter in each language's words.
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+?)(?:Id|En)?\}/g)].map((m) => m[1]).sort();
    const uneven = Object.entries(SERVER_MESSAGES)
      .filter(
        ([, t]) => !t.id.trim() || !t.en.trim() || placeholders(t.id).join() !== placeholders(t.en).join(),
      )
      .map(([code]) => code);
    expect(uneven).toEqual([]);
  });

  it("every catalog entry is used somewhere in src or the web app", () => {
    const corpus = ALL_FILES.filter((f) => !(f.endsWith("messages.ts") && SERVER_FILES.includes(f)))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const unused = Object.keys(SERVER_MESSAGES).filter(
      (code) => !corpus.includes(`"${code}"`) && !builtAtRunTime(code, corpus),
    );
    expect(unused).toEqual([]);
  });
});
