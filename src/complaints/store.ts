import { and, desc, eq, gt, inArray, isNull, notInArray, type SQL, sql } from "drizzle-orm";
import type { AreaScope } from "../access/area.ts";
import { areaCondition } from "../access/area-sql.ts";
import type { Executor } from "../db/index.ts";
import { complaintEvents, complaintPhotos, complaints } from "./schema.ts";

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintEventRow = typeof complaintEvents.$inferSelect;

export async function insertComplaint(
  db: Executor,
  values: typeof complaints.$inferInsert,
): Promise<ComplaintRow> {
  const [row] = await db.insert(complaints).values(values).returning();
  if (!row) throw new Error("complaint insert returned nothing");
  return row;
}

export async function insertEvent(db: Executor, values: typeof complaintEvents.$inferInsert): Promise<void> {
  await db.insert(complaintEvents).values(values);
}

export async function insertPhoto(db: Executor, values: typeof complaintPhotos.$inferInsert): Promise<void> {
  await db.insert(complaintPhotos).values(values);
}

export async function loadComplaint(db: Executor, id: string, lock = false): Promise<ComplaintRow | null> {
  const query = db.select().from(complaints).where(eq(complaints.id, id));
  const [row] = await (lock ? query.for("update") : query);
  return row ?? null;
}

export async function loadByCode(db: Executor, code: string): Promise<ComplaintRow | null> {
  const [row] = await db.select().from(complaints).where(eq(complaints.code, code));
  return row ?? null;
}

export async function updateComplaint(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof complaints.$inferInsert>,
): Promise<ComplaintRow | null> {
  const [row] = await db
    .update(complaints)
    .set({ ...values, version: version + 1 })
    .where(and(eq(complaints.id, id), eq(complaints.version, version)))
    .returning();
  return row ?? null;
}

/** The same text from the same desa (or both without one) since `since`: the duplicate a double tap sends. */
export async function findDuplicate(
  db: Executor,
  textHash: string,
  villageCode: string | null,
  since: Date,
): Promise<ComplaintRow | null> {
  const [row] = await db
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.textHash, textHash),
        villageCode ? eq(complaints.villageCode, villageCode) : isNull(complaints.villageCode),
        gt(complaints.receivedAt, since),
      ),
    )
    .orderBy(complaints.receivedAt)
    .limit(1);
  return row ?? null;
}

export async function countByPhone(db: Executor, phoneIndex: Uint8Array, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(complaints)
    .where(and(eq(complaints.phoneIndex, phoneIndex), gt(complaints.receivedAt, since)));
  return row?.n ?? 0;
}

export async function eventsOf(db: Executor, complaintId: string): Promise<ComplaintEventRow[]> {
  return db
    .select()
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(complaintEvents.at, complaintEvents.id);
}

export async function photosOf(db: Executor, complaintId: string) {
  return db
    .select({
      id: complaintPhotos.id,
      sha256: complaintPhotos.sha256,
      mediaType: complaintPhotos.mediaType,
      size: complaintPhotos.size,
    })
    .from(complaintPhotos)
    .where(eq(complaintPhotos.complaintId, complaintId));
}

export async function photoOf(db: Executor, photoId: string) {
  const [row] = await db.select().from(complaintPhotos).where(eq(complaintPhotos.id, photoId));
  return row ?? null;
}

export interface VisibleFilter {
  scope: AreaScope;
  regencyCode: string;
  /** The caller may read ordinary complaints of their area. */
  ordinary: boolean;
  /** The caller is of the sensitive unit. */
  sensitive: boolean;
}

/**
 * The SQL form of routing.canSee: ordinary complaints of the caller's area for handlers, sensitive ones for the
 * sensitive unit only. A complaint without a desa belongs to the regency.
 */
export function visibleCondition(f: VisibleFilter): SQL {
  const area =
    f.scope.level === "regency" && f.scope.code === f.regencyCode
      ? sql`true`
      : (and(
          sql`${complaints.villageCode} is not null`,
          areaCondition(
            { ...f.scope, level: f.scope.level === "rt" ? "village" : f.scope.level },
            { village: complaints.villageCode },
          ),
        ) as SQL);
  const parts: SQL[] = [];
  if (f.ordinary) parts.push(and(eq(complaints.sensitive, false), area) as SQL);
  if (f.sensitive) parts.push(and(eq(complaints.sensitive, true), area) as SQL);
  if (parts.length === 0) return sql`false`;
  return parts.length === 1 ? (parts[0] as SQL) : sql`(${sql.join(parts, sql` or `)})`;
}

export interface ListFilter {
  stage?: string | undefined;
  category?: string | undefined;
  villageCode?: string | undefined;
  openOnly?: boolean | undefined;
}

export async function listVisible(db: Executor, visible: VisibleFilter, filter: ListFilter, limit: number) {
  const conditions: SQL[] = [visibleCondition(visible)];
  if (filter.stage) conditions.push(eq(complaints.stage, filter.stage));
  if (filter.category) conditions.push(eq(complaints.category, filter.category));
  if (filter.villageCode) conditions.push(eq(complaints.villageCode, filter.villageCode));
  if (filter.openOnly) conditions.push(notInArray(complaints.stage, ["resolved", "closed"]));
  return db
    .select()
    .from(complaints)
    .where(and(...conditions))
    .orderBy(desc(complaints.receivedAt))
    .limit(limit);
}

export async function openComplaints(db: Executor): Promise<ComplaintRow[]> {
  return db
    .select()
    .from(complaints)
    .where(notInArray(complaints.stage, ["resolved", "closed"]));
}

export async function allForStatistics(db: Executor, visible: VisibleFilter | null) {
  return db
    .select({
      category: complaints.category,
      stage: complaints.stage,
      villageCode: complaints.villageCode,
      districtCode: complaints.districtCode,
      receivedAt: complaints.receivedAt,
      resolvedAt: complaints.resolvedAt,
      slaPausedDays: complaints.slaPausedDays,
      waitingSince: complaints.waitingSince,
    })
    .from(complaints)
    .where(visible ? visibleCondition(visible) : sql`true`);
}

export { inArray };
