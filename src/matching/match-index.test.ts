import { describe, expect, it } from "vitest";
import { generateLinkageDataset, type SourceRecord } from "../demo/index.ts";
import { linkRecords } from "./link.ts";
import { createMatchIndex } from "./match-index.ts";

const dataset = generateLinkageDataset({ seed: 5, records: 4000, sources: 5 });
// Records whose person also appears elsewhere in the lists: a new registration of an existing person.
const seen = new Map<string, number>();
for (const record of dataset.records) seen.set(record.truthId, (seen.get(record.truthId) ?? 0) + 1);
const repeated = dataset.records.filter((r) => (seen.get(r.truthId) ?? 0) > 1);
const newcomers = new Set(repeated.filter((_, i) => i % 10 === 0));
const registry = dataset.records.filter((r) => !newcomers.has(r));
const listed = new Set(registry.map((r) => r.truthId));

describe("matching one new registration against the registry", () => {
  const batch = linkRecords(registry, { randomPairs: 200_000 });
  const index = createMatchIndex(registry, { model: batch.model });

  it("finds the existing person for nearly every new registration of someone already listed", () => {
    let found = 0;
    let expected = 0;
    for (const newcomer of newcomers) {
      if (!listed.has(newcomer.truthId)) continue;
      expected++;
      const candidates = index.query(newcomer);
      if (candidates.some((c) => (c.record as SourceRecord).truthId === newcomer.truthId)) found++;
    }
    expect(expected).toBeGreaterThan(100);
    expect(found / expected).toBeGreaterThan(0.97);
  });

  it("ranks candidates best first, each with a probability, levels and an explanation", () => {
    const newcomer = [...newcomers][0] as SourceRecord;
    const candidates = index.query(newcomer, { minProbability: 0 });
    expect(candidates.length).toBeGreaterThan(0);
    for (let k = 1; k < candidates.length; k++)
      expect((candidates[k - 1]?.weight ?? 0) >= (candidates[k]?.weight ?? 0)).toBe(true);
    const best = candidates[0];
    expect(best?.probability).toBeGreaterThan(0.5);
    expect(best?.levels.nik).toBeDefined();
    expect(best?.explanation.fields).toHaveLength(12);
  });

  it("agrees with the batch run about the weight of a pair", () => {
    const k = batch.weights.findIndex((w) => w > 0);
    const a = registry[batch.candidates.a[k] as number] as SourceRecord;
    const b = registry[batch.candidates.b[k] as number] as SourceRecord;
    const match = index.query(a, { minProbability: 0, limit: 1000 }).find((c) => c.record === b);
    expect(match?.weight).toBeCloseTo(batch.weights[k] as number, 6);
  });

  it("leaves the index unchanged by a query and makes an added record findable", () => {
    const before = index.size;
    const newcomer = { ...([...newcomers][1] as SourceRecord), source: "REGISTRASI", recordId: "baru-1" };
    index.query(newcomer);
    expect(index.size).toBe(before);
    const position = index.add(newcomer);
    expect(index.size).toBe(before + 1);
    expect(index.record(position)).toBe(newcomer);
    const again = index.query({ ...newcomer, recordId: "baru-2" });
    expect(again.some((c) => c.index === position)).toBe(true);
  });

  it("trains its own model when none is given", () => {
    const own = createMatchIndex(registry.slice(0, 1500), { randomPairs: 50_000 });
    expect(own.model.training.records).toBe(1500);
    expect(own.size).toBe(1500);
  });
});
