import { describe, expect, it } from "vitest";
import { createVault } from "../privacy/vault.ts";
import { loadRegionCatalog } from "../regions/catalog.ts";
import { DEFAULT_IMPORT_LIMITS } from "./limits.ts";
import {
  type IssueAt,
  type PrepareEvent,
  type PrepareSettings,
  type PrepareTotals,
  prepareImport,
} from "./prepare.ts";
import { bufferSource } from "./sheet.ts";
import { csvText } from "./testing.ts";
import { createVillageResolver } from "./villages.ts";

const regions = loadRegionCatalog();
const env = {
  vault: createVault(Buffer.alloc(32, 7)),
  regions,
  regencyCode: "64.01",
  today: () => "2026-11-25",
};
const villages = createVillageResolver(regions, "64.01");
const settings: PrepareSettings = {
  limits: DEFAULT_IMPORT_LIMITS,
  template: {},
  headerRow: null,
  sheetName: null,
  area: { level: "regency", code: "64.01", rt: null },
  today: "2026-11-25",
  format: "copy",
  batchRows: 1000,
  screeningLimit: 1000,
};

const HEADER = ["NIK", "NAMA", "TGL LAHIR", "JK", "DESA", "KECAMATAN", "RT"];
/** Siti, born 5 July 1988 in Kuaro: her NIK carries 45 (5 + 40) 07 88. */
const SITI = ["6401054507880003", "Siti Aminah", "05-07-1988", "P", "Lolo", "Kuaro", "3"];

async function prepare(rows: string[][], overrides: Partial<PrepareSettings> = {}) {
  const events: PrepareEvent[] = [];
  for await (const event of prepareImport(
    bufferSource(Buffer.from(csvText([HEADER, ...rows]))),
    { ...settings, ...overrides },
    { env, villages },
  )) {
    events.push(event);
  }
  const issues: IssueAt[] = events.flatMap((e) => (e.type === "rows" ? e.issues : []));
  const accepted = events.flatMap((e) => (e.type === "rows" ? e.rows : []));
  const end = events.find((e) => e.type === "end") as { totals: PrepareTotals; notes: { code: string }[] };
  return { issues, accepted, totals: end.totals, notes: end.notes };
}

const codes = (issues: IssueAt[]) => issues.map((i) => `${i.severity}:${i.code}@${i.row}:${i.column}`);

describe("checking rows", () => {
  it("accepts a sound row, seals its NIK and finds its desa by name within its kecamatan", async () => {
    const { accepted, issues } = await prepare([SITI]);
    expect(issues).toEqual([]);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ row: 2, villageCode: "64.01.05.2002", rt: "003" });
    expect(accepted[0]?.payload).not.toContain("6401054507880003");
  });

  it("refuses a NIK that Excel turned into scientific notation: its digits are gone", async () => {
    const { issues, accepted } = await prepare([["6,40105E+15", ...SITI.slice(1)]]);
    expect(accepted).toEqual([]);
    expect(codes(issues)).toEqual(["error:NIK_SCIENTIFIC_NOTATION@2:0"]);
  });

  it("keeps a NIK whose last digit Excel zeroed, flagged for the card to be checked", async () => {
    const { issues, accepted } = await prepare([["6401054507880010", ...SITI.slice(1)]]);
    expect(accepted).toHaveLength(1);
    expect(codes(issues)).toContain("warning:NIK_LAST_DIGIT_ZEROED@2:0");
  });

  it('strips the apostrophe Excel uses to mark text, and the ="…" trick', async () => {
    const quoted = await prepare([["'6401054507880003", ...SITI.slice(1)]]);
    const formula = await prepare([['="6401054507880003"', ...SITI.slice(1)]]);
    expect(quoted.issues).toEqual([]);
    expect(formula.issues).toEqual([]);
  });

  it("notices a whole NIK column zeroed by Excel", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      `64010545078800${String(i % 9).padStart(1, "0")}0`,
      ...SITI.slice(1),
    ]);
    const { notes } = await prepare(rows, {});
    expect(notes.map((n) => n.code)).toContain("NIK_COLUMN_ZEROED");
  });

  it("reads sex from the NIK when the column is empty, and says so", async () => {
    const { issues, accepted } = await prepare([
      [SITI[0] as string, "Siti Aminah", "05-07-1988", "", "Lolo", "Kuaro", "3"],
    ]);
    expect(accepted).toHaveLength(1);
    expect(codes(issues)).toEqual(["warning:SEX_FROM_NIK@2:3"]);
  });

  it("suggests the desa meant when the name is mistyped", async () => {
    const { issues } = await prepare([
      [SITI[0] as string, "Siti Aminah", "05-07-1988", "P", "Loloo", "Kuaro", "3"],
    ]);
    expect(issues[0]).toMatchObject({ code: "VILLAGE_NAME_UNKNOWN_SUGGEST", column: 4, severity: "error" });
    expect(String(issues[0]?.params.suggestions)).toContain("Lolo");
  });

  it("reports every fault of a refused row, the NIK's too", async () => {
    const { issues } = await prepare([["640105450788", "", "31-02-1988", "X", "Lolo", "Kuaro", "3"]]);
    expect(codes(issues).sort()).toEqual(
      [
        "error:NAME_MISSING@2:1",
        "error:DATE_INVALID@2:2",
        "error:SEX_UNRECOGNISED@2:3",
        "warning:NIK_LENGTH@2:0",
      ].sort(),
    );
  });

  it("keeps a 15-digit NIK with a warning in a registry-only import, and refuses it in an import that enrols", async () => {
    const row = ["640105450788000", "Siti Aminah", "05-07-1988", "P", "Lolo", "Kuaro", "3"];
    const registry = await prepare([row]);
    expect(registry.accepted).toHaveLength(1);
    expect(codes(registry.issues)).toEqual(["warning:NIK_LENGTH@2:0"]);
    // The field form's rule: a program's pipeline never receives an invalid NIK.
    const enrolling = await prepare([row], { enrolling: true });
    expect(enrolling.accepted).toHaveLength(0);
    expect(codes(enrolling.issues)).toEqual(["error:NIK_LENGTH@2:0"]);
    expect(enrolling.totals).toMatchObject({ accepted: 0, rejected: 1 });
    // A NIK that is only doubtful (its birth date disagrees with the record) still enrols with a warning.
    const doubtful = await prepare(
      [[SITI[0] as string, "Siti Aminah", "06-07-1988", "P", "Lolo", "Kuaro", "3"]],
      {
        enrolling: true,
      },
    );
    expect(doubtful.accepted).toHaveLength(1);
    expect(doubtful.issues.every((i) => i.severity === "warning")).toBe(true);
  });

  it("refuses the second row with the same NIK, pointing to the first", async () => {
    const { issues, totals } = await prepare([
      SITI,
      ["6401054507880003", "Siti A.", "05-07-1988", "P", "Lolo", "Kuaro", "3"],
    ]);
    expect(codes(issues)).toEqual(["error:DUPLICATE_IN_FILE@3:0"]);
    expect(issues[0]?.params).toEqual({ row: 2 });
    expect(totals).toMatchObject({ accepted: 1, rejected: 1, duplicatesInFile: 1 });
  });

  it("refuses rows of desa outside the importer's area", async () => {
    const { issues } = await prepare([SITI], { area: { level: "district", code: "64.01.04", rt: null } });
    expect(codes(issues)).toEqual(["error:IMPORT_AREA_FORBIDDEN@2:4"]);
  });

  it("skips blank rows without a word", async () => {
    const { issues, totals } = await prepare([
      SITI,
      ["", "", "", "", "", "", ""],
      ["", "", "", "", "", "", ""],
    ]);
    expect(issues).toEqual([]);
    expect(totals).toMatchObject({ dataRows: 1, blankRows: 2 });
  });
});
