/**
 * One way to read an uploaded list, CSV or XLSX, as numbered rows of text: the format is told by the file's
 * first bytes (not its name), limits are enforced while reading, and every refusal names a row and a column.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { readCsvRows, sniffDialect } from "./csv-reader.ts";
import { FileRejected, type ImportLimits } from "./limits.ts";
import type { SheetRow } from "./sheet-row.ts";
import { readXlsxRows } from "./xlsx-reader.ts";
import { bufferAccess, fileAccess, inspectXlsx, type RandomAccess } from "./zip-guard.ts";

export type { SheetRow };

export type SheetFormat = "csv" | "xlsx";

export interface SheetSource {
  size: number;
  head(bytes: number): Promise<Buffer>;
  stream(): Readable;
  access(): Promise<RandomAccess>;
}

export function fileSource(path: string, size: number): SheetSource {
  return {
    size,
    async head(bytes) {
      const handle = await open(path, "r");
      try {
        const buffer = Buffer.alloc(Math.min(bytes, size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    stream: () => createReadStream(path, { highWaterMark: 1 << 20 }),
    access: () => fileAccess(path),
  };
}

export function bufferSource(data: Buffer): SheetSource {
  return {
    size: data.length,
    head: async (bytes) => data.subarray(0, bytes),
    stream: () => Readable.from([data]),
    access: async () => bufferAccess(data),
  };
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Old .xls and password-protected workbooks are OLE2 files; PDFs and images are sent by mistake. */
export function detectFormat(head: Buffer): SheetFormat {
  if (head.length === 0) throw new FileRejected("FILE_EMPTY", 1, 1);
  if (head.subarray(0, 4).equals(ZIP) || head.subarray(0, 4).equals(EMPTY_ZIP)) return "xlsx";
  if (head.subarray(0, 8).equals(OLE2)) throw new FileRejected("FILE_XLS_UNSUPPORTED", 1, 1);
  if (head.subarray(0, 5).toString("latin1") === "%PDF-")
    throw new FileRejected("FILE_NOT_SPREADSHEET", 1, 1, { kind: "PDF" });
  const binary = [...head.subarray(0, 512)].filter((b) => b === 0).length;
  // UTF-16 text has a zero in every other byte; anything else with zeros is not text.
  const utf16 = head[0] === 0xff && head[1] === 0xfe;
  if (binary > 0 && !utf16) throw new FileRejected("FILE_NOT_SPREADSHEET", 1, 1, { kind: "binary" });
  return "csv";
}

export interface ReadSheetOptions {
  sheetName?: string;
  onBytes?: (bytes: number) => void;
}

export interface OpenedSheet {
  format: SheetFormat;
  /** The CSV separator (to write the report the same way); "," for XLSX. */
  delimiter: string;
  encoding: string;
  rows: AsyncGenerator<SheetRow>;
}

/** Checks the file as a whole (format, size, zip guard) and returns its rows, read lazily. */
export async function openSheet(
  source: SheetSource,
  limits: ImportLimits,
  options: ReadSheetOptions = {},
): Promise<OpenedSheet> {
  if (source.size > limits.maxFileBytes) {
    throw new FileRejected("FILE_TOO_LARGE", 1, 1, { bytes: source.size, limit: limits.maxFileBytes });
  }
  const head = await source.head(64 * 1024);
  const format = detectFormat(head);
  if (format === "xlsx") {
    const access = await source.access();
    try {
      await inspectXlsx(access, limits);
    } finally {
      await access.close();
    }
    return {
      format,
      delimiter: ",",
      encoding: "xlsx",
      rows: readXlsxRows(() => source.stream(), limits, options.sheetName, options.onBytes),
    };
  }
  const dialect = sniffDialect(head);
  return {
    format,
    delimiter: dialect.delimiter,
    encoding: dialect.encoding,
    rows: readCsvRows(() => source.stream(), dialect, limits, options.onBytes),
  };
}
