/**
 * Overlap-detection benchmark: five lists from the demo generator, matched end to end by the real command
 * (`node bin/salur.js match … --out …`, timed from outside), then scored against the generator's truth next to
 * the exact-NIK baseline. Also times one-by-one matching of new registrations against the whole registry.
 *
 *   npx tsx bench/matching.ts --records 100000
 *   npx tsx bench/matching.ts --records 1000000
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateLinkageDataset, type SourceRecord } from "../src/demo/index.ts";
import {
  canonicalRanks,
  createMatchIndex,
  FeatureTable,
  generateCandidatePairs,
  type LinkageRecord,
  type MatchModel,
} from "../src/matching/index.ts";
import { plantRecordsWithoutNik, writeSourceFiles } from "./matching/lists.ts";
import {
  blockingRecall,
  exactNikClusters,
  scoreClustering,
  scoreClusteringInvolving,
  truthIndex,
} from "./matching/metrics.ts";

const { values: args } = parseArgs({
  options: {
    records: { type: "string", default: "100000" },
    sources: { type: "string", default: "5" },
    seed: { type: "string", default: "7" },
    queries: { type: "string", default: "1000" },
    out: { type: "string" },
    // Share of records planted without NIK and KK (half of them also without desa, RT, RW).
    "without-nik": { type: "string", default: "0.1" },
  },
});
const recordCount = Number(args.records);
const queryCount = Number(args.queries);
const seed = Number(args.seed);
const outDir = args.out ?? join("bench", "out", `matching-${recordCount}`);
const inputDir = join(outDir, "input");
const resultDir = join(outDir, "result");

const log = (text: string) => process.stderr.write(`${text}\n`);

// ---- data -------------------------------------------------------------------------------------------------
log(`generating ${recordCount} records (+${queryCount} held-out registrations) in ${args.sources} lists …`);
const dataset = generateLinkageDataset({
  seed,
  records: recordCount + queryCount,
  sources: Number(args.sources),
});
// Held-out registrations: drawn evenly, never written to the lists, later matched one by one.
const heldOut = new Set<number>();
for (let k = 0; k < queryCount; k++)
  heldOut.add(Math.floor(((k + 0.5) * dataset.records.length) / queryCount));
const records: SourceRecord[] = [];
const queries: SourceRecord[] = [];
dataset.records.forEach((record, i) => {
  (heldOut.has(i) ? queries : records).push(record);
});
const planted = plantRecordsWithoutNik(records, Number(args["without-nik"]));
log(`${planted} records planted without NIK and KK (half of them without desa, RT, RW too)`);
const truth = truthIndex(records.map((r) => r.truthId));

await rm(outDir, { recursive: true, force: true });
await mkdir(inputDir, { recursive: true });
const files = await writeSourceFiles(records, inputDir);

// ---- the timed run: the real CLI ----------------------------------------------------------------------------
log(`running: node bin/salur.js match ${files.join(" ")} --out ${resultDir}`);
const loadBefore = loadavg()[0] ?? 0;
const wallStart = performance.now();
const exitCode = await new Promise<number>((resolve, reject) => {
  const child = spawn(process.execPath, ["bin/salur.js", "match", ...files, "--out", resultDir], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("error", reject);
  child.on("exit", (code) => resolve(code ?? 1));
});
const wallSeconds = (performance.now() - wallStart) / 1000;
const loadAfter = loadavg()[0] ?? 0;
if (exitCode !== 0) throw new Error(`salur match exited with ${exitCode}`);
const summary = JSON.parse(await readFile(join(resultDir, "summary.json"), "utf8")) as {
  timingsMs: Record<string, number>;
  peakMemory: { rssBytes: number };
  cpuTimeMs: { user: number; system: number };
  candidatePairs: number;
  model: MatchModel;
  clusters: { count: number };
};

// ---- scoring against truth ----------------------------------------------------------------------------------
// In a function of its own: the clusters, the feature table and the candidate pairs (millions of entries) are
// garbage once scored, so the registrations below are timed in a heap like the server's, not beside them.
function scoreAgainstTruth() {
  const clusterByKey = new Map<string, number>();
  for (const line of readFileSync(join(resultDir, "clusters.csv"), "utf8").split("\n").slice(1)) {
    if (!line) continue;
    const [source, recordId, cluster] = line.split(",");
    clusterByKey.set(`${source}\u0000${recordId}`, Number(cluster));
  }
  const clusterOf = Int32Array.from(records, (r) => {
    const cluster = clusterByKey.get(`${r.source}\u0000${r.recordId}`);
    if (cluster === undefined) throw new Error(`record ${r.source}/${r.recordId} missing from clusters.csv`);
    return cluster;
  });
  const engine = scoreClustering(clusterOf, truth);
  const baseline = scoreClustering(exactNikClusters(records.map((r) => r.nik)), truth);
  // Pairs with at least one record whose NIK is missing (planted or damaged away by the generator).
  const withoutNik = (i: number) => !(records[i] as SourceRecord).nik;
  const engineWithoutNik = scoreClusteringInvolving(clusterOf, truth, withoutNik);

  // Blocking recall: the engine's own candidate generation, on the same records, outside the timed run.
  const table = new FeatureTable(records.length);
  for (const record of records) table.add(record as LinkageRecord);
  const candidates = generateCandidatePairs(table, canonicalRanks(table));
  const blocking = blockingRecall(candidates.a, candidates.b, candidates.count, truth, engine.truePairs);
  let weakFound = 0;
  for (let k = 0; k < candidates.count; k++) {
    const x = candidates.a[k] as number;
    const y = candidates.b[k] as number;
    if (truth[x] === truth[y] && (withoutNik(x) || withoutNik(y))) weakFound++;
  }
  const blockingWithoutNik = engineWithoutNik.truePairs > 0 ? weakFound / engineWithoutNik.truePairs : 1;
  return { engine, baseline, engineWithoutNik, blocking, blockingWithoutNik };
}
const { engine, baseline, engineWithoutNik, blocking, blockingWithoutNik } = scoreAgainstTruth();

// ---- incremental: one new registration at a time against the whole registry ------------------------------
log(`building the match index over ${records.length} records …`);
const indexStart = performance.now();
const index = createMatchIndex(records as LinkageRecord[], { model: summary.model });
const indexSeconds = (performance.now() - indexStart) / 1000;
const persons = new Set(records.map((r) => r.truthId));
const latencies: number[] = [];
let expected = 0;
let found = 0;
for (const query of queries) index.query(query as LinkageRecord); // warm-up
for (const query of queries) {
  const start = performance.now();
  const candidatesFound = index.query(query as LinkageRecord);
  latencies.push(performance.now() - start);
  if (persons.has(query.truthId)) {
    expected++;
    if (candidatesFound.some((c) => (c.record as SourceRecord).truthId === query.truthId)) found++;
  }
}
latencies.sort((x, y) => x - y);
const percentile = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;

// ---- report -----------------------------------------------------------------------------------------------
const f = (x: number, digits = 4) => x.toFixed(digits);
const gib = summary.peakMemory.rssBytes / 1024 ** 3;
const report = {
  records: records.length,
  sources: Number(args.sources),
  persons: persons.size,
  truePairs: engine.truePairs,
  wallSeconds,
  loadAverage: { before: loadBefore, after: loadAfter },
  peakRssGiB: gib,
  cpuSeconds: (summary.cpuTimeMs.user + summary.cpuTimeMs.system) / 1000,
  stageMs: summary.timingsMs,
  candidatePairs: summary.candidatePairs,
  blockingRecall: blocking.recall,
  blockingRecallWithoutNik: blockingWithoutNik,
  plantedWithoutNik: planted,
  engine,
  engineWithoutNik,
  exactNik: baseline,
  incremental: {
    indexRecords: index.size,
    buildSeconds: indexSeconds,
    queries: latencies.length,
    p50Ms: percentile(0.5),
    p95Ms: percentile(0.95),
    p99Ms: percentile(0.99),
    foundExistingPerson: expected > 0 ? found / expected : 1,
  },
};
await import("node:fs/promises").then((fs) =>
  fs.writeFile(join(outDir, "report.json"), `${JSON.stringify(report, null, 2)}\n`),
);

console.log(
  `\nOverlap detection — ${records.length} records in ${args.sources} lists (${persons.size} persons)`,
);
console.log(`command: node bin/salur.js match ${files.length} files --out ${resultDir}`);
console.log(
  `wall time ${wallSeconds.toFixed(1)} s, peak RSS ${gib.toFixed(2)} GiB, candidate pairs ${summary.candidatePairs} ` +
    `(1-min load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} cores)`,
);
console.log(
  `CPU time of the run ${((summary.cpuTimeMs.user + summary.cpuTimeMs.system) / 1000).toFixed(1)} s (both threads)`,
);
console.log(
  `stages (ms): ${Object.entries(summary.timingsMs)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
);
console.log(
  `blocking recall ${f(blocking.recall)}; on pairs with a record without NIK ${f(blockingWithoutNik)} ` +
    `(${planted} records planted without NIK and KK)`,
);
console.log("| method | precision | recall | F1 |");
console.log("|---|---|---|---|");
console.log(`| Salur (Fellegi–Sunter) | ${f(engine.precision)} | ${f(engine.recall)} | ${f(engine.f1)} |`);
console.log(
  `| Salur, pairs with a record without NIK (${engineWithoutNik.truePairs} true pairs) | ${f(engineWithoutNik.precision)} | ${f(engineWithoutNik.recall)} | ${f(engineWithoutNik.f1)} |`,
);
console.log(
  `| exact NIK (spreadsheet) | ${f(baseline.precision)} | ${f(baseline.recall)} | ${f(baseline.f1)} |`,
);
console.log(
  `incremental: index of ${index.size} records built in ${indexSeconds.toFixed(1)} s; ${latencies.length} queries ` +
    `p50 ${f(report.incremental.p50Ms, 2)} ms, p95 ${f(report.incremental.p95Ms, 2)} ms, p99 ${f(report.incremental.p99Ms, 2)} ms; ` +
    `existing person found for ${f(report.incremental.foundExistingPerson)} of queries`,
);
