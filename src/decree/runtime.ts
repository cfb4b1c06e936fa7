import type { FastifyInstance } from "fastify";
import { addSelfCheckSection } from "../portal/index.ts";
import type { Salur } from "../runtime.ts";
import { createDecreePublicCache, type DecreePublicCache, registerDecreePublicRoutes } from "./public.ts";
import { decreeProofSection } from "./self-check-proof.ts";
import type { Decrees } from "./service.ts";

/** The decree capability over one running Salur; SALUR_PUBLIC_URL is where the QR codes point. */
export function decreesOf(salur: Pick<Salur, "registry" | "config">): Decrees {
  const publicUrl = process.env.SALUR_PUBLIC_URL ?? `http://localhost:${salur.config.port || 3000}`;
  return { registry: salur.registry, publicUrl, clock: () => new Date() };
}

const publicCaches = new WeakMap<Salur, DecreePublicCache>();

/** One in-memory cache of decided decrees per running Salur: the public page reads it, an approval refreshes it. */
export function decreePublicCacheOf(salur: Salur): DecreePublicCache {
  let cache = publicCaches.get(salur);
  if (!cache) {
    const created = createDecreePublicCache(salur.database.db);
    // A decree decided or revoked by another process shows on the public page as soon as it commits.
    salur.changes.on("decrees", () => void created.refresh().catch(() => {}));
    cache = created;
    publicCaches.set(salur, cache);
  }
  return cache;
}

/** /publik/sk for the public route list (src/http/public-routes.ts). */
export async function registerDecreePublicRoutesOf(app: FastifyInstance, salur: Salur): Promise<void> {
  addSelfCheckSection(decreeProofSection);
  registerDecreePublicRoutes(app, {
    db: salur.database.db,
    regencyName: salur.regions.get(salur.config.regencyCode)?.name ?? salur.config.regencyCode,
    cache: decreePublicCacheOf(salur),
  });
}
