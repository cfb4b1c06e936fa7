/**
 * Imports as use cases: an upload becomes an import record and a job; the job reads, checks and loads the
 * whole file inside one transaction (with its audit entry), so a file is applied in full or not at all — a
 * killed process leaves nothing behind and the job simply runs again. The same file for the same target is
 * applied once; sending it again changes nothing and says so.
 */
import { join } from "node:path";
import { type JobContext, jobRunnerFor } from "../jobs/index.ts";
import { fileSealingKey } from "../privacy/sealed-file.ts";
import type { Salur } from "../runtime.ts";
import type { ImportDeps } from "./deps.ts";
import { runImport } from "./import-job.ts";
import { DEFAULT_IMPORT_LIMITS } from "./limits.ts";
import { IMPORT_JOB } from "./load.ts";
import { RECONCILIATION_JOB, runReconciliation } from "./reconciliation-job.ts";
import * as store from "./store.ts";
import { createUploadStore, UPLOAD_RETENTION_MS, UPLOAD_SEALING } from "./uploads.ts";
import { createVillageResolver, type VillageResolver } from "./villages.ts";

export { runImport } from "./import-job.ts";
export { importMaskingFor, type ReportRequest, reportSource, writeReport } from "./import-report.ts";
export { IMPORT_JOB, type ImportJobParams } from "./load.ts";
export {
  applyChecked,
  discardImport,
  type ImportRequest,
  importVisible,
  submitImport,
  visibleImport,
} from "./submission.ts";
export type { ImportDeps };

const deps = new WeakMap<Salur, ImportDeps>();

/** The import capability of one running Salur (its job handlers registered once). */
export function importDeps(salur: Salur, overrides: Partial<ImportDeps> = {}): ImportDeps {
  const existing = deps.get(salur);
  if (existing && Object.keys(overrides).length === 0) return existing;
  let villages: VillageResolver | undefined;
  const created: ImportDeps = {
    db: salur.database.db,
    kind: salur.database.kind,
    env: salur.registry.env,
    audit: salur.audit,
    config: salur.config,
    jobs: jobRunnerFor(salur.database),
    uploads: createUploadStore(
      join(salur.config.dataDir, "uploads"),
      fileSealingKey(salur.vault, UPLOAD_SEALING),
    ),
    limits: DEFAULT_IMPORT_LIMITS,
    parallel: "auto",
    screeningLimit: 200_000,
    batchRows: 5_000,
    villages: () => {
      villages ??= createVillageResolver(salur.regions, salur.config.regencyCode);
      return villages;
    },
    ...overrides,
  };
  if (!existing) {
    // The runner must stop before the database closes under a running job. Until the runtime owns the job
    // runner, closing this Salur closes its runner first.
    const close = salur.close;
    salur.close = async () => {
      await created.jobs.close();
      await close();
    };
  }
  deps.set(salur, created);
  registerImportJobs(created);
  if (!existing) void created.uploads.sweep(UPLOAD_RETENTION_MS).catch(() => {});
  return created;
}

/** The job kinds of this capability on the runner; jobs cut off by a dead process are then picked up again. */
export function registerImportJobs(d: ImportDeps): void {
  d.jobs.register({
    kind: IMPORT_JOB,
    retryOnInterrupt: true,
    run: (context) => afterwards(runImport(d, context), () => releaseUploads(d, context)),
  });
  d.jobs.register({
    kind: RECONCILIATION_JOB,
    retryOnInterrupt: true,
    run: (context) => afterwards(runReconciliation(d, context), () => releaseUploads(d, context)),
  });
  void d.jobs.recover().catch(() => {});
}

async function afterwards<T>(work: Promise<T>, then: () => Promise<void>): Promise<T> {
  try {
    return await work;
  } finally {
    await then().catch(() => {});
  }
}

/**
 * A list leaves the disk as soon as nothing needs it: once applied (the registry holds its rows now), once
 * a reconciliation has stored its lines, once discarded; whatever is left goes at the retention limit.
 */
async function releaseUploads(d: ImportDeps, context: JobContext): Promise<void> {
  const params = context.params as { importId?: string; reconciliationId?: string };
  const record = params.importId
    ? await store.getImport(d.db, params.importId)
    : params.reconciliationId
      ? await store.getReconciliation(d.db, params.reconciliationId)
      : null;
  if (record && !(await store.uploadInUse(d.db, record.storedAs))) {
    const kept =
      "mode" in record &&
      (record.state === "checked" || record.state === "rejected" || record.state === "failed");
    // A checked or refused list stays (sealed) for its report and its apply, until discarded or expired.
    if (!kept) await d.uploads.remove(record.storedAs);
  }
  await d.uploads.sweep(UPLOAD_RETENTION_MS);
}
