import type { MessageCatalog } from "../i18n/index.ts";

export const CIVIL_REGISTRY_MESSAGES: MessageCatalog = {
  CIVIL_REGISTRY_BATCH_NOT_FOUND: {
    id: "Batch verifikasi Dukcapil {id} tidak ditemukan.",
    en: "Civil registry batch {id} was not found.",
  },
  CIVIL_REGISTRY_AREA_INVALID: {
    id: "Kode wilayah {code} tidak cocok dengan cakupan batch.",
    en: "Area code {code} does not fit the batch scope.",
  },
  CIVIL_REGISTRY_AREA_OUTSIDE: {
    id: "Wilayah {code} berada di luar wilayah kerja Anda.",
    en: "Area {code} lies outside your area.",
  },
  CIVIL_REGISTRY_PERIOD_REQUIRED: {
    id: "Pilih program dan tahap untuk batch per tahap.",
    en: "Choose the program period for a batch by period.",
  },
  CIVIL_REGISTRY_BATCH_EMPTY: {
    id: "Tidak ada penduduk yang perlu diverifikasi dalam cakupan ini.",
    en: "There is nobody to verify in this scope.",
  },
  CIVIL_REGISTRY_REVIEW_NOT_FOUND: {
    id: "Perbedaan data {id} tidak ditemukan.",
    en: "Difference {id} was not found.",
  },
  CIVIL_REGISTRY_REVIEW_CONFLICT: {
    id: "Perbedaan data ini sudah diubah orang lain (status: {state}). Muat ulang lalu putuskan lagi.",
    en: "Someone else changed this difference (state: {state}). Reload and decide again.",
  },
  CIVIL_REGISTRY_REVIEW_CLOSED: {
    id: "Perbedaan data ini sudah selesai ({state}).",
    en: "This difference is already settled ({state}).",
  },
  CIVIL_REGISTRY_REVIEW_NOT_PROPOSED: {
    id: "Perbedaan data ini belum diputuskan (status: {state}); persetujuan menunggu keputusan petugas pertama.",
    en: "This difference has no decision yet (state: {state}); approval waits for the first official's decision.",
  },
  CIVIL_REGISTRY_ONLINE_OFF: {
    id: "Layanan verifikasi daring Dukcapil belum diatur (SALUR_DUKCAPIL_URL).",
    en: "The civil registry's online verification service is not configured (SALUR_DUKCAPIL_URL).",
  },
  CIVIL_REGISTRY_ONLINE_UNAVAILABLE: {
    id: "Layanan verifikasi Dukcapil tidak menjawab dengan benar ({why}). Coba lagi nanti atau kirim batch.",
    en: "The civil registry's verification service did not answer properly ({why}). Try later or send a batch.",
  },
  CIVIL_REGISTRY_ONLINE_REFUSED: {
    id: "Layanan verifikasi Dukcapil menolak kredensial Salur (HTTP {status}).",
    en: "The civil registry's verification service refused Salur's credentials (HTTP {status}).",
  },
  CIVIL_REGISTRY_NIK_MISSING: {
    id: "Penduduk {id} belum memiliki NIK untuk diverifikasi.",
    en: "Person {id} has no NIK to verify.",
  },
};
