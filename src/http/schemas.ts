import { z } from "zod";

/** Every error response has this shape; `errors` lists the fields at fault. */
export const errorResponseSchema = z.object({
  code: z.string().describe("Stable error code, e.g. NIK_BIRTHDATE_INVALID"),
  message: z.string().describe("Text in the language of Accept-Language (Indonesian by default)"),
  params: z.record(z.string(), z.unknown()).optional(),
  errors: z
    .array(
      z.object({
        field: z.string(),
        code: z.string(),
        message: z.string(),
        params: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
  requestId: z.string(),
});

export const errorResponses = {
  400: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
} as const;

export const idParams = z.object({ id: z.uuid() });
