/**
 * Two lists put through the overlap engine (src/matching) together: the pairs it finds between them, and
 * within the first, each with its probability and the field-by-field evidence. Used for the duplicate
 * screening of an import and for reconciling a central list with the registry.
 */
import { generateLinkageDataset } from "../demo/index.ts";
import {
  COMPARED_FIELDS,
  type ComparedField,
  decodePattern,
  explainPattern,
  FIELD_LEVELS,
  type LinkageRecord,
  linkRecords,
  type MatchModel,
  type PairExplanation,
  probabilityOf,
} from "../matching/index.ts";

export interface ListPair {
  /** Index into the left list. */
  left: number;
  /** Index into the right list, or into the left list for a pair within it. */
  right: number;
  probability: number;
  weight: number;
  levels: Record<ComparedField, string>;
  explanation: PairExplanation;
}

export interface LinkedLists {
  between: ListPair[];
  withinLeft: ListPair[];
  model: MatchModel;
}

const NIK_FIELD = COMPARED_FIELDS.indexOf("nik");
const NIK_EXACT = FIELD_LEVELS.nik.indexOf("exact");

/** Below this many records EM has too few pairs to learn from; a model trained on generated lists is used. */
const MIN_TRAINING_RECORDS = 20_000;
let reference: MatchModel | undefined;

/**
 * Parameters learnt once per process, without labels, from lists of the demo generator (Paser-like damage):
 * what small lists are scored with.
 */
export function referenceModel(): MatchModel {
  reference ??= linkRecords(generateLinkageDataset({ seed: 6401, records: 10_000, sources: 3 }).records, {
    randomPairs: 100_000,
  }).model;
  return reference;
}

export function linkLists(
  left: readonly LinkageRecord[],
  right: readonly LinkageRecord[],
  options: {
    minProbability: number;
    /** Keep pairs between the lists that carry the same NIK even below `minProbability`. */
    keepSameNik?: boolean;
    model?: MatchModel;
    onProgress?: (stage: string, done: number, total: number) => void;
  },
): LinkedLists {
  const records = [...left, ...right];
  const model = options.model ?? (records.length < MIN_TRAINING_RECORDS ? referenceModel() : undefined);
  const result = linkRecords(records, {
    ...(model ? { model } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const between: ListPair[] = [];
  const withinLeft: ListPair[] = [];
  const { a, b, count } = result.candidates;
  // One buffer for every candidate's levels: this loop sees millions of pairs and keeps few.
  const codes = new Uint8Array(COMPARED_FIELDS.length);
  for (let k = 0; k < count; k++) {
    const weight = result.weights[k] as number;
    const probability = probabilityOf(weight);
    let i = a[k] as number;
    let j = b[k] as number;
    const iLeft = i < left.length;
    const jLeft = j < left.length;
    if (!iLeft && !jLeft) continue;
    const below = probability < options.minProbability;
    if (below && !(options.keepSameNik && iLeft !== jLeft)) continue;
    const pattern = result.patterns[k] as number;
    decodePattern(pattern, codes);
    if (below && codes[NIK_FIELD] !== NIK_EXACT) continue;
    if (iLeft && !jLeft) {
      // keep i on the left
    } else if (!iLeft && jLeft) {
      [i, j] = [j, i];
    } else if (i > j) [i, j] = [j, i];
    const pair: ListPair = {
      left: i,
      right: iLeft && jLeft ? j : j - left.length,
      probability,
      weight,
      levels: Object.fromEntries(
        COMPARED_FIELDS.map((field, f) => [field, FIELD_LEVELS[field][codes[f] as number] ?? "missing"]),
      ) as Record<ComparedField, string>,
      explanation: explainPattern(result.scorer, result.table, a[k] as number, b[k] as number, pattern),
    };
    if (iLeft && jLeft) withinLeft.push(pair);
    else between.push(pair);
  }
  return { between, withinLeft, model: result.model };
}
