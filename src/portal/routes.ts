import { eq } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { agencyBound, auditActor, sees, seesAgency } from "../access/actor.ts";
import { callerOf } from "../access/http.ts";
import { requestLanguage } from "../http/errors.ts";
import { errorResponseSchema, errorResponses, idParams } from "../http/schemas.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { persons } from "../registry/schema.ts";
import type { Salur } from "../runtime.ts";
import { decideObjection, listObjectionsFor } from "./objections.ts";
import { villageListPath } from "./pages.ts";
import { portalOf } from "./portal.ts";
import { renderPoster } from "./poster.ts";
import { approvePublication, discardPublication, preparePublication } from "./publications.ts";
import {
  approveInputSchema,
  checkCodeSchema,
  discardInputSchema,
  objectionDecisionSchema,
  objectionItemSchema,
  objectionListSchema,
  objectionQuerySchema,
  posterParams,
  prepareInputSchema,
  publicationListSchema,
  publicationSummarySchema,
} from "./schemas.ts";
import { checkCodeOf } from "./self-check.ts";
import * as store from "./store.ts";

const denied = { 401: errorResponseSchema, 403: errorResponseSchema };

/** The officials' side of the portal under /api/portal: publish (maker-checker), posters, objections. */
export const portalRoutes =
  (salur: Salur): FastifyPluginAsync =>
  async (fastify) => {
    const portal = portalOf(salur);
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ["portal"];

    app.get(
      "/portal/publications",
      {
        schema: {
          tags,
          summary: "Publications of my agency, newest first",
          response: { 200: publicationListSchema, ...denied },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const rows = await store.listPublications(salur.database.db, agencyBound(caller.actor));
        return {
          items: rows.map((r) => ({
            ...r,
            preparedAt: r.preparedAt.toISOString(),
            publishedAt: r.publishedAt?.toISOString() ?? null,
            entries: Number(r.entries),
            preparedByMe: r.preparedBy !== null && r.preparedBy === caller.actor.userId,
          })),
        };
      },
    );

    app.post(
      "/portal/publications",
      {
        schema: {
          tags,
          summary:
            "Prepare a publication of a period (snapshot built and hashed now; another official approves it)",
          body: prepareInputSchema,
          response: { 201: publicationSummarySchema, ...errorResponses, ...denied },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await preparePublication(portal, callerOf(request), request.body)),
    );

    app.post(
      "/portal/publications/:id/approve",
      {
        schema: {
          tags,
          summary:
            "Approve a prepared publication by its fingerprint: it goes live; a sanggah list's enrollments become published",
          params: idParams,
          body: approveInputSchema,
          response: { 200: publicationSummarySchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        approvePublication(portal, callerOf(request), { id: request.params.id, sha256: request.body.sha256 }),
    );

    app.post(
      "/portal/publications/:id/discard",
      {
        schema: {
          tags,
          summary:
            "Discard a prepared publication (never a published one: a newer publication supersedes it)",
          params: idParams,
          body: discardInputSchema,
          response: { 204: z.null(), ...errorResponses, ...denied },
        },
      },
      async (request, reply) => {
        await discardPublication(portal, callerOf(request), {
          id: request.params.id,
          reason: request.body.reason,
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/portal/publications/:id/poster/:village",
      {
        schema: {
          tags,
          summary: "The printable A4 notice of one desa (full names; for the balai desa), HTML",
          params: posterParams,
          response: { 200: z.string(), ...errorResponses, ...denied },
        },
      },
      async (request, reply) => {
        const { actor } = callerOf(request);
        const { id, village } = request.params;
        const row = await store.publication(salur.database.db, id);
        const p = portal.cache.get(id);
        if (!row || !p || !seesAgency(actor, row.agencyId) || !sees(actor, { code: village, rt: null }))
          throw new DomainError("NOT_FOUND", { entity: "publication", id }, 404);
        const names = new Map(
          (await store.posterNames(salur.database.db, id, village)).map((n) => [n.ref, n.fullName]),
        );
        const base = portal.settings.publicBaseUrl ?? `${request.protocol}://${request.host}`;
        const poster = await renderPoster(
          p,
          village,
          names,
          `${base}${villageListPath(id, village)}`,
          requestLanguage(request),
        );
        if (!poster) throw new DomainError("NOT_FOUND", { entity: "village", id: village }, 404);
        return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(poster);
      },
    );

    app.get(
      "/portal/objections",
      {
        schema: {
          tags,
          summary: "Public objections in my area (and agency), newest first; never who sent them",
          querystring: objectionQuerySchema,
          response: { 200: objectionListSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => listObjectionsFor(portal, callerOf(request).actor, request.query),
    );

    app.post(
      "/portal/objections/:id/decision",
      {
        schema: {
          tags,
          summary:
            "Decide a public objection: upheld (the application leaves the list, on the objection's ground) or dismissed; reason required, audited",
          params: idParams,
          body: objectionDecisionSchema,
          response: { 200: objectionItemSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        salur.database.db.transaction((tx) =>
          decideObjection(portal, tx, callerOf(request), request.params.id, request.body),
        ),
    );

    app.get(
      "/portal/persons/:id/check-code",
      {
        schema: {
          tags,
          summary:
            "The self-check code of a person, to hand over at the balai desa after seeing their KTP (logged)",
          params: idParams,
          response: { 200: checkCodeSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const id = request.params.id;
        return salur.database.db.transaction(async (tx) => {
          const [person] = await tx
            .select({ villageCode: persons.villageCode, rt: persons.rt })
            .from(persons)
            .where(eq(persons.id, id));
          if (!person || !sees(caller.actor, { code: person.villageCode, rt: person.rt }))
            throw new DomainError("NOT_FOUND", { entity: "person", id }, 404);
          await salur.audit.append(tx, {
            actor: auditActor(caller.actor),
            action: "person.check_code",
            entity: "person",
            entityId: id,
            area: person.villageCode,
            requestId: caller.requestId,
          });
          return { code: checkCodeOf(portal, id) };
        });
      },
    );
  };
