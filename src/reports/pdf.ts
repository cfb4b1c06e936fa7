/**
 * The report pack as a PDF (pdfkit, DejaVu embedded like the decree): cover, one-page summary, tables per
 * kecamatan and per desa, and the annex of methods. Every table names the query it came from and the audit
 * checkpoint it was cut at; every page's footer repeats the checkpoint. The summary also draws the pipeline as
 * bars (pdf-chart.ts). The creation date is the pack's own time, so the same figures render to the same bytes.
 */
import PDFDocument from "pdfkit";
import { CATEGORY_LABELS } from "../complaints/codes.ts";
import { DOCUMENT_FONT, DOCUMENT_FONT_BOLD } from "../documents/fonts.ts";
import { createMeasure, truncateToWidth } from "../documents/pdf-layout.ts";
import { formatRupiahFigure } from "../money/words.ts";
import { failureLabel, STAGE_LABELS } from "./labels.ts";
import { drawPipelineChart } from "./pdf-chart.ts";
import { leakageShare, PIPELINE_STAGES, type Recap, type RecapRow, STAGE_METHODS } from "./recap.ts";
import type { PackFigures } from "./service.ts";

type Doc = InstanceType<typeof PDFDocument>;

const MM = 72 / 25.4;
const PAGE: [number, number] = [297 * MM, 210 * MM];
const MARGIN = 15 * MM;
const ROW = 13;

interface Column {
  title: string;
  width: number;
  align: "left" | "right";
}

const n = (value: number) => value.toLocaleString("id-ID");
const rp = (value: number) => formatRupiahFigure(value);

export async function renderPackPdf(pack: PackFigures): Promise<Buffer> {
  const created = new Date(pack.generatedAt);
  const doc = new PDFDocument({
    size: PAGE,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    info: {
      Title: pack.title,
      Subject: pack.subtitle,
      Creator: "Salur",
      Producer: "Salur",
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("R", DOCUMENT_FONT);
  doc.registerFont("B", DOCUMENT_FONT_BOLD);
  const width = PAGE[0] - 2 * MARGIN;
  const bottom = PAGE[1] - MARGIN - 14;
  const newPage = () => {
    doc.addPage({ size: PAGE, margins: { top: MARGIN, bottom: 0, left: MARGIN, right: MARGIN } });
    doc.y = MARGIN;
  };
  const cut = `checkpoint audit #${pack.checkpoint.id} (${pack.checkpoint.treeSize} entri, root ${pack.checkpoint.rootHash.slice(0, 16)}…)`;
  const source = (query: string) => `Sumber / Source: ${query} @ ${cut}`;

  // ---- Cover ---------------------------------------------------------------------------------------------
  newPage();
  doc
    .font("B")
    .fontSize(14)
    .text(`PEMERINTAH ${pack.regencyName.toUpperCase()}`, MARGIN, 50 * MM, {
      width,
      align: "center",
    });
  doc.moveDown(1.5);
  doc.font("B").fontSize(20).text(pack.title, { width, align: "center" });
  doc.moveDown(0.5);
  doc.font("R").fontSize(12).text(pack.subtitle, { width, align: "center" });
  doc.moveDown(3);
  doc.fontSize(10);
  const cover = [
    [
      "Disusun / Generated",
      `${pack.generatedAt.replace("T", " ").slice(0, 19)} UTC oleh ${pack.generatedBy}`,
    ],
    ["Dipotong pada / Cut at", `checkpoint audit #${pack.checkpoint.id}, ${pack.checkpoint.issuedAt}`],
    ["Ukuran jejak / Tree size", n(pack.checkpoint.treeSize)],
    ["Merkle root", pack.checkpoint.rootHash],
  ];
  for (const [label, value] of cover) {
    const y = doc.y;
    doc.font("B").text(label ?? "", MARGIN + 40 * MM, y, { width: 55 * MM });
    doc.font("R").text(value ?? "", MARGIN + 97 * MM, y, { width: width - 137 * MM });
    doc.moveDown(0.4);
  }
  doc.moveDown(2);
  doc
    .font("R")
    .fontSize(9)
    .text(
      "Setiap angka dalam laporan ini menyebut kueri yang menghasilkannya dan checkpoint jejak audit tempat ia dipotong, " +
        "sehingga Inspektorat dapat menghitung ulang. Hash laporan ini dicatat dalam jejak audit (report.pack_generated). / " +
        "Every figure names the query that produced it and the audit checkpoint it was cut at; this pack's hash is recorded in the audit trail.",
      MARGIN + 40 * MM,
      doc.y,
      { width: width - 80 * MM, align: "center" },
    );

  // ---- One-page summary ----------------------------------------------------------------------------------
  newPage();
  heading(doc, "Ringkasan / Summary", width);
  const total = pack.byDistrict.total;
  const stageRows = PIPELINE_STAGES.map((stage) => {
    const figure = total.stages[stage] ?? { count: 0, amount: 0 };
    return [`${STAGE_LABELS[stage].id} / ${STAGE_LABELS[stage].en}`, n(figure.count), rp(figure.amount), ""];
  });
  const leakage = leakageShare(total);
  if (leakage !== null)
    stageRows.push([
      "Kebocoran / Leakage",
      "",
      rp(total.confirmedPaid - (total.stages.confirmed?.amount ?? 0)),
      `${(leakage * 100).toLocaleString("id-ID", { maximumFractionDigits: 1 })} %`,
    ]);
  stageRows.push(["Gagal dibayar / Failed", n(total.failed.count), rp(total.failed.amount), ""]);
  stageRows.push([
    "Dikembalikan ke Kas Daerah / Returned",
    n(total.returned.count),
    rp(total.returned.amount),
    "",
  ]);
  const half = width / 2 - 6 * MM;
  const top = doc.y;
  table(
    doc,
    [
      { title: "Tahap / Stage", width: half * 0.42, align: "left" },
      { title: "Jumlah", width: half * 0.14, align: "right" },
      { title: "Rupiah", width: half * 0.22, align: "right" },
      { title: "Catatan", width: half * 0.22, align: "left" },
    ],
    stageRows,
    { x: MARGIN, bottom, newPage },
  );
  caption(doc, source(pack.queries.pipeline), MARGIN, half);
  // The chart goes under the stage table before the right column is drawn: a long right column may turn the page.
  if (bottom - doc.y > 130) drawPipelineChart(doc, total, { x: MARGIN, y: doc.y + 8, width: half, bottom });
  const rightX = MARGIN + half + 12 * MM;
  doc.y = top;
  table(
    doc,
    [
      { title: "Alasan gagal / Failure reason", width: half * 0.6, align: "left" },
      { title: "Jumlah", width: half * 0.15, align: "right" },
      { title: "Rupiah", width: half * 0.25, align: "right" },
    ],
    pack.failures.length > 0
      ? pack.failures.map((f) => [failureLabel(f.reason), n(f.count), rp(f.amount)])
      : [["Tidak ada kegagalan / none", "0", "0"]],
    { x: rightX, bottom, newPage },
  );
  caption(doc, source(pack.queries.failures), rightX, half);
  doc.moveDown(0.6);
  const found = pack.overlaps.reduce((s, o) => s + o.found, 0);
  const resolved = pack.overlaps.reduce((s, o) => s + o.resolved, 0);
  table(
    doc,
    [
      { title: "Data ganda / Overlaps", width: half * 0.6, align: "left" },
      { title: "Jumlah", width: half * 0.4, align: "right" },
    ],
    [
      ["Ditemukan / Found", n(found)],
      ["Diputuskan / Resolved", n(resolved)],
    ],
    { x: rightX, bottom, newPage },
  );
  caption(doc, source(pack.queries.overlaps), rightX, half);
  doc.moveDown(0.6);
  if (pack.spec.kind === "monthly") {
    table(
      doc,
      [
        { title: "Pengaduan / Complaints", width: half * 0.4, align: "left" },
        { title: "Masuk", width: half * 0.15, align: "right" },
        { title: "Selesai", width: half * 0.15, align: "right" },
        { title: "Dalam SLA", width: half * 0.15, align: "right" },
        { title: "Lewat SLA", width: half * 0.15, align: "right" },
      ],
      pack.complaints.length > 0
        ? pack.complaints.map((c) => [
            categoryLabel(c.category),
            n(c.received),
            n(c.resolved),
            n(c.withinSla),
            n(c.breached),
          ])
        : [["Tidak ada pengaduan / none", "0", "0", "0", "0"]],
      { x: rightX, bottom, newPage },
    );
    caption(doc, source(pack.queries.complaints), rightX, half);
  }

  // ---- Tables per kecamatan, per desa, per program ------------------------------------------------------
  recapPages(
    doc,
    "Rekap per Kecamatan / By kecamatan",
    pack.byDistrict,
    width,
    bottom,
    newPage,
    source(pack.queries.pipeline),
  );
  recapPages(
    doc,
    "Rekap per Desa / By desa",
    pack.byVillage,
    width,
    bottom,
    newPage,
    source(pack.queries.pipeline),
  );
  recapPages(
    doc,
    "Rekap per Program / By program",
    pack.byProgram,
    width,
    bottom,
    newPage,
    source(pack.queries.pipeline),
  );

  // ---- Annex of methods ----------------------------------------------------------------------------------
  newPage();
  heading(doc, "Lampiran Metode / Annex of methods", width);
  doc.font("R").fontSize(9);
  for (const stage of PIPELINE_STAGES) {
    ensure(doc, 40, bottom, newPage);
    doc.font("B").text(`${STAGE_LABELS[stage].id} / ${STAGE_LABELS[stage].en}`, MARGIN, doc.y, { width });
    doc.font("R").text(STAGE_METHODS[stage].id, { width });
    doc.text(STAGE_METHODS[stage].en, { width });
    doc.moveDown(0.4);
  }
  ensure(doc, 120, bottom, newPage);
  doc.moveDown(0.5);
  doc.font("B").text("Kueri / Queries", MARGIN, doc.y, { width });
  doc.font("R");
  for (const [key, name] of Object.entries(pack.queries))
    doc.text(`${key}: ${name} (src/reports/store.ts)`, { width });
  doc.moveDown(0.5);
  doc.font("B").text("Reproduksi / Reproducing a figure", { width });
  doc
    .font("R")
    .text(
      `Semua angka dibaca dalam satu transaksi bersama checkpoint #${pack.checkpoint.id}. Verifikasi jejak sampai checkpoint ini ` +
        "(salur audit verify), lalu jalankan kueri yang disebut terhadap basis data pada keadaan itu. Pengaduan: tenggat hari kerja " +
        "(WITA, hari libur SKB) seperti modul pengaduan. / All figures were read in one transaction with the checkpoint; verify the " +
        "trail up to it and rerun the named query. Complaint deadlines use the complaints' working-day clock.",
      { width },
    );

  // Footer on every page: the title, the checkpoint and the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc
      .font("R")
      .fontSize(7)
      .text(
        `Salur · ${pack.title} · ${cut} · halaman ${i + 1} dari ${range.count}`,
        MARGIN,
        PAGE[1] - MARGIN,
        { width, align: "center", lineBreak: false },
      );
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function heading(doc: Doc, text: string, width: number) {
  doc.font("B").fontSize(13).text(text, MARGIN, doc.y, { width });
  doc.moveDown(0.5);
}

function caption(doc: Doc, text: string, x: number, width: number) {
  doc
    .font("R")
    .fontSize(6.5)
    .fillColor("#444444")
    .text(text, x, doc.y + 2, { width });
  doc.fillColor("#000000");
  doc.moveDown(0.3);
}

function ensure(doc: Doc, needed: number, bottom: number, newPage: () => void) {
  if (doc.y + needed > bottom) newPage();
}

const RECAP_COLUMNS = (width: number): Column[] => {
  const c = (title: string, share: number, align: "left" | "right" = "right") => ({
    title,
    width: width * share,
    align,
  });
  return [
    c("Wilayah / Area", 0.16, "left"),
    c("Daftar", 0.06),
    c("Verif.", 0.06),
    c("Peringkat", 0.065),
    c("Usulan", 0.06),
    c("SK", 0.05),
    c("SK (Rp)", 0.1),
    c("Dibayar", 0.06),
    c("Dibayar (Rp)", 0.1),
    c("Diambil", 0.06),
    c("Gagal", 0.05),
    c("Kembali", 0.055),
    c("Kembali (Rp)", 0.1),
  ];
};

function recapCells(row: RecapRow): string[] {
  const s = row.stages;
  const count = (stage: keyof typeof s) => n(s[stage]?.count ?? 0);
  return [
    row.label,
    count("registered"),
    count("verified"),
    count("ranked"),
    count("proposed"),
    count("decreed"),
    rp(s.decreed?.amount ?? 0),
    count("paid"),
    rp(s.paid?.amount ?? 0),
    count("collected"),
    n(row.failed.count),
    n(row.returned.count),
    rp(row.returned.amount),
  ];
}

function recapPages(
  doc: Doc,
  title: string,
  recap: Recap,
  width: number,
  bottom: number,
  newPage: () => void,
  source: string,
) {
  newPage();
  heading(doc, title, width);
  caption(doc, source, MARGIN, width);
  const rows = recap.rows.map(recapCells);
  rows.push(recapCells(recap.total));
  table(doc, RECAP_COLUMNS(width), rows, { x: MARGIN, bottom, newPage, boldLast: true });
}

/** A table that carries its header onto each new page. */
function table(
  doc: Doc,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  place: { x: number; bottom: number; newPage: () => void; boldLast?: boolean },
) {
  const fontSize = 7.5;
  const header = () => {
    doc.font("B").fontSize(fontSize);
    let x = place.x;
    const y = doc.y;
    const total = columns.reduce((s, c) => s + c.width, 0);
    doc.rect(place.x, y - 2, total, ROW).fill("#e8e8e8");
    doc.fillColor("#000000");
    for (const column of columns) {
      doc.text(column.title, x + 2, y + 1, {
        width: column.width - 4,
        align: column.align,
        lineBreak: false,
      });
      x += column.width;
    }
    doc.y = y + ROW;
  };
  header();
  doc.font("R").fontSize(fontSize);
  const measure = createMeasure(doc);
  rows.forEach((cells, index) => {
    if (doc.y + ROW > place.bottom) {
      place.newPage();
      header();
    }
    const last = place.boldLast && index === rows.length - 1;
    doc.font(last ? "B" : "R").fontSize(fontSize);
    let x = place.x;
    const y = doc.y;
    columns.forEach((column, i) => {
      const cell = truncateToWidth(
        last ? (t) => doc.widthOfString(t) : measure,
        cells[i] ?? "",
        column.width - 4,
      );
      doc.text(cell, x + 2, y, { width: column.width - 4, align: column.align, lineBreak: false });
      x += column.width;
    });
    const total = columns.reduce((s, c) => s + c.width, 0);
    doc
      .moveTo(place.x, y + ROW - 3)
      .lineTo(place.x + total, y + ROW - 3)
      .lineWidth(0.3)
      .strokeColor("#bbbbbb")
      .stroke();
    doc.strokeColor("#000000");
    doc.y = y + ROW;
  });
  doc.x = place.x;
}

function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Record<string, { id: string }>)[category]?.id ?? category;
}
