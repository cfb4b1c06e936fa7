import type { MessageCatalog } from "../i18n/index.ts";

export const COMPLAINT_MESSAGES: MessageCatalog = {
  COMPLAINT_NOT_FOUND: {
    id: "Pengaduan tidak ditemukan.",
    en: "Complaint not found.",
  },
  COMPLAINT_CODE_INVALID: {
    id: "Kode pengaduan tidak valid. Periksa kembali 10 huruf dan angkanya.",
    en: "The tracking code is not valid. Check its 10 letters and digits again.",
  },
  COMPLAINT_VILLAGE_REQUIRED: {
    id: "Pilih desa agar pengaduan sampai ke petugas yang tepat.",
    en: "Choose the desa so that the complaint reaches the right officials.",
  },
  COMPLAINT_VILLAGE_UNKNOWN: {
    id: "Desa {code} tidak dikenal di kabupaten ini.",
    en: "Desa {code} is not known in this regency.",
  },
  COMPLAINT_CONTACT_REQUIRED: {
    id: "Tulis nama dan nomor telepon, atau pilih kirim tanpa nama.",
    en: "Write a name and phone number, or choose to send anonymously.",
  },
  COMPLAINT_PHONE_INVALID: {
    id: "Nomor telepon tidak valid (contoh: 0812xxxxxxxx).",
    en: "The phone number is not valid (e.g. 0812xxxxxxxx).",
  },
  COMPLAINT_PHONE_LIMIT: {
    id: "Nomor ini sudah mengirim {count} pengaduan hari ini. Coba lagi besok, atau datang ke kantor desa/kecamatan.",
    en: "This number has already sent {count} complaints today. Try again tomorrow, or visit the desa or kecamatan office.",
  },
  COMPLAINT_TOO_MANY_PHOTOS: {
    id: "Paling banyak {maximum} foto.",
    en: "At most {maximum} photos.",
  },
  COMPLAINT_STEP_ILLEGAL: {
    id: "Langkah '{action}' tidak dapat dilakukan pada pengaduan berstatus '{stage}'.",
    en: "Step '{action}' is not possible on a complaint in stage '{stage}'.",
  },
  COMPLAINT_REASON_REQUIRED: {
    id: "Langkah '{action}' memerlukan alasan.",
    en: "Step '{action}' needs a reason.",
  },
  COMPLAINT_REPLY_REQUIRED: {
    id: "Langkah '{action}' memerlukan balasan untuk pelapor.",
    en: "Step '{action}' needs a reply to the complainant.",
  },
  COMPLAINT_TOP_LEVEL: {
    id: "Pengaduan sudah di tingkat tertinggi ({level}).",
    en: "The complaint is already at the highest level ({level}).",
  },
  COMPLAINT_NOT_HANDLER: {
    id: "Hanya unit yang menangani pengaduan ini yang dapat melakukannya.",
    en: "Only the unit handling this complaint may do that.",
  },
  COMPLAINT_VERSION_CONFLICT: {
    id: "Pengaduan telah diubah orang lain. Muat ulang lalu coba lagi.",
    en: "The complaint was changed by someone else. Reload and try again.",
  },
  COMPLAINT_NOT_WAITING: {
    id: "Pengaduan ini tidak sedang menunggu jawaban Anda.",
    en: "This complaint is not waiting for your answer.",
  },
  COMPLAINT_SETTINGS_CONFLICT: {
    id: "Pengaturan SLA baru saja diubah oleh admin lain (versi {version}). Muat ulang lalu ulangi.",
    en: "The SLA settings were just changed by another admin (version {version}). Reload and try again.",
  },
};
