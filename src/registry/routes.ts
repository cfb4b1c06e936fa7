import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
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
import * as store from "./store.ts";

/** HTTP callers see masked NIK, KK and phone until access control grants the full numbers to entitled roles. */
export const registryRoutes =
  (registry: service.Registry): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
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
      async (request) => service.searchPersons(registry, request.query),
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
        const result = await service.registerPerson(registry, request.body);
        return reply.status(201).send(withMessages(result, requestLanguage(request)));
      },
    );

    app.get(
      "/persons/:id",
      {
        schema: {
          tags,
          summary: "One person, with household, businesses and enrollments",
          params: idParams,
          response: {
            200: personViewSchema.extend({
              businesses: z.array(businessViewSchema),
              enrollments: z.array(enrollmentViewSchema),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const person = await service.getPersonView(registry, request.params.id);
        const [businesses, enrollments] = await Promise.all([
          store.businessesOf(registry.db, person.id),
          store.searchEnrollments(registry.db, { personId: person.id, page: 1, pageSize: 200 }),
        ]);
        return { ...person, businesses: businesses.map(service.businessView), enrollments: enrollments.rows };
      },
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
          await service.updatePerson(registry, request.params.id, request.body),
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
        reply.status(201).send(await service.registerHousehold(registry, request.body)),
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
      async (request) => service.getHouseholdView(registry, request.params.id),
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
        reply.status(201).send(await service.registerBusiness(registry, request.body)),
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
      async (request) => service.updateHousehold(registry, request.params.id, request.body),
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
      async (request) => service.updateBusiness(registry, request.params.id, request.body),
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
      async (request) => service.updateProgram(registry, request.params.id, request.body),
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
      async (request) => service.updatePeriod(registry, request.params.id, request.body),
    );

    app.get(
      "/agencies",
      { schema: { tags, summary: "Agencies (Dinas)", response: { 200: z.array(agencyViewSchema) } } },
      async () => (await store.listAgencies(registry.db)).map(({ id, code, name }) => ({ id, code, name })),
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
      async (request, reply) => {
        const { id, code, name } = await store.insertAgency(registry.db, request.body);
        return reply.status(201).send({ id, code, name });
      },
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
      async (request) => store.listPrograms(registry.db, request.query.agencyId),
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
        reply.status(201).send(
          await store.insertProgram(registry.db, {
            ...request.body,
            description: request.body.description ?? null,
          }),
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
      async (request) => store.listPeriods(registry.db, request.query.programId),
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
      async (request, reply) => reply.status(201).send(await store.insertPeriod(registry.db, request.body)),
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
      async (request) => {
        const { rows, total } = await store.searchEnrollments(registry.db, request.query);
        return { items: rows, total, page: request.query.page, pageSize: request.query.pageSize };
      },
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
      async (request, reply) => reply.status(201).send(await service.enrollPerson(registry, request.body)),
    );
  };
