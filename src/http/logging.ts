import { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";

/**
 * Request logs as JSON lines (pino, Fastify's own logger) that carry no personal data: the route pattern
 * instead of the URL (a query string can hold a NIK, a path a name), never a body, a header or a cookie, and
 * errors without the SQL parameters or the `detail` PostgreSQL adds ("Key (nik_index)=(…)"). Every line of a
 * request carries its `reqId`, which every error reply also carries, so a 500 reported by an officer is found.
 */
export function logOptions(
  enabled: boolean,
  stream?: NodeJS.WritableStream,
): Pick<FastifyServerOptions, "logger" | "logController"> {
  if (!enabled && !stream) return { logger: false };
  return {
    logger: {
      level: "info",
      ...(stream ? { stream } : {}),
      // pino's type wants type/message/stack always present; errorForLog returns them for every Error.
      serializers: {
        err: errorForLog as (error: unknown) => { type: string; message: string; stack: string },
      },
    },
    // Fastify's own request lines carry the full URL (query strings with NIKs): installRequestLog replaces them.
    logController: new LogController({ disableRequestLogging: true }),
  };
}

/** Every reply, once, with what an operator needs: method, route, status, time. */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? pathForLog(request.url),
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request completed",
    );
  });
}

/** An unmatched URL without its query string, long digit runs (a NIK, a KK, a phone) blanked. */
export function pathForLog(url: string): string {
  return (url.split("?")[0] ?? "").replace(/\d{6,}/g, "…");
}

const withoutParams = (text: string | undefined) =>
  text
    ?.split("\n")
    .filter((line) => !line.startsWith("params:"))
    .join("\n")
    .replace(/\d{16}/g, "…");

export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: "non-error thrown" };
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return {
    type: error.name,
    code: (error as { code?: unknown }).code,
    message: withoutParams(error.message),
    stack: withoutParams(error.stack),
    ...(cause
      ? {
          cause: {
            type: cause.name,
            code: (cause as { code?: unknown }).code,
            message: withoutParams(cause.message),
          },
        }
      : {}),
  };
}
