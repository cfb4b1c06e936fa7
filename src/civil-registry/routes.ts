import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { callerOf } from "../access/http.ts";
import { errorResponseSchema, errorResponses, idParams } from "../http/schemas.ts";
import { CONTENT_TYPES } from "../imports/table-writer.ts";
import type { Salur } from "../runtime.ts";
import { createBatch, exportBatch, listBatches } from "./batches.ts";
import type { ReviewState } from "./codes.ts";
import { type CivilRegistry, civilRegistryOf } from "./context.ts";
import { importResults } from "./import.ts";
import { checkOnline, personVerification, verificationStatistics } from "./reads.ts";
import { approveReview, decideReview, listReviews } from "./reviews.ts";
import {
  batchExportSchema,
  batchInputSchema,
  batchListQuerySchema,
  batchListSchema,
  batchSchema,
  onlineCheckSchema,
  resultImportSchema,
  resultInputSchema,
  reviewApprovalSchema,
  reviewDecisionSchema,
  reviewListSchema,
  reviewQuerySchema,
  reviewStateSchema,
  statisticsQuerySchema,
  statisticsSchema,
  verificationSchema,
} from "./schemas.ts";

const denied = { 401: errorResponseSchema, 403: errorResponseSchema };
/** The office returns what it received plus a few columns: a regency's batch is a few MB of XLSX. */
const RESULT_BODY_LIMIT = 64 * 1024 * 1024;

/** Verification against the civil registry under /api; area checks are inside, as everywhere. */
export const civilRegistryRoutes =
  (salur: Salur, cr: CivilRegistry = civilRegistryOf(salur)): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ["civil-registry"];

    app.get(
      "/civil-registry/batches",
      {
        schema: {
          tags,
          summary: "Verification batches of my area",
          querystring: batchListQuerySchema,
          response: { 200: batchListSchema, ...denied },
        },
      },
      async (request) => listBatches(cr, callerOf(request), request.query),
    );
    app.post(
      "/civil-registry/batches",
      {
        schema: {
          tags,
          summary:
            "Make a batch for the civil registry office: a desa, a kecamatan, a period, or the unverified",
          body: batchInputSchema,
          response: { 201: batchSchema, ...errorResponses, ...denied },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createBatch(cr, callerOf(request), request.body)),
    );
    app.post(
      "/civil-registry/batches/:id/export",
      {
        schema: {
          tags,
          summary: "The batch as the office's sheet (XLSX or CSV); every download is audited",
          params: idParams,
          body: batchExportSchema,
        },
      },
      async (request, reply) => {
        const file = await exportBatch(cr, callerOf(request), request.params.id, request.body);
        reply.header("content-type", CONTENT_TYPES[request.body.format]);
        reply.header("content-disposition", `attachment; filename="${file.fileName}"`);
        reply.header("x-content-sha256", file.sha256);
        reply.header("x-row-count", String(file.rowCount));
        reply.header("cache-control", "no-store");
        return reply.send(file.bytes);
      },
    );
    app.post(
      "/civil-registry/batches/:id/results",
      {
        bodyLimit: RESULT_BODY_LIMIT,
        schema: {
          tags,
          summary: "Apply the office's result file exactly once; lines matching no batch line are reported",
          params: idParams,
          body: resultInputSchema,
          response: { 200: resultImportSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        importResults(cr, callerOf(request), request.params.id, {
          fileName: request.body.fileName,
          bytes: Buffer.from(request.body.contentBase64, "base64"),
        }),
    );
    app.get(
      "/civil-registry/reviews",
      {
        schema: {
          tags,
          summary: "Values the civil registry holds differently, ours beside theirs",
          querystring: reviewQuerySchema,
          response: { 200: reviewListSchema, ...denied },
        },
      },
      async (request) => {
        const states: ReviewState[] = request.query.state ? [request.query.state] : ["open", "proposed"];
        return listReviews(cr, callerOf(request), { ...request.query, states });
      },
    );
    app.post(
      "/civil-registry/reviews/:id/decision",
      {
        schema: {
          tags,
          summary: "Take the civil registry's value or keep ours, with a reason",
          params: idParams,
          body: reviewDecisionSchema,
          response: { 200: reviewStateSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => decideReview(cr, callerOf(request), request.params.id, request.body),
    );
    app.post(
      "/civil-registry/reviews/:id/approval",
      {
        schema: {
          tags,
          summary: "A second official approves the decision; an accepted value is applied to the person",
          params: idParams,
          body: reviewApprovalSchema,
          response: { 200: reviewStateSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => approveReview(cr, callerOf(request), request.params.id, request.body),
    );
    app.get(
      "/persons/:id/civil-registry",
      {
        schema: {
          tags,
          summary: "The person's civil registry verification: status, date and source",
          params: idParams,
          response: { 200: verificationSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => ({
        verification: await personVerification(cr, callerOf(request), request.params.id),
      }),
    );
    app.post(
      "/persons/:id/civil-registry/check",
      {
        schema: {
          tags,
          summary: "Check the person's NIK with the online service (when configured)",
          params: idParams,
          response: { 200: onlineCheckSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => checkOnline(cr, callerOf(request), request.params.id),
    );
    app.get(
      "/civil-registry/statistics",
      {
        schema: {
          tags,
          summary: "Verified, padan, tidak padan, not found, deceased and moved per desa or kecamatan",
          querystring: statisticsQuerySchema,
          response: { 200: statisticsSchema, ...denied },
        },
      },
      async (request) => ({
        items: await verificationStatistics(cr, callerOf(request), request.query.level),
      }),
    );
  };
