import type { MessageCatalog } from "../i18n/index.ts";

export const PAYMENT_MESSAGES: MessageCatalog = {
  PAYMENT_BATCH_NOT_FOUND: {
    id: "Batch pembayaran {id} tidak ditemukan.",
    en: "Payment batch {id} was not found.",
  },
  PAYMENT_LINE_NOT_FOUND: {
    id: "Baris pembayaran {id} tidak ditemukan.",
    en: "Payment line {id} was not found.",
  },
  PAYMENT_DECREE_NOT_FOUND: { id: "SK {id} tidak ditemukan.", en: "Decree {id} was not found." },
  PAYMENT_DECREE_NOT_APPROVED: {
    id: "SK {number} belum ditetapkan; pembayaran hanya dari SK yang sudah ditetapkan.",
    en: "Decree {number} is not approved; payments come only from an approved decree.",
  },
  PAYMENT_BANK_UNKNOWN: { id: "Bank penyalur {id} tidak dikenal.", en: "Paying bank {id} is unknown." },
  PAYMENT_NOTHING_TO_PAY: {
    id: "Semua penerima SK {number} sudah ada di batch lain atau sudah dibayar.",
    en: "Every recipient of decree {number} is already in another batch or paid.",
  },
  PAYMENT_BATCH_NOT_PREPARED: {
    id: "Batch {number} berstatus '{status}': persetujuan hanya untuk batch yang baru disiapkan.",
    en: "Batch {number} is '{status}': only a freshly prepared batch can be approved.",
  },
  PAYMENT_BATCH_NOT_APPROVED: {
    id: "Batch {number} berstatus '{status}': berkas bank hanya dari batch yang sudah disetujui.",
    en: "Batch {number} is '{status}': the bank file comes only from an approved batch.",
  },
  PAYMENT_BATCH_NOT_EXPORTED: {
    id: "Batch {number} berstatus '{status}': belum dikirim ke bank.",
    en: "Batch {number} is '{status}': it has not been sent to the bank.",
  },
  PAYMENT_BATCH_VERSION_CONFLICT: {
    id: "Batch baru saja diubah (versi Anda {expected}, kini {actual}). Muat ulang.",
    en: "The batch just changed (your version {expected}, now {actual}). Reload.",
  },
  PAYMENT_BATCH_HASH_MISMATCH: {
    id: "Daftar batch {number} berbeda dari yang Anda periksa: persetujuan ditolak.",
    en: "The lines of batch {number} differ from those you checked: approval refused.",
  },
  PAYMENT_LINE_NOT_OPEN: {
    id: "Baris {reference} berstatus '{status}' atau sudah ditindaklanjuti.",
    en: "Line {reference} is '{status}' or already resolved.",
  },
  PAYMENT_LINE_VERSION_CONFLICT: {
    id: "Baris baru saja diubah (versi Anda {expected}, kini {actual}). Muat ulang.",
    en: "The line just changed (your version {expected}, now {actual}). Reload.",
  },
  PAYMENT_DEADLINE_NOT_REACHED: {
    id: "Batas waktu pengambilan ({deadline}) belum lewat.",
    en: "The claim deadline ({deadline}) has not passed yet.",
  },
  PAYMENT_REFERENCE_NOT_IN_BATCH: {
    id: "Referensi tidak ada di batch ini.",
    en: "The reference is not in this batch.",
  },
  PAYMENT_AMOUNT_MISMATCH: {
    id: "Nominal berbeda dari baris pembayaran.",
    en: "The amount differs from the payment line.",
  },
  PAYMENT_REVERSAL_WITHOUT_CREDIT: {
    id: "Retur tanpa kredit sebelumnya: ditahan sampai kreditnya diterima.",
    en: "Reversal without an earlier credit: held until its credit arrives.",
  },
  PAYMENT_ALREADY_PAID: {
    id: "Baris sudah dibayar: tidak dibayar dua kali.",
    en: "The line is already paid: never paid twice.",
  },
  PAYMENT_ALREADY_FAILED: { id: "Baris sudah dinyatakan gagal.", en: "The line has already failed." },
  PAYMENT_ALREADY_RETURNED: { id: "Baris sudah diretur.", en: "The line was already returned." },
  PAYMENT_LINE_NOT_SENT: { id: "Baris belum dikirim ke bank.", en: "The line was not sent to the bank." },
  PAYMENT_BANK_REFERENCE_REUSED: {
    id: "Referensi bank yang sama dengan isi berbeda.",
    en: "The same bank reference with different content.",
  },
  PAYMENT_LAYOUT_NOT_FOUND: {
    id: "Tata letak berkas bank {id} tidak ditemukan untuk dinas batch ini.",
    en: "Bank file layout {id} was not found for this batch's agency.",
  },
  PAYMENT_LAYOUT_BUILT_IN: {
    id: "Tata letak bawaan {id} tidak dapat dihapus.",
    en: "The built-in layout {id} cannot be deleted.",
  },
  PAYMENT_LAYOUT_CODE_RESERVED: {
    id: "Kode {code} dipakai tata letak bawaan; pilih kode lain.",
    en: "Code {code} belongs to a built-in layout; choose another code.",
  },
  PAYMENT_LAYOUT_AGENCY_REQUIRED: {
    id: "Akun Anda tidak terikat pada dinas: tata letak disimpan per dinas.",
    en: "Your account belongs to no agency: layouts are kept per agency.",
  },
  PAYMENT_LAYOUT_TWICE: {
    id: "Pilih tata letak tersimpan atau kirim tata letak, bukan keduanya.",
    en: "Choose a saved layout or send a layout, not both.",
  },
  PAYMENT_RESULT_MALFORMED: { id: "Baris hasil tidak terbaca.", en: "The result row cannot be read." },
};
