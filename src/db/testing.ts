import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import type { Config } from "../config.ts";
import { openSalur, type Salur } from "../runtime.ts";
import { type DatabaseHandle, type DatabaseKind, openDatabase } from "./index.ts";

/**
 * Integration tests run against every database Salur supports: an in-memory PGlite always, and a scratch
 * database on the PostgreSQL server named by TEST_DATABASE_URL when it is set. Suite names carry the kind,
 * so the output shows that both ran.
 */
export const TEST_DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

/** A fresh database: in-memory PGlite, or a scratch database on the server, dropped again on close. */
export async function openTestDatabase(
  kind: DatabaseKind,
  serverUrl = process.env.TEST_DATABASE_URL,
): Promise<DatabaseHandle> {
  if (kind === "pglite") return openDatabase({ kind: "pglite" });
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `salur_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
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
