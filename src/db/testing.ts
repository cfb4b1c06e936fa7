import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import type { Config } from "../config.ts";
import { loadRegionCatalog } from "../regions/catalog.ts";
import { syncRegions } from "../regions/store.ts";
import { openSalur, type Salur } from "../runtime.ts";
import { type DatabaseHandle, type DatabaseKind, MIGRATIONS_FOLDER, openDatabase } from "./index.ts";

/**
 * Integration tests run against every database Salur supports: an in-memory PGlite always, and a scratch
 * database on the PostgreSQL server named by TEST_DATABASE_URL when it is set. Suite names carry the kind,
 * so the output shows that both ran.
 */
export const TEST_DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

/**
 * A fresh database: in-memory PGlite, or a scratch database on the server, dropped again on close. Both start
 * from a template with the migrations applied and the region catalog loaded, built once per migration set:
 * an empty PGlite spends seconds in initdb, the migrations and 91,592 regions, and the suite opens about a
 * hundred databases.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  serverUrl = process.env.TEST_DATABASE_URL,
  { empty = false }: { empty?: boolean } = {},
): Promise<DatabaseHandle> {
  if (kind === "pglite")
    return openDatabase(empty ? { kind: "pglite" } : { kind: "pglite", from: await pgliteTemplate() });
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const template = empty ? "template1" : await serverTemplate(serverUrl);
  const name = `salur_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, (admin) => admin.query(`create database ${name} template ${template}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      await onServer(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Changes whenever a migration does, so a template is never older than the schema. */
function templateKey(): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (name.endsWith(".sql") || name.endsWith(".json"))
      hash.update(name).update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  }
  return hash.digest("hex").slice(0, 16);
}

async function prepareTemplate(handle: DatabaseHandle): Promise<void> {
  await handle.migrate();
  await syncRegions(handle.db, loadRegionCatalog().all());
}

let pgliteTemplateBlob: Promise<Blob> | undefined;

/** The PGlite template as a data-directory tarball in the temp folder, shared by the test processes. */
function pgliteTemplate(): Promise<Blob> {
  pgliteTemplateBlob ??= (async () => {
    const file = join(tmpdir(), `salur-test-template-${templateKey()}.tar.gz`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const handle = await openDatabase({ kind: "pglite" });
    await prepareTemplate(handle);
    const blob = await handle.dumpDataDir?.();
    await handle.close();
    if (!blob) throw new Error("PGlite could not dump its data directory");
    // Written aside and renamed, so a process starting at the same moment never reads half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    renameSync(partial, file);
    return blob;
  })();
  return pgliteTemplateBlob;
}

const serverTemplates = new Map<string, Promise<string>>();

/** The server's template database, built under an advisory lock so parallel test processes build it once. */
function serverTemplate(serverUrl: string): Promise<string> {
  let template = serverTemplates.get(serverUrl);
  if (!template) {
    template = onServer(serverUrl, async (admin) => {
      const name = `salur_template_${templateKey()}`;
      await admin.query("select pg_advisory_lock(hashtext('salur_test_template'))");
      try {
        const found = await admin.query("select 1 from pg_database where datname = $1", [name]);
        if (found.rowCount) return name;
        const building = `${name}_building`;
        await admin.query(`drop database if exists ${building} with (force)`);
        await admin.query(`create database ${building}`);
        const url = new URL(serverUrl);
        url.pathname = `/${building}`;
        const handle = await openDatabase({ kind: "postgres", url: url.toString() });
        await prepareTemplate(handle);
        await handle.close();
        await admin.query(`alter database ${building} rename to ${name}`);
        return name;
      } finally {
        await admin.query("select pg_advisory_unlock(hashtext('salur_test_template'))");
      }
    });
    serverTemplates.set(serverUrl, template);
  }
  return template;
}

async function onServer<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export const TEST_TODAY = "2026-11-25";

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), "salur-test-"));
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl: undefined,
    regencyCode: "64.01",
    secret: "test-secret-of-at-least-thirty-two-characters",
    keyFile: join(dataDir, "secret.key"),
    ...overrides,
  };
}

/** A whole Salur per database kind, opened once for the suite and closed after it. */
export function describeEachDatabase(
  name: string,
  suite: (salur: () => Salur, kind: DatabaseKind) => void,
): void {
  for (const kind of TEST_DATABASE_KINDS) {
    describe(`${name} [${kind}]`, () => {
      let salur: Salur | undefined;
      const config = testConfig();
      beforeAll(async () => {
        salur = await openSalur(config, { database: await openTestDatabase(kind), today: () => TEST_TODAY });
      });
      afterAll(async () => {
        await salur?.close();
        rmSync(config.dataDir, { recursive: true, force: true });
      });
      suite(() => {
        if (!salur) throw new Error("database not open yet");
        return salur;
      }, kind);
    });
  }
}
