/**
 * What an accountability recap holds: the pipeline from registration to payment with money at each stage,
 * and how each stage is counted. Pure: the store fills it, the pack prints it, the web app labels it.
 */

export const PIPELINE_STAGES = [
  "registered",
  "verified",
  "ranked",
  "proposed",
  "decreed",
  "paid",
  "collected",
  "confirmed",
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const RECAP_DIMENSIONS = ["rt", "rw", "village", "district", "agency", "program", "period"] as const;
export type RecapDimension = (typeof RECAP_DIMENSIONS)[number];

/** A stage's figure: how many applications reached it, and the rupiah they stand for there. */
export interface StageFigure {
  count: number;
  amount: number;
}

export interface RecapRow {
  key: string;
  label: string;
  stages: Partial<Record<PipelineStage, StageFigure>>;
  failed: StageFigure;
  returned: StageFigure;
  /**
   * Σ paid over the lines the recipients confirmed: with the "confirmed" stage's rupiah (Σ received in hand)
   * it gives the leakage, 1 − received / paid.
   */
  confirmedPaid: number;
}

export interface Recap {
  dimension: RecapDimension;
  rows: RecapRow[];
  total: RecapRow;
}

/** 1 − Σ received / Σ paid over confirmed lines; null before any line was confirmed. */
export function leakageShare(row: Pick<RecapRow, "stages" | "confirmedPaid">): number | null {
  const received = row.stages.confirmed?.amount ?? 0;
  return row.confirmedPaid > 0 ? 1 - received / row.confirmedPaid : null;
}

/** Statuses an application has passed "verified" in (the workflow only moves forward from there or ends). */
export const VERIFIED_OR_LATER = [
  "verified",
  "validated",
  "selected",
  "published",
  "approved",
  "paid",
  "received",
  "objection_upheld",
  "payment_failed",
  "payment_returned",
] as const;

/** Statuses of an application that the ranking put on the list proposed for the decree. */
export const PROPOSED_OR_LATER = [
  "selected",
  "published",
  "approved",
  "paid",
  "received",
  "objection_upheld",
  "payment_failed",
  "payment_returned",
] as const;

/**
 * How each figure is counted: printed in the pack's annex of methods, so an auditor can recount it.
 * Indonesian first, English second, like every text of the pack.
 */
export const STAGE_METHODS: Record<PipelineStage, { id: string; en: string }> = {
  registered: {
    id: "Pendaftaran program yang sudah diajukan (status bukan draft); rupiah = jumlah × nilai bantuan program.",
    en: "Program applications submitted (status other than draft); rupiah = count × the program's amount.",
  },
  verified: {
    id: "Pendaftaran berstatus terverifikasi atau tahap sesudahnya; rupiah = jumlah × nilai bantuan program.",
    en: "Applications verified or past verification; rupiah = count × the program's amount.",
  },
  ranked: {
    id: "Pendaftaran yang ada dalam hasil pemeringkatan (selection_results) mana pun; rupiah = jumlah × nilai bantuan.",
    en: "Applications present in any ranking run (selection_results); rupiah = count × the program's amount.",
  },
  proposed: {
    id: "Pendaftaran terpilih untuk diusulkan (selected atau sesudahnya); rupiah = jumlah × nilai bantuan.",
    en: "Applications selected for the proposal (selected or later); rupiah = count × the program's amount.",
  },
  decreed: {
    id: "Baris lampiran SK Bupati yang berlaku (status approved); rupiah = jumlah nilai pada lampiran.",
    en: "Lines of decrees in force (status approved); rupiah = sum of the annex amounts.",
  },
  paid: {
    id: "Baris pembayaran yang dikreditkan bank (paid, atau returned setelah dibayar); rupiah = nilai baris.",
    en: "Payment lines the bank credited (paid, or returned after being paid); rupiah = the line amounts.",
  },
  collected: {
    id: "Baris dibayar yang tidak dikembalikan setelah batas waktu pengambilan diterapkan; rupiah = nilai baris.",
    en: "Paid lines not returned once the claim deadline was applied; rupiah = the line amounts.",
  },
  confirmed: {
    id:
      "Baris dibayar yang dijawab penerimanya lewat portal atau sampel verifikasi (jawaban di titik salur tidak dihitung; " +
      "menolak menjawab bukan konfirmasi; bila ada keduanya, jawaban sampel yang dipakai); rupiah = jumlah yang diterima di tangan. " +
      "Kebocoran = 1 − Σ diterima / Σ dibayar atas baris itu.",
    en:
      "Paid lines their recipient answered on the portal or in the verification sample (answers at a distribution point do not " +
      "count; a refusal is no confirmation; where both exist the sample's answer counts); rupiah = the amount received in hand. " +
      "Leakage = 1 − Σ received / Σ paid over those lines.",
  },
};

export function emptyRow(key: string, label: string): RecapRow {
  return {
    key,
    label,
    stages: {},
    failed: { count: 0, amount: 0 },
    returned: { count: 0, amount: 0 },
    confirmedPaid: 0,
  };
}

/** The total row is the sum of the rows: never a separate query that could disagree with them. */
export function totalOf(rows: readonly RecapRow[], label: string): RecapRow {
  const total = emptyRow("total", label);
  for (const stage of PIPELINE_STAGES) total.stages[stage] = { count: 0, amount: 0 };
  for (const row of rows) {
    for (const stage of PIPELINE_STAGES) {
      const figure = row.stages[stage];
      if (!figure) continue;
      const sum = total.stages[stage] ?? { count: 0, amount: 0 };
      total.stages[stage] = { count: sum.count + figure.count, amount: sum.amount + figure.amount };
    }
    total.failed = add(total.failed, row.failed);
    total.returned = add(total.returned, row.returned);
    total.confirmedPaid += row.confirmedPaid;
  }
  return total;
}

function add(a: StageFigure, b: StageFigure): StageFigure {
  return { count: a.count + b.count, amount: a.amount + b.amount };
}
