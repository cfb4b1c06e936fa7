/**
 * CSV as agencies export it: UTF-8 with or without BOM, Windows-1252 from an old Excel, UTF-16 "Unicode text",
 * comma or — in an Indonesian locale — semicolon as separator, sometimes tab. Streamed: memory does not grow
 * with the file.
 */
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { FileRejected, type ImportLimits } from "./limits.ts";
import type { SheetRow } from "./sheet-row.ts";

export type CsvEncoding = "utf8" | "latin1" | "utf16le";

export interface CsvDialect {
  encoding: CsvEncoding;
  delimiter: string;
}

const CANDIDATES = [",", ";", "\t", "|"];

/** Reads the encoding and separator off the first bytes of the file. */
export function sniffDialect(sample: Buffer): CsvDialect {
  let encoding: CsvEncoding = "utf8";
  let body = sample;
  if (sample[0] === 0xff && sample[1] === 0xfe) {
    encoding = "utf16le";
    body = sample.subarray(2);
  } else if (sample[0] === 0xfe && sample[1] === 0xff) {
    throw new FileRejected("CSV_ENCODING_UNSUPPORTED", 1, 1, { encoding: "UTF-16BE" });
  } else {
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) body = sample.subarray(3);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(body, { stream: true });
    } catch {
      encoding = "latin1";
    }
  }
  const text = new TextDecoder(
    encoding === "utf16le" ? "utf-16le" : encoding === "latin1" ? "latin1" : "utf-8",
  ).decode(body);
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 30);
  let best = ",";
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    // The separator splits most lines into the same number of fields; ties go to the more frequent one.
    const [mode = 0, modeLines = 0] =
      [...frequency.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [];
    const score = modeLines * 1000 + Math.min(mode, 999);
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return { encoding, delimiter: bestScore > 0 ? best : "," };
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) count++;
  }
  return count;
}

function csvProblem(error: CsvError, rowsSoFar: number): FileRejected {
  const context = error as unknown as { column?: unknown; records?: unknown };
  const column = typeof context.column === "number" ? context.column + 1 : 1;
  const row = (typeof context.records === "number" ? context.records : rowsSoFar) + 1;
  if (error.code === "CSV_MAX_RECORD_SIZE") return new FileRejected("CELL_TOO_LONG", row, column, {});
  return new FileRejected("CSV_MALFORMED", row, column, { reason: error.code });
}

/**
 * Rows of a CSV, numbered from 1 as a spreadsheet shows them (a quoted line break stays inside its row).
 * Throws FileRejected for text that is not CSV, with the row and column where reading stopped.
 */
export async function* readCsvRows(
  input: () => Readable,
  dialect: CsvDialect,
  limits: ImportLimits,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<SheetRow> {
  const source = input();
  let bytes = 0;
  if (onBytes) {
    source.on("data", (chunk: Buffer | string) => {
      bytes += chunk.length;
    });
  }
  const parser = parse({
    delimiter: dialect.delimiter,
    encoding: dialect.encoding,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: limits.maxCellChars * 4,
  });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (row > limits.maxRows)
        throw new FileRejected("FILE_TOO_MANY_ROWS", row, 1, { limit: limits.maxRows });
      if (cells.length > limits.maxColumns) {
        throw new FileRejected("ROW_TOO_MANY_COLUMNS", row, limits.maxColumns + 1, {
          limit: limits.maxColumns,
        });
      }
      for (let c = 0; c < cells.length; c++) {
        if ((cells[c] as string).length > limits.maxCellChars) {
          throw new FileRejected("CELL_TOO_LONG", row, c + 1, { limit: limits.maxCellChars });
        }
      }
      if (onBytes && (row & 1023) === 0) onBytes(bytes);
      yield { number: row, cells };
    }
    onBytes?.(bytes);
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(error, row);
    throw error;
  } finally {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
}

export function readableOf(data: Buffer): () => Readable {
  return () => Readable.from([data]);
}
