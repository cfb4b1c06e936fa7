/**
 * Reading a list for the import job: the file is read, checked row by row against the registry and, for an
 * apply, staged batch by batch; what was read is summed up for the import record.
 */
import { createHash, randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import type { AreaScope } from "../access/area.ts";
import type { AuditActor } from "../audit/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { JobContext } from "../jobs/index.ts";
import { normaliseName } from "../matching/index.ts";
import type { ImportDeps } from "./deps.ts";
import { collectGarbage } from "./heap.ts";
import type { IssueSink } from "./issue-sink.ts";
import { ENROLLMENT_COLUMNS, encodeRow, type PayloadFormat } from "./payload.ts";
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
import type { ImportRow } from "./schema.ts";
import * as store from "./store.ts";

export const IMPORT_JOB = "import";

export interface ImportJobParams extends Record<string, unknown> {
  importId: string;
  actor: AuditActor;
  area: AreaScope;
  requestId: string | null;
}

/** Ends the transaction without committing: a rejected file or a check leaves the database as it was. */
export class RollBack extends Error {
  constructor(
    readonly state: "rejected" | "checked",
    readonly loaded: Loaded | null = null,
  ) {
    super(state);
  }
}

export interface Loaded {
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

export function settingsOf(d: ImportDeps, record: ImportRow, params: ImportJobParams): PrepareSettings {
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
    enrolling: Boolean(record.periodId),
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
  const source = d.uploads.source(record.storedAs, record.fileBytes);
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

/** Takes one batch's rows for the staging table (an apply); a check passes none and writes nothing. */
export type Stage = (rows: { persons: string[]; enrollments: string[] }) => Promise<void>;

/**
 * Reads the file and checks each batch against the registry. Each look-up is a short query of its own and an
 * apply's rows go to the staging table in a short transaction per batch, so on PGlite, one connection, other
 * requests are answered between batches instead of after the file.
 */
export async function load(
  d: ImportDeps,
  stage: Stage | null,
  record: ImportRow,
  settings: PrepareSettings,
  sink: IssueSink,
  context: JobContext,
): Promise<Loaded> {
  const db = d.db;
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
        db,
        event.rows.flatMap((r) => (r.nikIndex ? [r.nikIndex] : [])),
      );
      const fresh = event.rows.filter((r) => !(r.nikIndex && existing.has(r.nikIndex)));
      const known = event.rows.filter((r) => r.nikIndex && existing.has(r.nikIndex));
      const staged = { persons: fresh.map((r) => r.payload), enrollments: [] as string[] };
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
            db,
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
        if (stage)
          staged.enrollments = enrolling.map((e) =>
            encodeRow(
              ENROLLMENT_COLUMNS,
              [randomUUID(), e.personId, programId, periodId, "submitted", e.villageCode, e.districtCode],
              enrollmentFormat,
            ),
          );
        loaded.enrollmentsCreated += enrolling.length;
      }
      if (stage) await stage(staged);
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

export function summaryOf(loaded: Loaded, extra: Record<string, unknown> = {}): Record<string, unknown> {
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

export function layoutOf(header: HeaderInfo | null): Record<string, unknown> | null {
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

export async function persistIssues(d: ImportDeps, importId: string, sink: IssueSink): Promise<void> {
  await d.db.transaction(async (tx) => {
    for await (const batch of sink.batches(5000)) await store.insertIssues(tx, importId, batch);
  });
}
