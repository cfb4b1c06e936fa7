import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
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
import { type ChangeFeed, installChangeTriggers, listenForChanges } from "./changes.ts";
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
  /** PGlite only: a consistent gzipped tar of the live data directory (`salur backup`). */
  dumpDataDir?: () => Promise<Blob>;
  /** PostgreSQL only: the connection pool's state, for /metrics. */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /** PostgreSQL only: changes committed by any process sharing the server, for in-memory caches. */
  listenForChanges?: () => Promise<ChangeFeed>;
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
  /**
   * dataDir undefined = in memory (tests); otherwise the directory is locked against a second process.
   * `from` starts an in-memory database from a dumped data directory instead of an empty cluster.
   */
  | { kind: "pglite"; dataDir?: string; from?: Blob };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server closes (restart, dropped database) must not crash the process; the pool
    // replaces it on the next query.
    pool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Database;
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    const opened = handle(
      db,
      "postgres",
      redactUrl(options.url),
      async () => {
        await migrateNodePg(drizzleNodePg({ client: pool }), { migrationsFolder: MIGRATIONS_FOLDER });
        // Two processes starting together must not replace the triggers at the same moment.
        await db.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(hashtext('salur_change_triggers'))`);
          await installChangeTriggers(tx);
        });
      },
      () => pool.end(),
    );
    return { ...opened, poolStats, listenForChanges: () => listenForChanges(options.url) };
  }
  const release = options.dataDir ? lockDataDirectory(options.dataDir) : () => {};
  const dataDir = options.dataDir;
  try {
    if (dataDir) {
      mkdirSync(join(dataDir, "pglite"), { recursive: true, mode: 0o700 });
      makePrivate(dataDir);
    }
    const client = dataDir
      ? new PGlite(join(dataDir, "pglite"))
      : new PGlite(options.from ? { loadDataDir: options.from } : {});
    await client.waitReady;
    if (dataDir) makePrivate(dataDir);
    const statements = withoutStatementParsers(client);
    const db = drizzlePglite({ client: statements, schema }) as unknown as Database;
    const opened = handle(
      db,
      "pglite",
      options.dataDir ?? "memory",
      async () => {
        await migratePglite(drizzlePglite({ client: statements }), { migrationsFolder: MIGRATIONS_FOLDER });
      },
      async () => {
        await client.close();
        if (dataDir) makePrivate(dataDir);
        release();
      },
    );
    return { ...opened, dumpDataDir: () => client.dumpDataDir("gzip") };
  } catch (error) {
    release();
    throw error;
  }
}

/** The types Drizzle reads as text, by type oid: dates, timestamps, intervals, their arrays, and numeric arrays. */
const TEXT_PARSERS = Object.fromEntries(
  [1082, 1114, 1184, 1186, 1182, 1115, 1185, 1187, 1231].map((oid) => [oid, (value: string) => value]),
);

/**
 * Drizzle hands PGlite its text parsers with every statement, and PGlite copies its whole parser table into a
 * new object for each statement that brings parsers: about 90 µs of a 150 µs statement (measured: `select $1`
 * 60 µs without them, 150 µs with). Set once on the client (after it has built its array parsers), the same
 * parsers give the same rows, and the statements go without them.
 */
function withoutStatementParsers(client: PGlite): PGlite {
  Object.assign(client.parsers, TEXT_PARSERS);
  type Query = PGlite["query"];
  const query =
    (run: Query): Query =>
    (text, params, options) =>
      run(text, params, options?.parsers ? { ...options, parsers: undefined } : options);
  const wrap = <T extends object>(target: T, overrides: Partial<T>): T =>
    new Proxy(target, {
      get(t, property) {
        if (property in overrides) return overrides[property as keyof T];
        const value = Reflect.get(t, property, t);
        // PGlite keeps its state in private fields: its methods must run on the client itself.
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
  return wrap(client, {
    query: query(client.query.bind(client)),
    transaction: ((work: Parameters<PGlite["transaction"]>[0]) =>
      client.transaction((tx) =>
        work(wrap(tx, { query: query(tx.query.bind(tx)) })),
      )) as PGlite["transaction"],
  });
}

/**
 * On the embedded database, file access is database access: the data directory is this account's alone
 * (0700, files 0600), whatever the umask; files an older version left open are tightened at each start.
 */
function makePrivate(path: string): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
    for (const name of readdirSync(path)) makePrivate(join(path, name));
  } else if (stat.isFile() && (stat.mode & 0o077) !== 0) {
    chmodSync(path, stat.mode & 0o700);
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

/**
 * Lets other requests take the connection between two pieces of long work, for `restMs` (at least a turn).
 * PGlite answers on the main thread and without a turn of the event loop, so work that awaits query after query
 * never lets a request in; a timer (not setImmediate) also lets the requests that a due timer starts run their
 * queries to the end before the work takes the connection again.
 */
export function giveWay(restMs = 1): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(1, restMs)));
}
