import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../i18n/domain-error.ts";
import { actorCan, type Caller } from "./actor.ts";
import type { Access } from "./deps.ts";
import { routeAccess } from "./permissions.ts";
import {
  type Authenticated,
  authenticateBearer,
  authenticateSession,
  csrfMatches,
  SESSION_MAX_SECONDS,
} from "./sessions.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Who sent the request, once the access hook has run; null on public routes and when nobody signed in. */
    auth: Authenticated | null;
  }
}

export const SESSION_COOKIE = "salur_session";
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RegisteredRoute {
  method: string;
  url: string;
}

const routeTables = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route Fastify registered (collected by an onRoute hook): what the access-matrix test enumerates. */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return routeTables.get(app) ?? [];
}

/**
 * Installs authentication and the permission table on the root instance, before any route is registered:
 * every /api request is checked against ROUTE_ACCESS (a route without an entry is refused for everyone),
 * then signed-in (session cookie or Bearer token), CSRF-checked for cookie writes, and role-checked. Object-level
 * checks (area, agency) happen in the use cases.
 */
export function installAccessControl(app: FastifyInstance, access: Access): void {
  const routes: RegisteredRoute[] = [];
  routeTables.set(app, routes);
  app.decorateRequest("auth", null);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({ method, url: route.url });
      if (route.url.startsWith("/api") && !routeAccess(method, route.url)) {
        app.log.error(
          { method, url: route.url },
          "route has no entry in the permission table and is refused",
        );
      }
    }
  });
  app.addHook("onRequest", async (request) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith("/api")) return;
    const rule = routeAccess(request.method, url);
    if (!rule) throw new DomainError("ROUTE_NOT_IN_PERMISSION_TABLE", {}, 403);
    if (rule.kind === "public" && !rule.identify) return;
    request.auth = await authenticate(access, request);
    const auth = request.auth;
    if (!auth) {
      if (rule.kind === "public") return;
      throw new DomainError("AUTH_REQUIRED", {}, 401);
    }
    if (auth.via === "session" && WRITE_METHODS.has(request.method)) {
      const header = request.headers["x-csrf-token"];
      if (!csrfMatches(auth.csrfToken ?? "", Array.isArray(header) ? header[0] : header)) {
        throw new DomainError("CSRF_INVALID", {}, 403);
      }
    }
    if (rule.kind === "action" && !actorCan(auth.actor, rule.action))
      throw new DomainError("FORBIDDEN", {}, 403);
  });
}

/** A Bearer token wins over a cookie: machine clients never carry a session. */
async function authenticate(access: Access, request: FastifyRequest): Promise<Authenticated | null> {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return authenticateBearer(access, header.slice(7).trim());
  const token = request.cookies?.[SESSION_COOKIE];
  return token ? authenticateSession(access, token) : null;
}

/** The caller of a use case; only reachable behind the access hook, so a missing actor is a bug, not a 401 path. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.auth) throw new DomainError("AUTH_REQUIRED", {}, 401);
  return { actor: request.auth.actor, requestId: request.id };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    path: "/",
    maxAge: SESSION_MAX_SECONDS,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    path: "/",
  });
}
