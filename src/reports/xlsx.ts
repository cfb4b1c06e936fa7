/**
 * The report pack as a workbook: the same figures as the PDF, one sheet per part, numbers as numbers so the
 * reader can sum them again. Each table sheet starts with the query and checkpoint its figures came from.
 */
import ExcelJS from "exceljs";
import { CATEGORY_LABELS } from "../complaints/codes.ts";
import { failureLabel, STAGE_LABELS } from "./labels.ts";
import { leakageShare, PIPELINE_STAGES, type Recap, type RecapRow, STAGE_METHODS } from "./recap.ts";
import type { PackFigures } from "./service.ts";

const RUPIAH = "#,##0";

export async function renderPackXlsx(pack: PackFigures): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const stamp = new Date(pack.generatedAt);
  workbook.creator = "Salur";
  workbook.created = stamp;
  workbook.modified = stamp;
  const cut = `checkpoint #${pack.checkpoint.id} (tree ${pack.checkpoint.treeSize}, root ${pack.checkpoint.rootHash})`;
  const source = (query: string) => `Sumber / Source: ${query} @ ${cut}`;

  const cover = workbook.addWorksheet("Sampul");
  cover.columns = [{ width: 30 }, { width: 90 }];
  cover.addRows([
    [`PEMERINTAH ${pack.regencyName.toUpperCase()}`],
    [pack.title],
    [pack.subtitle],
    [],
    ["Disusun / Generated", `${pack.generatedAt} oleh ${pack.generatedBy}`],
    ["Checkpoint audit", pack.checkpoint.id],
    ["Waktu checkpoint", pack.checkpoint.issuedAt],
    ["Ukuran jejak / Tree size", pack.checkpoint.treeSize],
    ["Merkle root", pack.checkpoint.rootHash],
  ]);
  cover.getRow(1).font = { bold: true };
  cover.getRow(2).font = { bold: true, size: 14 };

  const summary = workbook.addWorksheet("Ringkasan");
  summary.columns = [{ width: 40 }, { width: 14 }, { width: 20 }, { width: 40 }];
  summary.addRow([source(pack.queries.pipeline)]);
  header(summary.addRow(["Tahap / Stage", "Jumlah / Count", "Rupiah", "Catatan / Note"]));
  for (const stage of PIPELINE_STAGES) {
    const figure = pack.byDistrict.total.stages[stage] ?? { count: 0, amount: 0 };
    const label = `${STAGE_LABELS[stage].id} / ${STAGE_LABELS[stage].en}`;
    money(summary.addRow([label, figure.count, figure.amount]), [3]);
  }
  money(
    summary.addRow([
      "Gagal dibayar / Failed",
      pack.byDistrict.total.failed.count,
      pack.byDistrict.total.failed.amount,
    ]),
    [3],
  );
  money(
    summary.addRow([
      "Dikembalikan ke Kas Daerah / Returned",
      pack.byDistrict.total.returned.count,
      pack.byDistrict.total.returned.amount,
    ]),
    [3],
  );
  summary.addRow([]);
  summary.addRow([source(pack.queries.failures)]);
  header(summary.addRow(["Alasan gagal / Failure reason", "Jumlah", "Rupiah"]));
  for (const f of pack.failures) money(summary.addRow([failureLabel(f.reason), f.count, f.amount]), [3]);
  summary.addRow([]);
  summary.addRow([source(pack.queries.overlaps)]);
  header(summary.addRow(["Data ganda per kecamatan / Overlaps", "Ditemukan", "Diputuskan"]));
  for (const o of pack.overlaps) summary.addRow([o.label, o.found, o.resolved]);
  if (pack.spec.kind === "monthly") {
    summary.addRow([]);
    summary.addRow([source(pack.queries.complaints)]);
    header(
      summary.addRow(["Pengaduan / Complaints", "Masuk", "Selesai", "Dalam SLA", "Lewat SLA", "Terbuka"]),
    );
    for (const c of pack.complaints)
      summary.addRow([
        (CATEGORY_LABELS as Record<string, { id: string }>)[c.category]?.id ?? c.category,
        c.received,
        c.resolved,
        c.withinSla,
        c.breached,
        c.open,
      ]);
  }

  recapSheet(workbook, "Kecamatan", pack.byDistrict, source(pack.queries.pipeline));
  recapSheet(workbook, "Desa", pack.byVillage, source(pack.queries.pipeline));
  recapSheet(workbook, "Program", pack.byProgram, source(pack.queries.pipeline));

  const methods = workbook.addWorksheet("Metode");
  methods.columns = [{ width: 26 }, { width: 110 }, { width: 110 }];
  header(methods.addRow(["Tahap / Stage", "Metode", "Method"]));
  for (const stage of PIPELINE_STAGES)
    methods.addRow([STAGE_LABELS[stage].id, STAGE_METHODS[stage].id, STAGE_METHODS[stage].en]);
  methods.addRow([]);
  for (const [key, name] of Object.entries(pack.queries))
    methods.addRow([key, `${name} (src/reports/store.ts)`]);
  methods.addRow(["checkpoint", cut]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const RECAP_HEADER = [
  "Kode",
  "Wilayah / Area",
  ...PIPELINE_STAGES.flatMap((s) => [`${STAGE_LABELS[s].id}`, `${STAGE_LABELS[s].id} (Rp)`]),
  "Gagal",
  "Gagal (Rp)",
  "Dikembalikan",
  "Dikembalikan (Rp)",
  "Dibayar atas baris terkonfirmasi (Rp)",
  "Kebocoran / Leakage",
];

function recapSheet(workbook: ExcelJS.Workbook, name: string, recap: Recap, source: string) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = RECAP_HEADER.map((_, i) => ({ width: i === 1 ? 30 : 14 }));
  sheet.addRow([source]);
  header(sheet.addRow(RECAP_HEADER));
  const amountColumns = RECAP_HEADER.map((h, i) => (h.endsWith("(Rp)") ? i + 1 : 0)).filter((i) => i > 0);
  const cells = (row: RecapRow) => [
    row.key,
    row.label,
    ...PIPELINE_STAGES.flatMap((s) => {
      const figure = row.stages[s];
      return figure ? [figure.count, figure.amount] : [null, null];
    }),
    row.failed.count,
    row.failed.amount,
    row.returned.count,
    row.returned.amount,
    row.confirmedPaid,
    leakageShare(row),
  ];
  const percent = (row: ExcelJS.Row) => {
    row.getCell(RECAP_HEADER.length).numFmt = "0.0%";
    return row;
  };
  for (const row of recap.rows) percent(money(sheet.addRow(cells(row)), amountColumns));
  const total = percent(money(sheet.addRow(cells(recap.total)), amountColumns));
  total.font = { bold: true };
}

function header(row: ExcelJS.Row): ExcelJS.Row {
  row.font = { bold: true };
  return row;
}

function money(row: ExcelJS.Row, columns: readonly number[]): ExcelJS.Row {
  for (const c of columns) row.getCell(c).numFmt = RUPIAH;
  return row;
}
