import { z } from "zod";

/** The audit API's shapes, shared with the web app's audit page. */
const jsonValue = z.unknown();
const changeSchema = z.object({
  field: z.string(),
  before: jsonValue.optional(),
  after: jsonValue.optional(),
  masked: z.literal(true).optional(),
});
export const entryViewSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({
    id: z.string().nullable(),
    name: z.string(),
    role: z.string(),
    area: z.string().nullable(),
  }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  area: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  changes: z.array(changeSchema),
  entryHash: z.string(),
});
export const verifyReportSchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  lastSeq: z.number(),
  headHash: z.string(),
  checkpointsVerified: z.number(),
  macsChecked: z.boolean(),
  firstBrokenSeq: z.number().nullable(),
  problems: z.array(
    z.object({
      seq: z.number(),
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      message: z.string(),
    }),
  ),
});
export const checkpointViewSchema = z.object({
  id: z.number(),
  treeSize: z.number(),
  rootHash: z.string(),
  headHash: z.string(),
  issuedAt: z.string(),
  event: z.string(),
  keyId: z.string(),
  statement: z.string().describe("The exact signed text (canonical JSON)"),
  signature: z.string().describe("Ed25519 signature of `statement`, base64"),
});

export const entrySearchSchema = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  actorId: z.uuid().optional(),
  actorName: z.string().trim().min(1).max(80).optional(),
  actorRole: z.string().max(40).optional(),
  action: z.string().max(60).optional(),
  actionPrefix: z.string().max(60).optional(),
  area: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/)
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /**
   * A whole story: "person:<id>" (the person, their household and every application of theirs, through
   * payment), "enrollment:<id>" (the same story, found from one application) or "decree:<id>" (the decree and
   * the payment batches made from it).
   */
  subject: z
    .string()
    .regex(/^(person|enrollment|decree):[0-9a-f-]{36}$/)
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const entryPageSchema = z.object({
  items: z.array(entryViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const checkpointListSchema = z.object({
  keyId: z.string(),
  publicKey: z.string(),
  checkpoints: z.array(checkpointViewSchema),
});

export const extractInputSchema = entrySearchSchema.omit({ page: true, pageSize: true });

export const EXTRACT_FORMAT = "salur-audit-extract-v1";
export const EXTRACT_LIMIT = 5_000;
