import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponseSchema, errorResponses } from "../http/schemas.ts";
import type { Access } from "./deps.ts";
import { callerOf, clearSessionCookie, setSessionCookie } from "./http.ts";
import {
  demoStatusSchema,
  loginSchema,
  passwordChangeSchema,
  sessionSchema,
  tokenInputSchema,
  tokenViewSchema,
  userInputSchema,
  userUpdateSchema,
  userViewSchema,
} from "./schemas.ts";
import { changePassword, currentUser, demoStatus, login, logout } from "./sessions.ts";
import { createToken, listTokens, revokeToken } from "./tokens.ts";
import { createUser, listUsers, updateUser } from "./users.ts";

const authErrors = {
  401: errorResponseSchema,
  403: errorResponseSchema,
  429: errorResponseSchema.extend({ retryAfterSeconds: z.number().optional() }),
};

export const accessRoutes =
  (access: Access): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      "/auth/login",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in: sets the HttpOnly session cookie and returns the CSRF token writes must send",
          body: loginSchema,
          response: { 200: sessionSchema, ...errorResponses, ...authErrors },
        },
      },
      async (request, reply) => {
        const result = await login(access, {
          ...request.body,
          address: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
          requestId: request.id,
        });
        setSessionCookie(request, reply, result.token);
        return { user: result.user, csrfToken: result.csrfToken };
      },
    );

    app.post(
      "/auth/logout",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign out (ends the server-side session)",
          response: { 204: z.null(), ...authErrors },
        },
      },
      async (request, reply) => {
        if (request.auth?.sessionHash) await logout(access, callerOf(request), request.auth.sessionHash);
        clearSessionCookie(request, reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/auth/demo",
      {
        schema: {
          tags: ["auth"],
          summary: "Whether demo accounts with the published password exist (the app's warning banner)",
          response: { 200: demoStatusSchema },
        },
      },
      async () => demoStatus(access),
    );

    app.get(
      "/auth/me",
      {
        schema: {
          tags: ["auth"],
          summary: "The signed-in user, their area, and the CSRF token",
          response: { 200: sessionSchema, ...authErrors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const user = await currentUser(access, caller.actor);
        return { user, csrfToken: request.auth?.csrfToken ?? "" };
      },
    );

    app.post(
      "/auth/password",
      {
        schema: {
          tags: ["auth"],
          summary: "Change one's own password (other sessions are signed out)",
          body: passwordChangeSchema,
          response: { 204: z.null(), ...errorResponses, ...authErrors },
        },
      },
      async (request, reply) => {
        await changePassword(access, callerOf(request), request.body, request.auth?.sessionHash ?? null);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/users",
      {
        schema: {
          tags: ["users"],
          summary: "Accounts in the caller's area",
          response: { 200: z.array(userViewSchema), ...authErrors },
        },
      },
      async (request) => listUsers(access, callerOf(request)),
    );

    app.post(
      "/users",
      {
        schema: {
          tags: ["users"],
          summary: "Create an account within the admin's area (password strength checked)",
          body: userInputSchema,
          response: { 201: userViewSchema, ...errorResponses, ...authErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createUser(access, callerOf(request), request.body)),
    );

    app.patch(
      "/users/:id",
      {
        schema: {
          tags: ["users"],
          summary:
            "Change an account's name, role, area, agency, password or active flag (send the version read)",
          params: z.object({ id: z.uuid() }),
          body: userUpdateSchema,
          response: { 200: userViewSchema, ...errorResponses, ...authErrors },
        },
      },
      async (request) => updateUser(access, callerOf(request), request.params.id, request.body),
    );

    app.get(
      "/tokens",
      {
        schema: {
          tags: ["users"],
          summary: "API tokens of accounts in the caller's area",
          response: { 200: z.array(tokenViewSchema), ...authErrors },
        },
      },
      async (request) => listTokens(access, callerOf(request)),
    );

    app.post(
      "/tokens",
      {
        schema: {
          tags: ["users"],
          summary: "Issue a scoped API token for one's own account (from a session); the token is shown once",
          body: tokenInputSchema,
          response: { 201: tokenViewSchema.extend({ token: z.string() }), ...errorResponses, ...authErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createToken(access, callerOf(request), request.body, request.auth?.via ?? "session")),
    );

    app.delete(
      "/tokens/:id",
      {
        schema: {
          tags: ["users"],
          summary: "Revoke an API token",
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...errorResponses, ...authErrors },
        },
      },
      async (request, reply) => {
        await revokeToken(access, callerOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
