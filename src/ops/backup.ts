import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type VerifyReport, verifyAuditTrail } from "../audit/verify.ts";
import type { Config } from "../config.ts";
import { type DatabaseHandle, type DatabaseKind, queryRows } from "../db/index.ts";
import { lockDataDirectory } from "../db/lock.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { auditKeyFile, openSalur } from "../runtime.ts";

const run = promisify(execFile);

/**
 * Backups hold the database only. The master secret (NIK sealing, blind indexes) and the audit signing key stay
 * out of them on purpose: a stolen backup alone opens no NIK and forges no checkpoint. They are kept apart
 * (see README "Backups and keys") and must be in place before a restore.
 */
export interface BackupResult {
  kind: DatabaseKind;
  bytes: number;
}

/**
 * PGlite: `dumpDataDir()` of the live instance runs inside its single connection, so it sees one consistent state
 * while the server keeps serving. PostgreSQL: `pg_dump -Fc` reads one snapshot.
 */
export async function backupDatabase(
  database: DatabaseHandle,
  file: string,
  databaseUrl?: string,
): Promise<BackupResult> {
  if (database.kind === "pglite") {
    if (!database.dumpDataDir) throw new Error("this PGlite handle cannot dump its data directory");
    const blob = await database.dumpDataDir();
    const bytes = Buffer.from(await blob.arrayBuffer());
    writeFileSync(file, bytes, { mode: 0o600 });
    return { kind: "pglite", bytes: bytes.length };
  }
  if (!databaseUrl) throw new Error("a PostgreSQL backup needs the database URL");
  await tool("pg_dump", ["--format=custom", "--no-owner", "--file", file, "--dbname", databaseUrl]);
  return { kind: "postgres", bytes: readFileSync(file).length };
}

/** Which database wrote the file: pg_dump's custom format starts with "PGDMP", PGlite's archive is gzip. */
export function backupKind(file: string): DatabaseKind {
  const head = readFileSync(file).subarray(0, 5);
  if (head.toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  throw new DomainError("BACKUP_FORMAT_UNKNOWN", { file }, 400);
}

export interface RestoreResult {
  kind: DatabaseKind;
  report: VerifyReport;
  persons: number;
}

/**
 * Restores into the configured database (PGlite data dir or DATABASE_URL), refusing one that holds data unless
 * `force`, then opens Salur on it (running any newer migrations) and verifies the audit chain with the keys in
 * place. Success only when the chain verifies.
 */
export async function restoreDatabase(
  config: Config,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const kind = backupKind(file);
  const target: DatabaseKind = config.databaseUrl ? "postgres" : "pglite";
  if (kind !== target) throw new DomainError("BACKUP_KIND_MISMATCH", { backup: kind, target }, 400);
  requireKeys(config);
  if (kind === "pglite") await restorePglite(config.dataDir, file, options.force === true);
  else await restorePostgres(config.databaseUrl as string, file, options.force === true);

  const salur = await openSalur(config);
  try {
    const report = await verifyAuditTrail(salur.database.db, {
      verifier: salur.audit.keys,
      keys: salur.audit.keys,
      logName: salur.audit.logName,
    });
    if (!report.ok) throw new DomainError("RESTORE_AUDIT_BROKEN", { seq: report.firstBrokenSeq ?? 0 }, 500);
    const [row] = await queryRows<{ n: number }>(
      salur.database.db,
      sql`select count(*)::int as n from persons`,
    );
    return { kind, report, persons: Number(row?.n ?? 0) };
  } finally {
    await salur.close();
  }
}

/** Without the keys a restore would create new ones: NIKs unreadable, checkpoints unverifiable. */
function requireKeys(config: Config): void {
  if (!config.secret && !existsSync(config.keyFile)) {
    throw new DomainError(
      "RESTORE_KEYS_MISSING",
      { key: "master secret", file: config.keyFile, env: "SALUR_SECRET" },
      400,
    );
  }
  if (!config.auditKey && !existsSync(auditKeyFile(config))) {
    throw new DomainError(
      "RESTORE_KEYS_MISSING",
      { key: "audit signing key", file: auditKeyFile(config), env: "SALUR_AUDIT_KEY" },
      400,
    );
  }
}

async function restorePglite(dataDir: string, file: string, force: boolean): Promise<void> {
  const release = lockDataDirectory(dataDir);
  try {
    const target = join(dataDir, "pglite");
    if (existsSync(target) && readdirSync(target).length > 0) {
      if (!force) throw new DomainError("RESTORE_TARGET_NOT_EMPTY", { target }, 409);
      rmSync(target, { recursive: true, force: true });
    }
    const archive = new File([readFileSync(file)], "salur-backup.tar.gz", { type: "application/x-gzip" });
    const client = new PGlite(target, { loadDataDir: archive });
    await client.waitReady;
    await client.close();
  } finally {
    release();
  }
}

async function restorePostgres(url: string, file: string, force: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let tables = 0;
  try {
    const result = await client.query(
      "select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')",
    );
    tables = Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
  if (tables > 0 && !force) {
    throw new DomainError("RESTORE_TARGET_NOT_EMPTY", { target: redact(url) }, 409);
  }
  const clean = tables > 0 ? ["--clean", "--if-exists"] : [];
  await tool("pg_restore", [...clean, "--no-owner", "--exit-on-error", "--dbname", url, file]);
}

async function tool(name: string, args: string[]): Promise<void> {
  try {
    await run(name, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new DomainError("BACKUP_TOOL_MISSING", { tool: name }, 500);
    }
    throw error;
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres";
  }
}
