import { describe, expect, it } from "vitest";
import { BPS_POVERTY_TEMPLATE, SEED_003_MODEL } from "../../../src/ranking/defaults.ts";
import { fieldCriteria } from "../../../src/ranking/field-criteria.ts";
import { translate } from "../i18n/catalog.ts";
import type { Translate } from "../i18n/language.tsx";
import type { PersonView } from "../registry/api.ts";
import {
  emptyProfile,
  type FieldCriteria,
  invalidCriteria,
  missingCriteria,
  notAskedCriteria,
  parseCriterionNumber,
  profileFields,
} from "./criteria.ts";
import { buildSubmission, emptyForm, type FieldForm, type SubmissionContext } from "./submission.ts";

function translator(language: "id" | "en"): Translate {
  const t = ((code: string, params?: Record<string, string | number>) =>
    translate(code, params, language)) as Translate;
  t.code = (code, params, fallback) => {
    const text = translate(code, params, language);
    return text === code && fallback !== undefined ? fallback : text;
  };
  t.language = language;
  return t;
}

const seed003: FieldCriteria = {
  programId: "00000000-0000-4000-8000-000000000001",
  modelVersion: 0,
  criteria: fieldCriteria(SEED_003_MODEL),
};
const bps: FieldCriteria = { ...seed003, criteria: fieldCriteria(BPS_POVERTY_TEMPLATE) };
const LOLO = "64.01.05.2002";

describe("the ranking answers typed on the field form", () => {
  it.each([
    ["monthlyIncome", "1500000", 1_500_000],
    ["monthlyIncome", "1.500.000", 1_500_000],
    ["monthlyIncome", "Rp 1.500.000", 1_500_000],
    ["monthlyIncome", " rp750000 ", 750_000],
    ["monthlyIncome", "0", 0],
    ["children", "3", 3],
    ["children", "30", 30],
    ["dependants", "0", 0],
    ["children", "", null],
  ])("reads %s typed as %j as %j", (attribute, text, value) => {
    expect(parseCriterionNumber(attribute, text)).toEqual({ value });
  });

  it.each([
    ["monthlyIncome", "1,5 juta", "REG_CRITERIA_RUPIAH_INVALID"],
    ["monthlyIncome", "1.50.000", "REG_CRITERIA_RUPIAH_INVALID"],
    ["monthlyIncome", "sejuta", "REG_CRITERIA_RUPIAH_INVALID"],
    ["monthlyIncome", "-500000", "REG_CRITERIA_RUPIAH_INVALID"],
    ["children", "31", "REG_CRITERIA_COUNT_INVALID"],
    ["children", "2.5", "REG_CRITERIA_COUNT_INVALID"],
    ["dependants", "tiga", "REG_CRITERIA_COUNT_INVALID"],
  ])("refuses %s typed as %j rather than guess", (attribute, text, error) => {
    expect(parseCriterionNumber(attribute, text)).toEqual({ error });
  });

  it("sends only the answers given and valid, numbers as numbers", () => {
    const profile = {
      ...emptyProfile(),
      education: "sd",
      monthlyIncome: "Rp 900.000",
      children: "tiga",
    };
    expect(profileFields(profile)).toEqual({ education: "sd", monthlyIncome: 900_000 });
    expect(invalidCriteria(profile)).toEqual(["children"]);
  });

  it("names the model's unanswered criteria in the officer's language, counting what is typed above", () => {
    const answers = {
      ...profileFields({ ...emptyProfile(), monthlyIncome: "900000" }),
      birthDate: "1990-02-05",
    };
    const missing = missingCriteria(seed003, answers, "id");
    expect(missing).toHaveLength(6);
    expect(missing.join(" ")).not.toMatch(/Penghasilan|Usia/i);
    expect(missingCriteria(seed003, answers, "en").join(" ")).toMatch(/Education/);
    expect(missingCriteria(undefined, answers, "id")).toEqual([]);
  });

  it("lists a model's yes/no indicators as not asked, not as unanswered", () => {
    expect(notAskedCriteria(seed003, "id")).toEqual([]);
    expect(notAskedCriteria(bps, "en")).toHaveLength(13);
    expect(missingCriteria(bps, {}, "id")).toHaveLength(1);
  });
});

describe("a submission built from the field form", () => {
  const t = translator("id");
  const context: SubmissionContext = {
    periodId: "00000000-0000-4000-8000-000000000002",
    needsBusiness: false,
    policyUnknown: false,
    requiredDocuments: ["ktp"],
    nikInvalid: false,
    t,
  };
  const photo = new Blob([new Uint8Array([0xff, 0xd8])], { type: "image/jpeg" });
  const filled = (overrides: Partial<FieldForm> = {}): FieldForm => ({
    ...emptyForm(LOLO, "003"),
    person: {
      ...emptyForm(LOLO).person,
      name: "Nur Aisyah",
      sex: "P",
      birthDate: "1990-02-05",
      employment: "informal_trader",
    },
    profile: { ...emptyProfile(), education: "sd", monthlyIncome: "900.000", children: "3" },
    photos: { ktp: photo },
    inPerson: "yes",
    ...overrides,
  });

  it("carries the ranking answers on the new person", () => {
    const built = buildSubmission(filled(), context);
    if ("missing" in built) throw new Error(built.missing.join(", "));
    expect(built.payload.applicant).toMatchObject({
      kind: "new",
      person: { education: "sd", monthlyIncome: 900_000, children: 3, employment: "informal_trader" },
    });
  });

  it("is not built while an answer is one the register would refuse, and says which", () => {
    const built = buildSubmission(
      filled({ profile: { ...emptyProfile(), monthlyIncome: "1,5 juta" } }),
      context,
    );
    expect(built).toEqual({ missing: ["Penghasilan per bulan"] });
  });

  it("sends for a registered person only the answers that differ from the register, with the reason asked", () => {
    const picked = {
      id: "00000000-0000-4000-8000-000000000003",
      version: 4,
      name: "Marni",
      address: "Jl. Lolo",
      rt: "003",
      phone: null,
      education: "sd",
      maritalStatus: null,
      houseCondition: null,
      health: null,
      monthlyIncome: 900_000,
      dependants: null,
      children: null,
      employment: "farmer_fisher",
      birthDate: null,
      birthYear: 1961,
    } as unknown as PersonView;
    const form = filled({
      mode: "existing",
      picked,
      changes: { phone: "", address: "Jl. Lolo", rt: "003" },
      profile: { ...emptyProfile(), education: "sd", monthlyIncome: "900.000", health: "disability" },
    });
    expect(buildSubmission(form, context)).toEqual({ missing: ["Alasan perubahan"] });
    const built = buildSubmission({ ...form, reason: "Dilengkapi di lapangan" }, context);
    if ("missing" in built) throw new Error(built.missing.join(", "));
    expect(built.payload.applicant).toEqual({
      kind: "existing",
      personId: picked.id,
      version: 4,
      changes: { health: "disability" },
      reason: "Dilengkapi di lapangan",
    });
  });
});
