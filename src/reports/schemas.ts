/** Request and response shapes of the reports API, shared with the web app. */
import { z } from "zod";
import { PIPELINE_STAGES, RECAP_DIMENSIONS } from "./recap.ts";

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const recapQuerySchema = z.object({
  dimension: z.enum(RECAP_DIMENSIONS).default("district"),
  programId: z.uuid().optional(),
  periodId: z.uuid().optional(),
  month: z.string().regex(MONTH_PATTERN).optional(),
});

const figureSchema = z.object({ count: z.number().int(), amount: z.number().int() });
const stagesSchema = z.partialRecord(z.enum(PIPELINE_STAGES), figureSchema);
const recapRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  stages: stagesSchema,
  failed: figureSchema,
  returned: figureSchema,
  confirmedPaid: z.number().int(),
});

export const recapSchema = z.object({
  dimension: z.enum(RECAP_DIMENSIONS),
  rows: z.array(recapRowSchema),
  total: recapRowSchema,
  failures: z.array(z.object({ reason: z.string(), count: z.number().int(), amount: z.number().int() })),
  overlaps: z.array(
    z.object({ key: z.string(), label: z.string(), found: z.number().int(), resolved: z.number().int() }),
  ),
  complaints: z.array(
    z.object({
      category: z.string(),
      received: z.number().int(),
      resolved: z.number().int(),
      withinSla: z.number().int(),
      breached: z.number().int(),
      open: z.number().int(),
    }),
  ),
  queries: z.record(z.string(), z.string()),
});

export const packInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("monthly"), month: z.string().regex(MONTH_PATTERN) }),
  z.object({ kind: z.literal("batch"), batchId: z.uuid() }),
]);

export const packSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["monthly", "batch"]),
  month: z.string().nullable(),
  batchId: z.string().nullable(),
  areaCode: z.string(),
  title: z.string(),
  checkpointId: z.number().int(),
  pdfSha256: z.string(),
  xlsxSha256: z.string(),
  generatedByName: z.string(),
  generatedAt: z.string(),
});

export const packListSchema = z.object({ items: z.array(packSchema), hasMore: z.boolean() });
export const packListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const packFileParamsSchema = z.object({ id: z.uuid(), format: z.enum(["pdf", "xlsx"]) });

export const areaExportQuerySchema = z.object({
  areaCode: z
    .string()
    .regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/)
    .optional(),
  identity: z.enum(["masked", "full"]).default("masked"),
});

export type RecapView = z.output<typeof recapSchema>;
export type PackView = z.output<typeof packSchema>;
export type PackInput = z.output<typeof packInputSchema>;
