import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditActor, sees } from "../access/actor.ts";
import { parsePlaceKey } from "../access/area.ts";
import { placeKeyCondition } from "../access/area-sql.ts";
import { callerOf } from "../access/http.ts";
import type { Database } from "../db/index.ts";
import { requestLanguage, translate } from "../http/errors.ts";
import { errorResponses } from "../http/schemas.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { checkpointExport } from "./checkpoints.ts";
import { buildExtract } from "./extract.ts";
import { historyItem } from "./history.ts";
import { type AuditEntryRow, type AuditLog, contentOf } from "./log.ts";
import { buildInclusionProof } from "./proof.ts";
import { auditEntries } from "./schema.ts";
import {
  checkpointListSchema,
  checkpointViewSchema,
  EXTRACT_LIMIT,
  entryPageSchema,
  entrySearchSchema,
  extractInputSchema,
  verifyReportSchema,
} from "./schemas.ts";
import * as store from "./store.ts";
import { verifyAuditTrail } from "./verify.ts";

function entryView(row: AuditEntryRow) {
  const content = contentOf(row);
  const item = historyItem(content);
  return {
    seq: content.seq,
    at: content.at,
    actor: content.actor,
    action: content.action,
    entity: content.entity,
    entityId: content.entityId,
    area: content.area,
    reason: content.reason,
    requestId: content.requestId,
    changes: item.changes,
    entryHash: row.entryHash,
  };
}

/** The auditor's window on the trail: entries of the caller's area, checkpoints, and inclusion proofs. */
export const auditRoutes =
  (db: Database, audit: AuditLog): FastifyPluginAsync =>
  async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ["audit"];

    app.get(
      "/audit/entries",
      {
        schema: {
          tags,
          summary: "Audit entries of the caller's area, newest first",
          querystring: entrySearchSchema,
          response: {
            200: entryPageSchema,
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { rows, total } = await store.searchEntries(
          db,
          request.query,
          placeKeyCondition(caller.actor.area, auditEntries.area),
        );
        return {
          items: rows.map(entryView),
          total,
          page: request.query.page,
          pageSize: request.query.pageSize,
        };
      },
    );

    app.post(
      "/audit/extract",
      {
        schema: {
          tags,
          summary:
            "A signed extract of the entries the filters match (at most 5,000, oldest first), each with its inclusion proof against a checkpoint signed now; `salur audit verify --extract` checks it offline",
          body: extractInputSchema,
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const filters = Object.fromEntries(
          Object.entries(request.body).filter((e): e is [string, string] => typeof e[1] === "string"),
        );
        const checkpoint = await db.transaction(async (tx) => {
          await audit.append(tx, {
            actor: auditActor(caller.actor),
            action: "audit.extract_export",
            entity: "audit",
            entityId: null,
            area: null,
            after: filters,
            requestId: caller.requestId,
          });
          return audit.checkpoint(tx, { event: "audit.extract", actor: auditActor(caller.actor) });
        });
        const rows = await store.entriesMatching(
          db,
          request.body,
          placeKeyCondition(caller.actor.area, auditEntries.area),
          EXTRACT_LIMIT,
        );
        const extract = await buildExtract(db, {
          rows,
          checkpoint,
          publicKeyPem: audit.keys.publicKeyPem,
          exportedBy: caller.actor.name,
          exportedAt: new Date(),
          filters,
        });
        reply.header("content-type", "application/json; charset=utf-8");
        reply.header("content-disposition", `attachment; filename="ekstrak-audit-${checkpoint.id}.json"`);
        return reply.send(`${JSON.stringify(extract, null, 2)}\n`);
      },
    );

    app.post(
      "/audit/verification",
      {
        schema: {
          tags,
          summary:
            "Check the whole chain now: every hash, link and MAC, every checkpoint's signature and root; the check is itself recorded",
          response: { 200: verifyReportSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const language = requestLanguage(request);
        const report = await verifyAuditTrail(db, {
          verifier: audit.keys,
          keys: audit.keys,
          logName: audit.logName,
        });
        await db.transaction((tx) =>
          audit.append(tx, {
            actor: auditActor(caller.actor),
            action: "audit.verify",
            entity: "audit",
            entityId: null,
            area: null,
            after: {
              ok: report.ok,
              entries: report.entries,
              lastSeq: report.lastSeq,
              headHash: report.headHash,
              checkpointsVerified: report.checkpointsVerified,
              firstBrokenSeq: report.firstBrokenSeq,
            },
            requestId: caller.requestId,
          }),
        );
        return {
          ...report,
          problems: report.problems.map((p) => ({ ...p, message: translate(p.code, p.params, language) })),
        };
      },
    );

    app.get(
      "/audit/entries/:seq/proof",
      {
        schema: {
          tags,
          summary:
            "Inclusion proof of one entry against a signed checkpoint (check it with scripts/verify-proof.mjs)",
          params: z.object({ seq: z.coerce.number().int().min(1) }),
          querystring: z.object({ checkpointId: z.coerce.number().int().min(1).optional() }),
          response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const row = await store.getEntry(db, request.params.seq);
        const visible =
          row &&
          (row.area === null
            ? caller.actor.area.level === "regency"
            : sees(caller.actor, parsePlaceKey(row.area)));
        if (!visible) throw new DomainError("AUDIT_ENTRY_NOT_FOUND", { seq: request.params.seq }, 404);
        const proof = await buildInclusionProof(
          db,
          audit.keys,
          request.params.seq,
          request.query.checkpointId,
        );
        return proof as unknown as Record<string, unknown>;
      },
    );

    app.get(
      "/audit/checkpoints",
      {
        schema: {
          tags,
          summary: "Signed checkpoints and the public key that verifies them",
          response: {
            200: checkpointListSchema,
          },
        },
      },
      async () => ({
        keyId: audit.keys.keyId,
        publicKey: audit.keys.publicKeyPem,
        checkpoints: (await store.listCheckpoints(db)).map((c) => ({
          ...c,
          issuedAt: c.issuedAt.toISOString(),
        })),
      }),
    );

    app.get(
      "/audit/checkpoints/export",
      {
        schema: {
          tags,
          summary:
            "Every signed checkpoint and the public key, as a file to keep off the machine (`salur audit verify --witness FILE`)",
          response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
        },
      },
      async (_request, reply) => {
        const bundle = await checkpointExport(db, audit, new Date());
        const day = bundle.exportedAt.slice(0, 10);
        reply.header("content-disposition", `attachment; filename="salur-checkpoints-${day}.json"`);
        return bundle as unknown as Record<string, unknown>;
      },
    );

    app.post(
      "/audit/checkpoints",
      {
        schema: {
          tags,
          summary: "Make a signed checkpoint now",
          body: z
            .object({ event: z.string().trim().min(3).max(80).default("on_demand") })
            .default({ event: "on_demand" }),
          response: { 201: checkpointViewSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const checkpoint = await db.transaction((tx) =>
          audit.checkpoint(tx, {
            event: request.body.event,
            actor: auditActor(caller.actor),
            requestId: caller.requestId,
          }),
        );
        const { statement } = checkpoint;
        return reply.status(201).send({
          id: checkpoint.id,
          treeSize: statement.treeSize,
          rootHash: statement.rootHash,
          headHash: statement.headHash,
          issuedAt: statement.issuedAt,
          event: statement.event,
          keyId: checkpoint.keyId,
          statement: checkpoint.signedText,
          signature: checkpoint.signature,
        });
      },
    );
  };
