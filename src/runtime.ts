import { join } from "node:path";
import type { Access } from "./access/service.ts";
import { loadAuditKeys } from "./audit/keys.ts";
import { type AuditLog, createAuditLog } from "./audit/log.ts";
import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/index.ts";
import { loadMasterSecret } from "./privacy/master-secret.ts";
import { createVault, type Vault } from "./privacy/vault.ts";
import { loadRegionCatalog, type RegionCatalog } from "./regions/catalog.ts";
import { syncRegions } from "./regions/store.ts";
import type { Registry } from "./registry/service.ts";

/** One running Salur: its database, keys and reference data, opened once by `serve`, `seed` and the tests. */
export interface Salur {
  config: Config;
  database: DatabaseHandle;
  regions: RegionCatalog;
  vault: Vault;
  registry: Registry;
  audit: AuditLog;
  access: Access;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Overrides the config's database: tests pass an in-memory PGlite or a scratch PostgreSQL database. */
  database?: DatabaseHandle;
  /** The date NIK birth dates are judged against; tests pin it. */
  today?: () => string;
  /** The clock of sessions, login throttling and audit entries; tests move it. */
  clock?: () => Date;
}

/**
 * The audit signing key lives outside the database: SALUR_AUDIT_KEY (servers running several processes) or a
 * 0600 file beside the data, created on first start.
 */
export function auditKeyFile(config: Config): string {
  return join(config.dataDir, "audit-signing.key");
}

export async function openSalur(config: Config, options: OpenOptions = {}): Promise<Salur> {
  const database =
    options.database ??
    (await openDatabase(
      config.databaseUrl
        ? { kind: "postgres", url: config.databaseUrl }
        : { kind: "pglite", dataDir: config.dataDir },
    ));
  try {
    await database.migrate();
    const regions = loadRegionCatalog();
    await syncRegions(database.db, regions.all());
    const vault = createVault(loadMasterSecret({ secret: config.secret, keyFile: config.keyFile }));
    const clock = options.clock ?? (() => new Date());
    const audit = createAuditLog({
      keys: loadAuditKeys({ pem: config.auditKey, keyFile: auditKeyFile(config) }),
      logName: `salur:${config.regencyCode}`,
      clock,
    });
    const registry: Registry = {
      db: database.db,
      env: { vault, regions, regencyCode: config.regencyCode, today: options.today ?? todayInIndonesia },
      audit,
    };
    const access: Access = { db: database.db, audit, regions, regencyCode: config.regencyCode, clock };
    return { config, database, regions, vault, registry, audit, access, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** "Today" in WIT (UTC+9), the easternmost zone, so a baby born today anywhere in Indonesia is never "in the future". */
export function todayInIndonesia(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}
