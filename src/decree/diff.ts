/**
 * The difference between two annexes (pure): what an amendment (perubahan) adds, removes and changes, keyed by
 * enrollment so that renumbering alone is not a change.
 */
import type { AnnexLine } from "./annex.ts";

type DiffLine = Pick<
  AnnexLine,
  "line" | "enrollmentId" | "name" | "nikMasked" | "villageName" | "rtRw" | "business" | "amount"
>;

export interface AnnexChange {
  before: DiffLine;
  after: DiffLine;
  /** The fields that differ, named as in the annex CSV header. */
  fields: string[];
}

export interface AnnexDiff {
  added: DiffLine[];
  removed: DiffLine[];
  changed: AnnexChange[];
  unchanged: number;
}

const FIELDS: [keyof DiffLine, string][] = [
  ["name", "nama"],
  ["nikMasked", "nik"],
  ["villageName", "desa"],
  ["rtRw", "rt_rw"],
  ["business", "usaha"],
  ["amount", "jumlah"],
];

export function diffAnnexes(before: readonly DiffLine[], after: readonly DiffLine[]): AnnexDiff {
  const old = new Map(before.map((l) => [l.enrollmentId, l]));
  const seen = new Set<string>();
  const added: DiffLine[] = [];
  const changed: AnnexChange[] = [];
  let unchanged = 0;
  for (const line of after) {
    const previous = old.get(line.enrollmentId);
    if (!previous) {
      added.push(line);
      continue;
    }
    seen.add(line.enrollmentId);
    const fields = FIELDS.filter(([key]) => previous[key] !== line[key]).map(([, label]) => label);
    if (fields.length > 0) changed.push({ before: previous, after: line, fields });
    else unchanged += 1;
  }
  const removed = before.filter((l) => !seen.has(l.enrollmentId));
  return { added, removed, changed, unchanged };
}

/** Fills a numbering pattern: {NNN} (as many N as digits, zero-padded) and {YYYY}. "846/KEP-{NNN}/{YYYY}". */
export function formatDecreeNumber(pattern: string, sequence: number, year: number): string {
  return pattern
    .replace(/\{(N+)\}/g, (_, ns: string) => String(sequence).padStart(ns.length, "0"))
    .replace(/\{YYYY\}/g, String(year));
}

export function isNumberPattern(pattern: string): boolean {
  return /\{N+\}/.test(pattern) && pattern.length <= 80;
}
