import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../audit/index.ts";
import { MIGRATIONS_FOLDER, queryRows } from "../db/index.ts";
import { openTestDatabase, TEST_DATABASE_KINDS, TEST_TODAY, testConfig } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { openSalur } from "../runtime.ts";

/**
 * A database made by the previous release — every migration but the newest — holding data, opened by the current
 * release: the newest migration runs, the data is intact, the audit chain verifies and the server answers.
 */
function previousRelease(): { folder: string; newest: string } {
  const folder = mkdtempSync(join(tmpdir(), "salur-previous-migrations-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const newest = journal.entries.pop()?.tag as string;
  writeFileSync(journalPath, JSON.stringify(journal));
  rmSync(join(folder, `${newest}.sql`));
  return { folder, newest };
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`upgrade from the previous release's schema [${kind}]`, () => {
    const previous = previousRelease();
    const config = testConfig();
    afterAll(() => {
      rmSync(previous.folder, { recursive: true, force: true });
      rmSync(config.dataDir, { recursive: true, force: true });
    });

    it(`applies ${previous.newest} over the older schema and keeps the data`, async () => {
      const database = await openTestDatabase(kind, undefined, { empty: true });
      const client = (database.db as unknown as { $client: unknown }).$client;
      if (kind === "pglite")
        await migratePglite(drizzlePglite({ client: client as never }), {
          migrationsFolder: previous.folder,
        });
      else
        await migrateNodePg(drizzleNodePg({ client: client as never }), {
          migrationsFolder: previous.folder,
        });
      const before = await database.migrationState();
      expect(before.applied).toBe(before.expected - 1);
      await database.db.execute(
        sql`insert into agencies (code, name) values ('dinsos-lama', 'Dinas Sosial (rilis sebelumnya)')`,
      );

      const salur = await openSalur(config, { database, today: () => TEST_TODAY });
      try {
        const after = await database.migrationState();
        expect(after.applied).toBe(after.expected);
        const rows = await queryRows<{ name: string }>(
          database.db,
          sql`select name from agencies where code = 'dinsos-lama'`,
        );
        expect(rows).toEqual([{ name: "Dinas Sosial (rilis sebelumnya)" }]);
        const report = await verifyAuditTrail(database.db, {
          verifier: salur.audit.keys,
          keys: salur.audit.keys,
          logName: salur.audit.logName,
        });
        expect(report.ok).toBe(true);
        const app = await buildServer(salur);
        const health = await app.inject({ method: "GET", url: "/api/health" });
        expect(health.statusCode).toBe(200);
        await app.close();
      } finally {
        await salur.close();
      }
    }, 600_000);
  });
}
