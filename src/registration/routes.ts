import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../access/http.ts";
import { DOCUMENT_KINDS } from "../documents/kinds.ts";
import { acceptPhotos, bodyBytes, UPLOAD_BODY_LIMIT } from "../documents/routes.ts";
import { stageDocument } from "../documents/service.ts";
import { requestLanguage, translate } from "../http/errors.ts";
import { errorResponseSchema, errorResponses } from "../http/schemas.ts";
import type { Salur } from "../runtime.ts";
import { documentViewSchema } from "../workflow/schemas.ts";
import { documentView } from "../workflow/service.ts";
import {
  registrationCheckResultSchema,
  registrationCheckSchema,
  registrationConflictSchema,
  registrationResultSchema,
  submissionSchema,
} from "./schemas.ts";
import {
  applySubmission,
  checkRegistration,
  conflictBody,
  listSubmissions,
  presenterReport,
  RegistrationConflict,
  translateResult,
} from "./service.ts";

const denied = {
  401: errorResponseSchema,
  403: errorResponseSchema,
  413: errorResponseSchema,
  415: errorResponseSchema,
};
const submissionParams = z.object({ submissionId: z.uuid() });
/**
 * Field registration from the offline form. The device queues each submission under an id it generated
 * (UUID v4); it uploads the photos under that id (PUT …/documents/:kind), then the submission (PUT …/:id).
 * Either may be resent any number of times: the result is applied once and the same answer comes back.
 */
export const registrationRoutes =
  (salur: Salur): FastifyPluginAsync =>
  async (fastify) => {
    acceptPhotos(fastify);
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const registry = salur.registry;
    const tags = ["registration"];

    app.put(
      "/registrations/:submissionId",
      {
        schema: {
          tags,
          summary:
            "Apply a queued field submission exactly once: 201 applied, 200 the same submission again, 409 with both versions when the server changed meanwhile",
          params: submissionParams,
          body: submissionSchema,
          response: {
            200: registrationResultSchema,
            201: registrationResultSchema,
            ...errorResponses,
            409: z.union([registrationConflictSchema, errorResponseSchema]),
            ...denied,
          },
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        try {
          const result = await applySubmission(
            registry,
            callerOf(request),
            request.params.submissionId,
            request.body,
          );
          return reply.status(result.replayed ? 200 : 201).send(translateResult(result, translate, language));
        } catch (error) {
          if (error instanceof RegistrationConflict) {
            return reply.status(409).send(conflictBody(error, translate, language, request.id));
          }
          throw error;
        }
      },
    );

    app.put(
      "/registrations/:submissionId/documents/:kind",
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary:
            "Stage a photo (raw JPEG or PNG body) for a submission not yet sent; resending the same photo is harmless",
          params: submissionParams.extend({ kind: z.enum(DOCUMENT_KINDS) }),
          response: { 200: documentViewSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        documentView(
          await stageDocument(registry, callerOf(request), request.params.submissionId, {
            kind: request.params.kind,
            bytes: bodyBytes(request.body),
            declaredType: request.headers["content-type"] ?? null,
          }),
        ),
    );

    app.post(
      "/registrations/check",
      {
        schema: {
          tags,
          summary:
            "While typing: the NIK and KK explained, and existing persons who may be the same applicant",
          body: registrationCheckSchema,
          response: {
            200: registrationCheckResultSchema,
            ...errorResponses,
            ...denied,
          },
        },
      },
      async (request) => {
        const language = requestLanguage(request);
        const result = await checkRegistration(registry, callerOf(request), request.body);
        const explain = (issues: { code: string; params: Record<string, string | number> }[]) =>
          issues.map((i) => ({ ...i, message: translate(i.code, i.params, language) }));
        return {
          nik: result.nik && {
            ...result.nik,
            errors: explain(result.nik.errors),
            warnings: explain(result.nik.warnings),
            decoded: result.nik.decoded ? { ...result.nik.decoded } : null,
          },
          kk: result.kk && {
            ...result.kk,
            errors: explain(result.kk.errors),
            warnings: explain(result.kk.warnings),
          },
          duplicates: result.duplicates,
        };
      },
    );

    app.get(
      "/registrations",
      {
        schema: {
          tags,
          summary: "Field submissions in my area (or mine only), e.g. the conflicts still to resolve",
          querystring: z.object({
            status: z.enum(["applied", "conflict"]).optional(),
            mine: z.stringbool().optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  submissionId: z.uuid(),
                  status: z.enum(["applied", "conflict"]),
                  officerId: z.uuid(),
                  officerName: z.string(),
                  capturedAt: z.string(),
                  receivedAt: z.string(),
                  periodId: z.uuid(),
                  personId: z.string().nullable(),
                  personName: z.string().nullable(),
                  enrollmentId: z.string().nullable(),
                  villageCode: z.string(),
                  rt: z.string().nullable(),
                  appearedInPerson: z.boolean(),
                  presenterName: z.string().nullable(),
                  conflict: z.record(z.string(), z.unknown()).nullable(),
                }),
              ),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
            ...errorResponses,
            ...denied,
          },
        },
      },
      async (request) => listSubmissions(registry, callerOf(request), request.query),
    );

    app.get(
      "/registrations/report",
      {
        schema: {
          tags,
          summary:
            "Who brings papers for many applicants (presenters with at least minApplicants), registrations not in person per officer, and photos reused across applications",
          querystring: z.object({
            periodId: z.uuid().optional(),
            minApplicants: z.coerce.number().int().min(1).max(1000).default(3),
          }),
          response: {
            200: z.object({
              presenters: z.array(
                z.object({
                  presenterId: z.string(),
                  name: z.string().nullable(),
                  applicants: z.number(),
                  submissions: z.number(),
                  villages: z.number(),
                  officers: z.number(),
                  first: z.string().nullable(),
                  last: z.string().nullable(),
                  registrations: z.array(
                    z.object({
                      submissionId: z.uuid(),
                      enrollmentId: z.string().nullable(),
                      personName: z.string().nullable(),
                      villageCode: z.string(),
                      rt: z.string().nullable(),
                      relation: z.string().nullable(),
                      officerName: z.string(),
                      receivedAt: z.string(),
                    }),
                  ),
                }),
              ),
              officers: z.array(
                z.object({
                  officerId: z.uuid(),
                  name: z.string(),
                  role: z.string(),
                  submissions: z.number(),
                  notInPerson: z.number(),
                }),
              ),
              reusedPhotos: z.array(
                z.object({
                  sha256: z.string(),
                  kinds: z.array(z.string()),
                  applications: z.number(),
                  enrollmentIds: z.array(z.string()),
                }),
              ),
            }),
            ...errorResponses,
            ...denied,
          },
        },
      },
      async (request) => presenterReport(registry, callerOf(request), request.query),
    );
  };
