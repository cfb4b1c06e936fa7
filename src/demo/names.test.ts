import { describe, expect, it } from "vitest";
import { BUSINESS_SECTORS, EMPLOYMENT_STATUSES } from "../registry/attributes.ts";
import {
  birthPlaceFor,
  businessNameFor,
  CULTURES,
  composeName,
  occupationFor,
  phoneNumber,
  religionOf,
} from "./names.ts";
import { Random } from "./random.ts";

function sampleNames(sex: "L" | "P", n: number, seed = 1): string[] {
  const rng = new Random(seed);
  return Array.from({ length: n }, () => {
    const culture = rng.pick(["banjar", "bugis", "jawa", "paser"] as const);
    return composeName(rng, {
      culture,
      religion: "islam",
      sex,
      birthYear: rng.between(1945, 2020),
      birthMonth: rng.between(1, 12),
    });
  });
}

const share = (names: string[], predicate: (name: string) => boolean) =>
  names.filter(predicate).length / names.length;

describe("composeName", () => {
  it("makes Muhammad common among Muslim men, as it is in Kalimantan Timur", () => {
    const men = sampleNames("L", 5000);
    expect(share(men, (n) => n.split(" ").includes("Muhammad"))).toBeGreaterThan(0.1);
    expect(share(men, (n) => n.split(" ").includes("Muhammad"))).toBeLessThan(0.25);
  });

  it("makes Siti and Nur common first words among Muslim women", () => {
    const women = sampleNames("P", 5000);
    expect(share(women, (n) => /^(Siti|Sitti) /.test(n))).toBeGreaterThan(0.08);
    expect(share(women, (n) => /^(Nur|Noor) /.test(n))).toBeGreaterThan(0.05);
  });

  it("repeats names: the 20 most common full names cover a visible share, so names alone cannot identify", () => {
    const names = sampleNames("L", 20_000, 2);
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    const top = [...counts.values()].sort((a, b) => b - a).slice(0, 20);
    expect(top.reduce((a, b) => a + b, 0) / names.length).toBeGreaterThan(0.02);
    expect(counts.size).toBeGreaterThan(3000);
  });

  it("writes one to five capitalised words without double spaces", () => {
    for (const name of [...sampleNames("L", 2000, 3), ...sampleNames("P", 2000, 4)]) {
      expect(name).toMatch(/^[A-Z][A-Za-z.'-]*( [A-Z][A-Za-z.'-]*){0,4}$/);
    }
  });

  it("passes a Toraja family name to every child who carries it", () => {
    const rng = new Random(5);
    for (let i = 0; i < 200; i++) {
      const name = composeName(rng, {
        culture: "toraja",
        religion: "kristen",
        sex: "P",
        birthYear: 1990,
        birthMonth: 5,
        familyName: "Rante",
      });
      expect(name.endsWith(" Rante")).toBe(true);
    }
  });

  it("gives Christian families Christian given names rather than Arabic ones", () => {
    const rng = new Random(6);
    const names = Array.from({ length: 500 }, () =>
      composeName(rng, { culture: "dayak", religion: "katolik", sex: "L", birthYear: 1970, birthMonth: 1 }),
    );
    expect(names.some((n) => n.includes("Muhammad"))).toBe(false);
  });

  it("puts the noble title first for a noble Bugis line", () => {
    const rng = new Random(8);
    expect(
      composeName(rng, {
        culture: "bugis",
        religion: "islam",
        sex: "L",
        birthYear: 1980,
        birthMonth: 2,
        noble: true,
      }),
    ).toMatch(/^Andi /);
  });
});

describe("pools", () => {
  it("draws birth places at home for the young and from migrants' homelands for the old", () => {
    const rng = new Random(1);
    const young = Array.from({ length: 2000 }, () =>
      birthPlaceFor(rng, "bugis", 2005, "Kuaro", ["Kuaro", "Long Ikis"]),
    );
    const old = Array.from({ length: 2000 }, () =>
      birthPlaceFor(rng, "bugis", 1950, "Kuaro", ["Kuaro", "Long Ikis"]),
    );
    const local = (places: string[]) =>
      share(places, (p) => ["Kuaro", "Tanah Grogot", "Long Ikis"].includes(p));
    expect(local(young)).toBeGreaterThan(0.75);
    expect(local(old)).toBeLessThan(0.4);
    expect(old).toContain("Bone");
  });

  it("names an occupation for every employment status, and homemakers and pupils by their KTP words", () => {
    const rng = new Random(2);
    for (const status of EMPLOYMENT_STATUSES) expect(occupationFor(rng, status, "other")).toMatch(/\w/);
    expect(occupationFor(rng, "unemployed", "homemaker")).toBe("Mengurus Rumah Tangga");
    expect(occupationFor(rng, "unemployed", "student")).toBe("Pelajar/Mahasiswa");
  });

  it("writes mobile numbers of 11 to 13 digits starting 08", () => {
    const rng = new Random(3);
    for (let i = 0; i < 1000; i++) expect(phoneNumber(rng)).toMatch(/^08\d{9,11}$/);
  });

  it("names businesses for every sector", () => {
    const rng = new Random(4);
    for (const sector of BUSINESS_SECTORS)
      expect(businessNameFor(rng, sector, "Siti", "P", "Rizky")).toMatch(/\w+ \w+/);
  });

  it("keeps Toraja families mostly Christian and Banjar families Muslim", () => {
    const rng = new Random(5);
    const toraja = Array.from({ length: 1000 }, () => religionOf("toraja", rng));
    const banjar = Array.from({ length: 1000 }, () => religionOf("banjar", rng));
    expect(share(toraja, (r) => r !== "islam")).toBeGreaterThan(0.8);
    expect(share(banjar, (r) => r === "islam")).toBeGreaterThan(0.98);
    expect(CULTURES).toContain("paser");
  });
});
