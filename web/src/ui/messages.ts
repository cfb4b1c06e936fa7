import type { MessageCatalog } from "../../../src/i18n/index.ts";

/** Words every page shares: states, actions, generic errors. */
export const UI_MESSAGES = {
  LOADING: { id: "Memuat…", en: "Loading…" },
  RETRY: { id: "Coba lagi", en: "Try again" },
  SAVE: { id: "Simpan", en: "Save" },
  SAVING: { id: "Menyimpan…", en: "Saving…" },
  CANCEL: { id: "Batal", en: "Cancel" },
  EDIT: { id: "Ubah", en: "Edit" },
  ADD: { id: "Tambah", en: "Add" },
  BACK: { id: "Kembali", en: "Back" },
  CLOSE: { id: "Tutup", en: "Close" },
  YES: { id: "Ya", en: "Yes" },
  NO: { id: "Tidak", en: "No" },
  NOT_RECORDED: { id: "Belum dicatat", en: "Not recorded" },
  ANY: { id: "Semua", en: "All" },
  CHOOSE: { id: "Pilih…", en: "Choose…" },
  ERROR_TITLE: { id: "Gagal memuat", en: "Could not load" },
  DATE_PLACEHOLDER: { id: "hh/bb/tttt", en: "dd/mm/yyyy" },
  DATE_INVALID_INPUT: {
    id: "Tanggal tidak dikenal: tulis hari/bulan/tahun, mis. 05/02/1990.",
    en: "Not a date: write day/month/year, e.g. 05/02/1990.",
  },
  SAVE_FAILED_TITLE: { id: "Belum tersimpan", en: "Not saved" },
  NETWORK_ERROR: {
    id: "Tidak dapat terhubung ke server. Periksa koneksi internet, lalu coba lagi.",
    en: "Cannot reach the server. Check the internet connection, then try again.",
  },
  FIELD_ERRORS_BELOW: {
    id: "Periksa isian yang ditandai merah di bawah.",
    en: "Check the fields marked in red below.",
  },
  REQUEST_ID: { id: "Kode permintaan: {requestId}", en: "Request id: {requestId}" },
  PAGE_NOT_FOUND: { id: "Halaman tidak ditemukan", en: "Page not found" },
  PAGE_NOT_FOUND_TEXT: {
    id: "Alamat ini tidak ada di Salur. Kembali ke beranda.",
    en: "This address does not exist in Salur. Go back home.",
  },
  PAGE_OF: { id: "Halaman {page} dari {pages}", en: "Page {page} of {pages}" },
  SHOWING_RANGE: { id: "{from}–{to} dari {total}", en: "{from}–{to} of {total}" },
} satisfies MessageCatalog;
