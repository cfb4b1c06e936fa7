/** Submitting a reconciliation: a central list for a program period becomes a record and a queued job. */
import { randomUUID } from "node:crypto";
import { type Actor, auditActor, type Caller, seesAgency } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { DomainError } from "../i18n/domain-error.ts";
import * as registryStore from "../registry/store.ts";
import type { ImportDeps } from "./deps.ts";
import type { MappingTemplate } from "./headers.ts";
import { RECONCILIATION_JOB, type ReconciliationJobParams } from "./reconciliation-job.ts";
import type { ReconciliationRow } from "./schema.ts";
import * as store from "./store.ts";
import type { StoredUpload } from "./uploads.ts";

export interface ReconciliationRequest {
  fileName: string;
  periodId: string;
  scope: "period" | "registry";
  /** The list's origin as officials call it: "DTKS", "Kemensos tahap 2" … */
  sourceName: string;
  templateId?: string | null;
  mapping?: MappingTemplate;
  headerRow?: number | null;
  sheetName?: string | null;
}

async function periodProgram(d: ImportDeps, actor: Actor, periodId: string) {
  const period = await registryStore.getPeriod(d.db, periodId);
  const program = period ? await registryStore.getProgram(d.db, period.programId) : null;
  if (!period || !program || !seesAgency(actor, program.agencyId)) {
    throw new DomainError("PERIOD_NOT_FOUND", { id: periodId }, 404);
  }
  return { period, program };
}

export async function submitReconciliation(
  d: ImportDeps,
  caller: Caller,
  upload: StoredUpload,
  request: ReconciliationRequest,
) {
  const { actor } = caller;
  const { period, program } = await periodProgram(d, actor, request.periodId);
  let template: MappingTemplate = {};
  if (request.templateId) {
    const saved = await store.getTemplate(d.db, request.templateId);
    if (!saved || (saved.agencyId !== null && saved.agencyId !== program.agencyId)) {
      throw new DomainError("IMPORT_TEMPLATE_NOT_FOUND", { id: request.templateId }, 404);
    }
    template = saved.mapping;
  }
  template = { ...template, ...(request.mapping ?? {}) };
  const id = randomUUID();
  const params: ReconciliationJobParams = {
    reconciliationId: id,
    actor: auditActor(actor),
    requestId: caller.requestId,
  };
  const jobId = await d.db.transaction(async (tx) => {
    const job = await d.jobs.enqueue(tx, {
      kind: RECONCILIATION_JOB,
      params,
      createdById: actor.userId,
      createdByName: actor.name,
    });
    await store.insertReconciliation(tx, {
      id,
      jobId: job.id,
      programId: program.id,
      periodId: period.id,
      agencyId: program.agencyId,
      scope: request.scope,
      sourceName: request.sourceName.slice(0, 120),
      fileName: request.fileName.slice(0, 255),
      fileBytes: upload.bytes,
      contentHash: upload.contentHash,
      storedAs: upload.storedAs,
      template,
      layout: { headerRow: request.headerRow ?? null, sheetName: request.sheetName ?? null },
      area: placeKey({ code: actor.area.code, rt: actor.area.rt }),
      createdById: actor.userId,
      createdByName: actor.name,
    });
    return job.id;
  });
  d.jobs.kick();
  return { reconciliationId: id, job: await d.jobs.get(jobId) };
}

export async function visibleReconciliation(
  d: ImportDeps,
  actor: Actor,
  id: string,
): Promise<ReconciliationRow> {
  const row = await store.getReconciliation(d.db, id);
  if (!row || !seesAgency(actor, row.agencyId))
    throw new DomainError("RECONCILIATION_NOT_FOUND", { id }, 404);
  return row;
}
