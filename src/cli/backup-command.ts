import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config.ts";
import { backupDatabase, restoreDatabase } from "../ops/backup.ts";
import { requestLiveBackup } from "../ops/live-backup.ts";
import { openSalur } from "../runtime.ts";

/** `salur backup FILE` and `salur restore FILE`: the database only; the keys are kept apart (README). */
export function registerBackupCommands(program: Command): void {
  program
    .command("backup <file>")
    .description("Back up the database (not the keys) to FILE / Cadangkan basis data")
    .action(async (file: string) => {
      const config = loadConfig();
      const live = config.databaseUrl ? null : liveServerPid(config.dataDir);
      if (live) {
        const result = await requestLiveBackup(config.dataDir, live, file);
        console.log(`backup (pglite, live from the server pid ${live}, ${result.bytes} bytes) → ${file}`);
        console.log("The master secret and the audit signing key are NOT in it: keep them apart (README).");
        return;
      }
      const salur = await openSalur(config);
      try {
        const result = await backupDatabase(salur.database, file, config.databaseUrl);
        console.log(`backup (${result.kind}, ${result.bytes} bytes) → ${file}`);
        console.log("The master secret and the audit signing key are NOT in it: keep them apart (README).");
      } finally {
        await salur.close();
      }
    });

  program
    .command("restore <file>")
    .description("Restore a backup into the configured database, then verify the audit trail / Pulihkan")
    .option("--force", "overwrite a target that already holds data")
    .action(async (file: string, options: { force?: boolean }) => {
      const result = await restoreDatabase(loadConfig(), file, { force: options.force === true });
      console.log(
        `restored (${result.kind}): ${result.persons} persons; audit trail intact: ${result.report.entries} entries, ${result.report.checkpointsVerified} checkpoints verified`,
      );
    });
}

/** The pid of a live `salur serve` holding this PGlite data directory, if any. */
function liveServerPid(dataDir: string): number | null {
  const lock = join(dataDir, "salur.lock");
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
