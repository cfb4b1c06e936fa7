import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditActor, sees } from "../access/actor.ts";
import { parsePlaceKey } from "../access/area.ts";
import { placeKeyCondition } from "../access/area-sql.ts";
import { callerOf } from "../access/http.ts";
import type { Database } from "../db/index.ts";
import { errorResponses } from "../http/schemas.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { historyItem } from "./history.ts";
import { type AuditEntryRow, type AuditLog, contentOf } from "./log.ts";
import { buildInclusionProof } from "./proof.ts";
import { auditEntries } from "./schema.ts";
import * as store from "./store.ts";

const jsonValue = z.unknown();
const changeSchema = z.object({
  field: z.string(),
  before: jsonValue.optional(),
  after: jsonValue.optional(),
  masked: z.literal(true).optional(),
});
const entryViewSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({
    id: z.string().nullable(),
    name: z.string(),
    role: z.string(),
    area: z.string().nullable(),
  }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  area: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  changes: z.array(changeSchema),
  entryHash: z.string(),
});
const checkpointViewSchema = z.object({
  id: z.number(),
  treeSize: z.number(),
  rootHash: z.string(),
  headHash: z.string(),
  issuedAt: z.string(),
  event: z.string(),
  keyId: z.string(),
  statement: z.string().describe("The exact signed text (canonical JSON)"),
  signature: z.string().describe("Ed25519 signature of `statement`, base64"),
});

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
          querystring: z.object({
            entity: z.string().max(40).optional(),
            entityId: z.string().max(80).optional(),
            actorId: z.uuid().optional(),
            action: z.string().max(60).optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(entryViewSchema),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
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
            200: z.object({
              keyId: z.string(),
              publicKey: z.string(),
              checkpoints: z.array(checkpointViewSchema),
            }),
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
