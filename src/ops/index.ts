/** Operations: backup and restore of either database. */
export {
  type BackupResult,
  backupDatabase,
  backupKind,
  type RestoreResult,
  restoreDatabase,
} from "./backup.ts";
export { OPS_MESSAGES } from "./messages.ts";
