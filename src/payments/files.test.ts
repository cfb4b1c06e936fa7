import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { bankCsv, bankXlsx } from "./bank-file.ts";
import { BRI_COLLECTIVE_LAYOUT, BRI_RESULT_LAYOUT, type ExportLine } from "./layout.ts";
import { parseMt940, parseResultCsv, parseResultXlsx, parseRupiah } from "./result-file.ts";

const line: ExportLine = {
  lineNumber: 1,
  reference: "000120000017",
  nik: "6401054101800001",
  accountName: '=HYPERLINK("x")',
  branch: "64.01.05",
  amount: 600_000,
  village: "Lolo",
  district: "Kuaro",
  batchNumber: 12,
  remark: "SK 1/2026",
};

describe("bank files", () => {
  it("writes the BRI layout as CSV with the NIK as text and formulas neutralised", () => {
    const text = bankCsv(BRI_COLLECTIVE_LAYOUT, [line]).toString("utf8");
    expect(text).toBe(
      'NO;NIK;NAMA_REKENING;KODE_CABANG;NOMINAL;NO_REFERENSI;DESA;KECAMATAN;KETERANGAN\r\n1;6401054101800001;"\'=HYPERLINK(""x"")";64.01.05;600000;000120000017;Lolo;Kuaro;SK 1/2026\r\n',
    );
  });

  it("writes the same XLSX bytes at different times of writing", async () => {
    const stamp = new Date("2026-11-20T03:04:05Z");
    const a = await bankXlsx(BRI_COLLECTIVE_LAYOUT, [line], stamp, "Batch 12");
    await new Promise((resolve) => setImmediate(resolve));
    const b = await bankXlsx(BRI_COLLECTIVE_LAYOUT, [line], stamp, "Batch 12");
    expect(Buffer.compare(a, b)).toBe(0);
    // Every zip entry carries the batch's time, not the time of writing: 03:04:04 UTC on 20 November 2026.
    expect(a.readUInt16LE(10)).toBe((3 << 11) | (4 << 5) | 2);
    expect(a.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (11 << 5) | 20);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(a as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(2).getCell(2).value).toBe("6401054101800001");
  });
});

describe("result files", () => {
  it("reads rupiah written the Indonesian way and refuses a fraction of a rupiah", () => {
    expect(parseRupiah("1.200.000")).toBe(1_200_000);
    expect(parseRupiah("1200000,00")).toBe(1_200_000);
    expect(parseRupiah("Rp 600.000")).toBe(600_000);
    expect(parseRupiah("600000,50")).toBeNull();
  });

  it("reads a CSV result, keeping unreadable rows as malformed with their row number", () => {
    const csv = Buffer.from(
      "NO_REFERENSI;REF_BANK;STATUS;NOMINAL;TANGGAL;KODE_ALASAN;KETERANGAN\r\n" +
        "000120000017;B1;SUKSES;600.000;01/12/2026;;\r\n" +
        "000120000025;B2;GAGAL;600000;2026-12-01;holder_deceased;\r\n" +
        "000120000033;B3;GAGAL;600000;;bogus;\r\n" +
        "000120000041;B4;ENTAH;600000;;;\r\n",
    );
    const parsed = parseResultCsv(BRI_RESULT_LAYOUT, csv);
    expect(parsed.entries.map((e) => [e.reference, e.outcome, e.amount, e.valueDate, e.reason])).toEqual([
      ["000120000017", "paid", 600_000, "2026-12-01", null],
      ["000120000025", "failed", 600_000, "2026-12-01", "holder_deceased"],
    ]);
    expect(parsed.malformed).toEqual([
      { row: 4, problem: "reason_unknown", reference: "000120000033" },
      { row: 5, problem: "outcome_unknown", reference: "000120000041" },
    ]);
  });

  it("reads an XLSX result in the same layout", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("hasil");
    sheet.addRow(["NO_REFERENSI", "REF_BANK", "STATUS", "NOMINAL"]);
    sheet.addRow(["000120000017", "B1", "RETUR", 600000]);
    const parsed = await parseResultXlsx(BRI_RESULT_LAYOUT, Buffer.from(await book.xlsx.writeBuffer()));
    expect(parsed.entries[0]).toMatchObject({
      reference: "000120000017",
      outcome: "returned",
      amount: 600_000,
    });
  });

  it("reads an MT940 statement: debits paid, reversals returned, /GAGAL/ credits failed, and its number", () => {
    const mt = Buffer.from(
      [
        ":20:SALUR12",
        ":25:0123456789",
        ":28C:00042/001",
        ":60F:C261201IDR1800000,00",
        ":61:2612011201D600000,00NTRF000120000017//BRI778",
        ":86:PENYALURAN BST",
        ":61:2612021202RD600000,00NTRF000120000025//BRI779",
        ":86:RETUR REKENING PASIF",
        ":61:2612021202C600000,00NTRF000120000033//BRI780",
        ":86:/GAGAL/account_closed REKENING DITUTUP",
        ":62F:C261202IDR1200000,00",
        "-}",
      ].join("\r\n"),
    );
    const parsed = parseMt940(mt);
    expect(parsed.statementNumber).toBe("00042/001");
    expect(parsed.entries.map((e) => [e.reference, e.bankReference, e.outcome, e.reason])).toEqual([
      ["000120000017", "BRI778", "paid", null],
      ["000120000025", "BRI779", "returned", null],
      ["000120000033", "BRI780", "failed", "account_closed"],
    ]);
  });
});
