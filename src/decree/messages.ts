import type { MessageTemplate } from "../i18n/index.ts";

/** Indonesian and English text of every decree message code. */
export const DECREE_MESSAGES: Record<string, MessageTemplate> = {
  DECREE_NOT_FOUND: { id: "SK {id} tidak ditemukan.", en: "Decree {id} was not found." },
  DECREE_EMPTY: {
    id: "Tidak ada penerima yang dapat ditetapkan pada periode ini.",
    en: "There are no recipients to decree in this period.",
  },
  DECREE_SANGGAH_DATES: {
    id: "Masa sanggah berakhir ({closesOn}) sebelum dimulai ({opensOn}).",
    en: "The objection period ends ({closesOn}) before it starts ({opensOn}).",
  },
  DECREE_SANGGAH_NOT_HELD: {
    id: "Daftar periode ini belum diumumkan untuk masa sanggah: SK belum dapat disetujui.",
    en: "This period's list has not been published for objections: the decree cannot be approved yet.",
  },
  DECREE_SANGGAH_OPEN: {
    id: "Masa sanggah masih berlangsung sampai {closesOn}: SK belum dapat disetujui.",
    en: "The objection period is open until {closesOn}: the decree cannot be approved yet.",
  },
  DECREE_NOT_DRAFT: {
    id: "SK ini bukan rancangan lagi ({status}).",
    en: "This decree is no longer a draft ({status}).",
  },
  DECREE_NOT_CHECKED: {
    id: "SK ini belum diperiksa atau sudah diputuskan ({status}).",
    en: "This decree has not been checked or was already decided ({status}).",
  },
  DECREE_NOT_IN_FORCE: {
    id: "SK ini tidak berlaku ({status}).",
    en: "This decree is not in force ({status}).",
  },
  DECREE_NOT_APPROVED: {
    id: "SK ini belum disetujui ({status}).",
    en: "This decree is not approved yet ({status}).",
  },
  DECREE_AMEND_NOT_IN_FORCE: {
    id: "Hanya SK yang berlaku yang dapat diubah ({status}).",
    en: "Only a decree in force can be amended ({status}).",
  },
  DECREE_CHECKER_IS_DRAFTER: {
    id: "Penyusun SK tidak boleh memeriksa SK-nya sendiri.",
    en: "The drafter of a decree may not check it.",
  },
  DECREE_VERSION_CONFLICT: {
    id: "SK ini telah diubah orang lain (versi {actual}, status {status}). Muat ulang.",
    en: "Someone else changed this decree (version {actual}, status {status}). Reload.",
  },
  DECREE_LINE_NOT_DECREEABLE: {
    id: "Penerima {enrollmentId} tidak lagi dalam status diumumkan ({status}): susun rancangan baru.",
    en: "Recipient {enrollmentId} is no longer published ({status}): draft again.",
  },
  DECREE_SIGNED_ALREADY: {
    id: "SK yang ditandatangani sudah dilampirkan (SHA-256 {sha256}).",
    en: "The signed decree is already attached (SHA-256 {sha256}).",
  },
  DECREE_SIGNED_NOT_PDF: { id: "Berkas bukan PDF.", en: "The file is not a PDF." },
  DECREE_LOGO_NOT_IMAGE: { id: "Logo harus berupa PNG atau JPEG.", en: "The logo must be a PNG or JPEG." },
  DECREE_NUMBER_PATTERN: {
    id: "Pola nomor harus memuat {NNN} (mis. 846/KEP-{NNN}/{YYYY}).",
    en: "The number pattern must contain {NNN} (e.g. 846/KEP-{NNN}/{YYYY}).",
  },
  DECREE_NOT_ON_ANNEX: {
    id: "Penerima ini tidak tercantum dalam lampiran SK.",
    en: "This recipient is not on the decree's annex.",
  },
};
