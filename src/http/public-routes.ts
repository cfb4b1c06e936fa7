/**
 * Every capability's public routes (everything under /publik), from one list: the full server mounts them
 * beside the API, and `salur serve --public` mounts only them. A capability adds one line here with its
 * `register…PublicRoutes(app, salur)`; each runs in its own Fastify scope (its own parsers and hooks).
 */
import type { FastifyInstance } from "fastify";
import { registerComplaintPublicRoutes } from "../complaints/index.ts";
import { registerDecreePublicRoutesOf } from "../decree/runtime.ts";
import { registerPortalPublicRoutes } from "../portal/public-routes.ts";
import { registerReceiptPublicRoutes } from "../receipts/index.ts";
import type { Salur } from "../runtime.ts";

export type PublicRoutesRegistrar = (app: FastifyInstance, salur: Salur) => Promise<void>;

export const PUBLIC_ROUTES: readonly PublicRoutesRegistrar[] = [
  registerDecreePublicRoutesOf,
  (app, salur) => registerComplaintPublicRoutes(app, { salur }),
  registerPortalPublicRoutes,
  registerReceiptPublicRoutes,
];

export async function registerPublicRoutes(app: FastifyInstance, salur: Salur): Promise<void> {
  for (const register of PUBLIC_ROUTES) await app.register(async (scope) => register(scope, salur));
}
