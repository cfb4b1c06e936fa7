import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * One entry of the audit trail and how it is hashed: entry_hash = SHA-256(prev_hash || canonical JSON
 * (RFC 8785) of the entry). The canonical form makes the hash independent of key order and of how each
 * database hands JSON back, so PGlite and PostgreSQL recompute the same chain.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface AuditActor {
  /** The user's id; null for the system (CLI, demo seed, migrations). */
  id: string | null;
  name: string;
  role: string;
  /** The actor's area at the time: "64.01.05.2002" or "64.01.05.2002/RT003". */
  area: string | null;
}

/** What a write hands to the audit log; the log adds seq, time and hashes. */
export interface AuditDraft {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId: string | null;
  /** Where the record lives (placeKey): lets an area-scoped official read the trail of their area only. */
  area: string | null;
  before?: JsonObject | null;
  after?: JsonObject | null;
  /** Required for sensitive actions (rejecting, overriding a match, editing a NIK). */
  reason?: string | null;
  requestId?: string | null;
}

export interface AuditEntryContent {
  seq: number;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  actor: AuditActor;
  action: string;
  entity: string;
  entityId: string | null;
  area: string | null;
  before: JsonObject | null;
  after: JsonObject | null;
  reason: string | null;
  requestId: string | null;
}

export interface AuditEntry extends AuditEntryContent {
  prevHash: string;
  entryHash: string;
  /** HMAC of entry_hash under a key derived from the signing key: without that key no entry can be forged. */
  mac: string;
}

export const GENESIS_HASH = "0".repeat(64);

/** A personal value in before/after: a keyed commitment, never the value (UU 27/2022). */
export interface Commitment {
  $commitment: string;
}

export function isCommitment(value: unknown): value is Commitment {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { $commitment?: unknown }).$commitment === "string"
  );
}

/** The canonical JSON the hash and the Merkle leaf are computed over. */
export function entryDocument(entry: AuditEntryContent): string {
  const document = canonicalize({
    seq: entry.seq,
    at: entry.at,
    actor: { id: entry.actor.id, name: entry.actor.name, role: entry.actor.role, area: entry.actor.area },
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    area: entry.area,
    before: entry.before,
    after: entry.after,
    reason: entry.reason,
    requestId: entry.requestId,
  });
  if (document === undefined) throw new Error("audit entry is not serialisable");
  return document;
}

export function chainHash(prevHash: string, document: string): string {
  return createHash("sha256").update(Buffer.from(prevHash, "hex")).update(document, "utf8").digest("hex");
}

/** Changed fields only, as before/after objects; `personal` fields become commitments through `commit`. */
export function diffRecords(
  before: Record<string, Json>,
  after: Record<string, Json>,
  personal: ReadonlySet<string>,
  commit: (field: string, value: string) => string,
): { before: JsonObject; after: JsonObject } | null {
  const out = { before: {} as JsonObject, after: {} as JsonObject };
  let changed = false;
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (canonicalize(a) === canonicalize(b)) continue;
    changed = true;
    out.before[field] = protect(field, a, personal, commit);
    out.after[field] = protect(field, b, personal, commit);
  }
  return changed ? out : null;
}

/** A whole record for a create: every non-empty field, personal ones as commitments. */
export function snapshotRecord(
  record: Record<string, Json>,
  personal: ReadonlySet<string>,
  commit: (field: string, value: string) => string,
): JsonObject {
  const out: JsonObject = {};
  for (const [field, value] of Object.entries(record)) {
    if (value === null || value === undefined) continue;
    out[field] = protect(field, value, personal, commit);
  }
  return out;
}

function protect(
  field: string,
  value: Json,
  personal: ReadonlySet<string>,
  commit: (field: string, value: string) => string,
): Json {
  if (value === null || !personal.has(field)) return value;
  const commitment: Commitment = {
    $commitment: commit(field, typeof value === "string" ? value : JSON.stringify(value)),
  };
  return commitment as unknown as Json;
}
