import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PASER_VILLAGES } from "./paser-villages.ts";
import { type DemoRegistry, generateDemoRegistry } from "./registry-demo.ts";
import { readNik } from "./test-helpers.ts";

const today = "2026-03-15";
const registry = generateDemoRegistry({ seed: 2026, villages: PASER_VILLAGES, persons: 20_000, today });
const hash = (value: DemoRegistry) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const personById = new Map(registry.persons.map((p) => [p.id, p]));
const agencyOf = new Map(registry.programs.map((p) => [p.code, p.agencyCode]));

describe("generateDemoRegistry", () => {
  it("produces identical output for the same seed, and different output for another", () => {
    const again = generateDemoRegistry({ seed: 2026, villages: PASER_VILLAGES, persons: 20_000, today });
    const other = generateDemoRegistry({ seed: 2027, villages: PASER_VILLAGES, persons: 20_000, today });
    expect(hash(again)).toBe(hash(registry));
    expect(hash(other)).not.toBe(hash(registry));
  });

  it("registers about the asked number of people in whole households, ids unique", () => {
    expect(registry.persons.length).toBeGreaterThanOrEqual(20_000);
    expect(registry.persons.length).toBeLessThan(20_400);
    expect(new Set(registry.persons.map((p) => p.id)).size).toBe(registry.persons.length);
    const members = registry.households.flatMap((h) => h.memberIds);
    expect(members.every((id) => personById.has(id))).toBe(true);
  });

  it("has a small share of NIKs that fail validation, exactly those recorded as invalid", () => {
    const failing = registry.persons
      .filter((p) => p.nik !== null && readNik(p.nik, today) === null)
      .map((p) => p.id);
    const planted = registry.truth.errors.filter((e) => e.kind === "nik_invalid").map((e) => e.personId);
    expect(new Set(failing)).toEqual(new Set(planted));
    expect(failing.length / registry.persons.length).toBeGreaterThan(0.002);
    expect(failing.length / registry.persons.length).toBeLessThan(0.015);
  });

  it("has NIK typos that still pass validation but no longer match the person's birth date or kecamatan serial", () => {
    const typos = registry.truth.errors.filter((e) => e.kind === "nik_typo");
    expect(typos.length).toBeGreaterThan(20);
    for (const { personId } of typos) {
      const person = personById.get(personId);
      expect(readNik(person?.nik ?? "", today)).not.toBeNull();
    }
  });

  it("leaves some phones and profile values blank", () => {
    expect(registry.truth.errors.filter((e) => e.kind === "missing_phone").length).toBeGreaterThan(100);
    expect(registry.persons.filter((p) => p.education === null).length).toBeGreaterThan(100);
    expect(registry.persons.filter((p) => p.monthlyIncome === null).length).toBeGreaterThan(100);
  });

  it("registers some people twice under a variant of their name with the same or a near birth date", () => {
    const { duplicates } = registry.truth;
    expect(duplicates.length).toBeGreaterThan(50);
    for (const { personId, duplicateOfId } of duplicates) {
      const duplicate = personById.get(personId);
      const original = personById.get(duplicateOfId);
      expect(duplicate?.name).not.toBe(original?.name);
      expect(duplicate?.sex).toBe(original?.sex);
      expect(duplicate?.birthDate.slice(0, 3)).toBe(original?.birthDate.slice(0, 3));
      expect(duplicate?.householdId).toBe(original?.householdId);
    }
  });

  it("names the period running on today: Tahap 2 in the second half of the year", () => {
    const autumn = generateDemoRegistry({
      seed: 1,
      villages: PASER_VILLAGES.slice(0, 5),
      persons: 300,
      today: "2026-11-25",
    });
    expect(new Set(autumn.periods.map((p) => `${p.name} ${p.startsOn} ${p.endsOn}`))).toEqual(
      new Set(["Tahap 2 2026 2026-07-01 2026-12-31"]),
    );
    expect(autumn.enrollments.every((e) => e.registeredOn < "2026-11-25")).toBe(true);
  });

  it("has four agencies, each with one or two programs, each program with one period of the current year", () => {
    expect(registry.agencies.map((a) => a.name)).toEqual([
      "Dinas Sosial",
      "Dinas Koperasi dan UKM",
      "Dinas Ketahanan Pangan",
      "Dinas Pertanian",
    ]);
    for (const agency of registry.agencies) {
      const programs = registry.programs.filter((p) => p.agencyCode === agency.code);
      expect(programs.length).toBeGreaterThanOrEqual(1);
      expect(programs.length).toBeLessThanOrEqual(2);
    }
    for (const program of registry.programs) {
      const periods = registry.periods.filter((p) => p.programCode === program.code);
      expect(periods.map((p) => p.name)).toEqual(["Tahap 1 2026"]);
      expect(Number.isInteger(program.amountPerRecipient)).toBe(true);
      expect(program.budget).toBe(program.quota * program.amountPerRecipient);
    }
    expect(registry.programs.find((p) => p.code === "BST-DAERAH")?.amountPerRecipient).toBe(600_000);
  });

  it("enrolls only registered people into existing programs and periods, never twice in one program", () => {
    const periods = new Set(registry.periods.map((p) => p.code));
    const seen = new Set<string>();
    for (const e of registry.enrollments) {
      expect(personById.has(e.personId)).toBe(true);
      expect(agencyOf.has(e.programCode)).toBe(true);
      expect(periods.has(e.periodCode)).toBe(true);
      const key = `${e.personId}/${e.programCode}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(e.registeredOn <= today).toBe(true);
    }
  });

  it("selects no more people than a program's quota", () => {
    for (const program of registry.programs) {
      const selected = registry.enrollments.filter(
        (e) => e.programCode === program.code && e.status === "selected",
      );
      expect(selected.length).toBeLessThanOrEqual(program.quota);
    }
    expect(new Set(registry.enrollments.map((e) => e.status))).toEqual(
      new Set(["draft", "submitted", "verified", "validated", "selected"]),
    );
  });

  it("enrolls the same person with Dinas Sosial and Dinas Koperasi UKM, the overlap seed 000 describes", () => {
    const agencies = new Map<string, Set<string>>();
    for (const e of registry.enrollments) {
      agencies.set(
        e.personId,
        (agencies.get(e.personId) ?? new Set()).add(agencyOf.get(e.programCode) ?? ""),
      );
    }
    const both = [...agencies.values()].filter((s) => s.has("DINSOS") && s.has("DISKOPUKM"));
    expect(both.length).toBeGreaterThan(50);
    const inSeveral = [...agencies.values()].filter((s) => s.size >= 2);
    expect(inSeveral.length / agencies.size).toBeGreaterThan(0.2);
  });

  it("hides some overlaps behind duplicate registrations: the original and the duplicate both enrolled", () => {
    const enrolled = new Set(registry.enrollments.map((e) => e.personId));
    const hidden = registry.truth.duplicates.filter(
      (d) => enrolled.has(d.personId) && enrolled.has(d.duplicateOfId),
    );
    expect(hidden.length).toBeGreaterThan(5);
  });

  it("enrolls business owners with their business in the UMKM programs", () => {
    const ownerOf = new Map(registry.businesses.map((b) => [b.id, b.ownerId]));
    const umkm = registry.enrollments.filter((e) => agencyOf.get(e.programCode) === "DISKOPUKM");
    expect(umkm.length).toBeGreaterThan(100);
    const originals = umkm.filter((e) => !registry.truth.duplicates.some((d) => d.personId === e.personId));
    for (const e of originals) expect(ownerOf.get(e.businessId ?? "")).toBe(e.personId);
  });
});
