/** A row as the spreadsheet readers give it: shared by the CSV and XLSX readers and the sheet that picks one. */
export interface SheetRow {
  /** 1-based, as the spreadsheet numbers it. */
  number: number;
  cells: string[];
  /** XLSX only: which cells were stored as numbers (a NIK column stored as numbers has lost digits). */
  numeric?: boolean[];
}
