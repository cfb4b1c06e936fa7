/** Applying a checked list: stage it chunk by chunk, then publish the staged chunks into the registry. */
import type { Json } from "../audit/index.ts";
import { type Executor, giveWay } from "../db/index.ts";
import type { JobContext } from "../jobs/index.ts";
import type { ImportDeps } from "./deps.ts";
import type { IssueSink } from "./issue-sink.ts";
import {
  type ImportJobParams,
  type Loaded,
  layoutOf,
  load,
  RollBack,
  type Stage,
  summaryOf,
} from "./load.ts";
import { type ColumnSpec, ENROLLMENT_COLUMNS, PERSON_COLUMNS } from "./payload.ts";
import type { PrepareSettings } from "./prepare.ts";
import type { ImportRow } from "./schema.ts";
import * as staging from "./staging.ts";
import * as store from "./store.ts";

/**
 * An apply in two halves, so that on the embedded database (one connection) no transaction holds it for the
 * length of a list (issue 12, M6). First the list is read, checked and staged chunk by chunk, each chunk a short
 * transaction the registry cannot see: an interruption or a refused file leaves nothing visible, and a retry
 * starts over. Then one short transaction takes the point of no return: the findings, the summary and the
 * closing audit record are fixed and `staged_chunks` is set. From there the list is only rolled forward:
 * each chunk moves into persons/enrollments with the progress marker in the same transaction, and a retry after
 * an interruption resumes at the marker. The import reads "applied", with its audit entry, only in the
 * transaction that moves the last chunk, so a list is never shown as applied while half of it is in.
 */
export async function stageApply(
  d: ImportDeps,
  record: ImportRow,
  settings: PrepareSettings,
  sink: IssueSink,
  context: JobContext,
): Promise<{ duplicateOf: string; summary: Record<string, unknown> | null } | { loaded: Loaded }> {
  const prior = await staging.findRivalImport(d.db, record.id, record.contentHash, record.targetKey);
  if (prior) return { duplicateOf: prior.id, summary: prior.summary };
  let chunks = 0;
  // A read batch is cut into chunks of PUBLISH_ROWS, each staged in a transaction of its own (a whole batch in
  // one held PGlite for a third of a second and more), with a rest as in publishStaged, and published in one later.
  const stage: Stage = async (rows) => {
    const count = Math.max(rows.persons.length, rows.enrollments.length);
    for (let from = 0; from < count; from += PUBLISH_ROWS) {
      const chunk = chunks++;
      const started = performance.now();
      await d.db.transaction(async (tx) => {
        await staging.stageChunk(
          tx,
          record.id,
          chunk,
          "persons",
          rows.persons.slice(from, from + PUBLISH_ROWS),
        );
        await staging.stageChunk(
          tx,
          record.id,
          chunk,
          "enrollments",
          rows.enrollments.slice(from, from + PUBLISH_ROWS),
        );
      });
      await giveWay(performance.now() - started);
    }
  };
  const loaded = await load(d, stage, record, settings, sink, context);
  const errors = loaded.totals?.errors ?? 0;
  if (errors > 0 && record.invalidRows === "reject_file") {
    await staging.dropStaged(d.db, record.id);
    throw new RollBack("rejected", loaded);
  }
  const rival = await d.db.transaction(async (tx) => {
    await store.lockImports(tx);
    // Another try of the same file may have got here first while this one was staging.
    const other = await staging.findRivalImport(tx, record.id, record.contentHash, record.targetKey);
    if (other) return other;
    for await (const batch of sink.batches(5000)) await store.insertIssues(tx, record.id, batch);
    await store.updateImport(tx, record.id, {
      layout: layoutOf(loaded.header),
      summary: summaryOf(loaded),
      notes: loaded.notes as unknown as Record<string, unknown>[],
      stagedChunks: chunks,
      publishedChunks: 0,
      applyRecord: {
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
    });
    return null;
  });
  if (rival) {
    await staging.dropStaged(d.db, record.id);
    return { duplicateOf: rival.id, summary: rival.summary };
  }
  return { loaded };
}

/**
 * Rows per published chunk: small enough that a request arriving meanwhile on PGlite waits well under the
 * 500 ms the drill allows, large enough that the per-transaction cost stays small beside the load itself.
 */
const PUBLISH_ROWS = 250;

/** Rolls a staged list forward from its marker to the end; see stageApply. */
export async function publishStaged(d: ImportDeps, importId: string, context: JobContext): Promise<void> {
  const record = await store.getImport(d.db, importId);
  if (!record || record.stagedChunks === null) throw new Error("publishing an import that was not staged");
  const total = record.stagedChunks;
  const statistics = d.kind === "pglite" ? await plannerStatistics(d) : null;
  // Past the point of no return a cancel is not honoured: stopping half-way would leave half a list.
  for (let chunk = record.publishedChunks; chunk < total; chunk++) {
    const started = performance.now();
    const published = await d.db.transaction(async (tx) => {
      const rows = await staging.stagedChunk(tx, importId, chunk);
      await publishRows(d, tx, "persons", PERSON_COLUMNS, rows.persons);
      await publishRows(d, tx, "enrollments", ENROLLMENT_COLUMNS, rows.enrollments);
      await staging.dropStaged(tx, importId, chunk);
      await store.updateImport(tx, importId, { publishedChunks: chunk + 1 });
      return rows.persons.length;
    });
    await statistics?.published(published, chunk + 1 === total);
    context.progress({
      stage: "publish",
      done: chunk + 1,
      total,
      detail: { rows: Math.round(((chunk + 1) / total) * Number(record.applyRecord?.rows ?? 0)) },
    });
    // Rests as long as the chunk held the connection, as autovacuum's cost delay does: requests find it free at
    // least half the time even when a busy machine slows both (at load 5 on 2 cores, p95 745 ms without this).
    await giveWay(performance.now() - started);
  }
  await d.db.transaction(async (tx) => {
    await store.updateImport(tx, importId, { state: "applied", finishedAt: new Date() });
    await d.audit.append(tx, {
      actor: (context.params as ImportJobParams).actor,
      action: "import.apply",
      entity: "import",
      entityId: importId,
      area: null,
      after: (record.applyRecord ?? {}) as Record<string, Json>,
      requestId: (context.params as ImportJobParams).requestId,
    });
  });
}

/**
 * PGlite runs no autovacuum, so nothing else gathers the registry's statistics: a planner that never saw the
 * persons a list brought plans a name search as a scan and sort of every person (a search for "siti" took 150 ms
 * at 300,000 persons, sent four times a second by the drill, against 20 ms along the name index). They are
 * gathered each time the list has doubled the persons last analysed, and at the end, from a small sample (about
 * 60 ms at 100,000 persons; the default sample took ten times as long in one transaction).
 */
async function plannerStatistics(d: ImportDeps) {
  let analysed = await store.estimatedPersons(d.db);
  let since = 0;
  const analyse = async () => {
    await store.analyzeRegistry(d.db, ANALYZE_STATISTICS_TARGET);
    analysed += since;
    since = 0;
    await giveWay();
  };
  return {
    async published(persons: number, last: boolean): Promise<void> {
      since += persons;
      if (since >= Math.max(analysed, ANALYZE_MIN_ROWS) || (last && since > 0)) await analyse();
    },
  };
}

/** Persons published before the first analysis: fewer say little about names. */
const ANALYZE_MIN_ROWS = 1_000;
/** Sampled rows are 300 times this (PostgreSQL's rule); 10 still tells the planner a name search's selectivity. */
const ANALYZE_STATISTICS_TARGET = 10;

/**
 * Moves one staged chunk in. A person registered at the desk (or an enrollment made) since the list was staged
 * would make the bulk load fail on its NIK or its (person, period) pair for ever; that chunk then goes in row by
 * row and the clashing rows are left out, so the roll-forward always finishes.
 */
async function publishRows(
  d: ImportDeps,
  tx: Executor,
  table: "persons" | "enrollments",
  columns: readonly ColumnSpec[],
  payloads: readonly string[],
): Promise<void> {
  if (payloads.length === 0) return;
  try {
    await tx.transaction((sp) => store.bulkInsert(sp, d.kind, table, columns, payloads));
  } catch (error) {
    if (!isUniqueViolation(error) && !isForeignKeyViolation(error)) throw error;
    for (const payload of payloads) {
      await tx
        .transaction((sp) => store.bulkInsert(sp, d.kind, table, columns, [payload]))
        .catch((e: unknown) => {
          if (!isUniqueViolation(e) && !isForeignKeyViolation(e)) throw e;
        });
    }
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "23503" || e.cause?.code === "23503";
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "23505" || e.cause?.code === "23505";
}
