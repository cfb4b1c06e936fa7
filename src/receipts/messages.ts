import type { MessageCatalog } from "../i18n/index.ts";

export const RECEIPT_MESSAGES: MessageCatalog = {
  RECEIPT_LINE_NOT_FOUND: {
    id: "Pembayaran tidak ditemukan.",
    en: "Payment not found.",
  },
  RECEIPT_LINE_NOT_PAID: {
    id: "Pembayaran ini belum dibayar oleh bank (status {status}), jadi belum bisa dikonfirmasi.",
    en: "The bank has not paid this payment yet (status {status}), so it cannot be confirmed.",
  },
  RECEIPT_ALREADY_CONFIRMED: {
    id: "Penerimaan pembayaran ini sudah dicatat lewat jalur ini.",
    en: "The receipt of this payment has already been recorded through this channel.",
  },
  RECEIPT_AMOUNT_INVALID: {
    id: "Tulis jumlah yang diterima di tangan dalam rupiah, kurang dari {paid}.",
    en: "Write the amount received in hand in rupiah, less than {paid}.",
  },
  RECEIPT_CHANNEL_INVALID: {
    id: "Jalur konfirmasi {channel} tidak bisa dipakai di sini.",
    en: "The confirmation channel {channel} cannot be used here.",
  },
  RECEIPT_LINE_NOT_IN_SAMPLE: {
    id: "Pembayaran ini tidak termasuk sampel verifikasi yang dipilih.",
    en: "This payment is not in the chosen verification sample.",
  },
  RECEIPT_SAMPLE_NOT_FOUND: {
    id: "Sampel verifikasi tidak ditemukan.",
    en: "Verification sample not found.",
  },
  RECEIPT_BATCH_NOT_PAID: {
    id: "Batch ini belum punya pembayaran yang sudah dibayar bank; sampel belum bisa ditarik.",
    en: "This batch has no payment the bank has paid yet; no sample can be drawn.",
  },
};
