import type { MessageCatalog } from "../i18n/index.ts";

export const REGISTRATION_MESSAGES: MessageCatalog = {
  REGISTRATION_CONFLICT: {
    id: "Data di server berubah sejak formulir ini diisi ({kind}). Bandingkan kedua versi lalu pilih.",
    en: "The data on the server changed since this form was filled in ({kind}). Compare both versions and choose.",
  },
  SUBMISSION_ID_REUSED: {
    id: "Kode kiriman {submissionId} sudah dipakai untuk data lain.",
    en: "Submission key {submissionId} was already used for different data.",
  },
  SUBMISSION_NOT_FOUND: {
    id: "Kiriman {submissionId} tidak ditemukan.",
    en: "Submission {submissionId} was not found.",
  },
  SUBMISSION_ALREADY_APPLIED: {
    id: "Kiriman {submissionId} sudah diterapkan; dokumennya tidak dapat diganti lewat kiriman ini.",
    en: "Submission {submissionId} was already applied; its documents cannot be replaced through it.",
  },
  PRESENTER_REQUIRED: {
    id: "Pemohon tidak hadir sendiri: isi identitas orang yang menyerahkan berkas.",
    en: "The applicant did not come in person: record who handed in the papers.",
  },
  STAGED_DOCUMENT_MISSING: {
    id: "Foto dokumen {kinds} belum terkirim untuk kiriman ini.",
    en: "The document photos {kinds} have not been uploaded for this submission.",
  },
};
