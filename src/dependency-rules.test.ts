import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The layer rules of .dependency-cruiser.cjs (no cycles, pure modules without I/O, nothing importing up into
 * the HTTP or CLI layers) hold on every run of the suite, not only when someone runs `npm run lint`.
 */
describe("dependency rules", () => {
  it("finds no cycle, no I/O in a pure module and no import up into the HTTP or CLI layer", () => {
    const out = execFileSync(
      "npx",
      ["depcruise", "src", "web/src", "--config", ".dependency-cruiser.cjs", "--output-type", "json"],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
    );
    const result = JSON.parse(out) as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[]; totalCruised: number };
    };
    expect(result.summary.totalCruised).toBeGreaterThan(300);
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 180_000);
});
