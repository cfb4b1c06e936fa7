/**
 * The versioned snapshot a decree cites: the whole model (judgments, levels, rules, RI table), the priorities
 * derived from it, the scoring conventions and the engine version, as canonical JSON (RFC 8785, package
 * `canonicalize`) with its SHA-256. Re-running the same engine version on the JSON reproduces every score.
 */
import canonicalize from "canonicalize";
import type { CompiledRatingModel } from "./rating.ts";
import { sha256Hex } from "./sha256.ts";

/** Bumped whenever a change could alter any score, rank or priority for the same model. */
export const RANKING_ENGINE_VERSION = "1.0.0";
export const SNAPSHOT_VERSION = 1;

export const TIE_BREAK = [
  "score-descending",
  "head-birth-date-ascending",
  "registration-number-ascending",
] as const;

export interface ModelSnapshot {
  snapshotVersion: number;
  engineVersion: string;
  /** Canonical JSON of the snapshot document. */
  json: string;
  /** Lower-case hex SHA-256 of `json` (UTF-8). */
  sha256: string;
}

export function snapshotDocument(compiled: CompiledRatingModel) {
  const a = compiled.criteriaAnalysis;
  return {
    snapshotVersion: SNAPSHOT_VERSION,
    engine: { name: "salur-ranking", version: RANKING_ENGINE_VERSION },
    model: compiled.model,
    derived: {
      weightsSource: compiled.weightsSource,
      criteriaConsistency: {
        lambdaMax: a.lambdaMax,
        consistencyIndex: a.consistencyIndex,
        consistencyRatio: a.consistencyRatio,
        randomIndexTable: a.randomIndexTable,
        randomIndex: a.randomIndex,
      },
      criteria: compiled.criteria.map((c, i) => ({
        code: c.code,
        weight: compiled.weights[i] as number,
        levelConsistencyRatio: c.levelAnalysis.consistencyRatio,
        levelValues: Object.fromEntries(c.levels.map((l, j) => [l.code, c.levelValues[j] as number])),
      })),
    },
    scoring: { scoreGrid: 1e-9, tieBreak: TIE_BREAK },
  };
}

export function modelSnapshot(compiled: CompiledRatingModel): ModelSnapshot {
  const json = canonicalize(snapshotDocument(compiled)) as string;
  return {
    snapshotVersion: SNAPSHOT_VERSION,
    engineVersion: RANKING_ENGINE_VERSION,
    json,
    sha256: sha256Hex(json),
  };
}

/** True when `json` hashes to `sha256` — what a verifier checks before re-running the ranking. */
export function verifySnapshot(json: string, sha256: string): boolean {
  return sha256Hex(json) === sha256.toLowerCase();
}
