import type { MessageCatalog } from "../i18n/index.ts";

export const JOB_MESSAGES: MessageCatalog = {
  JOB_NOT_FOUND: { id: "Proses {id} tidak ditemukan.", en: "Job {id} was not found." },
  JOB_CANCELLED: { id: "Proses dibatalkan.", en: "The job was cancelled." },
  JOB_INTERRUPTED: {
    id: "Proses terhenti karena server mati di tengah jalan dan tidak dapat diulang otomatis. Jalankan lagi.",
    en: "The job stopped because the server went down midway and cannot be retried automatically. Run it again.",
  },
  JOB_FAILED: {
    id: "Proses gagal karena kesalahan sistem (kode {jobId}). Laporkan kode ini kepada admin.",
    en: "The job failed on a system error (code {jobId}). Report this code to the administrator.",
  },
  JOB_KIND_UNKNOWN: {
    id: "Jenis proses '{kind}' tidak dikenal oleh server ini.",
    en: "This server does not know job kind '{kind}'.",
  },
  JOB_NOT_CANCELLABLE: {
    id: "Proses ini sudah selesai dan tidak bisa dibatalkan.",
    en: "This job has finished and cannot be cancelled.",
  },
};
