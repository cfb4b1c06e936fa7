/**
 * The review queue: each value the civil registry holds differently (name, birth date, sex, KK, address) is
 * decided by one official — take the registry's value or keep ours, with a reason — and approved by another
 * (the propose_correction/approve_correction pair of src/access). An accepted value is applied through the
 * registry's own person edit, so its checks, identity lock and audit entry apply as at the desk.
 */
import { auditActor, type Caller } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { performDuty } from "../access/maker-checker.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { openBound } from "../privacy/vault.ts";
import { discloseBirthDate, discloseIdNumber, disclosureFor } from "../registry/persons.ts";
import { updatePersonIn } from "../registry/service.ts";
import type { ReviewDecision, ReviewState } from "./codes.ts";
import { assertCan, type CivilRegistry, seesArea } from "./context.ts";
import type { ReviewRow } from "./schema.ts";
import * as store from "./store.ts";

const REVIEW_ENTITY = "civil_registry_review";

export const reviewNotFound = (id: string) => new DomainError("CIVIL_REGISTRY_REVIEW_NOT_FOUND", { id }, 404);

export async function listReviews(
  cr: CivilRegistry,
  caller: Caller,
  query: { states: readonly ReviewState[]; limit: number; offset: number },
) {
  const { actor } = caller;
  assertCan(actor, "civil_registry.review");
  const disclosure = disclosureFor(actor);
  const { rows, total } = await store.listReviews(cr.db, actor.area, query.states, query.limit, query.offset);
  return {
    total,
    items: rows.map(({ review, person, result }) => {
      const ours = (() => {
        switch (review.field) {
          case "name":
            return person.name;
          case "birth_date":
            return discloseBirthDate(person.birthDate, disclosure);
          case "sex":
            return person.sex;
          case "address":
            return person.address;
          case "kk": {
            const kk = openBound(cr.env.vault, "kk", person.kkCipher, person.kkIndex);
            return kk ? discloseIdNumber(kk, disclosure) : null;
          }
        }
      })();
      const theirs =
        review.field === "kk"
          ? result.registryKkCipher
            ? discloseIdNumber(cr.env.vault.open("kk", result.registryKkCipher), disclosure)
            : null
          : review.field === "birth_date"
            ? discloseBirthDate(review.registryValue, disclosure)
            : review.registryValue;
      return {
        id: review.id,
        version: review.version,
        person: {
          id: person.id,
          villageCode: person.villageCode,
          name: person.name,
          village: cr.env.regions.get(person.villageCode)?.name ?? person.villageCode,
        },
        field: review.field,
        ours,
        registry: theirs,
        status: result.status,
        checkedOn: result.checkedOn,
        state: review.state,
        decision: review.decision,
        reason: review.reason,
        decidedBy: review.decidedBy,
        decidedAt: review.decidedAt?.toISOString() ?? null,
      };
    }),
  };
}

async function visibleReview(tx: Parameters<typeof store.getReview>[0], caller: Caller, id: string) {
  const review = await store.getReview(tx, id, true);
  if (!review || !seesArea(caller.actor, review.villageCode)) throw reviewNotFound(id);
  return review;
}

function stale(review: ReviewRow, version: number) {
  return new DomainError(
    "CIVIL_REGISTRY_REVIEW_CONFLICT",
    { expected: version, actual: review.version, state: review.state },
    409,
  );
}

/** The first official's decision: the registry's value or ours, and why. */
export async function decideReview(
  cr: CivilRegistry,
  caller: Caller,
  id: string,
  input: { decision: ReviewDecision; reason: string; version: number },
) {
  const { actor } = caller;
  assertCan(actor, "civil_registry.review");
  return cr.db.transaction(async (tx) => {
    const review = await visibleReview(tx, caller, id);
    if (review.version !== input.version) throw stale(review, input.version);
    if (review.state !== "open" && review.state !== "proposed")
      throw new DomainError("CIVIL_REGISTRY_REVIEW_CLOSED", { state: review.state }, 409);
    await performDuty(tx, { duty: "propose_correction", entity: REVIEW_ENTITY, entityId: review.id, actor });
    const updated = await store.updateReview(tx, review.id, review.version, {
      state: "proposed",
      decision: input.decision,
      reason: input.reason.trim(),
      decidedBy: actor.userId,
      decidedAt: new Date(),
    });
    if (!updated) throw stale(review, input.version);
    await cr.audit.append(tx, {
      actor: auditActor(actor),
      action: "civil_registry.review_decide",
      entity: REVIEW_ENTITY,
      entityId: review.id,
      area: placeKey({ code: review.villageCode, rt: null }),
      before: { state: review.state },
      after: { state: "proposed", field: review.field, decision: input.decision, personId: review.personId },
      reason: input.reason.trim(),
      requestId: caller.requestId,
    });
    return { id: updated.id, state: updated.state, version: updated.version };
  });
}

/**
 * The second official's approval. Accepting the registry's value edits the person through the registry in the
 * same transaction: a refusal there (an identity locked by a decided application) leaves the review proposed.
 */
export async function approveReview(
  cr: CivilRegistry,
  caller: Caller,
  id: string,
  input: { version: number },
) {
  const { actor } = caller;
  assertCan(actor, "civil_registry.review");
  return cr.db.transaction(async (tx) => {
    const review = await visibleReview(tx, caller, id);
    if (review.version !== input.version) throw stale(review, input.version);
    if (review.state !== "proposed" || !review.decision)
      throw new DomainError("CIVIL_REGISTRY_REVIEW_NOT_PROPOSED", { state: review.state }, 409);
    await performDuty(tx, { duty: "approve_correction", entity: REVIEW_ENTITY, entityId: review.id, actor });
    const state: ReviewState = review.decision === "accept_registry" ? "accepted" : "kept";
    if (state === "accepted") {
      const result = await store.getResult(tx, review.resultId);
      const person = (await store.personsByIds(tx, [review.personId])).get(review.personId);
      if (!result || !person) throw reviewNotFound(id);
      const value =
        review.field === "kk"
          ? result.registryKkCipher
            ? cr.env.vault.open("kk", result.registryKkCipher)
            : null
          : review.registryValue;
      const patch = {
        name: { name: value ?? person.name },
        birth_date: { birthDate: value },
        sex: { sex: value === "L" ? ("L" as const) : ("P" as const) },
        kk: { kk: value },
        address: { address: value },
      }[review.field];
      await updatePersonIn(cr, tx, caller, review.personId, {
        ...patch,
        version: person.version,
        reason: `Dukcapil: ${review.reason ?? ""}`.trim(),
      });
    }
    const updated = await store.updateReview(tx, review.id, review.version, {
      state,
      approvedBy: actor.userId,
      approvedAt: new Date(),
    });
    if (!updated) throw stale(review, input.version);
    await cr.audit.append(tx, {
      actor: auditActor(actor),
      action: "civil_registry.review_approve",
      entity: REVIEW_ENTITY,
      entityId: review.id,
      area: placeKey({ code: review.villageCode, rt: null }),
      before: { state: review.state },
      after: { state, field: review.field, decision: review.decision, personId: review.personId },
      reason: review.reason,
      requestId: caller.requestId,
    });
    return { id: updated.id, state: updated.state, version: updated.version };
  });
}
