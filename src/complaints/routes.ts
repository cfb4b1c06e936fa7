import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../access/http.ts";
import { errorResponseSchema, errorResponses, idParams } from "../http/schemas.ts";
import type { Salur } from "../runtime.ts";
import { liveSettings, loadSettings, updateSettings } from "./configured.ts";
import { loadPublishedStatistics, publishStatistics } from "./published-statistics.ts";
import { complaintDetail, complaintPhoto, complaintQueue, complaintStatistics } from "./queries.ts";
import {
  complaintDetailSchema,
  identityInputSchema,
  identitySchema,
  intakeResultSchema,
  officerIntakeSchema,
  queueQuerySchema,
  queueSchema,
  slaSettingsInputSchema,
  slaSettingsSchema,
  statisticsPublicationSchema,
  statisticsSchema,
  stepInputSchema,
  stepResultSchema,
} from "./schemas.ts";
import { type Complaints, openComplaint, readIdentity, stepComplaint } from "./service.ts";
import type { ComplaintSettings } from "./settings.ts";

export function complaintsOf(salur: Salur, settings: ComplaintSettings = liveSettings(salur)): Complaints {
  return {
    db: salur.database.db,
    vault: salur.vault,
    audit: salur.audit,
    regions: salur.regions,
    regencyCode: salur.config.regencyCode,
    clock: salur.access.clock,
    settings,
  };
}

const tags = ["complaints"];

/** The officials' side of complaints: the queue, intake on a complainant's behalf, steps and the sealed identity. */
export const complaintRoutes =
  (salur: Salur, settings?: ComplaintSettings): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const c = complaintsOf(salur, settings);
    const db = salur.database.db;
    // What the agency admin saved last time is in force from the first request.
    await loadSettings(db, c.settings);

    app.post(
      "/complaints/statistics/publish",
      {
        schema: {
          tags,
          summary:
            "Publish today's public complaint statistics (suppressed, hashed); the public page serves the newest from memory",
          response: { 201: statisticsPublicationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const published = await db.transaction((tx) => publishStatistics(c, tx, callerOf(request)));
        await loadPublishedStatistics(salur, db);
        return reply
          .status(201)
          .send({ id: published.id, sha256: published.sha256, publishedAt: published.publishedAt });
      },
    );

    app.get(
      "/complaints/settings",
      {
        schema: {
          tags,
          summary: "The SLA settings in force: working days per target and the escalation point",
          response: { 200: slaSettingsSchema, ...errorResponses },
        },
      },
      async () => loadSettings(db, c.settings),
    );

    app.put(
      "/complaints/settings",
      {
        schema: {
          tags,
          summary: "Change the SLA settings (agency admin); audited with before, after and reason",
          body: slaSettingsInputSchema,
          response: { 200: slaSettingsSchema, ...errorResponses },
        },
      },
      async (request) => {
        const saved = await db.transaction((tx) =>
          updateSettings(tx, salur.audit, callerOf(request), c.settings, request.body),
        );
        await loadSettings(db, c.settings);
        return saved;
      },
    );

    app.get(
      "/complaints",
      {
        schema: {
          tags,
          summary: "Complaints I may see, with SLA colours; sensitive ones only for the Inspektorat",
          querystring: queueQuerySchema,
          response: { 200: queueSchema, ...errorResponses },
        },
      },
      async (request) => {
        const q = request.query;
        return db.transaction((tx) =>
          complaintQueue(c, tx, callerOf(request).actor, {
            stage: q.stage,
            category: q.category,
            villageCode: q.villageCode,
            colour: q.colour,
            openOnly: q.open === "true",
            page: q.page,
            pageSize: q.pageSize,
          }),
        );
      },
    );

    app.post(
      "/complaints",
      {
        schema: {
          tags,
          summary: "Take down a walk-in, phone, letter or WhatsApp complaint for the complainant",
          body: officerIntakeSchema,
          response: { 201: intakeResultSchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const result = await db.transaction((tx) => openComplaint(c, tx, caller, request.body));
        return reply.status(201).send(result);
      },
    );

    app.get(
      "/complaints/statistics",
      {
        schema: {
          tags,
          summary: "Counts per category, area, stage and SLA outcome over the complaints I may see",
          response: { 200: statisticsSchema },
        },
      },
      async (request) => db.transaction((tx) => complaintStatistics(c, tx, callerOf(request).actor)),
    );

    app.get(
      "/complaints/:id",
      {
        schema: {
          tags,
          summary: "One complaint with its steps; never the complainant's identity",
          params: idParams,
          response: { 200: complaintDetailSchema, ...errorResponses },
        },
      },
      async (request) =>
        db.transaction((tx) => complaintDetail(c, tx, callerOf(request).actor, request.params.id)),
    );

    app.post(
      "/complaints/:id/steps",
      {
        schema: {
          tags,
          summary:
            "Acknowledge, assign, start, ask, answer, resolve, close, reopen or escalate (audited, with reason)",
          params: idParams,
          body: stepInputSchema,
          response: { 200: stepResultSchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const row = await db.transaction((tx) =>
          stepComplaint(c, tx, callerOf(request), request.params.id, request.body),
        );
        return { id: row.id, stage: row.stage as never, level: row.level as never, version: row.version };
      },
    );

    app.post(
      "/complaints/:id/identity",
      {
        schema: {
          tags,
          summary: "The complainant's name and phone, for the handling unit; every read is audited",
          params: idParams,
          body: identityInputSchema,
          response: { 200: identitySchema, 403: errorResponseSchema, ...errorResponses },
        },
      },
      async (request) =>
        db.transaction((tx) =>
          readIdentity(c, tx, callerOf(request), request.params.id, request.body.reason ?? null),
        ),
    );

    app.get(
      "/complaints/:id/photos/:photoId",
      {
        schema: {
          tags,
          summary: "A photo sent with a complaint (metadata stripped)",
          params: z.object({ id: z.uuid(), photoId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const photo = await db.transaction((tx) =>
          complaintPhoto(c, tx, callerOf(request).actor, request.params.id, request.params.photoId),
        );
        return reply
          .header("Cache-Control", "private, no-store")
          .type(photo.mediaType)
          .send(Buffer.from(photo.bytes));
      },
    );
  };
