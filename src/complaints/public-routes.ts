/**
 * The public complaint routes under /publik/pengaduan: plain HTML forms that work without JavaScript or an
 * account (multipart, so a photo can come along), the tracking-code page and the public statistics. Mounted by
 * the server's public mode through `registerComplaintPublicRoutes`. Rate-limited per address (generously: many
 * citizens share one address) on top of the per-phone limit and duplicate detection of the use case.
 */
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DOCUMENT_MESSAGES } from "../documents/messages.ts";
import { MAX_DOCUMENT_BYTES } from "../documents/service.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { createTranslator, type Language } from "../i18n/index.ts";
import { publicLanguage } from "../portal/html.ts";
import type { Salur } from "../runtime.ts";
import { liveSettings, loadSettings } from "./configured.ts";
import { COMPLAINT_MESSAGES } from "./messages.ts";
import {
  COMPLAINT_PATH,
  complaintText,
  type FormValues,
  type PageContext,
  renderComplaintForm,
  renderMessage,
  renderReceived,
  renderStatistics,
  renderStatus,
} from "./public-pages.ts";
import { loadPublishedStatistics, publishedStatistics } from "./published-statistics.ts";
import { publicStatus } from "./queries.ts";
import { complaintsOf } from "./routes.ts";
import { publicIntakeSchema } from "./schemas.ts";
import { answerByCode, openComplaint, type PhotoInput } from "./service.ts";
import type { ComplaintSettings } from "./settings.ts";

const translate = createTranslator(COMPLAINT_MESSAGES, DOCUMENT_MESSAGES);

const HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
};

export interface ComplaintPublicDeps {
  salur: Salur;
  settings?: ComplaintSettings;
}

function send(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).headers(HEADERS).type("text/html; charset=utf-8").send(body);
}

interface ReadForm {
  fields: FormValues;
  photos: PhotoInput[];
}

/** Text parts and non-empty file parts; a form without a chosen photo sends an empty file part. */
async function readForm(request: FastifyRequest, maxPhotos: number): Promise<ReadForm> {
  const fields: FormValues = {};
  const photos: PhotoInput[] = [];
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const bytes = await part.toBuffer();
      if (bytes.length === 0) continue;
      if (photos.length >= maxPhotos)
        throw new DomainError("COMPLAINT_TOO_MANY_PHOTOS", { maximum: maxPhotos }, 422);
      photos.push({ bytes: new Uint8Array(bytes), declaredType: part.mimetype });
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, photos };
}

function fieldErrors(language: Language, issues: readonly { path: PropertyKey[] }[]): string[] {
  const t = complaintText(language);
  const label: Record<string, string> = {
    category: t.category,
    description: `${t.description}: ${t.descriptionHint}`,
    villageCode: t.village,
    reference: t.reference,
    laporNumber: t.lapor,
    name: t.name,
    phone: t.phone,
  };
  return [...new Set(issues.map((i) => label[String(i.path[0])] ?? String(i.path[0])))];
}

export async function registerComplaintPublicRoutes(
  app: FastifyInstance,
  deps: ComplaintPublicDeps,
): Promise<void> {
  const settings = deps.settings ?? liveSettings(deps.salur);
  const c = complaintsOf(deps.salur, settings);
  const regions = deps.salur.regions;
  const regencyCode = deps.salur.config.regencyCode;
  const regencyName = regions.get(regencyCode)?.name ?? regencyCode;
  const districts = regions.districtsOf(regencyCode).map((d) => ({
    name: d.name,
    villages: regions.children(d.code).map((v) => ({ code: v.code, name: v.name })),
  }));
  const ctxOf = (request: FastifyRequest): PageContext => ({
    language: publicLanguage(request.query),
    regencyName,
    districts,
  });
  const db = deps.salur.database.db;
  // `serve --public` runs without the officials' routes: the saved clock and the published figures load here too.
  await loadSettings(db, settings);
  await loadPublishedStatistics(deps.salur, db);

  await app.register(async (scope) => {
    await scope.register(rateLimit, { global: false });
    await scope.register(multipart, {
      limits: {
        fileSize: MAX_DOCUMENT_BYTES,
        files: settings.limits.maxPhotos + 1,
        fields: 20,
        fieldSize: settings.limits.maxDescriptionChars * 4,
      },
    });
    const limited = { rateLimit: { max: settings.limits.perAddressPerMinute, timeWindow: 60_000 } };

    scope.get(COMPLAINT_PATH, async (request, reply) =>
      send(reply, 200, renderComplaintForm(ctxOf(request))),
    );

    scope.post(COMPLAINT_PATH, { config: limited }, async (request, reply) => {
      const ctx = ctxOf(request);
      let form: ReadForm;
      try {
        form = await readForm(request, settings.limits.maxPhotos);
      } catch (error) {
        return sendDomainError(reply, ctx, error, {});
      }
      const parsed = publicIntakeSchema.safeParse(form.fields);
      if (!parsed.success) {
        return send(
          reply,
          422,
          renderComplaintForm(ctx, form.fields, fieldErrors(ctx.language, parsed.error.issues)),
        );
      }
      const input = parsed.data;
      try {
        const result = await db.transaction((tx) =>
          openComplaint(c, tx, null, {
            category: input.category,
            channel: "web",
            description: input.description,
            villageCode: input.villageCode || null,
            reference: input.reference || null,
            laporNumber: input.laporNumber || null,
            anonymous: input.anonymous === "on",
            name: input.name || null,
            phone: input.phone || null,
            identityConsent: input.identityConsent === "on",
            photos: form.photos,
          }),
        );
        return send(reply, result.duplicate ? 200 : 201, renderReceived(ctx, result.code, result.duplicate));
      } catch (error) {
        return sendDomainError(reply, ctx, error, form.fields);
      }
    });

    scope.get(`${COMPLAINT_PATH}/status`, { config: limited }, async (request, reply) => {
      const code = String((request.query as { kode?: unknown }).kode ?? "");
      return statusPage(request, reply, code);
    });

    // From memory: the newest published snapshot, never a query, with its hash as the ETag.
    scope.get(`${COMPLAINT_PATH}/statistik`, async (request, reply) => {
      const ctx = ctxOf(request);
      const published = publishedStatistics(deps.salur);
      const body = renderStatistics(ctx, published, (code) => regions.get(code)?.name ?? "—");
      if (!published) return send(reply, 200, body);
      const etag = `"${published.sha256.slice(0, 32)}-${ctx.language}"`;
      if (request.headers["if-none-match"] === etag) return reply.status(304).header("etag", etag).send();
      return reply
        .status(200)
        .headers({ ...HEADERS, "cache-control": "public, max-age=300", etag })
        .type("text/html; charset=utf-8")
        .send(body);
    });

    scope.get<{ Params: { code: string } }>(
      `${COMPLAINT_PATH}/:code`,
      { config: limited },
      async (request, reply) => statusPage(request, reply, request.params.code),
    );

    scope.post<{ Params: { code: string } }>(
      `${COMPLAINT_PATH}/:code/jawab`,
      { config: limited },
      async (request, reply) => {
        const ctx = ctxOf(request);
        try {
          const form = await readForm(request, 0);
          const answer = (form.fields.answer ?? "").trim().slice(0, 2000);
          if (!answer) throw new DomainError("COMPLAINT_REPLY_REQUIRED", { action: "answer" }, 422);
          await db.transaction((tx) => answerByCode(c, tx, request.params.code, answer));
          return statusPage(request, reply, request.params.code);
        } catch (error) {
          return sendDomainError(reply, ctx, error, {});
        }
      },
    );
  });

  async function statusPage(request: FastifyRequest, reply: FastifyReply, code: string) {
    const ctx = ctxOf(request);
    try {
      const view = await db.transaction((tx) => publicStatus(c, tx, code));
      return send(reply, 200, renderStatus(ctx, view));
    } catch (error) {
      return sendDomainError(reply, ctx, error, {});
    }
  }

  function sendDomainError(reply: FastifyReply, ctx: PageContext, error: unknown, values: FormValues) {
    if (!(error instanceof DomainError)) throw error;
    const message = translate(error.code, error.params, ctx.language);
    if (
      error.code === "COMPLAINT_NOT_FOUND" ||
      error.code === "COMPLAINT_CODE_INVALID" ||
      error.code === "COMPLAINT_NOT_WAITING"
    ) {
      return send(reply, error.status, renderMessage(ctx, error.status, message));
    }
    return send(reply, error.status, renderComplaintForm(ctx, values, [message]));
  }
}
