/**
 * Imports as use cases: an upload becomes an import record and a job; the job reads, checks and loads the
 * whole file inside one transaction (with its audit entry), so a file is applied in full or not at all — a
 * killed process leaves nothing behind and the job simply runs again. The same file for the same target is
 * applied once; sending it again changes nothing and says so.
 */
import { createHash, randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import {
  type Actor,
  assertWritableArea,
  auditActor,
  type Caller,
  sees,
  seesAgency,
} from "../access/actor.ts";
import { type AreaScope, parsePlaceKey, placeKey } from "../access/area.ts";
import type { AuditActor, AuditLog } from "../audit/index.ts";
import type { Config } from "../config.ts";
import type { Database, DatabaseKind } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Language, MessageParams } from "../i18n/index.ts";
import { type JobContext, type JobRunner, type JobView, jobRunnerFor } from "../jobs/index.ts";
import { type LinkageRecord, normaliseName } from "../matching/index.ts";
import { dropRegistryIndex } from "../matching/registry-index.ts";
import type { RegistryEnvironment } from "../registry/persons.ts";
import * as registryStore from "../registry/store.ts";
import type { Salur } from "../runtime.ts";
import type { MappingTemplate } from "./headers.ts";
import { collectGarbage } from "./heap.ts";
import { IssueSink } from "./issue-sink.ts";
import { DEFAULT_IMPORT_LIMITS, FileRejected, type ImportLimits } from "./limits.ts";
import { linkLists } from "./linkage.ts";
import { ENROLLMENT_COLUMNS, encodeRow, type PayloadFormat, PERSON_COLUMNS } from "./payload.ts";
import {
  type FileNote,
  type HeaderInfo,
  type IssueAt,
  type PrepareEvent,
  type PrepareSettings,
  type PrepareTotals,
  prepareImport,
  type ScreeningRecord,
} from "./prepare.ts";
import { prepareInWorker } from "./prepare-worker.ts";
import { RECONCILIATION_JOB, runReconciliation } from "./reconciliation.ts";
import { writeImportReport } from "./report.ts";
import type { ImportRow } from "./schema.ts";
import { fileSource } from "./sheet.ts";
import * as store from "./store.ts";
import { createUploadStore, type StoredUpload, type UploadStore, uploadSize } from "./uploads.ts";
import { createVillageResolver, type VillageResolver } from "./villages.ts";

export interface ImportDeps {
  db: Database;
  kind: DatabaseKind;
  env: RegistryEnvironment;
  audit: AuditLog;
  config: Config;
  jobs: JobRunner;
  uploads: UploadStore;
  limits: ImportLimits;
  /** "worker": prepare rows on a worker thread; "inline": in this thread; "auto": worker for large files. */
  parallel: "auto" | "worker" | "inline";
  /** Rows above which the fuzzy overlap screening is left to the overlap engine's own batch run. */
  screeningLimit: number;
  batchRows: number;
  villages(): VillageResolver;
}

const deps = new WeakMap<Salur, ImportDeps>();

/** The import capability of one running Salur (its job handlers registered once). */
export function importDeps(salur: Salur, overrides: Partial<ImportDeps> = {}): ImportDeps {
  const existing = deps.get(salur);
  if (existing && Object.keys(overrides).length === 0) return existing;
  let villages: VillageResolver | undefined;
  const created: ImportDeps = {
    db: salur.database.db,
    kind: salur.database.kind,
    env: salur.registry.env,
    audit: salur.audit,
    config: salur.config,
    jobs: jobRunnerFor(salur.database),
    uploads: createUploadStore(join(salur.config.dataDir, "uploads")),
    limits: DEFAULT_IMPORT_LIMITS,
    parallel: "auto",
    screeningLimit: 200_000,
    batchRows: 5_000,
    villages: () => {
      villages ??= createVillageResolver(salur.regions, salur.config.regencyCode);
      return villages;
    },
    ...overrides,
  };
  if (!existing) {
    // The runner must stop before the database closes under a running job. Until the runtime owns the job
    // runner, closing this Salur closes its runner first.
    const close = salur.close;
    salur.close = async () => {
      await created.jobs.close();
      await close();
    };
  }
  deps.set(salur, created);
  registerImportJobs(created);
  return created;
}

/** The job kinds of this capability on the runner; jobs cut off by a dead process are then picked up again. */
export function registerImportJobs(d: ImportDeps): void {
  d.jobs.register({ kind: IMPORT_JOB, retryOnInterrupt: true, run: (context) => runImport(d, context) });
  d.jobs.register({
    kind: RECONCILIATION_JOB,
    retryOnInterrupt: true,
    run: (context) => runReconciliation(d, context),
  });
  void d.jobs.recover().catch(() => {});
}

// Submitting ------------------------------------------------------------------------------------------------

export interface ImportRequest {
  fileName: string;
  periodId?: string | null;
  mode: "check" | "apply";
  invalidRows: "reject_file" | "skip_rows";
  templateId?: string | null;
  /** Header → field overrides on top of the template. */
  mapping?: MappingTemplate;
  headerRow?: number | null;
  sheetName?: string | null;
}

export interface ImportJobParams extends Record<string, unknown> {
  importId: string;
  actor: AuditActor;
  area: AreaScope;
  requestId: string | null;
}

async function targetOf(d: ImportDeps, actor: Actor, periodId: string | null | undefined) {
  if (!periodId) return { programId: null, periodId: null, agencyId: actor.agencyId, targetKey: "persons" };
  const period = await registryStore.getPeriod(d.db, periodId);
  const program = period ? await registryStore.getProgram(d.db, period.programId) : null;
  if (!period || !program || !seesAgency(actor, program.agencyId)) {
    throw new DomainError("PERIOD_NOT_FOUND", { id: periodId }, 404);
  }
  return { programId: program.id, periodId: period.id, agencyId: program.agencyId, targetKey: period.id };
}

async function templateOf(
  d: ImportDeps,
  actor: Actor,
  agencyId: string | null,
  request: ImportRequest,
): Promise<MappingTemplate> {
  let mapping: MappingTemplate = {};
  if (request.templateId) {
    const template = await store.getTemplate(d.db, request.templateId);
    if (
      !template ||
      (template.agencyId !== null &&
        (template.agencyId !== agencyId || !seesAgency(actor, template.agencyId)))
    ) {
      throw new DomainError("IMPORT_TEMPLATE_NOT_FOUND", { id: request.templateId }, 404);
    }
    mapping = { ...template.mapping };
  }
  return { ...mapping, ...(request.mapping ?? {}) };
}

/** Stores the upload, records the import and queues its job. */
export async function submitImport(
  d: ImportDeps,
  caller: Caller,
  upload: StoredUpload,
  request: ImportRequest,
): Promise<{ importId: string; job: JobView | null; state: ImportRow["state"]; duplicateOf: string | null }> {
  const { actor } = caller;
  // An import writes records across the whole area of the file; the caller must at least see the regency part
  // each row lands in, which the rows check one by one. Here: the caller may register at all.
  assertWritableArea(actor, { code: actor.area.code, rt: actor.area.rt });
  const target = await targetOf(d, actor, request.periodId);
  const template = await templateOf(d, actor, target.agencyId, request);
  const base = {
    mode: request.mode,
    invalidRows: request.invalidRows,
    programId: target.programId,
    periodId: target.periodId,
    agencyId: target.agencyId,
    targetKey: target.targetKey,
    fileName: request.fileName.slice(0, 255),
    fileBytes: upload.bytes,
    contentHash: upload.contentHash,
    storedAs: upload.storedAs,
    template,
    headerRow: request.headerRow ?? null,
    sheetName: request.sheetName ?? null,
    area: placeKey({ code: actor.area.code, rt: actor.area.rt }),
    createdById: actor.userId,
    createdByName: actor.name,
  };
  if (request.mode === "apply") {
    const prior = await store.findAppliedImport(d.db, upload.contentHash, target.targetKey);
    if (prior) {
      const row = await store.insertImport(d.db, {
        ...base,
        state: "duplicate",
        duplicateOf: prior.id,
        summary: prior.summary,
        finishedAt: new Date(),
      });
      return { importId: row.id, job: null, state: row.state, duplicateOf: prior.id };
    }
  }
  const importId = randomUUID();
  const params: ImportJobParams = {
    importId,
    actor: auditActor(actor),
    area: actor.area,
    requestId: caller.requestId,
  };
  const jobId = await d.db.transaction(async (tx) => {
    const job = await d.jobs.enqueue(tx, {
      kind: IMPORT_JOB,
      params,
      createdById: actor.userId,
      createdByName: actor.name,
    });
    await store.insertImport(tx, { ...base, id: importId, jobId: job.id, state: "queued" });
    return job.id;
  });
  d.jobs.kick();
  return { importId, job: await d.jobs.get(jobId), state: "queued", duplicateOf: null };
}

/** A checked file applied as it is: the same upload and settings, now for real. */
export async function applyChecked(d: ImportDeps, caller: Caller, importId: string) {
  const checked = await visibleImport(d, caller.actor, importId);
  if (checked.mode !== "check" || checked.state !== "checked") {
    throw new DomainError("IMPORT_NOT_CHECKED", { id: importId, state: checked.state }, 409);
  }
  return submitImport(
    d,
    caller,
    { storedAs: checked.storedAs, bytes: checked.fileBytes, contentHash: checked.contentHash },
    {
      fileName: checked.fileName,
      periodId: checked.periodId,
      mode: "apply",
      invalidRows: checked.invalidRows,
      mapping: checked.template,
      headerRow: checked.headerRow,
      sheetName: checked.sheetName,
    },
  );
}

/**
 * An import belongs to the area its sender worked in and to its program's agency: visible to whoever sent it
 * and to those whose area holds that area (and, for agency-bound roles, of the same agency).
 */
export function importVisible(
  actor: Actor,
  row: Pick<ImportRow, "createdById" | "area" | "agencyId">,
): boolean {
  if (row.createdById !== null && row.createdById === actor.userId) return true;
  if (row.agencyId && !seesAgency(actor, row.agencyId)) return false;
  return row.area !== null && sees(actor, parsePlaceKey(row.area));
}

export async function visibleImport(d: ImportDeps, actor: Actor, id: string): Promise<ImportRow> {
  const row = await store.getImport(d.db, id);
  if (!row || !importVisible(actor, row)) throw new DomainError("IMPORT_NOT_FOUND", { id }, 404);
  return row;
}

// The job ----------------------------------------------------------------------------------------------------

export const IMPORT_JOB = "import";

/** Ends the transaction without committing: a rejected file or a check leaves the database as it was. */
class RollBack extends Error {
  constructor(readonly state: "rejected" | "checked") {
    super(state);
  }
}

interface Loaded {
  header: HeaderInfo | null;
  totals: PrepareTotals | null;
  notes: FileNote[];
  personsCreated: number;
  personsExisting: number;
  enrollmentsCreated: number;
  enrollmentsExisting: number;
  createdDigest: string;
  screening: ScreeningRecord[];
  /** Rows whose NIK matched a registry person: screening does not report those pairs again. */
  knownPairs: Map<number, string>;
  createdIds: Set<string>;
}

function settingsOf(d: ImportDeps, record: ImportRow, params: ImportJobParams): PrepareSettings {
  const format: PayloadFormat = d.kind === "pglite" ? "copy" : "json";
  return {
    limits: d.limits,
    template: record.template,
    headerRow: record.headerRow,
    sheetName: record.sheetName,
    area: params.area,
    today: d.env.today(),
    format,
    batchRows: d.batchRows,
    screeningLimit: d.screeningLimit,
  };
}

function runsOnWorker(d: ImportDeps, bytes: number): boolean {
  if (d.parallel === "inline") return false;
  if (d.parallel === "worker") return true;
  return bytes > 4 * 1024 * 1024 && availableParallelism() > 1;
}

/** Worker heap for a CSV (bounded, so garbage is collected as it goes) and for an XLSX (shared strings). */
const WORKER_HEAP_MB = { csv: 256, xlsx: 1536 } as const;

async function* eventsOf(
  d: ImportDeps,
  record: ImportRow,
  settings: PrepareSettings,
): AsyncGenerator<PrepareEvent> {
  const path = d.uploads.path(record.storedAs);
  const source = fileSource(path, record.fileBytes);
  if (runsOnWorker(d, record.fileBytes)) {
    const zip = (await source.head(2)).toString("latin1") === "PK";
    yield* prepareInWorker({
      path,
      heapMb: zip ? WORKER_HEAP_MB.xlsx : WORKER_HEAP_MB.csv,
      size: record.fileBytes,
      settings,
      secret: d.config.secret,
      keyFile: d.config.keyFile,
      regencyCode: d.config.regencyCode,
    });
    return;
  }
  yield* prepareImport(source, settings, { env: d.env, villages: d.villages() });
}

const sameName = (a: string, b: string) =>
  (normaliseName(a)?.tokens.join(" ") ?? a.toLowerCase()) ===
  (normaliseName(b)?.tokens.join(" ") ?? b.toLowerCase());

/** Rows between two full garbage collections while loading (see collectGarbage). */
const GC_EVERY_ROWS = 100_000;

async function load(
  d: ImportDeps,
  tx: Parameters<Parameters<Database["transaction"]>[0]>[0],
  record: ImportRow,
  settings: PrepareSettings,
  sink: IssueSink,
  context: JobContext,
): Promise<Loaded> {
  const loaded: Loaded = {
    header: null,
    totals: null,
    notes: [],
    personsCreated: 0,
    personsExisting: 0,
    enrollmentsCreated: 0,
    enrollmentsExisting: 0,
    createdDigest: "",
    screening: [],
    knownPairs: new Map(),
    createdIds: new Set(),
  };
  const digest = createHash("sha256");
  const enrollmentFormat = settings.format;
  const events = eventsOf(d, record, settings);
  let collectedAt = 0;
  try {
    for await (const event of events) {
      if (context.signal.aborted) throw new DomainError("JOB_CANCELLED", {});
      if (event.type === "header") {
        loaded.header = event.header;
        continue;
      }
      if (event.type === "end") {
        loaded.totals = event.totals;
        loaded.notes = event.notes;
        if (event.totals.screeningSkipped) loaded.screening = [];
        break;
      }
      if (event.read - collectedAt >= GC_EVERY_ROWS) {
        collectGarbage();
        collectedAt = event.read;
      }
      const extra: IssueAt[] = [];
      const existing = await store.personsByNikIndex(
        tx,
        event.rows.flatMap((r) => (r.nikIndex ? [r.nikIndex] : [])),
      );
      const fresh = event.rows.filter((r) => !(r.nikIndex && existing.has(r.nikIndex)));
      const known = event.rows.filter((r) => r.nikIndex && existing.has(r.nikIndex));
      await store.bulkInsert(
        tx,
        d.kind,
        "persons",
        PERSON_COLUMNS,
        fresh.map((r) => r.payload),
      );
      loaded.personsCreated += fresh.length;
      for (const r of fresh) digest.update(r.personId);
      // Only the screening needs to know who was created here, and only while it may still run.
      if (!event.screeningSkipped) for (const r of fresh) loaded.createdIds.add(r.personId);
      else if (loaded.createdIds.size > 0) loaded.createdIds = new Set();
      const enrolling: { personId: string; villageCode: string; districtCode: string }[] = fresh.map((r) => ({
        personId: r.personId,
        villageCode: r.villageCode,
        districtCode: r.districtCode,
      }));
      const nikColumn = loaded.header?.mapping.nik ?? loaded.header?.mapping.name ?? null;
      const nameColumn = loaded.header?.mapping.name ?? null;
      const alreadyEnrolled = record.periodId
        ? await store.enrolledInPeriod(
            tx,
            record.periodId,
            known.map((r) => (existing.get(r.nikIndex as string) as { id: string }).id),
          )
        : new Set<string>();
      for (const r of known) {
        const person = existing.get(r.nikIndex as string) as {
          id: string;
          name: string;
          villageCode: string;
          districtCode: string;
        };
        loaded.personsExisting++;
        loaded.knownPairs.set(r.row, person.id);
        const params = { personId: person.id, name: person.name };
        extra.push({
          row: r.row,
          column: nikColumn,
          field: "nik",
          code: "REGISTRY_PERSON_EXISTS",
          severity: "warning",
          params,
        });
        if (!sameName(person.name, r.nameKey)) {
          extra.push({
            row: r.row,
            column: nikColumn,
            field: "nik",
            code: "REGISTRY_NIK_OTHER_NAME",
            severity: "warning",
            params,
          });
        }
        if (!record.periodId) continue;
        if (alreadyEnrolled.has(person.id)) {
          loaded.enrollmentsExisting++;
          extra.push({
            row: r.row,
            column: nameColumn,
            field: null,
            code: "ENROLLMENT_EXISTS",
            severity: "warning",
            params,
          });
        } else {
          alreadyEnrolled.add(person.id);
          enrolling.push({
            personId: person.id,
            villageCode: person.villageCode,
            districtCode: person.districtCode,
          });
        }
      }
      if (record.periodId && record.programId) {
        const programId = record.programId;
        const periodId = record.periodId;
        await store.bulkInsert(
          tx,
          d.kind,
          "enrollments",
          ENROLLMENT_COLUMNS,
          enrolling.map((e) =>
            encodeRow(
              ENROLLMENT_COLUMNS,
              [randomUUID(), e.personId, programId, periodId, "submitted", e.villageCode, e.districtCode],
              enrollmentFormat,
            ),
          ),
        );
        loaded.enrollmentsCreated += enrolling.length;
      }
      await sink.add(event.issues);
      if (extra.length > 0) await sink.add(extra);
      if (event.screeningSkipped) loaded.screening = [];
      else for (const record of event.screening) loaded.screening.push(record);
      // PGlite answers without a turn of the event loop: without this pause, requests for the job's progress
      // (and every other request) would wait until the whole file is in.
      await new Promise((resolve) => setImmediate(resolve));
      context.progress({
        stage: "load",
        done: event.bytes,
        total: record.fileBytes,
        detail: {
          rows: event.read,
          personsCreated: loaded.personsCreated,
          personsExisting: loaded.personsExisting,
          findings: sink.count,
        },
      });
    }
  } finally {
    await events.return(undefined);
  }
  loaded.createdDigest = digest.digest("hex");
  return loaded;
}

function summaryOf(loaded: Loaded, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const t = loaded.totals;
  return {
    dataRows: t?.dataRows ?? 0,
    blankRows: t?.blankRows ?? 0,
    accepted: t?.accepted ?? 0,
    rejected: t?.rejected ?? 0,
    withWarnings: t?.withWarnings ?? 0,
    errors: t?.errors ?? 0,
    warnings: t?.warnings ?? 0,
    duplicatesInFile: t?.duplicatesInFile ?? 0,
    personsCreated: loaded.personsCreated,
    personsExisting: loaded.personsExisting,
    enrollmentsCreated: loaded.enrollmentsCreated,
    enrollmentsExisting: loaded.enrollmentsExisting,
    ...extra,
  };
}

function layoutOf(header: HeaderInfo | null): Record<string, unknown> | null {
  if (!header) return null;
  return {
    format: header.format,
    delimiter: header.delimiter,
    encoding: header.encoding,
    headerRow: header.headerRow,
    headers: header.headers,
    mapping: header.mapping,
    unmapped: header.unmapped,
  };
}

async function persistIssues(d: ImportDeps, importId: string, sink: IssueSink): Promise<void> {
  await d.db.transaction(async (tx) => {
    for await (const batch of sink.batches(5000)) await store.insertIssues(tx, importId, batch);
  });
}

export async function runImport(d: ImportDeps, context: JobContext): Promise<Record<string, unknown>> {
  const params = context.params as ImportJobParams;
  const record = await store.getImport(d.db, params.importId);
  if (!record) throw new DomainError("IMPORT_NOT_FOUND", { id: params.importId }, 404);
  // A retried job starts from nothing: findings of the interrupted try are dropped with its rows.
  await store.deleteIssues(d.db, record.id);
  await store.updateImport(d.db, record.id, { state: "running" });
  const settings = settingsOf(d, record, params);
  const sink = new IssueSink();
  let loaded: Loaded | null = null;
  let finalState: ImportRow["state"];
  context.progress({ stage: "read", done: 0, total: record.fileBytes });
  try {
    const outcome = await d.db.transaction(async (tx) => {
      await store.lockImports(tx);
      if (record.mode === "apply") {
        const prior = await store.findAppliedImport(tx, record.contentHash, record.targetKey);
        if (prior) return { duplicateOf: prior.id, summary: prior.summary };
      }
      loaded = await load(d, tx, record, settings, sink, context);
      const errors = loaded.totals?.errors ?? 0;
      if (errors > 0 && record.invalidRows === "reject_file") throw new RollBack("rejected");
      if (record.mode === "check") throw new RollBack("checked");
      context.progress({ stage: "commit", done: record.fileBytes, total: record.fileBytes });
      const summary = summaryOf(loaded);
      await store.updateImport(tx, record.id, {
        state: "applied",
        layout: layoutOf(loaded.header),
        summary,
        notes: loaded.notes as unknown as Record<string, unknown>[],
        finishedAt: new Date(),
      });
      for await (const batch of sink.batches(5000)) await store.insertIssues(tx, record.id, batch);
      await d.audit.append(tx, {
        actor: params.actor,
        action: "import.apply",
        entity: "import",
        entityId: record.id,
        area: null,
        after: {
          fileName: record.fileName,
          contentHash: record.contentHash,
          fileBytes: record.fileBytes,
          programId: record.programId,
          periodId: record.periodId,
          rows: loaded.totals?.dataRows ?? 0,
          rowsSkipped: loaded.totals?.rejected ?? 0,
          personsCreated: loaded.personsCreated,
          personsExisting: loaded.personsExisting,
          enrollmentsCreated: loaded.enrollmentsCreated,
          createdPersonsDigest: loaded.createdDigest,
        },
        requestId: params.requestId,
      });
      return null;
    });
    if (outcome) {
      await store.updateImport(d.db, record.id, {
        state: "duplicate",
        duplicateOf: outcome.duplicateOf,
        summary: outcome.summary,
        finishedAt: new Date(),
      });
      return { importId: record.id, state: "duplicate", duplicateOf: outcome.duplicateOf };
    }
    finalState = "applied";
    // The rows went in by COPY, past the registry's writes: the next overlap search rebuilds its index.
    dropRegistryIndex(d);
  } catch (error) {
    if (error instanceof RollBack) {
      const done = loaded as Loaded | null;
      finalState = error.state;
      await persistIssues(d, record.id, sink);
      await store.updateImport(d.db, record.id, {
        state: error.state,
        layout: layoutOf(done?.header ?? null),
        summary: done ? summaryOf(done, { applied: false }) : null,
        notes: (done?.notes ?? []) as unknown as Record<string, unknown>[],
        finishedAt: new Date(),
      });
    } else if (error instanceof FileRejected) {
      await sink.dispose();
      await store.deleteIssues(d.db, record.id);
      await store.insertIssues(d.db, record.id, [
        {
          row: error.row,
          column: error.column - 1,
          field: null,
          code: error.code,
          severity: "error",
          params: error.params as Record<string, string | number>,
        },
      ]);
      await store.updateImport(d.db, record.id, {
        state: "rejected",
        problem: { code: error.code, row: error.row, column: error.column, params: error.params },
        finishedAt: new Date(),
      });
      return {
        importId: record.id,
        state: "rejected",
        problem: { code: error.code, row: error.row, column: error.column },
      };
    } else {
      await sink.dispose();
      const cancelled = context.signal.aborted;
      await store
        .updateImport(d.db, record.id, { state: cancelled ? "cancelled" : "failed", finishedAt: new Date() })
        .catch(() => {});
      if (isUniqueViolation(error)) throw new DomainError("IMPORT_CONFLICT", { id: record.id }, 409);
      throw error;
    }
  } finally {
    await sink.dispose();
  }
  const result = loaded as Loaded | null;
  if (result && (finalState === "applied" || finalState === "checked" || finalState === "rejected")) {
    const screening = await screen(d, record, result, context);
    await store.updateImport(d.db, record.id, {
      summary: summaryOf(result, { applied: finalState === "applied", screening }),
    });
  }
  return { importId: record.id, state: finalState };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "23505" || e.cause?.code === "23505";
}

// Overlap screening ------------------------------------------------------------------------------------------

function linkageOf(r: ScreeningRecord): LinkageRecord {
  return {
    source: "file",
    recordId: String(r.row),
    nik: r.nik,
    kk: r.kk,
    name: r.name,
    birthDate: r.birthDate,
    sex: r.sex,
    address: r.address,
    villageCode: r.villageCode,
    rt: r.rt,
    rw: r.rw,
    phone: r.phone,
  };
}

/**
 * After loading: the file's rows against each other and against the registry of the same kecamatan, through
 * the overlap engine (a mistyped NIK, a name written another way). Findings are warnings on the rows; the
 * overlap review queue decides.
 */
async function screen(
  d: ImportDeps,
  record: ImportRow,
  loaded: Loaded,
  context: JobContext,
): Promise<Record<string, unknown>> {
  const rows = loaded.screening;
  if (loaded.totals?.screeningSkipped)
    return { ran: false, reason: "too_many_rows", limit: d.screeningLimit };
  if (rows.length === 0) return { ran: false, reason: "no_rows" };
  context.progress({ stage: "screen", done: 0, total: null });
  const districts = [...new Set(rows.map((r) => r.villageCode.slice(0, 8)))];
  const registry = await registryPersons(d, districts, d.screeningLimit - rows.length, loaded.createdIds);
  const linked = linkLists(
    rows.map(linkageOf),
    registry.map((p) => p.record),
    {
      minProbability: 0.9,
    },
  );
  const issues: IssueAt[] = [];
  const nikColumn = loaded.header?.mapping.nik ?? loaded.header?.mapping.name ?? null;
  const nameColumn = loaded.header?.mapping.name ?? null;
  for (const pair of linked.between) {
    const row = rows[pair.left] as ScreeningRecord;
    const person = registry[pair.right] as { id: string; name: string };
    if (loaded.knownPairs.get(row.row) === person.id) continue;
    issues.push({
      row: row.row,
      column: nameColumn,
      field: null,
      code: "POSSIBLE_REGISTRY_DUPLICATE",
      severity: "warning",
      params: {
        personId: person.id,
        name: person.name,
        probability: Math.round(pair.probability * 1000) / 10,
      },
    });
  }
  for (const pair of linked.withinLeft) {
    const first = rows[pair.left] as ScreeningRecord;
    const second = rows[pair.right] as ScreeningRecord;
    const [earlier, later] = first.row < second.row ? [first, second] : [second, first];
    // The same NIK twice is already an error of its own.
    if (earlier.nik && later.nik && earlier.nik === later.nik) continue;
    issues.push({
      row: later.row,
      column: nikColumn,
      field: null,
      code: "POSSIBLE_DUPLICATE_IN_FILE",
      severity: "warning",
      params: { row: earlier.row, probability: Math.round(pair.probability * 1000) / 10 },
    });
  }
  issues.sort((a, b) => a.row - b.row);
  await store.insertIssues(d.db, record.id, issues);
  context.progress({ stage: "screen", done: 1, total: 1 });
  return {
    ran: true,
    registryCompared: registry.length,
    possibleRegistryDuplicates: issues.filter((i) => i.code === "POSSIBLE_REGISTRY_DUPLICATE").length,
    possibleFileDuplicates: issues.filter((i) => i.code === "POSSIBLE_DUPLICATE_IN_FILE").length,
  };
}

async function registryPersons(d: ImportDeps, districts: string[], limit: number, exclude: Set<string>) {
  const rows = await store.personsOfDistricts(d.db, districts, Math.max(0, limit) + exclude.size);
  const { vault } = d.env;
  const open = (field: "nik" | "kk" | "phone", sealed: Uint8Array | null) =>
    sealed ? vault.open(field, sealed) : null;
  return rows
    .filter((p) => !exclude.has(p.id))
    .slice(0, Math.max(0, limit))
    .map((p) => ({
      id: p.id,
      name: p.name,
      record: {
        source: "registry",
        recordId: p.id,
        nik: open("nik", p.nikCipher),
        kk: open("kk", p.kkCipher),
        name: p.name,
        birthDate: p.birthDate,
        sex: p.sex,
        address: p.address,
        villageCode: p.villageCode,
        rt: p.rt,
        rw: p.rw,
        phone: open("phone", p.phoneCipher),
        birthPlace: p.birthPlace,
      } satisfies LinkageRecord,
    }));
}

// Report ----------------------------------------------------------------------------------------------------

export interface ReportRequest {
  format: "csv" | "xlsx";
  language: Language;
  translate(code: string, params: MessageParams, language: Language): string;
}

/** Checks that the report can be written (the import finished, its file is still kept) before any byte is sent. */
export async function reportSource(d: ImportDeps, caller: Caller, importId: string): Promise<ImportRow> {
  const record = await visibleImport(d, caller.actor, importId);
  const size = await uploadSize(d.uploads, record.storedAs);
  if (record.state === "queued" || record.state === "running" || size === null) {
    throw new DomainError("IMPORT_REPORT_UNAVAILABLE", { id: importId }, 409);
  }
  return record;
}

export async function writeReport(
  d: ImportDeps,
  record: ImportRow,
  out: Writable,
  request: ReportRequest,
): Promise<void> {
  const layout = (record.layout ?? {}) as { headerRow?: number; headers?: string[]; delimiter?: string };
  const problem = record.problem as {
    code: string;
    row: number;
    column: number;
    params: MessageParams;
  } | null;
  await writeImportReport(out, {
    source: fileSource(d.uploads.path(record.storedAs), record.fileBytes),
    limits: d.limits,
    sheetName: record.sheetName,
    format: request.format,
    delimiter: request.format === "csv" ? (layout.delimiter ?? ",") : ",",
    headerRow: layout.headerRow ?? null,
    headers: layout.headers ?? [],
    notes: (record.notes ?? []) as unknown as FileNote[],
    problem,
    issuesInRows: (from, to) => store.issuesInRows(d.db, record.id, from, to),
    translate: request.translate,
    language: request.language,
  });
}
