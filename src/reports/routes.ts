import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { callerOf } from "../access/http.ts";
import { errorResponses } from "../http/schemas.ts";
import type { Salur } from "../runtime.ts";
import { exportAreaRecipients } from "./area-export.ts";
import { reportsOf } from "./context.ts";
import { generatePack, listPacks, packFile } from "./packs.ts";
import {
  areaExportQuerySchema,
  packFileParamsSchema,
  packInputSchema,
  packListQuerySchema,
  packListSchema,
  packSchema,
  recapQuerySchema,
  recapSchema,
} from "./schemas.ts";
import { areaLabel, complaintFigures, recapOf, scopedFilter } from "./service.ts";
import * as store from "./store.ts";

const tags = ["reports"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Recaps, report packs and area data under /api/reports. Every figure is over the caller's own area (and a
 * program manager's agency): nothing here takes an area wider than the caller's.
 */
export const reportRoutes =
  (salur: Salur): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const reports = reportsOf(salur);

    app.get(
      "/reports/recap",
      {
        schema: {
          tags,
          summary:
            "The pipeline registered → paid with rupiah per stage, by RT, RW, desa, kecamatan, agency, program or period",
          querystring: recapQuerySchema,
          response: { 200: recapSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { dimension, ...rest } = request.query;
        const filter = scopedFilter(caller.actor, {
          programId: rest.programId ?? null,
          periodId: rest.periodId ?? null,
          month: rest.month ?? null,
        });
        const db = reports.db;
        const recap = await recapOf(db, reports.env, dimension, filter);
        return {
          ...recap,
          failures: await store.failuresByReason(db, filter),
          overlaps: (await store.overlapsByDistrict(db, caller.actor.area)).map((o) => ({
            ...o,
            label: areaLabel(reports.env.regions, o.key),
          })),
          complaints: await complaintFigures(db, filter, reports.env.clock()),
          queries: { ...store.QUERY_NAMES },
        };
      },
    );

    app.get(
      "/reports/packs",
      {
        schema: {
          tags,
          summary: "Report packs generated over the caller's area, newest first",
          querystring: packListQuerySchema,
          response: { 200: packListSchema, ...errorResponses },
        },
      },
      async (request) => listPacks(reports, callerOf(request).actor, request.query),
    );

    app.post(
      "/reports/packs",
      {
        schema: {
          tags,
          summary:
            "Generate a monthly or per-batch pack (PDF + XLSX) cut at a new audit checkpoint; its hashes are audited",
          body: packInputSchema,
          response: { 201: packSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { timings: _timings, ...pack } = await generatePack(reports, callerOf(request), request.body);
        return reply.code(201).send(pack);
      },
    );

    app.get(
      "/reports/packs/:id/:format",
      {
        schema: {
          tags,
          summary: "Download a pack's PDF or XLSX (audited)",
          params: packFileParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await packFile(reports, callerOf(request), request.params.id, request.params.format);
        reply.header("content-type", request.params.format === "pdf" ? "application/pdf" : XLSX);
        reply.header("content-disposition", `attachment; filename="${file.name}"`);
        return reply.send(file.bytes);
      },
    );

    app.get(
      "/reports/area-export",
      {
        schema: {
          tags,
          summary:
            "The applications of the caller's desa or kecamatan with status, decree and payment as XLSX; identity=full for roles entitled to full NIK (audited)",
          querystring: areaExportQuerySchema,
        },
      },
      async (request, reply) => {
        const file = await exportAreaRecipients(reports, salur.vault, callerOf(request), request.query);
        reply.header("content-type", XLSX);
        reply.header("content-disposition", `attachment; filename="${file.name}"`);
        return reply.send(file.bytes);
      },
    );
  };
