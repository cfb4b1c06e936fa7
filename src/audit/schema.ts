import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { JsonObject } from "./entry.ts";

/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE, see the audit_guard
 * migration), gapless `seq`, each entry chained to the previous one by hash. Columns hold exactly what is
 * hashed, so the verifier recomputes every hash from the row alone.
 */
export const auditEntries = pgTable(
  "audit_entries",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role").notNull(),
    actorArea: text("actor_area"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    area: text("area"),
    before: jsonb("before").$type<JsonObject>(),
    after: jsonb("after").$type<JsonObject>(),
    reason: text("reason"),
    requestId: text("request_id"),
    prevHash: text("prev_hash").notNull(),
    entryHash: text("entry_hash").notNull(),
    mac: text("mac").notNull(),
  },
  (t) => [
    index("audit_entries_entity_idx").on(t.entity, t.entityId),
    index("audit_entries_area_idx").on(t.area),
    index("audit_entries_actor_idx").on(t.actorId),
  ],
);

export type AuditEntryRow = typeof auditEntries.$inferSelect;

/**
 * The head of the chain, one row, locked FOR UPDATE by every append: appends are serialised across processes,
 * so seq never skips and the chain never forks. `frontier` keeps the Merkle root current in O(log n).
 */
export const auditHead = pgTable(
  "audit_head",
  {
    id: integer("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    headHash: text("head_hash").notNull(),
    frontier: jsonb("frontier").$type<string[]>().notNull(),
  },
  (t) => [check("audit_head_single_row", sql`${t.id} = 1`)],
);

/**
 * Signed checkpoints: `statement` is the canonical JSON that was signed (tree size, Merkle root, chain head,
 * time, event); the other columns repeat it for queries. Append-only like the entries.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: integer("id").primaryKey(),
  treeSize: bigint("tree_size", { mode: "number" }).notNull(),
  rootHash: text("root_hash").notNull(),
  headHash: text("head_hash").notNull(),
  issuedAt: timestamp("issued_at", { withTimezone: true, precision: 3 }).notNull(),
  event: text("event").notNull(),
  keyId: text("key_id").notNull(),
  statement: text("statement").notNull(),
  signature: text("signature").notNull(),
});
