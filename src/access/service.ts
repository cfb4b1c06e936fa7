import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Json } from "../audit/entry.ts";
import type { AuditLog } from "../audit/log.ts";
import type { Database, Executor } from "../db/index.ts";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import { type Actor, auditActor, type Caller, sees } from "./actor.ts";
import { type AreaScope, areaScope, areaWithin, placeKey } from "./area.ts";
import { areaCondition } from "./area-sql.ts";
import { conflictingDuties, DUTY_PAIRS, type Duty, type DutyPair } from "./duties.ts";
import { assertStrongPassword, dummyPasswordHash, hashPassword, verifyPassword } from "./password.ts";
import { type Action, actionsOf, isAction } from "./permissions.ts";
import type { Role } from "./roles.ts";
import { users } from "./schema.ts";
import type { TokenInput, UserInput, UserUpdate, UserView } from "./schemas.ts";
import * as store from "./store.ts";
import { ACCOUNT_POLICY, ADDRESS_POLICY, recordFailure, retryAfterSeconds } from "./throttle.ts";

/** Everything the access use cases need; opened once by the runtime. */
export interface Access {
  db: Database;
  audit: AuditLog;
  regions: { get(code: string): { code: string; name: string } | undefined };
  regencyCode: string;
  clock: () => Date;
}

/** An officer is signed out after two idle hours and at the latest twelve hours after signing in. */
export const SESSION_IDLE_SECONDS = 2 * 3600;
export const SESSION_MAX_SECONDS = 12 * 3600;
/** last_seen is written at most once a minute per session: reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const randomToken = () => randomBytes(32).toString("base64url");
export const TOKEN_PREFIX = "salur_";

export class ThrottledError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("AUTH_THROTTLED", { retryAfterSeconds }, 429);
  }
}

// Views --------------------------------------------------------------------------------------------------

export function userScope(row: store.UserRow): AreaScope {
  const scope = areaScope(row.areaCode, row.areaRt);
  if (!scope) throw new Error(`user ${row.id} has a malformed area ${row.areaCode}`);
  return scope;
}

function areaView(access: Access, scope: AreaScope) {
  const name = access.regions.get(scope.code)?.name ?? scope.code;
  return {
    level: scope.level,
    code: scope.code,
    name: scope.rt ? `RT ${scope.rt}, ${name}` : name,
    ...(scope.rt ? { rt: scope.rt } : {}),
  };
}

export async function userViews(
  access: Access,
  db: Executor,
  rows: readonly store.UserRow[],
): Promise<UserView[]> {
  const names = await store.agencyNames(db, [
    ...new Set(rows.flatMap((r) => (r.agencyId ? [r.agencyId] : []))),
  ]);
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    area: areaView(access, userScope(row)),
    agencyId: row.agencyId,
    agencyName: row.agencyId ? (names.get(row.agencyId) ?? null) : null,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
}

async function userView(access: Access, db: Executor, row: store.UserRow): Promise<UserView> {
  const [view] = await userViews(access, db, [row]);
  if (!view) throw new Error("no view");
  return view;
}

export function actorOf(row: store.UserRow, token?: store.TokenRow): Actor {
  return {
    kind: token ? "token" : "user",
    userId: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    area: userScope(row),
    agencyId: row.agencyId,
    scopes: token ? token.scopes.filter(isAction) : null,
    tokenId: token?.id ?? null,
  };
}

function userRecord(row: store.UserRow): Record<string, Json> {
  return {
    username: row.username,
    name: row.name,
    role: row.role,
    area: placeKey({ code: row.areaCode, rt: row.areaRt }),
    agencyId: row.agencyId,
    active: row.active,
  };
}

// Login, sessions, tokens --------------------------------------------------------------------------------

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserView;
}

/**
 * One answer for an unknown user and a wrong password (AUTH_INVALID), with the same argon2 work, so the
 * login form does not reveal which usernames exist. Throttled per account and per address before any check.
 */
export async function login(
  access: Access,
  input: {
    username: string;
    password: string;
    address: string;
    userAgent: string | null;
    requestId: string | null;
  },
): Promise<LoginResult> {
  const now = access.clock();
  const username = input.username.trim().toLowerCase();
  const accountKey = `account:${username}`;
  const addressKey = `address:${input.address}`;
  const states = await store.throttleStates(access.db, [accountKey, addressKey]);
  const wait = Math.max(
    retryAfterSeconds(states.get(accountKey), now),
    retryAfterSeconds(states.get(addressKey), now),
  );
  if (wait > 0) throw new ThrottledError(wait);

  const user = await store.findUserByUsername(access.db, username);
  const valid = user?.active
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password)) && false;
  if (!user || !valid) {
    await access.db.transaction(async (tx) => {
      await store.updateThrottle(tx, accountKey, (s) => recordFailure(s, now, ACCOUNT_POLICY));
      await store.updateThrottle(tx, addressKey, (s) => recordFailure(s, now, ADDRESS_POLICY));
    });
    throw new DomainError("AUTH_INVALID", {}, 401);
  }

  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_SECONDS * 1000);
  const actor = actorOf(user);
  await access.db.transaction(async (tx) => {
    await store.clearThrottle(tx, accountKey);
    await store.deleteExpiredSessions(tx, now);
    await store.insertSession(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      lastSeenAt: now,
      expiresAt,
      address: input.address,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await access.audit.append(tx, {
      actor: auditActor(actor),
      action: "auth.login",
      entity: "user",
      entityId: user.id,
      area: placeKey({ code: user.areaCode, rt: user.areaRt }),
      after: { address: input.address },
      requestId: input.requestId,
    });
  });
  return { token, csrfToken, expiresAt, user: await userView(access, access.db, user) };
}

export interface Authenticated {
  actor: Actor;
  via: "session" | "token";
  /** Sessions only: the CSRF token writes must echo, and the hash that names the session. */
  csrfToken: string | null;
  sessionHash: string | null;
}

export async function authenticateSession(access: Access, token: string): Promise<Authenticated | null> {
  const now = access.clock();
  const tokenHash = sha256(token);
  const found = await store.findSession(access.db, tokenHash);
  if (!found) return null;
  const { session, user } = found;
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_SECONDS * 1000;
  if (!user.active || idle || session.expiresAt <= now) {
    await store.deleteSession(access.db, tokenHash);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
    await store.touchSession(access.db, tokenHash, now);
  return { actor: actorOf(user), via: "session", csrfToken: session.csrfToken, sessionHash: tokenHash };
}

export async function authenticateBearer(access: Access, bearer: string): Promise<Authenticated | null> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return null;
  const now = access.clock();
  const found = await store.findToken(access.db, sha256(bearer));
  if (!found) return null;
  const { token, user } = found;
  if (!user.active || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await store.touchToken(access.db, token.id, now);
  }
  return { actor: actorOf(user, token), via: "token", csrfToken: null, sessionHash: null };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(access: Access, caller: Caller, sessionHash: string): Promise<void> {
  await access.db.transaction(async (tx) => {
    await store.deleteSession(tx, sessionHash);
    await access.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "auth.logout",
      entity: "user",
      entityId: caller.actor.userId,
      area: placeKey({ code: caller.actor.area.code, rt: caller.actor.area.rt }),
      requestId: caller.requestId,
    });
  });
}

export async function currentUser(access: Access, actor: Actor): Promise<UserView> {
  if (!actor.userId) throw new DomainError("AUTH_REQUIRED", {}, 401);
  const row = await store.getUser(access.db, actor.userId);
  if (!row) throw new DomainError("AUTH_REQUIRED", {}, 401);
  return userView(access, access.db, row);
}

export async function changePassword(
  access: Access,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
  sessionHash: string | null,
): Promise<void> {
  const { actor } = caller;
  if (!actor.userId) throw new DomainError("AUTH_REQUIRED", {}, 401);
  const row = await store.getUser(access.db, actor.userId);
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new ValidationFailed([{ field: "currentPassword", code: "PASSWORD_WRONG" }]);
  }
  assertStrongPassword(input.newPassword, [row.username, ...row.name.split(/\s+/)]);
  const passwordHash = await hashPassword(input.newPassword);
  await access.db.transaction(async (tx) => {
    const updated = await store.updateUser(tx, row.id, row.version, { passwordHash });
    // Other devices signed in with the old password are signed out.
    await store.deleteSessionsOf(tx, row.id, sessionHash ?? undefined);
    await access.audit.append(tx, {
      actor: auditActor(actor),
      action: "user.password_change",
      entity: "user",
      entityId: row.id,
      area: placeKey({ code: updated.areaCode, rt: updated.areaRt }),
      after: { passwordChanged: true },
      requestId: caller.requestId,
    });
  });
}

// Users --------------------------------------------------------------------------------------------------

const LEVEL_OF_ROLE: Partial<Record<Role, AreaScope["level"]>> = {
  rt: "rt",
  village_operator: "village",
  kecamatan_officer: "district",
};

/** Checks an account's area and agency against the deployment, the role and the admin's own area. */
async function checkAccountScope(
  access: Access,
  db: Executor,
  actor: Actor,
  input: { role: Role; areaCode: string; rt: string | null; agencyId: string | null },
): Promise<AreaScope> {
  const scope = areaScope(input.areaCode, input.rt);
  const inRegency =
    input.areaCode === access.regencyCode || input.areaCode.startsWith(`${access.regencyCode}.`);
  if (!scope || !access.regions.get(input.areaCode) || !inRegency) {
    throw new ValidationFailed([
      { field: "areaCode", code: "AREA_INVALID", params: { code: input.areaCode } },
    ]);
  }
  const level = LEVEL_OF_ROLE[input.role];
  if (level && scope.level !== level) {
    throw new ValidationFailed([
      { field: "areaCode", code: "AREA_ROLE_MISMATCH", params: { role: input.role, level } },
    ]);
  }
  if (!areaWithin(scope, actor.area)) throw new DomainError("AREA_FORBIDDEN", { area: placeKey(scope) }, 403);
  if (input.role === "program_manager") {
    if (!input.agencyId) throw new ValidationFailed([{ field: "agencyId", code: "AGENCY_REQUIRED" }]);
    if (!(await store.findAgency(db, { id: input.agencyId }))) {
      throw new ValidationFailed([
        { field: "agencyId", code: "AGENCY_NOT_FOUND", params: { id: input.agencyId } },
      ]);
    }
  } else if (input.agencyId) {
    throw new ValidationFailed([{ field: "agencyId", code: "AGENCY_NOT_ALLOWED" }]);
  }
  return scope;
}

export async function createUser(
  access: Access,
  caller: Caller,
  input: UserInput,
  options: { checkStrength?: boolean } = {},
): Promise<UserView> {
  const rt = input.rt ?? null;
  const agencyId = input.agencyId ?? null;
  await checkAccountScope(access, access.db, caller.actor, {
    role: input.role,
    areaCode: input.areaCode,
    rt,
    agencyId,
  });
  if (options.checkStrength !== false)
    assertStrongPassword(input.password, [input.username, ...input.name.split(/\s+/)]);
  const passwordHash = await hashPassword(input.password);
  return access.db.transaction(async (tx) => {
    const row = await store.insertUser(tx, {
      username: input.username,
      name: input.name,
      role: input.role,
      areaCode: input.areaCode,
      areaRt: rt,
      agencyId,
      passwordHash,
    });
    await access.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "user.create",
      entity: "user",
      entityId: row.id,
      area: placeKey({ code: row.areaCode, rt: row.areaRt }),
      after: userRecord(row),
      requestId: caller.requestId,
    });
    return userView(access, tx, row);
  });
}

/** An account outside the admin's area is invisible, as any record is. */
async function visibleUser(db: Executor, actor: Actor, id: string): Promise<store.UserRow> {
  const row = await store.getUser(db, id);
  if (!row || !sees(actor, { code: row.areaCode, rt: row.areaRt }))
    throw new DomainError("USER_NOT_FOUND", { id }, 404);
  return row;
}

export async function updateUser(
  access: Access,
  caller: Caller,
  id: string,
  patch: UserUpdate,
): Promise<UserView> {
  const { actor } = caller;
  const current = await visibleUser(access.db, actor, id);
  const role = patch.role ?? current.role;
  const areaCode = patch.areaCode ?? current.areaCode;
  const rt = patch.rt !== undefined ? patch.rt : patch.areaCode !== undefined ? null : current.areaRt;
  const agencyId =
    patch.agencyId !== undefined ? patch.agencyId : role === "program_manager" ? current.agencyId : null;
  const active = patch.active ?? current.active;
  if (current.id === actor.userId && (!active || role !== current.role)) {
    throw new DomainError("USER_SELF_LOCKOUT", {}, 409);
  }
  await checkAccountScope(access, access.db, actor, { role, areaCode, rt, agencyId });
  const name = patch.name ?? current.name;
  if (patch.password !== undefined)
    assertStrongPassword(patch.password, [current.username, ...name.split(/\s+/)]);
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  return access.db.transaction(async (tx) => {
    const row = await store.updateUser(tx, id, patch.version, {
      name,
      role,
      areaCode,
      areaRt: rt,
      agencyId,
      active,
      ...(passwordHash ? { passwordHash } : {}),
    });
    if (!row.active || passwordHash) await store.deleteSessionsOf(tx, row.id);
    const before = userRecord(current);
    const after = userRecord(row);
    const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    await access.audit.append(tx, {
      actor: auditActor(actor),
      action: "user.update",
      entity: "user",
      entityId: row.id,
      area: placeKey({ code: row.areaCode, rt: row.areaRt }),
      before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
      after: {
        ...Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
        ...(passwordHash ? { passwordChanged: true } : {}),
      },
      reason: patch.reason ?? null,
      requestId: caller.requestId,
    });
    return userView(access, tx, row);
  });
}

export async function listUsers(access: Access, caller: Caller): Promise<UserView[]> {
  const rows = await store.listUsers(
    access.db,
    areaCondition(caller.actor.area, { village: users.areaCode, rt: users.areaRt }),
  );
  // The SQL prefix test cannot see a regency- or kecamatan-level account inside a kecamatan; filter exactly here.
  const visible = rows.filter((r) => sees(caller.actor, { code: r.areaCode, rt: r.areaRt }));
  return userViews(access, access.db, visible);
}

export async function listAllUsers(access: Access): Promise<UserView[]> {
  return userViews(access, access.db, await store.listUsers(access.db, undefined));
}

// API tokens ---------------------------------------------------------------------------------------------

export async function createToken(access: Access, caller: Caller, input: TokenInput) {
  const now = access.clock();
  const user = await visibleUser(access.db, caller.actor, input.userId);
  const allowed = new Set<Action>(actionsOf(user.role));
  for (const scope of input.scopes) {
    if (!isAction(scope) || !allowed.has(scope)) {
      throw new ValidationFailed([
        { field: "scopes", code: "TOKEN_SCOPE_INVALID", params: { scope, role: user.role } },
      ]);
    }
  }
  const secret = `${TOKEN_PREFIX}${randomToken()}`;
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  return access.db.transaction(async (tx) => {
    const row = await store.insertToken(tx, {
      userId: user.id,
      name: input.name,
      tokenHash: sha256(secret),
      scopes: [...input.scopes],
      expiresAt,
      createdBy: caller.actor.userId,
    });
    await access.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "token.create",
      entity: "api_token",
      entityId: row.id,
      area: placeKey({ code: user.areaCode, rt: user.areaRt }),
      after: { name: row.name, userId: user.id, scopes: row.scopes, expiresAt: expiresAt.toISOString() },
      requestId: caller.requestId,
    });
    return { token: secret, ...tokenView(row, user) };
  });
}

export function tokenView(token: store.TokenRow, user: store.UserRow) {
  return {
    id: token.id,
    name: token.name,
    userId: user.id,
    username: user.username,
    scopes: token.scopes,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}

export async function listTokens(access: Access, caller: Caller) {
  const rows = await store.listTokens(
    access.db,
    areaCondition(caller.actor.area, { village: users.areaCode, rt: users.areaRt }),
  );
  return rows
    .filter((r) => sees(caller.actor, { code: r.user.areaCode, rt: r.user.areaRt }))
    .map((r) => tokenView(r.token, r.user));
}

export async function revokeToken(access: Access, caller: Caller, id: string): Promise<void> {
  const found = await store.getToken(access.db, id);
  if (!found || !sees(caller.actor, { code: found.user.areaCode, rt: found.user.areaRt })) {
    throw new DomainError("TOKEN_NOT_FOUND", { id }, 404);
  }
  await access.db.transaction(async (tx) => {
    await store.revokeToken(tx, id, access.clock());
    await access.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "token.revoke",
      entity: "api_token",
      entityId: id,
      area: placeKey({ code: found.user.areaCode, rt: found.user.areaRt }),
      requestId: caller.requestId,
    });
  });
}

// Maker-checker ------------------------------------------------------------------------------------------

/**
 * Records that `actor` performs `duty` on an object, refusing when the same user performed the other duty of
 * a configured pair. Call it inside the transaction that performs the duty: the per-object advisory lock makes
 * a concurrent pair of requests queue, so the second one sees the first's duty and is refused.
 */
export async function performDuty(
  tx: Executor,
  input: { duty: Duty; entity: string; entityId: string; actor: Actor },
  pairs: readonly DutyPair[] = DUTY_PAIRS,
): Promise<void> {
  const { actor } = input;
  if (!actor.userId) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`duty:${input.entity}:${input.entityId}`}))`);
  const performed = await store.dutiesByUser(tx, input, actor.userId, conflictingDuties(input.duty, pairs));
  if (performed.length > 0) {
    throw new DomainError("MAKER_CHECKER_CONFLICT", { duty: input.duty, performed: performed[0] ?? "" }, 403);
  }
  await store.insertDuty(tx, {
    duty: input.duty,
    entity: input.entity,
    entityId: input.entityId,
    userId: actor.userId,
  });
}

/**
 * performDuty for many objects of one entity at once (a selection run's thousands of enrollments): one read,
 * one insert, refused at the first object, in the given order, the user performed the other duty of a pair on.
 * It takes no per-object advisory lock — thousands would overflow PostgreSQL's shared lock table — so the
 * caller must already hold a lock that serialises writers of each object (the workflow's row lock from the
 * status update it just made).
 */
export async function performDuties(
  tx: Executor,
  input: { duty: Duty; entity: string; entityIds: readonly string[]; actor: Actor },
  pairs: readonly DutyPair[] = DUTY_PAIRS,
): Promise<void> {
  const { actor } = input;
  if (!actor.userId || input.entityIds.length === 0) return;
  const performed = await store.dutiesByUserOf(
    tx,
    input.entity,
    input.entityIds,
    actor.userId,
    conflictingDuties(input.duty, pairs),
  );
  const first = input.entityIds.find((id) => performed.has(id));
  if (first !== undefined) {
    throw new DomainError(
      "MAKER_CHECKER_CONFLICT",
      { duty: input.duty, performed: performed.get(first) ?? "", id: first },
      403,
    );
  }
  const userId = actor.userId;
  await store.insertDuties(
    tx,
    input.entityIds.map((entityId) => ({ duty: input.duty, entity: input.entity, entityId, userId })),
  );
}
