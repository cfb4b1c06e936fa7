import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateLinkageDataset } from "../demo/index.ts";
import { linkRecords } from "./link.ts";
import type { LinkageRecord } from "./types.ts";

const dataset = generateLinkageDataset({ seed: 11, records: 3000, sources: 5 });

/** Pairwise precision and recall of a clustering against the generator's truth ids. */
function pairwise(clusterOf: Int32Array, truthIds: readonly string[]) {
  const pairs = (groups: Map<string, number>) =>
    [...groups.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  const count = (keyOf: (i: number) => string) => {
    const groups = new Map<string, number>();
    for (let i = 0; i < truthIds.length; i++) groups.set(keyOf(i), (groups.get(keyOf(i)) ?? 0) + 1);
    return pairs(groups);
  };
  const predicted = count((i) => String(clusterOf[i]));
  const truth = count((i) => truthIds[i] as string);
  const correct = count((i) => `${clusterOf[i]}|${truthIds[i]}`);
  return { precision: correct / predicted, recall: correct / truth };
}

/** The clustering as a set of persons, each a sorted list of record keys: comparable across input orders. */
function persons(records: readonly LinkageRecord[], clusterOf: Int32Array): string[] {
  const byCluster = new Map<number, string[]>();
  records.forEach((record, i) => {
    const members = byCluster.get(clusterOf[i] as number) ?? [];
    members.push(`${record.source}/${record.recordId}`);
    byCluster.set(clusterOf[i] as number, members);
  });
  return [...byCluster.values()].map((members) => members.sort().join(" ")).sort();
}

describe("batch linkage of agency lists", () => {
  const result = linkRecords(dataset.records, { randomPairs: 200_000 });

  it("finds nearly every overlap with few false alarms on the demo lists", () => {
    const { precision, recall } = pairwise(result.clusterOf, dataset.truthIds);
    expect(precision).toBeGreaterThan(0.97);
    expect(recall).toBeGreaterThan(0.97);
  });

  it("beats matching on the exact NIK text", () => {
    const byNik = new Map<string, number>();
    const clusterOf = Int32Array.from(dataset.records, (record, i) => {
      if (!record.nik) return -1 - i;
      if (!byNik.has(record.nik)) byNik.set(record.nik, byNik.size);
      return byNik.get(record.nik) as number;
    });
    expect(pairwise(result.clusterOf, dataset.truthIds).recall).toBeGreaterThan(
      pairwise(clusterOf, dataset.truthIds).recall + 0.05,
    );
  });

  it("learns without labels that an identical NIK is strong evidence and a different birth date is against", () => {
    const level = (factor: string, code: string) =>
      result.model.factors.find((f) => f.factor === factor)?.levels.find((l) => l.level === code)?.weight ??
      0;
    expect(level("nik_birth_date", "exact+exact")).toBeGreaterThan(10);
    expect(level("nik_birth_date", "missing+different")).toBeLessThan(-2);
    expect(level("name", "exact")).toBeGreaterThan(level("name", "fuzzy"));
    expect(level("household", "same_kk")).toBeGreaterThan(level("household", "elsewhere"));
  });

  it("assigns every record to exactly one cluster", () => {
    expect(result.clusterOf.length).toBe(dataset.records.length);
    expect(Math.max(...result.clusterOf)).toBe(result.clusterCount - 1);
  });

  it("gives the same persons whatever the order of the input records", () => {
    const small = dataset.records.slice(0, 1200);
    const expected = persons(small, linkRecords(small, { randomPairs: 50_000 }).clusterOf);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        // A seeded Fisher–Yates shuffle of the same records.
        const shuffled: LinkageRecord[] = [...small];
        let state = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (Math.imul(state, 1103515245) + 12345) >>> 0;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as LinkageRecord, shuffled[i] as LinkageRecord];
        }
        const actual = persons(shuffled, linkRecords(shuffled, { randomPairs: 50_000 }).clusterOf);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 8 },
    );
  });

  it("honours a coordinator's decisions: 'different people' splits a link, 'same person' joins two records", () => {
    const k = result.weights.findIndex((w, index) => {
      const a = result.candidates.a[index] as number;
      const b = result.candidates.b[index] as number;
      return w > 20 && result.clusterOf[a] === result.clusterOf[b];
    });
    const linkedA = dataset.records[result.candidates.a[k] as number] as LinkageRecord;
    const linkedB = dataset.records[result.candidates.b[k] as number] as LinkageRecord;
    const strangerA = dataset.records[0] as LinkageRecord;
    const strangerB = dataset.records.find(
      (r) => result.clusterOf[dataset.records.indexOf(r)] !== result.clusterOf[0],
    );
    if (!strangerB) throw new Error("fixture has a single cluster");
    const decided = linkRecords(dataset.records, {
      model: result.model,
      decisions: [
        { a: linkedA, b: linkedB, samePerson: false },
        { a: strangerA, b: strangerB, samePerson: true },
      ],
    });
    const clusterOf = (record: LinkageRecord) => decided.clusterOf[dataset.records.indexOf(record as never)];
    expect(clusterOf(linkedA)).not.toBe(clusterOf(linkedB));
    expect(clusterOf(strangerA)).toBe(clusterOf(strangerB));
  });

  it("reports a time for every stage when given a clock", () => {
    let tick = 0;
    const timed = linkRecords(dataset.records.slice(0, 200), { randomPairs: 1000, now: () => (tick += 5) });
    expect(Object.values(timed.timings).every((ms) => ms > 0)).toBe(true);
  });

  it("sends a link the chaining guard refused to review with the conflicting pair, instead of dropping it", () => {
    const records: LinkageRecord[] = [
      // b lacks the NIK: it links to a and to c, who carry different NIKs.
      {
        source: "a",
        recordId: "1",
        nik: "6401054507880003",
        name: "Siti Aminah",
        birthDate: "1988-07-05",
        address: "Jl. Melati 12",
      },
      { source: "b", recordId: "1", name: "Siti Aminah", birthDate: "1988-07-05", address: "Jl. Melati 12" },
      {
        source: "c",
        recordId: "1",
        nik: "6407125112880001",
        name: "Siti Aminah",
        birthDate: "1988-07-05",
        address: "Jl. Melati 12",
      },
    ];
    const refusing = linkRecords(records, {
      model: { ...result.model, matchThreshold: 0.999, guardWeight: 1000 },
    });
    // One link is taken; the other would make one person of a and c and is refused, not lost.
    expect(refusing.rejectedMerges).toBe(1);
    const [refused] = refusing.refusedLinks;
    if (!refused) throw new Error("no refused link");
    expect(refusing.weights[refused.pair]).toBeGreaterThanOrEqual(Math.log2(0.999 / 0.001));
    const a = refusing.candidates.a[refused.pair] as number;
    const b = refusing.candidates.b[refused.pair] as number;
    expect(refusing.clusterOf[a]).not.toBe(refusing.clusterOf[b]);
    expect(Number.isFinite(refused.conflictWeight)).toBe(true);
  });
});
