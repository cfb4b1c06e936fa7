/**
 * Report packs: generated on demand or on schedule, kept, listed and downloaded. The figures are cut at a
 * checkpoint (service.ts); the pack's hashes are an audit entry written in the transaction that stores it,
 * and every download is an audit entry written before the first byte leaves.
 */
import { createHash } from "node:crypto";
import { and, desc, eq, like, or, type SQL } from "drizzle-orm";
import { type Actor, auditActor, type Caller, seesAgency } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import type { Database } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { renderPackPdf } from "./pdf.ts";
import { reportPacks } from "./schema.ts";
import { collectPackFigures, type PackSpec, type ReportsEnv } from "./service.ts";
import * as store from "./store.ts";
import { renderPackXlsx } from "./xlsx.ts";

export interface Reports {
  db: Database;
  env: ReportsEnv;
}

export interface PackSummary {
  id: string;
  kind: "monthly" | "batch";
  month: string | null;
  batchId: string | null;
  areaCode: string;
  title: string;
  checkpointId: number;
  pdfSha256: string;
  xlsxSha256: string;
  generatedByName: string;
  generatedAt: string;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Generates a pack over the caller's area and agency, stores it, and records its hashes in the audit trail. */
export async function generatePack(
  reports: Reports,
  caller: Caller,
  spec: PackSpec,
): Promise<PackSummary & { timings: { figuresMs: number; renderMs: number } }> {
  const started = performance.now();
  const batch = spec.kind === "batch" ? await store.batchHeading(reports.db, spec.batchId) : null;
  if (spec.kind === "batch" && (!batch || !seesAgency(caller.actor, batch.agencyId)))
    throw new DomainError("REPORT_BATCH_NOT_FOUND", { id: spec.batchId }, 404);
  const figures = await reports.db.transaction(async (tx) =>
    collectPackFigures(tx, reports.env, caller, spec, batch),
  );
  const collected = performance.now();
  const [pdf, xlsx] = await Promise.all([renderPackPdf(figures), renderPackXlsx(figures)]);
  const rendered = performance.now();
  const row = {
    kind: spec.kind,
    month: spec.kind === "monthly" ? spec.month : null,
    batchId: spec.kind === "batch" ? spec.batchId : null,
    areaCode: placeKey({ code: caller.actor.area.code, rt: caller.actor.area.rt }),
    title: figures.title,
    checkpointId: figures.checkpoint.id,
    pdf,
    pdfSha256: sha256(pdf),
    xlsx,
    xlsxSha256: sha256(xlsx),
    generatedById: caller.actor.userId,
    generatedByName: caller.actor.name,
    generatedAt: new Date(figures.generatedAt),
  };
  const saved = await reports.db.transaction(async (tx) => {
    const [inserted] = await tx.insert(reportPacks).values(row).returning({ id: reportPacks.id });
    if (!inserted) throw new Error("report pack not stored");
    await reports.env.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "report.pack_generated",
      entity: "report_pack",
      entityId: inserted.id,
      area: row.areaCode,
      after: {
        kind: row.kind,
        month: row.month,
        batchId: row.batchId,
        checkpointId: row.checkpointId,
        pdfSha256: row.pdfSha256,
        xlsxSha256: row.xlsxSha256,
      },
      requestId: caller.requestId,
    });
    return inserted;
  });
  return {
    ...summaryOf({ ...row, id: saved.id }),
    timings: { figuresMs: Math.round(collected - started), renderMs: Math.round(rendered - collected) },
  };
}

function summaryOf(row: Omit<typeof reportPacks.$inferSelect, "pdf" | "xlsx">): PackSummary {
  return {
    id: row.id,
    kind: row.kind,
    month: row.month,
    batchId: row.batchId,
    areaCode: row.areaCode,
    title: row.title,
    checkpointId: row.checkpointId,
    pdfSha256: row.pdfSha256,
    xlsxSha256: row.xlsxSha256,
    generatedByName: row.generatedByName,
    generatedAt: row.generatedAt.toISOString(),
  };
}

/** Packs over the caller's area or an area inside it. */
function packScope(actor: Actor): SQL {
  const code = actor.area.code;
  return or(
    eq(reportPacks.areaCode, code),
    like(reportPacks.areaCode, `${code}.%`),
    like(reportPacks.areaCode, `${code}/%`),
  ) as SQL;
}

export async function listPacks(reports: Reports, actor: Actor, page: { page: number; pageSize: number }) {
  const columns = {
    id: reportPacks.id,
    kind: reportPacks.kind,
    month: reportPacks.month,
    batchId: reportPacks.batchId,
    areaCode: reportPacks.areaCode,
    title: reportPacks.title,
    checkpointId: reportPacks.checkpointId,
    pdfSha256: reportPacks.pdfSha256,
    xlsxSha256: reportPacks.xlsxSha256,
    generatedByName: reportPacks.generatedByName,
    generatedAt: reportPacks.generatedAt,
  };
  const rows = await reports.db
    .select(columns)
    .from(reportPacks)
    .where(packScope(actor))
    .orderBy(desc(reportPacks.generatedAt))
    .limit(page.pageSize + 1)
    .offset((page.page - 1) * page.pageSize);
  return {
    items: rows.slice(0, page.pageSize).map((r) => summaryOf({ ...r, generatedById: null })),
    hasMore: rows.length > page.pageSize,
  };
}

/** One file of a pack; the download is recorded before the bytes are returned. */
export async function packFile(reports: Reports, caller: Caller, id: string, format: "pdf" | "xlsx") {
  const [row] = await reports.db
    .select()
    .from(reportPacks)
    .where(and(eq(reportPacks.id, id), packScope(caller.actor)));
  if (!row) throw new DomainError("REPORT_PACK_NOT_FOUND", { id }, 404);
  await reports.db.transaction((tx) =>
    reports.env.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "report.pack_download",
      entity: "report_pack",
      entityId: row.id,
      area: row.areaCode,
      after: { format, sha256: format === "pdf" ? row.pdfSha256 : row.xlsxSha256 },
      requestId: caller.requestId,
    }),
  );
  return {
    bytes: Buffer.from(format === "pdf" ? row.pdf : row.xlsx),
    name: `laporan-${row.kind}-${row.month ?? row.batchId ?? row.id}.${format}`,
  };
}
