import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type Actor, sees } from "../access/actor.ts";
import { callerOf } from "../access/http.ts";
import { complaintsOf } from "../complaints/index.ts";
import { errorResponseSchema, errorResponses, idParams } from "../http/schemas.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Salur } from "../runtime.ts";
import {
  confirmationInputSchema,
  confirmationResultSchema,
  flagsQuerySchema,
  flagsSchema,
  leakageQuerySchema,
  leakageSchema,
  lineQuerySchema,
  lineSchema,
  sampleInputSchema,
  sampleListSchema,
  sampleSchema,
  samplesQuerySchema,
} from "./schemas.ts";
import { confirmedTotals, drawSample, type Receipts, recordConfirmation, skimmingFlags } from "./service.ts";
import * as store from "./store.ts";

export function receiptsOf(salur: Salur): Receipts {
  return {
    audit: salur.audit,
    complaints: complaintsOf(salur),
    regencyCode: salur.config.regencyCode,
    clock: salur.access.clock,
  };
}

/**
 * The detector and the leakage figure always run over the whole regency (the baseline is the regency's), and the
 * answer is cut to the caller's area. The roles that read them (agency, Inspektorat) never include a desa or
 * kecamatan operator, who may be the ones a flag points at.
 */
function withinArea(actor: Actor, code: string): boolean {
  return sees(actor, { code });
}

/** A sample is drawn over a whole batch: only a regency-wide official draws one. */
function assertRegencyWide(actor: Actor): void {
  if (actor.role !== "system" && actor.area.level !== "regency")
    throw new DomainError("AREA_FORBIDDEN", { area: actor.area.code }, 403);
}

const tags = ["receipts"];

/** The officials' side of receipts: the verification sample, recorded answers, flags and leakage. */
export const receiptRoutes =
  (salur: Salur): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const r = receiptsOf(salur);
    const db = salur.database.db;

    app.post(
      "/receipts/samples",
      {
        schema: {
          tags,
          summary: "Draw the verification sample of a batch, stratified per desa, from a recorded seed",
          body: sampleInputSchema,
          response: { 201: sampleSchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        assertRegencyWide(caller.actor);
        const sample = await db.transaction((tx) => drawSample(r, tx, caller, request.body));
        const lines = await store.sampleWorklist(db, sample.id);
        return reply.status(201).send({ ...sample, drawnAt: sample.drawnAt.toISOString(), lines });
      },
    );

    app.get(
      "/receipts/samples",
      {
        schema: {
          tags,
          summary: "The verification samples drawn so far, newest first, with how many lines are answered",
          querystring: samplesQuerySchema,
          response: { 200: sampleListSchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        // Batch, program, seed and counts only: no line, person or area, so every verifier may read the list (a
        // sample's lines are cut to the caller's area when it is opened).
        const rows = await store.listSamples(db, { batchId: request.query.batchId });
        return { items: rows.map((row) => ({ ...row, drawnAt: row.drawnAt.toISOString() })) };
      },
    );

    app.get(
      "/receipts/lines",
      {
        schema: {
          tags,
          summary: "A payment line by its reference, for an answer taken at a distribution point",
          querystring: lineQuerySchema,
          response: { 200: lineSchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        const line = await store.lineByReference(db, request.query.reference);
        // A line outside the caller's area answers as one that does not exist.
        if (!line || !withinArea(actor, line.villageCode))
          throw new DomainError("RECEIPT_LINE_NOT_FOUND", { id: request.query.reference }, 404);
        return line;
      },
    );

    app.get(
      "/receipts/samples/:id",
      {
        schema: {
          tags,
          summary: "A verification sample with its seed and each line's answer so far",
          params: idParams,
          response: { 200: sampleSchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        return db.transaction(async (tx) => {
          const sample = await store.getSample(tx, request.params.id);
          if (!sample) throw new DomainError("RECEIPT_SAMPLE_NOT_FOUND", { id: request.params.id }, 404);
          const lines = (await store.sampleWorklist(tx, sample.id)).filter((l) =>
            withinArea(actor, l.villageCode),
          );
          return { ...sample, drawnAt: sample.drawnAt.toISOString(), lines };
        });
      },
    );

    app.post(
      "/receipts/confirmations",
      {
        schema: {
          tags,
          summary: "Record a recipient's answer from a sample call or visit, or at a distribution point",
          body: confirmationInputSchema,
          response: { 201: confirmationResultSchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const result = await db.transaction((tx) => recordConfirmation(r, tx, caller, request.body));
        return reply.status(201).send(result);
      },
    );

    app.get(
      "/receipts/flags",
      {
        schema: {
          tags,
          summary:
            "Areas with more shortfalls or more repeated round deductions than the regency, with evidence",
          querystring: flagsQuerySchema,
          response: { 200: flagsSchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        const flags = await db.transaction((tx) => skimmingFlags(tx, { batchId: request.query.batchId }));
        // An officer's flag lies in the kecamatan the officer works in ("<kecamatan>#<name>").
        return { items: flags.filter((f) => withinArea(actor, f.desa ?? f.area.split("#")[0] ?? "")) };
      },
    );

    app.get(
      "/receipts/leakage",
      {
        schema: {
          tags,
          summary: "1 − Σreceived/Σpaid over confirmed lines per batch, desa or kecamatan, with its interval",
          querystring: leakageQuerySchema,
          response: { 200: leakageSchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        const { level, batchId } = request.query;
        const items = await db.transaction((tx) => confirmedTotals(tx, level, { batchId }));
        // Per batch the figure spans many desa: only a regency-wide official reads it.
        return {
          items: items.filter((i) =>
            level === "batch"
              ? actor.area.level === "regency" || actor.role === "system"
              : withinArea(actor, i.key),
          ),
        };
      },
    );
  };
