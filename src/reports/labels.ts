/**
 * Labels of the pack's codes, in the pattern of src/complaints/codes.ts: printed documents carry both languages,
 * and the web app reads the same table. Pure.
 */
import type { Language } from "../i18n/index.ts";
import type { FailureReason } from "../payments/codes.ts";
import type { PipelineStage } from "./recap.ts";

export const STAGE_LABELS: Record<PipelineStage, { id: string; en: string }> = {
  registered: { id: "Terdaftar", en: "Registered" },
  verified: { id: "Terverifikasi", en: "Verified" },
  ranked: { id: "Diperingkat", en: "Ranked" },
  proposed: { id: "Diusulkan", en: "Proposed" },
  decreed: { id: "Ditetapkan SK", en: "Decreed" },
  paid: { id: "Dibayar", en: "Paid" },
  collected: { id: "Diambil", en: "Collected" },
  confirmed: { id: "Dikonfirmasi penerima", en: "Confirmed by recipient" },
};

export const FAILURE_LABELS: Record<FailureReason, string> = {
  "rjct.reference_id.invalid": "Referensi tidak sah / invalid reference",
  "rjct.reference_id.duplicate": "Referensi ganda / duplicate reference",
  "rjct.timestamp.invalid": "Waktu tidak sah / invalid timestamp",
  "rjct.payer_fa.invalid": "Rekening pembayar tidak sah / invalid payer account",
  "rjct.payee_fa.invalid": "Rekening penerima tidak sah / invalid payee account",
  "rjct.amount.invalid": "Nilai tidak sah / invalid amount",
  "rjct.schedule_ts.invalid": "Jadwal tidak sah / invalid schedule",
  "rjct.currency_code.invalid": "Mata uang tidak sah / invalid currency",
  account_closed: "Rekening ditutup / account closed",
  account_dormant: "Rekening pasif / dormant account",
  name_mismatch: "Nama tidak sesuai / name mismatch",
  holder_deceased: "Penerima meninggal / holder deceased",
  burekol_failed: "Buka rekening kolektif gagal / collective account failed",
  unclaimed_by_deadline: "Tidak diambil sampai batas waktu / unclaimed by the deadline",
  other: "Lainnya / other",
};

export function failureLabel(reason: string): string {
  return (FAILURE_LABELS as Record<string, string>)[reason] ?? reason;
}

/** One language of a failure reason's bilingual label, for a screen that shows only the reader's language. */
export function failureLabelIn(reason: string, language: Language): string {
  const [id, en] = failureLabel(reason).split(" / ");
  return (language === "en" ? en : id) ?? failureLabel(reason);
}
