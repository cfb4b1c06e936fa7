import type { Role } from "../access/roles.ts";

/**
 * One entry of a record's history as GET /api/persons/:id serves it from the audit trail (HistoryItem in
 * src/audit/history.ts, whose module also hashes entries with node:crypto and so cannot enter the browser).
 */
export interface HistoryEntry {
  seq: number;
  at: string;
  actor: { id: string | null; name: string; role: Role | string };
  action: string;
  reason: string | null;
  changes: { field: string; masked?: true }[];
}
