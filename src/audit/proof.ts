import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { entryDocument } from "./entry.ts";
import { type AuditVerifier, auditVerifierFromPem } from "./keys.ts";
import { contentOf } from "./log.ts";
import { inclusionProof, leafHash, merkleRoot, verifyInclusion } from "./merkle.ts";
import { entriesUpTo, listCheckpoints } from "./store.ts";
import { parseStatement } from "./verify.ts";

/**
 * An inclusion proof a witness can check with nothing but SHA-256 and Ed25519 (scripts/verify-proof.mjs):
 * the entry as it was hashed, its audit path, and the signed checkpoint whose root the path leads to.
 */
export interface InclusionProof {
  format: "salur-audit-inclusion-proof-v1";
  seq: number;
  leafIndex: number;
  /** The canonical JSON of the entry; its leaf hash is SHA-256(0x00 || entry). */
  entry: string;
  treeSize: number;
  /** Sibling hashes, hex, from the leaf upwards (RFC 6962 §2.1.1). */
  auditPath: string[];
  checkpoint: { id: number; statement: string; signature: string; keyId: string };
  publicKey: string;
}

export async function buildInclusionProof(
  db: Executor,
  verifier: AuditVerifier,
  seq: number,
  checkpointId?: number,
): Promise<InclusionProof> {
  const checkpoints = await listCheckpoints(db);
  const checkpoint =
    checkpointId !== undefined
      ? checkpoints.find((c) => c.id === checkpointId)
      : checkpoints.find((c) => c.treeSize >= seq);
  if (!checkpoint || checkpoint.treeSize < seq) throw new DomainError("AUDIT_NO_CHECKPOINT", { seq }, 404);
  const rows = await entriesUpTo(db, checkpoint.treeSize);
  const documents = rows.map((row) => entryDocument(contentOf(row)));
  const leaves = documents.map((d) => leafHash(d));
  const statement = parseStatement(checkpoint.statement);
  // A proof against a root the rows no longer produce would mislead the witness: refuse and point at verify.
  if (
    !statement ||
    rows.length !== checkpoint.treeSize ||
    rows[seq - 1]?.seq !== seq ||
    merkleRoot(leaves).toString("hex") !== statement.rootHash
  ) {
    throw new DomainError("AUDIT_PROOF_INCONSISTENT", { seq, checkpoint: checkpoint.id }, 409);
  }
  return {
    format: "salur-audit-inclusion-proof-v1",
    seq,
    leafIndex: seq - 1,
    entry: documents[seq - 1] as string,
    treeSize: checkpoint.treeSize,
    auditPath: inclusionProof(leaves, seq - 1).map((h) => h.toString("hex")),
    checkpoint: {
      id: checkpoint.id,
      statement: checkpoint.statement,
      signature: checkpoint.signature,
      keyId: checkpoint.keyId,
    },
    publicKey: verifier.publicKeyPem,
  };
}

/**
 * The same check as scripts/verify-proof.mjs. `trustedPublicKey` is the key the witness obtained on its own;
 * the key inside the proof is only a convenience and is not trusted.
 */
export function checkInclusionProof(
  proof: InclusionProof,
  trustedPublicKey: string,
): { ok: boolean; reason?: string } {
  const verifier = auditVerifierFromPem(trustedPublicKey);
  if (!verifier.verify(proof.checkpoint.statement, proof.checkpoint.signature))
    return { ok: false, reason: "signature" };
  const statement = parseStatement(proof.checkpoint.statement);
  if (!statement || statement.treeSize !== proof.treeSize) return { ok: false, reason: "statement" };
  const entry = JSON.parse(proof.entry) as { seq?: unknown };
  if (entry.seq !== proof.seq || proof.leafIndex !== proof.seq - 1) return { ok: false, reason: "seq" };
  const included = verifyInclusion(
    leafHash(proof.entry),
    proof.leafIndex,
    proof.treeSize,
    proof.auditPath.map((h) => Buffer.from(h, "hex")),
    Buffer.from(statement.rootHash, "hex"),
  );
  return included ? { ok: true } : { ok: false, reason: "path" };
}
