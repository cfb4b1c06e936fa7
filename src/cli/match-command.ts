/**
 * `salur match FILE.csv [FILE.csv ...] --out DIR`: the batch overlap check. Reads the lists (streaming CSV),
 * runs the matching engine and writes clusters.csv, pairs.csv and summary.json. All file I/O lives here; the
 * engine in src/matching is pure.
 */

import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { parse } from "csv-parse";
import { DomainError } from "../i18n/domain-error.ts";
import { createTranslator } from "../i18n/index.ts";
import { workerBootstrap } from "../jobs/worker-thread.ts";
import {
  COMPARED_FIELDS,
  decodePattern,
  FeatureTable,
  FIELD_LEVELS,
  type LinkageRecord,
  type LinkResult,
  type LinkStage,
  linkTable,
  probabilityOf,
  weightOf,
} from "../matching/index.ts";
import { MATCHING_MESSAGES } from "../matching/messages.ts";

/** Input columns the command understands; any subset, in any order. */
export const MATCH_INPUT_COLUMNS = [
  "source",
  "record_id",
  "nik",
  "kk",
  "name",
  "birth_place",
  "birth_date",
  "sex",
  "address",
  "village_code",
  "rt",
  "rw",
  "phone",
  "other_id",
  "postcode",
] as const;

export interface MatchCommandOptions {
  out: string;
  matchThreshold?: number;
  reviewThreshold?: number;
  seed?: number;
  /** Show a progress bar (default: when stderr is a terminal). */
  progress?: boolean;
  /**
   * Parse the CSV files on a worker thread while this thread normalises the rows already parsed (default
   * true): on two cores, reading and normalising then overlap instead of adding up.
   */
  parseInWorker?: boolean;
}

export interface MatchSummary {
  inputs: { file: string; records: number }[];
  records: number;
  sources: Record<string, number>;
  candidatePairs: number;
  blocking: LinkResult["candidates"]["rules"];
  /** review includes refusedToReview: links the chaining guard refused, sent to review with the reason. */
  pairs: { linked: number; review: number; written: number; refusedToReview: number };
  clusters: { count: number; withSeveralRecords: number; recordsInSharedClusters: number; largest: number };
  guard: { rejectedMerges: number };
  timingsMs: Record<"read" | LinkStage | "write" | "total", number>;
  peakMemory: { rssBytes: number; rssMiB: number };
  /** CPU time of the whole process (both threads): on a shared machine, less noisy than wall time. */
  cpuTimeMs: { user: number; system: number };
  model: LinkResult["model"];
  /**
   * What the run could not use, so that a list without NIK or desa does not pass as checked: columns it does
   * not know, NIK values it rejected, and too few blocking rules that found anything.
   */
  warnings: MatchWarning[];
}

export type MatchWarning =
  | { code: "MATCH_UNKNOWN_COLUMNS"; file: string; columns: string[] }
  | { code: "MATCH_NIK_REJECTED"; records: number }
  | { code: "MATCH_FEW_BLOCKING_RULES"; rulesWithPairs: string[] };

const translateMatch = createTranslator(MATCHING_MESSAGES);

const STAGE_LABELS: Record<LinkStage | "read" | "write", string> = {
  read: "baca / read",
  normalise: "normalisasi / normalise",
  block: "blocking",
  compare: "bandingkan / compare",
  train: "latih model / train",
  score: "skor / score",
  cluster: "klaster / cluster",
  write: "tulis / write",
};

export function registerMatchCommand(program: Command): void {
  program
    .command("match")
    .description(
      "Cari orang yang sama di beberapa daftar (tumpang tindih) / find the same person across lists (overlaps)",
    )
    .argument("<files...>", "CSV files (UTF-8, with a header)")
    .requiredOption("--out <dir>", "output directory for clusters.csv, pairs.csv and summary.json")
    .option(
      "--match-threshold <probability>",
      "link pairs at or above this probability (default 0.9)",
      Number,
    )
    .option("--review-threshold <probability>", "pairs at or above this go to review (default 0.5)", Number)
    .option("--seed <number>", "seed for sampling random pairs", Number)
    .action(async (files: string[], options: MatchCommandOptions) => {
      const summary = await runMatch(files, options);
      if (!(options.progress ?? process.stderr.isTTY)) return;
      const seconds = (summary.timingsMs.total / 1000).toFixed(1);
      process.stderr.write(
        `${summary.records} data, ${summary.clusters.count} orang/persons, ${summary.pairs.linked} pasangan digabung/linked, ` +
          `${summary.pairs.review} perlu diperiksa/for review — ${seconds} s\n`,
      );
    });
}

/** Runs the whole command; exported so benchmarks and tests call exactly what the CLI calls. */
export async function runMatch(
  files: readonly string[],
  options: MatchCommandOptions,
): Promise<MatchSummary> {
  const started = performance.now();
  const showProgress = options.progress ?? process.stderr.isTTY === true;
  const bar = showProgress
    ? new SingleBar({ format: " {stage} [{bar}] {percentage}%", hideCursor: true, stream: process.stderr })
    : null;
  let barStage = "";
  const progress = (stage: LinkStage | "read" | "write", done: number, total: number) => {
    if (!bar) return;
    if (stage !== barStage) {
      if (barStage) bar.stop();
      barStage = stage;
      bar.start(Math.max(1, total), 0, { stage: STAGE_LABELS[stage].padEnd(24) });
    }
    bar.update(done);
  };

  for (const [name, value] of [
    ["match-threshold", options.matchThreshold],
    ["review-threshold", options.reviewThreshold],
  ] as const)
    if (value !== undefined && !(value > 0 && value < 1))
      throw new DomainError("MATCH_THRESHOLD_INVALID", { name, value });
  if ((options.reviewThreshold ?? 0.5) > (options.matchThreshold ?? 0.9))
    throw new DomainError("MATCH_THRESHOLDS_ORDER", {
      review: options.reviewThreshold ?? 0.5,
      match: options.matchThreshold ?? 0.9,
    });
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (s) => s.size,
        () => {
          throw new DomainError("MATCH_INPUT_NOT_FOUND", { file }, 404);
        },
      ),
    ),
  );
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const table = new FeatureTable(1 << 16);
  const records = table.records;
  let normaliseMs = 0;
  const readers = files.map((file) => new ListReader(file));
  const takeRows = (file: number, rows: readonly string[][], bytesSoFar: number) => {
    const reader = readers[file] as ListReader;
    const start = performance.now();
    for (const cells of rows) {
      const record = reader.take(cells);
      if (!record) continue;
      table.add(record);
    }
    normaliseMs += performance.now() - start;
    progress("read", bytesSoFar, totalBytes);
  };
  if (options.parseInWorker ?? true) await parseInWorker(files, takeRows);
  else await parseHere(files, takeRows);
  const readDone = performance.now();
  const inputs: MatchSummary["inputs"] = readers.map((reader) => ({
    file: reader.file,
    records: reader.records,
  }));

  const result = linkTable(table, {
    now: () => performance.now(),
    onProgress: progress,
    ...(options.matchThreshold !== undefined ? { matchThreshold: options.matchThreshold } : {}),
    ...(options.reviewThreshold !== undefined ? { reviewThreshold: options.reviewThreshold } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  result.timings.normalise = normaliseMs;

  const writeStarted = performance.now();
  progress("write", 0, 3);
  await mkdir(options.out, { recursive: true });
  const keys = keyCells(records);
  await writeClusters(join(options.out, "clusters.csv"), keys, result.clusterOf);
  progress("write", 1, 3);
  const pairCounts = await writePairs(join(options.out, "pairs.csv"), keys, result);
  progress("write", 2, 3);

  const sources: Record<string, number> = {};
  for (const record of records) sources[record.source] = (sources[record.source] ?? 0) + 1;
  const clusterSizes = new Int32Array(result.clusterCount);
  for (const c of result.clusterOf) clusterSizes[c] = (clusterSizes[c] as number) + 1;
  let withSeveralRecords = 0;
  let recordsInSharedClusters = 0;
  for (const size of clusterSizes)
    if (size > 1) {
      withSeveralRecords++;
      recordsInSharedClusters += size;
    }
  const finished = performance.now();
  const usage = process.resourceUsage();
  const rssBytes = usage.maxRSS * 1024;
  const summary: MatchSummary = {
    inputs,
    records: records.length,
    sources,
    candidatePairs: result.candidates.count,
    blocking: result.candidates.rules,
    pairs: pairCounts,
    clusters: {
      count: result.clusterCount,
      withSeveralRecords,
      recordsInSharedClusters,
      largest: result.largestCluster,
    },
    guard: { rejectedMerges: result.rejectedMerges },
    // read = wall time until every row is parsed and normalised; normalise = this thread's share of it.
    timingsMs: {
      read: round(readDone - started),
      ...(Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, round(v)])) as Record<
        LinkStage,
        number
      >),
      write: round(finished - writeStarted),
      total: round(finished - started),
    },
    peakMemory: { rssBytes, rssMiB: Math.round(rssBytes / 1048576) },
    cpuTimeMs: { user: round(usage.userCPUTime / 1000), system: round(usage.systemCPUTime / 1000) },
    model: result.model,
    warnings: matchWarnings(readers, table, result),
  };
  if (showProgress)
    for (const warning of summary.warnings) {
      const params = {
        file: "file" in warning ? warning.file : "",
        columns: "columns" in warning ? warning.columns.join(", ") : "",
        records: "records" in warning ? warning.records : "",
        rules: "rulesWithPairs" in warning ? warning.rulesWithPairs.join(", ") || "–" : "",
      };
      process.stderr.write(
        `peringatan: ${translateMatch(warning.code, params, "id")}\nwarning: ${translateMatch(warning.code, params, "en")}\n`,
      );
    }
  await writeFile(join(options.out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  progress("write", 3, 3);
  bar?.stop();
  return summary;
}

const round = (ms: number) => Math.round(ms);

/** Fewer rules than this finding pairs means most damage to one field loses the true pair. */
const FEW_RULES = 3;

function matchWarnings(
  readers: readonly ListReader[],
  table: FeatureTable,
  result: LinkResult,
): MatchWarning[] {
  const warnings: MatchWarning[] = [];
  for (const reader of readers)
    if (reader.unknownColumns.length > 0)
      warnings.push({ code: "MATCH_UNKNOWN_COLUMNS", file: reader.file, columns: reader.unknownColumns });
  let rejected = 0;
  for (let i = 0; i < table.size; i++) if (table.records[i]?.nik?.trim() && !table.nik[i]) rejected++;
  if (rejected > 0) warnings.push({ code: "MATCH_NIK_REJECTED", records: rejected });
  const rulesWithPairs = result.candidates.rules.filter((rule) => rule.pairs > 0).map((rule) => rule.rule);
  if (table.size > 1 && rulesWithPairs.length < FEW_RULES)
    warnings.push({ code: "MATCH_FEW_BLOCKING_RULES", rulesWithPairs });
  return warnings;
}

/** Indonesian headers a list may carry for the same columns. */
const HEADER_ALIASES: Record<string, string> = { kode_pos: "postcode", kodepos: "postcode" };

function normaliseHeader(header: string): string {
  const normalised = header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return HEADER_ALIASES[normalised] ?? normalised;
}

const CSV_OPTIONS = { bom: true, columns: false, relax_column_count: true, skip_empty_lines: true } as const;
const BATCH_ROWS = 5000;
const WORKER_ROLE = "salur-match-csv-parser";

type RowSink = (file: number, rows: readonly string[][], bytesSoFar: number) => void | Promise<void>;
/** Batches the parser may run ahead of the normaliser: bounds the memory held in messages in flight. */
const BATCHES_IN_FLIGHT = 8;

/** One input list: maps its header to the known columns; source defaults to the file name, record_id to the row. */
class ListReader {
  /** Position of each known column in this file's rows, -1 when the file lacks it. */
  private at: Record<(typeof MATCH_INPUT_COLUMNS)[number], number> | null = null;
  private readonly defaultSource: string;
  records = 0;
  /** Header cells that name no known column: reported, never silently dropped. */
  unknownColumns: string[] = [];

  constructor(readonly file: string) {
    this.defaultSource = basename(file, extname(file));
  }

  /** The record of a data row, or null for the header row. */
  take(cells: readonly string[]): LinkageRecord | null {
    const at = this.at;
    if (!at) {
      const headers = cells.map(normaliseHeader);
      const known = new Set<string>(MATCH_INPUT_COLUMNS);
      this.unknownColumns = headers.filter((header) => header && !known.has(header));
      this.at = Object.fromEntries(
        MATCH_INPUT_COLUMNS.map((column) => [column, headers.indexOf(column)]),
      ) as Record<(typeof MATCH_INPUT_COLUMNS)[number], number>;
      return null;
    }
    this.records++;
    const cell = (index: number) => (index < 0 ? null : cells[index] || null);
    return {
      source: cell(at.source)?.trim() || this.defaultSource,
      recordId: cell(at.record_id)?.trim() || String(this.records),
      nik: cell(at.nik),
      kk: cell(at.kk),
      name: cell(at.name),
      birthPlace: cell(at.birth_place),
      birthDate: cell(at.birth_date),
      sex: cell(at.sex),
      address: cell(at.address),
      villageCode: cell(at.village_code),
      rt: cell(at.rt),
      rw: cell(at.rw),
      phone: cell(at.phone),
      otherId: cell(at.other_id),
      postcode: cell(at.postcode),
    };
  }
}

/** Parses the files in order, handing rows over in batches as they come. */
async function parseFiles(files: readonly string[], sink: RowSink): Promise<void> {
  let bytesBefore = 0;
  for (let f = 0; f < files.length; f++) {
    const input = createReadStream(files[f] as string);
    let batch: string[][] = [];
    for await (const cells of input.pipe(parse(CSV_OPTIONS)) as AsyncIterable<string[]>) {
      batch.push(cells);
      if (batch.length === BATCH_ROWS) {
        await sink(f, batch, bytesBefore + input.bytesRead);
        batch = [];
      }
    }
    bytesBefore += input.bytesRead;
    await sink(f, batch, bytesBefore);
  }
}

const parseHere = (files: readonly string[], sink: RowSink) => parseFiles(files, sink);

/**
 * Parsing on a worker thread: this very module, loaded again inside the worker (through tsx when running from
 * source), posts row batches back. Falls back to parsing here if a worker cannot be started.
 */
async function parseInWorker(files: readonly string[], sink: RowSink): Promise<void> {
  let bootstrap: string;
  try {
    bootstrap = workerBootstrap(import.meta.url);
  } catch {
    return parseHere(files, sink);
  }
  const worker = new Worker(bootstrap, { eval: true, workerData: { role: WORKER_ROLE, files } });
  await new Promise<void>((resolve, reject) => {
    worker.on("message", (message: { file: number; rows: string[][]; bytes: number; done?: boolean }) => {
      try {
        void sink(message.file, message.rows, message.bytes);
        worker.postMessage("ack");
      } catch (error) {
        reject(error);
        void worker.terminate();
        return;
      }
      if (message.done) resolve();
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (code !== 0) reject(new Error(`CSV parser worker stopped with exit code ${code}`));
    });
  });
  await worker.terminate();
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE && parentPort) {
  const port = parentPort;
  const files = (workerData as { files: string[] }).files;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on("message", () => {
    inFlight--;
    wake?.();
    wake = null;
  });
  let lastFile = -1;
  parseFiles(files, async (file, rows, bytes) => {
    lastFile = file;
    port.postMessage({ file, rows, bytes });
    inFlight++;
    if (inFlight >= BATCHES_IN_FLIGHT)
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
  })
    .then(() => {
      port.postMessage({ file: Math.max(0, lastFile), rows: [], bytes: 0, done: true });
      port.close();
    })
    .catch((error: unknown) => {
      // Rethrown outside the promise so the worker's "error" event carries it to the main thread.
      setImmediate(() => {
        throw error;
      });
    });
}

const NEEDS_QUOTES = /[",\n\r]/;

function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Buffered writes with backpressure: lines joined in chunks, so a million lines cost a few dozen writes. */
async function writeLines(path: string, header: string, lines: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  let chunk: string[] = [header];
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length === 20_000) {
      if (!stream.write(`${chunk.join("\n")}\n`)) await once(stream, "drain");
      chunk = [];
    }
  }
  stream.end(chunk.length ? `${chunk.join("\n")}\n` : "");
  await once(stream, "finish");
}

/** "source,record_id" of every record, escaped once: both output files repeat them. */
function keyCells(records: readonly LinkageRecord[]): string[] {
  const sources = new Map<string, string>();
  return records.map((record) => {
    let source = sources.get(record.source);
    if (source === undefined) {
      source = csvCell(record.source);
      sources.set(record.source, source);
    }
    return `${source},${csvCell(record.recordId)}`;
  });
}

async function writeClusters(path: string, keys: readonly string[], clusterOf: Int32Array) {
  function* lines() {
    for (let i = 0; i < keys.length; i++) yield `${keys[i]},${(clusterOf[i] as number) + 1}`;
  }
  await writeLines(path, "source,record_id,cluster_id", lines());
}

/** Fixed decimals without toFixed, which is slow enough to matter over a million lines. */
function fixed(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  const scaled = Math.round(Math.abs(value) * scale);
  const whole = Math.floor(scaled / scale);
  const fraction = String(scaled - whole * scale).padStart(decimals, "0");
  return `${value < 0 && scaled > 0 ? "-" : ""}${whole}.${fraction}`;
}

/**
 * Every pair at or above the review threshold, strongest first, with the level of each compared field and the
 * decision: "link", or "review" — below the match threshold, or a link the chaining guard refused, whose
 * reason names the two records that are clearly different people.
 */
async function writePairs(path: string, keys: readonly string[], result: LinkResult) {
  const reviewWeight = weightOf(result.model.reviewThreshold);
  const matchWeight = weightOf(result.model.matchThreshold);
  const { a, b } = result.candidates;
  const refusedReason = new Map<number, string>();
  for (const refused of result.refusedLinks) {
    const recordA = result.table.records[refused.conflictA] as LinkageRecord;
    const recordB = result.table.records[refused.conflictB] as LinkageRecord;
    refusedReason.set(
      refused.pair,
      csvCell(
        `refused_merge: ${recordA.source}/${recordA.recordId} and ${recordB.source}/${recordB.recordId} ` +
          `would join as one person but weigh ${fixed(refused.conflictWeight, 1)}`,
      ),
    );
  }
  const selected: number[] = [];
  let linked = 0;
  for (let k = 0; k < result.weights.length; k++) {
    const weight = result.weights[k] as number;
    if (weight < reviewWeight) continue;
    selected.push(k);
    if (weight >= matchWeight && !refusedReason.has(k)) linked++;
  }
  // Strongest first, ties by canonical rank: the file is the same for any input order.
  const rank = result.rank;
  const weightOfSelected = Float64Array.from(selected, (k) => result.weights[k] as number);
  const rankA = Int32Array.from(selected, (k) => rank[a[k] as number] as number);
  const rankB = Int32Array.from(selected, (k) => rank[b[k] as number] as number);
  const order = Array.from(selected.keys()).sort(
    (x, y) =>
      (weightOfSelected[y] as number) - (weightOfSelected[x] as number) ||
      (rankA[x] as number) - (rankA[y] as number) ||
      (rankB[x] as number) - (rankB[y] as number),
  );
  // The level columns depend on the pattern alone, and a few thousand patterns cover all pairs.
  const levelColumns = new Map<number, string>();
  const levels = new Uint8Array(COMPARED_FIELDS.length);
  const columnsOf = (pattern: number) => {
    let columns = levelColumns.get(pattern);
    if (columns === undefined) {
      decodePattern(pattern, levels);
      columns = COMPARED_FIELDS.map((field, f) => FIELD_LEVELS[field][levels[f] as number]).join(",");
      levelColumns.set(pattern, columns);
    }
    return columns;
  };
  function* lines() {
    for (const position of order) {
      const k = selected[position] as number;
      const weight = result.weights[k] as number;
      const reason = refusedReason.get(k);
      const decision = weight >= matchWeight && reason === undefined ? "link" : "review";
      yield `${keys[a[k] as number]},${keys[b[k] as number]},${fixed(probabilityOf(weight), 6)},${fixed(weight, 3)},${columnsOf(result.patterns[k] as number)},${decision},${reason ?? ""}`;
    }
  }
  const header = [
    "source_a",
    "record_id_a",
    "source_b",
    "record_id_b",
    "match_probability",
    "match_weight",
    ...COMPARED_FIELDS.map((field) => `${field}_level`),
    "decision",
    "reason",
  ].join(",");
  await writeLines(path, header, lines());
  return {
    linked,
    review: selected.length - linked,
    written: selected.length,
    refusedToReview: refusedReason.size,
  };
}
