import { z } from "zod";
import { DOCUMENT_KINDS } from "../documents/kinds.ts";
import { eligibilityViewSchema } from "../registration/schemas.ts";
import { ENROLLMENT_STATUSES } from "../registry/codes.ts";
import { WORKFLOW_ACTIONS } from "./engine.ts";
import { programPolicySchema } from "./policy.ts";

/** The workflow's API shapes, validated once at the edge and shared with the web app. */
const reasonText = z.string().trim().min(3).max(1000);

export const transitionInputSchema = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  version: z.number().int().min(1),
  reasonCode: z.string().trim().max(60).nullish(),
  reason: reasonText.nullish(),
});

export const bulkTransitionSchema = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  items: z
    .array(z.object({ id: z.uuid(), version: z.number().int().min(1) }))
    .min(1)
    .max(200),
  reasonCode: z.string().trim().max(60).nullish(),
  reason: reasonText.nullish(),
});

export const transitionOutcomeSchema = z.object({
  id: z.uuid(),
  action: z.enum(WORKFLOW_ACTIONS),
  from: z.enum(ENROLLMENT_STATUSES),
  status: z.enum(ENROLLMENT_STATUSES),
  version: z.number(),
  statusChangedAt: z.string(),
  eligibility: eligibilityViewSchema.nullable(),
});

export const bulkResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      status: z.union([z.enum(ENROLLMENT_STATUSES), z.number()]).optional(),
      version: z.number().optional(),
      code: z.string().optional(),
      message: z.string().optional(),
      params: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  applied: z.number(),
  refused: z.number(),
});

export const applicationViewSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  programId: z.uuid(),
  programName: z.string(),
  agencyName: z.string(),
  periodId: z.uuid(),
  periodName: z.string(),
  businessId: z.string().nullable(),
  status: z.enum(ENROLLMENT_STATUSES),
  villageCode: z.string(),
  districtCode: z.string(),
  rt: z.string().nullable(),
  statusChangedAt: z.string(),
  version: z.number(),
});

export const queueQuerySchema = z.object({
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  villageCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/)
    .optional(),
  districtCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/)
    .optional(),
  periodId: z.uuid().optional(),
  programId: z.uuid().optional(),
  /** Part of the applicant's name. */
  q: z.string().trim().min(1).max(80).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const duplicateHintSchema = z.object({
  kind: z.enum(["same_household", "other_program"]),
  enrollmentId: z.uuid(),
  personName: z.string(),
  programName: z.string(),
  periodName: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
});

export const queueSchema = z.object({
  counts: z.record(z.string(), z.number()),
  items: z.array(
    applicationViewSchema.extend({
      documents: z.array(z.enum(DOCUMENT_KINDS)),
      missingDocuments: z.array(z.enum(DOCUMENT_KINDS)),
      appearedInPerson: z.boolean().nullable(),
      eligibility: eligibilityViewSchema.nullable(),
      duplicates: z.array(duplicateHintSchema),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const documentViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  sha256: z.string(),
  originalSha256: z.string(),
  mediaType: z.string(),
  size: z.number(),
  removedMetadata: z.array(z.string()),
  uploadedBy: z.uuid(),
  uploadedAt: z.string(),
});

export const checklistSchema = z.object({
  required: z.array(z.enum(DOCUMENT_KINDS)),
  present: z.array(z.enum(DOCUMENT_KINDS)),
  missing: z.array(z.enum(DOCUMENT_KINDS)),
  items: z.array(documentViewSchema),
});

const historyChange = z.object({
  field: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  masked: z.literal(true).optional(),
});
export const historyItemSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string(), role: z.string() }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.array(historyChange),
});

export const actionViewSchema = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  to: z.enum(ENROLLMENT_STATUSES),
  reason: z.enum(["none", "text", "coded"]),
  reasonCodes: z.array(z.string()),
  duty: z.string().nullable(),
  /** What still stands in the way (documents missing, not eligible); null when the action can be taken now. */
  blocked: z
    .object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.unknown()) })
    .nullable(),
});

export const workflowViewSchema = z.object({
  application: applicationViewSchema,
  policy: programPolicySchema,
  documents: checklistSchema,
  eligibility: eligibilityViewSchema,
  actions: z.array(actionViewSchema),
  history: z.array(historyItemSchema),
});

export const transitionTableSchema = z.object({
  statuses: z.array(z.enum(ENROLLMENT_STATUSES)),
  terminal: z.array(z.enum(ENROLLMENT_STATUSES)),
  transitions: z.array(
    z.object({
      action: z.enum(WORKFLOW_ACTIONS),
      from: z.enum(ENROLLMENT_STATUSES),
      to: z.enum(ENROLLMENT_STATUSES),
      roles: z.array(z.string()),
      broadestScope: z.string(),
      documents: z.boolean(),
      duty: z.string().nullable(),
      reason: z.enum(["none", "text", "coded"]),
      reasonCodes: z.array(z.string()),
      eligibility: z.boolean(),
    }),
  ),
});

export const policyViewSchema = programPolicySchema.extend({
  programId: z.uuid(),
  isDefault: z.boolean(),
  version: z.number(),
});
export const policyInputSchema = programPolicySchema.extend({
  /** 0 for a program still on its default policy. */
  version: z.number().int().min(0),
});
