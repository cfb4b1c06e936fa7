/**
 * Scoring a linkage against the generator's truth: pairwise precision, recall and F1 of a clustering, the
 * recall of blocking, and the exact-NIK baseline (what a clerk does with VLOOKUP on the NIK column).
 */

export interface PairwiseScore {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

const pairsIn = (n: number) => (n * (n - 1)) / 2;

/** Counts pairs via the contingency of (cluster, truth): no pair list is ever built. */
export function scoreClustering(clusterOf: ArrayLike<number>, truthOf: ArrayLike<number>): PairwiseScore {
  const clusterSize = new Map<number, number>();
  const truthSize = new Map<number, number>();
  const cellSize = new Map<number, number>();
  const n = clusterOf.length;
  let maxTruth = 0;
  for (let i = 0; i < n; i++) maxTruth = Math.max(maxTruth, truthOf[i] as number);
  const stride = maxTruth + 1;
  for (let i = 0; i < n; i++) {
    const c = clusterOf[i] as number;
    const t = truthOf[i] as number;
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    truthSize.set(t, (truthSize.get(t) ?? 0) + 1);
    const cell = c * stride + t;
    cellSize.set(cell, (cellSize.get(cell) ?? 0) + 1);
  }
  let predictedPairs = 0;
  let truePairs = 0;
  let correctPairs = 0;
  for (const s of clusterSize.values()) predictedPairs += pairsIn(s);
  for (const s of truthSize.values()) truePairs += pairsIn(s);
  for (const s of cellSize.values()) correctPairs += pairsIn(s);
  const precision = predictedPairs > 0 ? correctPairs / predictedPairs : 1;
  const recall = truePairs > 0 ? correctPairs / truePairs : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}

/**
 * Pairwise score over the pairs that involve at least one record of a subset (e.g. records without NIK): all
 * pairs minus the pairs whose two records are both outside it, by the same contingency counts.
 */
export function scoreClusteringInvolving(
  clusterOf: ArrayLike<number>,
  truthOf: ArrayLike<number>,
  inSubset: (i: number) => boolean,
): PairwiseScore {
  const outside: number[] = [];
  for (let i = 0; i < clusterOf.length; i++) if (!inSubset(i)) outside.push(i);
  const all = scoreClustering(clusterOf, truthOf);
  const rest = scoreClustering(
    Int32Array.from(outside, (i) => clusterOf[i] as number),
    Int32Array.from(outside, (i) => truthOf[i] as number),
  );
  const truePairs = all.truePairs - rest.truePairs;
  const predictedPairs = all.predictedPairs - rest.predictedPairs;
  const correctPairs = all.correctPairs - rest.correctPairs;
  const precision = predictedPairs > 0 ? correctPairs / predictedPairs : 1;
  const recall = truePairs > 0 ? correctPairs / truePairs : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}

/** Share of true pairs that blocking put among the candidates. */
export function blockingRecall(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  count: number,
  truthOf: ArrayLike<number>,
  truePairs: number,
): { found: number; recall: number } {
  let found = 0;
  for (let k = 0; k < count; k++) if (truthOf[a[k] as number] === truthOf[b[k] as number]) found++;
  return { found, recall: truePairs > 0 ? found / truePairs : 1 };
}

/**
 * The spreadsheet method: two records are one person when their NIK cells are equal as text (trimmed).
 * Records with an empty NIK stay alone.
 */
export function exactNikClusters(niks: readonly (string | null | undefined)[]): Int32Array {
  const clusterOf = new Int32Array(niks.length);
  const byNik = new Map<string, number>();
  let next = 0;
  niks.forEach((raw, i) => {
    const nik = raw?.trim();
    if (!nik) {
      clusterOf[i] = next++;
      return;
    }
    let cluster = byNik.get(nik);
    if (cluster === undefined) {
      cluster = next++;
      byNik.set(nik, cluster);
    }
    clusterOf[i] = cluster;
  });
  return clusterOf;
}

/** Dense integer ids for truth strings. */
export function truthIndex(truthIds: readonly string[]): Int32Array {
  const ids = new Map<string, number>();
  const out = new Int32Array(truthIds.length);
  truthIds.forEach((t, i) => {
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
    }
    out[i] = id;
  });
  return out;
}
