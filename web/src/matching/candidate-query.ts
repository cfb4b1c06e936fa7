import type { CandidateQuery } from "./api.ts";

/** What the person form holds, as text; only what is filled in is sent. */
export interface TypedPerson {
  nik: string;
  kk: string;
  name: string;
  sex: string;
  birthDate: string;
  birthPlace: string;
  address: string;
  villageCode: string;
  rt: string;
  rw: string;
  phone: string;
}

const TYPED_FIELDS = [
  "nik",
  "kk",
  "name",
  "sex",
  "birthDate",
  "birthPlace",
  "address",
  "villageCode",
  "rt",
  "rw",
  "phone",
] as const satisfies readonly (keyof TypedPerson)[];

// A name alone matches half a desa; with a NIK or a birth date the engine has something to weigh it against.
export function candidateQuery(person: TypedPerson, excludePersonId?: string): CandidateQuery | null {
  const query: CandidateQuery = {};
  for (const field of TYPED_FIELDS) {
    const value = person[field].trim();
    if (value) query[field] = value;
  }
  if ((query.name?.length ?? 0) < 3) return null;
  if ((query.nik?.length ?? 0) < 6 && !/^\d{4}-\d{2}-\d{2}$/.test(query.birthDate ?? "")) return null;
  if (excludePersonId) query.excludePersonId = excludePersonId;
  return query;
}
