/**
 * Public objections (sanggah): anyone may object to a person on a published list while its period runs, with
 * a coded reason and an explanation, without an account. The objection goes to the officials' verification
 * queue; nobody is removed automatically. What the objector leaves as contact is sealed and never shown to the
 * desa, and their address is kept only as a keyed hash inside the rate-limit counter.
 */
import { type Actor, agencyBound, auditActor, type Caller, systemActor } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { OBJECTION_REASONS } from "../workflow/engine.ts";
import { applyTransitions } from "../workflow/service.ts";
import type { Portal } from "./portal.ts";
import * as store from "./store.ts";

export type ObjectionReason = (typeof OBJECTION_REASONS)[number];
export { OBJECTION_REASONS };

export interface ObjectionInput {
  publicationId: string;
  ref: string;
  reasonCode: string;
  reason: string;
  contact: string | null;
  /** The client's address: rate-limited, never stored as such. */
  address: string;
}

export type ObjectionOutcome =
  | { kind: "filed"; id: string }
  | { kind: "closed" }
  | { kind: "not_found" }
  | { kind: "throttled" }
  | { kind: "invalid"; fields: ("reasonCode" | "reason" | "contact")[] };

export function objectionInputProblems(input: Pick<ObjectionInput, "reasonCode" | "reason" | "contact">) {
  const fields: ("reasonCode" | "reason" | "contact")[] = [];
  if (!(OBJECTION_REASONS as readonly string[]).includes(input.reasonCode)) fields.push("reasonCode");
  const reason = input.reason.trim();
  if (reason.length < 10 || reason.length > 2000) fields.push("reason");
  if (input.contact && input.contact.length > 200) fields.push("contact");
  return fields;
}

export async function fileObjection(
  portal: Portal,
  input: ObjectionInput,
  today: string,
  now = new Date(),
): Promise<ObjectionOutcome> {
  const published = portal.cache.get(input.publicationId);
  if (published?.snapshot.kind !== "sanggah") return { kind: "not_found" };
  if (!published.snapshot.entries.some((e) => e.ref === input.ref)) return { kind: "not_found" };
  if (!published.objectionEndsOn || today > published.objectionEndsOn) return { kind: "closed" };
  const fields = objectionInputProblems(input);
  if (fields.length > 0) return { kind: "invalid", fields };
  const { salur } = portal;
  const hour = now.toISOString().slice(0, 13);
  return salur.database.db.transaction(async (tx) => {
    const tries = await store.countAttempt(
      tx,
      `objection:${salur.vault.commitment("client-address", input.address)}`,
      hour,
      new Date(new Date(`${hour}:00:00Z`).getTime() + 3_600_000),
    );
    if (tries > portal.settings.objectionsPerAddressPerHour) return { kind: "throttled" as const };
    const entry = await store.entry(tx, input.publicationId, input.ref);
    if (!entry) return { kind: "not_found" as const };
    const row = await store.insertObjection(tx, {
      publicationId: input.publicationId,
      enrollmentId: entry.enrollmentId,
      agencyId: (await store.publication(tx, input.publicationId))?.agencyId ?? "",
      villageCode: entry.villageCode,
      districtCode: entry.districtCode,
      rt: entry.rt,
      reasonCode: input.reasonCode,
      reason: input.reason.trim(),
      contactCipher: input.contact?.trim() ? salur.vault.seal("phone", input.contact.trim()) : null,
    });
    const actor = systemActor("public (sanggah)", salur.config.regencyCode);
    await salur.audit.append(tx, {
      actor: { ...auditActor(actor), role: "public" },
      action: "objection.file",
      entity: "enrollment",
      entityId: entry.enrollmentId,
      area: placeKey({ code: entry.villageCode, rt: entry.rt }),
      after: { objectionId: row.id, publicationId: input.publicationId, reasonCode: input.reasonCode },
      reason: input.reason.trim(),
    });
    return { kind: "filed" as const, id: row.id };
  });
}

export interface ObjectionListItem {
  id: string;
  publicationId: string;
  enrollmentId: string;
  enrollmentStatus: string;
  enrollmentVersion: number;
  personName: string;
  programName: string;
  periodName: string;
  villageCode: string;
  rt: string | null;
  reasonCode: string;
  reason: string;
  state: "open" | "upheld" | "dismissed";
  createdAt: string;
}

/**
 * Objections an official may see: in their area and (program managers) their agency, newest first, never with
 * the objector's contact. The verification queue builds on this.
 */
export async function listObjectionsFor(
  portal: Portal,
  actor: Actor,
  filter: { state?: "open" | "upheld" | "dismissed"; limit: number; offset: number },
): Promise<{ items: ObjectionListItem[]; total: number }> {
  const { rows, total } = await store.listObjections(portal.salur.database.db, {
    area: actor.area,
    agencyId: agencyBound(actor),
    ...filter,
  });
  return {
    total,
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

export function objectionNotFound(id: string) {
  return new DomainError("NOT_FOUND", { entity: "objection", id }, 404);
}

export interface ObjectionDecision {
  outcome: "upheld" | "dismissed";
  /** Why: read by the auditor and, for an upheld objection, by the applicant asking why they left the list. */
  reason: string;
}

/**
 * An official decides a public objection. Upheld: the application leaves the list through the workflow's own
 * "uphold_objection" step (on the objection's ground), so it is gone from the next published list; dismissed:
 * the application stays. Either way the objection closes and the decision is audited with its reason; the next
 * snapshot of the period counts it, which is how the public learns the outcome without learning who objected.
 */
export async function decideObjection(
  portal: Portal,
  tx: Executor,
  caller: Caller,
  id: string,
  decision: ObjectionDecision,
): Promise<ObjectionListItem> {
  const { salur } = portal;
  const { actor } = caller;
  const filter = { area: actor.area, agencyId: agencyBound(actor), id, limit: 1, offset: 0 };
  const [found] = (await store.listObjections(tx, filter)).rows;
  if (!found) throw objectionNotFound(id);
  if (found.state !== "open")
    throw new DomainError("OBJECTION_ALREADY_DECIDED", { id, state: found.state }, 409);
  const reason = decision.reason.trim();
  if (decision.outcome === "upheld") {
    await applyTransitions(salur.registry, tx, caller, {
      action: "uphold_objection",
      items: [{ id: found.enrollmentId, version: found.enrollmentVersion }],
      reasonCode: found.reasonCode,
      reason,
    });
  }
  if (!(await store.closeObjection(tx, id, decision.outcome)))
    throw new DomainError("OBJECTION_ALREADY_DECIDED", { id, state: "decided" }, 409);
  await salur.audit.append(tx, {
    actor: auditActor(actor),
    action: "objection.decide",
    entity: "enrollment",
    entityId: found.enrollmentId,
    area: placeKey({ code: found.villageCode, rt: found.rt }),
    before: { objectionId: id, state: "open" },
    after: { objectionId: id, state: decision.outcome, reasonCode: found.reasonCode },
    reason,
    requestId: caller.requestId,
  });
  const [after] = (await store.listObjections(tx, filter)).rows;
  const row = after ?? found;
  return { ...row, createdAt: row.createdAt.toISOString() };
}
