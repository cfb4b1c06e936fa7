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
import { importRoutes } from "../imports/routes.ts";
import { matchingRoutes } from "../matching/routes.ts";
import { rankingRoutes } from "../ranking/routes.ts";
import { regionRoutes } from "../regions/routes.ts";
import { registryRoutes } from "../registry/routes.ts";
import type { Salur } from "../runtime.ts";
import { workflowRoutes } from "../workflow/routes.ts";
import { requestLanguage, sendError, translate } from "./errors.ts";

export const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

export interface ServerOptions {
  logger?: boolean;
  /** Behind a TLS-terminating proxy: believe X-Forwarded-Proto/-For (HTTPS-only cookies, client address). */
  trustProxy?: boolean | string;
}

export async function buildServer(salur: Salur, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: "info" } : false,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  await app.register(fastifyCookie);
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
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

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
    },
    { prefix: "/api" },
  );

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any GET that is neither API nor a build asset gets its index page;
    // a missing asset answers 404, so a stale tab sees a failed load instead of HTML served as script.
    if (request.method === "GET" && !/^\/(api|assets)\//.test(request.url) && existsSync(WEB_DIST)) {
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
