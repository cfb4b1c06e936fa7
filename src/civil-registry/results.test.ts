import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SheetRow } from "../imports/sheet-row.ts";
import { evaluateRule, monthsBefore } from "../workflow/eligibility.ts";
import { type BatchLine, differingFields, matchResults, readResultRows, statusOfWord } from "./results.ts";

const TODAY = "2026-11-25";
const sheet = (rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ number: i + 1, cells }));
const NIK = (n: number) => `6401054101850${String(n).padStart(3, "0")}`;
const indexOf = (nik: string) => `i${nik}`;
const lines: BatchLine[] = [1, 2, 3, 4].map((n) => ({ id: `line-${n}`, line: n, nikIndex: indexOf(NIK(n)) }));
const fingerprint = (e: { values: object }) => JSON.stringify(e.values);

const HEADER = ["KODE BATCH", "NO", "NIK", "STATUS", "NAMA DUKCAPIL"];
const FILE = [
  HEADER,
  ["DKP-20261125-AAAAAA", "1", NIK(1), "PADAN", ""],
  ["DKP-20261125-AAAAAA", "2", NIK(2), "TIDAK PADAN", "Siti  Aminah"],
  ["", "", NIK(3), "DATA TIDAK DITEMUKAN", ""],
  ["DKP-20261125-AAAAAA", "4", NIK(4), "Meninggal Dunia", ""],
  ["DKP-20261125-AAAAAA", "77", NIK(9), "PADAN", ""],
  ["", "", NIK(8), "PADAN", ""],
  ["DKP-20261125-BBBBBB", "1", NIK(1), "PADAN", ""],
];

function decide(rows: string[][], recorded = new Map()) {
  const { entries, malformed } = readResultRows(sheet(rows), TODAY);
  return {
    malformed,
    matched: matchResults("DKP-20261125-AAAAAA", lines, entries, recorded, fingerprint, indexOf),
  };
}

describe("reading and matching a civil registry result file", () => {
  it("reads the office's status words", () => {
    expect(statusOfWord("NIK PADAN")).toBe("padan");
    expect(statusOfWord("tidak_padan")).toBe("tidak_padan");
    expect(statusOfWord("Pindah Keluar")).toBe("moved");
    expect(statusOfWord("mungkin")).toBeNull();
  });

  it("matches by batch code and line, falls back to the NIK, and reports lines that match nothing", () => {
    const { matched, malformed } = decide(FILE);
    expect(malformed).toEqual([]);
    expect(matched.map((m) => [m.entry.row, m.kind, "lineId" in m ? m.lineId : m.problem])).toEqual([
      [2, "apply", "line-1"],
      [3, "apply", "line-2"],
      [4, "apply", "line-3"],
      [5, "apply", "line-4"],
      [6, "unmatched", "no_such_line"],
      [7, "unmatched", "nik_not_in_batch"],
      [8, "unmatched", "other_batch"],
    ]);
    const second = matched[1];
    expect(second?.entry).toMatchObject({ status: "tidak_padan", values: { name: "Siti Aminah" } });
  });

  it("refuses a numbered line whose NIK is not the one sent on it", () => {
    const { matched } = decide([HEADER, ["DKP-20261125-AAAAAA", "1", NIK(2), "PADAN", ""]]);
    expect(matched[0]).toMatchObject({ kind: "unmatched", problem: "no_such_line" });
  });

  it("reports unreadable rows with their number", () => {
    const { malformed } = decide([
      HEADER,
      ["DKP-20261125-AAAAAA", "1", NIK(1), "MUNGKIN", ""],
      ["", "", "123", "PADAN", ""],
    ]);
    expect(malformed).toEqual([
      { row: 2, problem: "status_unknown" },
      { row: 3, problem: "key_missing" },
    ]);
    expect(readResultRows(sheet([["NIK", "NAMA"]]), TODAY).malformed).toEqual([
      { row: 1, problem: "column_missing:status" },
    ]);
  });

  it("finds an answer already recorded unchanged, and a different one a conflict", () => {
    const first = decide(FILE).matched.filter((m) => m.kind === "apply");
    const recorded = new Map(
      first.map((m) => [
        m.kind === "apply" ? m.lineId : "",
        { status: m.entry.status, fingerprint: fingerprint(m.entry) },
      ]),
    );
    const again = decide(FILE, recorded).matched;
    expect(again.filter((m) => m.kind === "apply")).toEqual([]);
    expect(again.filter((m) => m.kind === "unchanged")).toHaveLength(4);
    const changed = decide(
      [HEADER, ["DKP-20261125-AAAAAA", "1", NIK(1), "TIDAK PADAN", "Lain"]],
      recorded,
    ).matched;
    expect(changed[0]?.kind).toBe("conflict");
  });

  it("decides the same whatever the order of the file's rows, two answers for one line included", () => {
    const rows = [...FILE.slice(1), ["DKP-20261125-AAAAAA", "1", NIK(1), "TIDAK PADAN", "Nama Lain"]];
    const key = (r: string[][]) =>
      decide([HEADER, ...r])
        .matched.map((m) => `${m.entry.line ?? m.entry.nik}|${m.entry.status}|${m.kind}`)
        .sort();
    const expected = key(rows);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
        (shuffled) => {
          expect(key(shuffled)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("lists the fields the registry holds differently, names and addresses regardless of case", () => {
    const ours = {
      name: "Siti Aminah",
      birthDate: "1985-01-01",
      sex: "P" as const,
      kk: "6401050101150001",
      address: "Jl. Poros",
    };
    expect(differingFields(ours, { name: "SITI  AMINAH", address: "jl. poros" })).toEqual([]);
    expect(
      differingFields(ours, {
        name: "Siti Aminah Umar",
        birthDate: "1985-01-02",
        sex: "L",
        kk: "6401050101150002",
      }),
    ).toEqual(["name", "birthDate", "sex", "kk"]);
  });
});

describe("the eligibility rule 'NIK padan Dukcapil within the last months'", () => {
  const facts = (civilRegistry: { status: string; checkedOn: string } | null) => ({
    asOf: TODAY,
    regencyCode: "64.01",
    person: { birthDate: "1985-01-01", employment: null, villageCode: "64.01.05.2002", hasKk: true },
    businessCount: 0,
    householdClaims: [],
    overlappingClaims: [],
    civilRegistry,
  });
  const rule = { rule: "civil_registry_padan", withinMonths: 12 } as const;

  it.each([
    ["never verified", null, false, "ELIG_DUKCAPIL_UNVERIFIED"],
    ["padan ten months ago", { status: "padan", checkedOn: "2026-01-25" }, true, "ELIG_DUKCAPIL_PADAN"],
    [
      "padan exactly twelve months ago",
      { status: "padan", checkedOn: "2025-11-25" },
      true,
      "ELIG_DUKCAPIL_PADAN",
    ],
    ["padan thirteen months ago", { status: "padan", checkedOn: "2025-10-24" }, false, "ELIG_DUKCAPIL_STALE"],
    ["tidak padan", { status: "tidak_padan", checkedOn: "2026-11-01" }, false, "ELIG_DUKCAPIL_NOT_PADAN"],
    ["deceased", { status: "deceased", checkedOn: "2026-11-01" }, false, "ELIG_DUKCAPIL_NOT_PADAN"],
  ])("%s", (_name, verification, passed, code) => {
    expect(evaluateRule(rule, facts(verification))).toMatchObject({ passed, code });
  });

  it("counts months back on the calendar, clamped at the month's end", () => {
    expect(monthsBefore("2026-11-25", 12)).toBe("2025-11-25");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 13)).toBe("2024-12-15");
  });
});
