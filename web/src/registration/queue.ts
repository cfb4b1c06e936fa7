import type { z } from "zod";
import type { DocumentKind } from "../../../src/documents/kinds.ts";
import type {
  RegistrationResult,
  registrationConflictSchema,
  submissionSchema,
} from "../../../src/registration/schemas.ts";
import { activeLanguage } from "../i18n/language.tsx";

/** The submission as the form builds it (the server's own schema, input side). */
export type SubmissionPayload = z.input<typeof submissionSchema>;
export type RegistrationConflictBody = z.output<typeof registrationConflictSchema>;

export type QueueState = "queued" | "sending" | "applied" | "conflict" | "error";

export interface QueuedPhoto {
  kind: DocumentKind;
  blob: Blob;
}

/** One completed form on the device, under the id it will be applied with exactly once. */
export interface QueuedSubmission {
  submissionId: string;
  label: string;
  createdAt: string;
  payload: SubmissionPayload;
  /** Dropped once the submission is applied: the server holds them then. */
  photos: QueuedPhoto[];
  state: QueueState;
  result?: RegistrationResult;
  conflict?: RegistrationConflictBody["conflict"];
  error?: { code: string; message: string };
}

const DB_NAME = "salur-field";
const STORE = "submissions";

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: "submissionId" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function listQueue(): Promise<QueuedSubmission[]> {
  const items = await withStore("readonly", (store) => store.getAll() as IDBRequest<QueuedSubmission[]>);
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function saveQueued(item: QueuedSubmission): Promise<void> {
  await withStore("readwrite", (store) => store.put(item));
  notify();
}

export async function removeQueued(submissionId: string): Promise<void> {
  await withStore("readwrite", (store) => store.delete(submissionId));
  notify();
}

const listeners = new Set<() => void>();
/** Called whenever the queue on this device changes (saved, sending, answered). */
export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function notify() {
  for (const listener of listeners) listener();
}

/** Writes need the session's CSRF token; the device asks for it right before sending, when it is online. */
async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/me", { credentials: "same-origin" });
  if (!response.ok) throw new SyncError(`HTTP_${response.status}`, response.statusText);
  const me = (await response.json()) as { csrfToken?: string };
  return me.csrfToken ?? "";
}

class SyncError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function stagedPhotoMissing(body: Record<string, unknown> | null): boolean {
  if (body?.code === "STAGED_DOCUMENT_MISSING") return true;
  const errors = Array.isArray(body?.errors) ? (body.errors as { code?: string }[]) : [];
  return errors.some((error) => error.code === "STAGED_DOCUMENT_MISSING");
}

async function uploadPhotos(item: QueuedSubmission, token: string): Promise<void> {
  for (const photo of item.photos) {
    const response = await fetch(`/api/registrations/${item.submissionId}/documents/${photo.kind}`, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "content-type": photo.blob.type || "image/jpeg", "x-csrf-token": token },
      body: photo.blob,
    });
    // Already applied: the photos are on the application; the submission's own resend answers the rest.
    if (response.status === 409) continue;
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
      throw new SyncError(body?.code ?? `HTTP_${response.status}`, body?.message ?? response.statusText);
    }
  }
}

async function putSubmission(item: QueuedSubmission, token: string): Promise<Response> {
  return fetch(`/api/registrations/${item.submissionId}`, {
    method: "PUT",
    credentials: "same-origin",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "accept-language": activeLanguage(),
      "x-csrf-token": token,
    },
    body: JSON.stringify(item.payload),
  });
}

/** Photos first, then the submission; a missing staged photo is uploaded again once and the send repeated. */
async function sendOne(item: QueuedSubmission, token: string): Promise<QueuedSubmission> {
  await uploadPhotos(item, token);
  let response = await putSubmission(item, token);
  let body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.status === 422 && stagedPhotoMissing(body)) {
    await uploadPhotos(item, token);
    response = await putSubmission(item, token);
    body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  }
  if (response.status === 200 || response.status === 201) {
    const { conflict: _c, error: _e, ...rest } = item;
    return { ...rest, state: "applied", photos: [], result: body as unknown as RegistrationResult };
  }
  if (response.status === 409 && body?.code === "REGISTRATION_CONFLICT") {
    const { error: _e, ...rest } = item;
    return {
      ...rest,
      state: "conflict",
      conflict: (body as unknown as RegistrationConflictBody).conflict,
    };
  }
  return {
    ...item,
    state: "error",
    error: {
      code: typeof body?.code === "string" ? body.code : `HTTP_${response.status}`,
      message: typeof body?.message === "string" ? body.message : response.statusText,
    },
  };
}

let running: Promise<void> | null = null;

/**
 * Sends every waiting submission once, one after another. A network failure puts the item back as queued
 * (same id, same payload: the server applies it once however often it arrives); conflicts stay on the device
 * until the officer resolves them.
 */
export function syncQueue({ retryErrors = true }: { retryErrors?: boolean } = {}): Promise<void> {
  if (running) return running;
  running = (async () => {
    try {
      // An item still marked sending was cut off (page closed, tab killed): only one sync runs per page.
      const waiting = (await listQueue()).filter(
        (item) =>
          item.state === "queued" || item.state === "sending" || (retryErrors && item.state === "error"),
      );
      if (waiting.length === 0) return;
      let token: string;
      try {
        token = await csrfToken();
      } catch {
        return;
      }
      for (const item of waiting) {
        await saveQueued({ ...item, state: "sending" });
        let next: QueuedSubmission;
        try {
          next = await sendOne(item, token);
        } catch (error) {
          next =
            error instanceof SyncError
              ? { ...item, state: "error", error: { code: error.code, message: error.message } }
              : { ...item, state: "queued" };
        }
        await saveQueued(next);
        if (next.state === "queued") break;
      }
    } finally {
      running = null;
    }
  })();
  return running;
}

/** The officer's answer to a changed record: apply the device's changes on top of the server's version. */
export async function resolveWithServerVersion(item: QueuedSubmission): Promise<void> {
  const conflict = item.conflict;
  if (!conflict) return;
  const serverVersion = Number(conflict.server.version);
  const applicant = item.payload.applicant;
  const changes =
    applicant.kind === "existing"
      ? applicant.changes
      : Object.fromEntries(Object.entries(applicant.person).filter(([key]) => conflict.fields.includes(key)));
  const { conflict: _c, ...rest } = item;
  await saveQueued({
    ...rest,
    state: "queued",
    payload: {
      ...item.payload,
      applicant: {
        kind: "existing",
        personId: conflict.personId,
        version: serverVersion,
        ...(changes && Object.keys(changes).length > 0 ? { changes } : {}),
        ...(applicant.kind === "existing" && applicant.reason ? { reason: applicant.reason } : {}),
      },
    },
  });
}

/** Pending items: everything not yet applied. */
export function pendingCount(items: QueuedSubmission[]): number {
  return items.filter((item) => item.state !== "applied").length;
}
