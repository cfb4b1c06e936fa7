import type { MessageCatalog } from "../../../src/i18n/index.ts";

export const AUDIT_MESSAGES = {
  HISTORY_EMPTY: { id: "Belum ada riwayat.", en: "No history yet." },
  HISTORY_UNAVAILABLE: {
    id: "Riwayat dari jejak audit belum tersedia di server ini.",
    en: "History from the audit trail is not available on this server yet.",
  },
  HISTORY_BY: { id: "oleh {name} ({role})", en: "by {name} ({role})" },
  HISTORY_BY_SYSTEM: { id: "oleh sistem", en: "by the system" },
  HISTORY_REASON: { id: "Alasan: {reason}", en: "Reason: {reason}" },
  HISTORY_FIELDS: { id: "Yang diubah: {fields}", en: "Changed: {fields}" },
  HISTORY_ENTRY: { id: "Entri #{seq}", en: "Entry #{seq}" },
  ACTION_create: { id: "Didaftarkan", en: "Registered" },
  ACTION_update: { id: "Diubah", en: "Edited" },
  ACTION_identity_read: { id: "NIK/KK/HP lengkap dibuka", en: "Full NIK/KK/phone viewed" },
  ACTION_delete: { id: "Dihapus", en: "Deleted" },
} satisfies MessageCatalog;
