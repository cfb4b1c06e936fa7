import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { type Database, type Executor, queryRows } from "../db/index.ts";
import type { AuditActor } from "./entry.ts";
import type { AuditLog, Checkpoint } from "./log.ts";
import { listCheckpoints } from "./store.ts";
import type { SignedCheckpoint } from "./verify.ts";

/**
 * Signs a checkpoint inside the caller's transaction: a decree frozen, a payment file made, a bank result
 * applied call this in the transaction that does it, so the event and the signature over the trail that
 * records it commit together or not at all. Events are named "<capability>.<what>" ("decree.frozen").
 */
export function checkpointNow(
  tx: Executor,
  audit: AuditLog,
  input: { event: string; actor: AuditActor; requestId?: string | null },
): Promise<Checkpoint> {
  return audit.checkpoint(tx, input);
}

/**
 * The timer's checkpoint: made only when entries were appended since the last checkpoint (whose own entry
 * does not count), decided under the head's row lock so that two processes on one PostgreSQL never sign the
 * same state twice.
 */
export async function checkpointIfGrown(
  db: Executor,
  audit: AuditLog,
  input: { event: string; actor: AuditActor },
): Promise<Checkpoint | null> {
  return db.transaction(async (tx) => {
    const [head] = await queryRows<{ seq: string | number }>(
      tx,
      sql`select seq from audit_head where id = 1 for update`,
    );
    const [last] = await queryRows<{ covered: string | number | null }>(
      tx,
      sql`select max(tree_size) as covered from audit_checkpoints`,
    );
    const seq = Number(head?.seq ?? 0);
    const covered = last?.covered === null || last?.covered === undefined ? null : Number(last.covered);
    if (seq === 0 || (covered !== null && seq <= covered + 1)) return null;
    return audit.checkpoint(tx, input);
  });
}

export const CHECKPOINT_EXPORT_FORMAT = "salur-audit-checkpoints-v1";

/** Every checkpoint with the key that verifies it: the file a witness keeps off the machine. */
export async function checkpointExport(db: Executor, audit: AuditLog, at: Date) {
  return {
    format: CHECKPOINT_EXPORT_FORMAT,
    log: audit.logName,
    keyId: audit.keys.keyId,
    publicKey: audit.keys.publicKeyPem,
    exportedAt: at.toISOString(),
    checkpoints: (await listCheckpoints(db)).map((c) => ({
      id: c.id,
      statement: c.statement,
      signature: c.signature,
      keyId: c.keyId,
    })),
  };
}

/**
 * The checkpoints of a witness file: an export (many), a single checkpoint from `salur audit checkpoint
 * --out`, or an inclusion proof, which carries its checkpoint.
 */
export function witnessesFromExport(text: string, source: string): SignedCheckpoint[] {
  const value = JSON.parse(text) as {
    format?: string;
    checkpoints?: { id: number; statement: string; signature: string }[];
    statement?: string;
    signature?: string;
    checkpoint?: { statement: string; signature: string };
  };
  if (value.format === CHECKPOINT_EXPORT_FORMAT) {
    return (value.checkpoints ?? []).map((c) => ({
      source: `${source}#${c.id}`,
      signedText: c.statement,
      signature: c.signature,
    }));
  }
  const single = value.checkpoint ?? value;
  return [{ source, signedText: single.statement ?? "", signature: single.signature ?? "" }];
}

export interface CheckpointTimer {
  /** Stops the timer and waits for a checkpoint in progress. */
  stop(): Promise<void>;
}

/**
 * Signs a checkpoint every `everyMs` while the trail grows, so that a tail cut off later is caught by
 * `salur audit verify`. With `exportDir` (a mounted share, a USB disk) each checkpoint is also written there
 * as a file, off the database. Owned by the runtime: started by `salur serve`, stopped by close().
 */
export function startCheckpointTimer(options: {
  db: Database;
  audit: AuditLog;
  everyMs: number;
  actor: AuditActor;
  exportDir?: string | undefined;
  onError?: (error: unknown) => void;
}): CheckpointTimer {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const made = await checkpointIfGrown(options.db, options.audit, {
          event: "timer",
          actor: options.actor,
        });
        if (made && options.exportDir) {
          mkdirSync(options.exportDir, { recursive: true, mode: 0o700 });
          const file = join(options.exportDir, `checkpoint-${String(made.id).padStart(6, "0")}.json`);
          const body = {
            id: made.id,
            statement: made.signedText,
            signature: made.signature,
            keyId: made.keyId,
          };
          writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
        }
      } catch (error) {
        options.onError?.(error);
      } finally {
        running = null;
      }
    })();
  };
  const handle = setInterval(tick, options.everyMs);
  handle.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(handle);
      await running;
    },
  };
}
