/**
 * FEBRL 1–4 (public record-linkage benchmarks, /work/shared/data/febrl/README.md): each data set converted into
 * the `salur match` CSV contract, matched by the real command (runMatch, as the CLI runs it) and scored
 * pairwise against the rec-N truth from the final clusters.
 *
 *   npx tsx bench/febrl.ts                       # name, birth date, address, postcode, soc_sec_id as other_id
 *   npx tsx bench/febrl.ts --fields basic        # name, birth date and address only
 *   npx tsx bench/febrl.ts --data DIR --sets 3,4
 */
import { readFileSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runMatch } from "../src/cli/match-command.ts";
import {
  canonicalRanks,
  DEFAULT_BLOCKING_RULES,
  FeatureTable,
  generateCandidatePairs,
  type LinkageRecord,
} from "../src/matching/index.ts";
import { scoreClustering } from "./matching/metrics.ts";

const { values: args } = parseArgs({
  options: {
    data: { type: "string", default: "/work/shared/data/febrl" },
    sets: { type: "string", default: "1,2,3,4" },
    fields: { type: "string", default: "full" },
  },
});
const full = args.fields !== "basic";

const SETS: Record<string, string[]> = {
  "1": ["dataset1.csv"],
  "2": ["dataset2.csv"],
  "3": ["dataset3.csv"],
  "4": ["dataset4a.csv", "dataset4b.csv"],
};

/** FEBRL rows: comma plus one space between values, no quoting. */
function readFebrl(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, "utf8").split(/\r?\n/).filter(Boolean);
  const columns = (header as string).split(",").map((c) => c.trim());
  return lines.map((line) => {
    const cells = line.split(",").map((c) => c.trim());
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
  });
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function birthDate(raw: string): string {
  return /^\d{8}$/.test(raw) ? `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}` : raw;
}

/** Converts one FEBRL file; returns the truth id (person N) of each row in order. */
function convert(input: string, output: string, source: string, into: LinkageRecord[]): number[] {
  const rows = readFebrl(input);
  const columns = [
    "source",
    "record_id",
    "name",
    "birth_date",
    "address",
    ...(full ? ["postcode", "other_id"] : []),
  ];
  const lines = [columns.join(",")];
  const truth: number[] = [];
  for (const r of rows) {
    const name = [r.given_name, r.surname].filter(Boolean).join(" ");
    const address = [r.street_number, r.address_1, r.address_2, r.suburb].filter(Boolean).join(" ");
    const cells = [source, r.rec_id ?? "", name, birthDate(r.date_of_birth ?? ""), address];
    if (full) cells.push(r.postcode ?? "", r.soc_sec_id ?? "");
    lines.push(cells.map(csvCell).join(","));
    into.push({
      source,
      recordId: r.rec_id ?? "",
      name,
      birthDate: birthDate(r.date_of_birth ?? ""),
      address,
      ...(full ? { postcode: r.postcode ?? "", otherId: r.soc_sec_id ?? "" } : {}),
    } as LinkageRecord);
    truth.push(Number(/^rec-(\d+)-/.exec(r.rec_id ?? "")?.[1] ?? -1));
  }
  writeFileSync(output, `${lines.join("\n")}\n`);
  return truth;
}

const work = join(tmpdir(), `salur-febrl-${process.pid}`);
await mkdir(work, { recursive: true });
const table: string[] = [];
const blockingReport: string[] = [];

/** Recall of the whole candidate set, and of each rule alone (share of true pairs sharing its key). */
function blockingRecallByRule(records: LinkageRecord[], truth: number[], truePairs: number): string {
  const features = new FeatureTable(records.length);
  for (const record of records) features.add(record);
  const rank = canonicalRanks(features);
  const all = generateCandidatePairs(features, rank);
  let found = 0;
  for (let k = 0; k < all.count; k++) if (truth[all.a[k] as number] === truth[all.b[k] as number]) found++;
  const parts = [`all ${(found / truePairs).toFixed(4)}`];
  for (const rule of DEFAULT_BLOCKING_RULES) {
    const alone = generateCandidatePairs(features, rank, { rules: [rule] });
    let hits = 0;
    for (let k = 0; k < alone.count; k++)
      if (truth[alone.a[k] as number] === truth[alone.b[k] as number]) hits++;
    if (alone.count > 0) parts.push(`${rule.name} ${(hits / truePairs).toFixed(3)}`);
  }
  return parts.join(", ");
}
for (const set of args.sets.split(",")) {
  const files = SETS[set.trim()];
  if (!files) throw new Error(`unknown FEBRL set ${set}`);
  const inputs: string[] = [];
  const truth: number[] = [];
  const records: LinkageRecord[] = [];
  for (const file of files) {
    const out = join(work, file);
    truth.push(...convert(join(args.data, file), out, file.replace(/\.csv$/, ""), records));
    inputs.push(out);
  }
  const outDir = join(work, `out-${set}`);
  const started = performance.now();
  const summary = await runMatch(inputs, { out: outDir, progress: false, parseInWorker: false });
  const wallMs = performance.now() - started;
  // clusters.csv rows are in input order: source,record_id,cluster_id.
  const clusterLines = (await readFile(join(outDir, "clusters.csv"), "utf8")).trim().split("\n").slice(1);
  const clusterOf = Int32Array.from(clusterLines, (line) => Number(line.slice(line.lastIndexOf(",") + 1)));
  const score = scoreClustering(clusterOf, truth);
  table.push(
    `| FEBRL${set} | ${summary.records} | ${summary.candidatePairs} | ${score.truePairs} | ${score.precision.toFixed(4)} | ${score.recall.toFixed(4)} | ${score.f1.toFixed(4)} | ${(wallMs / 1000).toFixed(2)} s |`,
  );
  blockingReport.push(`FEBRL${set}: ${blockingRecallByRule(records, truth, score.truePairs)}`);
  const warnings = (summary as { warnings?: unknown[] }).warnings;
  if (warnings?.length) console.error(`FEBRL${set} warnings: ${JSON.stringify(warnings)}`);
}
await rm(work, { recursive: true, force: true });
console.log(
  `fields: ${full ? "name, birth_date, address, postcode, other_id (soc_sec_id)" : "name, birth_date, address"}`,
);
console.log("| data set | records | candidate pairs | true pairs | precision | recall | F1 | wall |");
console.log("|---|---|---|---|---|---|---|---|");
for (const line of table) console.log(line);
console.log("\nblocking recall (all rules, then each rule alone):");
for (const line of blockingReport) console.log(line);
