import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../access/http.ts";
import { errorResponseSchema, errorResponses, idParams } from "../http/schemas.ts";
import type { Salur } from "../runtime.ts";
import { approveBatch, exportBatch, prepareBatches, resolveLine } from "./batches.ts";
import { type Payments, paymentsOf } from "./context.ts";
import * as reads from "./reads.ts";
import { applyClaimDeadline, importResults } from "./results.ts";
import { deleteLayout, listLayouts, saveLayout } from "./saved-layouts.ts";
import {
  approveInputSchema,
  batchDetailSchema,
  batchListQuerySchema,
  batchListSchema,
  batchSchema,
  deadlineInputSchema,
  deadlineResultSchema,
  exportInputSchema,
  layoutIdParams,
  layoutListQuerySchema,
  layoutListSchema,
  layoutSaveSchema,
  layoutViewSchema,
  linesPageSchema,
  linesQuerySchema,
  preparedBatchesSchema,
  prepareInputSchema,
  reconciliationQuerySchema,
  reconciliationSchema,
  resolutionInputSchema,
  resolutionResultSchema,
  resultImportSchema,
  resultInputSchema,
  uncollectedQuerySchema,
  uncollectedSchema,
} from "./schemas.ts";

const denied = { 401: errorResponseSchema, 403: errorResponseSchema };
/** A 100,000-line result file is ~8 MB of CSV, ~11 MB as base64. */
const RESULT_BODY_LIMIT = 64 * 1024 * 1024;

/**
 * Payment batches, bank files and results under /api. Object checks are inside: a program manager reaches the
 * batches of their agency, a bank operator those of their bank; anyone else's batch does not exist (404).
 */
export const paymentRoutes =
  (salur: Salur, payments: Payments = paymentsOf(salur)): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ["payments"];

    app.get(
      "/payment-batches",
      {
        schema: {
          tags,
          summary: "Batches I may see",
          querystring: batchListQuerySchema,
          response: { 200: batchListSchema, ...denied },
        },
      },
      async (request) => ({
        items: await reads.listBatches(payments, callerOf(request), request.query.periodId),
      }),
    );
    app.post(
      "/payment-batches",
      {
        schema: {
          tags,
          summary:
            "Prepare batches from an approved decree (the maker), split by branch or kecamatan if wanted",
          body: prepareInputSchema,
          response: {
            201: preparedBatchesSchema,
            ...errorResponses,
            ...denied,
          },
        },
      },
      async (request, reply) => {
        const batches = await prepareBatches(payments, callerOf(request), request.body);
        return reply.status(201).send({ items: batches.map(reads.batchView) });
      },
    );
    app.get(
      "/payment-batches/:id",
      {
        schema: {
          tags,
          summary: "A batch with its sums and result files",
          params: idParams,
          response: { 200: batchDetailSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => reads.batchDetail(payments, callerOf(request), request.params.id),
    );
    app.get(
      "/payment-batches/:id/lines",
      {
        schema: {
          tags,
          summary: "Lines of a batch",
          params: idParams,
          querystring: linesQuerySchema,
          response: { 200: linesPageSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => reads.batchLines(payments, callerOf(request), request.params.id, request.query),
    );
    app.post(
      "/payment-batches/:id/approve",
      {
        schema: {
          tags,
          summary: "Approve a prepared batch (the checker), naming the hash of the lines checked",
          params: idParams,
          body: approveInputSchema,
          response: { 200: batchSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        reads.batchView(await approveBatch(payments, callerOf(request), request.params.id, request.body)),
    );
    app.post(
      "/payment-batches/:id/export",
      {
        schema: {
          tags,
          summary: "The bank's file (CSV or XLSX); the first export sends the lines",
          params: idParams,
          body: exportInputSchema,
        },
      },
      async (request, reply) => {
        const file = await exportBatch(payments, callerOf(request), request.params.id, request.body);
        reply.header("content-type", file.mediaType);
        reply.header("content-disposition", `attachment; filename="${file.fileName}"`);
        reply.header("x-content-sha256", file.sha256);
        reply.header("cache-control", "no-store");
        return reply.send(file.bytes);
      },
    );
    app.get(
      "/payment-batches/:id/cover-letter",
      {
        schema: {
          tags,
          summary: "The cover letter to the bank (PDF): count, total in figures and words, file hash",
          params: idParams,
        },
      },
      async (request, reply) => {
        const pdf = await reads.coverLetter(payments, callerOf(request), request.params.id);
        reply.header("content-type", "application/pdf");
        reply.header("content-disposition", 'inline; filename="surat-pengantar.pdf"');
        return reply.send(pdf);
      },
    );
    app.post(
      "/payment-batches/:id/results",
      {
        bodyLimit: RESULT_BODY_LIMIT,
        schema: {
          tags,
          summary:
            "Apply a bank result file exactly once (a file already received changes nothing and says so)",
          params: idParams,
          body: resultInputSchema,
          response: { 200: resultImportSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        importResults(payments, callerOf(request), request.params.id, {
          fileName: request.body.fileName,
          format: request.body.format,
          bytes: Buffer.from(request.body.contentBase64, "base64"),
          layout: request.body.layout,
          layoutId: request.body.layoutId,
        }),
    );
    app.post(
      "/payment-batches/:id/claim-deadline",
      {
        schema: {
          tags,
          summary: "After the claim deadline: unclaimed lines go back to the Kas Daerah",
          params: idParams,
          body: deadlineInputSchema,
          response: { 200: deadlineResultSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => {
        const out = await applyClaimDeadline(
          payments,
          callerOf(request),
          request.params.id,
          request.body.asOf,
        );
        return { ...out, batch: reads.batchView(out.batch) };
      },
    );
    app.post(
      "/payment-lines/:id/resolution",
      {
        schema: {
          tags,
          summary: "A failed line: re-issue in a later batch, or cancel",
          params: idParams,
          body: resolutionInputSchema,
          response: { 200: resolutionResultSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => {
        const line = await resolveLine(payments, callerOf(request), request.params.id, request.body);
        return { id: line.id, resolution: line.resolution, version: line.version };
      },
    );
    app.get(
      "/payments/reconciliation",
      {
        schema: {
          tags,
          summary:
            "issued = paid + failed + returned + pending, per batch, desa, kecamatan or program, with the bank's totals",
          querystring: reconciliationQuerySchema,
          response: { 200: reconciliationSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => reads.reconciliation(payments, callerOf(request), request.query),
    );
    app.get(
      "/payments/uncollected",
      {
        schema: {
          tags,
          summary: "Who in my area has not collected yet",
          querystring: uncollectedQuerySchema,
          response: { 200: uncollectedSchema, ...denied },
        },
      },
      async (request) => reads.uncollectedInArea(payments, callerOf(request), request.query),
    );
    app.get(
      "/payment-layouts",
      {
        schema: {
          tags,
          summary: "Bank file layouts of an agency, the built-in BRI layouts first",
          querystring: layoutListQuerySchema,
          response: { 200: layoutListSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => ({ items: await listLayouts(payments, callerOf(request), request.query) }),
    );
    app.post(
      "/payment-layouts",
      {
        schema: {
          tags,
          summary:
            "Save the agency's layout of a bank file under its code (a code already saved is replaced)",
          body: layoutSaveSchema,
          response: { 200: layoutViewSchema, 201: layoutViewSchema, ...errorResponses, ...denied },
        },
      },
      async (request, reply) => {
        const saved = await saveLayout(payments, callerOf(request), request.body);
        return reply.status(saved.created ? 201 : 200).send(saved.layout);
      },
    );
    app.delete(
      "/payment-layouts/:id",
      {
        schema: {
          tags,
          summary: "Delete a saved layout of the agency (the built-in ones stay)",
          params: layoutIdParams,
          response: { 204: z.null(), ...errorResponses, ...denied },
        },
      },
      async (request, reply) => {
        await deleteLayout(payments, callerOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
