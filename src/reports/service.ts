/**
 * Recaps as readers see them (labelled, totalled, scoped to the caller) and the figures of a report pack, cut
 * at an audit checkpoint so every figure can be reproduced against the trail as it stood.
 */
import { type Actor, agencyBound, auditActor, type Caller } from "../access/actor.ts";
import { checkpointNow } from "../audit/index.ts";
import type { AuditLog } from "../audit/log.ts";
import type { COMPLAINT_CATEGORIES } from "../complaints/codes.ts";
import { type ComplaintStage, DEFAULT_SLA, slaStatus } from "../complaints/index.ts";
import type { Executor } from "../db/index.ts";
import { MONTH_NAMES } from "../nik/calendar.ts";
import type { RegionCatalog } from "../regions/catalog.ts";
import { emptyRow, type Recap, type RecapDimension, type RecapRow, totalOf } from "./recap.ts";
import * as store from "./store.ts";

export interface ReportsEnv {
  regions: RegionCatalog;
  audit: AuditLog;
  regencyCode: string;
  clock: () => Date;
}

/** The filter a caller may use: their own area (or a smaller one inside it) and, for a program manager, their agency. */
export function scopedFilter(
  actor: Actor,
  input: Omit<store.RecapFilter, "area" | "agencyId">,
): store.RecapFilter {
  return { ...input, area: actor.area, agencyId: agencyBound(actor) };
}

export async function recapOf(
  db: Executor,
  env: Pick<ReportsEnv, "regions">,
  dimension: RecapDimension,
  filter: store.RecapFilter,
): Promise<Recap> {
  const figures = await store.pipelineBy(db, dimension, filter);
  const names =
    dimension === "agency" || dimension === "program" || dimension === "period"
      ? await store.namesOf(
          db,
          dimension,
          figures.map((f) => f.key),
        )
      : null;
  const rows: RecapRow[] = figures.map((f) => ({
    ...emptyRow(f.key, names?.get(f.key) ?? areaLabel(env.regions, f.key)),
    stages: f.stages,
    failed: f.failed,
    returned: f.returned,
    confirmedPaid: f.confirmedPaid,
  }));
  return { dimension, rows, total: totalOf(rows, "Jumlah / Total") };
}

/** "64.01.05.2002/RT003" → "Lolo RT 003"; a code the catalog does not know stays as it is. */
export function areaLabel(regions: Pick<RegionCatalog, "get">, key: string): string {
  const [code = key, sub] = key.split("/");
  const name = regions.get(code)?.name ?? code;
  if (!sub) return name;
  return `${name} ${sub.replace(/^RT/, "RT ").replace(/^RW/, "RW ")}`;
}

export interface ComplaintFigure {
  category: string;
  received: number;
  resolved: number;
  /** Resolved (or still open) within the working-day deadline of its category. */
  withinSla: number;
  breached: number;
  open: number;
}

export async function complaintFigures(
  db: Executor,
  filter: store.RecapFilter,
  now: Date,
): Promise<ComplaintFigure[]> {
  const rows = await store.complaintsIn(db, filter);
  const byCategory = new Map<string, ComplaintFigure>();
  for (const row of rows) {
    const figure = byCategory.get(row.category) ?? {
      category: row.category,
      received: 0,
      resolved: 0,
      withinSla: 0,
      breached: 0,
      open: 0,
    };
    const status = slaStatus(
      {
        category: row.category as (typeof COMPLAINT_CATEGORIES)[number],
        stage: row.stage as ComplaintStage,
        receivedAt: row.receivedAt,
        resolvedAt: row.resolvedAt,
      },
      now,
      DEFAULT_SLA,
    );
    figure.received += 1;
    if (row.stage === "resolved" || row.stage === "closed") figure.resolved += 1;
    else figure.open += 1;
    if (status.colour === "breached") figure.breached += 1;
    else figure.withinSla += 1;
    byCategory.set(row.category, figure);
  }
  return [...byCategory.values()].sort(
    (a, b) => b.received - a.received || a.category.localeCompare(b.category),
  );
}

export const PACK_KINDS = ["monthly", "batch"] as const;
export type PackKind = (typeof PACK_KINDS)[number];

export type PackSpec = { kind: "monthly"; month: string } | { kind: "batch"; batchId: string };

export interface PackFigures {
  spec: PackSpec;
  title: string;
  subtitle: string;
  regencyName: string;
  generatedAt: string;
  generatedBy: string;
  checkpoint: { id: number; treeSize: number; rootHash: string; issuedAt: string };
  queries: typeof store.QUERY_NAMES;
  byDistrict: Recap;
  byVillage: Recap;
  byProgram: Recap;
  failures: store.FailureFigure[];
  overlaps: (store.OverlapFigure & { label: string })[];
  complaints: ComplaintFigure[];
}

export interface BatchHeading {
  number: number;
  programName: string;
  periodName: string;
  decreeNumber: string;
}

/**
 * Signs a checkpoint and reads every figure of the pack in the same transaction: the figures are the state the
 * checkpoint's trail describes. Pure reads otherwise; rendering and the audit entry come after.
 */
export async function collectPackFigures(
  tx: Executor,
  env: ReportsEnv,
  caller: Caller,
  spec: PackSpec,
  batch: BatchHeading | null,
): Promise<PackFigures> {
  const checkpoint = await checkpointNow(tx, env.audit, {
    event: "reports.pack",
    actor: auditActor(caller.actor),
    requestId: caller.requestId,
  });
  const filter: store.RecapFilter = {
    area: caller.actor.area,
    agencyId: agencyBound(caller.actor),
    month: spec.kind === "monthly" ? spec.month : null,
    batchId: spec.kind === "batch" ? spec.batchId : null,
  };
  const byDistrict = await recapOf(tx, env, "district", filter);
  const byVillage = await recapOf(tx, env, "village", filter);
  const byProgram = await recapOf(tx, env, "program", filter);
  const failures = await store.failuresByReason(tx, filter);
  const overlaps = (await store.overlapsByDistrict(tx, caller.actor.area)).map((o) => ({
    ...o,
    label: areaLabel(env.regions, o.key),
  }));
  const now = env.clock();
  const complaints = spec.kind === "monthly" ? await complaintFigures(tx, filter, now) : [];
  const regencyName = env.regions.get(env.regencyCode)?.name ?? env.regencyCode;
  const areaName = areaLabel(env.regions, caller.actor.area.code);
  return {
    spec,
    title:
      spec.kind === "monthly"
        ? `Laporan Penyaluran Bantuan Sosial — ${monthName(spec.month)}`
        : `Laporan Penyaluran per Batch Pembayaran — Batch ${batch?.number ?? ""}`,
    subtitle:
      spec.kind === "monthly"
        ? `${areaName} · Monthly distribution report`
        : `${batch?.programName ?? ""} ${batch?.periodName ?? ""} · SK ${batch?.decreeNumber ?? ""} · Payment batch report`,
    regencyName,
    generatedAt: now.toISOString(),
    generatedBy: caller.actor.name,
    checkpoint: {
      id: checkpoint.id,
      treeSize: checkpoint.statement.treeSize,
      rootHash: checkpoint.statement.rootHash,
      issuedAt: checkpoint.statement.issuedAt,
    },
    queries: store.QUERY_NAMES,
    byDistrict,
    byVillage,
    byProgram,
    failures,
    overlaps,
    complaints,
  };
}

export function monthName(month: string): string {
  const [year, m] = month.split("-");
  return `${MONTH_NAMES.id[Number(m) - 1] ?? m} ${year}`;
}
