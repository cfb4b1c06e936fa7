/** Maker-checker: who performed which duty on an object, and the refusal when one user would do both halves. */
import { sql } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Actor } from "./actor.ts";
import { conflictingDuties, DUTY_PAIRS, type Duty, type DutyPair } from "./duties.ts";
import * as store from "./store.ts";

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
 * Records that a user performed a duty on an object without refusing anything: editing the facts of a
 * submitted application is the maker's half, so the editor may not perform the checker's half (verify) after.
 */
export async function recordDuty(
  tx: Executor,
  input: { duty: Duty; entity: string; entityIds: readonly string[]; actor: Actor },
): Promise<void> {
  const { actor } = input;
  if (!actor.userId) return;
  for (const entityId of input.entityIds) {
    await store.insertDuty(tx, { duty: input.duty, entity: input.entity, entityId, userId: actor.userId });
  }
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
