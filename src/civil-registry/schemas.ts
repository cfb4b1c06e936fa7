/** Request and response schemas of the civil-registry routes, shared with the web app. */
import { z } from "zod";
import {
  BATCH_FIELDS,
  BATCH_SCOPES,
  DIFFERING_FIELDS,
  REVIEW_DECISIONS,
  REVIEW_STATES,
  VERIFICATION_SOURCES,
  VERIFICATION_STATUSES,
} from "./codes.ts";

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).default(0),
};

export const batchInputSchema = z.object({
  scope: z.enum(BATCH_SCOPES),
  areaCode: z
    .string()
    .regex(/^\d{2}(\.\d{2}){1,2}(\.\d{4})?$/)
    .optional(),
  periodId: z.uuid().optional(),
});
export type BatchInput = z.output<typeof batchInputSchema>;

export const batchSchema = z.object({
  id: z.string(),
  code: z.string(),
  scope: z.enum(BATCH_SCOPES),
  area: z.object({ code: z.string(), name: z.string() }),
  periodId: z.string().nullable(),
  rowCount: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Batch = z.output<typeof batchSchema>;

export const batchListQuerySchema = z.object(page);
export const batchListSchema = z.object({ total: z.number(), items: z.array(batchSchema) });

export const batchExportSchema = z.object({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
  columns: z
    .array(z.object({ header: z.string().trim().min(1).max(60), field: z.enum(BATCH_FIELDS) }))
    .max(20)
    .optional(),
});

export const resultInputSchema = z.object({
  fileName: z.string().min(1).max(200),
  contentBase64: z.string().min(1),
});

export const resultImportSchema = z.object({
  fileId: z.string(),
  alreadyReceived: z.boolean(),
  sha256: z.string(),
  summary: z.object({
    entries: z.number(),
    applied: z.number(),
    unchanged: z.number(),
    conflicts: z.number(),
    unmatched: z.number(),
    malformed: z.number(),
    reviews: z.number(),
    withdrawn: z.number(),
    withdrawalsLeft: z.number(),
    byStatus: z.record(z.enum(VERIFICATION_STATUSES), z.number()),
    report: z.array(z.object({ row: z.number(), problem: z.string() })),
  }),
});
export type ResultImportView = z.output<typeof resultImportSchema>;

export const reviewQuerySchema = z.object({
  state: z.enum(REVIEW_STATES).optional(),
  ...page,
});

export const reviewSchema = z.object({
  id: z.string(),
  version: z.number(),
  person: z.object({ id: z.string(), villageCode: z.string(), name: z.string(), village: z.string() }),
  field: z.enum(DIFFERING_FIELDS),
  ours: z.string().nullable(),
  registry: z.string().nullable(),
  status: z.enum(VERIFICATION_STATUSES),
  checkedOn: z.string(),
  state: z.enum(REVIEW_STATES),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type Review = z.output<typeof reviewSchema>;
export const reviewListSchema = z.object({ total: z.number(), items: z.array(reviewSchema) });

export const reviewDecisionSchema = z.object({
  decision: z.enum(REVIEW_DECISIONS),
  reason: z.string().trim().min(3).max(500),
  version: z.number().int().min(1),
});
export const reviewApprovalSchema = z.object({ version: z.number().int().min(1) });
export const reviewStateSchema = z.object({
  id: z.string(),
  state: z.enum(REVIEW_STATES),
  version: z.number(),
});

export const verificationSchema = z.object({
  verification: z
    .object({
      status: z.enum(VERIFICATION_STATUSES),
      checkedOn: z.string(),
      source: z.enum(VERIFICATION_SOURCES),
      sourceRef: z.string(),
    })
    .nullable(),
});
export type PersonVerification = z.output<typeof verificationSchema>;

export const onlineCheckSchema = z.object({
  status: z.enum(VERIFICATION_STATUSES),
  checkedOn: z.string(),
  requestId: z.string(),
  differing: z.array(z.string()),
  withdrawn: z.number(),
  left: z.number(),
});

export const statisticsQuerySchema = z.object({ level: z.enum(["village", "district"]).default("village") });
export const statisticsSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      persons: z.number(),
      verified: z.number(),
      padan: z.number(),
      tidakPadan: z.number(),
      notFound: z.number(),
      deceased: z.number(),
      moved: z.number(),
    }),
  ),
});
export type VerificationStatistics = z.output<typeof statisticsSchema>;
