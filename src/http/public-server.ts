import Fastify, { type FastifyInstance } from "fastify";
import { PUBLIC_PREFIX } from "../portal/html.ts";
import type { Salur } from "../runtime.ts";
import { installRequestLog, logOptions } from "./logging.ts";
import { registerPublicRoutes } from "./public-routes.ts";
import { installSecurityHeaders } from "./security.ts";
import { fastifyTrustProxy, type ServerOptions } from "./server.ts";

/**
 * The public mode (`salur serve --public`): only the public routes — no API, no officials' app, no sessions or
 * cookies — so a regency can put this process alone on the internet, next to a database it only reads from
 * (and writes self-check counters and objections to).
 */
export async function buildPublicServer(salur: Salur, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...logOptions(options.logger === true, options.logStream),
    bodyLimit: 65_536,
    genReqId: () => crypto.randomUUID(),
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
  });
  // The same headers as the full server (no framing, no referrer, scripts from here only, HSTS on HTTPS);
  // a public page may set a stricter policy of its own.
  await installSecurityHeaders(app);
  installRequestLog(app);
  await registerPublicRoutes(app, salur);
  app.get("/", (_request, reply) => reply.redirect(PUBLIC_PREFIX));
  app.setNotFoundHandler((_request, reply) => reply.redirect(`${PUBLIC_PREFIX}/tidak-ada`));
  return app;
}
