import type { MessageCatalog } from "../i18n/index.ts";

export const REPORT_MESSAGES: MessageCatalog = {
  REPORT_PACK_NOT_FOUND: {
    id: "Laporan tidak ditemukan di wilayah Anda.",
    en: "Report not found in your area.",
  },
  REPORT_BATCH_NOT_FOUND: {
    id: "Batch pembayaran tidak ditemukan.",
    en: "Payment batch not found.",
  },
};
