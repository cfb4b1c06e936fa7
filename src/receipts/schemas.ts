/** Request and response schemas of the receipts API; the web app derives its types from these. */
import { z } from "zod";
import { CONFIRMATION_ANSWERS, CONFIRMATION_CHANNELS, DETECTION_LEVELS } from "./codes.ts";

const rupiah = z.number().int().nonnegative();

export const confirmationInputSchema = z.object({
  lineId: z.uuid(),
  channel: z.enum(CONFIRMATION_CHANNELS).exclude(["portal"]),
  answer: z.enum(CONFIRMATION_ANSWERS),
  receivedAmount: rupiah.nullish(),
  askedBy: z.string().trim().max(200).nullish(),
  askedWhy: z.string().trim().max(1000).nullish(),
  sampleId: z.uuid().nullish(),
  distributionPoint: z.string().trim().max(120).nullish(),
  distributor: z.string().trim().max(120).nullish(),
});

export const confirmationResultSchema = z.object({ id: z.uuid(), complaintCode: z.string().nullable() });

export const sampleInputSchema = z.object({
  batchId: z.uuid(),
  confidence: z.number().min(0.8).max(0.999).default(0.95),
  margin: z.number().min(0.01).max(0.2).default(0.05),
  /** To redraw a recorded sample. */
  seed: z
    .number()
    .int()
    .positive()
    .max(2 ** 47)
    .optional(),
});

export const sampleSchema = z.object({
  id: z.uuid(),
  batchId: z.uuid(),
  seed: z.number(),
  confidence: z.number(),
  margin: z.number(),
  lineCount: z.number(),
  strata: z.array(z.object({ desa: z.string(), population: z.number(), size: z.number() })),
  drawnAt: z.string(),
  lines: z.array(
    z.object({
      lineId: z.uuid(),
      villageCode: z.string(),
      reference: z.string(),
      amount: rupiah,
      answer: z.enum(CONFIRMATION_ANSWERS).nullable(),
    }),
  ),
});

export const samplesQuerySchema = z.object({ batchId: z.uuid().optional() });

/** The samples drawn so far, newest first, with how many of their lines have been answered by call or visit. */
export const sampleListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      batchId: z.uuid(),
      batchNumber: z.number(),
      programName: z.string(),
      seed: z.number(),
      confidence: z.number(),
      margin: z.number(),
      lineCount: z.number(),
      answered: z.number(),
      drawnAt: z.string(),
    }),
  ),
});

/** A paid line found by its payment reference, for an answer taken at a distribution point. */
export const lineQuerySchema = z.object({ reference: z.string().trim().min(1).max(40) });
export const lineSchema = z.object({
  lineId: z.uuid(),
  reference: z.string(),
  villageCode: z.string(),
  amount: rupiah,
  status: z.string(),
  /** The channels that already recorded an answer for this line. */
  answeredBy: z.array(z.enum(CONFIRMATION_CHANNELS)),
});

export const flagsQuerySchema = z.object({ batchId: z.uuid().optional() });

export const flagSchema = z.object({
  level: z.enum(DETECTION_LEVELS),
  area: z.string(),
  desa: z.string().nullable(),
  test: z.enum(["binomial_shortfall_share", "binomial_repeated_round_amount"]),
  pValue: z.number(),
  qValue: z.number(),
  evidence: z.object({
    confirmations: z.number(),
    shortfalls: z.number(),
    notReceived: z.number(),
    refused: z.number(),
    officerConfirmations: z.number(),
    officerShortfalls: z.number(),
    paid: z.number(),
    received: z.number(),
    baselineShare: z.number(),
    expectedShortfalls: z.number(),
    commonDeduction: z.number().nullable(),
    commonDeductionCount: z.number(),
    commonDeductionBaselineShare: z.number().nullable(),
  }),
});
export const flagsSchema = z.object({ items: z.array(flagSchema) });

export const leakageQuerySchema = z.object({
  level: z.enum(["batch", "desa", "kecamatan"]).default("desa"),
  batchId: z.uuid().optional(),
});

export const leakageSchema = z.object({
  items: z.array(
    z.object({
      level: z.enum(["batch", "desa", "kecamatan"]),
      key: z.string(),
      paidLines: z.number(),
      confirmed: z.number(),
      refused: z.number(),
      paid: z.number(),
      received: z.number(),
      leakage: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      confidence: z.number(),
    }),
  ),
});

export type FlagView = z.output<typeof flagSchema>;
export type LeakageView = z.output<typeof leakageSchema>;
export type SampleView = z.output<typeof sampleSchema>;
export type SampleListView = z.output<typeof sampleListSchema>;
export type LineView = z.output<typeof lineSchema>;
export type ConfirmationRequest = z.input<typeof confirmationInputSchema>;
