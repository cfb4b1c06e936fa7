import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../access/http.ts";
import { errorResponseSchema, errorResponses, idParams } from "../http/schemas.ts";
import type { Salur } from "../runtime.ts";
import { checklistSchema, documentViewSchema } from "../workflow/schemas.ts";
import { applicationWorkflow, documentView } from "../workflow/service.ts";
import { DOCUMENT_KINDS } from "./kinds.ts";
import { attachDocument, MAX_DOCUMENT_BYTES, readDocument } from "./service.ts";

/**
 * Photos arrive as the raw body (Content-Type image/jpeg or image/png), not as multipart: one photo per
 * request is what a phone's queued upload resends cleanly. Any other body reaches the handler too, so the
 * answer can say what was sent (HEIC, PDF …) instead of a bare 415; the type is read from the bytes.
 */
/** The body limit of upload routes: a little over the document limit, so the refusal names the sizes. */
export const UPLOAD_BODY_LIMIT = MAX_DOCUMENT_BYTES + 1024 * 1024;

const denied = {
  401: errorResponseSchema,
  403: errorResponseSchema,
  413: errorResponseSchema,
  415: errorResponseSchema,
};

/** Lets the routes of one plugin take a photo as their raw body. */
export function acceptPhotos(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    "*",
    { parseAs: "buffer", bodyLimit: UPLOAD_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
}

export const documentRoutes =
  (salur: Salur): FastifyPluginAsync =>
  async (fastify) => {
    acceptPhotos(fastify);
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const registry = salur.registry;
    const tags = ["documents"];

    app.post(
      "/enrollments/:id/documents/:kind",
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: `Attach a photo (raw JPEG or PNG body, at most ${MAX_DOCUMENT_BYTES} bytes); metadata is stripped and the SHA-256 kept`,
          params: z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS) }),
          response: { 201: documentViewSchema, ...errorResponses, ...denied },
        },
      },
      async (request, reply) => {
        const row = await attachDocument(registry, callerOf(request), request.params.id, {
          kind: request.params.kind,
          bytes: bodyBytes(request.body),
          declaredType: request.headers["content-type"] ?? null,
        });
        return reply.status(201).send(documentView(row));
      },
    );

    app.get(
      "/enrollments/:id/documents",
      {
        schema: {
          tags,
          summary:
            "The application's document checklist: required, present, missing, and each current photo's record",
          params: idParams,
          response: { 200: checklistSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        (await applicationWorkflow(registry, callerOf(request), request.params.id)).documents,
    );

    app.get(
      "/documents/:id/content",
      {
        schema: {
          tags,
          summary: "The photo itself, for an entitled official; reading it is recorded in the audit trail",
          params: idParams,
          querystring: z.object({ reason: z.string().trim().min(3).max(500).optional() }),
          response: { ...errorResponses, ...denied },
        },
      },
      async (request, reply) => {
        const document = await readDocument(
          registry,
          callerOf(request),
          request.params.id,
          request.query.reason ?? null,
        );
        return (
          reply
            .type(document.mediaType)
            .header("cache-control", "private, no-store")
            .header("x-content-type-options", "nosniff")
            .header(
              "content-disposition",
              `inline; filename="${document.kind}-${document.sha256.slice(0, 12)}"`,
            )
            .header("x-document-sha256", document.sha256)
            // A Buffer is sent as-is (Fastify skips serialisation); the schema only types the error answers.
            .send(Buffer.from(document.bytes) as never)
        );
      },
    );
  };

export function bodyBytes(body: unknown): Uint8Array {
  return body instanceof Uint8Array ? body : new Uint8Array();
}
