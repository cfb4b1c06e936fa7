import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../access/http.ts";
import { requestLanguage, translate } from "../http/errors.ts";
import { errorResponses, idParams } from "../http/schemas.ts";
import {
  agencyInputSchema,
  agencyViewSchema,
  businessInputSchema,
  businessUpdateSchema,
  businessViewSchema,
  enrollmentInputSchema,
  enrollmentSearchSchema,
  enrollmentViewSchema,
  householdInputSchema,
  householdUpdateSchema,
  householdViewSchema,
  pageOf,
  periodInputSchema,
  periodUpdateSchema,
  periodViewSchema,
  personDetailSchema,
  personIdentitySchema,
  personInputSchema,
  personSearchSchema,
  personUpdateSchema,
  personViewSchema,
  personWriteResultSchema,
  programInputSchema,
  programUpdateSchema,
  programViewSchema,
} from "./schemas.ts";
import * as service from "./service.ts";

/**
 * HTTP callers always see masked NIK, KK and phone; entitled roles read the full numbers one person at a time
 * through /persons/:id/identity, which is itself audited. Every handler passes its caller to the use case,
 * which applies the area and agency scope.
 */
export const registryRoutes =
  (registry: service.Registry): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    // The route opens the unit of work; the registry's use cases compose inside it.
    const inTransaction = <T>(
      request: Parameters<typeof callerOf>[0],
      work: (tx: service.Tx, caller: ReturnType<typeof callerOf>) => Promise<T>,
    ): Promise<T> => {
      const caller = callerOf(request);
      return service.registryTransaction(registry, caller, (tx) => work(tx, caller));
    };
    const tags = ["registry"];

    const withMessages = (
      result: {
        person: z.output<typeof personViewSchema>;
        warnings: { code: string; params: Record<string, string | number> }[];
      },
      language: ReturnType<typeof requestLanguage>,
    ) => ({
      person: result.person,
      warnings: result.warnings.map((w) => ({
        code: w.code,
        message: translate(w.code, w.params, language),
      })),
    });

    app.get(
      "/persons",
      {
        schema: {
          tags,
          summary:
            "Search persons: by name (case- and spacing-insensitive), exact NIK, area, program, period, status",
          querystring: personSearchSchema,
          response: { 200: pageOf(personViewSchema), ...errorResponses },
        },
      },
      async (request) => service.searchPersons(registry, callerOf(request), request.query),
    );

    app.post(
      "/persons",
      {
        schema: {
          tags,
          summary: "Register a person; the NIK is checked and explained, stored encrypted",
          body: personInputSchema,
          response: { 201: personWriteResultSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await inTransaction(request, (tx, caller) =>
          service.registerPersonIn(registry, tx, caller, request.body),
        );
        return reply.status(201).send(withMessages(result, requestLanguage(request)));
      },
    );

    app.get(
      "/persons/:id",
      {
        schema: {
          tags,
          summary: "One person, with household, businesses, enrollments and the history from the audit trail",
          params: idParams,
          response: {
            200: personDetailSchema,
            ...errorResponses,
          },
        },
      },
      async (request) => service.getPersonDetail(registry, callerOf(request), request.params.id),
    );

    app.get(
      "/persons/:id/identity",
      {
        schema: {
          tags,
          summary:
            "The full NIK, KK and phone of one person, for entitled roles; every read is an audit entry",
          params: idParams,
          querystring: z.object({ reason: z.string().trim().min(3).max(200).optional() }),
          response: {
            200: personIdentitySchema,
            ...errorResponses,
          },
        },
      },
      async (request) =>
        inTransaction(request, (tx, caller) =>
          service.revealIdentityIn(registry, tx, caller, request.params.id, request.query.reason ?? null),
        ),
    );

    app.patch(
      "/persons/:id",
      {
        schema: {
          tags,
          summary: "Edit a person; send the version you read (a concurrent edit answers 409)",
          params: idParams,
          body: personUpdateSchema,
          response: { 200: personWriteResultSchema, ...errorResponses },
        },
      },
      async (request) =>
        withMessages(
          await inTransaction(request, (tx, caller) =>
            service.updatePersonIn(registry, tx, caller, request.params.id, request.body),
          ),
          requestLanguage(request),
        ),
    );

    app.post(
      "/households",
      {
        schema: {
          tags,
          summary: "Register a household (KK)",
          body: householdInputSchema,
          response: { 201: householdViewSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await inTransaction(request, (tx, caller) =>
              service.registerHouseholdIn(registry, tx, caller, request.body),
            ),
          ),
    );

    app.get(
      "/households/:id",
      {
        schema: {
          tags,
          summary: "A household with its members",
          params: idParams,
          response: { 200: householdViewSchema, ...errorResponses },
        },
      },
      async (request) => service.getHouseholdView(registry, callerOf(request), request.params.id),
    );

    app.post(
      "/businesses",
      {
        schema: {
          tags,
          summary: "Register a business (UMKM) owned by a person",
          body: businessInputSchema,
          response: { 201: businessViewSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await inTransaction(request, (tx, caller) =>
              service.registerBusinessIn(registry, tx, caller, request.body),
            ),
          ),
    );

    app.patch(
      "/households/:id",
      {
        schema: {
          tags,
          summary: "Edit a household's address or area",
          params: idParams,
          body: householdUpdateSchema,
          response: { 200: householdViewSchema, ...errorResponses },
        },
      },
      async (request) =>
        inTransaction(request, (tx, caller) =>
          service.updateHouseholdIn(registry, tx, caller, request.params.id, request.body),
        ),
    );

    app.patch(
      "/businesses/:id",
      {
        schema: {
          tags,
          summary: "Edit a business",
          params: idParams,
          body: businessUpdateSchema,
          response: { 200: businessViewSchema, ...errorResponses },
        },
      },
      async (request) =>
        inTransaction(request, (tx, caller) =>
          service.updateBusinessIn(registry, tx, caller, request.params.id, request.body),
        ),
    );

    app.patch(
      "/programs/:id",
      {
        schema: {
          tags,
          summary: "Edit a program's amount, budget or quota",
          params: idParams,
          body: programUpdateSchema,
          response: { 200: programViewSchema, ...errorResponses },
        },
      },
      async (request) =>
        inTransaction(request, (tx, caller) =>
          service.updateProgramIn(registry, tx, caller, request.params.id, request.body),
        ),
    );

    app.patch(
      "/periods/:id",
      {
        schema: {
          tags,
          summary: "Edit a period's dates or status",
          params: idParams,
          body: periodUpdateSchema,
          response: { 200: periodViewSchema, ...errorResponses },
        },
      },
      async (request) =>
        inTransaction(request, (tx, caller) =>
          service.updatePeriodIn(registry, tx, caller, request.params.id, request.body),
        ),
    );

    app.get(
      "/agencies",
      { schema: { tags, summary: "Agencies (Dinas)", response: { 200: z.array(agencyViewSchema) } } },
      async () => service.listAgencies(registry),
    );

    app.post(
      "/agencies",
      {
        schema: {
          tags,
          summary: "Add an agency",
          body: agencyInputSchema,
          response: { 201: agencyViewSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await inTransaction(request, (tx, caller) =>
              service.createAgencyIn(registry, tx, caller, request.body),
            ),
          ),
    );

    app.get(
      "/programs",
      {
        schema: {
          tags,
          summary: "Programs, optionally of one agency",
          querystring: z.object({ agencyId: z.uuid().optional() }),
          response: { 200: z.array(programViewSchema) },
        },
      },
      async (request) => service.listPrograms(registry, callerOf(request), request.query.agencyId),
    );

    app.post(
      "/programs",
      {
        schema: {
          tags,
          summary: "Define a program",
          body: programInputSchema,
          response: { 201: programViewSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await inTransaction(request, (tx, caller) =>
              service.createProgramIn(registry, tx, caller, request.body),
            ),
          ),
    );

    app.get(
      "/periods",
      {
        schema: {
          tags,
          summary: "Periods (tahap), optionally of one program",
          querystring: z.object({ programId: z.uuid().optional() }),
          response: { 200: z.array(periodViewSchema) },
        },
      },
      async (request) => service.listPeriods(registry, callerOf(request), request.query.programId),
    );

    app.post(
      "/periods",
      {
        schema: {
          tags,
          summary: "Open a period (tahap) of a program",
          body: periodInputSchema,
          response: { 201: periodViewSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await inTransaction(request, (tx, caller) =>
              service.createPeriodIn(registry, tx, caller, request.body),
            ),
          ),
    );

    app.get(
      "/enrollments",
      {
        schema: {
          tags,
          summary: "Enrollments by person, program, period, status or area",
          querystring: enrollmentSearchSchema,
          response: { 200: pageOf(enrollmentViewSchema), ...errorResponses },
        },
      },
      async (request) => service.searchEnrollments(registry, callerOf(request), request.query),
    );

    app.post(
      "/enrollments",
      {
        schema: {
          tags,
          summary: "Enroll a person in a period of a program",
          body: enrollmentInputSchema,
          response: { 201: enrollmentViewSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await inTransaction(request, (tx, caller) =>
              service.enrollPersonIn(registry, tx, caller, request.body),
            ),
          ),
    );
  };
