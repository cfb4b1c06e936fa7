/**
 * The process the interruption test kills: it opens Salur on the given data directory (or server), picks up
 * jobs a killed predecessor left behind, optionally submits an import of FILE, and prints each progress step
 * so the test can kill it at a chosen point.
 *
 *   node --import tsx src/imports/interrupt-child.ts <dataDir> <databaseUrl|-> <periodId> <file|->
 */
import { createReadStream, statSync } from "node:fs";
import { sql } from "drizzle-orm";
import { systemCaller } from "../access/actor.ts";
import { queryRows } from "../db/index.ts";
import { jobRunnerFor } from "../jobs/index.ts";
import { openSalur } from "../runtime.ts";
import { importDeps, submitImport } from "./service.ts";

const [dataDir, databaseUrl, periodId, file] = process.argv.slice(2);
if (!dataDir || !databaseUrl || !periodId || !file)
  throw new Error("usage: interrupt-child <dataDir> <url|-> <periodId> <file|->");

const salur = await openSalur(
  {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl: databaseUrl === "-" ? undefined : databaseUrl,
    regencyCode: "64.01",
    secret: "interrupt-test-secret-of-at-least-32-characters",
    keyFile: `${dataDir}/secret.key`,
  },
  { today: () => "2026-11-25" },
);
const say = (line: string) => process.stdout.write(`${line}\n`);
// On a server a dead process is known by its heartbeat going stale: seconds here, minutes in production.
const runner = jobRunnerFor(salur.database, { persistEveryMs: 300, staleSeconds: 2 });
// Every step of the running job, unthrottled, so the test can kill at any batch.
let last = "";
const watch = setInterval(() => {
  for (const view of runner.running()) {
    const rows = Number((view.detail as { rows?: number } | null)?.rows ?? 0);
    const line = `progress ${view.stage ?? "-"} ${rows}`;
    if (line !== last) {
      last = line;
      say(line);
    }
  }
}, 2);
const d = importDeps(salur, { parallel: "inline", batchRows: 50 });

if (file !== "-") {
  const stored = await d.uploads.save(createReadStream(file), statSync(file).size + 1);
  const submitted = await submitImport(d, systemCaller("interrupt test", salur.config.regencyCode), stored, {
    fileName: "daftar.csv",
    periodId,
    mode: "apply",
    invalidRows: "reject_file",
  });
  say(`submitted ${submitted.importId}`);
  if (submitted.job) await d.jobs.wait(submitted.job.id);
}
// Whatever the predecessors left (requeued at start-up) is worked off before leaving; on a server their
// heartbeats must first go stale.
for (let waited = 0; waited < 15; waited++) {
  await d.jobs.recover();
  await d.jobs.idle();
  const [row] = await queryRows<{ n: number }>(
    salur.database.db,
    sql`select count(*)::int as n from jobs where state in ('queued', 'running')`,
  );
  if (Number(row?.n ?? 0) === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
clearInterval(watch);
say("idle");
await salur.close();
