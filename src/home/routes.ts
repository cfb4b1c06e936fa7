import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { callerOf } from "../access/http.ts";
import { errorResponseSchema } from "../http/schemas.ts";
import type { Salur } from "../runtime.ts";
import { homeSummarySchema } from "./schemas.ts";
import { homeSummary } from "./summary.ts";

/** The officials' home page: one request, whatever the role. */
export const homeRoutes =
  (salur: Salur): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      "/home/summary",
      {
        schema: {
          tags: ["home"],
          summary:
            "What waits for me and the figures of my area, limited to what my role may read; each count is its list's total",
          response: { 200: homeSummarySchema, 401: errorResponseSchema },
        },
      },
      async (request) => homeSummary(salur.registry, salur.regions, callerOf(request)),
    );
  };
