/**
 * The payment file the bank uploads, in the layout the bank asked for: CSV or XLSX, byte-stable (the same batch
 * gives the same bytes, so the hash printed on the cover letter identifies the file for both sides). No file
 * system, no clock: the time written into the workbook is the batch's own approval time.
 */
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { csvLine, neutraliseCell } from "../imports/neutralise.ts";
import type { ExportFormat } from "./codes.ts";
import { type ExportLayout, type ExportLine, exportCell } from "./layout.ts";

export interface BankFile {
  bytes: Buffer;
  sha256: string;
  mediaType: string;
  extension: ExportFormat;
}

const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function cellText(value: string | number): string {
  return typeof value === "number" ? String(value) : value;
}

export function bankCsv(layout: ExportLayout, lines: Iterable<ExportLine>): Buffer {
  const parts: string[] = [
    csvLine(
      layout.columns.map((c) => c.header),
      layout.delimiter,
    ),
  ];
  for (const line of lines) {
    parts.push(
      csvLine(
        layout.columns.map((c) => cellText(exportCell(line, c.field))),
        layout.delimiter,
      ),
    );
  }
  // CRLF: what the banks' Windows uploaders expect.
  return Buffer.from(`${parts.join("\r\n")}\r\n`, "utf8");
}

/**
 * Written through exceljs's streaming writer with inline strings and no styles: a 100,000-line workbook held as
 * an object model costs over a gigabyte; streamed, the rows go straight into the zip.
 */
export async function bankXlsx(
  layout: ExportLayout,
  lines: Iterable<ExportLine>,
  stamp: Date,
  title: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("end", () => resolve());
    sink.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: false,
    useStyles: false,
  });
  workbook.creator = "Salur";
  workbook.lastModifiedBy = "Salur";
  workbook.created = stamp;
  workbook.modified = stamp;
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.addRow(layout.columns.map((c) => c.header)).commit();
  for (const line of lines) {
    // NIK and reference stay text: a 16-digit number loses its last digits in a spreadsheet.
    sheet
      .addRow(
        layout.columns.map((c) => {
          const value = exportCell(line, c.field);
          return typeof value === "number" ? value : neutraliseCell(value);
        }),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return fixZipTimestamps(Buffer.concat(chunks), stamp);
}

export async function bankFile(
  format: ExportFormat,
  layout: ExportLayout,
  lines: readonly ExportLine[],
  stamp: Date,
  title: string,
): Promise<BankFile> {
  const bytes = format === "csv" ? bankCsv(layout, lines) : await bankXlsx(layout, lines, stamp, title);
  return { bytes, sha256: sha256Hex(bytes), mediaType: MEDIA_TYPES[format], extension: format };
}

/**
 * A zip writer stamps every entry with the time of writing; the same workbook written twice would differ in
 * those bytes. Rewrites the DOS time and date of every local header and central-directory entry to `stamp`.
 */
export function fixZipTimestamps(zip: Buffer, stamp: Date): Buffer {
  const out = Buffer.from(zip);
  const dosTime =
    (stamp.getUTCHours() << 11) | (stamp.getUTCMinutes() << 5) | Math.floor(stamp.getUTCSeconds() / 2);
  const dosDate =
    ((Math.max(stamp.getUTCFullYear(), 1980) - 1980) << 9) |
    ((stamp.getUTCMonth() + 1) << 5) |
    stamp.getUTCDate();
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip file");
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error("zip central directory is damaged");
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error("zip local header is damaged");
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
