/**
 * Rows for bulk loading, encoded once where they are prepared: COPY text lines for PGlite (COPY FROM
 * '/dev/blob'), JSON objects for a PostgreSQL server (jsonb_to_recordset, since node-postgres has no COPY).
 */
export type PayloadFormat = "copy" | "json";

export type ColumnType = "uuid" | "text" | "bytea" | "date" | "bigint";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

export const PERSON_COLUMNS: readonly ColumnSpec[] = [
  { name: "id", type: "uuid" },
  { name: "nik_cipher", type: "bytea" },
  { name: "nik_index", type: "bytea" },
  { name: "nik_status", type: "text" },
  { name: "kk_cipher", type: "bytea" },
  { name: "kk_index", type: "bytea" },
  { name: "phone_cipher", type: "bytea" },
  { name: "phone_index", type: "bytea" },
  { name: "name", type: "text" },
  { name: "name_search", type: "text" },
  { name: "sex", type: "text" },
  { name: "birth_place", type: "text" },
  { name: "birth_date", type: "date" },
  { name: "address", type: "text" },
  { name: "village_code", type: "text" },
  { name: "district_code", type: "text" },
  { name: "rt", type: "text" },
  { name: "rw", type: "text" },
  { name: "occupation", type: "text" },
  { name: "monthly_income", type: "bigint" },
];

export const ENROLLMENT_COLUMNS: readonly ColumnSpec[] = [
  { name: "id", type: "uuid" },
  { name: "person_id", type: "uuid" },
  { name: "program_id", type: "uuid" },
  { name: "period_id", type: "uuid" },
  { name: "status", type: "text" },
  { name: "village_code", type: "text" },
  { name: "district_code", type: "text" },
];

export type CellValue = string | number | Uint8Array | null;

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}

function hex(value: Uint8Array): string {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex");
}

/** One row in the chosen format; values in the order of `columns`. */
export function encodeRow(
  columns: readonly ColumnSpec[],
  values: readonly CellValue[],
  format: PayloadFormat,
): string {
  if (format === "copy") {
    let line = "";
    for (let i = 0; i < columns.length; i++) {
      const v = values[i] ?? null;
      if (i > 0) line += "\t";
      if (v === null) line += "\\N";
      else if (v instanceof Uint8Array) line += `\\\\x${hex(v)}`;
      else line += copyText(String(v));
    }
    return line;
  }
  const object: Record<string, string | number | null> = {};
  for (let i = 0; i < columns.length; i++) {
    const v = values[i] ?? null;
    object[(columns[i] as ColumnSpec).name] = v instanceof Uint8Array ? hex(v) : v;
  }
  return JSON.stringify(object);
}

/** The SELECT list that turns jsonb_to_recordset's text columns back into the table's types. */
export function jsonSelectList(columns: readonly ColumnSpec[]): { select: string; definition: string } {
  const select = columns
    .map((c) => (c.type === "bytea" ? `decode(r.${c.name}, 'hex')` : `r.${c.name}`))
    .join(", ");
  const definition = columns.map((c) => `${c.name} ${c.type === "bytea" ? "text" : c.type}`).join(", ");
  return { select, definition };
}
