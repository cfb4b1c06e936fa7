import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { type Actor, auditActor, type Caller } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { registrations } from "../registration/schema.ts";
import type { Registry } from "../registry/service.ts";
import type { EnrollmentStatus } from "../workflow/engine.ts";
import { applicationNotFound, visibleTo } from "../workflow/service.ts";
import * as workflowStore from "../workflow/store.ts";
import type { DocumentKind } from "./kinds.ts";
import { documentCipher } from "./sealing.ts";
import * as store from "./store.ts";
import { stripImageMetadata } from "./strip.ts";

/**
 * A phone photo of a KTP at 1600 px is 200–600 KB; 4 MiB leaves room for an unscaled camera JPEG while
 * keeping a desa's sync over a weak connection and the database's size in check.
 */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
export const DOCUMENT_MEDIA_TYPES = ["image/jpeg", "image/png"] as const;

/** Papers may be added or replaced until the desa has verified them; after that the record is what was checked. */
const OPEN_FOR_DOCUMENTS: readonly EnrollmentStatus[] = ["draft", "submitted"];

export interface UploadInput {
  kind: DocumentKind;
  bytes: Uint8Array;
  /** The Content-Type the client sent; checked against the content itself. */
  declaredType: string | null;
}

interface PreparedUpload {
  mediaType: string;
  bytes: Uint8Array;
  sha256: string;
  originalSha256: string;
  removed: string[];
}

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Size and type limits, then metadata stripping; the hash is of what is stored. */
export function prepareUpload(input: UploadInput): PreparedUpload {
  const size = input.bytes.length;
  if (size > MAX_DOCUMENT_BYTES)
    throw new DomainError("DOCUMENT_TOO_LARGE", { size, maximum: MAX_DOCUMENT_BYTES }, 413);
  if (size === 0) throw new DomainError("DOCUMENT_MALFORMED", { detail: "empty" }, 422);
  const stripped = stripImageMetadata(input.bytes);
  if (!stripped.ok) {
    const status = stripped.code === "DOCUMENT_TYPE_UNSUPPORTED" ? 415 : 422;
    throw new DomainError(stripped.code, { detected: stripped.detail, detail: stripped.detail }, status);
  }
  const declared = input.declaredType?.split(";")[0]?.trim().toLowerCase();
  if (declared && declared !== "application/octet-stream" && declared !== stripped.type) {
    throw new DomainError("DOCUMENT_TYPE_MISMATCH", { declared, detected: stripped.type }, 415);
  }
  return {
    mediaType: stripped.type,
    bytes: stripped.bytes,
    sha256: sha256Hex(stripped.bytes),
    originalSha256: sha256Hex(input.bytes),
    removed: stripped.removed,
  };
}

async function storeContent(registry: Registry, tx: Executor, upload: PreparedUpload): Promise<void> {
  const cipher = documentCipher(registry.env.vault);
  await store.insertContent(tx, {
    sha256: upload.sha256,
    mediaType: upload.mediaType,
    size: upload.bytes.length,
    sealed: cipher.seal(upload.bytes, upload.sha256),
  });
}

function uploadRecord(upload: PreparedUpload, kind: DocumentKind, documentId: string) {
  return {
    documentId,
    kind,
    sha256: upload.sha256,
    size: upload.bytes.length,
    removedMetadata: upload.removed,
  };
}

async function visibleApplication(tx: Executor, actor: Actor, enrollmentId: string) {
  const app = await workflowStore.loadApplication(tx, enrollmentId);
  if (!app || !visibleTo(actor, app)) throw applicationNotFound(enrollmentId);
  return app;
}

/** Attaches a photo to an application (a missing KTP brought later, a blurred KK re-taken); the older one is kept, superseded. */
export async function attachDocument(
  registry: Registry,
  caller: Caller,
  enrollmentId: string,
  input: UploadInput,
) {
  const upload = prepareUpload(input);
  const { actor } = caller;
  if (!actor.userId) throw new DomainError("AUTH_REQUIRED", {}, 401);
  const uploadedBy = actor.userId;
  return registry.db.transaction(async (tx) => {
    const app = await visibleApplication(tx, actor, enrollmentId);
    if (!OPEN_FOR_DOCUMENTS.includes(app.status))
      throw new DomainError("DOCUMENT_LOCKED", { status: app.status }, 409);
    await storeContent(registry, tx, upload);
    const superseded = await store.supersede(tx, { enrollmentId }, input.kind);
    const row = await store.insertDocument(tx, {
      enrollmentId,
      submissionId: null,
      kind: input.kind,
      sha256: upload.sha256,
      originalSha256: upload.originalSha256,
      mediaType: upload.mediaType,
      size: upload.bytes.length,
      removedMetadata: upload.removed,
      uploadedBy,
    });
    await registry.audit.append(tx, {
      actor: auditActor(actor),
      action: "enrollment.document_attach",
      entity: "enrollment",
      entityId: enrollmentId,
      area: placeKey({ code: app.villageCode, rt: app.rt }),
      before: superseded[0]
        ? { documentId: superseded[0].id, kind: input.kind, sha256: superseded[0].sha256 }
        : null,
      after: uploadRecord(upload, input.kind, row.id),
      requestId: caller.requestId,
    });
    return row;
  });
}

/**
 * Stages a photo for a field submission that has not reached the server yet: the device uploads each photo
 * under the submission's id, then sends the submission, which attaches them. Re-sending the same photo is
 * harmless; sending another photo of the same kind replaces the staged one.
 */
export async function stageDocument(
  registry: Registry,
  caller: Caller,
  submissionId: string,
  input: UploadInput,
) {
  const upload = prepareUpload(input);
  const { actor } = caller;
  if (!actor.userId) throw new DomainError("AUTH_REQUIRED", {}, 401);
  const uploadedBy = actor.userId;
  return registry.db.transaction(async (tx) => {
    const [registration] = await tx
      .select({ status: registrations.status, officerId: registrations.officerId })
      .from(registrations)
      .where(eq(registrations.submissionId, submissionId));
    if (registration?.status === "applied") {
      throw new DomainError("SUBMISSION_ALREADY_APPLIED", { submissionId }, 409);
    }
    const staged = await store.stagedDocuments(tx, submissionId);
    // A submission id is the device's: only the officer who staged its first photo (and sends it) adds more.
    const owner = registration?.officerId ?? staged[0]?.uploadedBy ?? uploadedBy;
    if (owner !== uploadedBy || staged.some((d) => d.uploadedBy !== uploadedBy)) {
      throw new DomainError("DOCUMENT_STAGED_BY_OTHER", { submissionId }, 403);
    }
    const same = staged.find(
      (d) => d.kind === input.kind && d.sha256 === upload.sha256 && d.uploadedBy === uploadedBy,
    );
    if (same) return same;
    await storeContent(registry, tx, upload);
    await store.supersede(tx, { submissionId }, input.kind);
    const row = await store.insertDocument(tx, {
      enrollmentId: null,
      submissionId,
      kind: input.kind,
      sha256: upload.sha256,
      originalSha256: upload.originalSha256,
      mediaType: upload.mediaType,
      size: upload.bytes.length,
      removedMetadata: upload.removed,
      uploadedBy,
    });
    await registry.audit.append(tx, {
      actor: auditActor(actor),
      action: "document.stage",
      entity: "registration",
      entityId: submissionId,
      area: placeKey({ code: actor.area.code, rt: actor.area.rt }),
      after: uploadRecord(upload, input.kind, row.id),
      requestId: caller.requestId,
    });
    return row;
  });
}

/**
 * A document's image for an entitled official. A KTP or KK photo shows the full NIK and KK, so reading it is an
 * audit entry written before the bytes leave the server, as reading the numbers is.
 */
export async function readDocument(
  registry: Registry,
  caller: Caller,
  documentId: string,
  reason: string | null,
) {
  return registry.db.transaction(async (tx) => {
    const row = await store.getDocument(tx, documentId);
    if (!row) throw new DomainError("DOCUMENT_NOT_FOUND", { id: documentId }, 404);
    let area: string;
    if (row.enrollmentId) {
      const app = await visibleApplication(tx, caller.actor, row.enrollmentId).catch(() => {
        throw new DomainError("DOCUMENT_NOT_FOUND", { id: documentId }, 404);
      });
      area = placeKey({ code: app.villageCode, rt: app.rt });
    } else {
      // A staged photo belongs to the device that sent it until its submission is applied.
      if (row.uploadedBy !== caller.actor.userId)
        throw new DomainError("DOCUMENT_NOT_FOUND", { id: documentId }, 404);
      area = placeKey({ code: caller.actor.area.code, rt: caller.actor.area.rt });
    }
    const content = await store.getContent(tx, row.sha256);
    if (!content) throw new Error(`document content ${row.sha256} is missing`);
    const bytes = documentCipher(registry.env.vault).open(content.sealed, content.sha256);
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "document.read",
      entity: row.enrollmentId ? "enrollment" : "registration",
      entityId: row.enrollmentId ?? row.submissionId,
      area,
      after: { documentId: row.id, kind: row.kind, sha256: row.sha256 },
      reason,
      requestId: caller.requestId,
    });
    return { bytes, mediaType: content.mediaType, sha256: content.sha256, kind: row.kind };
  });
}
