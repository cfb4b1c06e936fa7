/** Overlap screening of an imported list: its rows against each other and against the registry. */
import { giveWay } from "../db/index.ts";
import type { JobContext } from "../jobs/index.ts";
import type { LinkageRecord } from "../matching/index.ts";
import { linkageRecordOf, matchAgainstRegistry, registryIndex } from "../matching/registry-index.ts";
import type { ImportDeps } from "./deps.ts";
import { linkLists } from "./linkage.ts";
import { linkListsOnWorker } from "./linkage-worker.ts";
import type { Loaded } from "./load.ts";
import type { IssueAt, ScreeningRecord } from "./prepare.ts";
import type { ImportRow } from "./schema.ts";
import * as store from "./store.ts";

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
export async function screen(
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
  const linked =
    rows.length <= SMALL_FILE_ROWS
      ? await screenSmall(d, rows, districts, loaded.createdIds)
      : await screenLarge(d, rows, districts, loaded.createdIds);
  const registry = linked.registry;
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
    registryCompared: linked.compared,
    possibleRegistryDuplicates: issues.filter((i) => i.code === "POSSIBLE_REGISTRY_DUPLICATE").length,
    possibleFileDuplicates: issues.filter((i) => i.code === "POSSIBLE_DUPLICATE_IN_FILE").length,
  };
}

/**
 * Up to this many rows are screened through the registry's match index (built once per process, kept current),
 * one query per row; above it, the kecamatan's persons are read and linked with the file in one batch. A
 * handful of rows used to pay for reading and decrypting a whole kecamatan and training a model (seconds).
 */
const SMALL_FILE_ROWS = 500;

/** Registry persons read per query for a large file's screening. */
const REGISTRY_PAGE_ROWS = 1_000;

interface Screened {
  registry: { id: string; name: string }[];
  between: { left: number; right: number; probability: number }[];
  withinLeft: { left: number; right: number; probability: number }[];
  /** How many registry persons the rows were compared with. */
  compared: number;
}

async function screenSmall(
  d: ImportDeps,
  rows: readonly ScreeningRecord[],
  districts: readonly string[],
  exclude: Set<string>,
): Promise<Screened> {
  const registry: { id: string; name: string }[] = [];
  const positionOf = new Map<string, number>();
  const between: Screened["between"] = [];
  const inDistricts = new Set(districts);
  for (const [left, row] of rows.entries()) {
    const { source: _source, recordId: _recordId, ...record } = linkageOf(row);
    const found = await matchAgainstRegistry(d, record, { limit: 20, minProbability: 0.9 });
    for (const candidate of found) {
      if (exclude.has(candidate.personId)) continue;
      if (!inDistricts.has(candidate.record.villageCode?.slice(0, 8) ?? "")) continue;
      let right = positionOf.get(candidate.personId);
      if (right === undefined) {
        right = registry.push({ id: candidate.personId, name: candidate.record.name ?? "" }) - 1;
        positionOf.set(candidate.personId, right);
      }
      between.push({ left, right, probability: candidate.probability });
    }
  }
  const state = await registryIndex(d);
  const within = linkLists(rows.map(linkageOf), [], { minProbability: 0.9, model: state.index.model });
  return { registry, between, withinLeft: within.withinLeft, compared: state.latest.size };
}

async function screenLarge(
  d: ImportDeps,
  rows: readonly ScreeningRecord[],
  districts: string[],
  exclude: Set<string>,
): Promise<Screened> {
  const registry = await registryPersons(d, districts, d.screeningLimit - rows.length, exclude);
  const linked = await linkListsOnWorker(
    rows.map(linkageOf),
    registry.map((p) => p.record),
    { minProbability: 0.9 },
  );
  return { registry, between: linked.between, withinLeft: linked.withinLeft, compared: registry.length };
}

async function registryPersons(d: ImportDeps, districts: string[], limit: number, exclude: Set<string>) {
  const { vault } = d.env;
  const found: { id: string; name: string; record: LinkageRecord }[] = [];
  let after: string | null = null;
  // Read and opened page by page with a turn between pages: on PGlite one read of a whole kecamatan, then its
  // decryption, held the one connection and the main thread for seconds at 100,000 persons.
  while (found.length < limit) {
    const page = await store.personsOfDistricts(d.db, districts, REGISTRY_PAGE_ROWS, after);
    for (const p of page) {
      if (exclude.has(p.id) || found.length >= limit) continue;
      found.push({
        id: p.id,
        name: p.name,
        record: linkageRecordOf(p, vault),
      });
    }
    after = page.at(-1)?.id ?? null;
    if (page.length < REGISTRY_PAGE_ROWS) break;
    await giveWay();
  }
  return found;
}
