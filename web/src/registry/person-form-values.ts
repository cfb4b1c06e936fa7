/** The person form's values as its inputs hold them, and their conversion to the API's create and patch bodies. */
import type { Translate } from "../i18n/language.tsx";
import type { PersonDetail } from "./api.ts";

/** Everything as the inputs hold it: text, "" for empty. Converted to the API's shape only on submit. */
export interface FormValues {
  nik: string;
  kk: string;
  phone: string;
  name: string;
  sex: "" | "L" | "P";
  birthPlace: string;
  birthDate: string;
  address: string;
  districtCode: string;
  villageCode: string;
  rt: string;
  rw: string;
  householdId: string;
  householdRole: string;
  occupation: string;
  education: string;
  employment: string;
  monthlyIncome: number | "";
  maritalStatus: string;
  houseCondition: string;
  health: string;
  dependants: number | "";
  children: number | "";
  reason: string;
}

export const EMPTY: FormValues = {
  nik: "",
  kk: "",
  phone: "",
  name: "",
  sex: "",
  birthPlace: "",
  birthDate: "",
  address: "",
  districtCode: "",
  villageCode: "",
  rt: "",
  rw: "",
  householdId: "",
  householdRole: "",
  occupation: "",
  education: "",
  employment: "",
  monthlyIncome: "",
  maritalStatus: "",
  houseCondition: "",
  health: "",
  dependants: "",
  children: "",
  reason: "",
};

/** NIK, KK and phone arrive masked: the edit form starts them empty and sends them only when retyped. */
export function valuesOf(person: PersonDetail): FormValues {
  return {
    ...EMPTY,
    name: person.name,
    sex: person.sex,
    birthPlace: person.birthPlace ?? "",
    birthDate: person.birthDate ?? "",
    address: person.address ?? "",
    districtCode: person.district.code,
    villageCode: person.village.code,
    rt: person.rt ?? "",
    rw: person.rw ?? "",
    householdId: person.householdId ?? "",
    householdRole: person.householdRole ?? "",
    occupation: person.occupation ?? "",
    education: person.education ?? "",
    employment: person.employment ?? "",
    monthlyIncome: person.monthlyIncome ?? "",
    maritalStatus: person.maritalStatus ?? "",
    houseCondition: person.houseCondition ?? "",
    health: person.health ?? "",
    dependants: person.dependants ?? "",
    children: person.children ?? "",
  };
}

const API_FIELDS = [
  "nik",
  "kk",
  "phone",
  "name",
  "sex",
  "birthPlace",
  "birthDate",
  "address",
  "villageCode",
  "rt",
  "rw",
  "householdId",
  "householdRole",
  "occupation",
  "education",
  "employment",
  "monthlyIncome",
  "maritalStatus",
  "houseCondition",
  "health",
  "dependants",
  "children",
] as const;
type ApiField = (typeof API_FIELDS)[number];
const SECRET_FIELDS: readonly ApiField[] = ["nik", "kk", "phone"];

function apiValue(values: FormValues, field: ApiField): string | number | null {
  const value = values[field];
  if (value === "") return null;
  return typeof value === "string" ? value.trim() || null : value;
}

export function createBody(values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of API_FIELDS) {
    const value = apiValue(values, field);
    if (value !== null) body[field] = value;
  }
  return body;
}

/** Only what changed goes into an edit, so the history names exactly the fields someone touched. */
export function patchBody(values: FormValues, initial: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of API_FIELDS) {
    const value = apiValue(values, field);
    if (SECRET_FIELDS.includes(field)) {
      if (value !== null) body[field] = value;
    } else if (value !== apiValue(initial, field)) {
      body[field] = value;
    }
  }
  return body;
}

export function enumOptions(t: Translate, prefix: string, values: readonly string[]) {
  return [
    { value: "", label: t("NOT_RECORDED") },
    ...values.map((v) => ({ value: v, label: t.code(`${prefix}_${v}`, {}, v) })),
  ];
}
