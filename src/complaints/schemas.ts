/** The complaint API's shapes, validated once at the edge and shared with the web app. */
import { z } from "zod";
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_LEVELS,
  COMPLAINT_STAGES,
  SLA_COLOURS,
} from "./codes.ts";
import { COMPLAINT_ACTIONS } from "./lifecycle.ts";

const villageCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
const shortText = (max: number) => z.string().trim().max(max);

/** An officer takes down a complaint for a complainant (walk-in, phone, letter, WhatsApp). */
export const officerIntakeSchema = z.object({
  category: z.enum(COMPLAINT_CATEGORIES),
  channel: z.enum(COMPLAINT_CHANNELS).exclude(["web", "system"]),
  description: z.string().trim().min(10).max(4000),
  villageCode: villageCode.nullish(),
  programId: z.uuid().nullish(),
  personId: z.uuid().nullish(),
  reference: shortText(100).nullish(),
  laporNumber: shortText(40).nullish(),
  anonymous: z.boolean(),
  name: shortText(120).nullish(),
  phone: shortText(20).nullish(),
  identityConsent: z.boolean().optional(),
});

/** The public form's fields (multipart text parts); photos come as file parts. */
export const publicIntakeSchema = z.object({
  category: z.enum(COMPLAINT_CATEGORIES),
  description: z.string().trim().min(10).max(4000),
  villageCode: z.union([villageCode, z.literal("")]).optional(),
  reference: shortText(100).optional(),
  laporNumber: shortText(40).optional(),
  anonymous: z.enum(["on"]).optional(),
  name: shortText(120).optional(),
  phone: shortText(20).optional(),
  identityConsent: z.enum(["on"]).optional(),
});

export const intakeResultSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  duplicate: z.boolean(),
  stage: z.enum(COMPLAINT_STAGES),
});

export const stepInputSchema = z.object({
  action: z.enum(COMPLAINT_ACTIONS),
  version: z.number().int().min(1),
  reason: shortText(1000).nullish(),
  publicReply: shortText(2000).nullish(),
  assigneeId: z.uuid().nullish(),
});

export const stepResultSchema = z.object({
  id: z.uuid(),
  stage: z.enum(COMPLAINT_STAGES),
  level: z.enum(COMPLAINT_LEVELS),
  version: z.number(),
});

export const identityInputSchema = z.object({ reason: shortText(500).nullish() });
export const identitySchema = z.object({
  anonymous: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
});

export const queueQuerySchema = z.object({
  stage: z.enum(COMPLAINT_STAGES).optional(),
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  villageCode: villageCode.optional(),
  colour: z.enum(SLA_COLOURS).optional(),
  open: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const queueItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  channel: z.string(),
  stage: z.enum(COMPLAINT_STAGES),
  level: z.enum(COMPLAINT_LEVELS),
  sensitive: z.boolean(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  receivedAt: z.string(),
  colour: z.enum(SLA_COLOURS),
  dueAt: z.string().nullable(),
  handling: z.boolean(),
});

export const queueSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(queueItemSchema),
});

export const complaintDetailSchema = queueItemSchema.extend({
  programId: z.string().nullable(),
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
  reference: z.string().nullable(),
  laporNumber: z.string().nullable(),
  description: z.string(),
  anonymous: z.boolean(),
  identityConsent: z.boolean(),
  version: z.number(),
  escalateAt: z.string().nullable(),
  /** The SLA clock stands still: the complaint waits for the complainant's answer. */
  slaPaused: z.boolean(),
  photos: z.array(z.object({ id: z.string(), mediaType: z.string(), size: z.number() })),
  events: z.array(
    z.object({
      action: z.string(),
      fromStage: z.string().nullable(),
      toStage: z.string(),
      level: z.string(),
      reason: z.string().nullable(),
      publicReply: z.string().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
});

const countRows = z.array(z.object({ key: z.string(), count: z.number().nullable() }));
export const statisticsSchema = z.object({
  total: z.number().nullable(),
  byCategory: countRows,
  byStage: countRows,
  byArea: countRows,
  bySla: countRows,
});

export type QueueItem = z.output<typeof queueItemSchema>;
export type ComplaintDetail = z.output<typeof complaintDetailSchema>;

const days = (max: number) => z.number().int().min(1).max(max);

/** The SLA settings in force (version 0: the code's defaults, never saved). */
export const slaSettingsSchema = z.object({
  acknowledgeDays: z.number(),
  triageDays: z.number(),
  resolvePaymentDays: z.number(),
  resolveOtherDays: z.number(),
  escalateAtPercent: z.number(),
  version: z.number(),
  updatedAt: z.string().nullable(),
});

export const slaSettingsInputSchema = z
  .object({
    acknowledgeDays: days(30),
    triageDays: days(30),
    resolvePaymentDays: days(90),
    resolveOtherDays: days(90),
    escalateAtPercent: z.number().int().min(10).max(95),
    version: z.number().int().min(0),
    reason: z.string().trim().min(3).max(500),
  })
  .strict();

/** A frozen publication of the public complaint statistics: its id, the hash of its figures and when. */
export const statisticsPublicationSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  publishedAt: z.string(),
});
