import { describe, expect, it } from "vitest";

/**
 * The server declares each endpoint's request and response once, as zod schemas in src/<capability>/schemas.ts;
 * the web app derives its types from them (`z.output<typeof …>`). A hand-written copy compiles against nothing
 * and drifts silently when the server changes, so none may come back.
 */
const apiFiles = import.meta.glob<string>(["../**/api.ts", "../**/*-api.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});
const webFiles = import.meta.glob<string>(["../**/*.ts", "../**/*.tsx", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/**
 * Types of the web app's own making, not copies of an answer. Each names why it cannot be derived.
 */
const WEB_ONLY = new Set([
  // The import form's choices with the file itself: sent as a raw body plus a query string, not as JSON.
  "imports/import-api.ts: ImportUpload",
  // The reconciliation form's choices with the file itself, sent the same way.
  "imports/reconciliation-api.ts: ReconciliationUpload",
]);

const relative = (path: string) => path.replace(/^\.\.\//, "");

/** `interface X` and `type X = {` (an object shape written out), with the line they start on. */
function objectDeclarations(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(
    /^[ \t]*(?:export[ \t]+)?(?:interface[ \t]+(\w+)|type[ \t]+(\w+)(?:<[^=]*>)?[ \t]*=[ \t]*\{)/gm,
  ))
    found.push(match[1] ?? match[2] ?? "");
  return found;
}

describe("web types of server answers", () => {
  it("finds the api files it checks", () => {
    expect(Object.keys(apiFiles).length).toBeGreaterThanOrEqual(15);
  });

  it("declares no object type in an api file that is not derived from a server schema", () => {
    const declared = Object.entries(apiFiles).flatMap(([path, source]) =>
      objectDeclarations(source).map((name) => `${relative(path)}: ${name}`),
    );
    expect(declared.filter((entry) => !WEB_ONLY.has(entry))).toEqual([]);
    // An entry left in the list after its type went away would excuse the next one of the same name.
    expect([...WEB_ONLY].filter((entry) => !declared.includes(entry))).toEqual([]);
  });

  it("writes no answer shape inline at a call of api<…>() anywhere in the web app", () => {
    const inline = Object.entries(webFiles).flatMap(([path, source]) =>
      [...source.matchAll(/\bapi<\s*\{/g)].map(() => relative(path)),
    );
    expect(inline).toEqual([]);
  });
});
