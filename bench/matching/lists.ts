/** Writes the generated lists as the CSV files an agency would hand in: one file per source list. */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import type { SourceRecord } from "../../src/demo/index.ts";

const COLUMNS = [
  "record_id",
  "nik",
  "kk",
  "name",
  "birth_place",
  "birth_date",
  "sex",
  "address",
  "village_code",
  "rt",
  "rw",
  "phone",
] as const;

function cell(value: string | null): string {
  if (value === null) return "";
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function line(record: SourceRecord): string {
  return [
    record.recordId,
    record.nik,
    record.kk,
    record.name,
    record.birthPlace,
    record.birthDate,
    record.sex,
    record.address,
    record.villageCode,
    record.rt,
    record.rw,
    record.phone,
  ]
    .map(cell)
    .join(",");
}

/**
 * Plants the records the NIK-based rules cannot reach, as a share of the lists: old paper lists, posyandu and
 * church lists carry no NIK and no KK; half of them (lists typed from memory) no desa, RT or RW either. Chosen
 * by a hash of the record id, so the same draw gets the same planted records every run.
 */
export function plantRecordsWithoutNik(records: SourceRecord[], share: number): number {
  let planted = 0;
  for (const record of records) {
    let h = 0x811c9dc5;
    for (let k = 0; k < record.recordId.length; k++)
      h = Math.imul(h ^ record.recordId.charCodeAt(k), 0x01000193);
    const draw = (h >>> 0) / 2 ** 32;
    if (draw >= share) continue;
    planted++;
    record.nik = null;
    record.kk = null;
    if (draw < share / 2) {
      record.villageCode = null;
      record.rt = null;
      record.rw = null;
    }
  }
  return planted;
}

/**
 * One CSV per source, named after it (so `salur match` takes the source from the file name, as it would for a
 * real agency file without a source column). Returns the paths in source order.
 */
export async function writeSourceFiles(records: readonly SourceRecord[], dir: string): Promise<string[]> {
  const streams = new Map<
    string,
    { path: string; stream: ReturnType<typeof createWriteStream>; buffer: string }
  >();
  for (const record of records) {
    let target = streams.get(record.source);
    if (!target) {
      const path = join(dir, `${record.source}.csv`);
      target = { path, stream: createWriteStream(path), buffer: `${COLUMNS.join(",")}\n` };
      streams.set(record.source, target);
    }
    target.buffer += `${line(record)}\n`;
    if (target.buffer.length >= 1 << 20) {
      if (!target.stream.write(target.buffer)) await once(target.stream, "drain");
      target.buffer = "";
    }
  }
  for (const target of streams.values()) {
    target.stream.end(target.buffer);
    await once(target.stream, "finish");
  }
  return [...streams.values()].map((t) => t.path);
}
