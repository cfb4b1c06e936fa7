/**
 * A synthetic decree of any size for the PDF benchmark and its short version in the suite: Paser-like names,
 * desa and businesses, one amount. Deterministic, so two renders of it can be compared byte for byte.
 */
import { createHmac } from "node:crypto";
import { type Annex, type AnnexRecipient, buildAnnex } from "./annex.ts";
import type { DecreeDocument, PdfLine } from "./pdf.ts";
import { defaultTemplate } from "./template.ts";

const NAMES = [
  "Siti Aminah",
  "Muhammad Rizki",
  "Nur Hasanah",
  "Andi Saputra",
  "Rahmawati",
  "Abdul Karim",
  "Sri Wahyuni",
  "Hendra Gunawan",
];
const VILLAGES = [
  "Lolo",
  "Janju",
  "Sandeley",
  "Muara Pasir",
  "Tanah Grogot",
  "Long Ikis",
  "Kuaro",
  "Pasir Belengkong",
];
const BUSINESSES = ["Warung Makan", "Kios Sembako", "Jahit Pakaian", "Bengkel Motor", null];

export function syntheticRecipients(count: number): AnnexRecipient[] {
  return Array.from({ length: count }, (_, i) => ({
    enrollmentId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    personId: `10000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    nik: `640105${String(10180 + (i % 28)).padStart(6, "0")}${String(i % 10000).padStart(4, "0")}`,
    name: `${NAMES[i % NAMES.length]} bin ${NAMES[(i * 7) % NAMES.length]}`,
    villageCode: `64.01.${String((i % 10) + 1).padStart(2, "0")}.${2001 + (i % 13)}`,
    villageName: VILLAGES[i % VILLAGES.length] as string,
    rt: String((i % 20) + 1).padStart(3, "0"),
    rw: String((i % 5) + 1).padStart(3, "0"),
    business: BUSINESSES[i % BUSINESSES.length] ?? null,
    amount: 2_400_000,
  }));
}

export function syntheticDecree(count: number): { annex: Annex; document: DecreeDocument; lines: PdfLine[] } {
  const annex = buildAnnex(syntheticRecipients(count), (line, id) =>
    createHmac("sha256", "bench").update(`${line}:${id}`).digest("hex"),
  );
  const template = defaultTemplate("BLT UMKM Kabupaten Paser", "Kabupaten Paser");
  const document: DecreeDocument = {
    regencyName: "Kabupaten Paser",
    signerTitle: "BUPATI PASER",
    signerName: "dr. FAHMI FADLI",
    place: "Tana Paser",
    paper: "F4",
    logo: null,
    number: "846/KEP-001/2026",
    decreedOn: "2026-12-07",
    ...template,
    programName: "BLT UMKM",
    lineCount: annex.lineCount,
    totalAmount: annex.totalAmount,
    annexSha256: annex.sha256,
    merkleRoot: annex.merkleRoot,
    checkpoint: { id: 1, rootHash: "0".repeat(64) },
    verifyUrl: "https://salur.paserkab.go.id/publik/sk/00000000-0000-4000-8000-000000000000",
    amends: null,
    internal: false,
  };
  const lines = annex.lines.map((l) => ({ ...l, nik: l.nikMasked }));
  return { annex, document, lines };
}
