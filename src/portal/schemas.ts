/** Request and response schemas of the portal's officials' API, shared with the web app. */
import { z } from "zod";
import { NAME_POLICIES } from "./names.ts";
import { OBJECTION_STATES, PUBLICATION_KINDS, PUBLICATION_STATES } from "./schema-codes.ts";

export const prepareInputSchema = z.object({
  periodId: z.uuid(),
  kind: z.enum(PUBLICATION_KINDS),
  namePolicy: z.enum(NAME_POLICIES).optional(),
  objectionDays: z.number().int().min(1).max(30).optional(),
});

export const approveInputSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const discardInputSchema = z.object({ reason: z.string().trim().min(3).max(500) });

export const publicationSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(PUBLICATION_KINDS),
  state: z.enum(PUBLICATION_STATES),
  sha256: z.string(),
  entries: z.number(),
  preparedAt: z.string(),
  publishedAt: z.string().nullable(),
  objectionEndsOn: z.string().nullable(),
});

export const publicationListItemSchema = publicationSummarySchema.extend({
  programId: z.uuid(),
  periodId: z.uuid(),
  programName: z.string(),
  periodName: z.string(),
  preparedBy: z.uuid().nullable(),
  publishedBy: z.uuid().nullable(),
  /** Whether the caller may approve it (not its preparer). */
  preparedByMe: z.boolean(),
});
export const publicationListSchema = z.object({ items: z.array(publicationListItemSchema) });

export const objectionQuerySchema = z.object({
  state: z.enum(OBJECTION_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const objectionItemSchema = z.object({
  id: z.uuid(),
  publicationId: z.uuid(),
  enrollmentId: z.uuid(),
  enrollmentStatus: z.string(),
  enrollmentVersion: z.number(),
  personName: z.string(),
  programName: z.string(),
  periodName: z.string(),
  villageCode: z.string(),
  rt: z.string().nullable(),
  reasonCode: z.string(),
  reason: z.string(),
  state: z.enum(OBJECTION_STATES),
  createdAt: z.string(),
});
export const objectionListSchema = z.object({ items: z.array(objectionItemSchema), total: z.number() });

export const objectionDecisionSchema = z.object({
  outcome: z.enum(["upheld", "dismissed"]),
  reason: z.string().trim().min(10).max(2000),
});

export const posterParams = z.object({
  id: z.uuid(),
  village: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
});
export const checkCodeSchema = z.object({ code: z.string() });

export type PublicationListItem = z.output<typeof publicationListItemSchema>;
export type ObjectionItem = z.output<typeof objectionItemSchema>;
