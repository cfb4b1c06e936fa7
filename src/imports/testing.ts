/**
 * Fixtures for import tests: lists drawn from the demo generator, written as CSV or XLSX the way agencies
 * write them, and a program period to import into.
 */
import { Readable } from "node:stream";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { systemCaller } from "../access/actor.ts";
import { generateLinkageDataset, type SourceRecord } from "../demo/index.ts";
import * as registry from "../registry/service.ts";
import type { Salur } from "../runtime.ts";
import type { ListPerson } from "./reconcile.ts";
import type { ImportDeps } from "./service.ts";
import type { StoredUpload } from "./uploads.ts";

export const LIST_HEADERS = [
  "NO",
  "NIK",
  "NO KK",
  "NAMA",
  "TEMPAT LAHIR",
  "TGL LAHIR",
  "JK",
  "ALAMAT",
  "RT",
  "RW",
  "KODE DESA",
  "NO HP",
];

/** A list's rows in the agency layout above; the row number column counts from 1. */
export function listRows(records: readonly SourceRecord[]): string[][] {
  return records.map((r, i) => [
    String(i + 1),
    r.nik ?? "",
    r.kk ?? "",
    r.name,
    r.birthPlace ?? "",
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
/** A generated record as the reconciliation reads a list row. */
export const listPersonOf = (r: SourceRecord): ListPerson => ({
  nik: r.nik,
  kk: r.kk,
  name: r.name,
  birthPlace: r.birthPlace,
  birthDate: r.birthDate,
  sex: r.sex,
  address: r.address,
  villageCode: r.villageCode,
  rt: r.rt,
  rw: r.rw,
  phone: r.phone,
});

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
  const agency = await registry.createAgency(salur.registry, caller, {
    code: `imp-${suffix}`,
    name: `Dinas Uji ${suffix}`,
  });
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

// Hand-built zips: what a hostile or broken XLSX looks like, made in microseconds --------------------------------

export interface ZipPart {
  name: string;
  data: Buffer;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** What the directory claims the part unzips to (a lie, when set). */
  declaredSize?: number;
  flags?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function zipOf(parts: readonly ZipPart[], options: { hidden?: ZipPart } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const local = (part: ZipPart) => {
    const method = part.method ?? 8;
    const body = method === 8 ? deflateRawSync(part.data) : part.data;
    const name = Buffer.from(part.name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(part.flags ?? 0, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(crc32(part.data), 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(part.declaredSize ?? part.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    return { header: Buffer.concat([header, name, body]), body, name, method };
  };
  if (options.hidden) {
    const { header } = local(options.hidden);
    locals.push(header);
    offset += header.length;
  }
  for (const part of parts) {
    const { header, body, name, method } = local(part);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(part.flags ?? 0, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc32(part.data), 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(part.declaredSize ?? part.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(Buffer.concat([entry, name]));
    locals.push(header);
    offset += header.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The parts of a one-sheet workbook with inline strings (numbers where a cell is a number). */
export function xlsxParts(rows: readonly (readonly (string | number)[])[], sheetXml?: string): ZipPart[] {
  const cellXml = (value: string | number, ref: string) =>
    typeof value === "number"
      ? `<c r="${ref}"><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(value)}</t></is></c>`;
  const body =
    sheetXml ??
    rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row.map((v, c) => cellXml(v, `${String.fromCharCode(65 + (c % 26))}${r + 1}`)).join("")}</row>`,
      )
      .join("");
  const part = (name: string, text: string): ZipPart => ({ name, data: Buffer.from(text, "utf8") });
  return [
    part(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    part(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    part(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Daftar" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    part(
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`,
    ),
  ];
}
