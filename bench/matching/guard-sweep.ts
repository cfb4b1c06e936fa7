/**
 * How the match threshold and the chaining guard trade precision for recall, on a draw of the demo lists other
 * than the benchmark's (seed 13). The model is trained once; only the clustering settings change.
 *
 *   npx tsx bench/matching/guard-sweep.ts --records 100000
 */
import { parseArgs } from "node:util";
import { generateLinkageDataset } from "../../src/demo/index.ts";
import { linkRecords } from "../../src/matching/index.ts";
import { scoreClustering, truthIndex } from "./metrics.ts";

const { values: args } = parseArgs({
  options: { records: { type: "string", default: "100000" }, seed: { type: "string", default: "13" } },
});
const dataset = generateLinkageDataset({
  seed: Number(args.seed),
  records: Number(args.records),
  sources: 5,
});
const truth = truthIndex(dataset.truthIds);
const trained = linkRecords(dataset.records).model;
console.log("| match threshold | guard (bits) | precision | recall | F1 | merges refused |");
console.log("|---|---|---|---|---|---|");
for (const matchThreshold of [0.5, 0.9, 0.99])
  for (const guardWeight of [Number.NEGATIVE_INFINITY, -10, -5, 0]) {
    const result = linkRecords(dataset.records, { model: { ...trained, matchThreshold, guardWeight } });
    const s = scoreClustering(result.clusterOf, truth);
    const guard = guardWeight === Number.NEGATIVE_INFINITY ? "none" : String(guardWeight);
    console.log(
      `| ${matchThreshold} | ${guard} | ${s.precision.toFixed(4)} | ${s.recall.toFixed(4)} | ${s.f1.toFixed(4)} | ${result.rejectedMerges} |`,
    );
  }
