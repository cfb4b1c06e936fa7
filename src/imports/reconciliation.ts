/**
 * Reconciliation as use cases: a central list is uploaded for a program period, compared with the period's
 * enrolled persons (or the whole registry) in a job, and stored as lines an official decides one by one —
 * every decision audit-logged. Counts come per kecamatan and desa; every set exports to XLSX or CSV.
 */
import { randomUUID } from "node:crypto";
import type { Writable } from "node:stream";
import { inArray, type SQL } from "drizzle-orm";
import { type Actor, actorCan, auditActor, type Caller, sees, seesAgency } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { areaCondition } from "../access/area-sql.ts";
import type { AuditActor } from "../audit/index.ts";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import type { Language } from "../i18n/index.ts";
import type { JobContext } from "../jobs/index.ts";
import { normalizeIdNumber } from "../nik/index.ts";
import { maskIdNumber } from "../privacy/vault.ts";
import { persons } from "../registry/schema.ts";
import * as registryStore from "../registry/store.ts";
import { DECISIONS, REASON_REQUIRED } from "./codes.ts";
import { parseBirthDate } from "./dates.ts";
import { writeLinesExport } from "./exports.ts";
import {
  detectHeader,
  HEADER_SEARCH_ROWS,
  type ImportField,
  type MappingTemplate,
  mapHeaders,
} from "./headers.ts";
import { FileRejected } from "./limits.ts";
import { type ConflictField, type ListPerson, reconcile } from "./reconcile.ts";
import {
  type ReconciliationCategory,
  type ReconciliationLineRow,
  type ReconciliationRow,
  reconciliationLines,
} from "./schema.ts";
import type { ImportDeps } from "./service.ts";
import { fileSource, openSheet, type SheetRow, type SheetSource } from "./sheet.ts";
import * as store from "./store.ts";
import type { TableFormat } from "./table-writer.ts";
import type { StoredUpload } from "./uploads.ts";
import { cleanText, parseNeighbourhood, parseRtRw, parseSex, splitPlaceAndDate } from "./values.ts";
import type { VillageResolver } from "./villages.ts";

export const RECONCILIATION_JOB = "reconciliation";

export interface ReconciliationRequest {
  fileName: string;
  periodId: string;
  scope: "period" | "registry";
  /** The list's origin as officials call it: "DTKS", "Kemensos tahap 2" … */
  sourceName: string;
  templateId?: string | null;
  mapping?: MappingTemplate;
  headerRow?: number | null;
  sheetName?: string | null;
}

interface ReconciliationJobParams extends Record<string, unknown> {
  reconciliationId: string;
  actor: AuditActor;
  requestId: string | null;
}

async function periodProgram(d: ImportDeps, actor: Actor, periodId: string) {
  const period = await registryStore.getPeriod(d.db, periodId);
  const program = period ? await registryStore.getProgram(d.db, period.programId) : null;
  if (!period || !program || !seesAgency(actor, program.agencyId)) {
    throw new DomainError("PERIOD_NOT_FOUND", { id: periodId }, 404);
  }
  return { period, program };
}

export async function submitReconciliation(
  d: ImportDeps,
  caller: Caller,
  upload: StoredUpload,
  request: ReconciliationRequest,
) {
  const { actor } = caller;
  const { period, program } = await periodProgram(d, actor, request.periodId);
  let template: MappingTemplate = {};
  if (request.templateId) {
    const saved = await store.getTemplate(d.db, request.templateId);
    if (!saved || (saved.agencyId !== null && saved.agencyId !== program.agencyId)) {
      throw new DomainError("IMPORT_TEMPLATE_NOT_FOUND", { id: request.templateId }, 404);
    }
    template = saved.mapping;
  }
  template = { ...template, ...(request.mapping ?? {}) };
  const id = randomUUID();
  const params: ReconciliationJobParams = {
    reconciliationId: id,
    actor: auditActor(actor),
    requestId: caller.requestId,
  };
  const jobId = await d.db.transaction(async (tx) => {
    const job = await d.jobs.enqueue(tx, {
      kind: RECONCILIATION_JOB,
      params,
      createdById: actor.userId,
      createdByName: actor.name,
    });
    await store.insertReconciliation(tx, {
      id,
      jobId: job.id,
      programId: program.id,
      periodId: period.id,
      agencyId: program.agencyId,
      scope: request.scope,
      sourceName: request.sourceName.slice(0, 120),
      fileName: request.fileName.slice(0, 255),
      fileBytes: upload.bytes,
      contentHash: upload.contentHash,
      storedAs: upload.storedAs,
      template,
      layout: { headerRow: request.headerRow ?? null, sheetName: request.sheetName ?? null },
      area: placeKey({ code: actor.area.code, rt: actor.area.rt }),
      createdById: actor.userId,
      createdByName: actor.name,
    });
    return job.id;
  });
  d.jobs.kick();
  return { reconciliationId: id, job: await d.jobs.get(jobId) };
}

export async function visibleReconciliation(
  d: ImportDeps,
  actor: Actor,
  id: string,
): Promise<ReconciliationRow> {
  const row = await store.getReconciliation(d.db, id);
  if (!row || !seesAgency(actor, row.agencyId))
    throw new DomainError("RECONCILIATION_NOT_FOUND", { id }, 404);
  return row;
}

// Reading the central list ----------------------------------------------------------------------------------

export interface CentralRow {
  row: number;
  person: ListPerson;
}

/** The central list's rows as persons; rows without a name are counted and left out. */
export async function readCentralList(
  source: SheetSource,
  settings: { template: MappingTemplate; headerRow: number | null; sheetName: string | null; today: string },
  d: Pick<ImportDeps, "limits">,
  villages: VillageResolver,
  onBytes?: (bytes: number) => void,
) {
  const sheet = await openSheet(source, d.limits, {
    ...(settings.sheetName ? { sheetName: settings.sheetName } : {}),
    ...(onBytes ? { onBytes } : {}),
  });
  const head: SheetRow[] = [];
  const rows: CentralRow[] = [];
  let skipped = 0;
  let headerRow = 0;
  let mapping: Partial<Record<ImportField, number>> = {};
  let headers: string[] = [];
  const take = (r: SheetRow) => {
    const cell = (field: ImportField) => {
      const column = mapping[field];
      return column === undefined ? "" : (r.cells[column] ?? "").trim();
    };
    const name = cleanText(cell("name"));
    if (!name) {
      if (r.cells.some((c) => c.trim() !== "")) skipped++;
      return;
    }
    let birthPlace = cleanText(cell("birthPlace"));
    let birthText = cell("birthDate");
    if (!birthText && mapping.birthPlaceDate !== undefined) {
      const split = splitPlaceAndDate(cell("birthPlaceDate"));
      birthPlace ??= split.place;
      birthText = split.date ?? "";
    }
    const birth = birthText ? parseBirthDate(birthText, settings.today) : null;
    const sex = cell("sex") ? parseSex(cell("sex")) : null;
    let rt: string | null = null;
    let rw: string | null = null;
    if (cell("rt")) rt = ((p) => (p.ok ? p.value : cell("rt")))(parseNeighbourhood(cell("rt"), "RT"));
    if (cell("rw")) rw = ((p) => (p.ok ? p.value : cell("rw")))(parseNeighbourhood(cell("rw"), "RW"));
    if (!rt && !rw && cell("rtRw")) {
      const parsed = parseRtRw(cell("rtRw"));
      if (parsed.ok) ({ rt, rw } = parsed.value);
    }
    const village = villages.resolve({
      code: cell("villageCode") || null,
      name: cell("villageName") || null,
      districtCode: cell("districtCode") || null,
      districtName: cell("districtName") || null,
    });
    rows.push({
      row: r.number,
      person: {
        nik: cell("nik") || null,
        kk: cell("kk") || null,
        name,
        birthPlace,
        birthDate: birth?.ok ? birth.date : null,
        sex: sex?.ok ? sex.value : null,
        address: cleanText(cell("address")),
        villageCode: village.ok ? village.code : null,
        rt,
        rw,
        phone: cell("phone") || null,
      },
    });
  };
  for await (const r of sheet.rows) {
    if (headerRow === 0) {
      head.push(r);
      const explicit = settings.headerRow !== null && r.number >= settings.headerRow;
      if (!explicit && head.length < HEADER_SEARCH_ROWS) continue;
      const detection =
        settings.headerRow !== null
          ? ((row) => (row ? { headerRow: row.number, ...mapHeaders(row.cells, settings.template) } : null))(
              head.find((h) => h.number === settings.headerRow),
            )
          : detectHeader(head, settings.template);
      if (!detection || detection.mapping.name === undefined) {
        throw new FileRejected("HEADER_NOT_FOUND", head[0]?.number ?? 1, 1, { rows: HEADER_SEARCH_ROWS });
      }
      headerRow = detection.headerRow;
      mapping = detection.mapping;
      headers = detection.headers;
      for (const h of head) if (h.number > headerRow) take(h);
      continue;
    }
    take(r);
  }
  if (headerRow === 0) {
    const detection = detectHeader(head, settings.template);
    if (!detection)
      throw new FileRejected("HEADER_NOT_FOUND", head[0]?.number ?? 1, 1, { rows: HEADER_SEARCH_ROWS });
    headerRow = detection.headerRow;
    mapping = detection.mapping;
    headers = detection.headers;
    for (const h of head) if (h.number > headerRow) take(h);
  }
  return { rows, skipped, layout: { format: sheet.format, headerRow, headers, mapping } };
}

// The job ----------------------------------------------------------------------------------------------------

type LineInsert = typeof reconciliationLines.$inferInsert;

export async function runReconciliation(
  d: ImportDeps,
  context: JobContext,
): Promise<Record<string, unknown>> {
  const params = context.params as ReconciliationJobParams;
  const record = await store.getReconciliation(d.db, params.reconciliationId);
  if (!record) throw new DomainError("RECONCILIATION_NOT_FOUND", { id: params.reconciliationId }, 404);
  await store.updateReconciliation(d.db, record.id, { state: "running" });
  try {
    context.progress({ stage: "read", done: 0, total: record.fileBytes });
    const layout = (record.layout ?? {}) as { headerRow?: number | null; sheetName?: string | null };
    const central = await readCentralList(
      fileSource(d.uploads.path(record.storedAs), record.fileBytes),
      {
        template: record.template,
        headerRow: layout.headerRow ?? null,
        sheetName: layout.sheetName ?? null,
        today: d.env.today(),
      },
      d,
      d.villages(),
      (bytes) => context.progress({ stage: "read", done: bytes, total: record.fileBytes }),
    );
    const regionalRows = await store.personsOfScope(
      d.db,
      record.scope === "registry" ? "registry" : { periodId: record.periodId },
    );
    const { vault } = d.env;
    const open = (field: "nik" | "kk" | "phone", sealed: Uint8Array | null) =>
      sealed ? vault.open(field, sealed) : null;
    const regional: ListPerson[] = regionalRows.map((p) => ({
      nik: open("nik", p.nikCipher),
      kk: open("kk", p.kkCipher),
      name: p.name,
      birthPlace: p.birthPlace,
      birthDate: p.birthDate,
      sex: p.sex,
      address: p.address,
      villageCode: p.villageCode,
      rt: p.rt,
      rw: p.rw,
      phone: open("phone", p.phoneCipher),
    }));
    context.progress({ stage: "match", done: 0, total: null });
    const result = reconcile(
      central.rows.map((r) => r.person),
      regional,
      {
        onProgress: (stage, done, total) =>
          context.progress({ stage: "match", done, total, detail: { step: stage } }),
      },
    );
    context.progress({ stage: "store", done: 0, total: result.lines.length });
    const seal = (field: "nik" | "kk", value: string | null) => {
      const digits = value ? normalizeIdNumber(value).value : "";
      return digits ? vault.seal(field, digits) : null;
    };
    const lines: LineInsert[] = result.lines.map((line) => {
      const c = line.central === null ? null : (central.rows[line.central] as CentralRow);
      const r = line.regional === null ? null : (regionalRows[line.regional] as store.LinkagePerson);
      const villageCode = r?.villageCode ?? c?.person.villageCode ?? null;
      const nearest = line.nearest ? regionalRows[line.nearest.regional] : undefined;
      return {
        reconciliationId: record.id,
        category: line.category,
        centralRow: c?.row ?? null,
        personId: r?.id ?? null,
        villageCode,
        districtCode: villageCode ? villageCode.slice(0, 8) : null,
        rt: r?.rt ?? c?.person.rt ?? null,
        centralName: c?.person.name ?? null,
        centralBirthDate: c?.person.birthDate ?? null,
        centralSex: c?.person.sex ?? null,
        centralAddress: c?.person.address ?? null,
        centralVillageCode: c?.person.villageCode ?? null,
        centralRt: c?.person.rt ?? null,
        centralRw: c?.person.rw ?? null,
        centralNikCipher: c ? seal("nik", c.person.nik) : null,
        centralKkCipher: c ? seal("kk", c.person.kk) : null,
        probability: line.probability,
        evidence: line.evidence
          ? (line.evidence as unknown as Record<string, unknown>)
          : nearest && line.nearest
            ? { nearest: { personId: nearest.id, name: nearest.name, probability: line.nearest.probability } }
            : null,
        conflicts: line.conflicts,
      };
    });
    await d.db.transaction(async (tx) => {
      await store.deleteLines(tx, record.id);
      await store.insertLines(tx, lines);
      const counts = {
        ...result.counts,
        centralRows: central.rows.length,
        centralSkipped: central.skipped,
        regional: regional.length,
      };
      await store.updateReconciliation(tx, record.id, {
        state: "done",
        counts,
        layout: { ...layout, ...central.layout },
        finishedAt: new Date(),
      });
      await d.audit.append(tx, {
        actor: params.actor,
        action: "reconciliation.run",
        entity: "reconciliation",
        entityId: record.id,
        area: null,
        after: {
          periodId: record.periodId,
          scope: record.scope,
          sourceName: record.sourceName,
          contentHash: record.contentHash,
          ...counts,
        },
        requestId: params.requestId,
      });
    });
    context.progress({ stage: "store", done: lines.length, total: lines.length });
    return { reconciliationId: record.id, counts: result.counts };
  } catch (error) {
    if (error instanceof FileRejected) {
      await store.updateReconciliation(d.db, record.id, {
        state: "failed",
        problem: { code: error.code, row: error.row, column: error.column, params: error.params },
        finishedAt: new Date(),
      });
      throw error;
    }
    await store
      .updateReconciliation(d.db, record.id, { state: "failed", finishedAt: new Date() })
      .catch(() => {});
    throw error;
  }
}

// Reading results --------------------------------------------------------------------------------------------

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

export interface LineView {
  id: string;
  category: ReconciliationCategory;
  centralRow: number | null;
  central: {
    name: string | null;
    nik: string | null;
    kk: string | null;
    birthDate: string | null;
    sex: string | null;
    address: string | null;
    village: { code: string; name: string } | null;
    rt: string | null;
    rw: string | null;
  } | null;
  person: {
    id: string;
    name: string;
    nik: string | null;
    kk: string | null;
    birthDate: string | null;
    sex: string;
    address: string | null;
    village: { code: string; name: string };
    rt: string | null;
    rw: string | null;
  } | null;
  village: { code: string; name: string } | null;
  rt: string | null;
  probability: number | null;
  conflicts: ConflictField[];
  evidence: Record<string, unknown> | null;
  decision: string | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  allowedDecisions: string[];
  version: number;
}

/** Lines with both sides filled in; NIK and KK masked unless `identity` is "full" (entitled roles, audited). */
export async function lineViews(
  d: ImportDeps,
  rows: readonly ReconciliationLineRow[],
  identity: "masked" | "full",
): Promise<LineView[]> {
  const { vault, regions } = d.env;
  const ids = [...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const people = ids.length ? await d.db.select().from(persons).where(inArray(persons.id, ids)) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const show = (field: "nik" | "kk", sealed: Uint8Array | null) => {
    if (!sealed) return null;
    const plain = vault.open(field, sealed);
    return identity === "full" ? plain : maskIdNumber(plain);
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
              birthDate: r.centralBirthDate,
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
            nik: show("nik", p.nikCipher),
            kk: show("kk", p.kkCipher),
            birthDate: p.birthDate,
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
  return { items: await lineViews(d, rows, "masked"), total, page: search.page, pageSize: search.pageSize };
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
    "masked",
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
  if (options.identity === "full") {
    if (!mayReadIdentity(caller.actor)) throw new DomainError("FORBIDDEN", {}, 403);
    await d.db.transaction((tx) =>
      d.audit.append(tx, {
        actor: auditActor(caller.actor),
        action: "reconciliation.export_identity",
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
  }
  const scope = lineScope(caller.actor);
  async function* pages() {
    for await (const rows of store.linesInOrder(d.db, record.id, options.filter, scope)) {
      yield await lineViews(d, rows, options.identity);
    }
  }
  const districtName = (code: string | null) => (code ? (d.env.regions.get(code)?.name ?? code) : "");
  return writeLinesExport(out, options.format, options.language, pages(), districtName);
}
