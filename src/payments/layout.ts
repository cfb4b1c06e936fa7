/**
 * Column layouts of the bank's files: which column carries which field, under which header. Banks differ (BRI's
 * collective-account upload is keyed by NIK; another bank wants an account number first), so a layout is data,
 * and an agency can save its own. Pure.
 */
import { z } from "zod";

/** What one line of the payment file can carry. */
export const EXPORT_FIELDS = [
  "line_number",
  "reference",
  "nik",
  "account_name",
  "branch",
  "amount",
  "village",
  "district",
  "batch_number",
  "remark",
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

/** What a result file's columns can say; `outcome`'s text is mapped through the layout's outcome words. */
export const RESULT_FIELDS = [
  "reference",
  "bank_reference",
  "outcome",
  "amount",
  "value_date",
  "reason",
  "reason_text",
  "ignore",
] as const;
export type ResultField = (typeof RESULT_FIELDS)[number];

export const exportLayoutSchema = z.object({
  code: z.string().min(1).max(40),
  name: z.string().min(1).max(120),
  /** CSV delimiter; BRI's uploader reads semicolons (Indonesian Excel writes them for CSV). */
  delimiter: z.enum([",", ";", "|"]).default(";"),
  columns: z
    .array(z.object({ header: z.string().min(1).max(60), field: z.enum(EXPORT_FIELDS) }))
    .min(1)
    .max(30),
});
export type ExportLayout = z.output<typeof exportLayoutSchema>;

export const resultLayoutSchema = z.object({
  code: z.string().min(1).max(40),
  name: z.string().min(1).max(120),
  delimiter: z.enum([",", ";", "|"]).default(";"),
  columns: z
    .array(z.object({ header: z.string().min(1).max(60), field: z.enum(RESULT_FIELDS) }))
    .min(1)
    .max(30),
  /** The bank's words for each outcome, upper-cased ("SUKSES" → paid, "GAGAL" → failed, "RETUR" → returned). */
  outcomes: z.object({
    paid: z.array(z.string().min(1)).min(1),
    failed: z.array(z.string().min(1)).min(1),
    returned: z.array(z.string().min(1)).min(1),
  }),
});
export type ResultLayout = z.output<typeof resultLayoutSchema>;

/** The default: a BRI collective-account (burekol) upload keyed by NIK, with account name, branch and amount. */
export const BRI_COLLECTIVE_LAYOUT: ExportLayout = {
  code: "bri-burekol",
  name: "BRI rekening kolektif (burekol)",
  delimiter: ";",
  columns: [
    { header: "NO", field: "line_number" },
    { header: "NIK", field: "nik" },
    { header: "NAMA_REKENING", field: "account_name" },
    { header: "KODE_CABANG", field: "branch" },
    { header: "NOMINAL", field: "amount" },
    { header: "NO_REFERENSI", field: "reference" },
    { header: "DESA", field: "village" },
    { header: "KECAMATAN", field: "district" },
    { header: "KETERANGAN", field: "remark" },
  ],
};

/** The result file BRI returns for a burekol upload, one line per credit, failure or return. */
export const BRI_RESULT_LAYOUT: ResultLayout = {
  code: "bri-hasil",
  name: "BRI hasil penyaluran",
  delimiter: ";",
  columns: [
    { header: "NO_REFERENSI", field: "reference" },
    { header: "REF_BANK", field: "bank_reference" },
    { header: "STATUS", field: "outcome" },
    { header: "NOMINAL", field: "amount" },
    { header: "TANGGAL", field: "value_date" },
    { header: "KODE_ALASAN", field: "reason" },
    { header: "KETERANGAN", field: "reason_text" },
  ],
  outcomes: {
    paid: ["SUKSES", "BERHASIL", "PAID", "SUCC"],
    failed: ["GAGAL", "FAILED", "RJCT"],
    returned: ["RETUR", "RETURNED", "REVERSAL"],
  },
};

export const EXPORT_LAYOUTS: readonly ExportLayout[] = [BRI_COLLECTIVE_LAYOUT];
export const RESULT_LAYOUTS: readonly ResultLayout[] = [BRI_RESULT_LAYOUT];

/** One line of a batch as the bank file shows it; `nik` is already full or masked as the caller is entitled. */
export interface ExportLine {
  lineNumber: number;
  reference: string;
  nik: string;
  accountName: string;
  branch: string;
  amount: number;
  village: string;
  district: string;
  batchNumber: number;
  remark: string;
}

export function exportCell(line: ExportLine, field: ExportField): string | number {
  switch (field) {
    case "line_number":
      return line.lineNumber;
    case "reference":
      return line.reference;
    case "nik":
      return line.nik;
    case "account_name":
      return line.accountName;
    case "branch":
      return line.branch;
    case "amount":
      return line.amount;
    case "village":
      return line.village;
    case "district":
      return line.district;
    case "batch_number":
      return line.batchNumber;
    case "remark":
      return line.remark;
  }
}
