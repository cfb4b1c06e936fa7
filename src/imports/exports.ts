/**
 * A reconciliation's lines as a spreadsheet for the coordination meeting or the field check: both sides of
 * each line, the fields that differ, the engine's evidence in words, and the decision taken.
 */
import type { Writable } from "node:stream";
import type { Language, MessageCatalog, MessageParams } from "../i18n/index.ts";
import { createTranslator } from "../i18n/index.ts";
import type { LineView } from "./line-view.ts";
import { createTableWriter, type TableFormat } from "./table-writer.ts";

export const EXPORT_MESSAGES: MessageCatalog = {
  EXPORT_CATEGORY: { id: "KATEGORI", en: "CATEGORY" },
  EXPORT_DISTRICT: { id: "KECAMATAN", en: "KECAMATAN" },
  EXPORT_VILLAGE: { id: "DESA/KELURAHAN", en: "DESA/KELURAHAN" },
  EXPORT_CENTRAL_ROW: { id: "BARIS DAFTAR PUSAT", en: "CENTRAL LIST ROW" },
  EXPORT_CENTRAL: { id: "PUSAT", en: "CENTRAL" },
  EXPORT_REGIONAL: { id: "DAERAH", en: "REGIONAL" },
  EXPORT_PERSON_ID: { id: "ID PENDUDUK", en: "PERSON ID" },
  EXPORT_PROBABILITY: { id: "PELUANG SAMA (%)", en: "SAME-PERSON PROBABILITY (%)" },
  EXPORT_CONFLICTS: { id: "DATA BERBEDA", en: "FIELDS THAT DIFFER" },
  EXPORT_EVIDENCE: { id: "BUKTI PENCOCOKAN", en: "MATCH EVIDENCE" },
  EXPORT_NEAREST: { id: "KANDIDAT TERDEKAT", en: "NEAREST CANDIDATE" },
  EXPORT_DECISION: { id: "KEPUTUSAN", en: "DECISION" },
  EXPORT_REASON: { id: "ALASAN", en: "REASON" },
  EXPORT_DECIDED_BY: { id: "DIPUTUSKAN OLEH", en: "DECIDED BY" },
  EXPORT_DECIDED_AT: { id: "WAKTU KEPUTUSAN", en: "DECIDED AT" },
  EXPORT_FIELD_NIK: { id: "NIK", en: "NIK" },
  EXPORT_FIELD_KK: { id: "NO KK", en: "KK" },
  EXPORT_FIELD_NAME: { id: "NAMA", en: "NAME" },
  EXPORT_FIELD_BIRTH_DATE: { id: "TGL LAHIR", en: "BIRTH DATE" },
  EXPORT_FIELD_SEX: { id: "JK", en: "SEX" },
  EXPORT_FIELD_ADDRESS: { id: "ALAMAT", en: "ADDRESS" },
  EXPORT_FIELD_BIRTH_PLACE: { id: "TEMPAT LAHIR", en: "BIRTH PLACE" },
  EXPORT_FIELD_PHONE: { id: "NO HP", en: "PHONE" },
  EXPORT_FIELD_VILLAGE: { id: "DESA", en: "DESA" },
  EXPORT_FIELD_RT: { id: "RT", en: "RT" },
  EXPORT_FIELD_RW: { id: "RW", en: "RW" },
  EXPORT_CAT_MATCHED: { id: "Cocok", en: "Matched" },
  EXPORT_CAT_CONFLICT: { id: "Cocok, data berbeda", en: "Matched, data differ" },
  EXPORT_CAT_CENTRAL_ONLY: { id: "Hanya di daftar pusat", en: "Central list only" },
  EXPORT_CAT_REGIONAL_ONLY: { id: "Hanya di data daerah", en: "Regional data only" },
  EXPORT_DECISION_CONFIRMED: { id: "Dikonfirmasi", en: "Confirmed" },
  EXPORT_DECISION_NOT_SAME_PERSON: { id: "Bukan orang yang sama", en: "Not the same person" },
  EXPORT_DECISION_USE_CENTRAL: { id: "Pakai data pusat", en: "Use the central data" },
  EXPORT_DECISION_KEEP_REGIONAL: { id: "Pertahankan data daerah", en: "Keep the regional data" },
  EXPORT_DECISION_FIELD_CHECK: { id: "Perlu cek lapangan", en: "Field check needed" },
  EXPORT_DECISION_ADD_TO_REGISTRY: { id: "Daftarkan di daerah", en: "Register locally" },
  EXPORT_DECISION_NOT_ELIGIBLE: { id: "Tidak layak", en: "Not eligible" },
  EXPORT_DECISION_KEEP_PROPOSED: { id: "Tetap diusulkan", en: "Keep proposed" },
  EXPORT_DECISION_REMOVE_FROM_LIST: { id: "Keluarkan dari daftar", en: "Remove from the list" },
};

const t = createTranslator(EXPORT_MESSAGES);
const label = (code: string, language: Language, params: MessageParams = {}) => t(code, params, language);

const FIELD_CODE: Record<string, string> = {
  nik: "EXPORT_FIELD_NIK",
  kk: "EXPORT_FIELD_KK",
  name: "EXPORT_FIELD_NAME",
  birth_date: "EXPORT_FIELD_BIRTH_DATE",
  sex: "EXPORT_FIELD_SEX",
  address: "EXPORT_FIELD_ADDRESS",
  birth_place: "EXPORT_FIELD_BIRTH_PLACE",
  phone: "EXPORT_FIELD_PHONE",
  village: "EXPORT_FIELD_VILLAGE",
  rt: "EXPORT_FIELD_RT",
  rw: "EXPORT_FIELD_RW",
  rt_rw: "EXPORT_FIELD_RT",
};

const fieldLabel = (field: string, language: Language) =>
  FIELD_CODE[field] ? label(FIELD_CODE[field] as string, language) : field;

export function exportHeader(language: Language): string[] {
  const side = (code: string) => label(code, language);
  const c = side("EXPORT_CENTRAL");
  const r = side("EXPORT_REGIONAL");
  return [
    side("EXPORT_CATEGORY"),
    side("EXPORT_DISTRICT"),
    side("EXPORT_VILLAGE"),
    side("EXPORT_CENTRAL_ROW"),
    `${side("EXPORT_FIELD_NIK")} (${c})`,
    `${side("EXPORT_FIELD_KK")} (${c})`,
    `${side("EXPORT_FIELD_NAME")} (${c})`,
    `${side("EXPORT_FIELD_BIRTH_DATE")} (${c})`,
    `${side("EXPORT_FIELD_SEX")} (${c})`,
    `${side("EXPORT_FIELD_VILLAGE")} (${c})`,
    `RT/RW (${c})`,
    side("EXPORT_PERSON_ID"),
    `${side("EXPORT_FIELD_NIK")} (${r})`,
    `${side("EXPORT_FIELD_KK")} (${r})`,
    `${side("EXPORT_FIELD_NAME")} (${r})`,
    `${side("EXPORT_FIELD_BIRTH_DATE")} (${r})`,
    `${side("EXPORT_FIELD_SEX")} (${r})`,
    `${side("EXPORT_FIELD_VILLAGE")} (${r})`,
    `RT/RW (${r})`,
    side("EXPORT_PROBABILITY"),
    side("EXPORT_CONFLICTS"),
    side("EXPORT_EVIDENCE"),
    side("EXPORT_NEAREST"),
    side("EXPORT_DECISION"),
    side("EXPORT_REASON"),
    side("EXPORT_DECIDED_BY"),
    side("EXPORT_DECIDED_AT"),
  ];
}

const slash = (a: string | null, b: string | null) => (a || b ? `${a ?? ""}/${b ?? ""}` : "");
const percent = (p: number | null | undefined) =>
  p === null || p === undefined ? "" : (Math.round(p * 1000) / 10).toFixed(1);

export function exportRow(
  line: LineView,
  districtName: (code: string | null) => string,
  language: Language,
): string[] {
  const c = line.central;
  const p = line.person;
  const evidence = line.evidence as {
    fields?: { field: string; level: string; weight: number }[];
    nearest?: { name: string; probability: number };
  } | null;
  const described = (evidence?.fields ?? [])
    .filter((f) => f.level !== "missing")
    .map(
      (f) =>
        `${fieldLabel(f.field, language)}: ${f.level} (${f.weight >= 0 ? "+" : ""}${f.weight.toFixed(1)})`,
    )
    .join("; ");
  const nearest = evidence?.nearest
    ? `${evidence.nearest.name} (${percent(evidence.nearest.probability)}%)`
    : "";
  const decision = line.decision ? label(`EXPORT_DECISION_${line.decision.toUpperCase()}`, language) : "";
  return [
    label(`EXPORT_CAT_${line.category.toUpperCase()}`, language),
    districtName(line.village?.code.slice(0, 8) ?? null),
    line.village?.name ?? "",
    line.centralRow === null ? "" : String(line.centralRow),
    c?.nik ?? "",
    c?.kk ?? "",
    c?.name ?? "",
    c?.birthDate ?? String(c?.birthYear ?? ""),
    c?.sex ?? "",
    c?.village?.name ?? "",
    slash(c?.rt ?? null, c?.rw ?? null),
    p?.id ?? "",
    p?.nik ?? "",
    p?.kk ?? "",
    p?.name ?? "",
    p?.birthDate ?? String(p?.birthYear ?? ""),
    p?.sex ?? "",
    p?.village.name ?? "",
    slash(p?.rt ?? null, p?.rw ?? null),
    percent(line.probability),
    line.conflicts.map((f) => fieldLabel(f, language)).join(", "),
    described,
    nearest,
    decision,
    line.decisionReason ?? "",
    line.decidedByName ?? "",
    line.decidedAt ?? "",
  ];
}

export async function writeLinesExport(
  out: Writable,
  format: TableFormat,
  language: Language,
  pages: AsyncIterable<LineView[]>,
  districtName: (code: string | null) => string,
): Promise<number> {
  const writer = createTableWriter(out, format, {
    sheetName: language === "id" ? "Rekonsiliasi" : "Reconciliation",
  });
  await writer.row(exportHeader(language), { emphasis: "header" });
  let rows = 0;
  for await (const page of pages) {
    for (const line of page) {
      await writer.row(exportRow(line, districtName, language));
      rows++;
    }
  }
  await writer.close();
  return rows;
}
