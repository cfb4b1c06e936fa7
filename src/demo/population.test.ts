import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  BUSINESS_SECTORS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  HEALTH_CONDITIONS,
  HOUSE_CONDITIONS,
  HOUSEHOLD_ROLES,
  MARITAL_STATUSES,
} from "../registry/attributes.ts";
import { PASER_VILLAGES } from "./paser-villages.ts";
import { type DemoHousehold, type DemoPerson, generatePopulation, personsOf } from "./population.ts";
import { readNik } from "./test-helpers.ts";

const today = "2026-03-15";
const generate = (households: number, seed = 11, villages = PASER_VILLAGES) => [
  ...generatePopulation({ seed, villages, households, today }),
];

const households = generate(3000);
const persons = [...personsOf(households)];
const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const ageOf = (p: DemoPerson) => (Date.parse(today) - Date.parse(p.birthDate)) / (365.2425 * 86_400_000);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

describe("generatePopulation", () => {
  it("yields the same households for the same seed and different ones for another", () => {
    expect(hash(generate(200))).toBe(hash(generate(200)));
    expect(hash(generate(200, 12))).not.toBe(hash(generate(200)));
  });

  it("yields the same first households however many are asked for", () => {
    expect(hash(generate(50))).toBe(hash(generate(400).slice(0, 50)));
  });

  it("gives every person a valid NIK: their kecamatan, their birth date, day + 40 for women, a serial", () => {
    const wrong = persons.filter((person) => {
      const shape = readNik(person.nik, today);
      return (
        shape === null ||
        shape.region !== person.districtCode.replace(/\./g, "") ||
        shape.birthDate !== person.birthDate ||
        shape.sex !== person.sex
      );
    });
    expect(wrong).toEqual([]);
    expect(persons.length).toBeGreaterThan(9000);
  });

  it("never gives two people the same NIK, nor two households the same KK", () => {
    expect(new Set(persons.map((p) => p.nik)).size).toBe(persons.length);
    expect(new Set(households.map((h) => h.kk)).size).toBe(households.length);
  });

  it("numbers serials upward from 0001 within one kecamatan and NIK birth part", () => {
    const byBirthPart = new Map<string, string[]>();
    for (const p of persons) {
      const key = p.nik.slice(0, 12);
      byBirthPart.set(key, [...(byBirthPart.get(key) ?? []), p.nik.slice(12)]);
    }
    for (const serials of byBirthPart.values()) {
      expect(serials).toEqual(serials.map((_, i) => String(i + 1).padStart(4, "0")));
    }
  });

  it("writes a KK number of kecamatan code, issue date DDMMYY and serial, issued after its youngest member's birth", () => {
    for (const household of households) {
      expect(household.kk).toMatch(/^\d{16}$/);
      expect(household.kk.slice(0, 6)).toBe(household.districtCode.replace(/\./g, ""));
      const [y, m, d] = household.kkIssueDate.split("-");
      expect(household.kk.slice(6, 12)).toBe(`${d}${m}${y?.slice(2)}`);
      expect(household.kkIssueDate < today).toBe(true);
      for (const member of household.members) {
        expect(member.kk).toBe(household.kk);
        expect(member.birthDate <= household.kkIssueDate).toBe(true);
      }
    }
  });

  it("puts exactly one head first in every KK, at most one spouse, and a parent older than the head", () => {
    for (const household of households) {
      const [head, ...rest] = household.members;
      expect(head?.role).toBe("head");
      expect(rest.filter((m) => m.role === "head")).toHaveLength(0);
      expect(rest.filter((m) => m.role === "spouse").length).toBeLessThanOrEqual(1);
      for (const member of rest) {
        if (member.role === "parent") expect(member.birthDate < (head?.birthDate ?? "")).toBe(true);
        if (member.role === "child" && head?.sex === "P")
          expect(member.birthDate > head.birthDate).toBe(true);
      }
    }
  });

  it("fills every profile field from the shared attribute lists", () => {
    const problems = persons.flatMap((p) => {
      const found: string[] = [];
      const check = (ok: boolean, what: string) => {
        if (!ok) found.push(`${p.id} ${what}`);
      };
      check(EDUCATION_LEVELS.includes(p.education as never), "education");
      check(EMPLOYMENT_STATUSES.includes(p.employment as never), "employment");
      check(MARITAL_STATUSES.includes(p.maritalStatus as never), "marital status");
      check(HOUSE_CONDITIONS.includes(p.houseCondition as never), "house condition");
      check(HEALTH_CONDITIONS.includes(p.health as never), "health");
      check(HOUSEHOLD_ROLES.includes(p.role), "role");
      check(Number.isInteger(p.monthlyIncome) && (p.monthlyIncome ?? -1) >= 0, "income");
      check(Number.isInteger(p.children) && Number.isInteger(p.dependants), "children and dependants");
      check(ageOf(p) < 100, "age");
      check(/^0\d\d$/.test(p.rt) && /^0\d\d$/.test(p.rw), "rt/rw");
      check(/^Jl\. .+ No\. \d+[AB]?$/.test(p.address), "address");
      check(p.phone === null || /^08\d{9,11}$/.test(p.phone), "phone");
      check(ageOf(p) >= 15 || p.phone === null, "child with a phone");
      return found;
    });
    expect(problems).toEqual([]);
  });

  it("keeps each RT inside one RW of its village", () => {
    const rwOf = new Map<string, string>();
    for (const h of households) {
      const key = `${h.villageCode}/${h.rt}`;
      expect(rwOf.get(key) ?? h.rw).toBe(h.rw);
      rwOf.set(key, h.rw);
    }
  });

  it("makes poorer households less schooled, more often daily labourers, worse housed and with more children", () => {
    const sorted = [...households].sort((a, b) => a.welfareIndex - b.welfareIndex);
    const poor = sorted.slice(0, 750);
    const rich = sorted.slice(-750);
    const heads = (hs: DemoHousehold[]) => hs.map((h) => h.members[0] as DemoPerson);
    const schooling = (hs: DemoHousehold[]) =>
      mean(heads(hs).map((p) => EDUCATION_LEVELS.indexOf(p.education ?? "none")));
    const labourers = (hs: DemoHousehold[]) =>
      mean(heads(hs).map((p) => (p.employment === "daily_labourer" ? 1 : 0)));
    const poorHouses = (hs: DemoHousehold[]) =>
      mean(hs.map((h) => (h.houseCondition === "non_permanent" ? 1 : 0)));
    const children = (hs: DemoHousehold[]) =>
      mean(hs.map((h) => h.members.filter((m) => m.role === "child").length));
    const income = (hs: DemoHousehold[]) => mean(heads(hs).map((p) => p.monthlyIncome ?? 0));
    expect(schooling(poor)).toBeLessThan(schooling(rich) - 0.5);
    expect(labourers(poor)).toBeGreaterThan(labourers(rich) * 2);
    expect(poorHouses(poor)).toBeGreaterThan(poorHouses(rich) * 3);
    expect(children(poor)).toBeGreaterThan(children(rich) + 0.3);
    expect(income(poor)).toBeLessThan(income(rich));
  });

  it("gives about fifteen percent of households a business with an SKU number and a known sector", () => {
    const withBusiness = households.filter((h) => h.business !== null);
    expect(withBusiness.length / households.length).toBeGreaterThan(0.1);
    expect(withBusiness.length / households.length).toBeLessThan(0.2);
    for (const h of withBusiness) {
      const business = h.business;
      expect(BUSINESS_SECTORS).toContain(business?.sector);
      expect(business?.skuNumber).toMatch(/^\d{3}\/\d{3}\/SKU\/[IVX]+\/\d{4}$/);
      if (business?.nib) expect(business.nib).toMatch(/^\d{13}$/);
      expect(h.members.map((m) => m.id)).toContain(business?.ownerId);
    }
  });

  it("spreads households over every kecamatan, more per village in kelurahan than in desa", () => {
    const big = generate(20_000, 3);
    const perVillage = new Map<string, number>();
    for (const h of big) perVillage.set(h.villageCode, (perVillage.get(h.villageCode) ?? 0) + 1);
    expect(new Set(big.map((h) => h.districtCode)).size).toBe(10);
    const kelurahan = mean([...perVillage].filter(([code]) => /\.1\d{3}$/.test(code)).map(([, n]) => n));
    const desa = mean([...perVillage].filter(([code]) => /\.2\d{3}$/.test(code)).map(([, n]) => n));
    expect(kelurahan).toBeGreaterThan(desa * 2);
  });

  it("averages three to four people per KK, with few living alone", () => {
    const size = mean(households.map((h) => h.members.length));
    expect(size).toBeGreaterThan(3);
    expect(size).toBeLessThan(4.2);
    expect(households.filter((h) => h.members.length === 1).length / households.length).toBeLessThan(0.15);
  });

  it("streams without limit when asked for Infinity", () => {
    const stream = generatePopulation({
      seed: 1,
      villages: PASER_VILLAGES.slice(0, 3),
      households: Infinity,
      today,
    });
    let n = 0;
    for (const _ of stream) if (++n === 10) break;
    expect(n).toBe(10);
  });

  it("rejects an empty village list and a date that does not exist", () => {
    expect(() => generate(1, 1, [])).toThrow(RangeError);
    expect(() => [
      ...generatePopulation({ seed: 1, villages: PASER_VILLAGES, households: 1, today: "2026-02-30" }),
    ]).toThrow(RangeError);
  });
});
