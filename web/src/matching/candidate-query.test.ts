import { describe, expect, it } from "vitest";
import { candidateQuery, type TypedPerson } from "./candidate-query.ts";

const BLANK: TypedPerson = {
  nik: "",
  kk: "",
  name: "",
  sex: "",
  birthDate: "",
  birthPlace: "",
  address: "",
  villageCode: "",
  rt: "",
  rw: "",
  phone: "",
};

describe("the candidate check while a person is typed", () => {
  it.each([
    ["nothing typed", {}],
    ["a name alone", { name: "Siti Aminah" }],
    ["a name of two letters with a birth date", { name: "Si", birthDate: "1990-02-05" }],
    ["a name with a half-typed birth date", { name: "Siti Aminah", birthDate: "1990-02" }],
    ["a name with the first digits of a NIK", { name: "Siti Aminah", nik: "6401" }],
  ])("waits when only %s is there", (_label, typed) => {
    expect(candidateQuery({ ...BLANK, ...typed })).toBeNull();
  });

  it.each([
    ["a birth date", { birthDate: "1990-02-05" }],
    ["a NIK", { nik: "6401054502909876" }],
  ])("asks once the name comes with %s", (_label, typed) => {
    expect(candidateQuery({ ...BLANK, name: "Siti Aminah", ...typed })).not.toBeNull();
  });

  it("sends only the fields filled in, trimmed, and leaves the edited person out of the answer", () => {
    const query = candidateQuery(
      { ...BLANK, name: "  Siti Aminah ", birthDate: "1990-02-05", rt: " 003", villageCode: "64.01.05.2002" },
      "5b2f3c1e-1d2a-4c3b-9e8f-0a1b2c3d4e5f",
    );
    expect(query).toEqual({
      name: "Siti Aminah",
      birthDate: "1990-02-05",
      rt: "003",
      villageCode: "64.01.05.2002",
      excludePersonId: "5b2f3c1e-1d2a-4c3b-9e8f-0a1b2c3d4e5f",
    });
  });

  it("ignores the form's other fields, numbers included", () => {
    const form = { ...BLANK, name: "Siti Aminah", nik: "6401054502909876", monthlyIncome: 750_000 };
    expect(candidateQuery(form)).toEqual({ name: "Siti Aminah", nik: "6401054502909876" });
  });
});
