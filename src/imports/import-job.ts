/**
 * The import job: reads the whole file, then either rolls back (a check or a refused file) or stages and
 * publishes it, records its findings and screens the rows for overlap.
 */
import { DomainError } from "../i18n/domain-error.ts";
import type { JobContext } from "../jobs/index.ts";
import { dropRegistryIndex, refreshRegistryIndex } from "../matching/registry-index.ts";
import { isUniqueViolation, publishStaged, stageApply } from "./apply.ts";
import type { ImportDeps } from "./deps.ts";
import { IssueSink } from "./issue-sink.ts";
import { FileRejected } from "./limits.ts";
import {
  type ImportJobParams,
  type Loaded,
  layoutOf,
  load,
  persistIssues,
  RollBack,
  settingsOf,
  summaryOf,
} from "./load.ts";
import type { ImportRow } from "./schema.ts";
import { screen } from "./screening.ts";
import * as staging from "./staging.ts";
import * as store from "./store.ts";

export async function runImport(d: ImportDeps, context: JobContext): Promise<Record<string, unknown>> {
  const params = context.params as ImportJobParams;
  const record = await store.getImport(d.db, params.importId);
  if (!record) throw new DomainError("IMPORT_NOT_FOUND", { id: params.importId }, 404);
  // A retried job starts from nothing, unless its list was already being published (then it finishes that):
  // findings and staged rows of the interrupted try are dropped.
  if (record.stagedChunks === null) {
    await store.deleteIssues(d.db, record.id);
    await staging.dropStaged(d.db, record.id);
  }
  await store.updateImport(d.db, record.id, { state: "running" });
  const settings = settingsOf(d, record, params);
  const sink = new IssueSink();
  let loaded: Loaded | null = null;
  let finalState: ImportRow["state"];
  context.progress({ stage: "read", done: 0, total: record.fileBytes });
  try {
    if (record.mode === "check") {
      loaded = await load(d, null, record, settings, sink, context);
      const errors = (loaded as Loaded).totals?.errors ?? 0;
      throw new RollBack(errors > 0 && record.invalidRows === "reject_file" ? "rejected" : "checked");
    }
    const outcome =
      record.stagedChunks === null ? await stageApply(d, record, settings, sink, context) : null;
    if (outcome && "duplicateOf" in outcome) {
      await store.updateImport(d.db, record.id, {
        state: "duplicate",
        duplicateOf: outcome.duplicateOf,
        summary: outcome.summary,
        finishedAt: new Date(),
      });
      return { importId: record.id, state: "duplicate", duplicateOf: outcome.duplicateOf };
    }
    loaded = outcome?.loaded ?? null;
    await publishStaged(d, record.id, context);
    finalState = "applied";
    // The rows went in by COPY, past the registry's writes: the index reads back the persons it lacks.
    // The import has committed: a failed read-back only means the next search rebuilds the index.
    await refreshRegistryIndex(d).catch(() => dropRegistryIndex(d));
  } catch (error) {
    if (error instanceof RollBack) {
      const done = error.loaded ?? (loaded as Loaded | null);
      loaded = done;
      finalState = error.state;
      await persistIssues(d, record.id, sink);
      await store.updateImport(d.db, record.id, {
        state: error.state,
        layout: layoutOf(done?.header ?? null),
        summary: done ? summaryOf(done, { applied: false }) : null,
        notes: (done?.notes ?? []) as unknown as Record<string, unknown>[],
        finishedAt: new Date(),
      });
    } else if (error instanceof FileRejected) {
      await sink.dispose();
      await staging.dropStaged(d.db, record.id);
      await store.deleteIssues(d.db, record.id);
      await store.insertIssues(d.db, record.id, [
        {
          row: error.row,
          column: error.column - 1,
          field: null,
          code: error.code,
          severity: "error",
          params: error.params as Record<string, string | number>,
        },
      ]);
      await store.updateImport(d.db, record.id, {
        state: "rejected",
        problem: { code: error.code, row: error.row, column: error.column, params: error.params },
        finishedAt: new Date(),
      });
      return {
        importId: record.id,
        state: "rejected",
        problem: { code: error.code, row: error.row, column: error.column },
      };
    } else {
      await sink.dispose();
      const cancelled = context.signal.aborted;
      // Staged rows of a list not yet publishing are of no use; a publishing one keeps them for its retry.
      const current = await store.getImport(d.db, record.id).catch(() => null);
      if (current && current.stagedChunks === null) await staging.dropStaged(d.db, record.id).catch(() => {});
      await store
        .updateImport(d.db, record.id, { state: cancelled ? "cancelled" : "failed", finishedAt: new Date() })
        .catch(() => {});
      if (isUniqueViolation(error)) throw new DomainError("IMPORT_CONFLICT", { id: record.id }, 409);
      throw error;
    }
  } finally {
    await sink.dispose();
  }
  const result = loaded as Loaded | null;
  if (!result && finalState === "applied") {
    // A publish resumed after an interruption: the screening's matches were lost with the process.
    const saved = await store.getImport(d.db, record.id);
    await store.updateImport(d.db, record.id, { summary: { ...(saved?.summary ?? {}), applied: true } });
  }
  if (result && (finalState === "applied" || finalState === "checked" || finalState === "rejected")) {
    const screening = await screen(d, record, result, context);
    await store.updateImport(d.db, record.id, {
      summary: summaryOf(result, { applied: finalState === "applied", screening }),
    });
  }
  return { importId: record.id, state: finalState };
}
