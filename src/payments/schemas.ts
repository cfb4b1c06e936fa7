/** Request and response schemas of the payment routes, shared with the web app. */
import { z } from "zod";
import { EXPORT_FORMATS, LAYOUT_KINDS, LINE_STATUSES, RESULT_FORMATS, SPLIT_KEYS } from "./codes.ts";
import { exportLayoutSchema, resultLayoutSchema } from "./layout.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A saved layout's uuid, or a built-in layout's "builtin:<code>". */
const layoutId = z.string().min(1).max(80);
/** A file comes in one layout: a saved one named by id, or one sent with the request, never both. */
const oneLayout = (input: { layout?: unknown; layoutId?: string | undefined }) =>
  input.layout === undefined || input.layoutId === undefined;

export const prepareInputSchema = z.object({
  decreeId: z.string().min(1).max(80),
  bankAgencyId: z.uuid(),
  claimDeadline: isoDate,
  split: z.enum(SPLIT_KEYS).default("none"),
  branches: z.record(z.string().max(20), z.string().min(1).max(40)).optional(),
});

export const batchSchema = z.object({
  id: z.string(),
  number: z.number(),
  programId: z.string(),
  periodId: z.string(),
  agencyId: z.string(),
  bankAgencyId: z.string(),
  decreeId: z.string(),
  decreeNumber: z.string(),
  splitKey: z.string(),
  splitValue: z.string().nullable(),
  status: z.string(),
  lineCount: z.number(),
  totalAmount: z.number(),
  linesSha256: z.string(),
  claimDeadline: z.string(),
  preparedAt: z.string(),
  approvedAt: z.string().nullable(),
  exportedAt: z.string().nullable(),
  exportSha256: z.string().nullable(),
  version: z.number(),
});
export const batchListItemSchema = batchSchema.extend({
  programName: z.string(),
  periodName: z.string(),
  bankName: z.string(),
});
export const batchListSchema = z.object({ items: z.array(batchListItemSchema) });
/** The batches one preparation made from a decree. */
export const preparedBatchesSchema = z.object({ items: z.array(batchSchema) });
export const batchListQuerySchema = z.object({ periodId: z.uuid().optional() });

export const reconcileRowSchema = z.object({
  key: z.string(),
  issuedCount: z.number(),
  issuedAmount: z.number(),
  paidCount: z.number(),
  paidAmount: z.number(),
  failedCount: z.number(),
  failedAmount: z.number(),
  returnedCount: z.number(),
  returnedAmount: z.number(),
  pendingCount: z.number(),
  pendingAmount: z.number(),
  bankPaidCount: z.number(),
  bankPaidAmount: z.number(),
  bankFailedCount: z.number(),
  bankFailedAmount: z.number(),
  bankReturnedCount: z.number(),
  bankReturnedAmount: z.number(),
});

export const batchDetailSchema = z.object({
  batch: batchSchema,
  reconciliation: reconcileRowSchema.nullable(),
  resultFiles: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      format: z.string(),
      sha256: z.string(),
      statementNumber: z.string().nullable(),
      importedAt: z.string(),
      summary: z.record(z.string(), z.number()),
    }),
  ),
});

export const approveInputSchema = z.object({ version: z.number().int(), linesSha256: z.string().length(64) });

export const exportInputSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS).default("csv"),
    layout: exportLayoutSchema.optional(),
    layoutId: layoutId.optional(),
  })
  .refine(oneLayout, { message: "PAYMENT_LAYOUT_TWICE", path: ["layoutId"] });

export const linesQuerySchema = z.object({
  status: z.enum(LINE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const linesPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      lineNumber: z.number(),
      reference: z.string(),
      enrollmentId: z.string(),
      accountName: z.string(),
      amount: z.number(),
      branchCode: z.string(),
      villageCode: z.string(),
      districtCode: z.string(),
      status: z.string(),
      bankReference: z.string().nullable(),
      failureReason: z.string().nullable(),
      failureText: z.string().nullable(),
      resolution: z.string().nullable(),
      version: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** A result file travels as base64 in JSON: one request, one transaction, no temporary file on the server. */
export const resultInputSchema = z
  .object({
    fileName: z.string().min(1).max(200),
    format: z.enum(RESULT_FORMATS),
    contentBase64: z.string().min(1),
    layout: resultLayoutSchema.optional(),
    layoutId: layoutId.optional(),
  })
  .refine(oneLayout, { message: "PAYMENT_LAYOUT_TWICE", path: ["layoutId"] });
export const resultImportSchema = z.object({
  fileId: z.string(),
  alreadyReceived: z.boolean(),
  receivedAt: z.string(),
  sha256: z.string(),
  statementNumber: z.string().nullable(),
  summary: z.record(z.string(), z.number()),
  refusals: z.array(
    z.object({
      row: z.number(),
      reference: z.string().nullable(),
      bankReference: z.string().nullable(),
      code: z.string(),
    }),
  ),
});

export const deadlineInputSchema = z.object({ asOf: isoDate });
export const deadlineResultSchema = z.object({
  batch: batchSchema,
  returned: z.number(),
  returnedAmount: z.number(),
});

export const resolutionInputSchema = z.object({
  action: z.enum(["reissue", "cancel"]),
  version: z.number().int(),
  reason: z.string().trim().min(3).max(500),
});
export const resolutionResultSchema = z.object({
  id: z.string(),
  resolution: z.string().nullable(),
  version: z.number(),
});

export const reconciliationQuerySchema = z.object({
  batchId: z.uuid().optional(),
  programId: z.uuid().optional(),
  periodId: z.uuid().optional(),
  by: z.enum(["batch", "village", "district", "program"]).default("batch"),
});
export const reconciliationSchema = z.object({
  by: z.string(),
  batches: z.number(),
  groups: z.array(reconcileRowSchema.extend({ name: z.string().nullable(), balanced: z.boolean() })),
  total: reconcileRowSchema.omit({ key: true }).extend({ balanced: z.boolean() }),
  differences: z.array(
    z.object({
      id: z.string(),
      batchId: z.string(),
      fileId: z.string(),
      row: z.number(),
      lineId: z.string().nullable(),
      reference: z.string(),
      bankReference: z.string(),
      outcome: z.string(),
      amount: z.number(),
      disposition: z.string(),
      refusalCode: z.string().nullable(),
      lineAmount: z.number().nullable(),
      lineStatus: z.string().nullable(),
      accountName: z.string().nullable(),
      villageCode: z.string().nullable(),
    }),
  ),
});

export const uncollectedQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const uncollectedSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      name: z.string(),
      amount: z.number(),
      status: z.string(),
      villageCode: z.string(),
      villageName: z.string(),
      rt: z.string().nullable(),
      failureReason: z.string().nullable(),
      batchNumber: z.number(),
      claimDeadline: z.string(),
      programName: z.string(),
    }),
  ),
  total: z.number(),
  amount: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const layoutCommon = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** The BRI defaults: listed first, used when no layout is chosen, never replaced or deleted. */
  builtIn: z.boolean(),
  updatedAt: z.string().nullable(),
};
export const layoutViewSchema = z.discriminatedUnion("kind", [
  z.object({ ...layoutCommon, kind: z.literal("export"), layout: exportLayoutSchema }),
  z.object({ ...layoutCommon, kind: z.literal("result"), layout: resultLayoutSchema }),
]);
export const layoutListSchema = z.object({ items: z.array(layoutViewSchema) });
export const layoutListQuerySchema = z.object({
  kind: z.enum(LAYOUT_KINDS).optional(),
  /** The layouts of the batch's paying agency: what its bank operator applies results with. */
  batchId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
});
/** Saved under the layout's code: a code the agency already has is replaced. */
export const layoutSaveSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("export"), agencyId: z.uuid().optional(), layout: exportLayoutSchema }),
  z.object({ kind: z.literal("result"), agencyId: z.uuid().optional(), layout: resultLayoutSchema }),
]);
export const layoutIdParams = z.object({ id: layoutId });

export type BatchView = z.output<typeof batchSchema>;
export type ReconciliationView = z.output<typeof reconciliationSchema>;
