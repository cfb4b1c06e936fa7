/**
 * The record of one selection run that a decree cites: the model snapshot's hash, the rules, the reference date,
 * a digest of every applicant's engine input, and the selected enrollments in rank order — hashed together
 * (canonical JSON, RFC 8785, SHA-256). Storing the inputs lets anyone re-run the engine later and get the same
 * list and the same hash, whatever happened to the registry since.
 */
import canonicalize from "canonicalize";
import { compileRatingModel, type RatingModel } from "./rating.ts";
import {
  type ApplicantTable,
  type SelectionLimit,
  type SelectionRules,
  selectedIds,
  selectRecipients,
} from "./selection.ts";
import { sha256Hex } from "./sha256.ts";
import { RANKING_ENGINE_VERSION, TIE_BREAK } from "./snapshot.ts";

export const SELECTION_RUN_VERSION = 1;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * SHA-256 over one line per applicant, in table order: id, eligible (0/1), level slots in hex, birth key,
 * registration number. Plain text so that any tool can recompute it.
 */
export function inputsDigest(table: ApplicantTable): string {
  const width = table.criteriaCount;
  const lines = new Array<string>(table.count);
  for (let i = 0; i < table.count; i++) {
    let levels = "";
    for (let c = 0; c < width; c++) levels += HEX[table.levels[i * width + c] as number];
    lines[i] = `${table.ids[i]},${table.eligible[i]},${levels},${table.birth[i]},${table.registration[i]}\n`;
  }
  return sha256Hex(lines.join(""));
}

export interface SelectionRunFacts {
  programId: string;
  periodId: string;
  /** Runs are numbered per period; a repeat run on unchanged data still gets its own hash. */
  runNumber: number;
  snapshotSha256: string;
  referenceDate: string;
  rules: SelectionRules;
  inputsSha256: string;
  applicantCount: number;
  eligibleCount: number;
  limitedBy: SelectionLimit;
  cutoffScore: number | null;
  /** Enrollment ids of the selected, in rank order. */
  selected: readonly string[];
}

export function selectionRunDocument(facts: SelectionRunFacts) {
  return {
    runVersion: SELECTION_RUN_VERSION,
    engine: { name: "salur-ranking", version: RANKING_ENGINE_VERSION },
    tieBreak: TIE_BREAK,
    ...facts,
  };
}

export function selectionRunSha256(facts: SelectionRunFacts): string {
  return sha256Hex(canonicalize(selectionRunDocument(facts)) as string);
}

/**
 * Re-runs a stored selection: the model from the snapshot, the stored inputs, the stored rules. Reproducible when
 * the recomputed facts hash to the stored run hash.
 */
export function reproduceSelectionRun(
  stored: { snapshot: string; sha256: string; facts: SelectionRunFacts },
  table: ApplicantTable,
): { reproducible: boolean; sha256: string; selected: string[] } {
  const snapshot = JSON.parse(stored.snapshot) as { model: RatingModel };
  const compiled = compileRatingModel(snapshot.model);
  const { rules, referenceDate } = stored.facts;
  const selection = selectRecipients(compiled, table, rules, referenceDate);
  const selected = selectedIds(table, selection);
  const sha256 = selectionRunSha256({
    ...stored.facts,
    snapshotSha256: selection.snapshot.sha256,
    inputsSha256: inputsDigest(table),
    applicantCount: table.count,
    eligibleCount: selection.eligibleCount,
    limitedBy: selection.limitedBy,
    cutoffScore: selection.cutoffScore,
    selected,
  });
  return { reproducible: sha256 === stored.sha256, sha256, selected };
}
