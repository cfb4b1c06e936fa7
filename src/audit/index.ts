/** The audit capability: hash-chained, append-only trail with signed Merkle checkpoints and a verifier. */

export {
  CHECKPOINT_EXPORT_FORMAT,
  type CheckpointTimer,
  checkpointExport,
  checkpointIfGrown,
  checkpointNow,
  startCheckpointTimer,
  witnessesFromExport,
} from "./checkpoints.ts";
export type { AuditActor, AuditDraft, AuditEntry, Json, JsonObject } from "./entry.ts";
export { diffRecords, snapshotRecord } from "./entry.ts";
export { type HistoryItem, historyItem, MASKED_MARKER } from "./history.ts";
export {
  type AuditKeys,
  type AuditVerifier,
  auditVerifierFromPem,
  generateAuditKeys,
  loadAuditKeys,
} from "./keys.ts";
export { type AuditLog, type Checkpoint, contentOf, createAuditLog } from "./log.ts";
export { AUDIT_MESSAGES } from "./messages.ts";
export { buildInclusionProof, checkInclusionProof, type InclusionProof } from "./proof.ts";
export { auditRoutes } from "./routes.ts";
export { entriesOf } from "./store.ts";
export { type AuditProblem, type SignedCheckpoint, type VerifyReport, verifyAuditTrail } from "./verify.ts";
