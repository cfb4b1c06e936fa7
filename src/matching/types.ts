/**
 * A record as it enters linkage: one row of one list (an agency's recipients, a central list, a registration).
 * Every field but source and recordId may be missing; values are raw as typed, normalisation happens inside.
 */
export interface LinkageRecord {
  /** The list the row came from, e.g. "dinsos" or "dtks". */
  source: string;
  /** Unique within its source. */
  recordId: string;
  nik?: string | null;
  kk?: string | null;
  name?: string | null;
  birthPlace?: string | null;
  /** YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY. */
  birthDate?: string | null;
  /** L / P as on the KTP (longer forms such as "Laki-laki" are understood). */
  sex?: string | null;
  address?: string | null;
  /** Kemendagri desa/kelurahan code, dotted ("64.01.01.2001") or bare. */
  villageCode?: string | null;
  rt?: string | number | null;
  rw?: string | number | null;
  phone?: string | null;
  /**
   * Any other identifier the list carries (DTKS ID, bank account, membership number): compared exactly and
   * by one slip of the hand, never read as a NIK.
   */
  otherId?: string | null;
  /** Kode pos. */
  postcode?: string | null;
}

/** The fields compared for every candidate pair, in the order they appear in outputs. */
export const COMPARED_FIELDS = [
  "nik",
  "name",
  "birth_date",
  "sex",
  "birth_place",
  "village",
  "rt_rw",
  "address",
  "kk",
  "phone",
  "other_id",
  "postcode",
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/**
 * Levels per field, best agreement first; level 0 is always "missing" (one side empty), which carries no
 * evidence either way. Codes are stable: they name pairs.csv values and message-catalog keys.
 */
export const FIELD_LEVELS = {
  nik: ["missing", "exact", "spreadsheet_zeroed", "typo", "kk_in_nik", "same_region_birth", "different"],
  name: ["missing", "exact", "phonetic", "close", "partial", "fuzzy", "one_word", "different"],
  birth_date: ["missing", "exact", "day_month_swapped", "one_unit_off", "same_year", "different"],
  sex: ["missing", "same", "different"],
  birth_place: ["missing", "exact", "close", "different"],
  village: ["missing", "same", "same_kecamatan", "different"],
  rt_rw: ["missing", "same", "partial", "different"],
  address: ["missing", "exact", "similar", "partial", "different"],
  kk: ["missing", "exact", "typo", "different"],
  phone: ["missing", "exact", "typo", "different"],
  other_id: ["missing", "exact", "typo", "different"],
  postcode: ["missing", "exact", "typo", "different"],
} as const satisfies Record<ComparedField, readonly string[]>;

export const FIELD_COUNT = COMPARED_FIELDS.length;
export const LEVEL_COUNTS: readonly number[] = COMPARED_FIELDS.map((f) => FIELD_LEVELS[f].length);
