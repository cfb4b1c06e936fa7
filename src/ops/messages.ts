import type { MessageCatalog } from "../i18n/index.ts";

/** Texts of `salur backup` and `salur restore`. */
export const OPS_MESSAGES: MessageCatalog = {
  BACKUP_TOOL_MISSING: {
    id: "Program {tool} tidak ditemukan. Pasang paket klien PostgreSQL (mis. postgresql-client) lalu ulangi.",
    en: "{tool} was not found. Install the PostgreSQL client tools (e.g. postgresql-client) and try again.",
  },
  BACKUP_FORMAT_UNKNOWN: {
    id: "{file} bukan cadangan Salur (bukan arsip PGlite maupun pg_dump -Fc).",
    en: "{file} is not a Salur backup (neither a PGlite archive nor a pg_dump -Fc file).",
  },
  BACKUP_KIND_MISMATCH: {
    id: "Cadangan ini dari basis data {backup}, sedangkan tujuan pemulihan adalah {target}.",
    en: "This backup comes from a {backup} database, but the restore target is {target}.",
  },
  RESTORE_TARGET_NOT_EMPTY: {
    id: "Tujuan pemulihan {target} sudah berisi data. Pakai --force untuk menimpanya.",
    en: "The restore target {target} already holds data. Use --force to overwrite it.",
  },
  RESTORE_KEYS_MISSING: {
    id: "Kunci {key} tidak ada di tujuan. Salin berkas {file} dari simpanan kunci (atau setel {env}) sebelum memulihkan.",
    en: "The {key} is missing at the target. Copy {file} from where the keys are kept (or set {env}) before restoring.",
  },
  RESTORE_AUDIT_BROKEN: {
    id: "Data dipulihkan, tetapi jejak audit TIDAK utuh (mulai entri {seq}). Jangan pakai data ini; jalankan `salur audit verify`.",
    en: "The data was restored but the audit trail is NOT intact (from entry {seq}). Do not use it; run `salur audit verify`.",
  },
};
