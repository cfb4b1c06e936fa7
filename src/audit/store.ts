import { and, asc, count, desc, eq, gt, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import type { AuditEntryRow } from "./log.ts";
import { auditCheckpoints, auditEntries } from "./schema.ts";

export async function entriesAfter(db: Executor, afterSeq: number, limit: number): Promise<AuditEntryRow[]> {
  return db
    .select()
    .from(auditEntries)
    .where(gt(auditEntries.seq, afterSeq))
    .orderBy(asc(auditEntries.seq))
    .limit(limit);
}

export async function entriesUpTo(db: Executor, lastSeq: number): Promise<AuditEntryRow[]> {
  return db.select().from(auditEntries).where(lte(auditEntries.seq, lastSeq)).orderBy(asc(auditEntries.seq));
}

export async function getEntry(db: Executor, seq: number): Promise<AuditEntryRow | null> {
  const [row] = await db.select().from(auditEntries).where(eq(auditEntries.seq, seq));
  return row ?? null;
}

/** The trail of some records (a person with their businesses and enrollments), oldest first. */
export async function entriesOf(
  db: Executor,
  refs: readonly { entity: string; ids: readonly string[] }[],
): Promise<AuditEntryRow[]> {
  const conditions = refs
    .filter((r) => r.ids.length > 0)
    .map((r) => and(eq(auditEntries.entity, r.entity), inArray(auditEntries.entityId, [...r.ids])));
  if (conditions.length === 0) return [];
  return db
    .select()
    .from(auditEntries)
    .where(or(...conditions))
    .orderBy(asc(auditEntries.seq));
}

export interface EntrySearch {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  page: number;
  pageSize: number;
}

/** Newest first; `scope` is the caller's area condition on the entry's area. */
export async function searchEntries(db: Executor, search: EntrySearch, scope: SQL | undefined) {
  const where = and(
    scope,
    search.entity ? eq(auditEntries.entity, search.entity) : undefined,
    search.entityId ? eq(auditEntries.entityId, search.entityId) : undefined,
    search.actorId ? eq(auditEntries.actorId, search.actorId) : undefined,
    search.action ? eq(auditEntries.action, search.action) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditEntries)
      .where(where)
      .orderBy(desc(auditEntries.seq))
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize),
    db.select({ n: count() }).from(auditEntries).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

export async function listCheckpoints(db: Executor): Promise<CheckpointRow[]> {
  return db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
}

export async function headState(db: Executor): Promise<{ seq: number; headHash: string } | null> {
  const result = (await db.execute(sql`select seq, head_hash from audit_head where id = 1`)) as unknown as {
    rows: { seq: string | number; head_hash: string }[];
  };
  const row = result.rows[0];
  return row ? { seq: Number(row.seq), headHash: row.head_hash } : null;
}
