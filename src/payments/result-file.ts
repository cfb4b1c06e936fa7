/**
 * Reads a bank's result file — CSV or XLSX in a configured column layout, or an MT940 statement — into entries:
 * which reference, which bank reference, paid, failed (with a reason) or returned, for how much. A row that
 * cannot be read is kept as malformed with its row number and reported, never dropped.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { FAILURE_REASONS, type FailureReason, type ResultFormat, type ResultOutcome } from "./codes.ts";
import type { ResultLayout } from "./layout.ts";

export interface ResultEntry {
  /** The row (CSV/XLSX, 1 = header) or statement line (MT940) it came from. */
  row: number;
  reference: string;
  bankReference: string;
  outcome: ResultOutcome;
  amount: number;
  valueDate: string | null;
  reason: FailureReason | null;
  reasonText: string | null;
}

export interface MalformedRow {
  row: number;
  problem: string;
  reference: string | null;
}

export interface ParsedResultFile {
  statementNumber: string | null;
  entries: ResultEntry[];
  malformed: MalformedRow[];
}

const REASONS = new Set<string>(FAILURE_REASONS);

/** Whole rupiah: "1.200.000", "1200000", "1200000,00"; a fraction of a rupiah is not a payment. */
export function parseRupiah(text: string): number | null {
  const t = text.trim().replace(/^Rp\.?\s*/i, "");
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t) ?? /^(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m?.[1]) return null;
  if (m[2] && Number(m[2]) !== 0) return null;
  const value = Number(m[1].replace(/\./g, ""));
  return Number.isSafeInteger(value) ? value : null;
}

function isoDate(text: string): string | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{2})[/-](\d{2})[/-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

function outcomeOf(layout: ResultLayout, text: string): ResultOutcome | null {
  const word = text.trim().toUpperCase();
  for (const outcome of ["paid", "failed", "returned"] as const) {
    if (layout.outcomes[outcome].some((w) => w.toUpperCase() === word)) return outcome;
  }
  return null;
}

/** One row of cells (already matched to the layout's fields) into an entry or a malformed row. */
function entryOf(
  layout: ResultLayout,
  row: number,
  cell: (field: string) => string,
): ResultEntry | MalformedRow {
  const reference = cell("reference").trim();
  const bad = (problem: string): MalformedRow => ({ row, problem, reference: reference || null });
  if (!reference) return bad("reference_missing");
  const bankReference = cell("bank_reference").trim();
  if (!bankReference) return bad("bank_reference_missing");
  const outcome = outcomeOf(layout, cell("outcome"));
  if (!outcome) return bad("outcome_unknown");
  const amount = parseRupiah(cell("amount"));
  if (amount === null) return bad("amount_invalid");
  const reasonCode = cell("reason").trim();
  const reason =
    outcome === "failed" ? (REASONS.has(reasonCode) ? (reasonCode as FailureReason) : null) : null;
  if (outcome === "failed" && !reason) return bad("reason_unknown");
  const text = cell("reason_text").trim();
  if (reason === "other" && !text) return bad("reason_text_missing");
  const dateText = cell("value_date");
  const valueDate = isoDate(dateText);
  if (dateText.trim() && !valueDate) return bad("value_date_invalid");
  return { row, reference, bankReference, outcome, amount, valueDate, reason, reasonText: text || null };
}

function fromTable(layout: ResultLayout, table: string[][]): ParsedResultFile {
  const [header = [], ...rows] = table;
  const position = new Map<string, number>();
  const headers = header.map((h) => h.trim().toUpperCase());
  for (const column of layout.columns) {
    const at = headers.indexOf(column.header.toUpperCase());
    if (at >= 0) position.set(column.field, at);
  }
  const entries: ResultEntry[] = [];
  const malformed: MalformedRow[] = [];
  for (const [required] of [["reference"], ["bank_reference"], ["outcome"], ["amount"]] as const) {
    if (!position.has(required)) {
      malformed.push({ row: 1, problem: `column_missing:${required}`, reference: null });
      return { statementNumber: null, entries, malformed };
    }
  }
  rows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    const got = entryOf(layout, i + 2, (field) => {
      const at = position.get(field);
      return at === undefined ? "" : (cells[at] ?? "");
    });
    if ("problem" in got) malformed.push(got);
    else entries.push(got);
  });
  return { statementNumber: null, entries, malformed };
}

export function parseResultCsv(layout: ResultLayout, bytes: Buffer): ParsedResultFile {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const table = parse(text, {
    delimiter: layout.delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  return fromTable(layout, table);
}

export async function parseResultXlsx(layout: ResultLayout, bytes: Buffer): Promise<ParsedResultFile> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Buffer's generic parameter.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const table: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? "");
    table.push(cells);
  });
  return fromTable(layout, table);
}

/**
 * MT940 statement of the agency's disbursement account: a debit (D) paid the recipient, a reversal (RD) or a
 * credit (C) brought the money back; a credit whose :86: says /GAGAL/<reason> is a credit that never went out.
 * The customer reference of :61: is our payment reference, the part after // the bank's own.
 */
export function parseMt940(bytes: Buffer): ParsedResultFile {
  const text = bytes.toString("utf8").replace(/\r\n/g, "\n");
  const tags: { tag: string; value: string; line: number }[] = [];
  text.split("\n").forEach((line, i) => {
    const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (m?.[1]) tags.push({ tag: m[1], value: m[2] ?? "", line: i + 1 });
    else if (tags.length > 0 && line.trim() !== "" && line !== "-}") {
      const last = tags[tags.length - 1];
      if (last) last.value += `\n${line}`;
    }
  });
  let statementNumber: string | null = null;
  const entries: ResultEntry[] = [];
  const malformed: MalformedRow[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (!t) continue;
    if (t.tag === "28C") statementNumber = t.value.trim();
    if (t.tag !== "61") continue;
    const info = tags[i + 1]?.tag === "86" ? (tags[i + 1]?.value ?? "") : "";
    const m =
      /^(\d{2})(\d{2})(\d{2})(?:\d{4})?(RC|RD|C|D)[A-Z]?(\d+,\d{0,2})[A-Z]\w{3}([^/\n]*)(?:\/\/([^\n]*))?/.exec(
        t.value.trim(),
      );
    if (!m) {
      malformed.push({ row: t.line, problem: "statement_line_invalid", reference: null });
      continue;
    }
    const [, yy, mm, dd, mark, amountText, reference = "", bankReference = ""] = m;
    const amount = parseRupiah(amountText ?? "");
    const failure = /\/GAGAL\/([a-z_.]+)/i.exec(info);
    const outcome: ResultOutcome = mark === "D" ? "paid" : failure ? "failed" : "returned";
    const reasonCode = failure?.[1] ?? "";
    const reason = outcome === "failed" && REASONS.has(reasonCode) ? (reasonCode as FailureReason) : null;
    if (amount === null) {
      malformed.push({ row: t.line, problem: "amount_invalid", reference: reference.trim() || null });
      continue;
    }
    if (outcome === "failed" && !reason) {
      malformed.push({ row: t.line, problem: "reason_unknown", reference: reference.trim() || null });
      continue;
    }
    if (!reference.trim() || !bankReference.trim()) {
      malformed.push({ row: t.line, problem: "reference_missing", reference: reference.trim() || null });
      continue;
    }
    entries.push({
      row: t.line,
      reference: reference.trim(),
      bankReference: bankReference.trim(),
      outcome,
      amount,
      valueDate: `20${yy}-${mm}-${dd}`,
      reason,
      reasonText: info.replace(/\/GAGAL\/[a-z_.]+/i, "").trim() || null,
    });
  }
  return { statementNumber, entries, malformed };
}

export async function parseResultFile(
  format: ResultFormat,
  layout: ResultLayout,
  bytes: Buffer,
): Promise<ParsedResultFile> {
  if (format === "mt940") return parseMt940(bytes);
  if (format === "xlsx") return parseResultXlsx(layout, bytes);
  return parseResultCsv(layout, bytes);
}
