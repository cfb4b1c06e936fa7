/**
 * The decree PDF of a large annex: build the annex (hash and Merkle root) and render the PDF, timing each and
 * reporting the file size. `node --import tsx bench/decree-pdf.ts [lines]` (default 10,000).
 */

import { syntheticDecree } from "../src/decree/bench-fixture.ts";
import { renderDecreePdf } from "../src/decree/pdf.ts";

const count = Number(process.argv[2] ?? 10_000);
const t0 = performance.now();
const { document, lines, annex } = syntheticDecree(count);
const t1 = performance.now();
const cpu = process.cpuUsage();
const pdf = await renderDecreePdf(document, lines);
const t2 = performance.now();
const renderCpu = process.cpuUsage(cpu);
const again = await renderDecreePdf(document, lines);
console.log(
  JSON.stringify({
    lines: count,
    annexMs: Math.round(t1 - t0),
    renderMs: Math.round(t2 - t1),
    renderCpuMs: Math.round((renderCpu.user + renderCpu.system) / 1000),
    bytes: pdf.length,
    megabytes: +(pdf.length / 1024 / 1024).toFixed(2),
    byteStable: pdf.equals(again),
    annexSha256: annex.sha256,
    merkleRoot: annex.merkleRoot,
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  }),
);
