/**
 * The cover letter (surat pengantar) that goes to the bank with the payment file: count, total in figures and
 * in words, the file's SHA-256 and the two officials who prepared and approved it. A bank teller can check the
 * file against the letter without trusting the channel it came through. Fonts are embedded (DejaVu, shipped in
 * src/documents/fonts); the PDF's dates are the batch's approval time, so the same batch gives the same letter.
 */
import PDFDocument from "pdfkit";
import { DOCUMENT_FONT, DOCUMENT_FONT_BOLD } from "../documents/fonts.ts";
import { formatRupiahFigure, rupiahInWords } from "../money/words.ts";

const FONT = DOCUMENT_FONT;
const FONT_BOLD = DOCUMENT_FONT_BOLD;

export interface CoverLetter {
  regencyName: string;
  agencyName: string;
  bankName: string;
  batchNumber: number;
  decreeNumber: string;
  programName: string;
  periodName: string;
  lineCount: number;
  totalAmount: number;
  fileName: string;
  fileSha256: string;
  linesSha256: string;
  claimDeadline: string;
  preparedBy: string;
  approvedBy: string;
  approvedAt: Date;
}

const dateId = (d: Date | string) =>
  new Intl.DateTimeFormat("id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Asia/Makassar",
  }).format(typeof d === "string" ? new Date(`${d}T00:00:00+08:00`) : d);

export function coverLetterPdf(letter: CoverLetter): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: {
      Title: `Surat Pengantar Batch Pembayaran ${letter.batchNumber}`,
      Author: letter.agencyName,
      Creator: "Salur",
      Producer: "Salur",
      CreationDate: letter.approvedAt,
      ModDate: letter.approvedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.registerFont("body", FONT);
  doc.registerFont("bold", FONT_BOLD);

  doc.font("bold").fontSize(13).text(letter.agencyName.toUpperCase(), { align: "center" });
  doc.font("body").fontSize(11).text(letter.regencyName, { align: "center" });
  doc.moveDown(1.5);
  doc.text(`Kepada Yth. Pimpinan ${letter.bankName}`);
  doc.text(`Perihal: Penyaluran bantuan ${letter.programName} — ${letter.periodName}`);
  doc.moveDown();
  doc.text(
    `Bersama ini kami sampaikan berkas pembayaran batch nomor ${letter.batchNumber} berdasarkan ${letter.decreeNumber}, ` +
      "untuk disalurkan kepada penerima sesuai daftar terlampir.",
  );
  doc.moveDown();
  const row = (label: string, value: string) => {
    doc.font("bold").text(label, { continued: true }).font("body").text(` ${value}`);
  };
  row("Jumlah penerima:", `${letter.lineCount.toLocaleString("id-ID")} orang`);
  row("Jumlah dana:", formatRupiahFigure(letter.totalAmount));
  row("Terbilang:", `${rupiahInWords(letter.totalAmount, "id")}`);
  row("Batas waktu pengambilan:", dateId(letter.claimDeadline));
  row("Berkas:", letter.fileName);
  doc.font("bold").text("SHA-256 berkas:");
  doc.font("body").fontSize(9).text(letter.fileSha256);
  doc.fontSize(11).font("bold").text("SHA-256 daftar penerima:");
  doc.font("body").fontSize(9).text(letter.linesSha256);
  doc.fontSize(11).moveDown();
  doc.text(
    "Dana yang tidak diambil sampai batas waktu dikembalikan ke Kas Daerah. Hasil penyaluran per penerima mohon " +
      "dikirim kembali dengan nomor referensi pada setiap baris.",
  );
  doc.moveDown(2);
  doc.text(`Disiapkan oleh: ${letter.preparedBy}`);
  doc.text(`Disetujui oleh: ${letter.approvedBy}, ${dateId(letter.approvedAt)}`);
  doc.end();
  return done;
}
