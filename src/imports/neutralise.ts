/**
 * Spreadsheet formula injection (CWE-1236): a cell that begins with = + - @ (or a tab or carriage return, which
 * spreadsheets strip before reading the rest as a formula, or their full-width forms) is run as a formula when
 * an official opens an export. A leading apostrophe makes it text; the value stays readable.
 */
const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

export function neutraliseCell(value: string): string {
  return value.length > 0 && TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}

/** Whether a cell would be read as a formula without neutralising. */
export function startsLikeFormula(value: string): boolean {
  return value.length > 0 && TRIGGERS.has(value.charAt(0));
}

const CSV_QUOTE = /[",\n\r;\t]/;

/** One CSV field, neutralised and quoted when it holds a separator, quote or line break. */
export function csvField(value: string, delimiter = ","): string {
  const safe = neutraliseCell(value);
  return CSV_QUOTE.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly string[], delimiter = ","): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter);
}
