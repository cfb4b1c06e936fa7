/**
 * The portal's public routes under /publik: pages from the in-memory snapshots (ETag, Cache-Control, a gzip
 * copy made once), the self-check and objection forms (plain HTML forms, no script), open data downloads, and
 * the portal's 404 page for any other /publik address. No session, no cookie.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Language } from "../i18n/index.ts";
import type { Salur } from "../runtime.ts";
import { type CachedBody, cachedBody, type Published } from "./cache.ts";
import {
  renderObjectionFiled,
  renderObjectionForm,
  renderSelfCheckForm,
  renderSelfCheckResult,
  SELF_CHECK_PATH,
} from "./forms.ts";
import { html, PUBLIC_PREFIX, publicLanguage } from "./html.ts";
import { fileObjection } from "./objections.ts";
import {
  ckanPackage,
  DATA_PREFIX,
  DICTIONARY,
  datasetId,
  dcatCatalog,
  openDataCsv,
  openDataJson,
} from "./open-data.ts";
import { renderDataIndex, renderDictionary } from "./open-data-pages.ts";
import {
  type PageContext,
  renderHome,
  renderMessage,
  renderNotFound,
  renderProgram,
  renderPublication,
  renderVillageList,
} from "./pages.ts";
import { type Portal, portalOf } from "./portal.ts";
import { checkSelf, selfCheckSections } from "./self-check.ts";
import { portalText } from "./text.ts";

const HTML = "text/html; charset=utf-8";
/** Pages change only when a publication is approved: a minute of caching in browsers and proxies is safe. */
const PAGE_CACHE = "public, max-age=60, stale-while-revalidate=300";
/**
 * Every header the server's helmet sends (src/http/security.ts), with the portal's stricter policy. The pages
 * served from snapshots set them from this one object and skip helmet (`FROM_SNAPSHOT`): helmet's per-request
 * work cost a third of a snapshot page's throughput, and on announcement day that is the whole load.
 */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "DENY",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};
/** For routes that answer only through `send`, which sets SECURITY_HEADERS itself. */
const FROM_SNAPSHOT = { helmet: false } as const;

function send(request: FastifyRequest, reply: FastifyReply, cached: CachedBody, cacheControl = PAGE_CACHE) {
  reply
    .headers(SECURITY_HEADERS)
    .header("cache-control", cacheControl)
    .header("etag", cached.etag)
    .header("vary", "accept-encoding");
  if (cached.status === 200 && request.headers["if-none-match"] === cached.etag)
    return reply.status(304).send();
  reply.status(cached.status).type(cached.contentType);
  const accepts = String(request.headers["accept-encoding"] ?? "");
  if (cached.gzip && /\bgzip\b/.test(accepts))
    return reply.header("content-encoding", "gzip").send(cached.gzip);
  return reply.send(cached.body);
}

function sendFresh(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .headers(SECURITY_HEADERS)
    .header("cache-control", "no-store")
    .type(HTML)
    .send(body);
}

function langKey(language: Language) {
  return language === "en" ? "en" : "id";
}

function todayOf(salur: Salur): string {
  return salur.registry.env.today();
}

function origin(portal: Portal, request: FastifyRequest): string {
  return portal.settings.publicBaseUrl ?? `${request.protocol}://${request.host}`;
}

/** Registers the portal on a (public or full) server; the other capabilities' public routes plug in the same way. */
export async function registerPortalPublicRoutes(app: FastifyInstance, salur: Salur): Promise<void> {
  const portal = portalOf(salur);
  await portal.cache.ensureLoaded();
  portal.cache.startPolling(portal.settings.pollMs);
  app.addHook("onClose", async () => portal.cache.stopPolling());
  const regencyName = salur.regions.get(salur.config.regencyCode)?.name ?? salur.config.regencyCode;
  const ctx = (request: FastifyRequest): PageContext => ({
    language: publicLanguage(request.query),
    regencyName,
  });
  const cache = portal.cache;
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const c = ctx(request);
    return send(
      request,
      reply,
      cache.page(`404:${langKey(c.language)}`, () => cachedBody(renderNotFound(c), HTML, 404)),
    );
  };

  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 16_384 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  app.get(PUBLIC_PREFIX, FROM_SNAPSHOT, (request, reply) => {
    const c = ctx(request);
    return send(
      request,
      reply,
      cache.page(`home:${langKey(c.language)}`, () =>
        cachedBody(renderHome(c, cache.latestPerPeriod()), HTML),
      ),
    );
  });

  app.get<{ Params: { code: string } }>(`${PUBLIC_PREFIX}/program/:code`, FROM_SNAPSHOT, (request, reply) => {
    const c = ctx(request);
    const key = `program:${request.params.code}:${langKey(c.language)}`;
    const list = cache.all().filter((p) => p.snapshot.program.code === request.params.code);
    if (list.length === 0) return notFound(request, reply);
    return send(
      request,
      reply,
      cache.page(key, () => cachedBody(renderProgram(c, list), HTML)),
    );
  });

  app.get<{ Params: { id: string } }>(`${PUBLIC_PREFIX}/publikasi/:id`, FROM_SNAPSHOT, (request, reply) => {
    const c = ctx(request);
    const p = cache.get(request.params.id);
    if (!p) return notFound(request, reply);
    return send(
      request,
      reply,
      cache.page(`pub:${p.id}:${langKey(c.language)}`, () =>
        cachedBody(renderPublication(c, p, cache.supersededBy(p)), HTML),
      ),
    );
  });

  app.get<{ Params: { id: string } }>(
    `${PUBLIC_PREFIX}/publikasi/:id/snapshot.json`,
    FROM_SNAPSHOT,
    (request, reply) => {
      const p = cache.get(request.params.id);
      if (!p) return notFound(request, reply);
      reply.header("x-content-sha256", p.sha256);
      // Immutable: a publication never changes; a newer one has another address.
      return send(
        request,
        reply,
        cache.page(`json:${p.id}`, () => cachedBody(p.json, "application/json; charset=utf-8")),
        "public, max-age=31536000, immutable",
      );
    },
  );

  app.get<{ Params: { id: string; village: string } }>(
    `${PUBLIC_PREFIX}/publikasi/:id/desa/:village`,
    FROM_SNAPSHOT,
    (request, reply) => {
      const c = ctx(request);
      const p = cache.get(request.params.id);
      if (!p) return notFound(request, reply);
      const today = todayOf(salur);
      const key = `list:${p.id}:${request.params.village}:${langKey(c.language)}:${today}`;
      const rendered = cache.page(key, () => {
        const body = renderVillageList(c, p, request.params.village, today);
        return body ? cachedBody(body, HTML) : cachedBody(renderNotFound(c), HTML, 404);
      });
      return send(request, reply, rendered);
    },
  );

  app.get<{ Params: { id: string; ref: string } }>(`${PUBLIC_PREFIX}/sanggah/:id/:ref`, (request, reply) => {
    const c = ctx(request);
    const p = cache.get(request.params.id);
    const body = p && p.snapshot.kind === "sanggah" ? renderObjectionForm(c, p, request.params.ref) : null;
    if (!p || !body) return notFound(request, reply);
    if (!p.objectionEndsOn || todayOf(salur) > p.objectionEndsOn)
      return sendFresh(
        reply,
        410,
        renderMessage(
          c,
          PUBLIC_PREFIX,
          portalText(c.language).objectTitle,
          portalText(c.language).objectionClosed,
        ),
      );
    return send(
      request,
      reply,
      cache.page(`objection:${p.id}:${request.params.ref}:${langKey(c.language)}`, () =>
        cachedBody(body, HTML),
      ),
    );
  });

  app.post<{ Params: { id: string; ref: string }; Body: Record<string, string> | undefined }>(
    `${PUBLIC_PREFIX}/sanggah/:id/:ref`,
    async (request, reply) => {
      const c = ctx(request);
      const t = portalText(c.language);
      const form = request.body ?? {};
      const values = { reasonCode: String(form.alasan ?? ""), reason: String(form.penjelasan ?? "") };
      const outcome = await fileObjection(
        portal,
        {
          publicationId: request.params.id,
          ref: request.params.ref,
          ...values,
          contact: form.kontak ? String(form.kontak) : null,
          address: request.ip,
        },
        todayOf(salur),
      );
      const p = cache.get(request.params.id) as Published;
      switch (outcome.kind) {
        case "filed":
          return sendFresh(reply, 201, renderObjectionFiled(c, p, request.params.ref, outcome.id));
        case "invalid":
          return sendFresh(
            reply,
            422,
            renderObjectionForm(c, p, request.params.ref, outcome.fields, values) ?? "",
          );
        case "closed":
          return sendFresh(reply, 410, renderMessage(c, PUBLIC_PREFIX, t.objectTitle, t.objectionClosed));
        case "throttled":
          return sendFresh(reply, 429, renderMessage(c, PUBLIC_PREFIX, t.objectTitle, t.checkThrottled));
        default:
          return notFound(request, reply);
      }
    },
  );

  app.get(SELF_CHECK_PATH, (request, reply) => {
    const c = ctx(request);
    return send(
      request,
      reply,
      cache.page(`cek:${langKey(c.language)}`, () => cachedBody(renderSelfCheckForm(c), HTML)),
    );
  });

  app.post<{ Body: Record<string, string> | undefined }>(SELF_CHECK_PATH, async (request, reply) => {
    const c = ctx(request);
    const t = portalText(c.language);
    const form = request.body ?? {};
    const outcome = await checkSelf(portal, {
      nik: String(form.nik ?? ""),
      code: String(form.kode ?? ""),
      address: request.ip,
    });
    if (outcome.kind === "verified") {
      const extra = [];
      for (const section of selfCheckSections()) {
        const part = await section({
          portal,
          personId: outcome.personId,
          statuses: outcome.statuses,
          language: c.language,
        });
        if (part) extra.push(part);
      }
      return sendFresh(reply, 200, renderSelfCheckResult(c, outcome.statuses, extra));
    }
    const message =
      outcome.kind === "throttled"
        ? t.checkThrottled
        : outcome.kind === "invalid"
          ? t.badRequest
          : t.checkNoMatch;
    const status = outcome.kind === "throttled" ? 429 : outcome.kind === "invalid" ? 422 : 200;
    return sendFresh(
      reply,
      status,
      renderSelfCheckForm(c, html`<p class="error" role="alert">${message}</p>`),
    );
  });

  app.get(DATA_PREFIX, (request, reply) => {
    const c = ctx(request);
    return send(
      request,
      reply,
      cache.page(`data:${langKey(c.language)}`, () =>
        cachedBody(renderDataIndex(c, cache.all(), cache), HTML),
      ),
    );
  });
  app.get(`${DATA_PREFIX}/kamus`, (request, reply) => {
    const c = ctx(request);
    return send(
      request,
      reply,
      cache.page(`kamus:${langKey(c.language)}`, () => cachedBody(renderDictionary(c), HTML)),
    );
  });
  app.get(`${DATA_PREFIX}/kamus.json`, (request, reply) =>
    send(
      request,
      reply,
      cache.page("kamus.json", () =>
        cachedBody(JSON.stringify({ fields: DICTIONARY }), "application/json; charset=utf-8"),
      ),
    ),
  );
  for (const format of ["csv", "json"] as const) {
    app.get<{ Params: { id: string } }>(`${DATA_PREFIX}/:id/data.${format}`, (request, reply) => {
      const p = cache.get(request.params.id);
      if (!p) return notFound(request, reply);
      reply.header("content-disposition", `attachment; filename="${datasetId(p)}.${format}"`);
      return send(
        request,
        reply,
        cache.page(`data:${p.id}:${format}`, () =>
          format === "csv"
            ? cachedBody(openDataCsv(p), "text/csv; charset=utf-8")
            : cachedBody(openDataJson(p), "application/json; charset=utf-8"),
        ),
        "public, max-age=31536000, immutable",
      );
    });
  }
  app.get(`${DATA_PREFIX}/catalog.jsonld`, (request, reply) =>
    send(
      request,
      reply,
      cache.page("dcat", () =>
        cachedBody(
          JSON.stringify(dcatCatalog(cache.latestPerPeriod(), origin(portal, request), regencyName)),
          "application/ld+json; charset=utf-8",
        ),
      ),
    ),
  );
  app.get(`${DATA_PREFIX}/api/3/action/package_list`, (request, reply) =>
    send(
      request,
      reply,
      cache.page("ckan:list", () =>
        cachedBody(
          JSON.stringify({ success: true, result: cache.latestPerPeriod().map(datasetId) }),
          "application/json; charset=utf-8",
        ),
      ),
    ),
  );
  app.get<{ Querystring: { id?: string } }>(`${DATA_PREFIX}/api/3/action/package_show`, (request, reply) => {
    const p = cache.latestPerPeriod().find((x) => datasetId(x) === request.query.id);
    if (!p)
      return reply
        .status(404)
        .headers(SECURITY_HEADERS)
        .send({ success: false, error: { __type: "Not Found Error" } });
    return send(
      request,
      reply,
      cache.page(`ckan:${p.id}`, () =>
        cachedBody(
          JSON.stringify({ success: true, result: ckanPackage(p, origin(portal, request)) }),
          "application/json; charset=utf-8",
        ),
      ),
    );
  });

  app.get(`${PUBLIC_PREFIX}/*`, notFound);
}
