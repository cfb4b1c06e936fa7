import { PassThrough } from "node:stream";
import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../access/http.ts";
import { requestLanguage } from "../http/errors.ts";
import { errorResponseSchema, errorResponses, idParams } from "../http/schemas.ts";
import { CONTENT_TYPES } from "../imports/table-writer.ts";
import type { Salur } from "../runtime.ts";
import { OVERLAP_LEVELS, REVIEW_STATUSES } from "./schema.ts";
import * as service from "./service.ts";

const denied = { 401: errorResponseSchema, 403: errorResponseSchema };
const text = (max: number) => z.string().trim().max(max).nullish();
const region = z.object({ code: z.string(), name: z.string() });
const decision = z.enum(["link", "review", "different"]);

export const candidateQuerySchema = z.object({
  nik: text(40),
  kk: text(40),
  name: text(120),
  sex: text(20),
  birthDate: text(20),
  birthPlace: text(80),
  address: text(200),
  villageCode: text(20),
  rt: text(5),
  rw: text(5),
  phone: text(30),
  periodId: z.uuid().nullish(),
  excludePersonId: z.uuid().nullish(),
});

const enrollmentSummary = z.object({
  enrollmentId: z.string(),
  agencyCode: z.string(),
  programCode: z.string(),
  programName: z.string(),
  periodName: z.string(),
  status: z.string(),
});

const candidatesSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  candidates: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      sex: z.string(),
      birthDate: z.string().nullable(),
      birthYear: z.number().nullable(),
      village: region,
      district: region,
      rt: z.string().nullable(),
      probability: z.number(),
      weight: z.number(),
      decision,
      levels: z.record(z.string(), z.string()),
      explanation: z.array(z.string()),
      enrollments: z.array(enrollmentSummary),
      otherAgencyEnrollments: z.number(),
    }),
  ),
  outsideArea: z.object({
    count: z.number(),
    candidates: z.array(
      z.object({ district: region, probability: z.number(), decision, enrollmentsInPeriod: z.number() }),
    ),
  }),
});

const personBrief = z.object({
  personId: z.string(),
  name: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  village: region.nullable(),
  rt: z.string().nullable(),
});

export const reviewSchema = z.object({
  id: z.string(),
  kind: z.enum(["review", "sample"]),
  status: z.enum(REVIEW_STATUSES),
  probability: z.number(),
  weight: z.number(),
  villageCode: z.string(),
  rt: z.string().nullable(),
  villageCodeB: z.string(),
  rtB: z.string().nullable(),
  personA: personBrief,
  personB: personBrief,
  levels: z.record(z.string(), z.string()),
  explanation: z.array(z.string()),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ReviewView = z.infer<typeof reviewSchema>;

const programRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
const ruleSchema = z.object({
  id: z.string(),
  programA: programRef,
  programB: programRef,
  level: z.enum(OVERLAP_LEVELS),
  startsOn: z.string(),
  endsOn: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

const windowQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  periodId: z.uuid().optional(),
});

export const violationsSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  total: z.number(),
  outsideArea: z.number(),
  violations: z.array(
    z.object({
      ruleId: z.string().nullable(),
      level: z.enum(OVERLAP_LEVELS),
      description: z.string(),
      linkedBy: z.string(),
      persons: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          village: region,
          district: region,
          rt: z.string().nullable(),
          enrollments: z.array(enrollmentSummary),
        }),
      ),
    }),
  ),
});
export type ViolationsView = z.infer<typeof violationsSchema>;

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
      async (request) =>
        service.findCandidates(registry, callerOf(request), request.body, requestLanguage(request)),
    );

    app.post(
      "/matching/runs",
      {
        schema: {
          tags,
          summary:
            "Link the registry (or one period's enrolled persons) and queue the uncertain pairs for review",
          body: z.object({ periodId: z.uuid().nullish() }),
          response: {
            200: z.object({
              id: z.string(),
              periodId: z.string().nullable(),
              persons: z.number(),
              candidatePairs: z.number(),
              linkedPairs: z.number(),
              reviewPairs: z.number(),
              newReviewPairs: z.number(),
              clusters: z.number(),
              decisionsApplied: z.number(),
              matchThreshold: z.number(),
              reviewThreshold: z.number(),
            }),
            ...errorResponses,
            ...denied,
          },
        },
      },
      async (request) => service.runReviewBatch(registry, callerOf(request), request.body),
    );

    app.get(
      "/matching/reviews",
      {
        schema: {
          tags,
          summary: "Pairs waiting for (or given) a coordinator's decision, both persons inside my area",
          querystring: z.object({
            status: z.enum(REVIEW_STATUSES).optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(reviewSchema),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
            ...errorResponses,
            ...denied,
          },
        },
      },
      async (request) =>
        service.listReviews(registry, callerOf(request), request.query, requestLanguage(request)),
    );

    app.post(
      "/matching/reviews/:id/decision",
      {
        schema: {
          tags,
          summary: "Same person or different people, with a reason; asked once, audit-logged",
          params: idParams,
          body: z.object({ samePerson: z.boolean(), reason: z.string().trim().min(3).max(500) }),
          response: { 200: reviewSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        service.decideReview(
          registry,
          callerOf(request),
          request.params.id,
          request.body,
          requestLanguage(request),
        ),
    );

    app.get(
      "/matching/quality",
      {
        schema: {
          tags,
          summary: "Precision and recall of the link threshold, measured on the coordinators' decisions",
          response: {
            200: z.object({
              labels: z.number(),
              samePerson: z.number(),
              differentPeople: z.number(),
              sampledLinks: z.number(),
              matchThreshold: z.number(),
              reviewThreshold: z.number(),
              thresholds: z.array(
                z.object({
                  threshold: z.number(),
                  truePositives: z.number(),
                  falsePositives: z.number(),
                  falseNegatives: z.number(),
                  trueNegatives: z.number(),
                  precision: z.number().nullable(),
                  recall: z.number().nullable(),
                }),
              ),
            }),
            ...denied,
          },
        },
      },
      async () => service.qualityReport(registry),
    );

    app.get(
      "/matching/overlap-rules",
      {
        schema: {
          tags,
          summary: "Programs that one person or household may not receive together",
          response: { 200: z.array(ruleSchema), ...denied },
        },
      },
      async () => service.listRules(registry),
    );

    app.post(
      "/matching/overlap-rules",
      {
        schema: {
          tags,
          summary:
            "Forbid two programs (or one program twice) together for a person or household in a period",
          body: z.object({
            programA: z.uuid(),
            programB: z.uuid(),
            level: z.enum(OVERLAP_LEVELS),
            startsOn: z.iso.date(),
            endsOn: z.iso.date(),
            reason: z.string().trim().min(3).max(500),
          }),
          response: { 200: ruleSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => service.createRule(registry, callerOf(request), request.body),
    );

    app.get(
      "/matching/violations",
      {
        schema: {
          tags,
          summary: "Overlap violations across agencies in a period: the agenda of the rapat koordinasi",
          querystring: windowQuery,
          response: { 200: violationsSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        service.violationsReport(registry, callerOf(request), request.query, requestLanguage(request)),
    );

    app.get(
      "/matching/violations/export",
      {
        schema: {
          tags,
          summary: "The violations report as XLSX or CSV (cells neutralised against formulas)",
          querystring: windowQuery.extend({ format: z.enum(["xlsx", "csv"]).default("xlsx") }),
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const language = requestLanguage(request);
        const report = await service.violationsReport(registry, callerOf(request), query, language);
        reply.header("content-type", CONTENT_TYPES[format]);
        reply.header(
          "content-disposition",
          `attachment; filename="tumpang-tindih-${report.window.from}_${report.window.to}.${format}"`,
        );
        reply.header("cache-control", "no-store");
        const out = new PassThrough();
        service.writeViolations(report, out, format, language).catch((error: unknown) => {
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        return reply.send(out);
      },
    );
  };
