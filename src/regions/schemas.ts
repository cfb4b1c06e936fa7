/** Request and response schemas of the regions API; the web app derives its types from these. */
import { z } from "zod";

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(["province", "regency", "district", "village"]),
  parentCode: z.string().nullable(),
});

export const regionParamsSchema = z.object({ code: z.string().regex(/^[\d.]{2,13}$/) });

export const regionWithPathSchema = regionSchema.extend({
  path: z.array(regionSchema),
  children: z.array(regionSchema),
});

export const regionTreeSchema = z.object({
  regency: regionSchema,
  districts: z.array(regionSchema.extend({ villages: z.array(regionSchema) })),
});
