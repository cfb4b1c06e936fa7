import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { installAccessControl } from "../access/http.ts";
import { accessRoutes } from "../access/routes.ts";
import { auditRoutes } from "../audit/routes.ts";
import { civilRegistryRoutes } from "../civil-registry/index.ts";
import { complaintRoutes } from "../complaints/index.ts";
import type { TrustProxy } from "../config.ts";
import { decreeRoutes } from "../decree/index.ts";
import { decreePublicCacheOf, decreesOf } from "../decree/runtime.ts";
import { homeRoutes } from "../home/routes.ts";
import { importRoutes } from "../imports/routes.ts";
import { matchingRoutes } from "../matching/routes.ts";
import { installMetrics } from "../ops/metrics.ts";
import { paymentRoutes } from "../payments/routes.ts";
import { portalRoutes } from "../portal/routes.ts";
import { rankingRoutes } from "../ranking/routes.ts";
import { receiptRoutes } from "../receipts/index.ts";
import { regionRoutes } from "../regions/routes.ts";
import { registryRoutes } from "../registry/routes.ts";
import { reportRoutes } from "../reports/index.ts";
import type { Salur } from "../runtime.ts";
import { workflowRoutes } from "../workflow/routes.ts";
import { requestLanguage, sendError, translate } from "./errors.ts";
import { installRequestLog, logOptions } from "./logging.ts";
import { registerPublicRoutes } from "./public-routes.ts";
import { DOCS_CSP, installSecurityHeaders } from "./security.ts";
import { webStaticOptions } from "./web-assets.ts";

export const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

export interface ServerOptions {
  /** JSON request logs on stdout (`salur serve`); see src/http/logging.ts. */
  logger?: boolean;
  /** Tests: the JSON log lines go here instead. */
  logStream?: NodeJS.WritableStream;
  /** Behind a TLS-terminating proxy: whose X-Forwarded-Proto/-For to believe (HTTPS-only cookies, client address). */
  trustProxy?: TrustProxy;
}

/** A hop count becomes Fastify's function form (its typings know lists and functions, not numbers). */
export function fastifyTrustProxy(trust: TrustProxy) {
  return typeof trust === "number" ? (_address: string, hop: number) => hop < trust : trust;
}

export async function buildServer(salur: Salur, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...logOptions(options.logger === true, options.logStream),
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  await app.register(fastifyCookie);
  await installSecurityHeaders(app);
  installRequestLog(app);
  installMetrics(app, {
    db: salur.database.db,
    token: salur.config.metricsToken,
    poolStats: salur.database.poolStats,
  });
  // Before any route: the access hooks must see every route registered after them.
  installAccessControl(app, salur.access);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Salur API",
        description:
          "Register, verify, de-duplicate, rank, decree, pay and account for social assistance (bansos). Errors answer in Indonesian by default; send Accept-Language: en for English.",
        version: "0.1.0",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", ...DOCS_CSP });

  await app.register(
    async (api) => {
      api.withTypeProvider<ZodTypeProvider>().get(
        "/health",
        {
          schema: {
            tags: ["system"],
            summary: "Database kind and migration version",
            response: {
              200: z.object({
                status: z.literal("ok"),
                database: z.enum(["pglite", "postgres"]),
                migration: z.string().nullable(),
                migrationsApplied: z.number(),
                migrationsExpected: z.number(),
                regency: z.object({ code: z.string(), name: z.string() }),
              }),
            },
          },
        },
        async () => {
          const state = await salur.database.migrationState();
          return {
            status: "ok" as const,
            database: salur.database.kind,
            migration: state.latest,
            migrationsApplied: state.applied,
            migrationsExpected: state.expected,
            regency: {
              code: salur.config.regencyCode,
              name: salur.regions.get(salur.config.regencyCode)?.name ?? "?",
            },
          };
        },
      );
      await api.register(regionRoutes(salur.regions, salur.config.regencyCode));
      await api.register(accessRoutes(salur.access));
      await api.register(registryRoutes(salur.registry));
      await api.register(auditRoutes(salur.database.db, salur.audit));
      await api.register(rankingRoutes(salur));
      await api.register(workflowRoutes(salur));
      await api.register(importRoutes(salur));
      await api.register(matchingRoutes(salur));
      await api.register(homeRoutes(salur));
      await api.register(
        decreeRoutes({ ...decreesOf(salur), onPublished: () => decreePublicCacheOf(salur).refresh() }),
      );
      await api.register(paymentRoutes(salur));
      await api.register(portalRoutes(salur));
      await api.register(complaintRoutes(salur));
      await api.register(civilRegistryRoutes(salur));
      await api.register(reportRoutes(salur));
      await api.register(receiptRoutes(salur));
    },
    { prefix: "/api" },
  );

  await registerPublicRoutes(app, salur);

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, ...webStaticOptions });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any GET that is neither API nor a build asset gets its index page;
    // a missing asset answers 404, so a stale tab sees a failed load instead of HTML served as script.
    if (
      request.method === "GET" &&
      !/^\/(api\/|assets\/|metrics(\?|$))/.test(request.url) &&
      existsSync(WEB_DIST)
    ) {
      return reply.sendFile("index.html");
    }
    const language = requestLanguage(request);
    return reply.status(404).send({
      code: "ROUTE_NOT_FOUND",
      message: translate("ROUTE_NOT_FOUND", { url: request.url }, language),
      requestId: request.id,
    });
  });
  return app;
}
