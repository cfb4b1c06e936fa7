import { join } from "node:path";
import type { Access } from "./access/deps.ts";
import { placeWordsOf } from "./access/password.ts";
import { type CheckpointTimer, startCheckpointTimer } from "./audit/checkpoints.ts";
import { loadAuditKeys } from "./audit/keys.ts";
import { type AuditLog, createAuditLog } from "./audit/log.ts";
import type { Config } from "./config.ts";
import { type ChangeFeed, quietChangeFeed } from "./db/changes.ts";
import { type DatabaseHandle, openDatabase } from "./db/index.ts";
import { onPersonsChangedElsewhere, onPersonWritten } from "./matching/registry-index.ts";
import { loadMasterSecret } from "./privacy/master-secret.ts";
import { createVault, type Vault } from "./privacy/vault.ts";
import { loadRegionCatalog, type RegionCatalog } from "./regions/catalog.ts";
import { syncRegions } from "./regions/store.ts";
import { bindSealedIdentity } from "./registry/bind-sealed.ts";
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
  /** Changes committed by other processes on the same PostgreSQL server; never fires on PGlite. */
  changes: ChangeFeed;
  /** Signs audit checkpoints while the trail grows (`salur serve`); null in commands and most tests. */
  checkpointTimer: CheckpointTimer | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Overrides the config's database: tests pass an in-memory PGlite or a scratch PostgreSQL database. */
  database?: DatabaseHandle;
  /** The date NIK birth dates are judged against; tests pin it. */
  today?: () => string;
  /** The clock of sessions, login throttling and audit entries; tests move it. */
  clock?: () => Date;
  /** `salur serve --demo`: the published demo password signs in. */
  demo?: boolean;
  /** Start the automatic audit checkpoints, one every so many ms while the trail grows (`salur serve`). */
  checkpointEveryMs?: number;
}

/**
 * The audit signing key lives outside the database: SALUR_AUDIT_KEY (servers running several processes) or a
 * 0600 file beside the data, created on first start.
 */
export function auditKeyFile(config: Config): string {
  return join(config.dataDir, "audit-signing.key");
}

export async function openSalur(config: Config, options: OpenOptions = {}): Promise<Salur> {
  const open = () =>
    openDatabase(
      config.databaseUrl
        ? { kind: "postgres", url: config.databaseUrl }
        : { kind: "pglite", dataDir: config.dataDir },
    );
  let database = options.database ?? (await open());
  try {
    await database.migrate();
    const regions = loadRegionCatalog();
    const { inserted } = await syncRegions(database.db, regions.all());
    if (inserted > 0 && database.kind === "pglite" && !options.database) {
      // The embedded database's memory only grows: creating the cluster and loading 91,592 regions leave it
      // about 500 MiB larger than the same database opened again, so a first start sheds that before serving.
      await database.close();
      database = await open();
    }
    const vault = createVault(loadMasterSecret({ secret: config.secret, keyFile: config.keyFile }));
    await bindSealedIdentity(database.db, vault);
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
      personWritten: (row) => onPersonWritten(registry, row),
    };
    const changes = database.listenForChanges ? await database.listenForChanges() : quietChangeFeed();
    changes.on("persons", (ids) => onPersonsChangedElsewhere(registry, ids));
    const access: Access = {
      db: database.db,
      audit,
      regions,
      regencyCode: config.regencyCode,
      clock,
      demoMode: options.demo === true,
      placeWords: placeWordsOf(regions, config.regencyCode),
    };
    const checkpointTimer = options.checkpointEveryMs
      ? startCheckpointTimer({
          db: database.db,
          audit,
          everyMs: options.checkpointEveryMs,
          actor: { id: null, name: "checkpoint timer", role: "system", area: config.regencyCode },
          exportDir: config.checkpointDir,
          onError: (error) => console.error("audit checkpoint failed:", error),
        })
      : null;
    return {
      config,
      database,
      regions,
      vault,
      registry,
      audit,
      access,
      checkpointTimer,
      changes,
      async close() {
        await checkpointTimer?.stop();
        await changes.close();
        await database.close();
      },
    };
  } catch (error) {
    // A reopen that failed leaves the handle already closed; the first error is the one to report.
    await database.close().catch(() => {});
    throw error;
  }
}

/** "Today" in WIT (UTC+9), the easternmost zone, so a baby born today anywhere in Indonesia is never "in the future". */
export function todayInIndonesia(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}
