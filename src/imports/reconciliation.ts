/**
 * Reconciliation as use cases: a central list is uploaded for a program period, compared with the period's
 * enrolled persons (or the whole registry) in a job, and stored as lines an official decides one by one —
 * every decision audit-logged. Counts come per kecamatan and desa; every set exports to XLSX or CSV.
 */
import type { Writable } from "node:stream";
import { inArray, type SQL } from "drizzle-orm";
import { type Actor, actorCan, auditActor, type Caller, sees } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { areaCondition } from "../access/area-sql.ts";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import type { Language } from "../i18n/index.ts";
import { openBound } from "../privacy/vault.ts";
import {
  birthYearOf,
  type Disclosure,
  discloseBirthDate,
  discloseIdNumber,
  disclosureFor,
} from "../registry/persons.ts";
import { persons } from "../registry/schema.ts";
import { DECISIONS, REASON_REQUIRED } from "./codes.ts";
import type { ImportDeps } from "./deps.ts";
import { writeLinesExport } from "./exports.ts";
import type { LineView } from "./line-view.ts";
import type { ConflictField } from "./reconcile.ts";
import { visibleReconciliation } from "./reconciliation-submission.ts";
import { type ReconciliationCategory, type ReconciliationLineRow, reconciliationLines } from "./schema.ts";
import * as store from "./store.ts";
import type { TableFormat } from "./table-writer.ts";

/** The caller's area over the lines; lines whose desa is unknown are for regency-wide officials only. */
function lineScope(actor: Actor): SQL | undefined {
  if (actor.area.level === "regency") return undefined;
  return areaCondition(actor.area, { village: reconciliationLines.villageCode, rt: reconciliationLines.rt });
}

function seesLine(actor: Actor, line: ReconciliationLineRow): boolean {
  if (actor.area.level === "regency") return true;
  return line.villageCode !== null && sees(actor, { code: line.villageCode, rt: line.rt });
}

export async function reconciliationSummary(d: ImportDeps, caller: Caller, id: string) {
  const record = await visibleReconciliation(d, caller.actor, id);
  const scope = lineScope(caller.actor);
  const rows = record.state === "done" ? await store.areaCounts(d.db, record.id, "district", scope) : [];
  return { record, byDistrict: groupCounts(d, rows) };
}

export async function reconciliationVillages(
  d: ImportDeps,
  caller: Caller,
  id: string,
  districtCode: string,
) {
  const record = await visibleReconciliation(d, caller.actor, id);
  const rows = await store.areaCounts(d.db, record.id, "village", lineScope(caller.actor), districtCode);
  return groupCounts(d, rows);
}

function groupCounts(
  d: ImportDeps,
  rows: { code: string | null; category: ReconciliationCategory; n: number; decided: number }[],
) {
  const byCode = new Map<
    string,
    {
      code: string | null;
      name: string;
      counts: Record<ReconciliationCategory, number>;
      decided: number;
      total: number;
    }
  >();
  for (const row of rows) {
    const key = row.code ?? "";
    let entry = byCode.get(key);
    if (!entry) {
      entry = {
        code: row.code,
        name: row.code ? (d.env.regions.get(row.code)?.name ?? row.code) : "?",
        counts: { matched: 0, conflict: 0, central_only: 0, regional_only: 0 },
        decided: 0,
        total: 0,
      };
      byCode.set(key, entry);
    }
    entry.counts[row.category] += Number(row.n);
    entry.decided += Number(row.decided);
    entry.total += Number(row.n);
  }
  return [...byCode.values()];
}

/**
 * Lines with both sides filled in, each side disclosed as the caller may see a person (src/registry/persons.ts):
 * "full" for entitled roles (audited), NIK/KK masked for them otherwise, region digits and birth year for others.
 */
export async function lineViews(
  d: ImportDeps,
  rows: readonly ReconciliationLineRow[],
  identity: Disclosure,
): Promise<LineView[]> {
  const { vault, regions } = d.env;
  const ids = [...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const people = ids.length ? await d.db.select().from(persons).where(inArray(persons.id, ids)) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  /** Central lines' columns have no blind index (unbound); a person's are opened beside theirs. */
  const show = (field: "nik" | "kk", sealed: Uint8Array | null, index?: Uint8Array | null) => {
    if (!sealed) return null;
    const plain = index === undefined ? vault.open(field, sealed) : openBound(vault, field, sealed, index);
    if (plain === null) return null;
    return discloseIdNumber(plain, identity);
  };
  const region = (code: string | null) => (code ? { code, name: regions.get(code)?.name ?? code } : null);
  return rows.map((r) => {
    const p = r.personId ? byId.get(r.personId) : undefined;
    return {
      id: r.id,
      category: r.category,
      centralRow: r.centralRow,
      central:
        r.centralRow === null
          ? null
          : {
              name: r.centralName,
              nik: show("nik", r.centralNikCipher),
              kk: show("kk", r.centralKkCipher),
              birthDate: discloseBirthDate(r.centralBirthDate, identity),
              birthYear: birthYearOf(r.centralBirthDate),
              sex: r.centralSex,
              address: r.centralAddress,
              village: region(r.centralVillageCode),
              rt: r.centralRt,
              rw: r.centralRw,
            },
      person: p
        ? {
            id: p.id,
            name: p.name,
            nik: show("nik", p.nikCipher, p.nikIndex),
            kk: show("kk", p.kkCipher, p.kkIndex),
            birthDate: discloseBirthDate(p.birthDate, identity),
            birthYear: birthYearOf(p.birthDate),
            sex: p.sex,
            address: p.address,
            village: region(p.villageCode) as { code: string; name: string },
            rt: p.rt,
            rw: p.rw,
          }
        : null,
      village: region(r.villageCode),
      rt: r.rt,
      probability: r.probability,
      conflicts: (r.conflicts ?? []) as ConflictField[],
      evidence: r.evidence,
      decision: r.decision,
      decisionReason: r.decisionReason,
      decidedByName: r.decidedByName,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      allowedDecisions: [...DECISIONS[r.category]],
      version: r.version,
    };
  });
}

export interface LineSearch extends store.LineFilter {
  page: number;
  pageSize: number;
}

export async function searchReconciliationLines(
  d: ImportDeps,
  caller: Caller,
  id: string,
  search: LineSearch,
) {
  const record = await visibleReconciliation(d, caller.actor, id);
  const { rows, total } = await store.searchLines(d.db, record.id, search, lineScope(caller.actor), {
    limit: search.pageSize,
    offset: (search.page - 1) * search.pageSize,
  });
  return {
    items: await lineViews(d, rows, disclosureFor(caller.actor)),
    total,
    page: search.page,
    pageSize: search.pageSize,
  };
}

/** Records a decision on lines of one reconciliation, each with its own audit entry, all in one transaction. */
export async function decideLines(
  d: ImportDeps,
  caller: Caller,
  id: string,
  input: {
    lines: { id: string; version?: number | undefined }[];
    decision: string;
    reason?: string | null | undefined;
  },
) {
  const record = await visibleReconciliation(d, caller.actor, id);
  if (record.state !== "done") throw new DomainError("RECONCILIATION_NOT_DONE", { id }, 409);
  const reason = input.reason?.trim() || null;
  if (REASON_REQUIRED.has(input.decision) && !reason) {
    throw new ValidationFailed([
      { field: "reason", code: "RECONCILIATION_REASON_REQUIRED", params: { decision: input.decision } },
    ]);
  }
  const decided = await d.db.transaction(async (tx) => {
    const decided: { line: ReconciliationLineRow; before: string | null }[] = [];
    for (const wanted of input.lines) {
      const line = await store.getLine(tx, record.id, wanted.id);
      if (!line || !seesLine(caller.actor, line)) {
        throw new DomainError("RECONCILIATION_LINE_NOT_FOUND", { id: wanted.id }, 404);
      }
      const allowed = DECISIONS[line.category];
      if (!allowed.includes(input.decision)) {
        throw new DomainError(
          "RECONCILIATION_DECISION_NOT_ALLOWED",
          { decision: input.decision, category: line.category, allowed: allowed.join(", ") },
          422,
        );
      }
      const updated = await store.decideLine(tx, line.id, wanted.version ?? null, {
        decision: input.decision,
        decisionReason: reason,
        decidedById: caller.actor.userId,
        decidedByName: caller.actor.name,
      });
      if (!updated)
        throw new DomainError(
          "VERSION_CONFLICT",
          { expected: wanted.version ?? 0, actual: line.version },
          409,
        );
      decided.push({ line: updated, before: line.decision });
    }
    await d.audit.append(
      tx,
      decided.map(({ line, before }) => ({
        actor: auditActor(caller.actor),
        action: "reconciliation.decide",
        entity: "reconciliation_line",
        entityId: line.id,
        area: line.villageCode ? placeKey({ code: line.villageCode, rt: line.rt }) : null,
        before: { decision: before },
        after: { reconciliationId: record.id, category: line.category, decision: input.decision },
        reason,
        requestId: caller.requestId,
      })),
    );
    return decided;
  });
  // Outside the transaction: on PGlite a query on the database waits for an open transaction to end.
  return lineViews(
    d,
    decided.map((x) => x.line),
    disclosureFor(caller.actor),
  );
}

export function mayReadIdentity(actor: Actor): boolean {
  return actorCan(actor, "person.identity");
}

/**
 * Streams lines of a reconciliation as CSV or XLSX. Full NIK and KK only for roles entitled to them, and
 * that export is itself an audit entry, written before the first byte leaves.
 */
export async function exportReconciliation(
  d: ImportDeps,
  caller: Caller,
  id: string,
  options: { filter: store.LineFilter; identity: "masked" | "full"; format: TableFormat; language: Language },
  out: Writable,
): Promise<number> {
  const record = await visibleReconciliation(d, caller.actor, id);
  if (record.state !== "done") throw new DomainError("RECONCILIATION_NOT_DONE", { id }, 409);
  if (options.identity === "full" && !mayReadIdentity(caller.actor))
    throw new DomainError("FORBIDDEN", {}, 403);
  // Every export is a copy of the lists leaving the system: recorded before the first byte, masked or not.
  await d.db.transaction((tx) =>
    d.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: options.identity === "full" ? "reconciliation.export_identity" : "reconciliation.export",
      entity: "reconciliation",
      entityId: record.id,
      area: null,
      after: {
        category: options.filter.category ?? null,
        districtCode: options.filter.districtCode ?? null,
        villageCode: options.filter.villageCode ?? null,
      },
      requestId: caller.requestId,
    }),
  );
  const scope = lineScope(caller.actor);
  async function* pages() {
    for await (const rows of store.linesInOrder(d.db, record.id, options.filter, scope)) {
      yield await lineViews(d, rows, options.identity === "full" ? "full" : disclosureFor(caller.actor));
    }
  }
  const districtName = (code: string | null) => (code ? (d.env.regions.get(code)?.name ?? code) : "");
  return writeLinesExport(out, options.format, options.language, pages(), districtName);
}

export { type CentralRow, readCentralList } from "./central-list.ts";
export { RECONCILIATION_JOB, runReconciliation } from "./reconciliation-job.ts";
export {
  type ReconciliationRequest,
  submitReconciliation,
  visibleReconciliation,
} from "./reconciliation-submission.ts";
export type { LineView };
