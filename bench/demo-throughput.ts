/**
 * Measures how fast the generators run: `node --expose-gc --import tsx bench/demo-throughput.ts`.
 * A script, not a test: timings depend on the machine and its load.
 */

import { PASER_VILLAGES } from "../src/demo/paser-villages.ts";
import { generatePopulation } from "../src/demo/population.ts";
import { generateDemoRegistry } from "../src/demo/registry-demo.ts";
import { generateLinkageDataset } from "../src/demo/source-lists.ts";

const today = "2026-01-15";
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heapMb = () => {
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};
const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(2);

{
  const start = performance.now();
  let persons = 0;
  let households = 0;
  for (const household of generatePopulation({
    seed: 1,
    villages: PASER_VILLAGES,
    households: Infinity,
    today,
  })) {
    households++;
    persons += household.members.length;
    if (persons >= 500_000) break;
  }
  console.log(`population: ${persons} persons in ${households} households, streamed, ${seconds(start)} s`);
}

{
  const before = heapMb();
  const start = performance.now();
  const registry = generateDemoRegistry({ seed: 6401, villages: PASER_VILLAGES, persons: 20_000, today });
  console.log(
    `demo registry: ${registry.persons.length} persons, ${registry.enrollments.length} enrollments, ${seconds(start)} s, +${heapMb() - before} MB heap held`,
  );
}

{
  const before = heapMb();
  const start = performance.now();
  const dataset = generateLinkageDataset({ seed: 1, records: 1_000_000, sources: 5, today });
  const elapsed = seconds(start);
  console.log(
    `linkage data set: ${dataset.records.length} records of ${dataset.persons} persons (${dataset.truePairs} true pairs), ${elapsed} s, +${heapMb() - before} MB heap held`,
  );
}
