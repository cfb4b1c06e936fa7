/** Request and response schemas of the imports and reconciliation APIs; the web app derives its types from these. */
import { z } from "zod";
import { jobViewSchema } from "../jobs/schemas.ts";
import {
  IMPORT_MODES,
  IMPORT_STATES,
  INVALID_ROW_POLICIES,
  RECONCILIATION_CATEGORIES,
  RECONCILIATION_SCOPES,
  RECONCILIATION_STATES,
} from "./codes.ts";
import { IMPORT_FIELDS, type MappingTemplate } from "./headers.ts";

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

export const importFieldsSchema = z.array(z.string());

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

export const periodFilterSchema = z.object({ periodId: z.uuid().optional() });

export const issuesQuerySchema = z.object({
  afterRow: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
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
export const issueListSchema = z.array(issueMessage);

export const downloadQuerySchema = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

/**
 * Header, mapping and dialect found while reading (load.ts `layoutOf`). Stored as JSON with the import, so the
 * keys are optional and any other key passes through unchanged.
 */
const layoutSchema = z.looseObject({
  format: z.string().optional(),
  delimiter: z.string().optional(),
  encoding: z.string().optional(),
  headerRow: z.number().optional(),
  headers: z.array(z.string()).optional(),
  /** Field → 0-based column; the keys are not held to today's fields, so a layout stored earlier still serves. */
  mapping: z.record(z.string(), z.number()).optional(),
  unmapped: z.array(z.object({ column: z.number(), header: z.string() })).optional(),
});

/** Whether the rows were compared with the registry for possible duplicates (screening.ts `screen`). */
const screeningSchema = z.looseObject({
  ran: z.boolean(),
  reason: z.string().optional(),
  limit: z.number().optional(),
  registryCompared: z.number().optional(),
  possibleRegistryDuplicates: z.number().optional(),
  possibleFileDuplicates: z.number().optional(),
});

/** Counts of a read or finished import (load.ts `summaryOf`), stored as JSON like the layout. */
const summarySchema = z.looseObject({
  dataRows: z.number().optional(),
  blankRows: z.number().optional(),
  accepted: z.number().optional(),
  rejected: z.number().optional(),
  withWarnings: z.number().optional(),
  errors: z.number().optional(),
  warnings: z.number().optional(),
  duplicatesInFile: z.number().optional(),
  personsCreated: z.number().optional(),
  personsExisting: z.number().optional(),
  enrollmentsCreated: z.number().optional(),
  enrollmentsExisting: z.number().optional(),
  applied: z.boolean().optional(),
  screening: screeningSchema.optional(),
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
  layout: layoutSchema.nullable(),
  summary: summarySchema.nullable(),
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
export const importListSchema = z.array(importViewSchema);

export const submittedSchema = z.object({
  importId: z.uuid(),
  state: z.enum(IMPORT_STATES),
  duplicateOf: z.string().nullable(),
  message: z.string().nullable(),
  job: jobViewSchema.nullable(),
});

export const templatesQuerySchema = z.object({ agencyId: z.uuid().optional() });

export const templateSchema = z.object({
  id: z.uuid(),
  agencyId: z.string().nullable(),
  name: z.string(),
  mapping: z.record(z.string(), fieldTarget),
  version: z.number(),
});
export const templateListSchema = z.array(templateSchema);

export const templateInputSchema = z.object({
  agencyId: z.uuid().nullish(),
  name: z.string().trim().min(1).max(80),
  mapping: z.record(z.string().max(200), fieldTarget),
});

// Reconciliations ------------------------------------------------------------------------------------------

export const reconciliationQuerySchema = z.object({
  fileName,
  periodId: z.uuid(),
  scope: z.enum(RECONCILIATION_SCOPES).default("period"),
  sourceName: z.string().trim().min(1).max(120).default("DTKS"),
  templateId: z.uuid().optional(),
  mapping: mappingParam.optional(),
  headerRow: z.coerce.number().int().min(1).max(1000).optional(),
  sheetName: z.string().max(31).optional(),
});

export const reconciliationSubmittedSchema = z.object({
  reconciliationId: z.uuid(),
  job: jobViewSchema.nullable(),
});

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
export const areaCountListSchema = z.array(areaCountSchema);

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
  /** The four sets plus centralRows, centralSkipped and regional once done. */
  counts: z.record(z.string(), z.number()).nullable(),
  byDistrict: z.array(areaCountSchema),
  problem: z
    .object({ code: z.string(), message: z.string(), row: z.number(), column: z.number() })
    .nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const reconciliationListSchema = z.array(reconciliationViewSchema);

export const villagesQuerySchema = z.object({ districtCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/) });

/**
 * The overlap engine's evidence for a paired line (reconcile.ts `Evidence`), or the nearest registry person for
 * a central-only line; stored as JSON, so any other key passes through unchanged.
 */
const evidenceSchema = z.looseObject({
  probability: z.number().optional(),
  weight: z.number().optional(),
  fields: z.array(z.object({ field: z.string(), level: z.string(), weight: z.number() })).optional(),
  nearest: z.looseObject({ personId: z.string(), name: z.string(), probability: z.number() }).optional(),
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
      /** The year only, for callers without the identity right (birthDate is null then). */
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
  evidence: evidenceSchema.nullable(),
  decision: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  allowedDecisions: z.array(z.string()),
  version: z.number(),
});
export const lineListSchema = z.array(lineSchema);

/** Which lines a list or an export holds: one set, one kecamatan or desa, decided or not. */
export const lineFilterSchema = z.object({
  category: z.enum(RECONCILIATION_CATEGORIES).optional(),
  districtCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/)
    .optional(),
  villageCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/)
    .optional(),
  decided: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

export const linesQuerySchema = lineFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const linePageSchema = z.object({
  items: z.array(lineSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const decisionInputSchema = z.object({
  lines: z
    .array(z.object({ id: z.uuid(), version: z.number().int().min(1).optional() }))
    .min(1)
    .max(500),
  decision: z.string().min(1).max(40),
  reason: z.string().trim().max(500).nullish(),
});

export const exportQuerySchema = lineFilterSchema.extend({
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
  identity: z.enum(["masked", "full"]).default("masked"),
});
