import { describe, expect, it } from "vitest";
import { comparePair } from "./comparison-vector.ts";
import { describeExplanation, explainPattern } from "./explain.ts";
import { FACTOR_LEVEL_COUNTS } from "./factors.ts";
import { FeatureTable } from "./features.ts";
import { MATCHING_MESSAGES } from "./messages.ts";
import { buildModel, Scorer } from "./model.ts";
import { COMPARED_FIELDS, FIELD_LEVELS, type LinkageRecord } from "./types.ts";

// A hand-set model: m high on agreement, u low, so the signs of the weights are known.
const m = FACTOR_LEVEL_COUNTS.map((k) =>
  Array.from({ length: k }, (_, level) => (level === 0 ? 1 : level === 1 ? 0.9 : 0.1 / (k - 2))),
);
const u = FACTOR_LEVEL_COUNTS.map((k) =>
  Array.from({ length: k }, (_, level) => (level === 0 ? 1 : level === 1 ? 0.01 : 0.99 / (k - 2))),
);
const model = buildModel(
  m,
  u,
  1e-4,
  0.05,
  { matchThreshold: 0.9, reviewThreshold: 0.5, guardWeight: 0 },
  {
    records: 3,
    candidatePairs: 1,
    randomPairs: 0,
    emIterations: 0,
    converged: true,
    candidateMatchShare: 0.5,
  },
);

const siti: LinkageRecord = {
  source: "DINSOS",
  recordId: "1",
  nik: "6401054507880003",
  name: "Hj. Siti Aminah",
  birthDate: "1988-07-05",
  sex: "P",
  villageCode: "64.01.05.2001",
};
const sitiAgain: LinkageRecord = { ...siti, source: "DTKS", recordId: "9", name: "SITI AMINAH", nik: null };

function explain(a: LinkageRecord, b: LinkageRecord) {
  const table = new FeatureTable();
  table.add(a);
  table.add(b);
  // Others in the registry under another name: Siti Aminah is then 2 records in 100.
  for (let i = 0; i < 98; i++) table.add({ source: "DTKS", recordId: `x${i}`, name: `Warga ${i}` });
  const scorer = new Scorer(model, table);
  return explainPattern(scorer, table, 0, 1, comparePair(table, 0, 1));
}

describe("explanations of a pair", () => {
  it("lists every compared field with its level and its weight", () => {
    const explanation = explain(siti, sitiAgain);
    expect(explanation.fields.map((f) => f.field)).toEqual([...COMPARED_FIELDS]);
    const name = explanation.fields.find((f) => f.field === "name");
    expect(name?.level).toBe("exact");
    expect(name?.weight).toBeGreaterThan(0);
    expect(explanation.fields.find((f) => f.field === "nik")?.weight).toBe(0);
  });

  it("adds up to the pair's weight: prior + fields + name rarity", () => {
    const explanation = explain(siti, sitiAgain);
    const sum =
      explanation.priorWeight +
      explanation.fields.reduce((total, f) => total + f.weight, 0) +
      (explanation.nameFrequency?.adjustment ?? 0);
    expect(sum).toBeCloseTo(explanation.weight, 10);
  });

  it("speaks Indonesian by default and English on request", () => {
    const explanation = explain(siti, sitiAgain);
    const id = describeExplanation(explanation);
    const en = describeExplanation(explanation, "en");
    expect(id.some((line) => line.startsWith("Nama: sama (setelah gelar dan ejaan dibakukan)"))).toBe(true);
    expect(
      en.some((line) => line.startsWith("Name: the same (once titles and spellings are standardised)")),
    ).toBe(true);
    expect(id.some((line) => line.includes("NIK: kosong atau tidak terbaca"))).toBe(true);
    expect(id.at(-1)).toMatch(/^Peluang orang yang sama: .*%/);
    expect(en.at(-1)).toMatch(/^Probability of the same person: .*%/);
  });

  it("says that a rare name counts for more", () => {
    const explanation = explain(siti, sitiAgain);
    expect(explanation.nameFrequency?.adjustment).toBeGreaterThan(0);
    expect(describeExplanation(explanation, "en").some((line) => line.startsWith("This name is rare"))).toBe(
      true,
    );
  });

  it("calls strong disagreement strong evidence of different people", () => {
    const other: LinkageRecord = {
      ...sitiAgain,
      name: "Bambang Sutrisno",
      sex: "L",
      birthDate: "1950-01-01",
    };
    const lines = describeExplanation(explain(siti, other), "en");
    expect(lines.some((line) => line.includes("Sex: different — points to different people"))).toBe(true);
    expect(lines.at(-1)).toContain("treated as different people");
  });

  it("has Indonesian and English words for every field and every level", () => {
    for (const field of COMPARED_FIELDS) {
      const fieldMessage = MATCHING_MESSAGES[`MATCHING_FIELD_${field.toUpperCase()}`];
      expect(fieldMessage?.id && fieldMessage.en).toBeTruthy();
      for (const level of FIELD_LEVELS[field]) {
        const message = MATCHING_MESSAGES[`MATCHING_LEVEL_${field.toUpperCase()}_${level.toUpperCase()}`];
        expect(message?.id && message.en, `${field}/${level}`).toBeTruthy();
      }
    }
  });
});
