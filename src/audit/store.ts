import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  like,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import type { AuditEntry } from "./entry.ts";
import { type AuditEntryRow, auditCheckpoints, auditEntries } from "./schema.ts";

/**
 * Rows per statement: the entries travel as one JSON parameter (a few hundred bytes each), so a statement
 * stays a few MB however many columns an entry has.
 */
const INSERT_CHUNK = 5000;

/**
 * Writes entries already chained (in seq order) with one multi-row INSERT per chunk. The rows travel as one
 * JSON document rather than 17 bound parameters each: building and binding 100,000 × 17 parameters cost more
 * than the insert itself.
 */
export async function insertEntries(tx: Executor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
    const rows = entries.slice(i, i + INSERT_CHUNK).map((e) => ({
      seq: e.seq,
      at: e.at,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      actor_role: e.actor.role,
      actor_area: e.actor.area,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      area: e.area,
      before: e.before,
      after: e.after,
      reason: e.reason,
      request_id: e.requestId,
      prev_hash: e.prevHash,
      entry_hash: e.entryHash,
      mac: e.mac,
    }));
    await tx.execute(sql`insert into ${auditEntries} (seq, at, actor_id, actor_name, actor_role, actor_area,
        action, entity, entity_id, area, before, after, reason, request_id, prev_hash, entry_hash, mac)
      select seq, at, actor_id, actor_name, actor_role, actor_area, action, entity, entity_id, area,
        nullif(before, 'null'::jsonb), nullif(after, 'null'::jsonb), reason, request_id, prev_hash, entry_hash, mac
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(seq bigint, at timestamptz, actor_id uuid,
        actor_name text, actor_role text, actor_area text, action text, entity text, entity_id text, area text,
        before jsonb, after jsonb, reason text, request_id text, prev_hash text, entry_hash text, mac text)
      order by seq`);
  }
}

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
  /** Part of the actor's name, any case. */
  actorName?: string | undefined;
  actorRole?: string | undefined;
  action?: string | undefined;
  /** "enrollment." matches every action on applications. */
  actionPrefix?: string | undefined;
  /** A region code: entries of that area and everything inside it. */
  area?: string | undefined;
  /** Instants (ISO 8601), from inclusive, until exclusive. */
  from?: string | undefined;
  until?: string | undefined;
  subject?: string | undefined;
  page: number;
  pageSize: number;
}

const likeEscaped = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first; `scope` is the caller's area condition on the entry's area. */
export async function searchEntries(db: Executor, search: EntrySearch, scope: SQL | undefined) {
  const where = and(
    scope,
    search.entity ? eq(auditEntries.entity, search.entity) : undefined,
    search.entityId ? eq(auditEntries.entityId, search.entityId) : undefined,
    search.actorId ? eq(auditEntries.actorId, search.actorId) : undefined,
    search.action ? eq(auditEntries.action, search.action) : undefined,
    search.actorName ? ilike(auditEntries.actorName, `%${likeEscaped(search.actorName)}%`) : undefined,
    search.actorRole ? eq(auditEntries.actorRole, search.actorRole) : undefined,
    search.actionPrefix ? like(auditEntries.action, `${likeEscaped(search.actionPrefix)}%`) : undefined,
    search.area
      ? or(
          eq(auditEntries.area, search.area),
          like(auditEntries.area, `${likeEscaped(search.area)}.%`),
          like(auditEntries.area, `${likeEscaped(search.area)}/%`),
        )
      : undefined,
    search.from ? gte(auditEntries.at, new Date(search.from)) : undefined,
    search.until ? lt(auditEntries.at, new Date(search.until)) : undefined,
    search.subject ? subjectCondition(search.subject) : undefined,
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

/**
 * The entries of one story. A person's: the person, their household, and every application of theirs with its
 * steps through payment (the workflow writes each step on the application). A decree's: the decree and the
 * payment batches made from it.
 */
export function subjectCondition(subject: string): SQL {
  const [kind, id = ""] = subject.split(":");
  if (kind === "decree")
    return sql`((${auditEntries.entity} = 'decree' and ${auditEntries.entityId} = ${id})
      or ${auditEntries.entityId} in (select b.id::text from payment_batches b where b.decree_id = ${id}))`;
  const person =
    kind === "enrollment"
      ? sql`(select e.person_id from enrollments e where e.id::text = ${id})`
      : sql`${id}::uuid`;
  return sql`((${auditEntries.entity} = 'person' and ${auditEntries.entityId} = (${person})::text)
    or (${auditEntries.entity} = 'household' and ${auditEntries.entityId} = (select p.household_id::text from persons p where p.id = ${person}))
    or (${auditEntries.entity} = 'enrollment' and ${auditEntries.entityId} in (select e.id::text from enrollments e where e.person_id = ${person})))`;
}

/** Every entry a search matches, oldest first, up to `limit` (an extract for a witness). */
export async function entriesMatching(
  db: Executor,
  search: Omit<EntrySearch, "page" | "pageSize">,
  scope: SQL | undefined,
  limit: number,
): Promise<AuditEntryRow[]> {
  const { rows } = await searchEntries(db, { ...search, page: 1, pageSize: limit }, scope);
  return rows.reverse();
}
