import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { auditActor, seesAgency } from "../access/actor.ts";
import { callerOf } from "../access/http.ts";
import { errorResponses, idParams } from "../http/schemas.ts";
import { DomainError } from "../i18n/domain-error.ts";
import * as registryStore from "../registry/store.ts";
import { isNumberPattern } from "./diff.ts";
import { annexCsvOf, decreeDiff, decreeLines, getDecree, listDecrees } from "./read.ts";
import {
  decreeListSchema,
  decreeViewSchema,
  diffSchema,
  draftInputSchema,
  linesPageSchema,
  linesQuerySchema,
  logoSchema,
  pdfQuerySchema,
  revokeInputSchema,
  settingsSchema,
  settingsViewSchema,
  signedPdfSchema,
  stepOutcomeSchema,
  templateSchema,
  templateViewSchema,
  versionInputSchema,
} from "./schemas.ts";
import {
  approveDecree,
  attachSignedPdf,
  checkDecree,
  type Decrees,
  decreePdf,
  draftDecree,
  revokeDecree,
  visibleDecree,
} from "./service.ts";
import * as store from "./store.ts";
import { defaultTemplate } from "./template.ts";

const SIGNED_PDF_LIMIT = 30 * 1024 * 1024;
const LOGO_LIMIT = 1024 * 1024;

/** The officials' decree API. Access rules are in the permission table; the use cases apply the agency. */
export const decreeRoutes =
  (decrees: Decrees): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const db = decrees.registry.db;
    const tags = ["decree"];
    fastify.addContentTypeParser(
      ["application/pdf", "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: SIGNED_PDF_LIMIT },
      (_r, body, done) => done(null, body),
    );
    for (const type of ["image/png", "image/jpeg"])
      fastify.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: LOGO_LIMIT }, (_r, body, done) =>
        done(null, body),
      );
    const published = (id: string) => decrees.onPublished?.(id);

    app.get(
      "/decrees",
      {
        schema: {
          tags,
          summary: "Decrees of the caller's agency (all for the others), newest first",
          response: { 200: decreeListSchema },
        },
      },
      async (request) => listDecrees(decrees, callerOf(request)),
    );
    app.post(
      "/decrees",
      {
        schema: {
          tags,
          summary:
            "Draft a decree from a selection run or a period's published list (or amend one): the annex frozen, hashed and rooted at an audit checkpoint",
          body: draftInputSchema,
          response: { 200: decreeViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { id } = await db.transaction((tx) => draftDecree(decrees, tx, caller, request.body));
        return getDecree(decrees, caller, id);
      },
    );
    app.get(
      "/decrees/:id",
      {
        schema: {
          tags,
          summary: "One decree",
          params: idParams,
          response: { 200: decreeViewSchema, ...errorResponses },
        },
      },
      async (request) => getDecree(decrees, callerOf(request), request.params.id),
    );
    app.get(
      "/decrees/:id/lines",
      {
        schema: {
          tags,
          summary: "The annex lines, masked NIK (region only)",
          params: idParams,
          querystring: linesQuerySchema,
          response: { 200: linesPageSchema, ...errorResponses },
        },
      },
      async (request) => decreeLines(decrees, callerOf(request), request.params.id, request.query),
    );
    app.get(
      "/decrees/:id/diff",
      {
        schema: {
          tags,
          summary: "What an amendment adds, removes and changes",
          params: idParams,
          response: { 200: diffSchema, ...errorResponses },
        },
      },
      async (request) => decreeDiff(decrees, callerOf(request), request.params.id),
    );
    app.get(
      "/decrees/:id/pdf",
      {
        schema: {
          tags,
          summary: "The decree as PDF; variant=archive prints full NIK (entitled roles, audited)",
          params: idParams,
          querystring: pdfQuerySchema,
        },
      },
      async (request, reply) => {
        const { pdf, decree } = await decreePdf(
          decrees,
          callerOf(request),
          request.params.id,
          request.query.variant,
        );
        const name = `SK-${(decree.number ?? "rancangan").replace(/[^\w-]+/g, "-")}${request.query.variant === "archive" ? "-arsip" : ""}.pdf`;
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", `attachment; filename="${name}"`)
          .header("cache-control", "private, no-store")
          .send(pdf);
      },
    );
    app.get(
      "/decrees/:id/annex.csv",
      {
        schema: {
          tags,
          summary: "The canonical annex CSV whose SHA-256 the decree carries",
          params: idParams,
        },
      },
      async (request, reply) => {
        const { csv, decree } = await annexCsvOf(decrees, callerOf(request), request.params.id);
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="lampiran-${decree.id}.csv"`)
          .send(csv);
      },
    );
    app.post(
      "/decrees/:id/check",
      {
        schema: {
          tags,
          summary: "Check a draft (not by its drafter)",
          params: idParams,
          body: versionInputSchema,
          response: { 200: stepOutcomeSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        return db.transaction((tx) =>
          checkDecree(decrees, tx, caller, request.params.id, request.body.version),
        );
      },
    );
    app.post(
      "/decrees/:id/approve",
      {
        schema: {
          tags,
          summary:
            "Approve a checked decree (bupati): numbered, PDF hashed, enrollments approved; refused while the sanggah window is open",
          params: idParams,
          body: versionInputSchema,
          response: { 200: stepOutcomeSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const result = await db.transaction((tx) =>
          approveDecree(decrees, tx, caller, request.params.id, request.body),
        );
        await published(result.id);
        return result;
      },
    );
    app.post(
      "/decrees/:id/revoke",
      {
        schema: {
          tags,
          summary: "Revoke a decree in force",
          params: idParams,
          body: revokeInputSchema,
          response: { 200: stepOutcomeSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const result = await db.transaction((tx) =>
          revokeDecree(decrees, tx, caller, request.params.id, request.body),
        );
        await published(result.id);
        return result;
      },
    );
    app.put(
      "/decrees/:id/signed-pdf",
      {
        schema: {
          tags,
          summary:
            "Attach the PDF signed outside Salur (body: application/pdf, or JSON { pdfBase64 }); its hash is recorded once",
          params: idParams,
          response: { 200: signedPdfSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        // The web app sends the file as application/pdf; scripts may send JSON { pdfBase64 } (up to 1 MB).
        const raw = request.body as unknown;
        const json = raw as { pdfBase64?: unknown } | null;
        const body = Buffer.isBuffer(raw)
          ? raw
          : typeof json?.pdfBase64 === "string"
            ? Buffer.from(json.pdfBase64, "base64")
            : null;
        if (!body) throw new DomainError("DECREE_SIGNED_NOT_PDF", {}, 422);
        const result = await db.transaction((tx) =>
          attachSignedPdf(decrees, tx, caller, request.params.id, body),
        );
        await published(result.id);
        return result;
      },
    );
    app.get(
      "/decrees/:id/signed-pdf",
      { schema: { tags, summary: "The signed PDF, when attached", params: idParams } },
      async (request, reply) => {
        const decree = await visibleDecree(db, callerOf(request).actor, request.params.id);
        const file = decree.signedPdfSha256 ? await store.decreeFile(db, decree.id, "signedPdf") : null;
        if (!file) throw new DomainError("DECREE_NOT_FOUND", { id: decree.id }, 404);
        return reply.header("content-type", "application/pdf").send(Buffer.from(file as Uint8Array));
      },
    );

    app.get(
      "/decree-settings",
      {
        schema: {
          tags,
          summary: "Numbering pattern, paper size, place and signer",
          response: { 200: settingsViewSchema },
        },
      },
      async () => {
        const s = await store.getSettings(db);
        return {
          numberPattern: s.numberPattern,
          paper: s.paper,
          place: s.place,
          signerTitle: s.signerTitle,
          signerName: s.signerName,
          hasLogo: s.logo !== null,
          version: s.version,
        };
      },
    );
    app.put(
      "/decree-settings",
      {
        schema: {
          tags,
          summary: "Change the decree settings (admin)",
          body: settingsSchema,
          response: { 200: settingsViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        if (!isNumberPattern(request.body.numberPattern))
          throw new DomainError("DECREE_NUMBER_PATTERN", {}, 422);
        return db.transaction(async (tx) => {
          const before = await store.getSettings(tx, true);
          const version = await store.saveSettings(tx, {
            ...request.body,
            logo: before.logo,
            logoType: before.logoType,
          });
          await decrees.registry.audit.append(tx, {
            actor: auditActor(caller.actor),
            action: "decree.settings",
            entity: "decree_settings",
            entityId: "1",
            area: null,
            before: { numberPattern: before.numberPattern, paper: before.paper },
            after: { ...request.body },
            requestId: caller.requestId,
          });
          return { ...request.body, hasLogo: before.logo !== null, version };
        });
      },
    );
    app.put(
      "/decree-settings/logo",
      {
        schema: {
          tags,
          summary: "Upload the regency's logo for the kop surat (image/png or image/jpeg body)",
          response: { 200: logoSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length > LOGO_LIMIT)
          throw new DomainError("DECREE_LOGO_NOT_IMAGE", {}, 422);
        const png = body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        const jpeg = body[0] === 0xff && body[1] === 0xd8;
        if (!png && !jpeg) throw new DomainError("DECREE_LOGO_NOT_IMAGE", {}, 422);
        const { createHash } = await import("node:crypto");
        const sha256 = createHash("sha256").update(body).digest("hex");
        await db.transaction(async (tx) => {
          const s = await store.getSettings(tx, true);
          await store.saveSettings(tx, {
            numberPattern: s.numberPattern,
            paper: s.paper,
            place: s.place,
            signerTitle: s.signerTitle,
            signerName: s.signerName,
            logo: body,
            logoType: png ? "image/png" : "image/jpeg",
          });
          await decrees.registry.audit.append(tx, {
            actor: auditActor(caller.actor),
            action: "decree.logo",
            entity: "decree_settings",
            entityId: "1",
            area: null,
            after: { sha256, bytes: body.length },
            requestId: caller.requestId,
          });
        });
        return { sha256 };
      },
    );

    const programOf = async (actor: import("../access/actor.ts").Actor, id: string) => {
      const program = await registryStore.getProgram(db, id);
      if (!program || !seesAgency(actor, program.agencyId))
        throw new DomainError("NOT_FOUND", { entity: "program", id }, 404);
      return program;
    };
    app.get(
      "/programs/:id/decree-template",
      {
        schema: {
          tags,
          summary: "A program's decree text: subject, Menimbang, Mengingat, decisions",
          params: idParams,
          response: { 200: templateViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const program = await programOf(callerOf(request).actor, request.params.id);
        const row = await store.getTemplate(db, program.id);
        if (row)
          return {
            subject: row.subject,
            considering: row.considering,
            legalBasis: row.legalBasis,
            decisions: row.decisions,
            version: row.version,
          };
        return {
          ...defaultTemplate(
            program.name,
            decrees.registry.env.regions.get(decrees.registry.env.regencyCode)?.name ?? "",
          ),
          version: 0,
        };
      },
    );
    app.put(
      "/programs/:id/decree-template",
      {
        schema: {
          tags,
          summary: "Edit a program's decree text",
          params: idParams,
          body: templateSchema,
          response: { 200: templateViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const program = await programOf(caller.actor, request.params.id);
        return db.transaction(async (tx) => {
          const version = await store.saveTemplate(tx, program.id, request.body);
          await decrees.registry.audit.append(tx, {
            actor: auditActor(caller.actor),
            action: "decree.template",
            entity: "program",
            entityId: program.id,
            area: null,
            after: { ...request.body, version },
            requestId: caller.requestId,
          });
          return { ...request.body, version };
        });
      },
    );
  };
