import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponses } from "../http/schemas.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { RegionCatalog } from "./catalog.ts";
import { regionParamsSchema, regionTreeSchema, regionWithPathSchema } from "./schemas.ts";

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
          params: regionParamsSchema,
          response: { 200: regionWithPathSchema, ...errorResponses },
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
          response: { 200: regionTreeSchema },
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
