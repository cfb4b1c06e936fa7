import { z } from "zod";
import { leakageSchema } from "../receipts/schemas.ts";
import { ENROLLMENT_STATUSES } from "../registry/codes.ts";

/** The home page in one answer: only what the caller's role may read, each count the one its list shows. */
const statusCount = z.object({ status: z.enum(ENROLLMENT_STATUSES), count: z.number() });

export const homeSummarySchema = z.object({
  /** What waits for the caller's role in their area: the work queue's statuses (empty when the role acts on none). */
  queue: z.array(statusCount),
  /** Every application of the caller's area by status, for roles that read the register; null otherwise. */
  pipeline: z.array(statusCount).nullable(),
  registry: z
    .object({
      persons: z.number(),
      nikWarning: z.number(),
      nikInvalid: z.number(),
      /** People per kecamatan (regency users) or per desa (kecamatan users); null for a desa or RT. */
      breakdown: z
        .object({
          level: z.enum(["district", "village"]),
          items: z.array(z.object({ code: z.string(), name: z.string(), persons: z.number() })),
        })
        .nullable(),
    })
    .nullable(),
  audit: z
    .object({
      entries: z.number(),
      checkpoints: z.number(),
      lastCheckpointAt: z.string().nullable(),
    })
    .nullable(),
  /**
   * What reached the recipients' hands, for roles that read skimming flags: the open flags and leakage per
   * kecamatan over confirmed lines, cut to the caller's area like GET /api/receipts/flags and /leakage.
   */
  receipts: z
    .object({
      flags: z.number(),
      leakage: z.array(leakageSchema.shape.items.element.extend({ name: z.string() })),
    })
    .nullable(),
});
export type HomeSummary = z.output<typeof homeSummarySchema>;
