import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createVault } from "../privacy/vault.ts";
import { loadRegionCatalog } from "../regions/catalog.ts";
import { DEFAULT_IMPORT_LIMITS, FileRejected, type ImportLimits } from "./limits.ts";
import { type PrepareSettings, prepareImport } from "./prepare.ts";
import { bufferSource } from "./sheet.ts";
import { xlsxParts, zipOf } from "./testing.ts";
import { createVillageResolver } from "./villages.ts";

/**
 * Thousands of broken lists, CSV and XLSX, generated small and in memory: none may crash the importer, and
 * every refusal — of the whole file or of a row — must say where (row and column).
 */
const regions = loadRegionCatalog();
const env = {
  vault: createVault(Buffer.alloc(32, 9)),
  regions,
  regencyCode: "64.01",
  today: () => "2026-11-25",
};
const villages = createVillageResolver(regions, "64.01");
const limits: ImportLimits = {
  ...DEFAULT_IMPORT_LIMITS,
  maxFileBytes: 200_000,
  maxUnzippedBytes: 400_000,
  maxRows: 40,
  maxColumns: 16,
  maxCellChars: 300,
  stallSeconds: 5,
};
const settings: PrepareSettings = {
  limits,
  template: {},
  headerRow: null,
  sheetName: null,
  area: { level: "district", code: "64.01.05", rt: null },
  today: "2026-11-25",
  format: "json",
  batchRows: 7,
  screeningLimit: 10,
};

const HEADERS = [
  "NIK",
  "NO KK",
  "NAMA",
  "TGL LAHIR",
  "TTL",
  "JK",
  "ALAMAT",
  "RT",
  "RW",
  "RT/RW",
  "DESA",
  "KODE DESA",
  "KECAMATAN",
  "NO HP",
  "PENGHASILAN",
  "KETERANGAN",
];

const nikLike = fc.oneof(
  fc.stringMatching(/^\d{14,18}$/),
  fc.constantFrom(
    "6,40105E+15",
    "6.40105450788E+15",
    "'6401054507880003",
    '="6401054507880003"',
    "640105 4507 88 0003",
    "64O1054507880003",
    "6401054507880000.0",
  ),
);
const dateLike = fc.oneof(
  fc.constantFrom(
    "31-02-1980",
    "1980-13-01",
    "12 Mei 1980",
    "05/13/1980",
    "29353",
    "00-00-0000",
    "12-05-80",
    "kemarin",
    "2099-01-01",
  ),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "NaN" : d.toISOString())),
);
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: nikLike },
  { weight: 2, arbitrary: dateLike },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "Lolo",
      "Loloo",
      "KUARO",
      "64.01.05.2002",
      "6401052002",
      "99.99.99.9999",
      "L",
      "P",
      "X",
      "3",
      "003/002",
      "=cmd|' /C calc'!A0",
      "\u0000",
      '"',
      '""',
      "\r",
      "\n",
    ),
  },
);
/** Now and then a cell longer than the limit. */
const anyCell = fc.oneof(
  { weight: 60, arbitrary: cell },
  { weight: 1, arbitrary: fc.string({ minLength: 250, maxLength: 400 }) },
);
const row = fc.array(anyCell, { maxLength: 14 });
/** Mostly a usable header (a name and a desa column among others), so that rows get checked too. */
const header = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.shuffledSubarray(HEADERS, { minLength: 0 }), fc.constantFrom("DESA", "KODE DESA"))
      .chain(([others, desa]) =>
        fc
          .shuffledSubarray([...new Set(["NAMA", desa, ...others])], { minLength: 2 })
          .map((h) => (h.includes("NAMA") && h.includes(desa) ? h : ["NAMA", desa, ...h])),
      ),
  },
  { weight: 1, arbitrary: fc.shuffledSubarray(HEADERS, { minLength: 0 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(fc.constantFrom(...HEADERS), fc.string({ maxLength: 12 })), {
      maxLength: 18,
    }),
  },
);
const table = fc.record({
  title: fc.array(row, { maxLength: 3 }),
  header,
  rows: fc.array(row, { maxLength: 45 }),
});

const csvOf = fc
  .record({
    table,
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    newline: fc.constantFrom("\n", "\r\n", "\r"),
    quoting: fc.constantFrom("always", "needed", "never"),
    bom: fc.boolean(),
    encoding: fc.constantFrom("utf8", "latin1", "utf16le"),
    damage: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
        fc.record({
          kind: fc.constant("bytes" as const),
          at: fc.nat(),
          bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
        }),
      ),
    ),
  })
  .map(({ table: t, delimiter, newline, quoting, bom, encoding, damage }) => {
    const quote = (c: string) =>
      quoting === "always" || (quoting === "needed" && /["\n\r,;\t|]/.test(c))
        ? `"${c.replace(/"/g, '""')}"`
        : c;
    const text = [...t.title, t.header, ...t.rows].map((r) => r.map(quote).join(delimiter)).join(newline);
    let data = Buffer.from(text, encoding);
    if (encoding === "utf16le") data = Buffer.concat([Buffer.from([0xff, 0xfe]), data]);
    else if (bom) data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), data]);
    if (damage?.kind === "truncate") data = data.subarray(0, damage.at % (data.length + 1));
    if (damage?.kind === "bytes") {
      const at = data.length === 0 ? 0 : damage.at % data.length;
      data = Buffer.concat([data.subarray(0, at), Buffer.from(damage.bytes), data.subarray(at)]);
    }
    return data;
  });

const xlsxOf = fc
  .record({
    table,
    numbers: fc.array(fc.oneof(fc.double(), fc.integer(), fc.constant(6401054507880000)), { maxLength: 5 }),
    soup: fc.oneof(
      { weight: 7, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    ),
    damage: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
        fc.record({
          kind: fc.constant("flip" as const),
          at: fc.nat(),
          value: fc.integer({ min: 0, max: 255 }),
        }),
        fc.record({ kind: fc.constant("lie" as const), size: fc.nat() }),
        fc.record({ kind: fc.constant("drop" as const), part: fc.nat() }),
        fc.record({ kind: fc.constant("bomb" as const), size: fc.integer({ min: 500_000, max: 2_000_000 }) }),
      ),
      { freq: 2 },
    ),
  })
  .map(({ table: t, numbers, soup, damage }) => {
    const rows: (string | number)[][] = [...t.title, t.header, ...t.rows].map((r, i) =>
      i === t.title.length + 1 ? [...r, ...numbers] : r,
    );
    let parts = xlsxParts(
      rows,
      soup === null
        ? undefined
        : `<row r="1"><c r="A1" t="inlineStr"><is><t>${soup}</t></is></c></row>${soup}`,
    );
    if (damage?.kind === "lie")
      parts = parts.map((p, i) => (i === 4 ? { ...p, declaredSize: damage.size } : p));
    if (damage?.kind === "drop") parts = parts.filter((_, i) => i !== damage.part % parts.length);
    if (damage?.kind === "bomb")
      parts = [...parts, { name: "xl/media/fill.bin", data: Buffer.alloc(damage.size) }];
    let data = zipOf(parts);
    if (damage?.kind === "truncate") data = data.subarray(0, damage.at % (data.length + 1));
    if (damage?.kind === "flip" && data.length > 0) {
      data = Buffer.from(data);
      data[damage.at % data.length] = damage.value;
    }
    return data;
  });

interface Tally {
  codes: Map<string, number>;
  inputs: number;
  fileRejections: number;
  rowErrors: number;
  withoutPlace: string[];
}

async function check(data: Buffer, tally: Tally): Promise<void> {
  tally.inputs++;
  try {
    for await (const event of prepareImport(bufferSource(data), settings, { env, villages })) {
      if (event.type !== "rows") continue;
      for (const issue of event.issues) {
        if (issue.severity !== "error") continue;
        tally.rowErrors++;
        if (!(issue.row >= 1 && Number.isInteger(issue.column) && (issue.column as number) >= 0)) {
          tally.withoutPlace.push(`${issue.code} row ${issue.row} column ${issue.column}`);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof FileRejected)) throw error;
    tally.fileRejections++;
    tally.codes.set(error.code, (tally.codes.get(error.code) ?? 0) + 1);
    if (!(error.row >= 1 && error.column >= 1))
      tally.withoutPlace.push(`${error.code} row ${error.row} column ${error.column}`);
  }
}

describe("malformed lists", () => {
  it("never crash the importer, and every refusal names its row and column (7,000 CSV files)", async () => {
    const tally: Tally = { codes: new Map(), inputs: 0, fileRejections: 0, rowErrors: 0, withoutPlace: [] };
    await fc.assert(
      fc.asyncProperty(csvOf, (data) => check(data, tally)),
      { numRuns: 7000 },
    );
    console.log(
      `CSV: ${tally.inputs} inputs, ${tally.fileRejections} files refused, ${tally.rowErrors} row errors`,
      Object.fromEntries(tally.codes),
    );
    expect(tally.withoutPlace).toEqual([]);
    expect(tally.inputs).toBeGreaterThanOrEqual(7000);
    expect(tally.fileRejections).toBeGreaterThan(100);
    expect(tally.rowErrors).toBeGreaterThan(1000);
  }, 300_000);

  it("never crash the importer, and every refusal names its row and column (3,000 XLSX files)", async () => {
    const tally: Tally = { codes: new Map(), inputs: 0, fileRejections: 0, rowErrors: 0, withoutPlace: [] };
    await fc.assert(
      fc.asyncProperty(xlsxOf, (data) => check(data, tally)),
      { numRuns: 3000 },
    );
    console.log(
      `XLSX: ${tally.inputs} inputs, ${tally.fileRejections} files refused, ${tally.rowErrors} row errors`,
      Object.fromEntries(tally.codes),
    );
    expect(tally.withoutPlace).toEqual([]);
    expect(tally.inputs).toBeGreaterThanOrEqual(3000);
    expect(tally.fileRejections).toBeGreaterThan(100);
    expect(tally.rowErrors).toBeGreaterThan(100);
  }, 300_000);
});
