import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../http/schemas.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { RegionCatalog } from "./catalog.ts";

const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(["province", "regency", "district", "village"]),
  parentCode: z.string().nullable(),
});

/** Served from the in-memory catalog: region lists are read on every form and filter, and never change. */
export const regionRoutes =
  (regions: RegionCatalog, regencyCode: string): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ["regions"];
    app.get(
      "/regions/:code",
      {
        schema: {
          tags,
          summary: "A Kemendagri region with its path from the province (any code in Indonesia)",
          params: z.object({ code: z.string().regex(/^[\d.]{2,13}$/) }),
          response: {
            200: regionSchema.extend({ path: z.array(regionSchema), children: z.array(regionSchema) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const region = regions.get(request.params.code);
        if (!region) throw new DomainError("NOT_FOUND", { entity: "Region", id: request.params.code }, 404);
        return {
          ...region,
          path: [...regions.path(region.code)],
          children: [...regions.children(region.code)],
        };
      },
    );
    app.get(
      "/regions",
      {
        schema: {
          tags,
          summary: "The deployment's regency with its kecamatan and desa",
          response: {
            200: z.object({
              regency: regionSchema,
              districts: z.array(regionSchema.extend({ villages: z.array(regionSchema) })),
            }),
          },
        },
      },
      async () => {
        const regency = regions.get(regencyCode);
        if (!regency) throw new DomainError("NOT_FOUND", { entity: "Region", id: regencyCode }, 404);
        return {
          regency,
          districts: regions
            .districtsOf(regencyCode)
            .map((d) => ({ ...d, villages: [...regions.children(d.code)] })),
        };
      },
    );
  };
