import type { Executor } from "../db/index.ts";
import { chainHash, entryDocument, GENESIS_HASH } from "./entry.ts";
import type { AuditKeys, AuditVerifier } from "./keys.ts";
import { type CheckpointStatement, contentOf } from "./log.ts";
import { appendToFrontier, EMPTY_ROOT, frontierRoot, leafHash } from "./merkle.ts";
import { entriesAfter, headState, listCheckpoints } from "./store.ts";

/**
 * Recomputes the whole trail from the rows: every hash, every link, every entry's MAC (when the signing key is
 * at hand), every checkpoint's signature and Merkle root, and the head. Names the first broken entry.
 */
export type AuditProblemCode =
  | "AUDIT_ENTRY_MISSING"
  | "AUDIT_ENTRY_HASH_MISMATCH"
  | "AUDIT_PREV_HASH_MISMATCH"
  | "AUDIT_ENTRY_MAC_INVALID"
  | "AUDIT_CHECKPOINT_SIGNATURE_INVALID"
  | "AUDIT_CHECKPOINT_OTHER_LOG"
  | "AUDIT_CHECKPOINT_MISMATCH"
  | "AUDIT_LOG_TRUNCATED"
  | "AUDIT_CHECKPOINT_MISSING"
  | "AUDIT_HEAD_MISMATCH";

export interface AuditProblem {
  /** The first entry this problem concerns: the one `salur audit verify` names. */
  seq: number;
  code: AuditProblemCode;
  params: Record<string, string | number>;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  lastSeq: number;
  headHash: string;
  checkpointsVerified: number;
  /** False when only the public key was given: entry MACs need the signing key. */
  macsChecked: boolean;
  firstBrokenSeq: number | null;
  problems: AuditProblem[];
}

/** A checkpoint as a witness keeps it: the signed text and its signature. */
export interface SignedCheckpoint {
  source: string;
  signedText: string;
  signature: string;
}

export interface VerifyOptions {
  verifier: AuditVerifier;
  /** The full keys, when verifying on the server: adds the per-entry MAC check. */
  keys?: AuditKeys | undefined;
  logName: string;
  /** Checkpoints kept outside the database (published, printed on a decree): caught even if rows were deleted. */
  witnesses?: readonly SignedCheckpoint[];
  batchSize?: number;
}

export async function verifyAuditTrail(db: Executor, options: VerifyOptions): Promise<VerifyReport> {
  const problems: AuditProblem[] = [];
  const stored = await listCheckpoints(db);
  const storedIds = new Set(stored.map((row) => String(row.id)));
  const candidates: SignedCheckpoint[] = [
    ...stored.map((row) => ({
      source: `#${row.id}`,
      signedText: row.statement,
      signature: row.signature,
    })),
    ...(options.witnesses ?? []),
  ];
  const checkpoints: { source: string; statement: CheckpointStatement }[] = [];
  for (const candidate of candidates) {
    const statement = parseStatement(candidate.signedText);
    if (!statement || !options.verifier.verify(candidate.signedText, candidate.signature)) {
      problems.push({
        seq: statement?.treeSize ?? 0,
        code: "AUDIT_CHECKPOINT_SIGNATURE_INVALID",
        params: { checkpoint: candidate.source, keyId: options.verifier.keyId },
      });
      continue;
    }
    if (statement.log !== options.logName) {
      problems.push({
        seq: statement.treeSize,
        code: "AUDIT_CHECKPOINT_OTHER_LOG",
        params: { checkpoint: candidate.source, log: statement.log },
      });
      continue;
    }
    checkpoints.push({ source: candidate.source, statement });
  }
  checkpoints.sort((a, b) => a.statement.treeSize - b.statement.treeSize);

  let next = 0;
  let verified = 0;
  let lastGoodSize = 0;
  let frontier: string[] = [];
  let size = 0;
  let lastSeq = 0;
  let prev = GENESIS_HASH;
  const firstProblemAfter = (from: number) =>
    problems
      .filter((p) => p.seq > from && p.code !== "AUDIT_CHECKPOINT_SIGNATURE_INVALID")
      .reduce((min, p) => Math.min(min, p.seq), Infinity);
  const settle = (reached: number) => {
    while (next < checkpoints.length && (checkpoints[next]?.statement.treeSize ?? Infinity) <= reached) {
      const { source, statement } = checkpoints[next] as (typeof checkpoints)[number];
      next += 1;
      const matches =
        size === statement.treeSize &&
        lastSeq === statement.treeSize &&
        (size === 0 ? EMPTY_ROOT : frontierRoot(frontier)) === statement.rootHash &&
        prev === statement.headHash;
      if (matches) {
        verified += 1;
        lastGoodSize = statement.treeSize;
        continue;
      }
      const firstBad = firstProblemAfter(lastGoodSize);
      problems.push({
        seq: Number.isFinite(firstBad) && firstBad <= statement.treeSize ? firstBad : lastGoodSize + 1,
        code: "AUDIT_CHECKPOINT_MISMATCH",
        params: { checkpoint: source, treeSize: statement.treeSize },
      });
    }
  };
  settle(0);

  const batchSize = options.batchSize ?? 2000;
  for (;;) {
    const rows = await entriesAfter(db, lastSeq, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const expected = lastSeq + 1;
      if (row.seq !== expected) {
        problems.push({
          seq: expected,
          code: "AUDIT_ENTRY_MISSING",
          params: { from: expected, to: row.seq - 1 },
        });
      }
      const document = entryDocument(contentOf(row));
      if (row.prevHash !== prev)
        problems.push({ seq: row.seq, code: "AUDIT_PREV_HASH_MISMATCH", params: {} });
      if (chainHash(row.prevHash, document) !== row.entryHash) {
        problems.push({ seq: row.seq, code: "AUDIT_ENTRY_HASH_MISMATCH", params: {} });
      }
      if (options.keys && options.keys.mac(row.entryHash) !== row.mac) {
        problems.push({ seq: row.seq, code: "AUDIT_ENTRY_MAC_INVALID", params: {} });
      }
      // The trail records every checkpoint it signed: a checkpoint row deleted to hide a later cut is named.
      if (row.action === "audit.checkpoint" && row.entityId && !storedIds.has(row.entityId)) {
        problems.push({
          seq: row.seq,
          code: "AUDIT_CHECKPOINT_MISSING",
          params: { checkpoint: `#${row.entityId}` },
        });
      }
      frontier = appendToFrontier(frontier, size, leafHash(document));
      size += 1;
      lastSeq = row.seq;
      prev = row.entryHash;
      settle(lastSeq);
    }
  }
  for (const { source, statement } of checkpoints.slice(next)) {
    problems.push({
      seq: lastSeq + 1,
      code: "AUDIT_LOG_TRUNCATED",
      params: { checkpoint: source, treeSize: statement.treeSize, lastSeq },
    });
  }

  const head = await headState(db);
  if (head && (head.seq !== lastSeq || (lastSeq > 0 && head.headHash !== prev))) {
    problems.push({
      seq: Math.min(head.seq, lastSeq) + (head.seq === lastSeq ? 0 : 1),
      code: "AUDIT_HEAD_MISMATCH",
      params: { headSeq: head.seq, lastSeq },
    });
  }

  problems.sort((a, b) => a.seq - b.seq);
  return {
    ok: problems.length === 0,
    entries: size,
    lastSeq,
    headHash: prev,
    checkpointsVerified: verified,
    macsChecked: options.keys !== undefined,
    firstBrokenSeq: problems[0]?.seq ?? null,
    problems,
  };
}

export function parseStatement(text: string): CheckpointStatement | null {
  try {
    const value = JSON.parse(text) as Partial<CheckpointStatement>;
    if (
      value.version !== 1 ||
      typeof value.log !== "string" ||
      typeof value.treeSize !== "number" ||
      typeof value.rootHash !== "string" ||
      typeof value.headHash !== "string"
    ) {
      return null;
    }
    return value as CheckpointStatement;
  } catch {
    return null;
  }
}
