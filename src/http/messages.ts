import type { MessageCatalog } from "../i18n/index.ts";

/** Texts for errors that belong to no one capability: input shape, concurrency, server state. */
export const HTTP_MESSAGES: MessageCatalog = {
  VALIDATION_FAILED: {
    id: "Data yang dikirim belum benar ({count} masalah).",
    en: "The submitted data is not valid ({count} problems).",
  },
  NOT_FOUND: { id: "{entity} {id} tidak ditemukan.", en: "{entity} {id} was not found." },
  ROUTE_NOT_FOUND: { id: "Alamat {url} tidak ada.", en: "There is no {url}." },
  VERSION_CONFLICT: {
    id: "Data ini sudah diubah orang lain (versi {actual}, Anda mengubah versi {expected}). Muat ulang lalu ulangi.",
    en: "Someone else changed this record (version {actual}; you edited version {expected}). Reload and try again.",
  },
  INTERNAL_ERROR: {
    id: "Terjadi kesalahan di server. Kode permintaan: {requestId}.",
    en: "Something went wrong on the server. Request id: {requestId}.",
  },
  DATA_DIR_LOCKED: {
    id: "Folder data {dataDir} sedang dipakai oleh proses Salur lain (pid {pid}). Hentikan proses itu dulu, atau pakai SALUR_DATA_DIR lain.",
    en: "Data directory {dataDir} is in use by another Salur process (pid {pid}). Stop that process first, or use another SALUR_DATA_DIR.",
  },
  BODY_TOO_LARGE: { id: "Data yang dikirim terlalu besar.", en: "The request body is too large." },
  // zod issue codes, for any field
  FIELD_REQUIRED: { id: "Wajib diisi.", en: "Required." },
  FIELD_INVALID_TYPE: {
    id: "Jenis isian salah (harus {expected}).",
    en: "Wrong type (expected {expected}).",
  },
  FIELD_TOO_SHORT: { id: "Terlalu pendek (minimal {minimum}).", en: "Too short (at least {minimum})." },
  FIELD_TOO_LONG: { id: "Terlalu panjang (maksimal {maximum}).", en: "Too long (at most {maximum})." },
  FIELD_TOO_SMALL: { id: "Terlalu kecil (minimal {minimum}).", en: "Too small (at least {minimum})." },
  FIELD_TOO_BIG: { id: "Terlalu besar (maksimal {maximum}).", en: "Too big (at most {maximum})." },
  FIELD_INVALID_FORMAT: { id: "Format tidak sesuai ({format}).", en: "Invalid format ({format})." },
  FIELD_INVALID_VALUE: {
    id: "Pilihan tidak dikenal. Pilihan: {options}.",
    en: "Unknown choice. Options: {options}.",
  },
  FIELD_UNKNOWN_KEY: { id: "Isian tidak dikenal: {keys}.", en: "Unknown field: {keys}." },
  FIELD_INVALID: { id: "Isian tidak valid.", en: "Invalid value." },
};
