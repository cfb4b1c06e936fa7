import type { AuditLog } from "../audit/index.ts";
import type { Config } from "../config.ts";
import type { Database, DatabaseKind } from "../db/index.ts";
import type { JobRunner } from "../jobs/index.ts";
import type { RegistryEnvironment } from "../registry/persons.ts";
import type { ImportLimits } from "./limits.ts";
import type { UploadStore } from "./uploads.ts";
import type { VillageResolver } from "./villages.ts";

/** What the import and reconciliation use cases need from a running Salur (built by `importDeps`). */
export interface ImportDeps {
  db: Database;
  kind: DatabaseKind;
  env: RegistryEnvironment;
  audit: AuditLog;
  config: Config;
  jobs: JobRunner;
  uploads: UploadStore;
  limits: ImportLimits;
  /** "worker": prepare rows on a worker thread; "inline": in this thread; "auto": worker for large files. */
  parallel: "auto" | "worker" | "inline";
  /** Rows above which the fuzzy overlap screening is left to the overlap engine's own batch run. */
  screeningLimit: number;
  batchRows: number;
  villages(): VillageResolver;
}
