/**
 * The comparison vector of a pair: one level per compared field, packed into one integer ("pattern") so that
 * millions of pairs cost four bytes each and identical vectors can be counted instead of stored.
 */
import {
  ADDRESS,
  addressEditLimit,
  compareAddressRuns,
  compareBirthDate,
  compareBirthPlace,
  compareKk,
  compareName,
  compareNeighbourhood,
  compareNik,
  compareOtherId,
  comparePhone,
  comparePostcode,
  compareSex,
  compareVillage,
  withinEdits,
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

// Module-level copies: hot loops read these millions of times.
const R1 = FIELD_RADIX[1] as number;
const R2 = FIELD_RADIX[2] as number;
const R3 = FIELD_RADIX[3] as number;
const R4 = FIELD_RADIX[4] as number;
const R5 = FIELD_RADIX[5] as number;
const R6 = FIELD_RADIX[6] as number;
const R7 = FIELD_RADIX[7] as number;
const R8 = FIELD_RADIX[8] as number;
const R9 = FIELD_RADIX[9] as number;
const R10 = FIELD_RADIX[10] as number;
const R11 = FIELD_RADIX[11] as number;

/** Birth-place level of two place ids; the table memoises levels of differing places (they repeat endlessly). */
function comparePlaces(table: FeatureTable, a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  if (a === b) return 1;
  const key = a < b ? a * 4194304 + b : b * 4194304 + a;
  const placeLevels = table.placeLevels;
  let level = placeLevels.get(key);
  if (level === undefined) {
    const values = table.placeIds.values;
    level = compareBirthPlace(values[a] as string, values[b] as string);
    if (placeLevels.size < 1_000_000) placeLevels.set(key, level);
  }
  return level;
}

/**
 * Address level of records i and j: token overlap first; lines whose tokens barely overlap but whose letters
 * are a few slips apart (a space slipped into or out of a word, a letter dropped) are "similar".
 */
function compareAddresses(table: FeatureTable, i: number, j: number): number {
  const addressStart = table.addressStart.data;
  const addressLength = table.addressLength.data;
  const pool = table.addressPool.data;
  const level = compareAddressRuns(
    pool,
    addressStart[i] as number,
    addressLength[i] as number,
    pool,
    addressStart[j] as number,
    addressLength[j] as number,
  );
  if (level < ADDRESS.partial) return level;
  const textI = table.addressText.data[i] as number;
  const textJ = table.addressText.data[j] as number;
  if (textI === 0 || textJ === 0) return level;
  const texts = table.addressTexts.values;
  const a = texts[textI] as string;
  const b = texts[textJ] as string;
  return withinEdits(a, b, addressEditLimit(a, b)) ? ADDRESS.similar : level;
}

/** Compares records i and j of the table and returns the packed pattern. */
export function comparePair(table: FeatureTable, i: number, j: number): number {
  const kkI = table.kk[i] ?? null;
  const kkJ = table.kk[j] ?? null;
  const village = table.village.data;
  const kecamatan = table.kecamatan.data;
  const rt = table.rt.data;
  const rw = table.rw.data;
  return (
    compareNik(table.nik[i] ?? null, table.nik[j] ?? null, kkI, kkJ) +
    compareName(table.name[i] ?? null, table.name[j] ?? null) * R1 +
    compareBirthDate(table.birthDate.data[i] as number, table.birthDate.data[j] as number) * R2 +
    compareSex(table.sex.data[i] as number, table.sex.data[j] as number) * R3 +
    comparePlaces(table, table.birthPlace.data[i] as number, table.birthPlace.data[j] as number) * R4 +
    compareVillage(
      village[i] as number,
      kecamatan[i] as number,
      village[j] as number,
      kecamatan[j] as number,
    ) *
      R5 +
    compareNeighbourhood(rt[i] as number, rw[i] as number, rt[j] as number, rw[j] as number) * R6 +
    compareAddresses(table, i, j) * R7 +
    compareKk(kkI, kkJ) * R8 +
    comparePhone(table.phone[i] ?? null, table.phone[j] ?? null) * R9 +
    compareOtherId(table.otherId[i] ?? null, table.otherId[j] ?? null) * R10 +
    comparePostcode(table.postcode[i] ?? null, table.postcode[j] ?? null) * R11
  );
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
