/**
 * The HTTP shapes of imports and reconciliations: request and response schemas, the views the routes answer
 * with, and file downloads streamed into a reply.
 */
import { PassThrough, type Writable } from "node:stream";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { translate } from "../http/errors.ts";
import type { Language } from "../i18n/index.ts";
import { jobViewSchema } from "../jobs/routes.ts";
import type { JobView } from "../jobs/runner.ts";
import { IMPORT_FIELDS, type MappingTemplate } from "./headers.ts";
import {
  IMPORT_MODES,
  IMPORT_STATES,
  type ImportRow,
  INVALID_ROW_POLICIES,
  RECONCILIATION_CATEGORIES,
  RECONCILIATION_SCOPES,
  RECONCILIATION_STATES,
  type ReconciliationRow,
} from "./schema.ts";
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

export const fieldTarget = z.enum([...IMPORT_FIELDS, "ignore"]);
/** Header → field overrides, sent as URL-encoded JSON: {"NAMA KRT":"name","KET":"ignore"}. */
export const mappingParam = z
  .string()
  .max(8000)
  .transform((text, ctx) => {
    try {
      return z.record(z.string().max(200), fieldTarget).parse(JSON.parse(text)) as MappingTemplate;
    } catch {
      ctx.addIssue({ code: "custom", message: "FIELD_INVALID" });
      return z.NEVER;
    }
  });
export const fileName = z.string().trim().min(1).max(255);

export const importQuery = z.object({
  fileName,
  periodId: z.uuid().optional(),
  mode: z.enum(IMPORT_MODES).default("check"),
  invalidRows: z.enum(INVALID_ROW_POLICIES).default("reject_file"),
  templateId: z.uuid().optional(),
  mapping: mappingParam.optional(),
  headerRow: z.coerce.number().int().min(1).max(1000).optional(),
  sheetName: z.string().max(31).optional(),
});

export const issueMessage = z.object({
  row: z.number(),
  column: z.number().nullable().describe("0-based column; null for the row as a whole"),
  columnLabel: z.string().nullable().describe("Spreadsheet letter and header, e.g. E (TGL LAHIR)"),
  field: z.string().nullable(),
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  params: z.record(z.string(), z.unknown()),
});

export const importViewSchema = z.object({
  id: z.uuid(),
  state: z.enum(IMPORT_STATES),
  mode: z.enum(IMPORT_MODES),
  invalidRows: z.enum(INVALID_ROW_POLICIES),
  programId: z.string().nullable(),
  periodId: z.string().nullable(),
  fileName: z.string(),
  fileBytes: z.number(),
  contentHash: z.string(),
  jobId: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  agencyId: z.string().nullable(),
  area: z.string().nullable().describe("The sender's area (place key) when the file was sent"),
  layout: z.record(z.string(), z.unknown()).nullable(),
  summary: z.record(z.string(), z.unknown()).nullable(),
  notes: z.array(
    z.object({ code: z.string(), message: z.string(), row: z.number(), column: z.number().nullable() }),
  ),
  problem: z
    .object({ code: z.string(), message: z.string(), row: z.number(), column: z.number() })
    .nullable()
    .describe("Why the file as a whole was refused; row and column are 1-based"),
  issueCounts: z.array(
    z.object({ code: z.string(), severity: z.string(), count: z.number(), message: z.string() }),
  ),
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const submittedSchema = z.object({
  importId: z.uuid(),
  state: z.enum(IMPORT_STATES),
  duplicateOf: z.string().nullable(),
  message: z.string().nullable(),
  job: jobViewSchema.nullable(),
});

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

const region = z.object({ code: z.string(), name: z.string() });
const countsSchema = z.object({
  matched: z.number(),
  conflict: z.number(),
  central_only: z.number(),
  regional_only: z.number(),
});
export const areaCountSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  counts: countsSchema,
  decided: z.number(),
  total: z.number(),
});
export const reconciliationViewSchema = z.object({
  id: z.uuid(),
  state: z.enum(RECONCILIATION_STATES),
  programId: z.string(),
  periodId: z.string(),
  scope: z.enum(RECONCILIATION_SCOPES),
  agencyId: z.string(),
  sourceName: z.string(),
  fileName: z.string(),
  contentHash: z.string(),
  jobId: z.string().nullable(),
  counts: z.record(z.string(), z.number()).nullable(),
  byDistrict: z.array(areaCountSchema),
  problem: z
    .object({ code: z.string(), message: z.string(), row: z.number(), column: z.number() })
    .nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const lineSchema = z.object({
  id: z.uuid(),
  category: z.enum(RECONCILIATION_CATEGORIES),
  centralRow: z.number().nullable(),
  central: z
    .object({
      name: z.string().nullable(),
      nik: z.string().nullable(),
      kk: z.string().nullable(),
      birthDate: z.string().nullable(),
      birthYear: z.number().nullable(),
      sex: z.string().nullable(),
      address: z.string().nullable(),
      village: region.nullable(),
      rt: z.string().nullable(),
      rw: z.string().nullable(),
    })
    .nullable(),
  person: z
    .object({
      id: z.string(),
      name: z.string(),
      nik: z.string().nullable(),
      kk: z.string().nullable(),
      birthDate: z.string().nullable(),
      birthYear: z.number().nullable(),
      sex: z.string(),
      address: z.string().nullable(),
      village: region,
      rt: z.string().nullable(),
      rw: z.string().nullable(),
    })
    .nullable(),
  village: region.nullable(),
  rt: z.string().nullable(),
  probability: z.number().nullable(),
  conflicts: z.array(z.string()),
  evidence: z.record(z.string(), z.unknown()).nullable(),
  decision: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  allowedDecisions: z.array(z.string()),
  version: z.number(),
});

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
