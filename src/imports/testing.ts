/**
 * Fixtures for import tests: lists drawn from the demo generator, written as CSV or XLSX the way agencies
 * write them, and a program period to import into.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { systemCaller } from "../access/actor.ts";
import { generateLinkageDataset, type SourceRecord } from "../demo/index.ts";
import * as registry from "../registry/service.ts";
import type { Salur } from "../runtime.ts";
import type { ImportDeps } from "./service.ts";
import type { StoredUpload } from "./uploads.ts";

export const LIST_HEADERS = ["NO", "NIK", "NO KK", "NAMA", "TGL LAHIR", "JK", "ALAMAT", "RT", "RW", "KODE DESA", "NO HP"];

/** A list's rows in the agency layout above; the row number column counts from 1. */
export function listRows(records: readonly SourceRecord[]): string[][] {
  return records.map((r, i) => [
    String(i + 1),
    r.nik ?? "",
    r.kk ?? "",
    r.name,
    r.birthDate ?? "",
    r.sex ?? "",
    r.address ?? "",
    r.rt ?? "",
    r.rw ?? "",
    r.villageCode ?? "",
    r.phone ?? "",
  ]);
}

const quote = (cell: string, delimiter: string) =>
  /["\n\r]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;

export function csvText(rows: readonly (readonly string[])[], delimiter = ","): string {
  return `${rows.map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join("\r\n")}\r\n`;
}

export async function xlsxBuffer(rows: readonly (readonly (string | number | Date)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Daftar");
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Clean records (every field valid, one record per person) from the demo generator: what a careful agency
 * would send.
 */
export function cleanRecords(count: number, seed = 11): SourceRecord[] {
  const dataset = generateLinkageDataset({
    seed,
    records: count,
    sources: [{ name: "LIST", coverage: 1, duplicateRate: 0, errorRate: 0 }],
  });
  return dataset.records;
}

export async function upload(d: ImportDeps, content: string | Buffer): Promise<StoredUpload> {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return d.uploads.save(Readable.from([data]), d.limits.maxFileBytes);
}

let serial = 0;

/** An agency, a program and its open period. */
export async function programPeriod(salur: Salur) {
  serial++;
  const caller = systemCaller("import test", salur.config.regencyCode);
  const suffix = `${process.pid}-${serial}-${Math.random().toString(36).slice(2, 6)}`;
  const agency = await registry.createAgency(salur.registry, caller, { code: `imp-${suffix}`, name: `Dinas Uji ${suffix}` });
  const program = await registry.createProgram(salur.registry, caller, {
    agencyId: agency.id,
    code: `imp-prog-${suffix}`,
    name: `Program Uji ${suffix}`,
    kind: "cash",
    target: "person",
    amountPerRecipient: 600_000,
    budget: 6_000_000_000,
    quota: 10_000,
  });
  const period = await registry.createPeriod(salur.registry, caller, {
    programId: program.id,
    name: `Tahap ${suffix}`,
    startsOn: "2026-07-01",
    endsOn: "2026-12-31",
    status: "open",
  });
  return { caller, agencyId: agency.id, programId: program.id, periodId: period.id };
}
