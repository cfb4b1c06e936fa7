/**
 * The factors of the Fellegi–Sunter model. Fellegi–Sunter multiplies the evidence of each factor as if they
 * were independent; two groups of compared fields are not, and are weighed as one factor each:
 * - KK, phone, address, RT/RW and desa: members of one household share all five, so counted separately they
 *   add up to ~40 bits of "same household" that outvote a different NIK, name and birth date (a father and son
 *   on one KK were linked as one person). The "household" factor says how close the two records live.
 * - NIK and birth date: digits 7–12 of the NIK are the birth date, so two people born the same day in the same
 *   kecamatan agree on both "by construction" and were counted twice (neighbours linked as one person). The
 *   "nik_birth_date" factor has one level per combination of the two fields' levels.
 * - Postcode and desa: a kode pos follows the desa, so the postcode is weighed only when one side has no desa
 *   code (the FEBRL lists, old paper lists); with both desa codes known it is counted with the household.
 * Name, sex, place of birth and another identifier (other_id) are factors of their own.
 */
import { decodePattern, FIELD_INDEX } from "./comparison-vector.ts";
import { type ComparedField, FIELD_COUNT, FIELD_LEVELS, LEVEL_COUNTS } from "./types.ts";

export const MODEL_FACTORS = [
  "nik_birth_date",
  "name",
  "sex",
  "birth_place",
  "household",
  "other_id",
  "postcode",
] as const;
export type ModelFactor = (typeof MODEL_FACTORS)[number];

export const HOUSEHOLD_LEVELS = [
  "missing",
  "same_kk",
  "same_phone",
  "same_address",
  "same_rt_rw",
  "same_desa",
  "same_kecamatan",
  "elsewhere",
] as const;

const BIRTH_LEVEL_COUNT = FIELD_LEVELS.birth_date.length;

export const FACTOR_LEVELS: Record<ModelFactor, readonly string[]> = {
  nik_birth_date: FIELD_LEVELS.nik.flatMap((nik) =>
    FIELD_LEVELS.birth_date.map((birth) => `${nik}+${birth}`),
  ),
  name: FIELD_LEVELS.name,
  sex: FIELD_LEVELS.sex,
  birth_place: FIELD_LEVELS.birth_place,
  household: HOUSEHOLD_LEVELS,
  other_id: FIELD_LEVELS.other_id,
  postcode: FIELD_LEVELS.postcode,
};

export const FACTOR_COUNT = MODEL_FACTORS.length;
export const FACTOR_LEVEL_COUNTS: readonly number[] = MODEL_FACTORS.map((f) => FACTOR_LEVELS[f].length);

/** The compared fields weighed as one factor, and which factor that is. */
export const FACTOR_OF_FIELD: Record<ComparedField, ModelFactor> = {
  nik: "nik_birth_date",
  birth_date: "nik_birth_date",
  name: "name",
  sex: "sex",
  birth_place: "birth_place",
  kk: "household",
  phone: "household",
  address: "household",
  rt_rw: "household",
  village: "household",
  other_id: "other_id",
  postcode: "postcode",
};

/** The compared fields that make up the household factor. */
export const HOUSEHOLD_FIELDS: readonly ComparedField[] = ["kk", "phone", "address", "rt_rw", "village"];

const level = (field: ComparedField, code: string) =>
  (FIELD_LEVELS[field] as readonly string[]).indexOf(code);
const HOUSEHOLD = Object.fromEntries(HOUSEHOLD_LEVELS.map((code, i) => [code, i])) as Record<
  (typeof HOUSEHOLD_LEVELS)[number],
  number
>;

/**
 * Household level from the five residence levels, closest first, and the field that decided it (which carries
 * the factor's weight in explanations). A family card shared (or one digit off) is the closest tie; then a
 * phone; then the same address line within the same desa; then RT/RW, desa, kecamatan.
 */
export function householdOf(
  kk: number,
  phone: number,
  address: number,
  rtRw: number,
  village: number,
): { level: number; decidedBy: ComparedField | null } {
  if (kk === level("kk", "exact") || kk === level("kk", "typo"))
    return { level: HOUSEHOLD.same_kk, decidedBy: "kk" };
  if (phone === level("phone", "exact")) return { level: HOUSEHOLD.same_phone, decidedBy: "phone" };
  const sameOrUnknownDesa = village === level("village", "same") || village === level("village", "missing");
  if ((address === level("address", "exact") || address === level("address", "similar")) && sameOrUnknownDesa)
    return { level: HOUSEHOLD.same_address, decidedBy: "address" };
  if (village === level("village", "same"))
    return rtRw === level("rt_rw", "same")
      ? { level: HOUSEHOLD.same_rt_rw, decidedBy: "rt_rw" }
      : { level: HOUSEHOLD.same_desa, decidedBy: "village" };
  if (village === level("village", "same_kecamatan"))
    return { level: HOUSEHOLD.same_kecamatan, decidedBy: "village" };
  if (village === level("village", "different")) return { level: HOUSEHOLD.elsewhere, decidedBy: "village" };
  // No desa on one side: an address that shares nothing still says "elsewhere".
  if (address === level("address", "different")) return { level: HOUSEHOLD.elsewhere, decidedBy: "address" };
  return { level: HOUSEHOLD.missing, decidedBy: null };
}

const KK = FIELD_INDEX.kk;
const PHONE = FIELD_INDEX.phone;
const ADDRESS = FIELD_INDEX.address;
const RT_RW = FIELD_INDEX.rt_rw;
const VILLAGE = FIELD_INDEX.village;
const N_KK = LEVEL_COUNTS[KK] as number;
const N_PHONE = LEVEL_COUNTS[PHONE] as number;
const N_ADDRESS = LEVEL_COUNTS[ADDRESS] as number;
const N_RT_RW = LEVEL_COUNTS[RT_RW] as number;
const N_VILLAGE = LEVEL_COUNTS[VILLAGE] as number;

/** householdOf for every combination of the five levels, so scoring a pair is one array read. */
const HOUSEHOLD_TABLE = (() => {
  const table = new Uint8Array(N_KK * N_PHONE * N_ADDRESS * N_RT_RW * N_VILLAGE);
  for (let kk = 0; kk < N_KK; kk++)
    for (let phone = 0; phone < N_PHONE; phone++)
      for (let address = 0; address < N_ADDRESS; address++)
        for (let rtRw = 0; rtRw < N_RT_RW; rtRw++)
          for (let village = 0; village < N_VILLAGE; village++)
            table[(((kk * N_PHONE + phone) * N_ADDRESS + address) * N_RT_RW + rtRw) * N_VILLAGE + village] =
              householdOf(kk, phone, address, rtRw, village).level;
  return table;
})();

/** Factor levels of a decoded comparison vector (field levels → factor levels). */
export function factorLevelsOf(
  fieldLevels: ArrayLike<number>,
  into: Uint8Array = new Uint8Array(FACTOR_COUNT),
) {
  into[0] =
    (fieldLevels[FIELD_INDEX.nik] as number) * BIRTH_LEVEL_COUNT +
    (fieldLevels[FIELD_INDEX.birth_date] as number);
  into[1] = fieldLevels[FIELD_INDEX.name] as number;
  into[2] = fieldLevels[FIELD_INDEX.sex] as number;
  into[3] = fieldLevels[FIELD_INDEX.birth_place] as number;
  const kk = fieldLevels[KK] as number;
  const phone = fieldLevels[PHONE] as number;
  const address = fieldLevels[ADDRESS] as number;
  const rtRw = fieldLevels[RT_RW] as number;
  const village = fieldLevels[VILLAGE] as number;
  into[4] = HOUSEHOLD_TABLE[
    (((kk * N_PHONE + phone) * N_ADDRESS + address) * N_RT_RW + rtRw) * N_VILLAGE + village
  ] as number;
  into[5] = fieldLevels[FIELD_INDEX.other_id] as number;
  into[6] = village === 0 ? (fieldLevels[FIELD_INDEX.postcode] as number) : 0;
  return into;
}

const scratchFields = new Uint8Array(FIELD_COUNT);
const scratchFactors = new Uint8Array(FACTOR_COUNT);

/** The factor pattern (mixed radix over factor levels) of a field pattern: what EM counts. */
export function factorPatternOf(pattern: number): number {
  factorLevelsOf(decodePattern(pattern, scratchFields), scratchFactors);
  let code = 0;
  for (let f = FACTOR_COUNT - 1; f >= 0; f--)
    code = code * (FACTOR_LEVEL_COUNTS[f] as number) + (scratchFactors[f] as number);
  return code;
}

export function decodeFactorPattern(
  code: number,
  into: Uint8Array = new Uint8Array(FACTOR_COUNT),
): Uint8Array {
  let rest = code;
  for (let f = 0; f < FACTOR_COUNT; f++) {
    const count = FACTOR_LEVEL_COUNTS[f] as number;
    into[f] = rest % count;
    rest = Math.floor(rest / count);
  }
  return into;
}
