/**
 * HTTP for imports, reconciliations and their jobs. Files are sent as the raw request body (no multipart):
 * `POST /api/imports?periodId=…&fileName=daftar.xlsx` with the bytes of the file, which are streamed to disk
 * and hashed on the way. Long work answers 202 with a job to follow (GET /api/jobs/:id or its /events).
 */
import { Readable } from "node:stream";
import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { callerOf } from "../access/http.ts";
import { requestLanguage, translate } from "../http/errors.ts";
import { errorResponses, idParams } from "../http/schemas.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { jobRoutes } from "../jobs/index.ts";
import type { Salur } from "../runtime.ts";
import { columnLetter, IMPORT_FIELDS } from "./headers.ts";
import {
  download,
  FILE_TYPES,
  importView,
  params,
  presentJob,
  reconciliationView,
  streamFile,
} from "./http.ts";
import { FileRejected } from "./limits.ts";
import * as reconciliation from "./reconciliation.ts";
import {
  areaCountListSchema,
  decisionInputSchema,
  downloadQuerySchema,
  exportQuerySchema,
  importFieldsSchema,
  importListSchema,
  importQuery,
  importViewSchema,
  issueListSchema,
  issuesQuerySchema,
  lineListSchema,
  linePageSchema,
  linesQuerySchema,
  periodFilterSchema,
  reconciliationListSchema,
  reconciliationQuerySchema,
  reconciliationSubmittedSchema,
  reconciliationViewSchema,
  submittedSchema,
  templateInputSchema,
  templateListSchema,
  templateSchema,
  templatesQuerySchema,
  villagesQuerySchema,
} from "./schemas.ts";
import * as service from "./service.ts";
import * as store from "./store.ts";

export const importRoutes =
  (salur: Salur): FastifyPluginAsync =>
  async (fastify) => {
    const d = service.importDeps(salur);
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    // The file is the body, streamed: Fastify's body limit does not apply, the upload store enforces its own.
    app.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));
    await app.register(jobRoutes(d.jobs, d.db, d.audit));

    // Small files may also come as JSON {"fileBase64": "…"} (scripts, tests), within the JSON body limit.
    const bodyStream = (body: unknown): Readable => {
      if (body instanceof Readable) return body;
      const base64 = (body as { fileBase64?: unknown } | null)?.fileBase64;
      if (typeof base64 === "string" && base64.length > 0)
        return Readable.from([Buffer.from(base64, "base64")]);
      throw new FileRejected("FILE_EMPTY", 1, 1, {});
    };

    const tags = ["imports"];

    app.get(
      "/import-fields",
      {
        schema: {
          tags,
          summary: "The fields a list can be mapped to (for the column-mapping form)",
          response: { 200: importFieldsSchema },
        },
      },
      async () => [...IMPORT_FIELDS],
    );

    app.post(
      "/imports",
      {
        schema: {
          tags,
          summary:
            "Upload a CSV or XLSX (raw body) to check it (mode=check) or apply it (mode=apply) for a program period; returns the job to follow",
          querystring: importQuery,
          response: { 202: submittedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const language = requestLanguage(request);
        const stored = await d.uploads.save(bodyStream(request.body), d.limits.maxFileBytes);
        const q = request.query;
        const result = await service.submitImport(d, caller, stored, {
          fileName: q.fileName,
          periodId: q.periodId ?? null,
          mode: q.mode,
          invalidRows: q.invalidRows,
          templateId: q.templateId ?? null,
          ...(q.mapping ? { mapping: q.mapping } : {}),
          headerRow: q.headerRow ?? null,
          sheetName: q.sheetName ?? null,
        });
        return reply.status(202).send({
          importId: result.importId,
          state: result.state,
          duplicateOf: result.duplicateOf,
          message: result.duplicateOf
            ? translate("IMPORT_ALREADY_APPLIED", { id: result.duplicateOf }, language)
            : null,
          job: presentJob(result.job, language),
        });
      },
    );

    app.get(
      "/imports",
      {
        schema: {
          tags,
          summary: "Recent imports the caller may see, newest first",
          querystring: periodFilterSchema,
          response: { 200: importListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        const language = requestLanguage(request);
        const rows = await store.listImports(d.db, {
          ...(request.query.periodId ? { periodId: request.query.periodId } : {}),
          limit: 500,
        });
        const visible = rows.filter((row) => service.importVisible(actor, row)).slice(0, 50);
        return Promise.all(visible.map((row) => importView(d, row, language)));
      },
    );

    app.get(
      "/imports/:id",
      {
        schema: {
          tags,
          summary: "An import: state, layout found, summary, findings by code",
          params: idParams,
          response: { 200: importViewSchema, ...errorResponses },
        },
      },
      async (request) =>
        importView(
          d,
          await service.visibleImport(d, callerOf(request).actor, request.params.id),
          requestLanguage(request),
        ),
    );

    app.get(
      "/imports/:id/issues",
      {
        schema: {
          tags,
          summary: "Findings of an import by row, with messages",
          params: idParams,
          querystring: issuesQuerySchema,
          response: { 200: issueListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        const record = await service.visibleImport(d, actor, request.params.id);
        const language = requestLanguage(request);
        const headers = ((record.layout ?? {}) as { headers?: string[] }).headers ?? [];
        const masking = service.importMaskingFor(actor, record);
        const found = await store.issuesFrom(d.db, record.id, request.query.afterRow, request.query.limit);
        const rows = masking ? found.map((i) => ({ ...i, params: masking.params(i) })) : found;
        return rows.map((i) => ({
          row: i.row,
          column: i.column,
          columnLabel:
            i.column === null
              ? null
              : `${columnLetter(i.column)}${headers[i.column] ? ` (${headers[i.column]})` : ""}`,
          field: i.field,
          code: i.code,
          severity: i.severity,
          message: translate(i.code, params(i.params), language),
          params: i.params,
        }));
      },
    );

    app.get(
      "/imports/:id/report",
      {
        schema: {
          tags,
          summary: "The original file with a column of findings per row, as XLSX or CSV",
          params: idParams,
          querystring: downloadQuerySchema,
        },
      },
      async (request, reply) => {
        const format = request.query.format;
        const { record, masking } = await service.reportSource(
          d,
          callerOf(request),
          request.params.id,
          format,
        );
        const language = requestLanguage(request);
        download(reply, format, `laporan-impor-${record.fileName.replace(/\.[^.]+$/, "")}`);
        return streamFile(reply, (out) =>
          service.writeReport(d, record, out, { format, language, translate, masking }),
        );
      },
    );

    app.post(
      "/imports/:id/apply",
      {
        schema: {
          tags,
          summary: "Apply a file that was checked (mode=check) with the same settings",
          params: idParams,
          response: { 202: submittedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const result = await service.applyChecked(d, callerOf(request), request.params.id);
        return reply.status(202).send({
          importId: result.importId,
          state: result.state,
          duplicateOf: result.duplicateOf,
          message: result.duplicateOf
            ? translate("IMPORT_ALREADY_APPLIED", { id: result.duplicateOf }, language)
            : null,
          job: presentJob(result.job, language),
        });
      },
    );

    app.post(
      "/imports/:id/discard",
      {
        schema: {
          tags,
          summary: "Delete the file of a checked or refused import (its findings stay); audited",
          params: idParams,
          response: { 200: importViewSchema, ...errorResponses },
        },
      },
      async (request) =>
        importView(
          d,
          await service.discardImport(d, callerOf(request), request.params.id),
          requestLanguage(request),
        ),
    );

    app.get(
      "/import-templates",
      {
        schema: {
          tags,
          summary: "Saved column mappings of an agency (and the shared ones)",
          querystring: templatesQuerySchema,
          response: { 200: templateListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        const agencyId = actor.role === "program_manager" ? actor.agencyId : (request.query.agencyId ?? null);
        const rows = [
          ...(agencyId ? await store.listTemplates(d.db, agencyId) : []),
          ...(await store.listTemplates(d.db, null)).filter((t) => t.agencyId === null),
        ];
        return rows.map((t) => ({
          id: t.id,
          agencyId: t.agencyId,
          name: t.name,
          mapping: t.mapping,
          version: t.version,
        }));
      },
    );

    app.post(
      "/import-templates",
      {
        schema: {
          tags,
          summary: "Save (or replace) an agency's column mapping under a name",
          body: templateInputSchema,
          response: { 201: templateSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { actor } = callerOf(request);
        const agencyId = actor.role === "program_manager" ? actor.agencyId : (request.body.agencyId ?? null);
        if (request.body.agencyId && agencyId !== request.body.agencyId)
          throw new DomainError("AGENCY_NOT_FOUND", { id: request.body.agencyId }, 404);
        const row = await store.saveTemplate(d.db, {
          agencyId,
          name: request.body.name,
          mapping: request.body.mapping,
          createdById: actor.userId,
          createdByName: actor.name,
        });
        return reply.status(201).send({
          id: row.id,
          agencyId: row.agencyId,
          name: row.name,
          mapping: row.mapping,
          version: row.version,
        });
      },
    );

    // Reconciliations ----------------------------------------------------------------------------------------

    const rtags = ["reconciliation"];

    app.post(
      "/reconciliations",
      {
        schema: {
          tags: rtags,
          summary:
            "Upload a central list (raw body) to reconcile with the period's enrolled persons or the whole registry",
          querystring: reconciliationQuerySchema,
          response: { 202: reconciliationSubmittedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const stored = await d.uploads.save(bodyStream(request.body), d.limits.maxFileBytes);
        const q = request.query;
        const result = await reconciliation.submitReconciliation(d, caller, stored, {
          fileName: q.fileName,
          periodId: q.periodId,
          scope: q.scope,
          sourceName: q.sourceName,
          templateId: q.templateId ?? null,
          ...(q.mapping ? { mapping: q.mapping } : {}),
          headerRow: q.headerRow ?? null,
          sheetName: q.sheetName ?? null,
        });
        return reply.status(202).send({
          reconciliationId: result.reconciliationId,
          job: presentJob(result.job, requestLanguage(request)),
        });
      },
    );

    app.get(
      "/reconciliations",
      {
        schema: {
          tags: rtags,
          summary: "Reconciliations of a period (or all the caller may see)",
          querystring: periodFilterSchema,
          response: { 200: reconciliationListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        const language = requestLanguage(request);
        const rows = await store.listReconciliations(d.db, {
          ...(request.query.periodId ? { periodId: request.query.periodId } : {}),
          agencyId: actor.role === "program_manager" ? actor.agencyId : null,
          limit: 50,
        });
        return rows
          .filter((r) => actor.role !== "program_manager" || r.agencyId === actor.agencyId)
          .map((r) => reconciliationView(r, [], language));
      },
    );

    app.get(
      "/reconciliations/:id",
      {
        schema: {
          tags: rtags,
          summary: "A reconciliation with the four sets' counts, in total and per kecamatan",
          params: idParams,
          response: { 200: reconciliationViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { record, byDistrict } = await reconciliation.reconciliationSummary(
          d,
          callerOf(request),
          request.params.id,
        );
        return reconciliationView(record, byDistrict, requestLanguage(request));
      },
    );

    app.get(
      "/reconciliations/:id/villages",
      {
        schema: {
          tags: rtags,
          summary: "The four sets' counts per desa of one kecamatan",
          params: idParams,
          querystring: villagesQuerySchema,
          response: { 200: areaCountListSchema, ...errorResponses },
        },
      },
      async (request) =>
        reconciliation.reconciliationVillages(
          d,
          callerOf(request),
          request.params.id,
          request.query.districtCode,
        ),
    );

    app.get(
      "/reconciliations/:id/lines",
      {
        schema: {
          tags: rtags,
          summary: "Lines of a reconciliation (NIK and KK masked), filtered by set, kecamatan, desa, decided",
          params: idParams,
          querystring: linesQuerySchema,
          response: { 200: linePageSchema, ...errorResponses },
        },
      },
      async (request) =>
        reconciliation.searchReconciliationLines(d, callerOf(request), request.params.id, request.query),
    );

    app.post(
      "/reconciliations/:id/decisions",
      {
        schema: {
          tags: rtags,
          summary: "Record one decision on one or more lines; each is an audit entry",
          params: idParams,
          body: decisionInputSchema,
          response: { 200: lineListSchema, ...errorResponses },
        },
      },
      async (request) => reconciliation.decideLines(d, callerOf(request), request.params.id, request.body),
    );

    app.get(
      "/reconciliations/:id/export",
      {
        schema: {
          tags: rtags,
          summary:
            "Export lines (one set, or all) as XLSX or CSV; identity=full for roles entitled to full NIK (audited)",
          params: idParams,
          querystring: exportQuerySchema,
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const q = request.query;
        const record = await reconciliation.visibleReconciliation(d, caller.actor, request.params.id);
        if (record.state !== "done") throw new DomainError("RECONCILIATION_NOT_DONE", { id: record.id }, 409);
        if (q.identity === "full" && !reconciliation.mayReadIdentity(caller.actor))
          throw new DomainError("FORBIDDEN", {}, 403);
        download(reply, q.format, `rekonsiliasi-${record.sourceName}-${q.category ?? "semua"}`);
        const filter = {
          category: q.category,
          districtCode: q.districtCode,
          villageCode: q.villageCode,
          decided: q.decided,
        };
        return streamFile(reply, (out) =>
          reconciliation.exportReconciliation(
            d,
            caller,
            record.id,
            { filter, identity: q.identity, format: q.format, language: requestLanguage(request) },
            out,
          ),
        );
      },
    );
  };
