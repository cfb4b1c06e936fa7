import { z } from "zod";
import { DECREE_STATUSES, PAPER_SIZES } from "./codes.ts";

/** The decree API's shapes, validated once at the edge and shared with the web app. */
const isoDate = z.iso.date();

export const draftInputSchema = z.object({
  periodId: z.uuid(),
  selectionRunId: z.uuid().nullish(),
  amendsId: z.uuid().nullish(),
  sanggah: z.object({ opensOn: isoDate, closesOn: isoDate }).nullish(),
});

export const versionInputSchema = z.object({ version: z.number().int().min(1) });
export const revokeInputSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(3).max(1000),
});

export const decreeViewSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  programName: z.string(),
  periodId: z.uuid(),
  agencyId: z.uuid(),
  selectionRunId: z.uuid().nullable(),
  amendsId: z.uuid().nullable(),
  amendsNumber: z.string().nullable(),
  supersededById: z.uuid().nullable(),
  supersededByNumber: z.string().nullable(),
  status: z.enum(DECREE_STATUSES),
  number: z.string().nullable(),
  decreedOn: z.string().nullable(),
  subject: z.string(),
  considering: z.array(z.string()),
  legalBasis: z.array(z.string()),
  decisions: z.array(z.string()),
  lineCount: z.number(),
  totalAmount: z.number(),
  totalInWords: z.string(),
  annexSha256: z.string(),
  merkleRoot: z.string(),
  checkpointId: z.number(),
  checkpointRoot: z.string(),
  draftedByName: z.string(),
  draftedById: z.uuid().nullable(),
  checkedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  signedPdfSha256: z.string().nullable(),
  revokedReason: z.string().nullable(),
  sanggahClosesOn: z.string().nullable(),
  verifyUrl: z.string(),
  createdAt: z.string(),
  version: z.number(),
});
export type DecreeView = z.output<typeof decreeViewSchema>;
export const decreeListSchema = z.array(decreeViewSchema);

export const decreeLineSchema = z.object({
  line: z.number(),
  enrollmentId: z.uuid(),
  name: z.string(),
  nikMasked: z.string(),
  villageName: z.string(),
  rtRw: z.string(),
  business: z.string(),
  amount: z.number(),
});

export const linesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const linesPageSchema = z.object({
  items: z.array(decreeLineSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const diffSchema = z.object({
  amendsNumber: z.string().nullable(),
  added: z.array(decreeLineSchema.omit({ enrollmentId: true }).extend({ enrollmentId: z.uuid() })),
  removed: z.array(decreeLineSchema),
  changed: z.array(
    z.object({ before: decreeLineSchema, after: decreeLineSchema, fields: z.array(z.string()) }),
  ),
  unchanged: z.number(),
});

export const pdfQuerySchema = z.object({ variant: z.enum(["public", "archive"]).default("public") });

export const settingsSchema = z.object({
  numberPattern: z.string().trim().min(3).max(80),
  paper: z.enum(PAPER_SIZES),
  place: z.string().trim().min(2).max(80),
  signerTitle: z.string().trim().min(2).max(80),
  signerName: z.string().trim().max(120),
});
export const settingsViewSchema = settingsSchema.extend({ hasLogo: z.boolean(), version: z.number() });

export const templateSchema = z.object({
  subject: z.string().trim().min(5).max(300),
  considering: z.array(z.string().trim().min(3).max(2000)).min(1).max(12),
  legalBasis: z.array(z.string().trim().min(3).max(2000)).min(1).max(30),
  decisions: z.array(z.string().trim().min(3).max(2000)).min(1).max(10),
});
export const templateViewSchema = templateSchema.extend({ version: z.number() });

/** A decree after a step of its lifecycle (check, approve, revoke): its status and, once numbered, its number. */
export const stepOutcomeSchema = z.object({
  id: z.uuid(),
  status: z.string(),
  number: z.string().nullish(),
  version: z.number().optional(),
});
export const signedPdfSchema = z.object({ id: z.uuid(), signedPdfSha256: z.string() });
export const logoSchema = z.object({ sha256: z.string() });
