/**
 * Blocking: only pairs that share at least one blocking key are compared. The rules are chosen so that each
 * kind of damage the lists suffer (a mistyped or missing NIK, a misspelt name, a wrong birth date, a moved
 * address) leaves at least one rule intact for a true pair; the benchmark reports the recall this achieves.
 */
import type { FeatureTable } from "./features.ts";
import { sortIndicesByKey } from "./order.ts";
import { hashInts, hashString } from "./prng.ts";

export interface BlockingRule {
  /** Stable name used in summaries. */
  name: string;
  /** 32-bit key of record i under this rule; 0 when the record has no key (a field is missing). */
  key(table: FeatureTable, i: number): number;
  /**
   * Pairs this rule may add only when one of the two records is weak (isWeakRecord): every record is keyed, so
   * that a record without NIK meets its NIK-bearing copy, but two records the NIK rules reach add nothing.
   */
  weakPairsOnly?: boolean;
}

const nonZero = (h: number) => (h === 0 ? 1 : h);

const nameOf = (t: FeatureTable, i: number) => t.name[i] ?? null;
const birthOf = (t: FeatureTable, i: number) => t.birthDate.data[i] as number;

/**
 * A record the rules above hardly reach: no usable NIK or no desa code (old paper lists, posyandu and church
 * lists, lists typed from memory). The rules below add only pairs with such a record on at least one side, so
 * that lists that carry NIK and desa keep the candidate set they had, while a NIK-less or region-less record
 * still meets its other copies (with or without NIK) through blocking that survives one damaged field.
 */
export function isWeakRecord(t: FeatureTable, i: number): boolean {
  return !t.nik[i] || (t.village.data[i] as number) === 0;
}

const lastTokenOf = (t: FeatureTable, i: number): string | null => {
  const name = t.name[i];
  if (!name || name.tokens.length < 2) return null;
  return name.tokens[name.tokens.length - 1] ?? null;
};

/** Rules that need neither a NIK nor a region; each adds only pairs with a weak record (isWeakRecord). */
export const NO_IDENTIFIER_RULES: readonly BlockingRule[] = [
  {
    // First name misspelt: the family name's sound and the birth date survive.
    name: "surname_sound+birth_date",
    weakPairsOnly: true,
    key: (t, i) => {
      const last = lastTokenOf(t, i);
      const birth = birthOf(t, i);
      return last && birth ? nonZero(hashInts(20, hashString(last), birth)) : 0;
    },
  },
  {
    // Birth date mistyped (day and month swapped, a digit off): the whole name, in any order, and the year.
    name: "sorted_name_sound+birth_year",
    weakPairsOnly: true,
    key: (t, i) => {
      const name = nameOf(t, i);
      const birth = birthOf(t, i);
      return name && birth ? nonZero(hashInts(21, name.sortedKeyId, Math.floor(birth / 10000))) : 0;
    },
  },
  {
    // Name and birth date both damaged: the same address line.
    name: "address_tokens",
    key: (t, i) => {
      const length = t.addressLength.data[i] as number;
      if (length < 2 || !isWeakRecord(t, i)) return 0;
      const start = t.addressStart.data[i] as number;
      let h = 0x811c9dc5;
      for (let k = start; k < start + length; k++) h = hashInts(22, h, t.addressPool.data[k] as number);
      return nonZero(h);
    },
  },
  {
    // Name damaged, one side without NIK or desa: the same address line and birth year (a household's members
    // share the line, rarely the year).
    name: "address_tokens+birth_year",
    weakPairsOnly: true,
    key: (t, i) => {
      const length = t.addressLength.data[i] as number;
      const birth = birthOf(t, i);
      if (length < 2 || !birth) return 0;
      const start = t.addressStart.data[i] as number;
      let h = hashInts(28, Math.floor(birth / 10000), 0);
      for (let k = start; k < start + length; k++) h = hashInts(28, h, t.addressPool.data[k] as number);
      return nonZero(h);
    },
  },
  {
    // Birth date damaged, one side without NIK or desa: the first name's sound and the same address line.
    name: "first_name_sound+address_tokens",
    weakPairsOnly: true,
    key: (t, i) => {
      const name = nameOf(t, i);
      const length = t.addressLength.data[i] as number;
      if (!name || length < 2) return 0;
      const start = t.addressStart.data[i] as number;
      let h = hashInts(29, name.firstTokenId, 0);
      for (let k = start; k < start + length; k++) h = hashInts(29, h, t.addressPool.data[k] as number);
      return nonZero(h);
    },
  },
  {
    // Name damaged and no identifier at all: the birth date alone (oversized blocks are skipped).
    name: "birth_date+no_identifier",
    key: (t, i) => {
      const birth = birthOf(t, i);
      return birth && !t.nik[i] && !t.kk[i] && !t.phone[i] ? nonZero(hashInts(23, birth, 0)) : 0;
    },
  },
  {
    // Birth date damaged or missing: the whole name's sound alone (a common name's block is skipped as oversized).
    name: "sorted_name_sound",
    key: (t, i) => {
      const name = nameOf(t, i);
      return name && name.tokens.length > 1 && isWeakRecord(t, i)
        ? nonZero(hashInts(25, name.sortedKeyId, 0))
        : 0;
    },
  },
  {
    // Name and birth date damaged, no desa: the postcode and the first name's sound.
    name: "postcode+first_name_sound",
    weakPairsOnly: true,
    key: (t, i) => {
      const name = nameOf(t, i);
      const postcode = t.postcode[i];
      return name && postcode ? nonZero(hashInts(26, hashString(postcode), name.firstTokenId)) : 0;
    },
  },
  {
    // First name and birth date damaged, no desa: the postcode and the family name's sound.
    name: "postcode+surname_sound",
    weakPairsOnly: true,
    key: (t, i) => {
      const last = lastTokenOf(t, i);
      const postcode = t.postcode[i];
      return last && postcode ? nonZero(hashInts(27, hashString(postcode), hashString(last))) : 0;
    },
  },
  {
    // Name sound and address agree, birth date damaged or missing.
    name: "first_name_sound+address_start",
    key: (t, i) => {
      const name = nameOf(t, i);
      const length = t.addressLength.data[i] as number;
      if (!name || length === 0 || !isWeakRecord(t, i)) return 0;
      const start = t.addressStart.data[i] as number;
      return nonZero(hashInts(24, name.sortedKeyId, t.addressPool.data[start] as number));
    },
  },
];

/**
 * Chosen greedily on the project's labelled lists (1M records, five sources): each rule is the one that found
 * the most true pairs the earlier ones had missed per extra pair compared. Rules keyed on a whole common name
 * alone (name + birth year, name + desa) were rejected: "Ahmad" born in 1967 is hundreds of people.
 */
export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = [
  {
    name: "nik",
    key: (t, i) => {
      const nik = t.nik[i];
      return nik ? nonZero(hashString(nik)) : 0;
    },
  },
  {
    // Catches every NIK damage (typo, zeroed digit, KK in the field, missing) when name and birth date survive.
    name: "first_name_sound+birth_date",
    key: (t, i) => {
      const name = nameOf(t, i);
      const birth = birthOf(t, i);
      return name && birth ? nonZero(hashInts(1, name.firstTokenId, birth)) : 0;
    },
  },
  {
    // A misspelt name with a damaged NIK.
    name: "birth_date+desa",
    key: (t, i) => {
      const birth = birthOf(t, i);
      const village = t.village.data[i] as number;
      return birth && village ? nonZero(hashInts(3, birth, village)) : 0;
    },
  },
  {
    // Another identifier the lists share (DTKS ID, bank account, membership number): any other damage.
    name: "other_id",
    key: (t, i) => {
      const id = t.otherId[i];
      return id ? nonZero(hashInts(12, hashString(id), 0)) : 0;
    },
  },
  {
    name: "phone",
    key: (t, i) => {
      const phone = t.phone[i];
      return phone ? nonZero(hashString(phone)) : 0;
    },
  },
  {
    // Same family card and first name: a damaged NIK and birth date inside one household.
    name: "kk+first_name_sound",
    key: (t, i) => {
      const kk = t.kk[i];
      const name = nameOf(t, i);
      return kk && name ? nonZero(hashInts(7, hashString(kk), name.firstTokenId)) : 0;
    },
  },
  {
    // A NIK typo in the region digits: birth date and serial (digits 7–16) still agree.
    name: "nik_birth_serial+first_name_sound",
    key: (t, i) => {
      const nik = t.nik[i];
      const name = nameOf(t, i);
      return nik && name ? nonZero(hashInts(10, hashString(nik.slice(6)), name.firstTokenId)) : 0;
    },
  },
  {
    // A NIK typo in the serial: region and birth date (digits 1–12) still agree.
    name: "nik_region_birth+first_name_sound",
    key: (t, i) => {
      const nik = t.nik[i];
      const name = nameOf(t, i);
      return nik && name ? nonZero(hashInts(11, hashString(nik.slice(0, 12)), name.firstTokenId)) : 0;
    },
  },
  {
    name: "kk+birth_date",
    key: (t, i) => {
      const kk = t.kk[i];
      const birth = birthOf(t, i);
      return kk && birth ? nonZero(hashInts(8, hashString(kk), birth)) : 0;
    },
  },
  {
    // NIK and birth date both damaged, name intact: the same name in the same neighbourhood.
    name: "name_sound+desa+rw",
    key: (t, i) => {
      const name = nameOf(t, i);
      const village = t.village.data[i] as number;
      const rw = t.rw.data[i] as number;
      return name && village && rw ? nonZero(hashInts(2, name.sortedKeyId, village * 1024 + rw)) : 0;
    },
  },
  ...NO_IDENTIFIER_RULES,
];

/** Blocks above this size are skipped: a value that many records share is a placeholder, not an identity. */
export const DEFAULT_MAX_BLOCK_SIZE = 1000;

export interface RuleStatistics {
  rule: string;
  /** Pairs this rule added that no earlier rule had produced. */
  pairs: number;
  blocks: number;
  /** Blocks above the size limit, skipped: a placeholder value (01-01-1900, 0000…) is not evidence. */
  oversizedBlocks: number;
  skippedPairs: number;
}

export interface CandidatePairs {
  /** Record indices; a[k] always has the lower canonical rank, so each pair is oriented the same every run. */
  a: Int32Array;
  b: Int32Array;
  count: number;
  rules: RuleStatistics[];
}

export interface BlockingOptions {
  rules?: readonly BlockingRule[];
  /** Blocks larger than this are skipped (and counted). */
  maxBlockSize?: number;
  onProgress?: (done: number, total: number) => void;
}

function computeRuleKeys(table: FeatureTable, rule: BlockingRule, weak: Uint8Array | null): Uint32Array {
  const keys = new Uint32Array(table.size);
  for (let i = 0; i < table.size; i++) keys[i] = rule.key(table, i);
  if (weak === null) return keys;
  // A key no weak record holds can add no pair: dropped, so strong-only blocks cost nothing to walk.
  const held = new Set<number>();
  for (let i = 0; i < table.size; i++) if (weak[i] === 1 && keys[i] !== 0) held.add(keys[i] as number);
  for (let i = 0; i < table.size; i++) if (weak[i] === 0 && !held.has(keys[i] as number)) keys[i] = 0;
  return keys;
}

/**
 * Candidate pairs: the union over rules of pairs sharing a key, each emitted once (a pair is skipped by a rule
 * when an earlier rule already shares a key for it — no set of seen pairs needed).
 */
export function generateCandidatePairs(
  table: FeatureTable,
  rank: Int32Array,
  options: BlockingOptions = {},
): CandidatePairs {
  const rules = options.rules ?? DEFAULT_BLOCKING_RULES;
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  let a = new Int32Array(Math.max(1024, table.size * 4));
  let b = new Int32Array(a.length);
  let count = 0;
  const keysByRule: Uint32Array[] = [];
  const statistics: RuleStatistics[] = [];
  let weakFlags: Uint8Array | null = null;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as BlockingRule;
    if (rule.weakPairsOnly && weakFlags === null) {
      weakFlags = new Uint8Array(table.size);
      for (let i = 0; i < table.size; i++) weakFlags[i] = isWeakRecord(table, i) ? 1 : 0;
    }
    const weak = rule.weakPairsOnly ? weakFlags : null;
    const keys = computeRuleKeys(table, rule, weak);
    keysByRule.push(keys);
    const order = sortIndicesByKey(keys);
    const stats: RuleStatistics = {
      rule: rule.name,
      pairs: 0,
      blocks: 0,
      oversizedBlocks: 0,
      skippedPairs: 0,
    };
    const n = order.length;
    let start = 0;
    while (start < n && keys[order[start] as number] === 0) start++;
    while (start < n) {
      const key = keys[order[start] as number];
      let end = start + 1;
      while (end < n && keys[order[end] as number] === key) end++;
      const size = end - start;
      if (size > 1) {
        stats.blocks++;
        if (size > maxBlockSize) {
          stats.oversizedBlocks++;
          stats.skippedPairs += (size * (size - 1)) / 2;
        } else {
          for (let x = start; x < end; x++) {
            const i = order[x] as number;
            const iWeak = weak === null || weak[i] === 1;
            // Only pairs with a weak record: from a strong record, skip ahead to the weak ones.
            for (let y = x + 1; y < end; y++) {
              const j = order[y] as number;
              if (!iWeak && weak !== null && weak[j] === 0) continue;
              let seen = false;
              for (let earlier = 0; earlier < r; earlier++) {
                const k = keysByRule[earlier] as Uint32Array;
                const ki = k[i] as number;
                if (ki !== 0 && ki === k[j]) {
                  seen = true;
                  break;
                }
              }
              if (seen) continue;
              if (count === a.length) {
                const grownA = new Int32Array(a.length * 2);
                grownA.set(a);
                a = grownA;
                const grownB = new Int32Array(b.length * 2);
                grownB.set(b);
                b = grownB;
              }
              if ((rank[i] as number) < (rank[j] as number)) {
                a[count] = i;
                b[count] = j;
              } else {
                a[count] = j;
                b[count] = i;
              }
              count++;
              stats.pairs++;
            }
          }
        }
      }
      start = end;
    }
    statistics.push(stats);
    options.onProgress?.(r + 1, rules.length);
  }
  return { a: a.subarray(0, count), b: b.subarray(0, count), count, rules: statistics };
}
