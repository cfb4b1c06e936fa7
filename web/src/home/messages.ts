import type { MessageCatalog } from "../../../src/i18n/index.ts";

export const HOME_MESSAGES = {
  HOME_TITLE: { id: "Beranda", en: "Home" },
  HOME_GREETING: { id: "Selamat datang, {name}", en: "Welcome, {name}" },
  HOME_AREA: { id: "Wilayah kerja: {area}", en: "Your area: {area}" },
  HOME_WAITING: { id: "Menunggu tindakan Anda", en: "Waiting for you" },
  HOME_NOTHING_WAITING: {
    id: "Tidak ada yang menunggu. Terima kasih!",
    en: "Nothing is waiting. Thank you!",
  },
  HOME_SUMMARY: { id: "Ringkasan wilayah", en: "Area summary" },
  HOME_PERSONS: { id: "Penduduk terdaftar", en: "People registered" },
  HOME_NIK_TO_CHECK: { id: "NIK perlu dicek", en: "NIK to check" },
  HOME_NIK_INVALID: { id: "NIK tidak sah", en: "Invalid NIK" },
  HOME_PER_DISTRICT: { id: "Penduduk terdaftar per kecamatan", en: "People registered per kecamatan" },
  HOME_PER_VILLAGE: { id: "Penduduk terdaftar per desa", en: "People registered per village" },
  HOME_OPEN_LIST: { id: "Lihat daftar", en: "Open the list" },
  HOME_QUICK: { id: "Pintasan", en: "Shortcuts" },
  WAIT_draft: { id: "Draf belum diajukan", en: "Drafts not yet submitted" },
  WAIT_submitted: {
    id: "Pengajuan menunggu verifikasi desa",
    en: "Applications awaiting village verification",
  },
  WAIT_verified: { id: "Terverifikasi, menunggu validasi", en: "Verified, awaiting validation" },
  WAIT_validated: { id: "Tervalidasi, menunggu pemeringkatan", en: "Validated, awaiting ranking" },
  WAIT_selected: { id: "Terpilih, menunggu pengumuman", en: "Selected, awaiting publication" },
  WAIT_published: { id: "Masa sanggah, menunggu SK", en: "In objection period, awaiting decree" },
  WAIT_approved: { id: "Ditetapkan SK, menunggu penyaluran", en: "Decreed, awaiting payment" },
  WAIT_paid: { id: "Disalurkan, menunggu konfirmasi penerima", en: "Paid, awaiting recipient confirmation" },
  WAIT_payment_failed: { id: "Gagal salur", en: "Failed payments" },
} satisfies MessageCatalog;
