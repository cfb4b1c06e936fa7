import { isCommitment, type Json, type JsonObject } from "./entry.ts";

/**
 * A record's history as officials read it: who did what, when and why, field by field. Personal values are
 * stored as commitments and shown only as a "changed" marker, never as values.
 */
export const MASKED_MARKER = "(diubah)";

export interface HistoryChange {
  field: string;
  before?: Json;
  after?: Json;
  /** A personal field: before/after carry the marker, not the value. */
  masked?: true;
}

export interface HistoryItem {
  seq: number;
  at: string;
  actor: { id: string | null; name: string; role: string };
  action: string;
  entity: string;
  entityId: string | null;
  reason: string | null;
  changes: HistoryChange[];
}

export interface HistorySource {
  seq: number;
  at: string;
  actor: { id: string | null; name: string; role: string };
  action: string;
  entity: string;
  entityId: string | null;
  reason: string | null;
  before: JsonObject | null;
  after: JsonObject | null;
}

export function historyItem(entry: HistorySource): HistoryItem {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const changes: HistoryChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[field];
    const a = after[field];
    if (isCommitment(b) || isCommitment(a)) {
      changes.push({
        field,
        ...(b !== undefined && b !== null ? { before: MASKED_MARKER } : {}),
        ...(a !== undefined && a !== null ? { after: MASKED_MARKER } : {}),
        masked: true,
      });
      continue;
    }
    changes.push({
      field,
      ...(b !== undefined ? { before: b } : {}),
      ...(a !== undefined ? { after: a } : {}),
    });
  }
  return {
    seq: entry.seq,
    at: entry.at,
    actor: { id: entry.actor.id, name: entry.actor.name, role: entry.actor.role },
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    reason: entry.reason,
    changes,
  };
}
