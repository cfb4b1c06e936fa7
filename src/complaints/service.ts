/**
 * Complaint use cases. Each takes the caller's transaction (`tx`) so that the complaint, its step and its audit
 * entry commit together; routes, the escalation timer and other capabilities open the transaction.
 */
import { createHash, randomBytes } from "node:crypto";
import { type Actor, assertWritableArea, auditActor, type Caller } from "../access/actor.ts";
import type { AuditActor, AuditLog } from "../audit/index.ts";
import type { Database, Executor } from "../db/index.ts";
import { documentCipher } from "../documents/sealing.ts";
import { prepareUpload } from "../documents/service.ts";
import * as documentStore from "../documents/store.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Vault } from "../privacy/vault.ts";
import type { RegionCatalog } from "../regions/catalog.ts";
import {
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintLevel,
  type ComplaintStage,
  isSensitive,
} from "./codes.ts";
import { applyStep, type ComplaintAction } from "./lifecycle.ts";
import { canSee, handles, initialLevel } from "./routing.ts";
import { type ComplaintSettings, DEFAULT_COMPLAINT_SETTINGS } from "./settings.ts";
import { escalationDue, pausedBetween, slaStatus } from "./sla.ts";
import * as store from "./store.ts";
import { newTrackingCode, normaliseTrackingCode } from "./tracking-code.ts";

export interface Complaints {
  db: Database;
  vault: Vault;
  audit: AuditLog;
  regions: RegionCatalog;
  regencyCode: string;
  clock: () => Date;
  settings: ComplaintSettings;
}

export interface PhotoInput {
  bytes: Uint8Array;
  declaredType: string | null;
}

export interface IntakeInput {
  category: ComplaintCategory;
  channel: ComplaintChannel;
  description: string;
  villageCode?: string | null | undefined;
  programId?: string | null | undefined;
  personId?: string | null | undefined;
  reference?: string | null | undefined;
  laporNumber?: string | null | undefined;
  anonymous: boolean;
  name?: string | null | undefined;
  phone?: string | null | undefined;
  identityConsent?: boolean | undefined;
  photos?: readonly PhotoInput[] | undefined;
}

export interface IntakeResult {
  id: string;
  code: string;
  /** The same complaint was already received today: its code is returned, nothing new is stored. */
  duplicate: boolean;
  stage: ComplaintStage;
}

const DAY_MS = 86_400_000;

/** Who files through the public form: nobody signed in, recorded as such. */
export function publicActor(regencyCode: string): AuditActor {
  return { id: null, name: "Masyarakat (portal publik)", role: "public", area: regencyCode };
}

/** 0812…, +62812…, 62812… → 0812…; null when it is not a plausible Indonesian number. */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, "");
  const local = digits.replace(/^\+?62/, "0");
  return /^0\d{8,13}$/.test(local) ? local : null;
}

function textHash(category: string, description: string): string {
  const normal = description.toLowerCase().replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${category}\n${normal}`).digest("hex");
}

function districtOf(villageCode: string): string {
  return villageCode.split(".").slice(0, 3).join(".");
}

/**
 * Opens a complaint: from the public form (caller null), from an officer taking it on the complainant's behalf,
 * or from another capability (receipts: a recipient reporting a shortfall opens a payment complaint). The
 * complainant's name and phone are sealed; a duplicate (same text, same desa, within a day) answers with the
 * first complaint's code.
 */
export async function openComplaint(
  c: Complaints,
  tx: Executor,
  caller: Caller | null,
  input: IntakeInput,
): Promise<IntakeResult> {
  const now = c.clock();
  const sensitive = isSensitive(input.category);
  const villageCode = input.villageCode || null;
  if (villageCode) {
    const region = c.regions.get(villageCode);
    if (region?.level !== "village" || !villageCode.startsWith(`${c.regencyCode}.`)) {
      throw new DomainError("COMPLAINT_VILLAGE_UNKNOWN", { code: villageCode }, 422);
    }
  } else if (!sensitive) {
    throw new DomainError("COMPLAINT_VILLAGE_REQUIRED", {}, 422);
  }
  if (caller && caller.actor.role !== "system" && villageCode)
    assertWritableArea(caller.actor, { code: villageCode });

  let phone: string | null = null;
  let name: string | null = null;
  if (!input.anonymous) {
    name = input.name?.trim() || null;
    if (!name || !input.phone?.trim()) throw new DomainError("COMPLAINT_CONTACT_REQUIRED", {}, 422);
    phone = normalisePhone(input.phone);
    if (!phone) throw new DomainError("COMPLAINT_PHONE_INVALID", {}, 422);
  }
  const photos = input.photos ?? [];
  if (photos.length > c.settings.limits.maxPhotos) {
    throw new DomainError("COMPLAINT_TOO_MANY_PHOTOS", { maximum: c.settings.limits.maxPhotos }, 422);
  }

  const hash = textHash(input.category, input.description);
  const duplicate = await store.findDuplicate(tx, hash, villageCode, new Date(now.getTime() - DAY_MS));
  if (duplicate) {
    return {
      id: duplicate.id,
      code: duplicate.code,
      duplicate: true,
      stage: duplicate.stage as ComplaintStage,
    };
  }
  const phoneIndex = phone ? c.vault.blindIndex("phone", phone) : null;
  if (phoneIndex && !caller) {
    const count = await store.countByPhone(tx, phoneIndex, new Date(now.getTime() - DAY_MS));
    if (count >= c.settings.limits.perPhonePerDay)
      throw new DomainError("COMPLAINT_PHONE_LIMIT", { count }, 429);
  }

  const prepared = photos.map((photo) => prepareUpload({ kind: "other", ...photo }));
  const cipher = documentCipher(c.vault);
  const level = initialLevel(input.category);
  const row = await store.insertComplaint(tx, {
    code: newTrackingCode(randomBytes(6)),
    category: input.category,
    channel: input.channel,
    stage: "new",
    level,
    sensitive,
    villageCode,
    districtCode: villageCode ? districtOf(villageCode) : null,
    programId: input.programId ?? null,
    personId: input.personId ?? null,
    reference: input.reference ?? null,
    laporNumber: input.laporNumber ?? null,
    description: input.description.trim(),
    textHash: hash,
    anonymous: input.anonymous,
    identityConsent: input.identityConsent === true && !input.anonymous,
    nameCipher: name ? c.vault.seal("complainant_name", name) : null,
    phoneCipher: phone ? c.vault.seal("phone", phone) : null,
    phoneIndex,
    receivedAt: now,
    createdBy: caller?.actor.userId ?? null,
  });
  for (const upload of prepared) {
    await documentStore.insertContent(tx, {
      sha256: upload.sha256,
      mediaType: upload.mediaType,
      size: upload.bytes.length,
      sealed: cipher.seal(upload.bytes, upload.sha256),
    });
    await store.insertPhoto(tx, {
      complaintId: row.id,
      sha256: upload.sha256,
      mediaType: upload.mediaType,
      size: upload.bytes.length,
    });
  }
  const actor = caller ? auditActor(caller.actor) : publicActor(c.regencyCode);
  await store.insertEvent(tx, {
    complaintId: row.id,
    action: "receive",
    fromStage: null,
    toStage: "new",
    level,
    actorName: actor.name,
    at: now,
  });
  await c.audit.append(tx, {
    actor,
    action: "complaint.receive",
    entity: "complaint",
    entityId: row.id,
    // A sensitive complaint's trail entry sits at regency level: the desa's own audit view must not list it.
    area: sensitive ? c.regencyCode : (villageCode ?? c.regencyCode),
    after: {
      code: row.code,
      category: row.category,
      channel: row.channel,
      level,
      sensitive,
      villageCode,
      anonymous: row.anonymous,
      identityConsent: row.identityConsent,
      photos: prepared.map((p) => ({ sha256: p.sha256, removedMetadata: p.removed })),
      ...(name ? { nameCommitment: c.vault.commitment("complainant_name", name) } : {}),
      ...(phone ? { phoneCommitment: c.vault.commitment("phone", phone) } : {}),
    },
    requestId: caller?.requestId ?? null,
  });
  return { id: row.id, code: row.code, duplicate: false, stage: "new" };
}

function routed(row: store.ComplaintRow) {
  return { sensitive: row.sensitive, villageCode: row.villageCode, level: row.level as ComplaintLevel };
}

function notFound(id: string): DomainError {
  return new DomainError("COMPLAINT_NOT_FOUND", { id }, 404);
}

/** The complaint, if the actor may see it; a complaint outside their sight is "not found", never "forbidden". */
export async function visibleComplaint(c: Complaints, tx: Executor, actor: Actor, id: string, lock = false) {
  const row = await store.loadComplaint(tx, id, lock);
  if (!row || !canSee(actor, routed(row), c.regencyCode, c.settings.routing)) throw notFound(id);
  return row;
}

function auditArea(c: Complaints, row: store.ComplaintRow): string {
  return row.sensitive ? c.regencyCode : (row.villageCode ?? c.regencyCode);
}

export interface StepInput {
  action: ComplaintAction;
  version: number;
  reason?: string | null | undefined;
  publicReply?: string | null | undefined;
  assigneeId?: string | null | undefined;
}

async function applyComplaintStep(
  c: Complaints,
  tx: Executor,
  row: store.ComplaintRow,
  actor: AuditActor,
  requestId: string | null,
  input: StepInput,
) {
  const now = c.clock();
  const next = applyStep(
    { stage: row.stage as ComplaintStage, level: row.level as ComplaintLevel },
    input.action,
    input,
  );
  // The clock stops when a question goes to the complainant and runs again once the wait ends, however it ends.
  const wait =
    next.stage === "waiting" && row.stage !== "waiting"
      ? { waitingSince: now }
      : row.stage === "waiting" && next.stage !== "waiting"
        ? {
            waitingSince: null,
            slaPausedDays:
              row.slaPausedDays +
              (row.waitingSince ? pausedBetween(row.receivedAt, row.waitingSince, now, c.settings.sla) : 0),
          }
        : {};
  const updated = await store.updateComplaint(tx, row.id, input.version, {
    stage: next.stage,
    level: next.level,
    ...wait,
    ...(input.action === "acknowledge" ? { acknowledgedAt: now } : {}),
    ...(input.action === "resolve" ? { resolvedAt: now } : {}),
    ...(input.action === "close" ? { closedAt: now } : {}),
    ...(input.action === "reopen" ? { resolvedAt: null, closedAt: null } : {}),
    ...(input.action === "assign" ? { assigneeId: input.assigneeId ?? null } : {}),
  });
  if (!updated) throw new DomainError("COMPLAINT_VERSION_CONFLICT", {}, 409);
  await store.insertEvent(tx, {
    complaintId: row.id,
    action: input.action,
    fromStage: row.stage,
    toStage: next.stage,
    level: next.level,
    reason: input.reason?.trim() || null,
    publicReply: input.publicReply?.trim() || null,
    actorName: actor.name,
    at: now,
  });
  await c.audit.append(tx, {
    actor,
    action: `complaint.${input.action}`,
    entity: "complaint",
    entityId: row.id,
    area: auditArea(c, row),
    before: { stage: row.stage, level: row.level },
    after: { stage: next.stage, level: next.level, publicReply: input.publicReply?.trim() || null },
    reason: input.reason?.trim() || null,
    requestId,
  });
  return updated;
}

/** An official moves a complaint along its lifecycle; only the handling unit may. */
export async function stepComplaint(
  c: Complaints,
  tx: Executor,
  caller: Caller,
  id: string,
  input: StepInput,
) {
  const row = await visibleComplaint(c, tx, caller.actor, id, true);
  if (!handles(caller.actor, routed(row), c.regencyCode, c.settings.routing)) {
    throw new DomainError("COMPLAINT_NOT_HANDLER", {}, 403);
  }
  return applyComplaintStep(c, tx, row, auditActor(caller.actor), caller.requestId, input);
}

/** The complainant answers a question from the status page; the tracking code is their key. */
export async function answerByCode(c: Complaints, tx: Executor, code: string, answer: string) {
  const normal = normaliseTrackingCode(code);
  if (!normal) throw new DomainError("COMPLAINT_CODE_INVALID", {}, 422);
  const found = await store.loadByCode(tx, normal);
  if (!found) throw notFound(normal);
  const row = await store.loadComplaint(tx, found.id, true);
  if (row?.stage !== "waiting" || !row) throw new DomainError("COMPLAINT_NOT_WAITING", {}, 409);
  return applyComplaintStep(c, tx, row, publicActor(c.regencyCode), null, {
    action: "answer",
    version: row.version,
    publicReply: answer,
  });
}

/**
 * The complainant's name and phone, for the handling unit only; every read is an audit entry. Without the
 * complainant's consent the reader must say why.
 */
export async function readIdentity(
  c: Complaints,
  tx: Executor,
  caller: Caller,
  id: string,
  reason: string | null,
) {
  const row = await visibleComplaint(c, tx, caller.actor, id);
  if (!handles(caller.actor, routed(row), c.regencyCode, c.settings.routing)) {
    throw new DomainError("COMPLAINT_NOT_HANDLER", {}, 403);
  }
  if (!row.identityConsent && !reason?.trim()) {
    throw new DomainError("COMPLAINT_REASON_REQUIRED", { action: "identity" }, 422);
  }
  const identity = {
    anonymous: row.anonymous,
    name: row.nameCipher ? c.vault.open("complainant_name", row.nameCipher) : null,
    phone: row.phoneCipher ? c.vault.open("phone", row.phoneCipher) : null,
  };
  await c.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "complaint.identity_read",
    entity: "complaint",
    entityId: row.id,
    area: auditArea(c, row),
    after: { consent: row.identityConsent, anonymous: row.anonymous },
    reason: reason?.trim() || null,
    requestId: caller.requestId,
  });
  return identity;
}

export interface EscalationReport {
  checked: number;
  escalated: number;
  flagged: number;
}

/**
 * The automatic escalation: every open complaint past 75 % of its current deadline goes one level up (desa →
 * kecamatan → regency) with the reason in the trail, once per deadline. The Inspektorat's and the regency's own
 * complaints have no level above: they are flagged at risk in the trail instead. Run by the runtime's timer and
 * by tests with a moved clock; each complaint in its own transaction.
 */
export async function runEscalations(c: Complaints, now: Date = c.clock()): Promise<EscalationReport> {
  const report: EscalationReport = { checked: 0, escalated: 0, flagged: 0 };
  const system: AuditActor = { id: null, name: "Jam SLA pengaduan", role: "system", area: c.regencyCode };
  for (const candidate of await store.openComplaints(c.db)) {
    report.checked++;
    await c.db.transaction(async (tx) => {
      const row = await store.loadComplaint(tx, candidate.id, true);
      if (!row) return;
      const target = escalationDue(
        {
          category: row.category as ComplaintCategory,
          stage: row.stage as ComplaintStage,
          receivedAt: row.receivedAt,
          escalatedFor: row.escalatedFor,
          pausedDays: row.slaPausedDays,
          waitingSince: row.waitingSince,
        },
        now,
        c.settings.sla,
      );
      if (!target) return;
      const reason = `SLA: ${Math.round(c.settings.sla.escalateAt * 100)}% of the '${target}' time used`;
      const level = row.level as ComplaintLevel;
      if (level === "village" || level === "district") {
        const updated = await applyComplaintStep(c, tx, row, system, null, {
          action: "escalate",
          version: row.version,
          reason,
        });
        await store.updateComplaint(tx, row.id, updated.version, {
          escalatedFor: [...row.escalatedFor, target],
        });
        report.escalated++;
      } else {
        await store.updateComplaint(tx, row.id, row.version, { escalatedFor: [...row.escalatedFor, target] });
        await c.audit.append(tx, {
          actor: system,
          action: "complaint.sla_at_risk",
          entity: "complaint",
          entityId: row.id,
          area: auditArea(c, row),
          after: { target, level },
          reason,
        });
        report.flagged++;
      }
    });
  }
  return report;
}

export function slaOf(
  c: Complaints,
  row: Pick<
    store.ComplaintRow,
    "category" | "stage" | "receivedAt" | "resolvedAt" | "slaPausedDays" | "waitingSince"
  >,
  now: Date = c.clock(),
) {
  return slaStatus(
    {
      category: row.category as ComplaintCategory,
      stage: row.stage as ComplaintStage,
      receivedAt: row.receivedAt,
      resolvedAt: row.resolvedAt,
      pausedDays: row.slaPausedDays,
      waitingSince: row.waitingSince,
    },
    now,
    c.settings.sla,
  );
}

export { DEFAULT_COMPLAINT_SETTINGS };
