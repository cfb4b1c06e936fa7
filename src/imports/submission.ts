/**
 * Submitting an import: an upload becomes an import record and a queued job; a checked list is applied as it
 * is; who may see an import; a list the officer is done with is discarded.
 */
import { randomUUID } from "node:crypto";
import {
  type Actor,
  assertWritableArea,
  auditActor,
  type Caller,
  sees,
  seesAgency,
} from "../access/actor.ts";
import { parsePlaceKey, placeKey } from "../access/area.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { JobView } from "../jobs/index.ts";
import * as registryStore from "../registry/store.ts";
import type { ImportDeps } from "./deps.ts";
import type { MappingTemplate } from "./headers.ts";
import { IMPORT_JOB, type ImportJobParams } from "./load.ts";
import type { ImportRow } from "./schema.ts";
import * as store from "./store.ts";
import { type StoredUpload, uploadSize } from "./uploads.ts";

/** The officer is done with a checked or refused list: its file is deleted (its findings stay). */
export async function discardImport(d: ImportDeps, caller: Caller, importId: string): Promise<ImportRow> {
  const record = await visibleImport(d, caller.actor, importId);
  if (record.state === "queued" || record.state === "running") {
    throw new DomainError("IMPORT_REPORT_UNAVAILABLE", { id: importId }, 409);
  }
  await d.db.transaction((tx) =>
    d.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "import.discard",
      entity: "import",
      entityId: record.id,
      area: record.area,
      after: { fileName: record.fileName, contentHash: record.contentHash },
      requestId: caller.requestId,
    }),
  );
  if (!(await store.uploadInUse(d.db, record.storedAs, record.id))) await d.uploads.remove(record.storedAs);
  return record;
}

// Submitting ------------------------------------------------------------------------------------------------

export interface ImportRequest {
  fileName: string;
  periodId?: string | null;
  mode: "check" | "apply";
  invalidRows: "reject_file" | "skip_rows";
  templateId?: string | null;
  /** Header → field overrides on top of the template. */
  mapping?: MappingTemplate;
  headerRow?: number | null;
  sheetName?: string | null;
}

async function targetOf(d: ImportDeps, actor: Actor, periodId: string | null | undefined) {
  if (!periodId) return { programId: null, periodId: null, agencyId: actor.agencyId, targetKey: "persons" };
  const period = await registryStore.getPeriod(d.db, periodId);
  const program = period ? await registryStore.getProgram(d.db, period.programId) : null;
  if (!period || !program || !seesAgency(actor, program.agencyId)) {
    throw new DomainError("PERIOD_NOT_FOUND", { id: periodId }, 404);
  }
  return { programId: program.id, periodId: period.id, agencyId: program.agencyId, targetKey: period.id };
}

async function templateOf(
  d: ImportDeps,
  actor: Actor,
  agencyId: string | null,
  request: ImportRequest,
): Promise<MappingTemplate> {
  let mapping: MappingTemplate = {};
  if (request.templateId) {
    const template = await store.getTemplate(d.db, request.templateId);
    if (
      !template ||
      (template.agencyId !== null &&
        (template.agencyId !== agencyId || !seesAgency(actor, template.agencyId)))
    ) {
      throw new DomainError("IMPORT_TEMPLATE_NOT_FOUND", { id: request.templateId }, 404);
    }
    mapping = { ...template.mapping };
  }
  return { ...mapping, ...(request.mapping ?? {}) };
}

/** Stores the upload, records the import and queues its job. */
export async function submitImport(
  d: ImportDeps,
  caller: Caller,
  upload: StoredUpload,
  request: ImportRequest,
): Promise<{ importId: string; job: JobView | null; state: ImportRow["state"]; duplicateOf: string | null }> {
  const { actor } = caller;
  // An import writes records across the whole area of the file; the caller must at least see the regency part
  // each row lands in, which the rows check one by one. Here: the caller may register at all.
  assertWritableArea(actor, { code: actor.area.code, rt: actor.area.rt });
  const target = await targetOf(d, actor, request.periodId);
  const template = await templateOf(d, actor, target.agencyId, request);
  const base = {
    mode: request.mode,
    invalidRows: request.invalidRows,
    programId: target.programId,
    periodId: target.periodId,
    agencyId: target.agencyId,
    targetKey: target.targetKey,
    fileName: request.fileName.slice(0, 255),
    fileBytes: upload.bytes,
    contentHash: upload.contentHash,
    storedAs: upload.storedAs,
    template,
    headerRow: request.headerRow ?? null,
    sheetName: request.sheetName ?? null,
    area: placeKey({ code: actor.area.code, rt: actor.area.rt }),
    createdById: actor.userId,
    createdByName: actor.name,
  };
  if (request.mode === "apply") {
    const prior = await store.findAppliedImport(d.db, upload.contentHash, target.targetKey);
    if (prior) {
      const row = await store.insertImport(d.db, {
        ...base,
        state: "duplicate",
        duplicateOf: prior.id,
        summary: prior.summary,
        finishedAt: new Date(),
      });
      return { importId: row.id, job: null, state: row.state, duplicateOf: prior.id };
    }
  }
  const importId = randomUUID();
  const params: ImportJobParams = {
    importId,
    actor: auditActor(actor),
    area: actor.area,
    requestId: caller.requestId,
  };
  const jobId = await d.db.transaction(async (tx) => {
    const job = await d.jobs.enqueue(tx, {
      kind: IMPORT_JOB,
      params,
      createdById: actor.userId,
      createdByName: actor.name,
    });
    await store.insertImport(tx, { ...base, id: importId, jobId: job.id, state: "queued" });
    return job.id;
  });
  d.jobs.kick();
  return { importId, job: await d.jobs.get(jobId), state: "queued", duplicateOf: null };
}

/** A checked file applied as it is: the same upload and settings, now for real. */
export async function applyChecked(d: ImportDeps, caller: Caller, importId: string) {
  const checked = await visibleImport(d, caller.actor, importId);
  if (checked.mode !== "check" || checked.state !== "checked") {
    throw new DomainError("IMPORT_NOT_CHECKED", { id: importId, state: checked.state }, 409);
  }
  if ((await uploadSize(d.uploads, checked.storedAs)) === null) {
    throw new DomainError("IMPORT_UPLOAD_GONE", { id: importId }, 409);
  }
  return submitImport(
    d,
    caller,
    { storedAs: checked.storedAs, bytes: checked.fileBytes, contentHash: checked.contentHash },
    {
      fileName: checked.fileName,
      periodId: checked.periodId,
      mode: "apply",
      invalidRows: checked.invalidRows,
      mapping: checked.template,
      headerRow: checked.headerRow,
      sheetName: checked.sheetName,
    },
  );
}

/**
 * An import belongs to the area its sender worked in and to its program's agency: visible to whoever sent it
 * and to those whose area holds that area (and, for agency-bound roles, of the same agency).
 */
export function importVisible(
  actor: Actor,
  row: Pick<ImportRow, "createdById" | "area" | "agencyId">,
): boolean {
  if (row.createdById !== null && row.createdById === actor.userId) return true;
  if (row.agencyId && !seesAgency(actor, row.agencyId)) return false;
  return row.area !== null && sees(actor, parsePlaceKey(row.area));
}

export async function visibleImport(d: ImportDeps, actor: Actor, id: string): Promise<ImportRow> {
  const row = await store.getImport(d.db, id);
  if (!row || !importVisible(actor, row)) throw new DomainError("IMPORT_NOT_FOUND", { id }, 404);
  return row;
}
