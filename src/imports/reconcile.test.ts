import { describe, expect, it } from "vitest";
import { type ListPerson, reconcile } from "./reconcile.ts";

const person = (overrides: Partial<ListPerson>): ListPerson => ({
  nik: "6401050401780001",
  kk: null,
  name: "Asnawi Gazali",
  birthPlace: "Kandangan",
  birthDate: "1978-01-04",
  sex: "L",
  address: "Jl. Karya Bakti No. 15",
  villageCode: "64.01.05.2011",
  rt: "005",
  rw: "002",
  phone: null,
  ...overrides,
});

describe("reconcile", () => {
  it("pairs the same NIK and birth date in the same desa though the name was cut short, as a conflict", () => {
    const result = reconcile([person({ name: "snawi Gazali", address: null })], [person({})]);
    expect(result.counts).toEqual({ matched: 0, conflict: 1, central_only: 0, regional_only: 0 });
    expect(result.lines[0]?.conflicts).toEqual(["name"]);
  });

  it("leaves apart an unlike name with the same NIK and birth date in another desa", () => {
    const result = reconcile(
      [person({ name: "Yulius Tandi", villageCode: "64.01.08.2022", address: null, rt: "009", rw: null })],
      [person({ birthPlace: null })],
    );
    expect(result.counts).toEqual({ matched: 0, conflict: 0, central_only: 1, regional_only: 1 });
  });

  it("pairs a clean copy as matched", () => {
    const result = reconcile([person({})], [person({})]);
    expect(result.counts).toEqual({ matched: 1, conflict: 0, central_only: 0, regional_only: 0 });
  });
});
