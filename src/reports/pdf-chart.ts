/**
 * The pipeline as horizontal bars on the pack's one-page summary, drawn with pdfkit's own rectangles so it stays
 * vector and prints sharp. Every bar is followed by its figures as text, so pdftotext (and a reader who cannot
 * see the bars) gets the same numbers as the table beside it.
 */
import type PDFDocument from "pdfkit";
import { formatRupiahFigure } from "../money/words.ts";
import { STAGE_LABELS } from "./labels.ts";
import { PIPELINE_STAGES, type RecapRow } from "./recap.ts";

type Doc = InstanceType<typeof PDFDocument>;

const BAR = "#2f8f83";
const TRACK = "#eef2f1";

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  /** The lowest y the chart may reach; rows shrink to fit, never below a readable height. */
  bottom: number;
}

/** Draws the chart and returns the y below it. Bars are proportional to the count of applications at each stage. */
export function drawPipelineChart(doc: Doc, total: RecapRow, box: ChartBox): number {
  doc
    .font("B")
    .fontSize(8.5)
    .fillColor("#000000")
    .text("Grafik alur penyaluran / Pipeline chart", box.x, box.y, { width: box.width, lineBreak: false });
  doc
    .font("R")
    .fontSize(6.5)
    .fillColor("#444444")
    .text(
      "Panjang batang = jumlah pendaftaran; angka: jumlah · rupiah / Bar length = applications; figures: count · rupiah",
      box.x,
      box.y + 12,
      { width: box.width, lineBreak: false },
    );
  const top = box.y + 24;
  const rowHeight = Math.max(11, Math.min(20, (box.bottom - top) / PIPELINE_STAGES.length));
  const labelWidth = box.width * 0.3;
  const figureWidth = box.width * 0.3;
  const barWidth = box.width - labelWidth - figureWidth - 8;
  const max = Math.max(1, ...PIPELINE_STAGES.map((s) => total.stages[s]?.count ?? 0));
  const barHeight = rowHeight * 0.62;
  PIPELINE_STAGES.forEach((stage, i) => {
    const y = top + i * rowHeight;
    const figure = total.stages[stage] ?? { count: 0, amount: 0 };
    const textY = y + (barHeight - 6.5) / 2;
    doc
      .font("R")
      .fontSize(7)
      .fillColor("#000000")
      .text(STAGE_LABELS[stage].id, box.x, textY, { width: labelWidth - 4, lineBreak: false });
    const barX = box.x + labelWidth;
    doc.rect(barX, y, barWidth, barHeight).fill(TRACK);
    const length = (figure.count / max) * barWidth;
    if (length > 0) doc.rect(barX, y, Math.max(length, 0.75), barHeight).fill(BAR);
    const text = `${figure.count.toLocaleString("id-ID")} · ${formatRupiahFigure(figure.amount)}`;
    doc
      .fillColor("#000000")
      .font("R")
      .fontSize(7)
      .text(text, barX + barWidth + 6, textY, { width: figureWidth, lineBreak: false });
  });
  doc.fillColor("#000000");
  return top + PIPELINE_STAGES.length * rowHeight;
}
