/** An import's report for its reader: the findings, with identity numbers masked unless the reader may see them. */
import type { Writable } from "node:stream";
import { type Actor, actorCan, auditActor, type Caller } from "../access/actor.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Language, MessageParams } from "../i18n/index.ts";
import { allDigitsMasked, birthYearOnly, lastDigitsOnly, regionOnlyIdNumber } from "../privacy/disclosure.ts";
import type { ImportDeps } from "./deps.ts";
import type { ImportField } from "./headers.ts";
import type { FileNote } from "./prepare.ts";
import { type ReportMasking, writeImportReport } from "./report.ts";
import type { ImportRow } from "./schema.ts";
import type { SheetSource } from "./sheet.ts";
import * as store from "./store.ts";
import { visibleImport } from "./submission.ts";
import { uploadSize } from "./uploads.ts";

export interface ReportRequest {
  format: "csv" | "xlsx";
  /** Null for a reader entitled to full identity numbers. */
  masking: ReportMasking | null;
  language: Language;
  translate(code: string, params: MessageParams, language: Language): string;
  /** The list itself when the caller still holds it (the CLI's own file): the stored copy may be deleted. */
  source?: SheetSource;
}

/** Checks that the report can be written (the import finished, its file is still kept) before any byte is sent. */
export async function reportSource(
  d: ImportDeps,
  caller: Caller,
  importId: string,
  format: "csv" | "xlsx",
): Promise<{ record: ImportRow; masking: ReportMasking | null }> {
  const record = await visibleImport(d, caller.actor, importId);
  const size = await uploadSize(d.uploads, record.storedAs);
  if (record.state === "queued" || record.state === "running" || size === null) {
    throw new DomainError("IMPORT_REPORT_UNAVAILABLE", { id: importId }, 409);
  }
  const masking = importMaskingFor(caller.actor, record);
  // The report is the file itself: who took a copy, and whether it was masked, is written before a byte leaves.
  await d.db.transaction((tx) =>
    d.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "import.report_download",
      entity: "import",
      entityId: record.id,
      area: record.area,
      after: { format, identity: masking ? "masked" : "full" },
      requestId: caller.requestId,
    }),
  );
  return { record, masking };
}

export async function writeReport(
  d: ImportDeps,
  record: ImportRow,
  out: Writable,
  request: ReportRequest,
): Promise<void> {
  const layout = (record.layout ?? {}) as { headerRow?: number; headers?: string[]; delimiter?: string };
  const problem = record.problem as {
    code: string;
    row: number;
    column: number;
    params: MessageParams;
  } | null;
  await writeImportReport(out, {
    source: request.source ?? d.uploads.source(record.storedAs, record.fileBytes),
    limits: d.limits,
    sheetName: record.sheetName,
    format: request.format,
    delimiter: request.format === "csv" ? (layout.delimiter ?? ",") : ",",
    headerRow: layout.headerRow ?? null,
    headers: layout.headers ?? [],
    notes: (record.notes ?? []) as unknown as FileNote[],
    problem,
    issuesInRows: (from, to) => store.issuesInRows(d.db, record.id, from, to),
    translate: request.translate,
    language: request.language,
    masking: request.masking,
  });
}

const MASKED_FIELDS = {
  nik: regionOnlyIdNumber,
  kk: regionOnlyIdNumber,
  phone: lastDigitsOnly,
  birthDate: birthYearOnly,
  birthPlaceDate: birthYearOnly,
} as const satisfies Partial<Record<ImportField, (raw: string) => string>>;

/** Parameters that count rows or characters, never quote a value. */
const COUNTING_PARAMS = new Set(["row", "length", "expected", "maximum"]);

/** Any run this long may be a NIK, KK or phone typed into a column the import ignored. */
const LONG_NUMBER = /\d[\d .-]{8,}\d/g;

function maskLongNumbers(value: string): string {
  return value.replace(LONG_NUMBER, (run) =>
    run.replace(/\D/g, "").length === 16 ? regionOnlyIdNumber(run) : allDigitsMasked(run),
  );
}

/**
 * How an import's file and findings appear to a reader without the identity right (the auditor): NIK and KK
 * to the region, phone to its last digits, birth dates to the year, in the mapped columns and wherever else a
 * long number stands; findings on those fields without the values they quote.
 */
export function importMaskingFor(actor: Actor, record: ImportRow): ReportMasking | null {
  if (actorCan(actor, "person.identity")) return null;
  const mapping = ((record.layout ?? {}) as { mapping?: Partial<Record<ImportField, number>> }).mapping ?? {};
  const byColumn = new Map<number, (raw: string) => string>();
  for (const [field, mask] of Object.entries(MASKED_FIELDS)) {
    const column = mapping[field as ImportField];
    if (column !== undefined) byColumn.set(column, mask);
  }
  return {
    cell: (column, value) => (byColumn.get(column) ?? maskLongNumbers)(value),
    params: (issue) => {
      const sensitive = issue.field !== null && issue.field in MASKED_FIELDS;
      return Object.fromEntries(
        Object.entries(issue.params).map(([key, value]) => [
          key,
          COUNTING_PARAMS.has(key)
            ? value
            : sensitive
              ? allDigitsMasked(String(value))
              : maskLongNumbers(String(value)),
        ]),
      );
    },
  };
}
