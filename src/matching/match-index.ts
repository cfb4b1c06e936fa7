/**
 * Incremental matching: an in-memory index over the registry so that a new registration is compared, as it is
 * typed, with every existing record sharing a blocking key — the officer sees possible existing persons before
 * saving. Same rules, comparisons and model as the batch run, so the two never disagree about a pair.
 */
import {
  type BlockingRule,
  DEFAULT_BLOCKING_RULES,
  DEFAULT_MAX_BLOCK_SIZE,
  generateCandidatePairs,
  isWeakRecord,
} from "./blocking.ts";
import { comparePair, decodePattern } from "./comparison-vector.ts";
import { explainPattern, type MatchDecision, type PairExplanation } from "./explain.ts";
import { FeatureTable, GrowableInt32 } from "./features.ts";
import { comparePairsInline, trainModel } from "./link.ts";
import { type MatchModel, probabilityOf, Scorer, type TrainingOptions } from "./model.ts";
import { canonicalRanks } from "./order.ts";
import { COMPARED_FIELDS, type ComparedField, FIELD_LEVELS, type LinkageRecord } from "./types.ts";

/** Chained hash table from a 32-bit block key to the records holding it; typed arrays, no per-key objects. */
class BlockIndex {
  private keys: Uint32Array;
  private heads: Int32Array;
  private counts: Int32Array;
  private used = 0;
  readonly next = new GrowableInt32();

  constructor(capacity: number) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.heads = new Int32Array(size).fill(-1);
    this.counts = new Int32Array(size);
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let s = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.keys[s] !== 0 && this.keys[s] !== key) s = (s + 1) & mask;
    return s;
  }

  /** Appends record `index` (which must be the next index) under `key`; key 0 = the record has no key. */
  insert(key: number, index: number): void {
    if (key === 0) {
      this.next.push(-1);
      return;
    }
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const s = this.slot(key);
    if (this.keys[s] === 0) {
      this.keys[s] = key;
      this.used++;
    }
    this.next.push(this.heads[s] as number);
    this.heads[s] = index;
    this.counts[s] = (this.counts[s] as number) + 1;
  }

  /** First record under key (follow `next`), or -1; `count` tells the block size. */
  lookup(key: number): { first: number; count: number } {
    if (key === 0) return { first: -1, count: 0 };
    const s = this.slot(key);
    return this.keys[s] === key
      ? { first: this.heads[s] as number, count: this.counts[s] as number }
      : { first: -1, count: 0 };
  }

  private grow(): void {
    const { keys, heads, counts } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2).fill(-1);
    this.counts = new Int32Array(keys.length * 2);
    for (let s = 0; s < keys.length; s++) {
      const key = keys[s] as number;
      if (key === 0) continue;
      const t = this.slot(key);
      this.keys[t] = key;
      this.heads[t] = heads[s] as number;
      this.counts[t] = counts[s] as number;
    }
  }
}

export interface MatchCandidate {
  /** Position of the existing record in the index (insertion order). */
  index: number;
  record: LinkageRecord;
  probability: number;
  weight: number;
  decision: MatchDecision;
  levels: Record<ComparedField, string>;
  explanation: PairExplanation;
}

export interface QueryOptions {
  /** At most this many candidates, best first (default 20). */
  limit?: number;
  /** Leave out candidates below this probability (default: the model's review threshold). */
  minProbability?: number;
}

export interface MatchIndex {
  readonly size: number;
  readonly model: MatchModel;
  /** Adds a record (e.g. once a registration is saved) and returns its index. */
  add(record: LinkageRecord): number;
  /** Existing records that may be the same person as `record`, best first; the index is not changed. */
  query(record: LinkageRecord, options?: QueryOptions): MatchCandidate[];
  /** The stored record at an index. */
  record(index: number): LinkageRecord | undefined;
}

export interface MatchIndexOptions extends Partial<TrainingOptions> {
  /** Parameters trained earlier (e.g. summary.json of a batch run); trained on `records` when absent. */
  model?: MatchModel;
  rules?: readonly BlockingRule[];
  maxBlockSize?: number;
}

export function createMatchIndex(
  records: Iterable<LinkageRecord>,
  options: MatchIndexOptions = {},
): MatchIndex {
  const rules = options.rules ?? DEFAULT_BLOCKING_RULES;
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const initial = Array.isArray(records) ? (records as LinkageRecord[]) : [...records];
  const table = new FeatureTable(initial.length);
  for (const record of initial) table.add(record);

  let model = options.model;
  if (!model) {
    const rank = canonicalRanks(table);
    const candidates = generateCandidatePairs(table, rank, { rules, maxBlockSize });
    model = trainModel(table, rank, candidates.count, comparePairsInline(table, candidates), options);
  }
  const scorer = new Scorer(model, table);

  const blocks = rules.map(() => new BlockIndex(initial.length));
  // A rule that pairs only with a weak record keys every record, so its blocks are large (a common name and a
  // birth year); a query with a NIK and a desa would walk a whole block to find its few weak members. Such a
  // rule also keeps a block of its weak records only, and a strong query walks that one.
  const weakBlocks = rules.map((rule) => (rule.weakPairsOnly ? new BlockIndex(initial.length) : null));
  const insertKeys = (index: number) => {
    const weak = isWeakRecord(table, index);
    for (let r = 0; r < rules.length; r++) {
      const key = (rules[r] as BlockingRule).key(table, index);
      blocks[r]?.insert(key, index);
      weakBlocks[r]?.insert(weak ? key : 0, index);
    }
  };
  for (let i = 0; i < table.size; i++) insertKeys(i);

  // Marks which records a query has already scored; a stamp per query avoids clearing the array.
  let seenStamp = new Int32Array(Math.max(1024, table.size));
  let stamp = 0;

  const add = (record: LinkageRecord): number => {
    const index = table.add(record);
    insertKeys(index);
    return index;
  };

  const query = (record: LinkageRecord, queryOptions: QueryOptions = {}): MatchCandidate[] => {
    const limit = queryOptions.limit ?? 20;
    const minProbability = queryOptions.minProbability ?? model.reviewThreshold;
    const q = table.add(record, false);
    try {
      if (seenStamp.length < table.size) {
        const grown = new Int32Array(table.size * 2);
        grown.set(seenStamp);
        seenStamp = grown;
      }
      stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
      const found: { index: number; weight: number; pattern: number }[] = [];
      const queryWeak = isWeakRecord(table, q);
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r] as BlockingRule;
        const key = rule.key(table, q);
        const { first, count } = (blocks[r] as BlockIndex).lookup(key);
        if (count >= maxBlockSize) continue; // the batch run skips such blocks too
        // As in the batch run: such a rule pairs two records only when one of them is weak.
        const weakBlock = rule.weakPairsOnly && !queryWeak ? (weakBlocks[r] as BlockIndex) : null;
        const block = weakBlock ?? (blocks[r] as BlockIndex);
        const start = weakBlock ? weakBlock.lookup(key).first : first;
        for (let i = start; i !== -1; i = block.next.data[i] as number) {
          if (seenStamp[i] === stamp) continue;
          seenStamp[i] = stamp;
          const pattern = comparePair(table, q, i);
          const weight = scorer.weight(pattern, q, i);
          if (probabilityOf(weight) >= minProbability) found.push({ index: i, weight, pattern });
        }
      }
      found.sort((x, y) => y.weight - x.weight || x.index - y.index);
      return found.slice(0, limit).map(({ index, pattern }) => {
        const explanation = explainPattern(scorer, table, q, index, pattern);
        const levels = decodePattern(pattern);
        return {
          index,
          record: table.records[index] as LinkageRecord,
          probability: explanation.probability,
          weight: explanation.weight,
          decision: explanation.decision,
          levels: Object.fromEntries(
            COMPARED_FIELDS.map((field, f) => [field, FIELD_LEVELS[field][levels[f] as number]]),
          ) as Record<ComparedField, string>,
          explanation,
        };
      });
    } finally {
      table.removeLast();
    }
  };

  return {
    get size() {
      return table.size;
    },
    model,
    add,
    query,
    record: (index) => table.records[index],
  };
}
