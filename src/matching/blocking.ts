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
}

const nonZero = (h: number) => (h === 0 ? 1 : h);

const nameOf = (t: FeatureTable, i: number) => t.name[i] ?? null;
const birthOf = (t: FeatureTable, i: number) => t.birthDate.data[i] as number;

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

function computeRuleKeys(table: FeatureTable, rule: BlockingRule): Uint32Array {
  const keys = new Uint32Array(table.size);
  for (let i = 0; i < table.size; i++) keys[i] = rule.key(table, i);
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
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as BlockingRule;
    const keys = computeRuleKeys(table, rule);
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
            for (let y = x + 1; y < end; y++) {
              const j = order[y] as number;
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
