/**
 * `npm run bench`: every benchmark of the project, one after the other so they do not share the two cores.
 * Each prints its own figures; BENCHMARKS.md records them with the command. Pass a benchmark's name to run one
 * (e.g. `npm run bench -- matching`); the defaults are the sizes BENCHMARKS.md reports.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BENCHMARKS: Record<string, string[]> = {
  ranking: ["bench/ranking.ts"],
  selection: ["bench/selection-run.ts", "10000", "both"],
  matching: ["bench/matching.ts", "--records", "1000000"],
  import: ["bench/import.ts"],
  "reconcile-threshold": ["bench/reconcile-threshold.ts"],
  demo: ["bench/demo-throughput.ts"],
  "decree-pdf": ["bench/decree-pdf.ts", "10000"],
  payments: ["bench/payments.ts", "100000", "both"],
  portal: ["bench/portal.ts", "both"],
  load: ["bench/load.ts", "both", "20000"],
  "report-pack": ["bench/report-pack.ts", "pglite", "20000"],
  receipts: ["bench/receipts.ts", "1000", "200"],
};

const root = fileURLToPath(new URL("..", import.meta.url));
const wanted = process.argv.slice(2);
let failed = 0;
for (const [name, [script, ...args]] of Object.entries(BENCHMARKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  if (!script || !existsSync(`${root}/${script}`)) continue;
  console.log(`\n== ${name}: node --import tsx ${script} ${args.join(" ")}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
