import type { MessageCatalog } from "../i18n/index.ts";

export const DOCUMENT_MESSAGES: MessageCatalog = {
  DOCUMENT_TYPE_UNSUPPORTED: {
    id: "Berkas harus berupa foto JPEG atau PNG (terdeteksi: {detected}).",
    en: "The file must be a JPEG or PNG photo (detected: {detected}).",
  },
  DOCUMENT_TYPE_MISMATCH: {
    id: "Jenis berkas ({declared}) tidak sesuai isinya ({detected}).",
    en: "The declared file type ({declared}) does not match its content ({detected}).",
  },
  DOCUMENT_TOO_LARGE: {
    id: "Berkas terlalu besar ({size} bita; maksimal {maximum} bita). Perkecil resolusi foto.",
    en: "The file is too large ({size} bytes; at most {maximum} bytes). Reduce the photo's resolution.",
  },
  DOCUMENT_MALFORMED: {
    id: "Berkas foto rusak atau tidak lengkap ({detail}).",
    en: "The photo file is damaged or incomplete ({detail}).",
  },
  DOCUMENT_NOT_FOUND: { id: "Dokumen {id} tidak ditemukan.", en: "Document {id} was not found." },
  DOCUMENT_STAGED_BY_OTHER: {
    id: "Foto pengajuan {submissionId} dikirim oleh petugas lain; hanya petugas itu yang dapat menambah atau menggantinya.",
    en: "The photos of submission {submissionId} were sent by another officer; only that officer may add or replace them.",
  },
  DOCUMENT_LOCKED: {
    id: "Dokumen tidak dapat diganti setelah pengajuan diverifikasi (status '{status}').",
    en: "Documents cannot be replaced once the application is verified (status '{status}').",
  },
};
