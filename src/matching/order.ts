import type { FeatureTable } from "./features.ts";
import { hashString } from "./prng.ts";

/**
 * Indices 0..n-1 ordered by a 32-bit key, stable (two 16-bit LSD radix passes): linear time, so that sorting a
 * million keys per blocking rule costs milliseconds, not a comparison sort's seconds.
 */
export function sortIndicesByKey(keys: Uint32Array, n = keys.length): Int32Array {
  const counts = new Int32Array(65537);
  const first = new Int32Array(n);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) (counts[((keys[i] as number) & 0xffff) + 1] as number)++;
  for (let b = 1; b <= 65536; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
  for (let i = 0; i < n; i++) {
    const bucket = (keys[i] as number) & 0xffff;
    first[counts[bucket] as number] = i;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  counts.fill(0);
  for (let i = 0; i < n; i++) (counts[((keys[i] as number) >>> 16) + 1] as number)++;
  for (let b = 1; b <= 65536; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
  for (let k = 0; k < n; k++) {
    const i = first[k] as number;
    const bucket = (keys[i] as number) >>> 16;
    out[counts[bucket] as number] = i;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  return out;
}

const recordKey = (table: FeatureTable, i: number): string => {
  const record = table.records[i];
  return record ? `${record.source}\u0000${record.recordId}` : "";
};

/**
 * A rank for every record that depends only on (source, recordId), never on input order: it orients pairs, breaks
 * ties and seeds sampling, which is what makes the whole result independent of how the input was ordered.
 */
export function canonicalRanks(table: FeatureTable): Int32Array {
  const n = table.size;
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = hashString(recordKey(table, i));
  const order = sortIndicesByKey(hashes, n);
  // Equal hashes (rare) are ordered by the key text itself.
  for (let start = 0; start < n; ) {
    let end = start + 1;
    const h = hashes[order[start] as number];
    while (end < n && hashes[order[end] as number] === h) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((x, y) => {
        const a = recordKey(table, x);
        const b = recordKey(table, y);
        return a < b ? -1 : a > b ? 1 : 0;
      });
      order.set(run, start);
    }
    start = end;
  }
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r] as number] = r;
  return rank;
}
