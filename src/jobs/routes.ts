import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type Actor, auditActor } from "../access/actor.ts";
import { callerOf } from "../access/http.ts";
import type { AuditLog } from "../audit/index.ts";
import type { Database } from "../db/index.ts";
import { requestLanguage, translate } from "../http/errors.ts";
import { errorResponses, idParams } from "../http/schemas.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { JobRunner, JobView } from "./runner.ts";
import { jobListSchema, jobsQuerySchema, jobViewSchema } from "./schemas.ts";
import { listJobs } from "./store.ts";

/** Roles that oversee everyone's work; everyone else sees the jobs they started. */
const OVERSEERS = new Set(["admin", "auditor", "system"]);

export function mayWatchJob(actor: Actor, job: { createdById: string | null }): boolean {
  return OVERSEERS.has(actor.role) || (job.createdById !== null && job.createdById === actor.userId);
}

function present(view: JobView, language: "id" | "en") {
  const { createdById: _c, error, ...rest } = view;
  return {
    ...rest,
    error: error
      ? {
          code: error.code,
          message: translate(error.code, error.params as Record<string, string>, language),
          params: error.params,
        }
      : null,
  };
}

/**
 * Stopping work is a change, not a read: only whoever started the job, or an administrator, may cancel it.
 * The auditor oversees every job but changes none.
 */
export function mayCancelJob(actor: Actor, job: { createdById: string | null }): boolean {
  if (actor.role === "admin" || actor.role === "system") return true;
  return job.createdById !== null && job.createdById === actor.userId;
}

/**
 * Job progress for the web app: poll GET /jobs/:id, or follow GET /jobs/:id/events (Server-Sent Events, one
 * `progress` event per change, `end` when the job finishes).
 */
export const jobRoutes =
  (jobs: JobRunner, db: Database, audit: AuditLog): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ["jobs"];

    const visibleJob = async (actor: Actor, id: string) => {
      const view = await jobs.get(id);
      if (!view || !mayWatchJob(actor, view)) throw new DomainError("JOB_NOT_FOUND", { id }, 404);
      return view;
    };

    app.get(
      "/jobs",
      {
        schema: {
          tags,
          summary: "The caller's recent jobs, newest first",
          querystring: jobsQuerySchema,
          response: { 200: jobListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        const rows = await listJobs(db, {
          createdById: OVERSEERS.has(actor.role) ? undefined : actor.userId,
          ...(request.query.kind ? { kind: request.query.kind } : {}),
          limit: 50,
        });
        const language = requestLanguage(request);
        const views = await Promise.all(rows.map(async (row) => (await jobs.get(row.id)) as JobView));
        return views.filter(Boolean).map((view) => present(view, language));
      },
    );

    app.get(
      "/jobs/:id",
      {
        schema: {
          tags,
          summary: "State and progress of a job",
          params: idParams,
          response: { 200: jobViewSchema, ...errorResponses },
        },
      },
      async (request) =>
        present(await visibleJob(callerOf(request).actor, request.params.id), requestLanguage(request)),
    );

    app.post(
      "/jobs/:id/cancel",
      {
        schema: {
          tags,
          summary: "Cancel a queued or running job (an import then applies nothing)",
          params: idParams,
          response: { 200: jobViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const view = await visibleJob(caller.actor, request.params.id);
        if (!mayCancelJob(caller.actor, view)) throw new DomainError("FORBIDDEN", {}, 403);
        if (!(await jobs.cancel(view.id))) throw new DomainError("JOB_NOT_CANCELLABLE", { id: view.id }, 409);
        await db.transaction((tx) =>
          audit.append(tx, {
            actor: auditActor(caller.actor),
            action: "job.cancel",
            entity: "job",
            entityId: view.id,
            area: null,
            before: { kind: view.kind, state: view.state, stage: view.stage },
            requestId: caller.requestId,
          }),
        );
        return present((await jobs.get(view.id)) ?? view, requestLanguage(request));
      },
    );

    app.get(
      "/jobs/:id/events",
      {
        schema: {
          tags,
          summary: "Live progress as Server-Sent Events: `progress` on each change, `end` once finished",
          params: idParams,
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const first = await visibleJob(callerOf(request).actor, request.params.id);
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-cache, no-transform",
          connection: "keep-alive",
          "x-accel-buffering": "no",
        });
        const send = (event: string, view: JobView) =>
          raw.write(`event: ${event}\ndata: ${JSON.stringify(present(view, language))}\n\n`);
        const finished = (view: JobView) => view.state !== "queued" && view.state !== "running";
        if (finished(first)) {
          send("end", first);
          raw.end();
          return;
        }
        send("progress", first);
        let closed = false;
        const close = () => {
          if (closed) return;
          closed = true;
          stop();
          clearInterval(poll);
          raw.end();
        };
        const stop = jobs.subscribe(first.id, (view) => {
          if (finished(view)) {
            send("end", view);
            close();
          } else send("progress", view);
        });
        // Jobs run by another process (or not yet started) are followed through the table.
        const poll = setInterval(() => {
          jobs
            .get(first.id)
            .then((view) => {
              if (!view || closed) return;
              if (finished(view)) {
                send("end", view);
                close();
              } else send("progress", view);
            })
            .catch(() => close());
        }, 2000);
        request.raw.on("close", close);
      },
    );
  };
