import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, recordFailure, retryAfterSeconds, type ThrottleState } from "./throttle.ts";

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 8, 0, 0) + seconds * 1000);

function failures(times: number[]): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (const t of times) state = recordFailure(state, at(t), ACCOUNT_POLICY);
  return state;
}

describe("login throttling", () => {
  it("lets four failures pass and locks the account at the fifth", () => {
    expect(retryAfterSeconds(failures([0, 1, 2, 3]), at(4))).toBe(0);
    expect(retryAfterSeconds(failures([0, 1, 2, 3, 4]), at(4))).toBe(60);
  });

  it("doubles the lock with each further failure, up to the ceiling", () => {
    expect(retryAfterSeconds(failures([0, 1, 2, 3, 4, 70]), at(70))).toBe(120);
    expect(retryAfterSeconds(failures([0, 1, 2, 3, 4, 70, 200]), at(200))).toBe(240);
    const many = failures(Array.from({ length: 40 }, (_, i) => i * 10));
    expect(retryAfterSeconds(many, at(390))).toBe(ACCOUNT_POLICY.maxLockSeconds);
  });

  it("forgets failures older than the window", () => {
    const state = failures([0, 1, 2, 3, 4 + ACCOUNT_POLICY.windowSeconds + 1]);
    expect(state?.failures).toBe(1);
    expect(retryAfterSeconds(state, at(ACCOUNT_POLICY.windowSeconds + 5))).toBe(0);
  });

  it("never locks for longer than the ceiling nor shorter than zero", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        (raw, later) => {
          const times = [...raw].sort((a, b) => a - b);
          const state = failures(times);
          const wait = retryAfterSeconds(state, at((times.at(-1) ?? 0) + later));
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(ACCOUNT_POLICY.maxLockSeconds);
        },
      ),
    );
  });
});
