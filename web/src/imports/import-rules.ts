/**
 * The import screens' rules that need no server: which files may be sent, how sizes read, how findings are
 * paged and which header → field mapping a layout stands for.
 */
import type { Language } from "../../../src/i18n/index.ts";
import { DEFAULT_IMPORT_LIMITS } from "../../../src/imports/limits.ts";
import type { ColumnTarget, ImportField, ImportIssue, ImportLayout } from "./import-api.ts";

/** The server refuses larger uploads (src/imports/limits.ts); the form says so before sending a byte. */
export const MAX_FILE_BYTES = DEFAULT_IMPORT_LIMITS.maxFileBytes;
export const ACCEPTED_EXTENSIONS = [".csv", ".xlsx"] as const;
export const FILE_ACCEPT =
  ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Why a chosen file cannot be sent (a code of the web catalog), or null when it may go. */
export function fileProblem(
  file: { name: string; size: number },
  language: Language,
): {
  code: "IMPORT_FILE_OLD_EXCEL" | "IMPORT_FILE_TYPE" | "IMPORT_FILE_EMPTY" | "IMPORT_FILE_TOO_LARGE";
  params: Record<string, string | number>;
} | null {
  const name = file.name.toLowerCase();
  if (name.endsWith(".xls")) return { code: "IMPORT_FILE_OLD_EXCEL", params: { name: file.name } };
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext)))
    return { code: "IMPORT_FILE_TYPE", params: { name: file.name } };
  if (file.size === 0) return { code: "IMPORT_FILE_EMPTY", params: { name: file.name } };
  if (file.size > MAX_FILE_BYTES)
    return {
      code: "IMPORT_FILE_TOO_LARGE",
      params: { size: fileSizeText(file.size, language), limit: fileSizeText(MAX_FILE_BYTES, language) },
    };
  return null;
}

/** "12,5 KB", "3,2 MB": a file's size as the file manager shows it, with the language's decimal mark. */
export function fileSizeText(bytes: number, language: Language): string {
  const [value, unit] =
    bytes < 1024 ? [bytes, "B"] : bytes < 1024 * 1024 ? [bytes / 1024, "KB"] : [bytes / (1024 * 1024), "MB"];
  const text = new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB", {
    maximumFractionDigits: unit === "B" ? 0 : 1,
  }).format(value as number);
  return `${text} ${unit}`;
}

/**
 * SHA-256 of a file as hex, the way the server names an upload: lets the page tell whether a file picked again
 * is the one that was checked. Null where the browser offers no Web Crypto (plain http on a LAN address).
 */
export async function fileHash(file: Blob): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A page of findings that ends on a whole row: the API pages by "rows after N", so a page cut inside a row's
 * findings would lose the rest of that row. The last row of a full page is held back for the next page.
 */
export function wholeRows(
  issues: ImportIssue[],
  limit: number,
): { shown: ImportIssue[]; nextAfter: number | null } {
  if (issues.length < limit) return { shown: issues, nextAfter: null };
  const lastRow = issues[issues.length - 1]?.row ?? 0;
  const kept = issues.filter((i) => i.row !== lastRow);
  // One row with a page's worth of findings: show it and go on after it.
  if (kept.length === 0) return { shown: issues, nextAfter: lastRow };
  return { shown: kept, nextAfter: kept[kept.length - 1]?.row ?? lastRow };
}

/**
 * The header → field mapping a layout stands for: every header the server mapped, with the officer's changes on
 * top. This is what a template saves and what a re-check sends.
 */
export function layoutMapping(
  layout: ImportLayout | null,
  changes: Record<string, ColumnTarget | ""> = {},
): Record<string, ColumnTarget> {
  const headers = layout?.headers ?? [];
  const mapping: Record<string, ColumnTarget> = {};
  for (const [field, column] of Object.entries(layout?.mapping ?? {})) {
    const header = column === undefined ? undefined : headers[column];
    if (header?.trim()) mapping[header] = field as ImportField;
  }
  for (const [header, target] of Object.entries(changes)) {
    if (target === "") delete mapping[header];
    else mapping[header] = target;
  }
  return mapping;
}
