/**
 * The demo regency: a registry of some twenty thousand people of Paser with the flaws a real one has (NIKs that
 * fail validation, missing phones and values, the same person registered twice under a variant name), four
 * agencies with their programs and periods, and enrollments whose lists overlap across agencies — the
 * situation seed 000 describes and the coordination meeting has to untangle.
 */
import type { HouseholdRole } from "../registry/attributes.ts";
import { ageOn, civilDate, IsoDateCache, isoDayNumber } from "./calendar.ts";
import { addressVariant, damageBirthDate, damageName, nikDigitTypo, nikDropDigit } from "./field-errors.ts";
import {
  type DemoBusiness,
  type DemoHousehold,
  type DemoPerson,
  type DemoVillage,
  generatePopulation,
} from "./population.ts";
import { Random, WeightedTable } from "./random.ts";

export interface DemoRegistryOptions {
  seed: number;
  villages: readonly DemoVillage[];
  /** Roughly how many people to register (whole households are kept, duplicates come on top). */
  persons: number;
  today: string;
}

/** A person as the registry holds them: the NIK may be missing or mistyped. */
export interface RegisteredPerson extends Omit<DemoPerson, "nik"> {
  nik: string | null;
}

export type RegisteredHousehold = Omit<DemoHousehold, "members" | "business"> & {
  memberIds: string[];
  businessId: string | null;
};

export interface DemoAgency {
  code: string;
  name: string;
}

export type ProgramKind = "cash" | "in_kind";
/** Who a program pays: the head of a household, a person, or a business owner. */
export type ProgramBeneficiary = "household" | "person" | "business";

export interface DemoProgram {
  code: string;
  agencyCode: string;
  name: string;
  kind: ProgramKind;
  beneficiary: ProgramBeneficiary;
  /** Whole rupiah per recipient per period (the value of the goods for in-kind aid). */
  amountPerRecipient: number;
  quota: number;
  /** Whole rupiah: quota × amount. */
  budget: number;
}

export interface DemoPeriod {
  code: string;
  programCode: string;
  name: string; // "Tahap 1 2026"
  startsOn: string;
  endsOn: string;
}

export const DEMO_ENROLLMENT_STATUSES = ["draft", "submitted", "verified", "validated", "selected"] as const;
export type DemoEnrollmentStatus = (typeof DEMO_ENROLLMENT_STATUSES)[number];

export interface DemoEnrollment {
  id: string;
  personId: string;
  programCode: string;
  periodCode: string;
  status: DemoEnrollmentStatus;
  businessId: string | null;
  registeredOn: string;
}

export type RegistryErrorKind =
  | "nik_invalid" // fails validation: a digit lost, or a birth part that is no date
  | "nik_typo" // passes validation but is another number
  | "missing_phone"
  | "missing_value"
  | "duplicate_registration";

export interface RegistryError {
  personId: string;
  kind: RegistryErrorKind;
  field?: string;
}

export interface DemoRegistry {
  households: RegisteredHousehold[];
  persons: RegisteredPerson[];
  businesses: DemoBusiness[];
  agencies: DemoAgency[];
  programs: DemoProgram[];
  periods: DemoPeriod[];
  enrollments: DemoEnrollment[];
  /** What the demo planted, for tests and for checking that the overlap finder finds it. */
  truth: {
    duplicates: { personId: string; duplicateOfId: string }[];
    errors: RegistryError[];
  };
}

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { code: "DINSOS", name: "Dinas Sosial" },
  { code: "DISKOPUKM", name: "Dinas Koperasi dan UKM" },
  { code: "DKP", name: "Dinas Ketahanan Pangan" },
  { code: "DISTAN", name: "Dinas Pertanian" },
];

type Stage = "early" | "middle" | "advanced";

interface ProgramPlan {
  code: string;
  agencyCode: string;
  name: string;
  kind: ProgramKind;
  beneficiary: ProgramBeneficiary;
  amountPerRecipient: number;
  /** Quota as a share of the eligible candidates. */
  quotaShare: number;
  stage: Stage;
  /** Whether a household (through its head or owner) may be proposed. */
  eligible: (candidate: Candidate) => boolean;
}

interface Candidate {
  person: RegisteredPerson;
  household: DemoHousehold;
  age: number;
  business: DemoBusiness | null;
}

/**
 * Amounts follow the COVID-era programs: BST paid Rp 600.000, BPUM/BLT UMKM Rp 1.200.000, rice aid 10 kg.
 * Eligibility is deliberately loose and overlapping, as each agency drew its own list.
 */
const PROGRAM_PLANS: readonly ProgramPlan[] = [
  {
    code: "BST-DAERAH",
    agencyCode: "DINSOS",
    name: "Bantuan Sosial Tunai (BST) Daerah",
    kind: "cash",
    beneficiary: "household",
    amountPerRecipient: 600_000,
    quotaShare: 0.75,
    stage: "advanced",
    eligible: (c) =>
      c.person.role === "head" && c.household.welfareIndex < 0.3 && c.person.employment !== "civil_servant",
  },
  {
    code: "SEMBAKO-LANSIA",
    agencyCode: "DINSOS",
    name: "Bantuan Sembako Lansia",
    kind: "in_kind",
    beneficiary: "person",
    amountPerRecipient: 200_000,
    quotaShare: 0.6,
    stage: "middle",
    eligible: (c) => c.age >= 60 && c.household.welfareIndex < 0.5,
  },
  {
    code: "BLT-UMKM",
    agencyCode: "DISKOPUKM",
    name: "BLT Usaha Mikro (BLT UMKM)",
    kind: "cash",
    beneficiary: "business",
    amountPerRecipient: 1_200_000,
    quotaShare: 0.7,
    stage: "advanced",
    eligible: (c) => c.business !== null && c.household.welfareIndex < 0.85,
  },
  {
    code: "ALAT-USAHA",
    agencyCode: "DISKOPUKM",
    name: "Bantuan Peralatan Usaha Mikro",
    kind: "in_kind",
    beneficiary: "business",
    amountPerRecipient: 2_500_000,
    quotaShare: 0.4,
    stage: "early",
    eligible: (c) =>
      c.business !== null &&
      (c.business.sector === "food" || c.business.sector === "craft" || c.business.sector === "service"),
  },
  {
    code: "BANTUAN-BERAS",
    agencyCode: "DKP",
    name: "Bantuan Pangan Beras 10 kg",
    kind: "in_kind",
    beneficiary: "household",
    amountPerRecipient: 150_000,
    quotaShare: 0.7,
    stage: "middle",
    eligible: (c) => c.person.role === "head" && c.household.welfareIndex < 0.4,
  },
  {
    code: "BIBIT-PUPUK",
    agencyCode: "DISTAN",
    name: "Bantuan Bibit dan Pupuk",
    kind: "in_kind",
    beneficiary: "person",
    amountPerRecipient: 750_000,
    quotaShare: 0.65,
    stage: "middle",
    eligible: (c) =>
      (c.person.occupation === "Petani/Pekebun" || c.person.occupation === "Buruh Tani/Perkebunan") &&
      c.household.welfareIndex < 0.7 &&
      c.age >= 18,
  },
];

const STAGE_STATUSES: Record<Stage, WeightedTable<DemoEnrollmentStatus>> = {
  early: new WeightedTable([
    ["draft", 45],
    ["submitted", 40],
    ["verified", 15],
  ]),
  middle: new WeightedTable([
    ["draft", 10],
    ["submitted", 25],
    ["verified", 35],
    ["validated", 25],
    ["selected", 5],
  ]),
  advanced: new WeightedTable([
    ["draft", 3],
    ["submitted", 7],
    ["verified", 15],
    ["validated", 30],
    ["selected", 45],
  ]),
};

/** Shares of registry flaws, per person (duplicates per adult). */
const RATES = {
  nikInvalid: 0.006,
  nikTypo: 0.005,
  missingPhone: 0.06,
  missingValue: 0.015,
  duplicate: 0.008,
} as const;

export function generateDemoRegistry(options: DemoRegistryOptions): DemoRegistry {
  const rng = Random.derive(options.seed, "registry");
  const todayDay = isoDayNumber(options.today);
  const todayYear = civilDate(todayDay).year;
  const dates = new IsoDateCache();

  const households: DemoHousehold[] = [];
  let count = 0;
  for (const household of generatePopulation({
    seed: options.seed,
    villages: options.villages,
    households: Number.POSITIVE_INFINITY,
    today: options.today,
  })) {
    if (count >= options.persons) break;
    households.push(household);
    count += household.members.length;
  }

  const errors: RegistryError[] = [];
  const duplicates: { personId: string; duplicateOfId: string }[] = [];
  const persons: RegisteredPerson[] = [];
  const candidates: Candidate[] = [];
  let nextPersonSeq = count;

  for (const household of households) {
    for (const member of household.members) {
      const person: RegisteredPerson = { ...member };
      const age = ageOn(isoDayNumber(member.birthDate), todayDay);
      plantRegistryErrors(person, rng, errors);
      persons.push(person);
      const business = household.business?.ownerId === person.id ? household.business : null;
      candidates.push({ person, household, age, business });

      if (age >= 17 && rng.chance(RATES.duplicate)) {
        // The second desk copied the NIK from the KTP, not from the first desk's record.
        const fromCard = { ...person, nik: member.nik };
        const duplicate = duplicateRegistration(
          fromCard,
          `P${String(++nextPersonSeq).padStart(7, "0")}`,
          rng,
        );
        persons.push(duplicate);
        duplicates.push({ personId: duplicate.id, duplicateOfId: person.id });
        errors.push({ personId: duplicate.id, kind: "duplicate_registration" });
      }
    }
  }

  const year = todayYear;
  const periods: DemoPeriod[] = [];
  const programs: DemoProgram[] = [];
  const enrollments: DemoEnrollment[] = [];
  const enrolledIn = new Map<string, string[]>(); // person id → program codes
  // The period running on `today`: Tahap 1 is January–June, Tahap 2 July–December.
  const stage = civilDate(todayDay).month <= 6 ? 1 : 2;
  const startsOn = stage === 1 ? `${year}-01-01` : `${year}-07-01`;
  const endsOn = stage === 1 ? `${year}-06-30` : `${year}-12-31`;
  const registrationFrom = isoDayNumber(startsOn) - 45;
  const registrationTo = Math.max(registrationFrom + 1, todayDay - 1);
  let enrollmentSeq = 0;

  const enroll = (
    plan: ProgramPlan,
    period: DemoPeriod,
    person: RegisteredPerson,
    business: DemoBusiness | null,
    status: DemoEnrollmentStatus,
  ) => {
    enrollments.push({
      id: `E${String(++enrollmentSeq).padStart(6, "0")}`,
      personId: person.id,
      programCode: plan.code,
      periodCode: period.code,
      status,
      businessId: plan.beneficiary === "business" ? (business?.id ?? null) : null,
      registeredOn: dates.format(rng.between(registrationFrom, registrationTo)),
    });
    const list = enrolledIn.get(person.id) ?? [];
    list.push(plan.code);
    enrolledIn.set(person.id, list);
  };

  for (const plan of PROGRAM_PLANS) {
    const planRng = Random.derive(options.seed, "program", plan.code);
    // Each agency's list is imperfect: a few households that do not fit its own criteria slip in.
    const slipsIn = (c: Candidate) =>
      plan.beneficiary !== "business" && c.person.role === "head" && planRng.chance(0.004);
    const pool = candidates.filter((c) => plan.eligible(c) || slipsIn(c));
    const ranked = pool
      .map((c) => ({ c, key: c.household.welfareIndex + planRng.normal(0, 0.08) }))
      .sort((a, b) => a.key - b.key)
      .map(({ c }) => c);
    const target = Math.max(10, Math.round((pool.length * plan.quotaShare) / 10) * 10);
    const proposed = ranked.slice(0, Math.min(ranked.length, Math.ceil(target * 1.3)));
    const statuses = proposed.map(() => STAGE_STATUSES[plan.stage].draw(planRng));
    // The quota is set below the validated applicants, as budgets are in practice: the ranking decides who is
    // chosen, and a change of weights changes the list (a quota above them would make every model equal).
    const rankable = statuses.filter((s) => s === "validated" || s === "selected").length;
    const quota = rankable >= 20 ? Math.min(target, Math.floor((rankable * 0.8) / 10) * 10) : target;
    const period: DemoPeriod = {
      code: `${plan.code}-${year}-${stage}`,
      programCode: plan.code,
      name: `Tahap ${stage} ${year}`,
      startsOn,
      endsOn,
    };
    periods.push(period);
    programs.push({
      code: plan.code,
      agencyCode: plan.agencyCode,
      name: plan.name,
      kind: plan.kind,
      beneficiary: plan.beneficiary,
      amountPerRecipient: plan.amountPerRecipient,
      quota,
      budget: quota * plan.amountPerRecipient,
    });

    // Selection goes to the poorest of those validated, and never past the quota.
    const selectable = proposed
      .map((_, i) => i)
      .filter((i) => statuses[i] === "validated" || statuses[i] === "selected");
    const selectedCount = Math.min(quota, statuses.filter((s) => s === "selected").length);
    selectable.forEach((i, rank) => {
      statuses[i] = rank < selectedCount ? "selected" : "validated";
    });
    proposed.forEach((c, i) => {
      enroll(plan, period, c.person, c.business, statuses[i] as DemoEnrollmentStatus);
    });
  }

  // A duplicate registration is what lets one person into a second list unnoticed: enroll some of them.
  const byId = new Map(persons.map((p) => [p.id, p]));
  const periodOf = new Map(periods.map((p) => [p.programCode, p]));
  const businessOf = new Map(
    candidates.flatMap((c) => (c.business ? [[c.person.id, c.business] as const] : [])),
  );
  for (const { personId, duplicateOfId } of duplicates) {
    const originalPrograms = enrolledIn.get(duplicateOfId);
    if (!originalPrograms || !rng.chance(0.7)) continue;
    const elsewhere = PROGRAM_PLANS.filter(
      (p) => !originalPrograms.includes(p.code) && p.beneficiary !== "business",
    );
    const plan =
      rng.chance(0.4) || elsewhere.length === 0
        ? PROGRAM_PLANS.find((p) => p.code === rng.pick(originalPrograms))
        : rng.pick(elsewhere);
    const duplicate = byId.get(personId);
    const period = plan ? periodOf.get(plan.code) : undefined;
    if (!plan || !duplicate || !period) continue;
    const owned = businessOf.get(duplicateOfId) ?? null;
    enroll(plan, period, duplicate, owned, rng.pick(["submitted", "verified", "validated"] as const));
  }

  return {
    households: households.map(({ members, business, ...rest }) => ({
      ...rest,
      memberIds: members.map((m) => m.id),
      businessId: business?.id ?? null,
    })),
    persons,
    businesses: households.flatMap((h) => (h.business ? [h.business] : [])),
    agencies: DEMO_AGENCIES.map((agency) => ({ ...agency })),
    programs,
    periods,
    enrollments,
    truth: { duplicates, errors },
  };
}

const PROFILE_FIELDS = ["education", "monthlyIncome", "health", "houseCondition", "maritalStatus"] as const;

/** Flaws a registry accumulates: NIKs that fail or silently differ, phones not taken, blanks in the profile. */
function plantRegistryErrors(person: RegisteredPerson, rng: Random, errors: RegistryError[]): void {
  const nik = person.nik as string;
  const roll = rng.float();
  if (roll < RATES.nikInvalid) {
    person.nik = invalidNik(nik, person.sex, rng);
    errors.push({ personId: person.id, kind: "nik_invalid" });
  } else if (roll < RATES.nikInvalid + RATES.nikTypo) {
    // A slip in the serial keeps the NIK well-formed: only a check against the KTP or Dukcapil catches it.
    person.nik = serialSlip(nik, rng);
    errors.push({ personId: person.id, kind: "nik_typo" });
  }
  if (person.phone !== null && rng.chance(RATES.missingPhone)) {
    person.phone = null;
    errors.push({ personId: person.id, kind: "missing_phone" });
  }
  for (const field of PROFILE_FIELDS) {
    if (rng.chance(RATES.missingValue)) {
      person[field] = null;
      errors.push({ personId: person.id, kind: "missing_value", field });
    }
  }
}

/** A NIK no validator accepts: a digit lost, a month that does not exist, or a birth day out of both ranges. */
export function invalidNik(nik: string, sex: "L" | "P", rng: Random): string {
  const roll = rng.float();
  if (roll < 0.5) return nikDropDigit(nik, rng);
  if (roll < 0.8) return `${nik.slice(0, 8)}${rng.pick(["00", "13", "19", "21"])}${nik.slice(10)}`;
  const day = sex === "P" ? rng.pick(["35", "72", "80"]) : rng.pick(["00", "32", "39"]);
  return `${nik.slice(0, 6)}${day}${nik.slice(8)}`;
}

const DUPLICATE_NAME_DAMAGES = [
  "variant",
  "variant",
  "typo",
  "old_spelling",
  "drop_middle",
  "title",
  "abbreviate",
] as const;

/** A typo or a transposition inside the 4-digit serial, never producing the impossible serial 0000. */
function serialSlip(nik: string, rng: Random): string {
  const serial = nik.slice(12);
  const swappable = [0, 1, 2].filter((i) => serial.charAt(i) !== serial.charAt(i + 1));
  let slipped: string;
  if (swappable.length > 0 && rng.chance(0.4)) {
    const i = rng.pick(swappable);
    slipped = serial.slice(0, i) + serial.charAt(i + 1) + serial.charAt(i) + serial.slice(i + 2);
  } else slipped = nikDigitTypo(serial, rng);
  return nik.slice(0, 12) + (slipped === "0000" ? "0001" : slipped);
}

/** The same person registered again by another desk: a variant name, often the same or a near NIK. */
function duplicateRegistration(original: RegisteredPerson, id: string, rng: Random): RegisteredPerson {
  const name = damageName(original.name, original.sex, rng, rng.pick(DUPLICATE_NAME_DAMAGES)).name;
  // Only slips a validator cannot see: a wrong serial, or the KK number; a malformed NIK is caught at entry.
  const nikRoll = rng.float();
  const nik =
    original.nik === null || nikRoll < 0.5
      ? original.nik
      : nikRoll < 0.85
        ? serialSlip(original.nik, rng)
        : nikRoll < 0.93
          ? original.kk
          : null;
  const birthDate = rng.chance(0.8)
    ? original.birthDate
    : (damageBirthDate(
        original.birthDate,
        rng,
        rng.pick(["day_month_swap", "off_by_one", "year_only"] as const),
      ).birthDate as string);
  const role: HouseholdRole = "other";
  return {
    ...original,
    id,
    name,
    nik,
    birthDate,
    role,
    address: rng.chance(0.4) ? addressVariant(original.address, rng) : original.address,
    phone: rng.chance(0.5) ? original.phone : null,
  };
}
