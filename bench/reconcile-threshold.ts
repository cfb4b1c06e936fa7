/**
 * How the reconciliation's pairing threshold was chosen: generated Paser-like list pairs (a regional list
 * with light damage, a DTKS-like one with heavier damage) reconciled at several thresholds, each pair checked
 * against the generator's truth.
 *
 *   npx tsx bench/reconcile-threshold.ts [--seeds 7,8,9] [--records 20000]
 */
import { parseArgs } from "node:util";
import { generateLinkageDataset } from "../src/demo/index.ts";
import { reconcile } from "../src/imports/reconcile.ts";
import { listPersonOf } from "../src/imports/testing.ts";

const { values: args } = parseArgs({
  options: {
    seeds: { type: "string", default: "7,8,9" },
    records: { type: "string", default: "20000" },
    thresholds: { type: "string", default: "0.5,0.6,0.7" },
  },
});

for (const seed of args.seeds.split(",").map(Number)) {
  const dataset = generateLinkageDataset({
    seed,
    records: Number(args.records),
    sources: [
      { name: "DAERAH", coverage: 0.6, duplicateRate: 0, errorRate: 0.05 },
      { name: "DTKS", coverage: 0.55, duplicateRate: 0, errorRate: 0.2, omit: ["phone"] },
    ],
  });
  const regional = dataset.records.filter((r) => r.source === "DAERAH");
  const central = dataset.records.filter((r) => r.source === "DTKS");
  const regionalHumans = new Set(regional.map((r) => r.truthId));
  const truthPairs = new Set(central.filter((r) => regionalHumans.has(r.truthId)).map((r) => r.truthId)).size;
  for (const threshold of args.thresholds.split(",").map(Number)) {
    const result = reconcile(central.map(listPersonOf), regional.map(listPersonOf), {
      matchProbability: threshold,
    });
    let correct = 0;
    let wrong = 0;
    for (const line of result.lines) {
      if (line.central === null || line.regional === null) continue;
      if (central[line.central]?.truthId === regional[line.regional]?.truthId) correct++;
      else wrong++;
    }
    console.log(
      `seed ${seed}  threshold ${threshold}  truth pairs ${truthPairs}  found ${correct + wrong}  false ${wrong}  missed ${truthPairs - correct}`,
    );
  }
}
