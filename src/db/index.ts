import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDirectory } from "./lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The one database type every store takes: the same Drizzle API over PGlite and over a PostgreSQL server. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** What a store receives: the database or a transaction inside it. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute" | "transaction">;
export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Where the data lives, for messages: a directory, "memory", or the server URL without its password. */
  location: string;
  migrate(): Promise<void>;
  migrationState(): Promise<MigrationState>;
  close(): Promise<void>;
}

export interface MigrationState {
  applied: number;
  latest: string | null;
  expected: number;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

export type DatabaseOptions =
  | { kind: "postgres"; url: string }
  /** dataDir undefined = in memory (tests); otherwise the directory is locked against a second process. */
  | { kind: "pglite"; dataDir?: string };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server closes (restart, dropped database) must not crash the process; the pool
    // replaces it on the next query.
    pool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Database;
    return handle(
      db,
      "postgres",
      redactUrl(options.url),
      async () => {
        await migrateNodePg(drizzleNodePg({ client: pool }), { migrationsFolder: MIGRATIONS_FOLDER });
      },
      () => pool.end(),
    );
  }
  const release = options.dataDir ? lockDataDirectory(options.dataDir) : () => {};
  try {
    const client = options.dataDir ? new PGlite(join(options.dataDir, "pglite")) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    return handle(
      db,
      "pglite",
      options.dataDir ?? "memory",
      async () => {
        await migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      },
      async () => {
        await client.close();
        release();
      },
    );
  } catch (error) {
    release();
    throw error;
  }
}

function handle(
  db: Database,
  kind: DatabaseKind,
  location: string,
  migrate: () => Promise<void>,
  close: () => Promise<void>,
): DatabaseHandle {
  return {
    db,
    kind,
    location,
    migrate,
    close,
    async migrationState() {
      const expected = journalEntries();
      const [row] = await queryRows<{ applied: number }>(
        db,
        sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
      );
      const applied = Number(row?.applied ?? 0);
      return { applied, latest: expected[applied - 1] ?? null, expected: expected.length };
    },
  };
}

function journalEntries(): string[] {
  const path = join(MIGRATIONS_FOLDER, "meta", "_journal.json");
  if (!existsSync(path)) return [];
  const journal = JSON.parse(readFileSync(path, "utf8")) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres";
  }
}

/** Raw SQL where the query builder cannot say it; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
