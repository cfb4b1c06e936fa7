import { generateKeyPairSync } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, ensureDemoUsers } from "../access/demo-users.ts";
import { login } from "../access/sessions.ts";
import type { Config } from "../config.ts";
import { queryRows } from "../db/index.ts";
import { TEST_DATABASE_KINDS, testConfig } from "../db/testing.ts";
import { seedDemo } from "../demo/seed.ts";
import { auditKeyFile, openSalur, type Salur } from "../runtime.ts";
import { backupDatabase, backupKind, restoreDatabase } from "./backup.ts";

const SERVER = process.env.TEST_DATABASE_URL;
const scratch: string[] = [];

async function scratchDatabase(): Promise<string> {
  if (!SERVER) throw new Error("TEST_DATABASE_URL is not set");
  const name = `salur_backup_${process.pid}_${scratch.length}_${Date.now() % 100_000}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  scratch.push(name);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  if (!SERVER) return;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  for (const name of scratch) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const TABLES = ["persons", "households", "users", "audit_entries", "audit_checkpoints"] as const;

async function counts(salur: Salur): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await queryRows<{ n: number }>(
      salur.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    out[table] = Number(row?.n ?? 0);
  }
  return out;
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`salur backup / restore [${kind}]`, () => {
    const secret = "backup-test-secret-of-at-least-thirty-two-characters";
    const configs: Config[] = [];
    afterAll(() => {
      for (const config of configs) rmSync(config.dataDir, { recursive: true, force: true });
    });
    const configFor = async (): Promise<Config> => {
      const config = testConfig({
        secret,
        databaseUrl: kind === "postgres" ? await scratchDatabase() : undefined,
      });
      configs.push(config);
      return config;
    };

    it("restores a backup taken during sign-ins into a fresh target: counts consistent, chain verifies, admin signs in", async () => {
      const source = await configFor();
      const salur = await openSalur(source, { demo: true });
      let before: Record<string, number>;
      let after: Record<string, number>;
      const file = join(source.dataDir, "..", `${source.dataDir.split("/").pop()}.backup`);
      try {
        await seedDemo(salur, { persons: 150 });
        await ensureDemoUsers(salur);
        await login(salur.access, {
          username: "admin",
          password: DEMO_PASSWORD,
          address: "10.0.0.1",
          userAgent: null,
          requestId: null,
        });
        await salur.database.db.transaction((tx) =>
          salur.audit.checkpoint(tx, {
            event: "on_demand",
            actor: { id: null, name: "backup test", role: "system", area: source.regencyCode },
          }),
        );
        before = await counts(salur);
        // Taken from the open database, as the running server would.
        // Officials keep signing in (sessions and audit entries written) while the backup is taken.
        const writes = Promise.all(
          ["admin", "admin", "admin", "admin"].map((username, i) =>
            login(salur.access, {
              username,
              password: DEMO_PASSWORD,
              address: `10.0.1.${i}`,
              userAgent: null,
              requestId: null,
            }),
          ),
        );
        const result = await backupDatabase(salur.database, file, source.databaseUrl);
        await writes;
        after = await counts(salur);
        expect(result.kind).toBe(kind);
        expect(backupKind(file)).toBe(kind);
      } finally {
        await salur.close();
      }
      expect(before.persons).toBeGreaterThan(100);
      expect(before.audit_entries).toBeGreaterThan(5);

      const target = await configFor();
      // No audit key at the target: refused before anything is written.
      await expect(restoreDatabase(target, file)).rejects.toMatchObject({ code: "RESTORE_KEYS_MISSING" });

      // The wrong audit key: the data lands, but the restore does not report success.
      mkdirSync(target.dataDir, { recursive: true });
      const wrong = await restoreDatabase(
        {
          ...target,
          auditKey: generateKeyPairSync("ed25519")
            .privateKey.export({ format: "pem", type: "pkcs8" })
            .toString(),
        },
        file,
      ).then(
        () => "ok",
        (error: { code?: string }) => error.code,
      );
      expect(wrong).toBe("RESTORE_AUDIT_BROKEN");

      // Now a target holding data: refused unless --force.
      copyFileSync(auditKeyFile(source), auditKeyFile(target));
      await expect(restoreDatabase(target, file)).rejects.toMatchObject({ code: "RESTORE_TARGET_NOT_EMPTY" });
      const restored = await restoreDatabase(target, file, { force: true });
      expect(restored.report.ok).toBe(true);
      expect(restored.report.checkpointsVerified).toBeGreaterThan(0);
      expect(restored.persons).toBe(before.persons);
      expect(after.audit_entries).toBe((before.audit_entries ?? 0) + 4);

      const reopened = await openSalur(target, { demo: true });
      try {
        // Exactly a state between the one before and the one after the concurrent writes.
        const restoredCounts = await counts(reopened);
        for (const table of TABLES) {
          expect(restoredCounts[table], table).toBeGreaterThanOrEqual(before[table] ?? 0);
          expect(restoredCounts[table], table).toBeLessThanOrEqual(after[table] ?? 0);
        }
        expect(restoredCounts.persons).toBe(before.persons);
        const session = await login(reopened.access, {
          username: "admin",
          password: DEMO_PASSWORD,
          address: "10.0.0.2",
          userAgent: null,
          requestId: null,
        });
        expect(session.user.username).toBe("admin");
      } finally {
        await reopened.close();
      }
    }, 240_000);
  });
}
