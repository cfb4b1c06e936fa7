/**
 * Reports and exports as CSV (UTF-8 with BOM, so Excel shows Indonesian text right) or XLSX, streamed row by
 * row. Every cell is written as text and neutralised against formula injection, whatever the file contained.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { csvLine, neutraliseCell } from "./neutralise.ts";

export type TableFormat = "csv" | "xlsx";

export interface TableWriter {
  /** Writes a row; `number` places it (XLSX keeps the original row numbers), else the next row. */
  row(
    cells: readonly string[],
    options?: { number?: number; emphasis?: "error" | "warning" | "header" },
  ): Promise<void>;
  close(): Promise<void>;
}

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

export function createTableWriter(
  out: Writable,
  format: TableFormat,
  options: { sheetName: string; delimiter?: string },
): TableWriter {
  if (format === "csv") {
    const delimiter = options.delimiter ?? ",";
    let started = false;
    let buffer = "";
    return {
      async row(cells) {
        if (!started) {
          buffer += "\uFEFF";
          started = true;
        }
        buffer += `${csvLine(cells, delimiter)}\r\n`;
        if (buffer.length > 64 * 1024) {
          await write(out, buffer);
          buffer = "";
        }
      },
      async close() {
        if (!started) buffer += "\uFEFF";
        if (buffer) await write(out, buffer);
        await new Promise<void>((resolve) => out.end(resolve));
      },
    };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(options.sheetName.slice(0, 31));
  let next = 1;
  const FILL = {
    error: "FFF8D7DA",
    warning: "FFFFF3CD",
    header: "FFE2E8F0",
  } as const;
  return {
    async row(cells, rowOptions = {}) {
      const number = Math.max(next, rowOptions.number ?? next);
      const row = sheet.getRow(number);
      row.values = cells.map((c) => neutraliseCell(c));
      if (rowOptions.emphasis) {
        const last = row.getCell(cells.length);
        last.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[rowOptions.emphasis] } };
        if (rowOptions.emphasis === "header") row.font = { bold: true };
      }
      row.commit();
      next = number + 1;
    },
    async close() {
      await sheet.commit();
      await workbook.commit();
    },
  };
}
