/**
 * The per-row report of an import: the original file, row for row, with one more column saying what was found
 * in that row (or OK), so the officer fixes the list where it was made and sends it again.
 */
import type { Writable } from "node:stream";
import type { Language, MessageParams } from "../i18n/index.ts";
import { columnLetter } from "./headers.ts";
import { FileRejected, type ImportLimits } from "./limits.ts";
import type { FileNote } from "./prepare.ts";
import { openSheet, type SheetSource } from "./sheet.ts";
import type { IssueRow } from "./store.ts";
import { createTableWriter, type TableFormat } from "./table-writer.ts";

export interface ReportInput {
  source: SheetSource;
  limits: ImportLimits;
  sheetName: string | null;
  format: TableFormat;
  /** The original CSV separator, kept so the report opens like the file did. */
  delimiter: string;
  headerRow: number | null;
  headers: readonly string[];
  notes: readonly FileNote[];
  problem: { code: string; row: number; column: number; params: MessageParams } | null;
  /** Issues of the rows after `fromRow` up to and including `toRow`. */
  issuesInRows(fromRow: number, toRow: number): Promise<IssueRow[]>;
  translate(code: string, params: MessageParams, language: Language): string;
  language: Language;
  /** For a reader without the identity right: the cell and the finding as that reader may see them. */
  masking?: ReportMasking | null;
}

export interface ReportMasking {
  cell(column: number, value: string): string;
  params(issue: Pick<IssueRow, "field" | "params">): MessageParams;
}

export async function writeImportReport(out: Writable, input: ReportInput): Promise<void> {
  const t = (code: string, params: MessageParams = {}) => input.translate(code, params, input.language);
  const writer = createTableWriter(out, input.format, {
    sheetName: t("IMPORT_REPORT_COLUMN"),
    delimiter: input.delimiter,
  });
  const width = input.headers.length;
  const columnLabel = (column: number | null) =>
    column === null
      ? ""
      : `${columnLetter(column)}${input.headers[column] ? ` (${input.headers[column]})` : ""}`;
  const describe = (severity: string, column: number | null, code: string, params: MessageParams) => {
    const label = columnLabel(column);
    return `${t(severity === "error" ? "IMPORT_REPORT_ERROR" : "IMPORT_REPORT_WARNING")}${label ? ` ${label}` : ""}: ${t(code, params)}`;
  };
  const fileNotes = input.notes.map((n) => `${t("IMPORT_REPORT_FILE")}: ${t(n.code, n.params)}`);

  // Issues are fetched a window of rows at a time, in step with the rows read from the file.
  const WINDOW = 2000;
  let windowEnd = 0;
  let byRow = new Map<number, IssueRow[]>();
  const issuesOf = async (row: number): Promise<IssueRow[]> => {
    if (row > windowEnd) {
      const from = row - 1;
      windowEnd = row - 1 + WINDOW;
      byRow = new Map();
      for (const issue of await input.issuesInRows(from, windowEnd)) {
        const list = byRow.get(issue.row);
        if (list) list.push(issue);
        else byRow.set(issue.row, [issue]);
      }
    }
    return byRow.get(row) ?? [];
  };

  let wroteHeader = false;
  try {
    const sheet = await openSheet(
      input.source,
      input.limits,
      input.sheetName ? { sheetName: input.sheetName } : {},
    );
    for await (const row of sheet.rows) {
      const found = await issuesOf(row.number);
      const masking = input.masking;
      const issues = masking ? found.map((i) => ({ ...i, params: masking.params(i) })) : found;
      const cells =
        masking && row.number !== input.headerRow
          ? row.cells.map((c, column) => masking.cell(column, c))
          : [...row.cells];
      while (cells.length < width) cells.push("");
      const notes = issues.map((i) => describe(i.severity, i.column, i.code, i.params));
      if (row.number === input.headerRow) {
        wroteHeader = true;
        await writer.row([...cells, [t("IMPORT_REPORT_COLUMN"), ...fileNotes, ...notes].join(" | ")], {
          number: row.number,
          emphasis: "header",
        });
        continue;
      }
      const isData = input.headerRow !== null && row.number > input.headerRow;
      const hasError = issues.some((i) => i.severity === "error");
      const note =
        notes.length > 0
          ? notes.join(" | ")
          : isData && row.cells.some((c) => c.trim() !== "")
            ? t("IMPORT_REPORT_OK")
            : "";
      await writer.row([...cells, note], {
        number: row.number,
        ...(hasError
          ? { emphasis: "error" as const }
          : notes.length > 0
            ? { emphasis: "warning" as const }
            : {}),
      });
    }
  } catch (error) {
    if (!(error instanceof FileRejected)) throw error;
    // The file broke off where the import did: the report says so on its last line.
  }
  if (input.problem) {
    const { code, row, column, params } = input.problem;
    await writer.row([`${t("IMPORT_REPORT_ERROR")} ${columnLetter(column - 1)}${row}: ${t(code, params)}`]);
  } else if (!wroteHeader && fileNotes.length > 0) {
    await writer.row([fileNotes.join(" | ")]);
  }
  await writer.close();
}
