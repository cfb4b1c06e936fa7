import { describe, expect, it } from "vitest";
import { ROLES } from "../../../src/access/roles.ts";
import { abilitiesOf, areaFilters, type SessionUser } from "./roles.ts";

const user = (role: SessionUser["role"], area: SessionUser["area"]): SessionUser => ({
  id: "00000000-0000-4000-8000-000000000001",
  username: "u",
  name: "U",
  role,
  area,
  agencyId: null,
  agencyName: null,
});

describe("areaFilters", () => {
  it.each([
    [{ level: "regency", code: "64.01", name: "Kabupaten Paser" }, {}],
    [{ level: "district", code: "64.01.05", name: "Kuaro" }, { districtCode: "64.01.05" }],
    [
      { level: "village", code: "64.01.05.2002", name: "Lolo" },
      { districtCode: "64.01.05", villageCode: "64.01.05.2002" },
    ],
    [
      { level: "rt", code: "64.01.05.2002", name: "RT 003, Lolo", rt: "003" },
      { districtCode: "64.01.05", villageCode: "64.01.05.2002", rt: "003" },
    ],
  ] as const)("fixes the registry filters of an official working in %o", (area, filters) => {
    expect(areaFilters(area)).toEqual(filters);
  });

  it("fixes nothing when no one is signed in", () => {
    expect(areaFilters(null)).toEqual({});
  });
});

describe("abilitiesOf", () => {
  it("follows the server's permission table: admins manage accounts, not registry data", () => {
    const admin = abilitiesOf(user("admin", { level: "regency", code: "64.01", name: "Paser" }));
    expect(admin.manageUsers).toBe(true);
    expect(admin.editRegistry).toBe(false);
  });

  it("hides the registry from the bank, which sees payment files only", () => {
    expect(
      abilitiesOf(user("bank_operator", { level: "regency", code: "64.01", name: "Paser" })).readRegistry,
    ).toBe(false);
  });

  it("lets only document-checking roles reveal full NIKs", () => {
    const revealers = ROLES.filter(
      (role) => abilitiesOf(user(role, { level: "regency", code: "64.01", name: "P" })).revealIdentity,
    );
    expect(revealers.sort()).toEqual([
      "coordinator",
      "kecamatan_officer",
      "program_manager",
      "village_operator",
    ]);
  });

  it("lets only the agency's program manager, who exports its bank files, manage their layouts", () => {
    const managers = ROLES.filter(
      (role) => abilitiesOf(user(role, { level: "regency", code: "64.01", name: "P" })).manageLayouts,
    );
    expect(managers).toEqual(["program_manager"]);
    // The auditor reads the layouts with the batches; a desa operator reaches neither.
    const auditor = abilitiesOf(user("auditor", { level: "regency", code: "64.01", name: "P" }));
    expect([auditor.readPayments, auditor.manageLayouts]).toEqual([true, false]);
    const desa = abilitiesOf(
      user("village_operator", { level: "village", code: "64.01.05.2002", name: "Lolo" }),
    );
    expect([desa.readPayments, desa.manageLayouts]).toEqual([false, false]);
  });

  it("hides nothing when the server has no access module", () => {
    expect(Object.values(abilitiesOf(null)).every(Boolean)).toBe(true);
  });
});
