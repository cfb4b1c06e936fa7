import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DatabaseHandle } from "../db/index.ts";
import { backupDatabase } from "./backup.ts";

/**
 * PGlite is one process's database, so while `salur serve` runs, `salur backup` cannot open it. Instead it asks
 * the server: a request file in the data directory (0700, this account's alone) and SIGUSR2 (which only the same
 * account or root may send); the server dumps its live instance and answers with a done file.
 */
const REQUEST = "backup-request.json";

export function answerBackupRequests(dataDir: string, database: DatabaseHandle): () => void {
  const handler = () => {
    const path = join(dataDir, REQUEST);
    if (!existsSync(path)) return;
    const request = JSON.parse(readFileSync(path, "utf8")) as { id: string; file: string };
    rmSync(path, { force: true });
    const done = join(dataDir, `backup-done-${request.id.replace(/[^0-9a-f-]/g, "")}.json`);
    backupDatabase(database, request.file).then(
      (result) => writeFileSync(done, JSON.stringify({ ok: true, bytes: result.bytes }), { mode: 0o600 }),
      (error: unknown) =>
        writeFileSync(
          done,
          JSON.stringify({ ok: false, error: String((error as Error)?.message ?? error) }),
          {
            mode: 0o600,
          },
        ),
    );
  };
  process.on("SIGUSR2", handler);
  return () => process.off("SIGUSR2", handler);
}

export async function requestLiveBackup(
  dataDir: string,
  pid: number,
  file: string,
): Promise<{ bytes: number }> {
  const id = randomUUID();
  writeFileSync(join(dataDir, REQUEST), JSON.stringify({ id, file: resolve(file) }), { mode: 0o600 });
  process.kill(pid, "SIGUSR2");
  const done = join(dataDir, `backup-done-${id}.json`);
  // Bounded by the server's liveness: a server that died cannot answer.
  while (!existsSync(done)) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      throw new Error(`the Salur server (pid ${pid}) stopped before it answered the backup request`);
    }
  }
  const answer = JSON.parse(readFileSync(done, "utf8")) as { ok: boolean; bytes?: number; error?: string };
  rmSync(done, { force: true });
  if (!answer.ok) throw new Error(`backup failed in the server: ${answer.error}`);
  return { bytes: answer.bytes ?? 0 };
}
