import { count, max, type SQL } from "drizzle-orm";
import { auditCheckpoints, auditEntries } from "../audit/schema.ts";
import type { Executor } from "../db/index.ts";
import { enrollments, persons } from "../registry/schema.ts";
import type { EnrollmentStatus } from "../workflow/engine.ts";

/** Applications by status under the caller's enrollment scope (area and agency). */
export async function enrollmentsByStatus(db: Executor, scope: SQL | undefined) {
  const rows = await db
    .select({ status: enrollments.status, n: count() })
    .from(enrollments)
    .where(scope)
    .groupBy(enrollments.status);
  return new Map<EnrollmentStatus, number>(rows.map((r) => [r.status, r.n]));
}

/** Persons by NIK status under the caller's area condition: the same condition the person list applies. */
export async function personsByNikStatus(db: Executor, scope: SQL | undefined) {
  const rows = await db
    .select({ status: persons.nikStatus, n: count() })
    .from(persons)
    .where(scope)
    .groupBy(persons.nikStatus);
  return new Map(rows.map((r) => [r.status, r.n]));
}

export async function personsBy(db: Executor, level: "district" | "village", scope: SQL | undefined) {
  const column = level === "district" ? persons.districtCode : persons.villageCode;
  const rows = await db.select({ code: column, n: count() }).from(persons).where(scope).groupBy(column);
  return new Map(rows.map((r) => [r.code, r.n]));
}

export async function auditTotals(db: Executor, scope: SQL | undefined) {
  const [entries] = await db.select({ n: count() }).from(auditEntries).where(scope);
  const [checkpoints] = await db
    .select({ n: count(), last: max(auditCheckpoints.issuedAt) })
    .from(auditCheckpoints);
  return {
    entries: entries?.n ?? 0,
    checkpoints: checkpoints?.n ?? 0,
    lastCheckpointAt: checkpoints?.last ? new Date(checkpoints.last).toISOString() : null,
  };
}
