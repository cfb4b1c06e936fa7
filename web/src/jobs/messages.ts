import type { MessageCatalog } from "../../../src/i18n/index.ts";

export const JOBS_UI_MESSAGES = {
  JOB_STATE_queued: { id: "Menunggu giliran", en: "Waiting its turn" },
  JOB_STATE_running: { id: "Sedang berjalan", en: "Running" },
  JOB_STATE_succeeded: { id: "Selesai", en: "Finished" },
  JOB_STATE_failed: { id: "Gagal", en: "Failed" },
  JOB_STATE_cancelled: { id: "Dibatalkan", en: "Cancelled" },
  JOB_PROGRESS_LABEL: { id: "Kemajuan pekerjaan", en: "Job progress" },
  JOB_PROGRESS_BYTES: { id: "{done} dari {total} MB", en: "{done} of {total} MB" },
  JOB_PROGRESS_ITEMS: { id: "{done} dari {total}", en: "{done} of {total}" },
  JOB_PROGRESS_ROWS: { id: "{rows} baris dibaca", en: "{rows} rows read" },
  JOB_CANCEL: { id: "Batalkan", en: "Cancel" },
  JOB_CANCELLED_NOTE: {
    id: "Pekerjaan dibatalkan; tidak ada data yang diubah.",
    en: "The job was cancelled; no data was changed.",
  },
  JOB_ATTEMPT: { id: "Percobaan ke-{attempts}", en: "Attempt {attempts}" },
  JOB_STARTED_BY: { id: "Dimulai oleh {name}", en: "Started by {name}" },
} satisfies MessageCatalog;
