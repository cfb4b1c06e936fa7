import canonicalize from "canonicalize";
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../db/index.ts";
import {
  type AuditActor,
  type AuditDraft,
  type AuditEntry,
  type AuditEntryContent,
  chainHash,
  entryDocument,
  GENESIS_HASH,
} from "./entry.ts";
import type { AuditKeys } from "./keys.ts";
import { appendToFrontier, frontierRoot, leafHash } from "./merkle.ts";
import { type AuditEntryRow, auditCheckpoints } from "./schema.ts";
import { insertEntries } from "./store.ts";

/** What a checkpoint signs. `log` names the deployment so a key reused elsewhere cannot be replayed here. */
export interface CheckpointStatement {
  version: 1;
  log: string;
  treeSize: number;
  rootHash: string;
  headHash: string;
  issuedAt: string;
  event: string;
}

export interface Checkpoint {
  id: number;
  statement: CheckpointStatement;
  /** The exact signed text (canonical JSON of the statement). */
  signedText: string;
  signature: string;
  keyId: string;
}

export interface AuditLog {
  readonly keys: AuditKeys;
  readonly logName: string;
  /**
   * Appends entries inside the caller's transaction (pass the transaction, never the database): they commit or
   * roll back with the write they describe. Call it as the last step, after the write's own locks.
   */
  append(tx: Executor, drafts: AuditDraft | readonly AuditDraft[]): Promise<AuditEntry[]>;
  /**
   * Signs the Merkle root over every entry so far and records the checkpoint (and an entry saying so) in the
   * caller's transaction. Called on demand and at legally significant events (decree list frozen, payment file
   * made, bank result applied).
   */
  checkpoint(
    tx: Executor,
    options: { event: string; actor: AuditActor; requestId?: string | null },
  ): Promise<Checkpoint>;
}

interface HeadRow {
  seq: string | number;
  head_hash: string;
  frontier: string[] | string;
}

export function createAuditLog(options: { keys: AuditKeys; logName: string; clock: () => Date }): AuditLog {
  const { keys, logName, clock } = options;

  async function lockHead(tx: Executor) {
    const [row] = await queryRows<HeadRow>(
      tx,
      sql`select seq, head_hash, frontier from audit_head where id = 1 for update`,
    );
    if (!row) throw new Error("audit_head is missing: the audit_guard migration was not applied");
    const frontier = typeof row.frontier === "string" ? (JSON.parse(row.frontier) as string[]) : row.frontier;
    return { seq: Number(row.seq), headHash: row.head_hash, frontier };
  }

  async function append(tx: Executor, input: AuditDraft | readonly AuditDraft[]): Promise<AuditEntry[]> {
    const drafts = Array.isArray(input) ? (input as readonly AuditDraft[]) : [input as AuditDraft];
    if (drafts.length === 0) return [];
    const head = await lockHead(tx);
    // Time is read after the lock, so entries are in time order as well as seq order within one server.
    const at = clock().toISOString();
    let { seq, headHash, frontier } = head;
    if (seq === 0) headHash = GENESIS_HASH;
    const entries: AuditEntry[] = [];
    for (const draft of drafts) {
      seq += 1;
      const content: AuditEntryContent = {
        seq,
        at,
        actor: draft.actor,
        action: draft.action,
        entity: draft.entity,
        entityId: draft.entityId,
        area: draft.area,
        before: draft.before ?? null,
        after: draft.after ?? null,
        reason: draft.reason ?? null,
        requestId: draft.requestId ?? null,
      };
      const document = entryDocument(content);
      const entryHash = chainHash(headHash, document);
      entries.push({ ...content, prevHash: headHash, entryHash, mac: keys.mac(entryHash) });
      frontier = appendToFrontier(frontier, seq - 1, leafHash(document));
      headHash = entryHash;
    }
    await insertEntries(tx, entries);
    await tx.execute(
      sql`update audit_head set seq = ${seq}, head_hash = ${headHash}, frontier = ${JSON.stringify(frontier)}::jsonb where id = 1`,
    );
    return entries;
  }

  async function checkpoint(
    tx: Executor,
    options: { event: string; actor: AuditActor; requestId?: string | null },
  ): Promise<Checkpoint> {
    const head = await lockHead(tx);
    const [last] = await queryRows<{ id: number | null }>(
      tx,
      sql`select max(id) as id from audit_checkpoints`,
    );
    const id = Number(last?.id ?? 0) + 1;
    const statement: CheckpointStatement = {
      version: 1,
      log: logName,
      treeSize: head.seq,
      rootHash: frontierRoot(head.frontier),
      headHash: head.seq === 0 ? GENESIS_HASH : head.headHash,
      issuedAt: clock().toISOString(),
      event: options.event,
    };
    const signedText = canonicalize(statement) as string;
    const signature = keys.sign(signedText);
    await tx.insert(auditCheckpoints).values({
      id,
      treeSize: statement.treeSize,
      rootHash: statement.rootHash,
      headHash: statement.headHash,
      issuedAt: new Date(statement.issuedAt),
      event: statement.event,
      keyId: keys.keyId,
      statement: signedText,
      signature,
    });
    await append(tx, {
      actor: options.actor,
      action: "audit.checkpoint",
      entity: "audit_checkpoint",
      entityId: String(id),
      area: null,
      after: {
        treeSize: statement.treeSize,
        rootHash: statement.rootHash,
        event: statement.event,
        keyId: keys.keyId,
      },
      requestId: options.requestId ?? null,
    });
    return { id, statement, signedText, signature, keyId: keys.keyId };
  }

  return { keys, logName, append, checkpoint };
}

export type { AuditEntryRow };

/** Rebuilds the hashed content from a stored row: what the verifier and the proofs start from. */
export function contentOf(row: AuditEntryRow): AuditEntryContent {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { id: row.actorId, name: row.actorName, role: row.actorRole, area: row.actorArea },
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    area: row.area,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
    requestId: row.requestId,
  };
}
