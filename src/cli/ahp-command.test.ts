import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerAhpCommand } from "./ahp-command.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "salur-ahp-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function run(input: unknown, ...flags: string[]) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, typeof input === "string" ? input : JSON.stringify(input));
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args) => void err.push(args.join(" ")));
  const program = new Command().exitOverride();
  registerAhpCommand(program);
  await program.parseAsync(["node", "salur", "ahp", file, ...flags]);
  const code = process.exitCode;
  process.exitCode = undefined;
  return { out: out.join("\n"), err: err.join("\n"), code };
}

const leader = {
  criteria: ["Experience", "Education", "Charisma", "Age"],
  matrix: [
    [1, 4, 3, 7],
    [1 / 4, 1, 1 / 3, 3],
    [1 / 3, 3, 1, 5],
    [1 / 7, 1 / 3, 1 / 5, 1],
  ],
};

describe("salur ahp FILE.json", () => {
  it("prints weights, λmax, CI, CR, the RI table and the geometric-mean weights as JSON", async () => {
    const { out, code } = await run(leader);
    expect(code).toBeUndefined();
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(["weights", "lambda_max", "ci", "cr", "ri_table", "geomean_weights"]);
    expect(report.ri_table).toBe("saaty1980");
    expect(report.weights.map((w: number) => Number(w.toFixed(3)))).toEqual([0.548, 0.127, 0.27, 0.056]);
    expect(report.cr).toBeCloseTo(0.0439, 4);
    expect(report.ci).toBeCloseTo(report.cr * 0.9, 15);
  });

  it("uses the Alonso–Lamata table when asked", async () => {
    const { out } = await run(leader, "--ri-table", "alonso-lamata");
    const report = JSON.parse(out);
    expect(report.ri_table).toBe("alonso-lamata");
    expect(report.cr).toBe(report.ci / 0.8815);
  });

  it("reads a matrix printed with 0.33 for 1/3 as the exact judgment 3", async () => {
    const printed = {
      criteria: ["a", "b", "c"],
      matrix: [
        [1, 0.33, 5],
        [3, 1, 7],
        [0.2, 0.14, 1],
      ],
    };
    const exact = {
      criteria: ["a", "b", "c"],
      matrix: [
        [1, 1 / 3, 5],
        [3, 1, 7],
        [1 / 5, 1 / 7, 1],
      ],
    };
    expect(JSON.parse((await run(printed)).out)).toEqual(JSON.parse((await run(exact)).out));
  });

  it("names the cell that is not reciprocal, in Indonesian and in English", async () => {
    const { err, code, out } = await run({
      criteria: ["a", "b", "c"],
      matrix: [
        [1, 4, 2],
        [4, 1, 1],
        [0.5, 1, 1],
      ],
    });
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("Sel [1,2] (a terhadap b) = 4 bukan kebalikan sel [2,1] = 4");
    expect(err).toContain("Cell [1,2] (a versus b) = 4 is not the reciprocal of cell [2,1] = 4");
    expect(err).not.toContain("[1,3]");
  });

  it.each([
    [
      { criteria: ["a", "b"], matrix: [[1, 2], [0.5]] },
      "Baris 2 (b) berisi 1 sel, seharusnya 2",
      "Row 2 (b) has 1 cells instead of 2",
    ],
    [{ criteria: ["a", "b"], matrix: [[1, 2]] }, "Matriks memiliki 1 baris", "The matrix has 1 rows"],
    [
      {
        criteria: ["a", "b"],
        matrix: [
          [1, -2],
          [0.5, 1],
        ],
      },
      "Sel [1,2] (a terhadap b) bernilai -2",
      "Cell [1,2] (a versus b) is -2",
    ],
    [
      {
        criteria: ["a", "b"],
        matrix: [
          [2, 2],
          [0.5, 1],
        ],
      },
      "Sel diagonal [1,1]",
      "Diagonal cell [1,1]",
    ],
    [{ criteria: ["a"], matrix: "x" }, "Isian matrix harus berupa array", "Field matrix must be array"],
  ])("rejects %j", async (input, id, en) => {
    const { err, code } = await run(input);
    expect(code).toBe(2);
    expect(err).toContain(id);
    expect(err).toContain(en);
  });

  it("says when the file is not JSON or cannot be read", async () => {
    expect((await run("{ not json")).err).toContain("bukan JSON yang sah");
    const program = new Command().exitOverride();
    registerAhpCommand(program);
    const err: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args) => void err.push(args.join(" ")));
    await program.parseAsync(["node", "salur", "ahp", join(dir, "missing.json")]);
    expect(process.exitCode).toBe(2);
    expect(err.join("\n")).toContain("tidak dapat dibaca");
  });

  it("refuses an unknown RI table", async () => {
    const { err, code } = await run(leader, "--ri-table", "saaty2012");
    expect(code).toBe(2);
    expect(err).toContain("saaty1980, alonso-lamata");
  });
});
