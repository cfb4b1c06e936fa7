/**
 * The comparison vector of a pair: one level per compared field, packed into one integer ("pattern") so that
 * millions of pairs cost four bytes each and identical vectors can be counted instead of stored.
 */
import {
  compareAddressRuns,
  compareBirthDate,
  compareBirthPlace,
  compareKk,
  compareName,
  compareNeighbourhood,
  compareNik,
  comparePhone,
  compareSex,
  compareVillage,
} from "./compare.ts";
import type { FeatureTable } from "./features.ts";
import { COMPARED_FIELDS, FIELD_COUNT, LEVEL_COUNTS } from "./types.ts";

/** Mixed-radix place value of each field in a pattern. */
export const FIELD_RADIX: readonly number[] = (() => {
  const radix: number[] = [];
  let place = 1;
  for (let f = 0; f < FIELD_COUNT; f++) {
    radix.push(place);
    place *= LEVEL_COUNTS[f] as number;
  }
  return radix;
})();

export const FIELD_INDEX = Object.fromEntries(COMPARED_FIELDS.map((f, i) => [f, i])) as Record<
  (typeof COMPARED_FIELDS)[number],
  number
>;

/** Compares records i and j of the table and returns the packed pattern. */
export function comparePair(table: FeatureTable, i: number, j: number): number {
  const kkI = table.kk[i] ?? null;
  const kkJ = table.kk[j] ?? null;
  const addressStart = table.addressStart.data;
  const addressLength = table.addressLength.data;
  const pool = table.addressPool.data;
  return (
    compareNik(table.nik[i] ?? null, table.nik[j] ?? null, kkI, kkJ) +
    compareName(table.name[i] ?? null, table.name[j] ?? null) * (FIELD_RADIX[1] as number) +
    compareBirthDate(table.birthDate.data[i] as number, table.birthDate.data[j] as number) *
      (FIELD_RADIX[2] as number) +
    compareSex(table.sex.data[i] as number, table.sex.data[j] as number) * (FIELD_RADIX[3] as number) +
    compareBirthPlace(table.birthPlace[i] ?? null, table.birthPlace[j] ?? null) * (FIELD_RADIX[4] as number) +
    compareVillage(table.village[i] ?? null, table.village[j] ?? null) * (FIELD_RADIX[5] as number) +
    compareNeighbourhood(
      table.rt.data[i] as number,
      table.rw.data[i] as number,
      table.rt.data[j] as number,
      table.rw.data[j] as number,
    ) *
      (FIELD_RADIX[6] as number) +
    compareAddressRuns(
      pool,
      addressStart[i] as number,
      addressLength[i] as number,
      pool,
      addressStart[j] as number,
      addressLength[j] as number,
    ) *
      (FIELD_RADIX[7] as number) +
    compareKk(kkI, kkJ) * (FIELD_RADIX[8] as number) +
    comparePhone(table.phone[i] ?? null, table.phone[j] ?? null) * (FIELD_RADIX[9] as number)
  );
}

export function levelOf(pattern: number, field: number): number {
  return Math.floor(pattern / (FIELD_RADIX[field] as number)) % (LEVEL_COUNTS[field] as number);
}

export function decodePattern(pattern: number, into: Uint8Array | number[] = new Uint8Array(FIELD_COUNT)) {
  let rest = pattern;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const count = LEVEL_COUNTS[f] as number;
    into[f] = rest % count;
    rest = Math.floor(rest / count);
  }
  return into;
}
