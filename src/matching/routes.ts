import { PassThrough } from "node:stream";
import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { callerOf } from "../access/http.ts";
import { requestLanguage } from "../http/errors.ts";
import { errorResponseSchema, errorResponses, idParams } from "../http/schemas.ts";
import { CONTENT_TYPES } from "../imports/table-writer.ts";
import type { Salur } from "../runtime.ts";
import { findCandidates } from "./candidates.ts";
import { decideReview, listReviews, qualityReport, runReviewBatch } from "./reviews.ts";
import {
  candidateQuerySchema,
  candidatesSchema,
  qualitySchema,
  reviewDecisionSchema,
  reviewPageSchema,
  reviewSchema,
  reviewsQuerySchema,
  ruleInputSchema,
  ruleListSchema,
  ruleSchema,
  runInputSchema,
  runSchema,
  violationsExportQuerySchema,
  violationsSchema,
  windowQuerySchema,
} from "./schemas.ts";
import { createRule, listRules, violationsReport, writeViolations } from "./violations.ts";

const denied = { 401: errorResponseSchema, 403: errorResponseSchema };

/** Overlap detection under /api/matching: candidates while typing, the review queue, overlap rules and report. */
export const matchingRoutes =
  (salur: Salur): FastifyPluginAsync =>
  async (fastify) => {
    const registry = salur.registry;
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ["matching"];

    app.post(
      "/matching/candidates",
      {
        schema: {
          tags,
          summary:
            "While registering: existing persons who may be this person, with probability, reasons and enrollments in the same period",
          body: candidateQuerySchema,
          response: { 200: candidatesSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => findCandidates(registry, callerOf(request), request.body, requestLanguage(request)),
    );

    app.post(
      "/matching/runs",
      {
        schema: {
          tags,
          summary:
            "Link the registry (or one period's enrolled persons) and queue the uncertain pairs for review",
          body: runInputSchema,
          response: { 200: runSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => runReviewBatch(registry, callerOf(request), request.body),
    );

    app.get(
      "/matching/reviews",
      {
        schema: {
          tags,
          summary: "Pairs waiting for (or given) a coordinator's decision, both persons inside my area",
          querystring: reviewsQuerySchema,
          response: { 200: reviewPageSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => listReviews(registry, callerOf(request), request.query, requestLanguage(request)),
    );

    app.post(
      "/matching/reviews/:id/decision",
      {
        schema: {
          tags,
          summary: "Same person or different people, with a reason; asked once, audit-logged",
          params: idParams,
          body: reviewDecisionSchema,
          response: { 200: reviewSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        decideReview(registry, callerOf(request), request.params.id, request.body, requestLanguage(request)),
    );

    app.get(
      "/matching/quality",
      {
        schema: {
          tags,
          summary: "Precision and recall of the link threshold, measured on the coordinators' decisions",
          response: { 200: qualitySchema, ...denied },
        },
      },
      async () => qualityReport(registry),
    );

    app.get(
      "/matching/overlap-rules",
      {
        schema: {
          tags,
          summary: "Programs that one person or household may not receive together",
          response: { 200: ruleListSchema, ...denied },
        },
      },
      async () => listRules(registry),
    );

    app.post(
      "/matching/overlap-rules",
      {
        schema: {
          tags,
          summary:
            "Forbid two programs (or one program twice) together for a person or household in a period",
          body: ruleInputSchema,
          response: { 200: ruleSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => createRule(registry, callerOf(request), request.body),
    );

    app.get(
      "/matching/violations",
      {
        schema: {
          tags,
          summary: "Overlap violations across agencies in a period: the agenda of the rapat koordinasi",
          querystring: windowQuerySchema,
          response: { 200: violationsSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        violationsReport(registry, callerOf(request), request.query, requestLanguage(request)),
    );

    app.get(
      "/matching/violations/export",
      {
        schema: {
          tags,
          summary: "The violations report as XLSX or CSV (cells neutralised against formulas)",
          querystring: violationsExportQuerySchema,
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const language = requestLanguage(request);
        const report = await violationsReport(registry, callerOf(request), query, language);
        reply.header("content-type", CONTENT_TYPES[format]);
        reply.header(
          "content-disposition",
          `attachment; filename="tumpang-tindih-${report.window.from}_${report.window.to}.${format}"`,
        );
        reply.header("cache-control", "no-store");
        const out = new PassThrough();
        writeViolations(report, out, format, language).catch((error: unknown) => {
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        return reply.send(out);
      },
    );
  };
