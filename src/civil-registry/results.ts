/**
 * The civil registry's result file, read and matched to a batch (pure). A result line is matched by batch code
 * and line number; a line without them (the office re-sorted or re-typed the sheet) falls back to the NIK's
 * blind index within the batch. Each batch line takes one answer: the same answer again is "unchanged", a
 * different one is refused as a conflict, and a line that matches nothing is reported and never applied —
 * so replaying the file, or the file shuffled, leaves the same state.
 */
import { parseBirthDate } from "../imports/dates.ts";
import type { SheetRow } from "../imports/sheet-row.ts";
import { parseSex } from "../imports/values.ts";
import type { Sex } from "../registry/attributes.ts";
import type { VerificationStatus } from "./codes.ts";

/** What the registry says about the person, as it returned it (only the fields the file carried). */
export interface RegistryValues {
  name?: string;
  birthDate?: string;
  sex?: Sex;
  kk?: string;
  address?: string;
}

export interface ResultEntry {
  row: number;
  batchCode: string | null;
  line: number | null;
  nik: string | null;
  status: VerificationStatus;
  values: RegistryValues;
}

export interface MalformedResult {
  row: number;
  problem: string;
}

const STATUS_WORDS: Record<string, VerificationStatus> = {
  PADAN: "padan",
  "NIK PADAN": "padan",
  SESUAI: "padan",
  "TIDAK PADAN": "tidak_padan",
  "NIK TIDAK PADAN": "tidak_padan",
  "TIDAK SESUAI": "tidak_padan",
  "TIDAK DITEMUKAN": "not_found",
  "DATA TIDAK DITEMUKAN": "not_found",
  "NIK TIDAK DITEMUKAN": "not_found",
  "NOT FOUND": "not_found",
  MENINGGAL: "deceased",
  "MENINGGAL DUNIA": "deceased",
  WAFAT: "deceased",
  DECEASED: "deceased",
  PINDAH: "moved",
  "PINDAH KELUAR": "moved",
  "PINDAH DOMISILI": "moved",
  MOVED: "moved",
};

export function statusOfWord(word: string): VerificationStatus | null {
  const key = word.trim().toUpperCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ");
  return STATUS_WORDS[key] ?? null;
}

type ResultColumn = "batch_code" | "line" | "nik" | "status" | keyof RegistryValues;

/** Headers the office's sheet uses; registry values come in their own columns ("NAMA DUKCAPIL"). */
const RESULT_HEADERS: Record<string, ResultColumn> = {
  "KODE BATCH": "batch_code",
  BATCH: "batch_code",
  NO: "line",
  "NO URUT": "line",
  BARIS: "line",
  NIK: "nik",
  STATUS: "status",
  HASIL: "status",
  "STATUS PADAN": "status",
  "HASIL VERIFIKASI": "status",
  "NAMA DUKCAPIL": "name",
  "NAMA SIAK": "name",
  "TGL LAHIR DUKCAPIL": "birthDate",
  "TANGGAL LAHIR DUKCAPIL": "birthDate",
  "JK DUKCAPIL": "sex",
  "NO KK DUKCAPIL": "kk",
  "KK DUKCAPIL": "kk",
  "ALAMAT DUKCAPIL": "address",
};

const headerKey = (h: string) => h.trim().toUpperCase().replace(/[_.]+/g, " ").replace(/\s+/g, " ");

/** Rows of the sheet (header first) into entries; a row that cannot be read is reported with its number. */
export function readResultRows(
  rows: readonly SheetRow[],
  today: string,
): { entries: ResultEntry[]; malformed: MalformedResult[] } {
  const entries: ResultEntry[] = [];
  const malformed: MalformedResult[] = [];
  const [header, ...body] = rows;
  if (!header) return { entries, malformed: [{ row: 1, problem: "header_missing" }] };
  const at = new Map<ResultColumn, number>();
  header.cells.forEach((cell, i) => {
    const column = RESULT_HEADERS[headerKey(cell)];
    if (column && !at.has(column)) at.set(column, i);
  });
  if (!at.has("status"))
    return { entries, malformed: [{ row: header.number, problem: "column_missing:status" }] };
  if (!at.has("nik") && !(at.has("batch_code") && at.has("line")))
    return { entries, malformed: [{ row: header.number, problem: "column_missing:nik" }] };
  for (const row of body) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    const cell = (c: ResultColumn) => {
      const i = at.get(c);
      return i === undefined ? "" : (row.cells[i] ?? "").trim();
    };
    const status = statusOfWord(cell("status"));
    if (!status) {
      malformed.push({ row: row.number, problem: "status_unknown" });
      continue;
    }
    const lineText = cell("line");
    const line = /^\d{1,7}$/.test(lineText) ? Number(lineText) : null;
    const nikText = cell("nik").replace(/[\s'’]/g, "");
    const nik = /^\d{16}$/.test(nikText) ? nikText : null;
    const batchCode = cell("batch_code").toUpperCase() || null;
    if (!(batchCode && line) && !nik) {
      malformed.push({ row: row.number, problem: "key_missing" });
      continue;
    }
    const values: RegistryValues = {};
    const name = cell("name").replace(/\s+/g, " ");
    if (name) values.name = name;
    const birth = cell("birthDate");
    if (birth) {
      const parsed = parseBirthDate(birth, today);
      if (!parsed.ok) {
        malformed.push({ row: row.number, problem: "birth_date_invalid" });
        continue;
      }
      values.birthDate = parsed.date;
    }
    const sexText = cell("sex");
    if (sexText) {
      const sex = parseSex(sexText);
      if (!sex.ok) {
        malformed.push({ row: row.number, problem: "sex_invalid" });
        continue;
      }
      values.sex = sex.value;
    }
    const kk = cell("kk").replace(/[\s'’]/g, "");
    if (kk) {
      if (!/^\d{16}$/.test(kk)) {
        malformed.push({ row: row.number, problem: "kk_invalid" });
        continue;
      }
      values.kk = kk;
    }
    const address = cell("address").replace(/\s+/g, " ");
    if (address) values.address = address;
    entries.push({ row: row.number, batchCode, line, nik, status, values });
  }
  return { entries, malformed };
}

export interface BatchLine {
  id: string;
  line: number;
  /** Hex of the NIK's blind index when the line was made. */
  nikIndex: string | null;
}

/** What a line already holds: its status and a fingerprint of the registry's values. */
export interface RecordedAnswer {
  status: VerificationStatus;
  fingerprint: string;
}

export type Matching =
  | { kind: "apply"; entry: ResultEntry; lineId: string; fingerprint: string }
  | { kind: "unchanged"; entry: ResultEntry; lineId: string }
  | { kind: "conflict"; entry: ResultEntry; lineId: string }
  | { kind: "unmatched"; entry: ResultEntry; problem: "other_batch" | "no_such_line" | "nik_not_in_batch" };

/**
 * Matches every entry to at most one batch line. `fingerprintOf` turns the registry's values into a stable
 * text (the caller keys the KK so it is not kept in plain); `nikIndexOf` gives the hex blind index of a NIK.
 */
export function matchResults(
  batchCode: string,
  lines: readonly BatchLine[],
  entries: readonly ResultEntry[],
  recorded: ReadonlyMap<string, RecordedAnswer>,
  fingerprintOf: (entry: ResultEntry) => string,
  nikIndexOf: (nik: string) => string,
): Matching[] {
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const byNik = new Map<string, BatchLine>();
  for (const l of lines) if (l.nikIndex) byNik.set(l.nikIndex, l);
  // Decided in line order so a file with two answers for one line keeps the same one however it is sorted.
  const ordered = [...entries].sort((a, b) => {
    const fa = fingerprintOf(a);
    const fb = fingerprintOf(b);
    return `${a.status}|${fa}` < `${b.status}|${fb}` ? -1 : `${a.status}|${fa}` > `${b.status}|${fb}` ? 1 : 0;
  });
  const answered = new Map(recorded);
  const out: Matching[] = [];
  for (const entry of ordered) {
    let target: BatchLine | undefined;
    if (entry.batchCode && entry.line !== null) {
      if (entry.batchCode !== batchCode.toUpperCase()) {
        out.push({ kind: "unmatched", entry, problem: "other_batch" });
        continue;
      }
      target = byLine.get(entry.line);
      // A numbered line must carry the NIK it was sent with, when the file still has one.
      if (target && entry.nik && target.nikIndex && target.nikIndex !== nikIndexOf(entry.nik))
        target = undefined;
      if (!target) {
        out.push({ kind: "unmatched", entry, problem: "no_such_line" });
        continue;
      }
    } else if (entry.nik) {
      target = byNik.get(nikIndexOf(entry.nik));
      if (!target) {
        out.push({ kind: "unmatched", entry, problem: "nik_not_in_batch" });
        continue;
      }
    }
    if (!target) {
      out.push({ kind: "unmatched", entry, problem: "no_such_line" });
      continue;
    }
    const fingerprint = fingerprintOf(entry);
    const earlier = answered.get(target.id);
    if (earlier) {
      const same = earlier.status === entry.status && earlier.fingerprint === fingerprint;
      out.push({ kind: same ? "unchanged" : "conflict", entry, lineId: target.id });
      continue;
    }
    answered.set(target.id, { status: entry.status, fingerprint });
    out.push({ kind: "apply", entry, lineId: target.id, fingerprint });
  }
  return out.sort((a, b) => a.entry.row - b.entry.row);
}

/** Our record's values, to compare with the registry's. */
export interface OurValues {
  name: string;
  birthDate: string | null;
  sex: Sex;
  kk: string | null;
  address: string | null;
}

const sameText = (a: string | null, b: string) =>
  (a ?? "").trim().toUpperCase().replace(/\s+/g, " ") === b.trim().toUpperCase().replace(/\s+/g, " ");

/** The fields where the registry's value differs from ours (names and addresses compared case-insensitively). */
export function differingFields(ours: OurValues, theirs: RegistryValues): (keyof RegistryValues)[] {
  const out: (keyof RegistryValues)[] = [];
  if (theirs.name !== undefined && !sameText(ours.name, theirs.name)) out.push("name");
  if (theirs.birthDate !== undefined && ours.birthDate !== theirs.birthDate) out.push("birthDate");
  if (theirs.sex !== undefined && ours.sex !== theirs.sex) out.push("sex");
  if (theirs.kk !== undefined && ours.kk !== theirs.kk) out.push("kk");
  if (theirs.address !== undefined && !sameText(ours.address, theirs.address)) out.push("address");
  return out;
}
