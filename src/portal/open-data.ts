/**
 * Open data (pure): per program period, counts and sums per desa as CSV and JSON — from the snapshot, so the
 * k ≥ 5 suppression is the snapshot's — with a data dictionary and DCAT (JSON-LD) / CKAN-shaped metadata.
 */
import type { Published } from "./cache.ts";
import { STAGES } from "./snapshot.ts";

export const DATA_PREFIX = "/publik/data";

export interface DictionaryField {
  name: string;
  type: "string" | "integer";
  id: string;
  en: string;
}

export const DICTIONARY: readonly DictionaryField[] = [
  { name: "program_code", type: "string", id: "Kode program", en: "Program code" },
  { name: "program_name", type: "string", id: "Nama program", en: "Program name" },
  { name: "period", type: "string", id: "Tahap", en: "Period" },
  {
    name: "district_code",
    type: "string",
    id: "Kode kecamatan (Kemendagri)",
    en: "Kecamatan code (Kemendagri)",
  },
  { name: "district_name", type: "string", id: "Nama kecamatan", en: "Kecamatan name" },
  {
    name: "village_code",
    type: "string",
    id: "Kode desa/kelurahan (Kemendagri)",
    en: "Desa code (Kemendagri)",
  },
  { name: "village_name", type: "string", id: "Nama desa/kelurahan", en: "Desa name" },
  ...STAGES.flatMap((s): DictionaryField[] => [
    {
      name: `${s}_count`,
      type: "integer",
      id: `Jumlah orang tahap "${s}"; kosong bila di bawah 5 (disembunyikan)`,
      en: `Persons at stage "${s}"; empty when below 5 (withheld)`,
    },
    {
      name: `${s}_amount`,
      type: "integer",
      id: `Nilai bantuan tahap "${s}" dalam rupiah; kosong bila disembunyikan`,
      en: `Aid amount at stage "${s}" in rupiah; empty when withheld`,
    },
  ]),
];

type Row = Record<string, string | number | null>;

export function openDataRows(p: Published): Row[] {
  const s = p.snapshot;
  return s.districts.flatMap((d) =>
    d.villages.map((v) => {
      const row: Row = {
        program_code: s.program.code,
        program_name: s.program.name,
        period: s.period.name,
        district_code: d.code,
        district_name: d.name,
        village_code: v.code,
        village_name: v.name,
      };
      for (const stage of STAGES) {
        row[`${stage}_count`] = v.figures[stage].count;
        row[`${stage}_amount`] = v.figures[stage].amount;
      }
      return row;
    }),
  );
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function openDataCsv(p: Published): string {
  const header = DICTIONARY.map((f) => f.name);
  const lines = [header.join(",")];
  for (const row of openDataRows(p)) lines.push(header.map((h) => csvCell(row[h] ?? null)).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function openDataJson(p: Published): string {
  return JSON.stringify({
    publication: p.id,
    sha256: p.sha256,
    publishedAt: p.publishedAt,
    suppression: { k: 5, note: "null = fewer than 5 persons (or withheld so that one cannot be recovered)" },
    rows: openDataRows(p),
  });
}

export function datasetId(p: Published): string {
  return `${p.snapshot.program.code}-${p.snapshot.period.name}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** The newest publication of each period: one dataset each. */
export function dcatCatalog(latest: readonly Published[], baseUrl: string, regencyName: string): object {
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
    },
    "@type": "dcat:Catalog",
    "dct:title": `Data terbuka bansos ${regencyName}`,
    "dct:publisher": { "@type": "foaf:Organization", "foaf:name": regencyName },
    "dct:license": "https://creativecommons.org/licenses/by/4.0/",
    "dcat:dataset": latest.map((p) => dcatDataset(p, baseUrl)),
  };
}

function dcatDataset(p: Published, baseUrl: string): object {
  const s = p.snapshot;
  return {
    "@type": "dcat:Dataset",
    "dct:identifier": datasetId(p),
    "dct:title": `${s.program.name} — ${s.period.name}`,
    "dct:description": `Jumlah orang dan nilai bantuan per desa (${s.program.agency}); angka di bawah 5 disembunyikan.`,
    "dct:issued": p.publishedAt,
    "dct:temporal": { "dcat:startDate": s.period.startsOn, "dcat:endDate": s.period.endsOn },
    "dct:spatial": s.regency.code,
    "dcat:keyword": ["bansos", "social assistance", s.program.code],
    "dcat:distribution": ["csv", "json"].map((format) => ({
      "@type": "dcat:Distribution",
      "dcat:downloadURL": `${baseUrl}${DATA_PREFIX}/${p.id}/data.${format}`,
      "dcat:mediaType": format === "csv" ? "text/csv" : "application/json",
      "dcat:checksum": {
        "spdx:algorithm": "sha256 (of the publication snapshot)",
        "spdx:checksumValue": p.sha256,
      },
      "dct:conformsTo": `${baseUrl}${DATA_PREFIX}/kamus.json`,
    })),
  };
}

/** CKAN's package_show shape, so a CKAN harvester (data.go.id, Satu Data) can read the catalogue. */
export function ckanPackage(p: Published, baseUrl: string): object {
  const s = p.snapshot;
  return {
    name: datasetId(p),
    title: `${s.program.name} — ${s.period.name}`,
    notes: `Jumlah orang dan nilai bantuan per desa (${s.program.agency}); angka di bawah 5 disembunyikan.`,
    license_id: "cc-by",
    metadata_created: p.publishedAt,
    organization: { name: s.regency.code, title: s.regency.name },
    tags: [{ name: "bansos" }, { name: s.program.code.toLowerCase() }],
    extras: [{ key: "sha256", value: p.sha256 }],
    resources: ["csv", "json"].map((format) => ({
      name: `${datasetId(p)}.${format}`,
      format: format.toUpperCase(),
      url: `${baseUrl}${DATA_PREFIX}/${p.id}/data.${format}`,
      hash: p.sha256,
    })),
  };
}
