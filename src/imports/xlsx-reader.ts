/**
 * Rows of the first worksheet of an XLSX, streamed through exceljs's WorkbookReader (never the `xlsx` package).
 * Cells arrive as text the way an officer sees them: numbers in full (a 16-digit NIK stored as a number keeps
 * what Excel left of it, so the zeroed last digit can be spotted), dates as YYYY-MM-DD, formulas as their
 * cached result. The file has passed the zip guard first.
 */
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { isoDateOfCell } from "./dates.ts";
import { FileRejected, type ImportLimits } from "./limits.ts";
import type { SheetRow } from "./sheet-row.ts";

function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(value);
}

/** One cell value of exceljs as text, and whether it was stored as a number. */
export function cellText(value: unknown): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: "", numeric: false };
  if (typeof value === "string") return { text: value, numeric: false };
  if (typeof value === "number") return { text: numberText(value), numeric: true };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", numeric: false };
  if (value instanceof Date) {
    return { text: Number.isNaN(value.getTime()) ? "" : isoDateOfCell(value), numeric: false };
  }
  if (typeof value === "object") {
    const v = value as {
      richText?: { text?: unknown }[];
      text?: unknown;
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText))
      return { text: v.richText.map((r) => String(r.text ?? "")).join(""), numeric: false };
    if (v.formula !== undefined || v.sharedFormula !== undefined) return cellText(v.result);
    if (v.error !== undefined) return { text: String(v.error), numeric: false };
    if (v.text !== undefined) return cellText(v.text);
  }
  return { text: String(value), numeric: false };
}

/**
 * Items of an async iterable, failing when the next one takes longer than `ms`: a broken workbook can leave the
 * spreadsheet reader waiting for ever, and an import must end.
 */
async function* stallGuard<T>(source: AsyncIterable<T>, ms: number, stalled: () => Error): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  try {
    for (;;) {
      const next = await Promise.race([
        iterator.next(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(stalled()), ms);
        }),
      ]);
      clearTimeout(timer);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    void Promise.resolve(iterator.return?.()).catch(() => {});
  }
}

/**
 * Reads the first worksheet (or the one named). Throws FileRejected, with where reading stopped, when the
 * workbook cannot be read or breaks a limit.
 */
export async function* readXlsxRows(
  input: () => Readable,
  limits: ImportLimits,
  sheetName?: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<SheetRow> {
  const source = input();
  let bytes = 0;
  source.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  // The reader attaches its own listeners later; an error before that must not go unhandled.
  let sourceError: Error | null = null;
  source.on("error", (error) => {
    sourceError = error;
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "ignore",
  });
  let lastRow = 0;
  let sheetsSeen = 0;
  let found = false;
  const stalled = () => new FileRejected("XLSX_STALLED", lastRow + 1, 1, { seconds: limits.stallSeconds });
  const stallMs = limits.stallSeconds * 1000;
  try {
    const sheets = workbook as AsyncIterable<ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>>;
    for await (const worksheet of stallGuard(sheets, stallMs, stalled)) {
      sheetsSeen++;
      if (sheetName !== undefined && worksheet.name !== sheetName && `Sheet${sheetsSeen}` !== sheetName)
        continue;
      found = true;
      for await (const row of stallGuard(worksheet, stallMs, stalled)) {
        const number = Number.isFinite(row.number) && row.number > lastRow ? row.number : lastRow + 1;
        lastRow = number;
        if (number > limits.maxRows + 1)
          throw new FileRejected("FILE_TOO_MANY_ROWS", number, 1, { limit: limits.maxRows });
        const values = row.values as unknown[];
        if (values.length - 1 > limits.maxColumns) {
          throw new FileRejected("ROW_TOO_MANY_COLUMNS", number, limits.maxColumns + 1, {
            limit: limits.maxColumns,
          });
        }
        const cells: string[] = new Array(Math.max(0, values.length - 1)).fill("");
        let numeric: boolean[] | undefined;
        for (let c = 1; c < values.length; c++) {
          const { text, numeric: isNumber } = cellText(values[c]);
          if (text.length > limits.maxCellChars) {
            throw new FileRejected("CELL_TOO_LONG", number, c, { limit: limits.maxCellChars });
          }
          cells[c - 1] = text;
          if (isNumber) {
            numeric ??= new Array(values.length - 1).fill(false);
            numeric[c - 1] = true;
          }
        }
        if ((number & 1023) === 0) onBytes?.(bytes);
        yield numeric ? { number, cells, numeric } : { number, cells };
      }
      break;
    }
    if (sourceError) throw sourceError;
    onBytes?.(bytes);
  } catch (error) {
    if (error instanceof FileRejected) throw error;
    throw new FileRejected("XLSX_UNREADABLE", lastRow + 1, 1, {
      detail: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200),
    });
  } finally {
    source.destroy();
  }
  if (!found) {
    throw new FileRejected(sheetsSeen === 0 ? "XLSX_NO_WORKSHEET" : "XLSX_SHEET_NOT_FOUND", 1, 1, {
      sheet: sheetName ?? "",
    });
  }
}
