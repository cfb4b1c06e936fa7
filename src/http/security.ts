import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/** A year: what browsers and the HSTS preload list expect once a site is HTTPS-only. */
const HSTS_SECONDS = 365 * 24 * 3600;

/**
 * The officials' app loads its scripts, styles and fonts from this server only. Mantine writes its CSS
 * variables into <style> elements and style attributes, hence 'unsafe-inline' for styles (never for scripts);
 * document photos are previewed as blob: and data: images. No site may frame Salur (clickjacking).
 */
const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", "blob:"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every reply (@fastify/helmet), HSTS only over HTTPS (sent over plain HTTP it is
 * ignored, and a dinas laptop on http://localhost must keep working), and `Cache-Control: no-store` on every
 * API reply that does not set its own: API replies carry personal data, NIKs to the entitled, and sessions,
 * none of which may stay in a shared computer's browser cache. Register before any route.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
    strictTransportSecurity: false,
    // The app embeds nothing cross-origin; COEP would only break blob: previews in older browsers.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.protocol === "https") reply.header("strict-transport-security", `max-age=${HSTS_SECONDS}`);
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) {
      reply.header("cache-control", "no-store");
    }
    return payload;
  });
}

/**
 * The API reference (Swagger UI) runs inline scripts whose hashes its plugin knows: its own CSP for its pages,
 * without `upgrade-insecure-requests` (Salur may run on plain HTTP on a laptop) and not frameable either.
 */
export const DOCS_CSP = {
  staticCSP: true,
  transformStaticCSP: (header: string) =>
    header
      .replace(/\s*upgrade-insecure-requests;?/, "")
      .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
      // Swagger UI sets inline styles as it renders (scripts stay 'self' only).
      .replace(/style-src 'self' https:\s*/, "style-src 'self' 'unsafe-inline' "),
};
