/**
 * Throttling of failed logins, per account and per address: after `maxFailures` failures in a row (none older
 * than `windowSeconds` apart) the key is locked, and each further failure doubles the lock up to a ceiling.
 * Pure: the clock is passed in. The state lives in the login_throttle table, and each attempt claims its
 * failure there under a row lock before its password is checked (src/access/sessions.ts, login).
 *
 * Why hand-written and not @fastify/rate-limit: that plugin counts requests per key in a fixed window, in
 * memory or in Redis. A login throttle needs more: a key from the body (the account, not only the address),
 * a lock that doubles with each further failure, a reset on success, and one shared, atomic count across
 * every Salur process — which PostgreSQL already gives us (there is no Redis on a dinas laptop). A fixed
 * window in memory is exactly what let 20 parallel attempts, or two processes, each see a fresh count.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
  maxLockSeconds: number;
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** Five tries guard one account against guessing while a typo-prone officer is rarely locked out for long. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  lockSeconds: 60,
  maxLockSeconds: 30 * 60,
};
/** An address is allowed more: one dinas office shares one public address behind its router. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  maxFailures: 30,
  windowSeconds: 15 * 60,
  lockSeconds: 5 * 60,
  maxLockSeconds: 60 * 60,
};

export function retryAfterSeconds(state: ThrottleState | null | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export function recordFailure(
  state: ThrottleState | null | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailureAt.getTime() > policy.windowSeconds * 1000;
  const failures = stale ? 1 : state.failures + 1;
  if (failures < policy.maxFailures) return { failures, lastFailureAt: now, lockedUntil: null };
  const doublings = Math.min(failures - policy.maxFailures, 20);
  const seconds = Math.min(policy.lockSeconds * 2 ** doublings, policy.maxLockSeconds);
  return { failures, lastFailureAt: now, lockedUntil: new Date(now.getTime() + seconds * 1000) };
}
