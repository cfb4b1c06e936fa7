import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PASER_VILLAGES } from "./paser-villages.ts";
import { type DemoPerson, generatePopulation, personsOf } from "./population.ts";
import {
  DEFAULT_LINKAGE_SOURCES,
  generateLinkageDataset,
  generateSourceLists,
  type SourceListSpec,
  type SourceRecord,
  streamSourceRecords,
} from "./source-lists.ts";

const today = "2026-03-15";
const persons: DemoPerson[] = [
  ...personsOf(generatePopulation({ seed: 5, villages: PASER_VILLAGES, households: 4000, today })),
];
const byId = new Map(persons.map((p) => [p.id, p]));
const clean = { letterCase: "as_is", neighbourhood: "three_digits", neighbourhoodInAddress: null } as const;
const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe("generateSourceLists", () => {
  const sources: SourceListSpec[] = [
    { name: "DINSOS", coverage: 0.5, duplicateRate: 0.05, errorRate: 0.3 },
    { name: "DISKOPUKM", coverage: 0.3, duplicateRate: 0, errorRate: 0.3 },
    { name: "DKP", coverage: 0.2, duplicateRate: 0, errorRate: 0.3, omit: ["kk", "phone"] },
  ];
  const records = generateSourceLists({ seed: 9, population: persons, sources });

  it("is reproducible from its seed", () => {
    expect(hash(generateSourceLists({ seed: 9, population: persons, sources }))).toBe(hash(records));
    expect(hash(generateSourceLists({ seed: 10, population: persons, sources }))).not.toBe(hash(records));
  });

  it("covers about the asked share of the population in each list", () => {
    for (const spec of sources) {
      const people = new Set(records.filter((r) => r.source === spec.name).map((r) => r.truthId));
      expect(Math.abs(people.size / persons.length - spec.coverage)).toBeLessThan(0.02);
    }
  });

  it("enters about the asked share of a list's people twice, and nobody twice where the rate is zero", () => {
    const dinsos = countBy(
      records.filter((r) => r.source === "DINSOS"),
      (r) => r.truthId,
    );
    const twice = [...dinsos.values()].filter((n) => n === 2).length / dinsos.size;
    expect(twice).toBeGreaterThan(0.035);
    expect(twice).toBeLessThan(0.065);
    const diskop = countBy(
      records.filter((r) => r.source === "DISKOPUKM"),
      (r) => r.truthId,
    );
    expect(Math.max(...diskop.values())).toBe(1);
  });

  it("puts the same person into several lists, as agencies' lists overlap", () => {
    const listsPerPerson = new Map<string, Set<string>>();
    for (const r of records)
      listsPerPerson.set(r.truthId, (listsPerPerson.get(r.truthId) ?? new Set()).add(r.source));
    const inSeveral = [...listsPerPerson.values()].filter((s) => s.size >= 2).length;
    expect(inSeveral / listsPerPerson.size).toBeGreaterThan(0.2);
  });

  it("leaves out the columns a list does not collect", () => {
    const dkp = records.filter((r) => r.source === "DKP");
    expect(dkp.length).toBeGreaterThan(0);
    expect(dkp.every((r) => r.kk === null && r.phone === null)).toBe(true);
  });

  it("shuffles each list and numbers it from 0000001 with ids unique across lists", () => {
    expect(new Set(records.map((r) => r.recordId)).size).toBe(records.length);
    const dinsos = records.filter((r) => r.source === "DINSOS");
    expect(dinsos[0]?.recordId).toBe("DINSOS-0000001");
    const truthOrder = dinsos.map((r) => r.truthId);
    expect(truthOrder).not.toEqual([...truthOrder].sort());
  });

  it("copies a person faithfully when a list makes no errors and writes like the KK", () => {
    const exact = generateSourceLists({
      seed: 1,
      population: persons.slice(0, 500),
      sources: [{ name: "EXACT", coverage: 1, duplicateRate: 0, errorRate: 0, style: clean }],
    });
    expect(exact).toHaveLength(500);
    for (const r of exact) {
      const p = byId.get(r.truthId) as DemoPerson;
      const { source, recordId, truthId, ...fields } = r;
      expect(fields).toEqual({
        nik: p.nik,
        kk: p.kk,
        name: p.name,
        birthPlace: p.birthPlace,
        birthDate: p.birthDate,
        sex: p.sex,
        address: p.address,
        villageCode: p.villageCode,
        rt: p.rt,
        rw: p.rw,
        phone: p.phone,
      });
    }
  });

  it("damages about the asked share of records, and a damaged record differs from the person", () => {
    const damaged = generateSourceLists({
      seed: 2,
      population: persons,
      sources: [{ name: "MESSY", coverage: 1, duplicateRate: 0, errorRate: 0.4, style: clean }],
    });
    const differing = damaged.filter((r) => {
      const p = byId.get(r.truthId) as DemoPerson;
      return (
        r.nik !== p.nik ||
        r.kk !== p.kk ||
        r.name !== p.name ||
        r.birthDate !== p.birthDate ||
        r.birthPlace !== p.birthPlace ||
        r.sex !== p.sex ||
        r.address !== p.address ||
        r.villageCode !== p.villageCode ||
        r.rt !== p.rt ||
        r.rw !== p.rw ||
        r.phone !== p.phone
      );
    });
    // A damage to a field the person lacks (no phone) changes nothing, so slightly under the rate.
    expect(differing.length / damaged.length).toBeGreaterThan(0.34);
    expect(differing.length / damaged.length).toBeLessThan(0.42);
  });

  it("writes a whole list in one style: capitals and unpadded RT where the list does so", () => {
    const styled = generateSourceLists({
      seed: 3,
      population: persons.slice(0, 300),
      sources: [
        {
          name: "CAPS",
          coverage: 1,
          duplicateRate: 0,
          errorRate: 0,
          style: { letterCase: "upper", neighbourhood: "plain", neighbourhoodInAddress: "slashed" },
        },
      ],
    });
    for (const r of styled) {
      expect(r.name).toBe(r.name.toUpperCase());
      expect(r.rt).toMatch(/^[1-9]\d?$/);
      expect(r.address).toMatch(/ RT \d+\/RW \d+$/);
    }
  });

  it("streams records in population order with each list numbering its own", () => {
    const stream = [...streamSourceRecords({ seed: 4, population: persons.slice(0, 200), sources })];
    const firstIndex = (r: SourceRecord) => persons.findIndex((p) => p.id === r.truthId);
    const order = stream.map(firstIndex);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(stream.find((r) => r.source === "DKP")?.recordId).toBe("DKP-0000001");
  });

  it("lists only those the eligibility rule admits", () => {
    const adults = generateSourceLists({
      seed: 5,
      population: persons,
      sources,
      eligible: (p) => p.role === "head",
    });
    expect(adults.every((r) => byId.get(r.truthId)?.role === "head")).toBe(true);
  });
});

describe("generateLinkageDataset", () => {
  const dataset = generateLinkageDataset({ seed: 3, records: 20_000, sources: 5, today });

  it("returns exactly the asked number of records from five lists", () => {
    expect(dataset.records).toHaveLength(20_000);
    expect(new Set(dataset.records.map((r) => r.source))).toEqual(
      new Set(DEFAULT_LINKAGE_SOURCES.map((s) => s.name)),
    );
  });

  it("carries the truth id per record in a parallel array and counts true pairs and persons", () => {
    expect(dataset.truthIds).toEqual(dataset.records.map((r) => r.truthId));
    const perPerson = countBy(dataset.records, (r) => r.truthId);
    expect(dataset.persons).toBe(perPerson.size);
    expect(dataset.truePairs).toBe([...perPerson.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0));
  });

  it("puts most people in one to three lists and lists only adults", () => {
    const lists = new Map<string, Set<string>>();
    for (const r of dataset.records) lists.set(r.truthId, (lists.get(r.truthId) ?? new Set()).add(r.source));
    const sizes = [...lists.values()].map((s) => s.size);
    expect(sizes.filter((n) => n >= 1 && n <= 3).length / sizes.length).toBeGreaterThan(0.95);
    expect(sizes.filter((n) => n >= 2).length / sizes.length).toBeGreaterThan(0.3);
    const cutoff = `${Number(today.slice(0, 4)) - 17}${today.slice(4)}`;
    const listed = new Set(dataset.truthIds);
    const birthDates = new Map<string, string>();
    for (const person of personsOf(
      generatePopulation({ seed: 3, villages: PASER_VILLAGES, households: Infinity, today }),
    )) {
      if (listed.has(person.id)) birthDates.set(person.id, person.birthDate);
      if (birthDates.size === listed.size) break;
    }
    expect([...birthDates.values()].filter((date) => date > cutoff)).toEqual([]);
  });

  it("is reproducible from its seed", () => {
    const again = generateLinkageDataset({ seed: 3, records: 2_000, sources: 5, today });
    const other = generateLinkageDataset({ seed: 4, records: 2_000, sources: 5, today });
    expect(hash(generateLinkageDataset({ seed: 3, records: 2_000, sources: 5, today }))).toBe(hash(again));
    expect(hash(other)).not.toBe(hash(again));
  });

  it("takes the first lists when asked for fewer sources, and names extra ones apart", () => {
    expect(generateLinkageDataset({ seed: 1, records: 100, sources: 2 }).sources.map((s) => s.name)).toEqual([
      "DTKS",
      "DINSOS",
    ]);
    const seven = generateLinkageDataset({ seed: 1, records: 100, sources: 7 }).sources.map((s) => s.name);
    expect(new Set(seven).size).toBe(7);
  });
});
