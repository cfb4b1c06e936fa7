/**
 * The decree as a PDF (pdfkit, DejaVu Sans Condensed embedded — never the standard 14 fonts): kop surat, the
 * KEPUTUSAN BUPATI with Menimbang, Mengingat, MEMUTUSKAN and its decisions, place, date and signature block,
 * then the Lampiran table with per-page and overall totals in figures and words. Every page carries the annex
 * hash, the Merkle root and a QR code to the public verification page. The creation date is the decree's own
 * date, so one decree always renders to the same bytes and its hash can be published.
 */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { DOCUMENT_FONT, DOCUMENT_FONT_BOLD } from "../documents/fonts.ts";
import { createMeasure, truncateToWidth } from "../documents/pdf-layout.ts";
import { formatRupiahFigure, rupiahInWords } from "../money/words.ts";
import { MONTH_NAMES } from "../nik/calendar.ts";
import type { PaperSize } from "./codes.ts";
import type { AnnexDiff } from "./diff.ts";

const FONT_REGULAR = DOCUMENT_FONT;
const FONT_BOLD = DOCUMENT_FONT_BOLD;

const MM = 72 / 25.4;
const PAPER: Record<PaperSize, [number, number]> = {
  F4: [215 * MM, 330 * MM],
  A4: [210 * MM, 297 * MM],
};

export interface PdfLine {
  line: number;
  name: string;
  /** Masked in the public version; the full NIK only in the internal archive copy. */
  nik: string;
  villageName: string;
  rtRw: string;
  business: string;
  amount: number;
}

export interface DecreeDocument {
  regencyName: string;
  /** "BUPATI PASER". */
  signerTitle: string;
  signerName: string;
  place: string;
  paper: PaperSize;
  logo: Uint8Array | null;
  /** Null while a draft: printed as "RANCANGAN". */
  number: string | null;
  /** ISO date; null while a draft. */
  decreedOn: string | null;
  subject: string;
  considering: readonly string[];
  legalBasis: readonly string[];
  decisions: readonly string[];
  programName: string;
  lineCount: number;
  totalAmount: number;
  annexSha256: string;
  merkleRoot: string;
  checkpoint: { id: number; rootHash: string };
  verifyUrl: string;
  /** For an amendment: the decree it changes and the difference, printed as its own annex part. */
  amends: { number: string; diff: AnnexDiff } | null;
  internal: boolean;
}

const ORDINALS = [
  "KESATU",
  "KEDUA",
  "KETIGA",
  "KEEMPAT",
  "KELIMA",
  "KEENAM",
  "KETUJUH",
  "KEDELAPAN",
  "KESEMBILAN",
  "KESEPULUH",
];
export function indonesianDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTH_NAMES.id[(m ?? 1) - 1]} ${y}`;
}

/** Fills {jumlah}, {total}, {total_terbilang}, {program} in a decision's text. */
export function fillDecision(
  text: string,
  doc: Pick<DecreeDocument, "lineCount" | "totalAmount" | "programName">,
) {
  return text
    .replaceAll("{jumlah}", doc.lineCount.toLocaleString("id-ID"))
    .replaceAll("{total}", formatRupiahFigure(doc.totalAmount))
    .replaceAll("{total_terbilang}", rupiahInWords(doc.totalAmount))
    .replaceAll("{program}", doc.programName);
}

type Doc = InstanceType<typeof PDFDocument>;
/**
 * An image embedded once and placed on every page (pdfkit's openImage, missing from its type definitions):
 * the same QR on 200 annex pages is one object, not 200. doc.image accepts it where the types say Buffer.
 */
type OpenedImage = Buffer;
const openImage = (doc: Doc, src: Buffer): OpenedImage =>
  (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(src);

const COLUMNS = [
  { key: "line", title: "No", width: 0.06, align: "right" },
  { key: "name", title: "Nama", width: 0.23, align: "left" },
  { key: "nik", title: "NIK", width: 0.17, align: "left" },
  { key: "villageName", title: "Desa/Kelurahan", width: 0.16, align: "left" },
  { key: "rtRw", title: "RT/RW", width: 0.08, align: "left" },
  { key: "business", title: "Usaha", width: 0.15, align: "left" },
  { key: "amount", title: "Jumlah (Rp)", width: 0.15, align: "right" },
] as const;

export async function renderDecreePdf(input: DecreeDocument, lines: readonly PdfLine[]): Promise<Buffer> {
  const [pageWidth, pageHeight] = PAPER[input.paper];
  const margin = 20 * MM;
  const created = new Date(`${input.decreedOn ?? "2000-01-01"}T00:00:00Z`);
  const doc = new PDFDocument({
    size: [pageWidth, pageHeight],
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    info: {
      Title: `Keputusan ${input.signerTitle} ${input.number ?? "(rancangan)"}`,
      Subject: input.subject,
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
  doc.registerFont("R", FONT_REGULAR);
  doc.registerFont("B", FONT_BOLD);
  const qr = openImage(
    doc,
    await QRCode.toBuffer(input.verifyUrl, { type: "png", margin: 1, scale: 4, errorCorrectionLevel: "M" }),
  );
  const logo = input.logo ? openImage(doc, Buffer.from(input.logo)) : null;
  const contentWidth = pageWidth - 2 * margin;
  const footerHeight = 30 * MM;
  const bottom = pageHeight - margin - footerHeight;
  const newPage = () =>
    doc.addPage({
      size: [pageWidth, pageHeight],
      margins: doc.page?.margins ?? { top: margin, bottom: margin, left: margin, right: margin },
    });

  // ---- The decree's body ---------------------------------------------------------------------------------
  newPage();
  kopSurat(doc, input, logo, margin, contentWidth);
  const numberText = input.number ?? "…… (RANCANGAN)";
  doc.moveDown(1);
  doc.font("B").fontSize(12);
  const center = { width: contentWidth, align: "center" as const };
  doc.text(`KEPUTUSAN ${input.signerTitle}`, margin, doc.y, center);
  doc.text(`NOMOR ${numberText}`, center);
  doc.moveDown(0.5);
  doc.text("TENTANG", center);
  doc.text(input.subject.toUpperCase(), center);
  doc.moveDown(0.8);
  doc.text(`${input.signerTitle},`, center);
  doc.moveDown(0.8);
  const labelWidth = 28 * MM;
  const list = (label: string, items: readonly string[], marker: (i: number) => string) => {
    doc.font("R").fontSize(10.5);
    const y0 = doc.y;
    doc.text(label, margin, y0, { width: labelWidth });
    doc.text(":", margin + labelWidth, y0);
    doc.y = y0;
    items.forEach((item, i) => {
      ensureSpace(doc, 30, bottom, newPage, margin);
      const y = doc.y;
      doc.text(marker(i), margin + labelWidth + 10, y, { width: 16 });
      doc.text(item, margin + labelWidth + 28, y, {
        width: contentWidth - labelWidth - 28,
        align: "justify",
      });
      doc.moveDown(0.3);
    });
    doc.moveDown(0.4);
  };
  list("Menimbang", input.considering, (i) => `${String.fromCharCode(97 + i)}.`);
  list("Mengingat", input.legalBasis, (i) => `${i + 1}.`);
  doc.font("B").fontSize(12).text("MEMUTUSKAN:", margin, doc.y, center);
  doc.moveDown(0.5);
  doc.font("R").fontSize(10.5);
  const y1 = doc.y;
  doc.text("Menetapkan", margin, y1, { width: labelWidth });
  doc.text(":", margin + labelWidth, y1);
  doc
    .font("B")
    .text(
      `KEPUTUSAN ${input.signerTitle} TENTANG ${input.subject.toUpperCase()}.`,
      margin + labelWidth + 10,
      y1,
      {
        width: contentWidth - labelWidth - 10,
      },
    );
  doc.moveDown(0.6);
  input.decisions.forEach((decision, i) => {
    ensureSpace(doc, 40, bottom, newPage, margin);
    doc.font("R").fontSize(10.5);
    const y = doc.y;
    doc.text(ORDINALS[i] ?? `KE-${i + 1}`, margin, y, { width: labelWidth });
    doc.text(":", margin + labelWidth, y);
    doc.text(fillDecision(decision, input), margin + labelWidth + 10, y, {
      width: contentWidth - labelWidth - 10,
      align: "justify",
    });
    doc.moveDown(0.5);
  });
  ensureSpace(doc, 150, bottom, newPage, margin);
  doc.moveDown(1);
  const signX = margin + contentWidth * 0.55;
  const signWidth = contentWidth * 0.45;
  doc.font("R").fontSize(10.5);
  doc.text(`Ditetapkan di ${input.place}`, signX, doc.y, { width: signWidth });
  doc.text(`pada tanggal ${input.decreedOn ? indonesianDate(input.decreedOn) : "……"}`, signX, doc.y, {
    width: signWidth,
  });
  doc.moveDown(0.8);
  doc.font("B").text(`${input.signerTitle},`, signX, doc.y, { width: signWidth, align: "center" });
  doc.moveDown(4);
  doc.text(input.signerName || "(……………………)", signX, doc.y, { width: signWidth, align: "center" });

  // ---- The annex -------------------------------------------------------------------------------------------
  newPage();
  const annexHeader = () => {
    doc.font("R").fontSize(8.5);
    const x = margin + contentWidth * 0.45;
    const w = contentWidth * 0.55;
    doc.text(`LAMPIRAN KEPUTUSAN ${input.signerTitle}`, x, margin, { width: w });
    doc.text(`NOMOR    : ${numberText}`, x, doc.y, { width: w });
    doc.text(`TANGGAL  : ${input.decreedOn ? indonesianDate(input.decreedOn) : "……"}`, x, doc.y, {
      width: w,
    });
    doc.text(`TENTANG  : ${input.subject.toUpperCase()}`, x, doc.y, { width: w });
    doc.moveDown(0.6);
  };
  annexHeader();
  doc
    .font("B")
    .fontSize(10)
    .text(`DAFTAR PENERIMA ${input.programName.toUpperCase()}`, margin, doc.y, center);
  doc.moveDown(0.4);
  const rowHeight = 11.5;
  const xs: number[] = [];
  let acc = margin;
  for (const c of COLUMNS) {
    xs.push(acc);
    acc += c.width * contentWidth;
  }
  const tableHeader = () => {
    const y = doc.y;
    doc.font("B").fontSize(8);
    doc.rect(margin, y, contentWidth, rowHeight + 2).fillAndStroke("#e6e6e6", "#000");
    doc.fillColor("#000");
    COLUMNS.forEach((c, i) => {
      doc.text(c.title, (xs[i] as number) + 2, y + 3, {
        width: c.width * contentWidth - 4,
        align: c.align,
        lineBreak: false,
      });
    });
    doc.y = y + rowHeight + 2;
  };
  let pageTotal = 0;
  let pageCount = 0;
  let rules: number[] = [];
  const pageTotalRow = () => {
    // One path for the page's row rules instead of one stroke per row.
    doc.lineWidth(0.3);
    for (const ry of rules) doc.moveTo(margin, ry).lineTo(margin + contentWidth, ry);
    if (rules.length > 0) doc.stroke();
    rules = [];
    doc.lineWidth(1);
    const y = doc.y;
    doc.font("B").fontSize(8);
    doc
      .moveTo(margin, y)
      .lineTo(margin + contentWidth, y)
      .stroke();
    doc.text(`Jumlah halaman ini (${pageCount} penerima)`, margin + 2, y + 2.5, {
      width: contentWidth * 0.8,
      lineBreak: false,
    });
    doc.text(formatRupiahFigure(pageTotal).replace("Rp", ""), xs[6] as number, y + 2.5, {
      width: COLUMNS[6].width * contentWidth - 2,
      align: "right",
      lineBreak: false,
    });
    doc.y = y + rowHeight + 2;
    pageTotal = 0;
    pageCount = 0;
  };
  tableHeader();
  doc.font("R").fontSize(8);
  const measure = createMeasure(doc);
  const rowsBottom = bottom - rowHeight - 4;
  doc.font("R").fontSize(8);
  for (const line of lines) {
    if (doc.y + rowHeight > rowsBottom) {
      pageTotalRow();
      newPage();
      annexHeader();
      tableHeader();
      doc.font("R").fontSize(8);
    }
    const y = doc.y;
    const cells = [
      String(line.line),
      line.name,
      line.nik,
      line.villageName,
      line.rtRw,
      line.business,
      formatRupiahFigure(line.amount).replace("Rp", ""),
    ];
    cells.forEach((cell, i) => {
      const column = COLUMNS[i] as (typeof COLUMNS)[number];
      const width = column.width * contentWidth - 4;
      // No width option: pdfkit then skips its line wrapper, which dominates a 10,000-line annex.
      let text = cell;
      let measured = measure(text);
      if (measured > width) {
        text = truncateToWidth(measure, cell, width);
        measured = measure(text);
      }
      const x = (xs[i] as number) + 2 + (column.align === "right" ? width - measured : 0);
      doc.text(text, x, y + 2, { lineBreak: false });
    });
    rules.push(y + rowHeight);
    doc.y = y + rowHeight;
    pageTotal += line.amount;
    pageCount += 1;
  }
  pageTotalRow();
  ensureSpace(doc, 60, bottom, newPage, margin);
  doc.moveDown(0.5);
  doc.font("B").fontSize(9);
  doc.text(
    `Jumlah seluruhnya: ${input.lineCount.toLocaleString("id-ID")} penerima, ${formatRupiahFigure(input.totalAmount)}`,
    margin,
    doc.y,
    { width: contentWidth },
  );
  doc
    .font("R")
    .text(`Terbilang: ${rupiahInWords(input.totalAmount)}`, margin, doc.y, { width: contentWidth });

  if (input.amends) printDiff(doc, input.amends, { margin, contentWidth, bottom, newPage });

  // ---- Every page: number, hash, root, checkpoint, QR -----------------------------------------------------
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const top = pageHeight - margin - footerHeight + 6;
    doc
      .lineWidth(0.5)
      .moveTo(margin, top)
      .lineTo(margin + contentWidth, top)
      .stroke();
    const qrSize = 22 * MM;
    doc.image(qr, margin + contentWidth - qrSize, top + 4, { width: qrSize, height: qrSize });
    const textWidth = contentWidth - qrSize - 8;
    doc.font("R").fontSize(6.5);
    const lines = [
      `Halaman ${i - range.start + 1} dari ${range.count}${input.internal ? " · SALINAN ARSIP — MEMUAT NIK LENGKAP, RAHASIA" : ""}`,
      `SHA-256 lampiran: ${input.annexSha256}`,
      `Akar Merkle: ${input.merkleRoot}`,
      `Checkpoint audit #${input.checkpoint.id}: ${input.checkpoint.rootHash}`,
      `Periksa keaslian: ${input.verifyUrl}`,
    ];
    let y = top + 5;
    for (const text of lines) {
      doc.text(text, margin, y, { width: textWidth, lineBreak: false });
      y += 9;
    }
    // Text written below the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function ensureSpace(doc: Doc, needed: number, bottom: number, newPage: () => void, margin: number) {
  if (doc.y + needed > bottom) {
    newPage();
    doc.y = margin;
  }
}

function kopSurat(
  doc: Doc,
  input: DecreeDocument,
  logo: OpenedImage | null,
  margin: number,
  contentWidth: number,
) {
  const size = 22 * MM;
  if (logo) {
    doc.image(logo, margin, margin, { fit: [size, size] });
  } else {
    // A plain default emblem until an admin uploads the regency's logo: a shield outline.
    const x = margin + 3;
    const y = margin;
    const w = size - 6;
    doc
      .lineWidth(1.2)
      .moveTo(x, y)
      .lineTo(x + w, y)
      .lineTo(x + w, y + w * 0.6)
      .quadraticCurveTo(x + w, y + w, x + w / 2, y + size)
      .quadraticCurveTo(x, y + w, x, y + w * 0.6)
      .closePath()
      .stroke();
  }
  const textX = margin + size + 6;
  const textWidth = contentWidth - size - 6;
  doc
    .font("B")
    .fontSize(14)
    .text(`PEMERINTAH ${input.regencyName.toUpperCase()}`, textX, margin + 4, {
      width: textWidth,
      align: "center",
    });
  doc
    .font("R")
    .fontSize(9)
    .text(input.place, textX, doc.y + 2, { width: textWidth, align: "center" });
  const lineY = margin + size + 6;
  doc
    .lineWidth(2)
    .moveTo(margin, lineY)
    .lineTo(margin + contentWidth, lineY)
    .stroke();
  doc
    .lineWidth(0.5)
    .moveTo(margin, lineY + 3)
    .lineTo(margin + contentWidth, lineY + 3)
    .stroke();
  doc.y = lineY + 8;
}

function printDiff(
  doc: Doc,
  amends: { number: string; diff: AnnexDiff },
  layout: { margin: number; contentWidth: number; bottom: number; newPage: () => void },
) {
  const { margin, contentWidth, bottom, newPage } = layout;
  const { diff } = amends;
  newPage();
  doc.font("B").fontSize(10).text(`PERUBAHAN TERHADAP KEPUTUSAN NOMOR ${amends.number}`, margin, margin, {
    width: contentWidth,
    align: "center",
  });
  doc.font("R").fontSize(8.5);
  doc.text(
    `Ditambahkan ${diff.added.length}, dihapus ${diff.removed.length}, diubah ${diff.changed.length}, tetap ${diff.unchanged}.`,
    margin,
    doc.y + 4,
    { width: contentWidth },
  );
  const section = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    doc.moveDown(0.5);
    doc.font("B").fontSize(9).text(title, margin, doc.y, { width: contentWidth });
    doc.font("R").fontSize(8);
    for (const row of rows) {
      if (doc.y + 12 > bottom) {
        newPage();
        doc.y = margin;
        doc.font("R").fontSize(8);
      }
      doc.text(row, margin + 8, doc.y, { width: contentWidth - 8 });
    }
  };
  const describeLine = (l: AnnexDiff["added"][number]) =>
    `${l.line}. ${l.name} — ${l.villageName} ${l.rtRw} — ${formatRupiahFigure(l.amount)}`;
  section("Ditambahkan", diff.added.map(describeLine));
  section("Dihapus", diff.removed.map(describeLine));
  section(
    "Diubah",
    diff.changed.map(
      (c) =>
        `${c.after.line}. ${c.after.name} (${c.fields.join(", ")}): ${c.fields
          .map((f) => changeText(c, f))
          .join("; ")}`,
    ),
  );
}

function changeText(change: AnnexDiff["changed"][number], field: string): string {
  const key = (
    {
      nama: "name",
      nik: "nikMasked",
      desa: "villageName",
      rt_rw: "rtRw",
      usaha: "business",
      jumlah: "amount",
    } as const
  )[field as "nama"];
  const show = (v: string | number) => (typeof v === "number" ? formatRupiahFigure(v) : v);
  return `${show(change.before[key])} → ${show(change.after[key])}`;
}
