import { type Actor, actorCan } from "../access/actor.ts";
import { DomainError, type FieldIssue, ValidationFailed } from "../i18n/domain-error.ts";
import {
  type IdNumberIssueCode,
  type Issue,
  type RegionLookup,
  validateKk,
  validateNik,
} from "../nik/index.ts";
import { maskIdNumber, maskPhone, openBound, type Vault } from "../privacy/vault.ts";
import type { persons } from "./schema.ts";
import type { PersonData, PersonView } from "./schemas.ts";

export type PersonRow = typeof persons.$inferSelect;
type PersonValues = Omit<typeof persons.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">;

export interface RegistryEnvironment {
  vault: Vault;
  regions: RegionLookup & { get(code: string): { code: string; name: string } | undefined };
  regencyCode: string;
  /** YYYY-MM-DD in the regency's time zone; NIK birth dates are judged against it. */
  today(): string;
}

export interface PreparedPerson {
  values: PersonValues;
  warnings: Issue<IdNumberIssueCode>[];
}

/** Collapses case and spacing so "SITI  aminah" and "Siti Aminah" are the same search key. */
export function nameSearchKey(name: string): string {
  return name.toLocaleLowerCase("id").replace(/\s+/g, " ").trim();
}

export function districtOf(villageCode: string): string {
  return villageCode.slice(0, 8);
}

/**
 * What to do with a NIK that fails its check: an officer typing it is told to fix it ("refuse"); a list taken
 * over from the field (demo, imports) keeps the record with the NIK flagged "invalid" for verification, so
 * nothing is lost on bad input.
 */
export type InvalidNikPolicy = "refuse" | "flag";

/**
 * Turns validated input into column values: NIK/KK checked and explained, personal numbers sealed and
 * blind-indexed, region codes checked against the deployment's regency. NIK warnings (sex or birth date
 * disagreeing with the record) are returned for the officer to see.
 */
export function preparePerson(
  data: PersonData,
  env: RegistryEnvironment,
  invalidNik: InvalidNikPolicy = "refuse",
): PreparedPerson {
  const issues: FieldIssue[] = [];
  const warnings: Issue<IdNumberIssueCode>[] = [];
  checkVillage(data.villageCode, env, issues);

  let nik: string | null = null;
  let nikStatus: PersonValues["nikStatus"] = "missing";
  if (data.nik) {
    const result = validateNik(data.nik, {
      regions: env.regions,
      today: env.today(),
      record: { sex: data.sex, birthDate: data.birthDate ?? undefined, kk: data.kk ?? undefined },
    });
    warnings.push(...result.warnings);
    nik = result.nik ?? data.nik.replace(/\D/g, "");
    nikStatus = result.warnings.length > 0 ? "warning" : "valid";
    if (result.errors.length > 0) {
      if (invalidNik === "refuse") {
        for (const e of result.errors) issues.push({ field: "nik", code: e.code, params: e.params });
      } else {
        warnings.push(...result.errors);
        nikStatus = "invalid";
      }
    }
    if (nik === "") nikStatus = "missing";
  }
  let kk: string | null = null;
  if (data.kk) {
    const result = validateKk(data.kk, { regions: env.regions, today: env.today() });
    kk = result.kk ?? (data.kk.replace(/\D/g, "") || null);
    if (invalidNik === "refuse") {
      for (const e of result.errors) issues.push({ field: "kk", code: e.code, params: e.params });
    } else {
      warnings.push(...result.errors);
    }
  }
  if (issues.length > 0) throw new ValidationFailed(issues);

  const phone = data.phone ? normalizePhone(data.phone) : null;
  const { vault } = env;
  const nikIndex = nik ? vault.blindIndex("nik", nik) : null;
  const kkIndex = kk ? vault.blindIndex("kk", kk) : null;
  const phoneIndex = phone ? vault.blindIndex("phone", phone) : null;
  return {
    warnings,
    values: {
      // Each ciphertext is bound to the blind index beside it: copied into another row, it does not open.
      nikCipher: nik && nikIndex ? vault.seal("nik", nik, nikIndex) : null,
      nikIndex,
      nikStatus,
      kkCipher: kk && kkIndex ? vault.seal("kk", kk, kkIndex) : null,
      kkIndex,
      phoneCipher: phone && phoneIndex ? vault.seal("phone", phone, phoneIndex) : null,
      phoneIndex,
      name: data.name.replace(/\s+/g, " "),
      nameSearch: nameSearchKey(data.name),
      sex: data.sex,
      birthPlace: data.birthPlace ?? null,
      birthDate: data.birthDate ?? null,
      address: data.address ?? null,
      villageCode: data.villageCode,
      districtCode: districtOf(data.villageCode),
      rt: data.rt ?? null,
      rw: data.rw ?? null,
      householdId: data.householdId ?? null,
      householdRole: data.householdRole ?? null,
      occupation: data.occupation ?? null,
      education: data.education ?? null,
      employment: data.employment ?? null,
      monthlyIncome: data.monthlyIncome ?? null,
      maritalStatus: data.maritalStatus ?? null,
      houseCondition: data.houseCondition ?? null,
      health: data.health ?? null,
      dependants: data.dependants ?? null,
      children: data.children ?? null,
    },
  };
}

export function checkVillage(villageCode: string, env: RegistryEnvironment, issues: FieldIssue[]): void {
  if (!env.regions.get(villageCode)) {
    issues.push({ field: "villageCode", code: "VILLAGE_UNKNOWN", params: { code: villageCode } });
  } else if (!villageCode.startsWith(`${env.regencyCode}.`)) {
    issues.push({
      field: "villageCode",
      code: "VILLAGE_OUTSIDE_REGENCY",
      params: { code: villageCode, regency: env.regencyCode },
    });
  }
}

/** 0812-3456-7890, +62 812 3456 7890 and 62812… are one number: stored as 0812… so the blind index matches. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/\D/g, "");
  return digits.startsWith("62") ? `0${digits.slice(2)}` : digits;
}

/**
 * Who may see what of a person. "full": the numbers themselves (audited reads only). "masked": NIK and KK
 * with their middle six digits hidden, the full birth date — for officials entitled to the full NIK anyway
 * (person.identity). "restricted": everyone else — NIK and KK reduced to their region digits, the birth date
 * to its year, so that no combination of replies (a masked NIK's serial plus a birth date and sex) rebuilds
 * a NIK or KK. ARCHITECTURE.md, "What a caller without the identity right sees".
 */
export type Disclosure = "restricted" | "masked" | "full";

/** The disclosure a caller gets in lists, records and exports; the full numbers need the audited reveal. */
export function disclosureFor(actor: Actor): Disclosure {
  return actorCan(actor, "person.identity") ? "masked" : "restricted";
}

/** A NIK or KK as a caller may see it: region digits only when restricted. */
export function discloseIdNumber(plain: string, disclosure: Disclosure): string {
  if (disclosure === "full") return plain;
  if (disclosure === "masked") return maskIdNumber(plain);
  return plain.length === 16 ? `${plain.slice(0, 6)}${"*".repeat(10)}` : "*".repeat(plain.length);
}

/** The birth date as a caller may see it: null when restricted (the year travels separately). */
export function discloseBirthDate(date: string | null, disclosure: Disclosure): string | null {
  return disclosure === "restricted" ? null : date;
}

export function birthYearOf(date: string | null): number | null {
  const year = date ? Number(date.slice(0, 4)) : Number.NaN;
  return Number.isInteger(year) && year > 0 ? year : null;
}

export function toPersonView(row: PersonRow, env: RegistryEnvironment, disclosure: Disclosure): PersonView {
  const { vault } = env;
  const reveal = (field: "nik" | "kk" | "phone", sealed: Uint8Array | null, index: Uint8Array | null) => {
    const plain = openBound(vault, field, sealed, index);
    if (plain === null) return null;
    if (disclosure === "full") return plain;
    return field === "phone" ? maskPhone(plain) : discloseIdNumber(plain, disclosure);
  };
  return {
    id: row.id,
    nik: reveal("nik", row.nikCipher, row.nikIndex),
    nikStatus: row.nikStatus,
    kk: reveal("kk", row.kkCipher, row.kkIndex),
    phone: reveal("phone", row.phoneCipher, row.phoneIndex),
    name: row.name,
    sex: row.sex,
    birthPlace: row.birthPlace,
    birthDate: discloseBirthDate(row.birthDate, disclosure),
    birthYear: birthYearOf(row.birthDate),
    address: row.address,
    village: regionRef(row.villageCode, env),
    district: regionRef(row.districtCode, env),
    rt: row.rt,
    rw: row.rw,
    householdId: row.householdId,
    householdRole: row.householdRole,
    occupation: row.occupation,
    education: row.education,
    employment: row.employment,
    monthlyIncome: row.monthlyIncome,
    maritalStatus: row.maritalStatus,
    houseCondition: row.houseCondition,
    health: row.health,
    dependants: row.dependants,
    children: row.children,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function regionRef(code: string, env: RegistryEnvironment) {
  return { code, name: env.regions.get(code)?.name ?? code };
}

export const personNotFound = (id: string) => new DomainError("PERSON_NOT_FOUND", { id }, 404);
