/** Complaint vocabulary shared by the server, the public form and the web app (pure). */
export const COMPLAINT_CATEGORIES = [
  "payment_not_received",
  "payment_less",
  "payment_more",
  "payment_not_collected",
  "deduction",
  "not_registered",
  "objection",
  "data_correction",
  "staff_conduct",
  "information",
  "other",
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * Categories that accuse officials: the desa and kecamatan would judge themselves (seed 003: the Rp50.000 cut
 * was made by the people a complaint would normally go to), so they go to the Inspektorat.
 */
export const SENSITIVE_CATEGORIES: readonly ComplaintCategory[] = ["deduction", "staff_conduct"];
export const PAYMENT_CATEGORIES: readonly ComplaintCategory[] = [
  "payment_not_received",
  "payment_less",
  "payment_more",
  "payment_not_collected",
];

export function isSensitive(category: ComplaintCategory): boolean {
  return SENSITIVE_CATEGORIES.includes(category);
}

export const COMPLAINT_CHANNELS = ["web", "walk_in", "phone", "letter", "whatsapp", "system"] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_STAGES = [
  "new",
  "acknowledged",
  "assigned",
  "in_progress",
  "waiting",
  "resolved",
  "closed",
] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

/** Who handles a complaint: the desa, the kecamatan, the regency (dinas) or the Inspektorat. */
export const COMPLAINT_LEVELS = ["village", "district", "regency", "inspektorat"] as const;
export type ComplaintLevel = (typeof COMPLAINT_LEVELS)[number];

export const SLA_COLOURS = ["on_track", "at_risk", "breached", "met"] as const;
export type SlaColour = (typeof SLA_COLOURS)[number];

export const CATEGORY_LABELS: Record<ComplaintCategory, { id: string; en: string }> = {
  payment_not_received: { id: "Bantuan belum diterima", en: "Payment not received" },
  payment_less: { id: "Diterima kurang dari SK", en: "Received less than the decree" },
  payment_more: { id: "Diterima lebih dari SK", en: "Received more than the decree" },
  payment_not_collected: { id: "Bantuan tidak dapat dicairkan", en: "Payment could not be collected" },
  deduction: { id: "Potongan atau pungutan oleh petugas", en: "Deduction or levy by an official" },
  not_registered: { id: "Tidak terdaftar / dikeluarkan keliru", en: "Not registered / wrongly excluded" },
  objection: { id: "Keberatan atas penerima", en: "Objection to a recipient" },
  data_correction: { id: "Perbaikan data", en: "Data correction" },
  staff_conduct: { id: "Perilaku petugas", en: "Staff conduct" },
  information: { id: "Permintaan informasi", en: "Information request" },
  other: { id: "Lainnya", en: "Other" },
};

export const STAGE_LABELS: Record<ComplaintStage, { id: string; en: string }> = {
  new: { id: "Diterima", en: "Received" },
  acknowledged: { id: "Dikonfirmasi", en: "Acknowledged" },
  assigned: { id: "Ditugaskan", en: "Assigned" },
  in_progress: { id: "Sedang ditangani", en: "In progress" },
  waiting: { id: "Menunggu jawaban pelapor", en: "Waiting for the complainant" },
  resolved: { id: "Selesai", en: "Resolved" },
  closed: { id: "Ditutup", en: "Closed" },
};
