/** Signing in and out: password login under throttling, session and bearer authentication, own password. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import { type Actor, auditActor, type Caller } from "./actor.ts";
import { placeKey } from "./area.ts";
import type { Access } from "./deps.ts";
import {
  assertStrongPassword,
  DEMO_PASSWORD,
  dummyPasswordHash,
  hashPassword,
  verifyPassword,
} from "./password.ts";
import type { UserView } from "./schemas.ts";
import * as store from "./store.ts";
import { ACCOUNT_POLICY, ADDRESS_POLICY, recordFailure, retryAfterSeconds } from "./throttle.ts";
import { actorOf, userView } from "./user-views.ts";

/** An officer is signed out after two idle hours and at the latest twelve hours after signing in. */
export const SESSION_IDLE_SECONDS = 2 * 3600;
export const SESSION_MAX_SECONDS = 12 * 3600;
/** last_seen is written at most once a minute per session: reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
export const randomToken = () => randomBytes(32).toString("base64url");
export const TOKEN_PREFIX = "salur_";

export class ThrottledError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("AUTH_THROTTLED", { retryAfterSeconds }, 429);
  }
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
  if (!access.demoMode && input.password === DEMO_PASSWORD) {
    throw new DomainError("AUTH_DEMO_PASSWORD_REFUSED", {}, 401);
  }
  // Each attempt is counted as a failure before its password is checked, in one locked transaction: twenty
  // attempts sent at once are counted one after another, and those past the limit are never evaluated.
  const wait = await access.db.transaction(async (tx) => {
    const states = await store.lockThrottles(tx, [accountKey, addressKey]);
    const wait = Math.max(
      retryAfterSeconds(states.get(accountKey), now),
      retryAfterSeconds(states.get(addressKey), now),
    );
    if (wait > 0) return wait;
    await store.saveThrottle(tx, accountKey, recordFailure(states.get(accountKey), now, ACCOUNT_POLICY));
    await store.saveThrottle(tx, addressKey, recordFailure(states.get(addressKey), now, ADDRESS_POLICY));
    return 0;
  });
  if (wait > 0) throw new ThrottledError(wait);

  const user = await store.findUserByUsername(access.db, username);
  const valid = user?.active
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password)) && false;
  if (!user || !valid) throw new DomainError("AUTH_INVALID", {}, 401);

  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_SECONDS * 1000);
  const actor = actorOf(user);
  await access.db.transaction(async (tx) => {
    await store.clearThrottle(tx, accountKey);
    await store.releaseAttempt(tx, addressKey, ADDRESS_POLICY.maxFailures);
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

/** Whether demo accounts (with the published password) are active: the web app's warning banner. */
export async function demoStatus(access: Access): Promise<{ demoMode: boolean; demoAccounts: number }> {
  return { demoMode: access.demoMode === true, demoAccounts: await store.countActiveDemoUsers(access.db) };
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
  assertStrongPassword(input.newPassword, [row.username, ...row.name.split(/\s+/)], access.placeWords);
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
