/**
 * A signed extract of the trail: the entries an auditor chose (a person's story, a desa, a month), each with its
 * inclusion proof against one signed checkpoint. A witness checks it offline (`salur audit verify --extract`)
 * with the regency's public key and nothing else: every entry is exactly as hashed into the signed tree, so
 * none can be altered, and the entries' own hashes chain where they follow each other.
 */
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { chainHash, entryDocument } from "./entry.ts";
import { auditVerifierFromPem } from "./keys.ts";
import { type AuditEntryRow, type Checkpoint, contentOf } from "./log.ts";
import { inclusionProofs, leafHash, merkleRoot, verifyInclusion } from "./merkle.ts";
import { EXTRACT_FORMAT } from "./schemas.ts";
import { entriesUpTo } from "./store.ts";
import { parseStatement } from "./verify.ts";

export interface AuditExtract {
  format: typeof EXTRACT_FORMAT;
  log: string;
  exportedAt: string;
  exportedBy: string;
  /** The filters the entries were chosen by, as the auditor set them. */
  filters: Record<string, string>;
  checkpoint: { id: number; statement: string; signature: string; keyId: string };
  /** For convenience only: a witness verifies with a key obtained on their own. */
  publicKey: string;
  entries: { seq: number; entry: string; entryHash: string; prevHash: string; auditPath: string[] }[];
}

/** Proves `rows` (all covered by `checkpoint`) against it; refuses when the trail no longer gives its root. */
export async function buildExtract(
  db: Executor,
  input: {
    rows: readonly AuditEntryRow[];
    checkpoint: Checkpoint;
    publicKeyPem: string;
    exportedBy: string;
    exportedAt: Date;
    filters: Record<string, string>;
  },
): Promise<AuditExtract> {
  const { checkpoint } = input;
  const size = checkpoint.statement.treeSize;
  const all = await entriesUpTo(db, size);
  const leaves = all.map((row) => leafHash(entryDocument(contentOf(row))));
  if (all.length !== size || merkleRoot(leaves).toString("hex") !== checkpoint.statement.rootHash)
    throw new DomainError("AUDIT_PROOF_INCONSISTENT", { seq: size, checkpoint: checkpoint.id }, 409);
  const rows = input.rows.filter((row) => row.seq <= size);
  const paths = inclusionProofs(
    leaves,
    rows.map((row) => row.seq - 1),
  );
  return {
    format: EXTRACT_FORMAT,
    log: checkpoint.statement.log,
    exportedAt: input.exportedAt.toISOString(),
    exportedBy: input.exportedBy,
    filters: input.filters,
    checkpoint: {
      id: checkpoint.id,
      statement: checkpoint.signedText,
      signature: checkpoint.signature,
      keyId: checkpoint.keyId,
    },
    publicKey: input.publicKeyPem,
    entries: rows.map((row, i) => ({
      seq: row.seq,
      entry: entryDocument(contentOf(row)),
      entryHash: row.entryHash,
      prevHash: row.prevHash,
      auditPath: (paths[i] ?? []).map((h) => h.toString("hex")),
    })),
  };
}

export interface ExtractProblem {
  seq: number | null;
  code:
    | "AUDIT_EXTRACT_FORMAT"
    | "AUDIT_EXTRACT_SIGNATURE"
    | "AUDIT_EXTRACT_NOT_INCLUDED"
    | "AUDIT_EXTRACT_SEQ"
    | "AUDIT_EXTRACT_CHAIN";
}

export interface ExtractReport {
  ok: boolean;
  entries: number;
  checkpointId: number | null;
  treeSize: number | null;
  /** Whether the key came from the witness (true) or only from the file itself. */
  keyTrusted: boolean;
  problems: ExtractProblem[];
}

/** The offline check of an extract: the checkpoint's signature, each entry's path to its root, and the links. */
export function checkExtract(text: string, trustedPublicKey: string | null): ExtractReport {
  let extract: AuditExtract;
  try {
    extract = JSON.parse(text) as AuditExtract;
  } catch {
    return failed("AUDIT_EXTRACT_FORMAT", trustedPublicKey !== null);
  }
  if (extract.format !== EXTRACT_FORMAT || !extract.checkpoint || !Array.isArray(extract.entries))
    return failed("AUDIT_EXTRACT_FORMAT", trustedPublicKey !== null);
  const problems: ExtractProblem[] = [];
  const statement = parseStatement(extract.checkpoint.statement);
  let signed = false;
  try {
    signed = auditVerifierFromPem(trustedPublicKey ?? extract.publicKey).verify(
      extract.checkpoint.statement,
      extract.checkpoint.signature,
    );
  } catch {
    signed = false;
  }
  if (!signed || !statement) problems.push({ seq: null, code: "AUDIT_EXTRACT_SIGNATURE" });
  const root = statement ? Buffer.from(statement.rootHash, "hex") : Buffer.alloc(32);
  const size = statement?.treeSize ?? 0;
  let previous: AuditExtract["entries"][number] | null = null;
  for (const item of extract.entries) {
    let seq: unknown = null;
    try {
      seq = (JSON.parse(item.entry) as { seq?: unknown }).seq;
    } catch {
      seq = null;
    }
    if (seq !== item.seq) problems.push({ seq: item.seq, code: "AUDIT_EXTRACT_SEQ" });
    const included = verifyInclusion(
      leafHash(item.entry),
      item.seq - 1,
      size,
      (item.auditPath ?? []).map((h) => Buffer.from(h, "hex")),
      root,
    );
    if (!included) problems.push({ seq: item.seq, code: "AUDIT_EXTRACT_NOT_INCLUDED" });
    // Each entry's hash follows from the hash it names and its document; consecutive entries must link.
    const hashHolds =
      typeof item.prevHash === "string" && chainHash(item.prevHash, item.entry) === item.entryHash;
    if (!hashHolds || (previous && previous.seq + 1 === item.seq && item.prevHash !== previous.entryHash))
      problems.push({ seq: item.seq, code: "AUDIT_EXTRACT_CHAIN" });
    previous = item;
  }
  return {
    ok: problems.length === 0,
    entries: extract.entries.length,
    checkpointId: extract.checkpoint.id ?? null,
    treeSize: statement?.treeSize ?? null,
    keyTrusted: trustedPublicKey !== null,
    problems,
  };
}

function failed(code: ExtractProblem["code"], keyTrusted: boolean): ExtractReport {
  return {
    ok: false,
    entries: 0,
    checkpointId: null,
    treeSize: null,
    keyTrusted,
    problems: [{ seq: null, code }],
  };
}
