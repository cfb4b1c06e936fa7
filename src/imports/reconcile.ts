/**
 * Reconciliation of a central list (DTKS, the ministry's allocation) with the regency's own data, seed 000's
 * "perbedaan data pusat dan daerah": who is in both, who only in the central list (a field check: moved, died,
 * wrong desa?), who only in the regional one (proposed locally), and who is in both but written differently
 * (which field differs). Matching goes through the overlap engine, so a mistyped NIK or a name spelt another
 * way still finds its person; each person is matched at most once, best evidence first.
 */
import type { ComparedField, MatchModel } from "../matching/index.ts";
import { normaliseName } from "../matching/index.ts";
import { normalizeIdNumber } from "../nik/index.ts";
import type { ReconciliationCategory } from "./codes.ts";
import { type LinkedLists, linkLists } from "./linkage.ts";

export interface ListPerson {
  nik: string | null;
  kk: string | null;
  name: string;
  birthPlace: string | null;
  /** YYYY-MM-DD when it could be read. */
  birthDate: string | null;
  sex: string | null;
  address: string | null;
  villageCode: string | null;
  rt: string | null;
  rw: string | null;
  phone: string | null;
}

export const CONFLICT_FIELDS = ["nik", "kk", "name", "birth_date", "sex", "village", "rt", "rw"] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

export interface Evidence {
  probability: number;
  weight: number;
  levels: Record<ComparedField, string>;
  fields: { field: ComparedField; level: string; weight: number }[];
}

export interface ReconciledLine {
  category: ReconciliationCategory;
  central: number | null;
  regional: number | null;
  probability: number | null;
  evidence: Evidence | null;
  /** For a central-only line: the nearest registry person the engine found, below the match threshold. */
  nearest: { regional: number; probability: number } | null;
  conflicts: ConflictField[];
}

export interface ReconciliationResult {
  lines: ReconciledLine[];
  counts: Record<ReconciliationCategory, number>;
  model: MatchModel;
}

const digits = (value: string | null) => (value ? normalizeIdNumber(value).value : "");
const nameKey = (value: string | null) =>
  normaliseName(value)?.tokens.join(" ") ?? (value ?? "").trim().toLowerCase();
const number = (value: string | null) => (value && /^\d+$/.test(value.trim()) ? Number(value) : null);

/** Fields that both lists fill in and that differ once spelling and formatting are set aside. */
export function conflictsOf(central: ListPerson, regional: ListPerson): ConflictField[] {
  const out: ConflictField[] = [];
  const both = (a: unknown, b: unknown) => a !== null && a !== "" && b !== null && b !== "";
  const nikA = digits(central.nik);
  const nikB = digits(regional.nik);
  if (both(nikA, nikB) && nikA !== nikB) out.push("nik");
  const kkA = digits(central.kk);
  const kkB = digits(regional.kk);
  if (both(kkA, kkB) && kkA !== kkB) out.push("kk");
  if (nameKey(central.name) !== nameKey(regional.name)) out.push("name");
  if (both(central.birthDate, regional.birthDate) && central.birthDate !== regional.birthDate)
    out.push("birth_date");
  if (both(central.sex, regional.sex) && central.sex !== regional.sex) out.push("sex");
  if (both(central.villageCode, regional.villageCode) && central.villageCode !== regional.villageCode)
    out.push("village");
  const rtA = number(central.rt);
  const rtB = number(regional.rt);
  if (rtA !== null && rtB !== null && rtA !== rtB) out.push("rt");
  const rwA = number(central.rw);
  const rwB = number(regional.rw);
  if (rwA !== null && rwB !== null && rwA !== rwB) out.push("rw");
  return out;
}

function linkage(person: ListPerson, source: string, id: number) {
  return {
    source,
    recordId: String(id),
    nik: person.nik,
    kk: person.kk,
    name: person.name,
    birthPlace: person.birthPlace,
    birthDate: person.birthDate,
    sex: person.sex,
    address: person.address,
    villageCode: person.villageCode,
    rt: person.rt,
    rw: person.rw,
    phone: person.phone,
  };
}

/**
 * Each central row pairs with at most one person and the best evidence pairs first, which rules out most
 * chance matches: a pair needs less than the engine's 0.9 for a link within one list. On generated Paser-like
 * lists (seeds 7, 8, 9; 20,000 records each) 0.6 paired no false pair and missed 2, 3 and 2 of ~5,780; 0.5
 * let in a false one; 0.7 missed one more (BENCHMARKS.md, Import).
 */
export const RECONCILIATION_MATCH_PROBABILITY = 0.6;

const NEAR_BIRTH_DATES = new Set(["exact", "day_month_swapped", "one_unit_off"]);

/**
 * The same NIK and (nearly) the same birth date, in the same desa or under a name that resembles, pair below
 * the threshold — a name cut short or mistyped, day and month swapped — and show as a conflict on the fields
 * that differ. The same NIK and birth date alone do not: on generated lists such pairs with unlike names in
 * other desa were two people (BENCHMARKS.md, Import).
 */
function sameNikAndBirth(levels: Record<ComparedField, string>): boolean {
  const nameResembles = levels.name !== "different" && levels.name !== "missing";
  return (
    levels.nik === "exact" &&
    NEAR_BIRTH_DATES.has(levels.birth_date) &&
    (levels.village === "same" || nameResembles)
  );
}

export interface ReconcileOptions {
  /** Probability from which two records are taken as one person. */
  matchProbability?: number;
  model?: MatchModel;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export function reconcile(
  central: readonly ListPerson[],
  regional: readonly ListPerson[],
  options: ReconcileOptions = {},
): ReconciliationResult {
  const linked: LinkedLists = linkLists(
    central.map((p, i) => linkage(p, "central", i)),
    regional.map((p, i) => linkage(p, "regional", i)),
    {
      minProbability: 0.5,
      keepSameNik: true,
      ...(options.model ? { model: options.model } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  );
  const threshold = options.matchProbability ?? RECONCILIATION_MATCH_PROBABILITY;
  // Best evidence first; ties broken by position so the outcome does not depend on engine order.
  const pairs = [...linked.between].sort(
    (a, b) => b.weight - a.weight || a.left - b.left || a.right - b.right,
  );
  const centralMatch = new Int32Array(central.length).fill(-1);
  const regionalMatch = new Int32Array(regional.length).fill(-1);
  const pairOf = new Map<number, (typeof pairs)[number]>();
  const nearest = new Map<number, { regional: number; probability: number }>();
  for (const pair of pairs) {
    if (pair.probability < threshold && !sameNikAndBirth(pair.levels)) {
      if (!nearest.has(pair.left))
        nearest.set(pair.left, { regional: pair.right, probability: pair.probability });
      continue;
    }
    if (centralMatch[pair.left] !== -1 || regionalMatch[pair.right] !== -1) continue;
    centralMatch[pair.left] = pair.right;
    regionalMatch[pair.right] = pair.left;
    pairOf.set(pair.left, pair);
  }
  const lines: ReconciledLine[] = [];
  const counts: Record<ReconciliationCategory, number> = {
    matched: 0,
    conflict: 0,
    central_only: 0,
    regional_only: 0,
  };
  for (let c = 0; c < central.length; c++) {
    const r = centralMatch[c] as number;
    if (r === -1) {
      const near = nearest.get(c);
      lines.push({
        category: "central_only",
        central: c,
        regional: null,
        probability: null,
        evidence: null,
        nearest: near ?? null,
        conflicts: [],
      });
      counts.central_only++;
      continue;
    }
    const pair = pairOf.get(c) as (typeof pairs)[number];
    const conflicts = conflictsOf(central[c] as ListPerson, regional[r] as ListPerson);
    const category: ReconciliationCategory = conflicts.length > 0 ? "conflict" : "matched";
    counts[category]++;
    lines.push({
      category,
      central: c,
      regional: r,
      probability: pair.probability,
      evidence: {
        probability: pair.probability,
        weight: pair.weight,
        levels: pair.levels,
        fields: pair.explanation.fields.map((f) => ({ field: f.field, level: f.level, weight: f.weight })),
      },
      nearest: null,
      conflicts,
    });
  }
  for (let r = 0; r < regional.length; r++) {
    if (regionalMatch[r] !== -1) continue;
    counts.regional_only++;
    lines.push({
      category: "regional_only",
      central: null,
      regional: r,
      probability: null,
      evidence: null,
      nearest: null,
      conflicts: [],
    });
  }
  return { lines, counts, model: linked.model };
}
