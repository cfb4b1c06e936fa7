import { DomainError } from "../i18n/domain-error.ts";

/**
 * What one import may be: a regency's lists run to a few hundred thousand rows; the limits leave room for a
 * province and stop a hostile or broken file (a zip bomb, a line without end) before it uses up the laptop.
 */
export interface ImportLimits {
  /** Bytes of the uploaded file. */
  maxFileBytes: number;
  /** Bytes of an XLSX once unzipped, counted while inflating (declared sizes can lie). */
  maxUnzippedBytes: number;
  /** Unzipped / zipped bytes of any one XLSX part: spreadsheets compress 5–30x, bombs by thousands. */
  maxCompressionRatio: number;
  maxZipEntries: number;
  maxRows: number;
  maxColumns: number;
  /** Excel's own limit for one cell. */
  maxCellChars: number;
  /** Seconds the XLSX reader may go without producing a row before the file is given up as unreadable. */
  stallSeconds: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  maxUnzippedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 5_000,
  maxRows: 2_000_000,
  maxColumns: 200,
  maxCellChars: 32_767,
  stallSeconds: 120,
};

/**
 * A file that cannot be read as a whole (not a spreadsheet, too large, broken in the middle). It always names a
 * row and a column (1-based) so the officer knows where to look, even when that is "row 1, column 1".
 */
export class FileRejected extends DomainError {
  constructor(
    code: string,
    readonly row: number,
    readonly column: number,
    params: Record<string, string | number> = {},
  ) {
    super(code, { ...params, row, column }, 422);
    this.name = "FileRejected";
  }
}
