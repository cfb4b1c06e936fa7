import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { callerOf } from "../access/http.ts";
import { documentRoutes } from "../documents/routes.ts";
import { requestLanguage, translate } from "../http/errors.ts";
import { errorResponseSchema, errorResponses, idParams } from "../http/schemas.ts";
import { registrationRoutes } from "../registration/routes.ts";
import { translateEligibility } from "../registration/service.ts";
import type { Salur } from "../runtime.ts";
import { ENROLLMENT_STATUSES, TERMINAL_STATUSES, TRANSITIONS } from "./engine.ts";
import { workQueue } from "./queue.ts";
import {
  bulkResultSchema,
  bulkTransitionSchema,
  policyInputSchema,
  policyViewSchema,
  queueQuerySchema,
  queueSchema,
  transitionInputSchema,
  transitionOutcomeSchema,
  transitionTableSchema,
  workflowViewSchema,
} from "./schemas.ts";
import * as service from "./service.ts";

const denied = { 401: errorResponseSchema, 403: errorResponseSchema };

/**
 * The application workflow, its documents and field registration, under /api. Every decision answers 409 when
 * the application changed since the officer read it (the body names the current version and status).
 */
export const workflowRoutes =
  (salur: Salur): FastifyPluginAsync =>
  async (fastify) => {
    const workflow = salur.registry;
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ["workflow"];

    app.get(
      "/workflow/transitions",
      {
        schema: {
          tags,
          summary:
            "The state machine: every transition with its roles, area, documents, maker-checker duty and reason rule",
          response: { 200: transitionTableSchema, ...denied },
        },
      },
      async () => ({
        statuses: [...ENROLLMENT_STATUSES],
        terminal: [...TERMINAL_STATUSES],
        transitions: TRANSITIONS.map((t) => ({
          action: t.action,
          from: t.from,
          to: t.to,
          roles: [...t.roles],
          broadestScope: t.broadestScope,
          documents: t.documents,
          duty: t.duty,
          reason: t.reason.kind,
          reasonCodes: t.reason.kind === "coded" ? [...t.reason.codes] : [],
          eligibility: t.eligibility,
        })),
      }),
    );

    app.get(
      "/workflow/queue",
      {
        schema: {
          tags,
          summary:
            "What waits in my area: applications in the statuses my role moves forward (or one status), oldest first",
          querystring: queueQuerySchema,
          response: { 200: queueSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => {
        const language = requestLanguage(request);
        const queue = await workQueue(workflow, callerOf(request), request.query);
        return {
          ...queue,
          items: queue.items.map((item) => ({
            ...item,
            eligibility: item.eligibility && translateEligibility(item.eligibility, translate, language),
          })),
        };
      },
    );

    app.post(
      "/workflow/transitions",
      {
        schema: {
          tags,
          summary:
            "Bulk verify, reject or other decision: each application separately; the answer says what happened to each",
          body: bulkTransitionSchema,
          response: { 200: bulkResultSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => {
        const language = requestLanguage(request);
        const results = await service.bulkTransition(workflow, callerOf(request), request.body);
        return {
          results: results.map((r) => (r.ok ? r : { ...r, message: translate(r.code, r.params, language) })),
          applied: results.filter((r) => r.ok).length,
          refused: results.filter((r) => !r.ok).length,
        };
      },
    );

    app.get(
      "/enrollments/:id/workflow",
      {
        schema: {
          tags,
          summary:
            "An application with its document checklist, eligibility, the actions open to me and its full history",
          params: idParams,
          response: { 200: workflowViewSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => {
        const language = requestLanguage(request);
        const view = await service.applicationWorkflow(workflow, callerOf(request), request.params.id);
        return {
          ...view,
          eligibility: translateEligibility(view.eligibility, translate, language),
          actions: view.actions.map((a) => ({
            ...a,
            blocked: a.blocked && {
              ...a.blocked,
              message: translate(a.blocked.code, a.blocked.params, language),
            },
          })),
        };
      },
    );

    app.get(
      "/enrollments/:id/eligibility",
      {
        schema: {
          tags,
          summary: "Evaluate the program's eligibility rules now; each rule says whether it passed and why",
          params: idParams,
          response: { 200: workflowViewSchema.shape.eligibility, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        translateEligibility(
          await service.applicationEligibility(workflow, callerOf(request), request.params.id),
          translate,
          requestLanguage(request),
        ),
    );

    app.post(
      "/enrollments/:id/transitions",
      {
        schema: {
          tags,
          summary:
            "Take a decision on an application (submit, verify, validate, reject …); send the version you read",
          params: idParams,
          body: transitionInputSchema,
          response: { 200: transitionOutcomeSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => {
        const outcome = await service.transitionApplication(
          workflow,
          callerOf(request),
          request.params.id,
          request.body,
        );
        return {
          ...outcome,
          eligibility:
            outcome.eligibility &&
            translateEligibility(outcome.eligibility, translate, requestLanguage(request)),
        };
      },
    );

    app.get(
      "/programs/:id/policy",
      {
        schema: {
          tags,
          summary:
            "A program's required documents and eligibility rules (the default for its target until edited)",
          params: idParams,
          response: { 200: policyViewSchema, ...errorResponses, ...denied },
        },
      },
      async (request) => service.programPolicy(workflow, callerOf(request), request.params.id),
    );

    app.put(
      "/programs/:id/policy",
      {
        schema: {
          tags,
          summary:
            "Set a program's required documents and eligibility rules; send the version you read (0 = default)",
          params: idParams,
          body: policyInputSchema,
          response: { 200: policyViewSchema, ...errorResponses, ...denied },
        },
      },
      async (request) =>
        service.saveProgramPolicy(workflow, callerOf(request), request.params.id, request.body),
    );

    await app.register(documentRoutes(salur));
    await app.register(registrationRoutes(salur));
  };
