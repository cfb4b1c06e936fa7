import { and, asc, eq, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import { conflict, DomainError } from "../i18n/domain-error.ts";
import { agencies } from "../registry/schema.ts";
import { apiTokens, duties, loginThrottle, sessions, users } from "./schema.ts";
import type { ThrottleState } from "./throttle.ts";

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;
type UserValues = Omit<typeof users.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">;

const UNIQUE_VIOLATION = "23505";
const pgCode = (error: unknown) =>
  (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  return row ?? null;
}

export async function getUser(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function insertUser(db: Executor, values: UserValues): Promise<UserRow> {
  try {
    const [row] = await db.insert(users).values(values).returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  } catch (error) {
    if (pgCode(error) === UNIQUE_VIOLATION) throw conflict("USERNAME_EXISTS", { username: values.username });
    throw error;
  }
}

/** Optimistic concurrency, as in the registry: the edit applies to the version the admin saw. */
export async function updateUser(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<UserValues>,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning();
  if (row) return row;
  const current = await getUser(db, id);
  if (!current) throw new DomainError("USER_NOT_FOUND", { id }, 404);
  throw conflict("VERSION_CONFLICT", { expected: expectedVersion, actual: current.version });
}

export async function countActiveDemoUsers(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.demo, true), eq(users.active, true)));
  return Number(row?.n ?? 0);
}

export async function listUsers(db: Executor, scope: SQL | undefined): Promise<UserRow[]> {
  return db.select().from(users).where(scope).orderBy(asc(users.username));
}

export async function agencyNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findAgency(db: Executor, idOrCode: { id?: string; code?: string }) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(
      idOrCode.id
        ? eq(agencies.id, idOrCode.id)
        : sql`lower(${agencies.code}) = ${(idOrCode.code ?? "").toLowerCase()}`,
    );
  return row ?? null;
}

// Sessions -----------------------------------------------------------------------------------------------

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(
  db: Executor,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow } | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row ?? null;
}

export async function touchSession(db: Executor, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOf(db: Executor, userId: string, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except ? sql`${sessions.tokenHash} <> ${except}` : undefined));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

// API tokens ---------------------------------------------------------------------------------------------

export async function insertToken(db: Executor, values: typeof apiTokens.$inferInsert): Promise<TokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findToken(
  db: Executor,
  tokenHash: string,
): Promise<{ token: TokenRow; user: UserRow } | null> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row ?? null;
}

export async function getToken(db: Executor, id: string): Promise<{ token: TokenRow; user: UserRow } | null> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.id, id));
  return row ?? null;
}

export async function listTokens(
  db: Executor,
  userScope: SQL | undefined,
): Promise<{ token: TokenRow; user: UserRow }[]> {
  return db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(userScope)
    .orderBy(asc(apiTokens.createdAt));
}

export async function revokeToken(db: Executor, id: string, at: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

export async function touchToken(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

// Login throttling ---------------------------------------------------------------------------------------

/**
 * Locks the throttle rows of `keys` (made first when missing, so there is always a row to lock) in the
 * caller's transaction: concurrent logins, in this process or another, queue here one by one.
 */
export async function lockThrottles(
  tx: Executor,
  keys: readonly string[],
): Promise<Map<string, ThrottleState>> {
  const sorted = [...keys].sort();
  await tx
    .insert(loginThrottle)
    .values(sorted.map((key) => ({ key, failures: 0, lastFailureAt: new Date(0), lockedUntil: null })))
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, sorted))
    .orderBy(asc(loginThrottle.key))
    .for("update");
  return new Map(
    rows.map((r) => [
      r.key,
      { failures: r.failures, lastFailureAt: r.lastFailureAt, lockedUntil: r.lockedUntil },
    ]),
  );
}

export async function saveThrottle(tx: Executor, key: string, state: ThrottleState): Promise<void> {
  await tx.update(loginThrottle).set(state).where(eq(loginThrottle.key, key));
}

/** Gives back the attempt a successful login had claimed on a shared key (an office's address). */
export async function releaseAttempt(tx: Executor, key: string, maxFailures: number): Promise<void> {
  await tx
    .update(loginThrottle)
    .set({
      failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
      lockedUntil: sql`case when ${loginThrottle.failures} - 1 < ${maxFailures} then null else ${loginThrottle.lockedUntil} end`,
    })
    .where(eq(loginThrottle.key, key));
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

// Duties (maker-checker) ---------------------------------------------------------------------------------

export async function dutiesByUser(
  db: Executor,
  object: { entity: string; entityId: string },
  userId: string,
  dutyNames: readonly string[],
): Promise<string[]> {
  if (dutyNames.length === 0) return [];
  const rows = await db
    .select({ duty: duties.duty })
    .from(duties)
    .where(
      and(
        eq(duties.entity, object.entity),
        eq(duties.entityId, object.entityId),
        eq(duties.userId, userId),
        inArray(duties.duty, [...dutyNames]),
      ),
    );
  return rows.map((r) => r.duty);
}

export async function insertDuty(
  db: Executor,
  values: { duty: string; entity: string; entityId: string; userId: string },
): Promise<void> {
  await db.insert(duties).values(values);
}

/** dutiesByUser for many objects of one entity: each object's conflicting duties, by object id. */
export async function dutiesByUserOf(
  db: Executor,
  entity: string,
  entityIds: readonly string[],
  userId: string,
  dutyNames: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (dutyNames.length === 0 || entityIds.length === 0) return out;
  const rows = await db
    .select({ entityId: duties.entityId, duty: duties.duty })
    .from(duties)
    .where(
      and(
        eq(duties.entity, entity),
        eq(duties.userId, userId),
        inArray(duties.duty, [...dutyNames]),
        sql`${duties.entityId} in (select jsonb_array_elements_text(${JSON.stringify(entityIds)}::jsonb))`,
      ),
    );
  for (const row of rows) if (!out.has(row.entityId)) out.set(row.entityId, row.duty);
  return out;
}

/** Rows per statement, sent as one JSON parameter (building thousands of bound parameters costs more). */
const DUTY_BATCH = 5_000;

export async function insertDuties(
  db: Executor,
  values: readonly { duty: string; entity: string; entityId: string; userId: string }[],
): Promise<void> {
  for (let i = 0; i < values.length; i += DUTY_BATCH) {
    await db.execute(sql`insert into ${duties} (duty, entity, entity_id, user_id)
      select duty, entity, "entityId", "userId"
      from jsonb_to_recordset(${JSON.stringify(values.slice(i, i + DUTY_BATCH))}::jsonb)
        as d(duty text, entity text, "entityId" text, "userId" uuid)`);
  }
}
