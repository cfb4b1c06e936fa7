/**
 * The first half of an import, without the database: read the file, find the header, check every row, catch
 * a NIK used twice in the file, seal personal numbers, and hand over the rows ready for bulk loading in
 * batches. It can run on a worker thread so that this CPU work overlaps with the database's.
 */
import { randomUUID } from "node:crypto";
import type { AreaScope } from "../access/area.ts";
import { assessZeroedColumn } from "../nik/index.ts";
import type { RegistryEnvironment } from "../registry/persons.ts";
import {
  type ColumnMapping,
  columnLetter,
  detectHeader,
  HEADER_SEARCH_ROWS,
  type HeaderDetection,
  type ImportField,
  type MappingTemplate,
  mapHeaders,
} from "./headers.ts";
import { FileRejected, type ImportLimits } from "./limits.ts";
import { type CellValue, encodeRow, type PayloadFormat, PERSON_COLUMNS } from "./payload.ts";
import { type RowIssue, validateRow } from "./rows.ts";
import { openSheet, type SheetFormat, type SheetRow, type SheetSource } from "./sheet.ts";
import type { VillageResolver } from "./villages.ts";

export interface PrepareSettings {
  limits: ImportLimits;
  template: MappingTemplate;
  /** Row of the header when the officer chose it; found automatically otherwise. */
  headerRow: number | null;
  sheetName: string | null;
  area: AreaScope;
  today: string;
  format: PayloadFormat;
  batchRows: number;
  /** Rows kept for the overlap screening after loading; beyond this the screening is skipped. */
  screeningLimit: number;
  /** The import enrols its rows in a program's period: an invalid NIK refuses the row instead of warning. */
  enrolling?: boolean;
}

export interface IssueAt extends RowIssue {
  row: number;
  /** 0-based column of the field in the file; null when the issue is about the row as a whole. */
  column: number | null;
}

/** A finding about the file rather than a row (a NIK column zeroed by Excel); shown on the header row. */
export interface FileNote {
  code: string;
  params: Record<string, string | number>;
  row: number;
  column: number | null;
}

export interface PreparedRow {
  row: number;
  personId: string;
  /** Hex of the NIK blind index: how the registry is searched for the same NIK. */
  nikIndex: string | null;
  nameKey: string;
  villageCode: string;
  districtCode: string;
  rt: string | null;
  payload: string;
}

/** What the overlap screening compares: the row as typed (after parsing), no ciphertext. */
export interface ScreeningRecord {
  row: number;
  nik: string | null;
  kk: string | null;
  name: string;
  birthDate: string | null;
  sex: string;
  address: string | null;
  villageCode: string;
  rt: string | null;
  rw: string | null;
  phone: string | null;
}

export interface HeaderInfo {
  format: SheetFormat;
  delimiter: string;
  encoding: string;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  unmapped: HeaderDetection["unmapped"];
}

export type PrepareEvent =
  | { type: "header"; header: HeaderInfo }
  | {
      type: "rows";
      rows: PreparedRow[];
      issues: IssueAt[];
      screening: ScreeningRecord[];
      /** Set once the file has more rows than the screening takes: what was sent so far can be dropped. */
      screeningSkipped: boolean;
      read: number;
      bytes: number;
    }
  | { type: "end"; notes: FileNote[]; totals: PrepareTotals };

export interface PrepareTotals {
  dataRows: number;
  blankRows: number;
  accepted: number;
  rejected: number;
  withWarnings: number;
  errors: number;
  warnings: number;
  duplicatesInFile: number;
  screeningSkipped: boolean;
}

/** Which fields a list must have: a name and where the person lives. */
function checkRequiredColumns(header: HeaderInfo): void {
  const m = header.mapping;
  if (m.villageCode === undefined && m.villageName === undefined) {
    throw new FileRejected("COLUMN_MISSING_VILLAGE", header.headerRow, header.headers.length + 1, {});
  }
}

function headerOf(
  rows: SheetRow[],
  settings: PrepareSettings,
  sheet: { format: SheetFormat; delimiter: string; encoding: string },
): HeaderInfo {
  let detection: HeaderDetection | null;
  if (settings.headerRow !== null) {
    const row = rows.find((r) => r.number === settings.headerRow);
    if (!row) throw new FileRejected("HEADER_ROW_EMPTY", settings.headerRow, 1, {});
    detection = { headerRow: row.number, ...mapHeaders(row.cells, settings.template) };
    if (detection.mapping.name === undefined) {
      throw new FileRejected("COLUMN_MISSING_NAME", row.number, row.cells.length + 1, {});
    }
  } else {
    detection = detectHeader(rows, settings.template);
    if (!detection)
      throw new FileRejected("HEADER_NOT_FOUND", rows[0]?.number ?? 1, 1, { rows: HEADER_SEARCH_ROWS });
  }
  return {
    ...sheet,
    headerRow: detection.headerRow,
    headers: detection.headers,
    mapping: detection.mapping,
    unmapped: detection.unmapped,
  };
}

export interface PrepareEnvironment {
  env: RegistryEnvironment;
  villages: VillageResolver;
}

/** Rows of the NIK column looked at to tell a column zeroed by Excel from an intact one. */
const ZEROED_SAMPLE = 2000;
const ESTIMATE_AFTER = 1000;

/**
 * NIK → first row, for a million rows without a million strings: the 16 digits as two 8-digit halves in an
 * open-addressing table of typed arrays (outside the JavaScript heap).
 */
export class NikRows {
  private high: Int32Array;
  private low: Int32Array;
  private rows: Int32Array;
  private used = 0;

  constructor(capacity = 1 << 16) {
    this.high = new Int32Array(capacity).fill(-1);
    this.low = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  private slot(high: number, low: number, table: Int32Array): number {
    const mask = table.length - 1;
    let s = ((Math.imul(high, 0x9e3779b1) ^ Math.imul(low, 0x85ebca6b)) >>> 0) & mask;
    while (table[s] !== -1 && (table[s] !== high || this.low[s] !== low)) s = (s + 1) & mask;
    return s;
  }

  /** The row that first had this NIK, or -1 after recording `row` as its first. */
  firstOrAdd(nik: string, row: number): number {
    const high = Number(nik.slice(0, 8));
    const low = Number(nik.slice(8, 16));
    const s = this.slot(high, low, this.high);
    if (this.high[s] !== -1) return this.rows[s] as number;
    this.high[s] = high;
    this.low[s] = low;
    this.rows[s] = row;
    if (++this.used * 2 > this.high.length) this.grow();
    return -1;
  }

  private grow(): void {
    const { high, low, rows } = this;
    this.high = new Int32Array(high.length * 2).fill(-1);
    this.low = new Int32Array(high.length * 2);
    this.rows = new Int32Array(high.length * 2);
    for (let i = 0; i < high.length; i++) {
      const h = high[i] as number;
      if (h === -1) continue;
      const s = this.slot(h, low[i] as number, this.high);
      this.high[s] = h;
      this.low[s] = low[i] as number;
      this.rows[s] = rows[i] as number;
    }
  }
}

export async function* prepareImport(
  source: SheetSource,
  settings: PrepareSettings,
  environment: PrepareEnvironment,
): AsyncGenerator<PrepareEvent> {
  let bytes = 0;
  const sheet = await openSheet(source, settings.limits, {
    ...(settings.sheetName ? { sheetName: settings.sheetName } : {}),
    onBytes: (b) => {
      bytes = b;
    },
  });
  const head: SheetRow[] = [];
  const iterator = sheet.rows[Symbol.asyncIterator]();
  const wanted = Math.max(HEADER_SEARCH_ROWS, settings.headerRow ?? 0);
  while (head.length < wanted) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    if (settings.headerRow !== null && next.value.number >= settings.headerRow) break;
  }
  if (head.length === 0) throw new FileRejected("FILE_EMPTY", 1, 1, {});
  const header = headerOf(head, settings, {
    format: sheet.format,
    delimiter: sheet.delimiter,
    encoding: sheet.encoding,
  });
  checkRequiredColumns(header);
  yield { type: "header", header };

  const { mapping } = header;
  const ctx = {
    env: environment.env,
    villages: environment.villages,
    mapping,
    area: settings.area,
    today: settings.today,
    enrolling: settings.enrolling ?? false,
  };
  // A finding about a field the file has no column for (sex read from nowhere) points at the name cell.
  const columnOf = (field: ImportField | null) =>
    (field === null ? null : mapping[field]) ?? mapping.name ?? null;
  const totals: PrepareTotals = {
    dataRows: 0,
    blankRows: 0,
    accepted: 0,
    rejected: 0,
    withWarnings: 0,
    errors: 0,
    warnings: 0,
    duplicatesInFile: 0,
    screeningSkipped: false,
  };
  const notes: FileNote[] = [];
  const firstRowOfNik = new NikRows();
  const zeroedSample: string[] = [];
  let screened = 0;
  /** Characters of the first rows: with the file's size, how many rows it roughly has. */
  let rowBytes = 0;
  let batch: PreparedRow[] = [];
  let issues: IssueAt[] = [];
  let screening: ScreeningRecord[] = [];

  const take = (row: SheetRow): void => {
    totals.dataRows++;
    if (totals.dataRows <= ESTIMATE_AFTER) for (const c of row.cells) rowBytes += c.length + 1;
    const outcome = validateRow(row, ctx);
    if (outcome.kind === "blank") {
      totals.blankRows++;
      totals.dataRows--;
      return;
    }
    const found = [...outcome.issues];
    let accepted = outcome.kind === "accepted";
    if (outcome.kind === "accepted" && outcome.nik) {
      const first = firstRowOfNik.firstOrAdd(outcome.nik, row.number);
      if (first !== -1) {
        found.push({ field: "nik", code: "DUPLICATE_IN_FILE", severity: "error", params: { row: first } });
        totals.duplicatesInFile++;
        accepted = false;
      }
    }
    if (zeroedSample.length < ZEROED_SAMPLE && mapping.nik !== undefined) {
      const raw = row.cells[mapping.nik];
      if (raw) zeroedSample.push(raw);
    }
    for (const issue of found) {
      issues.push({ ...issue, row: row.number, column: columnOf(issue.field) });
      if (issue.severity === "error") totals.errors++;
      else totals.warnings++;
    }
    if (!accepted || outcome.kind !== "accepted") {
      totals.rejected++;
      return;
    }
    totals.accepted++;
    if (found.length > 0) totals.withWarnings++;
    const { values } = outcome.prepared;
    const personId = randomUUID();
    const cells: CellValue[] = [
      personId,
      values.nikCipher ?? null,
      values.nikIndex ?? null,
      values.nikStatus,
      values.kkCipher ?? null,
      values.kkIndex ?? null,
      values.phoneCipher ?? null,
      values.phoneIndex ?? null,
      values.name,
      values.nameSearch,
      values.sex,
      values.birthPlace ?? null,
      values.birthDate ?? null,
      values.address ?? null,
      values.villageCode,
      values.districtCode,
      values.rt ?? null,
      values.rw ?? null,
      values.occupation ?? null,
      values.monthlyIncome ?? null,
    ];
    batch.push({
      row: row.number,
      personId,
      nikIndex: values.nikIndex ? Buffer.from(values.nikIndex).toString("hex") : null,
      nameKey: values.nameSearch,
      villageCode: values.villageCode,
      districtCode: values.districtCode,
      rt: values.rt ?? null,
      payload: encodeRow(PERSON_COLUMNS, cells, settings.format),
    });
    if (!totals.screeningSkipped && totals.dataRows === ESTIMATE_AFTER) {
      // A file that will clearly hold more rows than the screening takes is not collected for it at all.
      const estimated = (source.size / Math.max(1, rowBytes)) * ESTIMATE_AFTER;
      if (sheet.format === "csv" && estimated > settings.screeningLimit * 1.5) {
        totals.screeningSkipped = true;
        screening = [];
      }
    }
    if (!totals.screeningSkipped) {
      if (screened >= settings.screeningLimit) {
        totals.screeningSkipped = true;
        screening = [];
      } else {
        screened++;
        const d = outcome.data;
        screening.push({
          row: row.number,
          nik: d.nik ?? null,
          kk: d.kk ?? null,
          name: d.name,
          birthDate: d.birthDate ?? null,
          sex: d.sex,
          address: d.address ?? null,
          villageCode: d.villageCode,
          rt: d.rt ?? null,
          rw: d.rw ?? null,
          phone: d.phone ?? null,
        });
      }
    }
  };

  const flush = (): PrepareEvent => {
    const event: PrepareEvent = {
      type: "rows",
      rows: batch,
      issues,
      screening,
      screeningSkipped: totals.screeningSkipped,
      read: totals.dataRows,
      bytes,
    };
    batch = [];
    issues = [];
    screening = [];
    return event;
  };

  for (const row of head) {
    if (row.number > header.headerRow) take(row);
  }
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    take(next.value);
    if (batch.length >= settings.batchRows || issues.length >= settings.batchRows) yield flush();
  }
  if (batch.length > 0 || issues.length > 0 || screening.length > 0) yield flush();

  const zeroed = assessZeroedColumn(zeroedSample);
  if (zeroed.suspected && mapping.nik !== undefined) {
    notes.push({
      code: "NIK_COLUMN_ZEROED",
      params: {
        checked: zeroed.checked,
        endingInZero: zeroed.endingInZero,
        column: columnLetter(mapping.nik),
      },
      row: header.headerRow,
      column: mapping.nik,
    });
  }
  if (totals.dataRows === 0) throw new FileRejected("FILE_NO_DATA_ROWS", header.headerRow + 1, 1, {});
  yield { type: "end", notes, totals };
}
