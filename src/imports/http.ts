/**
 * The HTTP edge of imports and reconciliations: the views the routes answer with (their schemas are in
 * schemas.ts) and file downloads streamed into a reply.
 */
import { PassThrough, type Writable } from "node:stream";
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { translate } from "../http/errors.ts";
import type { Language } from "../i18n/index.ts";
import type { JobView } from "../jobs/runner.ts";
import type { ImportRow, ReconciliationRow } from "./schema.ts";
import type { areaCountSchema } from "./schemas.ts";
import type * as service from "./service.ts";
import * as store from "./store.ts";
import { CONTENT_TYPES } from "./table-writer.ts";

export const FILE_TYPES = [
  "application/octet-stream",
  "text/csv",
  "text/plain",
  "application/csv",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

export function presentJob(view: JobView | null, language: Language) {
  if (!view) return null;
  const { createdById: _c, error, ...rest } = view;
  return {
    ...rest,
    error: error
      ? {
          code: error.code,
          message: translate(error.code, error.params as Record<string, string>, language),
          params: error.params,
        }
      : null,
  };
}

export function params(value: unknown): Record<string, string | number> {
  return (value ?? {}) as Record<string, string | number>;
}

export async function importView(d: service.ImportDeps, row: ImportRow, language: Language) {
  const counts = await store.issueCounts(d.db, row.id);
  const problem = row.problem as {
    code: string;
    row: number;
    column: number;
    params: Record<string, string | number>;
  } | null;
  return {
    id: row.id,
    state: row.state,
    mode: row.mode,
    invalidRows: row.invalidRows,
    programId: row.programId,
    periodId: row.periodId,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    contentHash: row.contentHash,
    jobId: row.jobId,
    duplicateOf: row.duplicateOf,
    agencyId: row.agencyId,
    area: row.area,
    layout: row.layout,
    summary: row.summary,
    notes: (
      (row.notes ?? []) as unknown as {
        code: string;
        params: Record<string, string | number>;
        row: number;
        column: number | null;
      }[]
    ).map((n) => ({
      code: n.code,
      message: translate(n.code, n.params, language),
      row: n.row,
      column: n.column,
    })),
    problem: problem
      ? {
          code: problem.code,
          message: translate(problem.code, problem.params, language),
          row: problem.row,
          column: problem.column,
        }
      : null,
    issueCounts: counts.map((c) => ({
      code: c.code,
      severity: c.severity,
      count: Number(c.n),
      message: translate(c.code, {}, language),
    })),
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function reconciliationView(
  row: ReconciliationRow,
  byDistrict: z.output<typeof areaCountSchema>[],
  language: Language,
) {
  const problem = row.problem as {
    code: string;
    row: number;
    column: number;
    params: Record<string, string | number>;
  } | null;
  return {
    id: row.id,
    state: row.state,
    programId: row.programId,
    periodId: row.periodId,
    scope: row.scope,
    agencyId: row.agencyId,
    sourceName: row.sourceName,
    fileName: row.fileName,
    contentHash: row.contentHash,
    jobId: row.jobId,
    counts: row.counts,
    byDistrict,
    problem: problem
      ? {
          code: problem.code,
          message: translate(problem.code, problem.params, language),
          row: problem.row,
          column: problem.column,
        }
      : null,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function download(reply: FastifyReply, format: "csv" | "xlsx", name: string) {
  reply.header("content-type", CONTENT_TYPES[format]);
  reply.header("content-disposition", `attachment; filename="${name.replace(/[^\w.-]+/g, "_")}.${format}"`);
  reply.header("cache-control", "no-store");
}

/** Streams a file the service writes into the reply; errors before the first byte still answer as JSON. */
export function streamFile(reply: FastifyReply, write: (out: Writable) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply.send(out);
}
