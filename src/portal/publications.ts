/**
 * Publishing (maker-checker): one official prepares a publication — the snapshot is built, canonicalised and
 * hashed then — and another approves exactly that hash. Approving a sanggah list moves its enrollments from
 * "selected" to "published" through the workflow in one batch, in the same transaction as the approval and
 * its audit entry; an enrollment that moved since the preparation makes the approval fail (prepare again).
 */
import { auditActor, type Caller, seesAgency } from "../access/actor.ts";
import { performDuty } from "../access/maker-checker.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { applyTransitions } from "../workflow/service.ts";
import { DEFAULT_NAME_POLICY, type NamePolicy } from "./names.ts";
import type { Portal } from "./portal.ts";
import { buildSnapshot, canonicalSnapshot, LISTED_STATUSES, type PublicationKind } from "./snapshot.ts";
import * as store from "./store.ts";

export interface PrepareInput {
  periodId: string;
  kind: PublicationKind;
  namePolicy?: NamePolicy | undefined;
  /** Days the public may object after approval (sanggah lists only). */
  objectionDays?: number | undefined;
}

export interface PublicationSummary {
  id: string;
  kind: PublicationKind;
  state: "prepared" | "published" | "discarded";
  sha256: string;
  entries: number;
  preparedAt: string;
  publishedAt: string | null;
  objectionEndsOn: string | null;
}

const DEFAULT_OBJECTION_DAYS = 7;

function summary(row: store.PublicationRow, entries: number): PublicationSummary {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    sha256: row.sha256,
    entries,
    preparedAt: row.preparedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    objectionEndsOn: row.objectionEndsOn,
  };
}

export async function preparePublicationIn(
  portal: Portal,
  tx: Executor,
  caller: Caller,
  input: PrepareInput,
  now: Date,
): Promise<PublicationSummary> {
  const { salur } = portal;
  const period = await store.periodWithProgram(tx, input.periodId);
  if (!period || !seesAgency(caller.actor, period.agencyId))
    throw new DomainError("NOT_FOUND", { entity: "period", id: input.periodId }, 404);
  const listed = await store.listedEnrollments(tx, input.periodId, LISTED_STATUSES[input.kind]);
  if (input.kind !== "statistics" && listed.length === 0)
    throw new DomainError("PUBLICATION_LIST_EMPTY", { kind: input.kind }, 422);
  const regencyCode = salur.config.regencyCode;
  const snapshot = buildSnapshot({
    kind: input.kind,
    regency: { code: regencyCode, name: salur.regions.get(regencyCode)?.name ?? regencyCode },
    program: {
      code: period.programCode,
      name: period.programName,
      agency: period.agencyName,
      kind: period.kind,
      target: period.target,
      amountPerRecipient: period.amountPerRecipient,
      budget: period.budget,
      quota: period.quota,
    },
    period: { name: period.periodName, startsOn: period.startsOn, endsOn: period.endsOn },
    preparedAt: now.toISOString(),
    namePolicy: input.namePolicy ?? DEFAULT_NAME_POLICY,
    objectionDays: input.kind === "sanggah" ? (input.objectionDays ?? DEFAULT_OBJECTION_DAYS) : null,
    villages: salur.regions.districtsOf(regencyCode).flatMap((d) =>
      salur.regions.children(d.code).map((v) => ({
        code: v.code,
        name: v.name,
        districtCode: d.code,
        districtName: d.name,
      })),
    ),
    statusCounts: await store.statusCounts(tx, input.periodId),
    objectionCounts: await store.objectionCounts(tx, input.periodId),
    receiptTotals: await store.receiptTotals(tx, input.periodId),
    listed,
  });
  const { json, sha256 } = canonicalSnapshot(snapshot);
  const row = await store.insertPublication(tx, {
    kind: input.kind,
    programId: period.programId,
    periodId: period.periodId,
    agencyId: period.agencyId,
    snapshot: json,
    sha256,
    preparedBy: caller.actor.userId,
    preparedAt: now,
  });
  await store.insertEntries(
    tx,
    listed.map((e) => ({
      publicationId: row.id,
      ref: e.ref,
      enrollmentId: e.enrollmentId,
      enrollmentVersion: e.version,
    })),
  );
  await performDuty(tx, {
    duty: "prepare_publication",
    entity: "publication",
    entityId: row.id,
    actor: caller.actor,
  });
  await salur.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "publication.prepare",
    entity: "publication",
    entityId: row.id,
    area: null,
    after: { kind: input.kind, periodId: input.periodId, sha256, entries: listed.length },
    requestId: caller.requestId,
  });
  return summary(row, listed.length);
}

async function visiblePrepared(tx: Executor, caller: Caller, id: string): Promise<store.PublicationRow> {
  const row = await store.lockPublication(tx, id);
  if (!row || !seesAgency(caller.actor, row.agencyId))
    throw new DomainError("NOT_FOUND", { entity: "publication", id }, 404);
  if (row.state !== "prepared")
    throw new DomainError("PUBLICATION_NOT_PREPARED", { id, state: row.state }, 409);
  return row;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function approvePublicationIn(
  portal: Portal,
  tx: Executor,
  caller: Caller,
  input: { id: string; sha256: string },
  today: string,
): Promise<PublicationSummary> {
  const { salur } = portal;
  const row = await visiblePrepared(tx, caller, input.id);
  // The checker approves what they saw: a hash that differs means another snapshot than the one reviewed.
  if (row.sha256 !== input.sha256) throw new DomainError("PUBLICATION_HASH_MISMATCH", { id: row.id }, 409);
  await performDuty(tx, {
    duty: "approve_publication",
    entity: "publication",
    entityId: row.id,
    actor: caller.actor,
  });
  const entries = await store.entriesOf(tx, row.id);
  if (row.kind === "sanggah") {
    await applyTransitions(salur.registry, tx, caller, {
      action: "publish",
      items: entries.map((e) => ({ id: e.enrollmentId, version: e.version })),
    });
  }
  const snapshotDays = (JSON.parse(row.snapshot) as { objectionDays: number | null }).objectionDays;
  const published = await store.markPublished(tx, row.id, {
    publishedBy: caller.actor.userId,
    objectionEndsOn: row.kind === "sanggah" ? addDays(today, snapshotDays ?? DEFAULT_OBJECTION_DAYS) : null,
  });
  if (!published) throw new DomainError("PUBLICATION_NOT_PREPARED", { id: row.id, state: row.state }, 409);
  await salur.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "publication.approve",
    entity: "publication",
    entityId: row.id,
    area: null,
    before: { state: "prepared" },
    after: {
      state: "published",
      sha256: row.sha256,
      entries: entries.length,
      objectionEndsOn: published.objectionEndsOn,
    },
    requestId: caller.requestId,
  });
  return summary(published, entries.length);
}

export async function discardPublicationIn(
  portal: Portal,
  tx: Executor,
  caller: Caller,
  input: { id: string; reason: string },
): Promise<void> {
  const row = await visiblePrepared(tx, caller, input.id);
  await store.discard(tx, row.id);
  await portal.salur.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "publication.discard",
    entity: "publication",
    entityId: row.id,
    area: null,
    before: { state: "prepared" },
    after: { state: "discarded" },
    reason: input.reason,
    requestId: caller.requestId,
  });
}

/** Route and CLI entry points: one transaction each; an approval makes the snapshot live in this process at once. */
export async function preparePublication(
  portal: Portal,
  caller: Caller,
  input: PrepareInput,
): Promise<PublicationSummary> {
  const now = new Date();
  return portal.salur.database.db.transaction((tx) => preparePublicationIn(portal, tx, caller, input, now));
}

export async function approvePublication(
  portal: Portal,
  caller: Caller,
  input: { id: string; sha256: string },
): Promise<PublicationSummary> {
  const today = portal.salur.registry.env.today();
  const out = await portal.salur.database.db.transaction((tx) =>
    approvePublicationIn(portal, tx, caller, input, today),
  );
  await portal.cache.refresh();
  return out;
}

export async function discardPublication(
  portal: Portal,
  caller: Caller,
  input: { id: string; reason: string },
) {
  await portal.salur.database.db.transaction((tx) => discardPublicationIn(portal, tx, caller, input));
}
