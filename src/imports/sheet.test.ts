import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_LIMITS, FileRejected, type ImportLimits } from "./limits.ts";
import { bufferSource, openSheet, type SheetRow } from "./sheet.ts";
import { xlsxBuffer, xlsxParts, zipOf } from "./testing.ts";
import { bufferAccess, inspectXlsx } from "./zip-guard.ts";

async function rowsOf(data: Buffer, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<SheetRow[]> {
  const sheet = await openSheet(bufferSource(data), limits);
  const rows: SheetRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return rows;
}

async function refusal(data: Buffer, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<FileRejected> {
  try {
    await rowsOf(data, limits);
  } catch (error) {
    if (error instanceof FileRejected) return error;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("CSV", () => {
  it("takes a semicolon as the separator when the file uses it (Excel in an Indonesian locale)", async () => {
    const rows = await rowsOf(Buffer.from("NAMA;NIK\nSiti, Hj.;6401054507880003\n"));
    expect(rows.map((r) => r.cells)).toEqual([
      ["NAMA", "NIK"],
      ["Siti, Hj.", "6401054507880003"],
    ]);
  });

  it("reads UTF-8 with a BOM, Windows-1252 and UTF-16 alike", async () => {
    const text = "NAMA,DESA\nJosé,Tanah Grogot\n";
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    const latin1 = Buffer.from(text, "latin1");
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text.replace(/,/g, "\t"), "utf16le"),
    ]);
    for (const data of [utf8, latin1, utf16]) {
      expect((await rowsOf(data))[1]?.cells).toEqual(["José", "Tanah Grogot"]);
    }
  });

  it("keeps a quoted line break inside its row, so row numbers match the spreadsheet", async () => {
    const rows = await rowsOf(Buffer.from('NAMA,ALAMAT\nA,"Jl. Mawar\nNo. 3"\nB,Jl. Melati\n'));
    expect(rows.map((r) => [r.number, r.cells[0]])).toEqual([
      [1, "NAMA"],
      [2, "A"],
      [3, "B"],
    ]);
  });

  it("refuses an unclosed quote with the row and column where it starts", async () => {
    const problem = await refusal(Buffer.from('NAMA,ALAMAT\nA,B\nC,"Jl. Mawar\n'));
    expect(problem).toMatchObject({ code: "CSV_MALFORMED", row: 3, column: 2 });
  });

  it("refuses a file longer than the row limit, naming the first row too many", async () => {
    const problem = await refusal(Buffer.from("NAMA\na\nb\nc\n"), { ...DEFAULT_IMPORT_LIMITS, maxRows: 3 });
    expect(problem).toMatchObject({ code: "FILE_TOO_MANY_ROWS", row: 4, column: 1 });
  });

  it("refuses a cell longer than Excel allows", async () => {
    const problem = await refusal(Buffer.from(`NAMA,ALAMAT\nA,${"x".repeat(200)}\n`), {
      ...DEFAULT_IMPORT_LIMITS,
      maxCellChars: 100,
    });
    expect(problem).toMatchObject({ code: "CELL_TOO_LONG", row: 2, column: 2 });
  });

  it("refuses an old .xls, a PDF and a file larger than allowed before reading them", async () => {
    expect(await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatchObject({
      code: "FILE_XLS_UNSUPPORTED",
    });
    expect(await refusal(Buffer.from("%PDF-1.7 …"))).toMatchObject({ code: "FILE_NOT_SPREADSHEET" });
    expect(
      await refusal(Buffer.from("NAMA\na\n"), { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 4 }),
    ).toMatchObject({ code: "FILE_TOO_LARGE" });
  });
});

describe("XLSX", () => {
  it("reads cells as the officer sees them: full numbers, dates, formula results, title rows kept in place", async () => {
    const data = await xlsxBuffer([
      ["DAFTAR PENERIMA"],
      [],
      ["NIK", "NAMA", "TGL LAHIR", "JUMLAH"],
      [6401054507880000, "Siti", new Date(Date.UTC(1988, 6, 5)), 600000],
    ]);
    const rows = await rowsOf(data);
    expect(rows.map((r) => r.number)).toEqual([1, 3, 4]);
    expect(rows[2]?.cells).toEqual(["6401054507880000", "Siti", "1988-07-05", "600000"]);
    expect(rows[2]?.numeric?.[0]).toBe(true);
  });

  it("refuses a zip bomb before inflating it all", async () => {
    const bomb = zipOf([
      ...xlsxParts([["NAMA"]]),
      { name: "xl/media/filler.bin", data: Buffer.alloc(5_000_000) },
    ]);
    expect(await refusal(bomb, { ...DEFAULT_IMPORT_LIMITS, maxUnzippedBytes: 1_000_000 })).toMatchObject({
      code: "XLSX_TOO_LARGE_UNZIPPED",
    });
    expect(await refusal(bomb)).toMatchObject({ code: "XLSX_TOO_LARGE_UNZIPPED" });
  });

  it("counts what a part really unzips to, not what its header claims", async () => {
    const lying = zipOf([
      ...xlsxParts([["NAMA"]]),
      { name: "xl/media/a.bin", data: Buffer.alloc(3_000_000, 1), declaredSize: 100 },
    ]);
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxCompressionRatio: 1e9, maxUnzippedBytes: 1_000_000 };
    expect(await refusal(lying, limits)).toMatchObject({ code: "XLSX_TOO_LARGE_UNZIPPED" });
    expect(await refusal(lying)).toMatchObject({ code: "XLSX_CORRUPT" });
  });

  it("refuses a part hidden between the listed ones, which a streaming reader would still inflate", async () => {
    const hidden = zipOf(xlsxParts([["NAMA"]]), {
      hidden: { name: "xl/worksheets/sheet9.xml", data: Buffer.alloc(1000) },
    });
    expect(await refusal(hidden)).toMatchObject({ code: "XLSX_CORRUPT" });
  });

  it("refuses encrypted parts and truncated files", async () => {
    const parts = xlsxParts([["NAMA"]]);
    const encrypted = zipOf(parts.map((p, i) => (i === 0 ? { ...p, flags: 1 } : p)));
    expect(await refusal(encrypted)).toMatchObject({ code: "XLSX_ENCRYPTED" });
    const whole = zipOf(parts);
    expect(await refusal(whole.subarray(0, whole.length - 30))).toMatchObject({ code: "XLSX_CORRUPT" });
  });

  it("lets a sound workbook through the guard", async () => {
    await expect(
      inspectXlsx(bufferAccess(zipOf(xlsxParts([["NAMA"], ["Siti"]]))), DEFAULT_IMPORT_LIMITS),
    ).resolves.toHaveLength(5);
    expect(
      (
        await rowsOf(
          zipOf(
            xlsxParts([
              ["NAMA", "NIK"],
              ["Siti", 6401054507880003],
            ]),
          ),
        )
      )[1]?.cells,
    ).toEqual(["Siti", "6401054507880003"]);
  });
});
