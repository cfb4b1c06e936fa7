/**
 * A synthetic population of households (KK) with members, businesses and socio-economic profiles. Everything
 * follows from one latent welfare index per household, so poorer households really do have less schooling,
 * more daily labourers, worse houses and more children — the signal ranking has to find.
 */
import type {
  BusinessSector,
  HouseCondition,
  HouseholdRole,
  Sex,
  SocioEconomicProfile,
} from "../registry/attributes.ts";
import { ageOn, civilDate, IsoDateCache, isoDayNumber, pad2 } from "./calendar.ts";
import { draftMembers, type MemberDraft } from "./household-members.ts";
import {
  businessChance,
  educationFor,
  employmentFor,
  healthFor,
  houseConditionFor,
  incomeFor,
} from "./living-conditions.ts";
import {
  ALLEY_NAMES,
  birthPlaceFor,
  businessNameFor,
  businessSectorFor,
  CULTURE_SHARES,
  type Culture,
  composeName,
  familyNameFor,
  isNobleLine,
  occupationFor,
  phoneNumber,
  type Religion,
  religionOf,
  STREET_NAMES,
} from "./names.ts";
import { Random, WeightedTable } from "./random.ts";

/** A village as the regions catalog gives it; `weight` (relative population) is optional. */
export interface DemoVillage {
  code: string; // "64.01.05.2001"
  name: string;
  districtCode: string; // "64.01.05"
  districtName: string;
  weight?: number;
}

export interface DemoPerson extends SocioEconomicProfile {
  /** Truth id: stable for a seed, shared by every damaged copy of this person in source lists. */
  id: string;
  householdId: string;
  nik: string;
  kk: string;
  name: string;
  sex: Sex;
  birthPlace: string;
  birthDate: string; // YYYY-MM-DD
  role: HouseholdRole;
  religion: Religion;
  address: string;
  villageCode: string;
  districtCode: string;
  rt: string; // "001"
  rw: string; // "001"
  phone: string | null;
  occupation: string; // as printed on the KTP
}

export interface DemoBusiness {
  id: string;
  ownerId: string;
  householdId: string;
  name: string;
  sector: BusinessSector;
  /** Surat Keterangan Usaha number issued by the village office. */
  skuNumber: string;
  /** Nomor Induk Berusaha (13 digits, OSS) — only businesses registered since 2018 have one. */
  nib: string | null;
  startedYear: number;
  villageCode: string;
  address: string;
}

export interface DemoHousehold {
  id: string;
  kk: string;
  kkIssueDate: string;
  villageCode: string;
  villageName: string;
  districtCode: string;
  districtName: string;
  rt: string;
  rw: string;
  address: string;
  houseCondition: HouseCondition;
  /** Latent welfare in [0, 1), 0 the poorest: ground truth for judging a ranking, never shown as data. */
  welfareIndex: number;
  culture: Culture;
  members: DemoPerson[];
  business: DemoBusiness | null;
}

export interface PopulationOptions {
  seed: number;
  villages: readonly DemoVillage[];
  /** How many households to yield; Infinity streams until the caller stops. */
  households: number;
  /** The reference date (YYYY-MM-DD) for ages and KK issue dates; the generator never reads a clock. */
  today: string;
}

interface VillagePlan {
  village: DemoVillage;
  districtIndex: number;
  urban: boolean;
  rtCount: number;
  rtPerRw: number;
  streets: string[];
}

const DAYS_PER_YEAR = 365.2425;
/** NIK birth parts repeat every century, so serial counters are keyed by the two-digit year, not the date. */
const DATE_SLOTS = 100 * 12 * 31;

/** The three-digit RT/RW as written on the KK. */
const PADDED_3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));
const PADDED_4 = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, "0"));

const SERIAL_LIMIT = 9999;

export function* generatePopulation(options: PopulationOptions): Generator<DemoHousehold, void, undefined> {
  const { seed, villages } = options;
  if (villages.length === 0) throw new RangeError("generatePopulation needs at least one village");
  const todayDay = isoDayNumber(options.today);
  const rng = Random.derive(seed, "population");
  const dates = new IsoDateCache();

  const districtCodes: string[] = [];
  const districtIndex = new Map<string, number>();
  const districtNames: string[] = [];
  for (const village of villages) {
    if (!districtIndex.has(village.districtCode)) {
      const digits = village.districtCode.replace(/\./g, "");
      if (!/^\d{6}$/.test(digits))
        throw new RangeError(`district code "${village.districtCode}" is not 6 digits`);
      districtIndex.set(village.districtCode, districtCodes.length);
      districtCodes.push(digits);
      districtNames.push(village.districtName);
    }
  }
  const plans: VillagePlan[] = villages.map((village) => planVillage(seed, village, districtIndex));
  const villageTable = new WeightedTable(
    plans.map((plan) => {
      const own = plan.village.weight;
      const variation = Random.derive(seed, "village-size", plan.village.code).normal(0, 0.45);
      return [plan, own ?? (plan.urban ? 3.5 : 1) * Math.exp(variation)] as const;
    }),
  );

  const nikSerials = new Uint16Array(districtCodes.length * 2 * DATE_SLOTS);
  const kkSerials = new Uint16Array(districtCodes.length * DATE_SLOTS);
  const todayYear = civilDate(todayDay).year;

  const nikFor = (district: number, birthDay: number, sex: Sex): string => {
    const { year, month, day } = civilDate(birthDay);
    const yy = year % 100;
    const female = sex === "P" ? 1 : 0;
    const slot = (district * 2 + female) * DATE_SLOTS + (yy * 12 + month - 1) * 31 + day - 1;
    const serial = (nikSerials[slot] as number) + 1;
    if (serial > SERIAL_LIMIT) throw new RangeError("NIK serials exhausted for one kecamatan and birth date");
    nikSerials[slot] = serial;
    return `${districtCodes[district]}${pad2(day + 40 * female)}${pad2(month)}${pad2(yy)}${PADDED_4[serial]}`;
  };
  const kkFor = (district: number, issueDay: number): string => {
    const { year, month, day } = civilDate(issueDay);
    const yy = year % 100;
    const slot = district * DATE_SLOTS + (yy * 12 + month - 1) * 31 + day - 1;
    const serial = (kkSerials[slot] as number) + 1;
    if (serial > SERIAL_LIMIT) throw new RangeError("KK serials exhausted for one kecamatan and issue date");
    kkSerials[slot] = serial;
    return `${districtCodes[district]}${pad2(day)}${pad2(month)}${pad2(yy)}${PADDED_4[serial]}`;
  };

  let personSeq = 0;
  let businessSeq = 0;
  for (let h = 0; h < options.households; h++) {
    const plan = villageTable.draw(rng);
    const householdId = `H${String(h + 1).padStart(7, "0")}`;
    const u = rng.float();
    const welfare = plan.urban ? 1 - (1 - u) ** 1.5 : u;
    const culture = CULTURE_SHARES.draw(rng);
    const religion = religionOf(culture, rng);
    const familyName = familyNameFor(culture, religion, rng);
    const noble = isNobleLine(culture, religion, rng);
    const rtNumber = rng.between(1, plan.rtCount);
    const rt = PADDED_3[rtNumber] as string;
    const rw = PADDED_3[Math.ceil(rtNumber / plan.rtPerRw)] as string;
    const street = plan.streets[(rtNumber + rng.int(2)) % plan.streets.length] as string;
    const houseNumber = `${rng.between(1, 120)}${rng.chance(0.05) ? rng.pick(["A", "B"]) : ""}`;
    const address = rng.chance(0.12)
      ? `Jl. ${street} Gg. ${rng.pick(ALLEY_NAMES)} No. ${houseNumber}`
      : `Jl. ${street} No. ${houseNumber}`;
    const houseCondition = houseConditionFor(rng, welfare);

    const drafts = draftMembers(rng, welfare, todayDay);
    const head = drafts[0] as MemberDraft;
    const father = head.sex === "L" ? head : null;
    let youngestBirthDay = Number.NEGATIVE_INFINITY;

    const members: DemoPerson[] = [];
    const ages: number[] = [];
    for (const draft of drafts) {
      // Born by yesterday at the latest, so a KK issued before today can list everyone.
      const birthDay = todayDay - 1 - Math.floor((draft.age + rng.float()) * DAYS_PER_YEAR);
      const birth = civilDate(birthDay);
      if (birthDay > youngestBirthDay) youngestBirthDay = birthDay;
      const memberCulture =
        draft.role === "spouse" && rng.chance(0.2) ? CULTURE_SHARES.draw(rng) : (culture as Culture);
      const name = composeName(rng, {
        culture: memberCulture,
        religion,
        sex: draft.sex,
        birthYear: birth.year,
        birthMonth: birth.month,
        familyName: draft.role === "spouse" || draft.role === "parent" ? null : familyName,
        noble: noble && (draft.role === "head" || (draft.role === "child" && head.sex === "L")),
        fatherName: draft.role === "child" && father?.name ? lastWord(father.name) : null,
      });
      draft.name = name;
      const age = ageOn(birthDay, todayDay);
      ages.push(age);
      const education = educationFor(rng, age, birth.year, welfare);
      const work = employmentFor(rng, age, draft, education, welfare, plan.urban);
      const person: DemoPerson = {
        id: `P${String(++personSeq).padStart(7, "0")}`,
        householdId,
        nik: nikFor(plan.districtIndex, birthDay, draft.sex),
        kk: "",
        name,
        sex: draft.sex,
        birthPlace: birthPlaceFor(rng, memberCulture, birth.year, plan.village.districtName, districtNames),
        birthDate: dates.format(birthDay),
        role: draft.role,
        religion,
        address,
        villageCode: plan.village.code,
        districtCode: plan.village.districtCode,
        rt,
        rw,
        phone: null,
        occupation: occupationFor(rng, work.employment, work.context),
        education,
        employment: work.employment,
        monthlyIncome: incomeFor(rng, work.employment, welfare, age),
        maritalStatus: draft.maritalStatus,
        houseCondition,
        health: healthFor(rng, age, welfare),
        dependants: 0,
        children: 0,
      };
      members.push(person);
    }

    const childCount = drafts.filter((d) => d.role === "child").length;
    const headPerson = members[0] as DemoPerson;
    for (const person of members) {
      if (person.role === "head" || person.role === "spouse") person.children = childCount;
      else if (person.role === "parent") person.children = rng.between(2, 8);
    }
    headPerson.dependants = members.filter((p) => p !== headPerson && p.monthlyIncome === 0).length;
    assignPhones(rng, members, ages, welfare);

    const earliest = Math.max(youngestBirthDay + rng.between(7, 120), todayDay - 15 * 365);
    const issueDay = Math.max(
      youngestBirthDay,
      Math.min(todayDay - 1, earliest + rng.int(Math.max(1, todayDay - earliest))),
    );
    const kk = kkFor(plan.districtIndex, issueDay);
    for (const person of members) person.kk = kk;

    let business: DemoBusiness | null = null;
    if (rng.chance(businessChance(headPerson.employment, welfare))) {
      const spouse = members.find((p) => p.role === "spouse");
      const owner =
        spouse && spouse.occupation === "Mengurus Rumah Tangga" && rng.chance(0.35) ? spouse : headPerson;
      const child = members.find((p) => p.role === "child");
      const sector = businessSectorFor(rng, owner.employment);
      const startedYear = Math.min(
        todayYear,
        Math.max(todayYear - rng.between(0, 20), Number(owner.birthDate.slice(0, 4)) + 18),
      );
      const registeredYear = Math.min(todayYear, startedYear + rng.between(0, 3));
      business = {
        id: `B${String(++businessSeq).padStart(6, "0")}`,
        ownerId: owner.id,
        householdId,
        name: businessNameFor(
          rng,
          sector,
          firstWord(owner.name),
          owner.sex,
          child ? firstWord(child.name) : null,
        ),
        sector,
        skuNumber: `${rng.pick(["503", "470", "517"])}/${PADDED_3[rng.between(1, 450)]}/SKU/${ROMAN_MONTHS[rng.int(12)]}/${registeredYear}`,
        nib: registeredYear >= 2018 && rng.chance(0.45) ? `912${rng.digits(10)}` : null,
        startedYear,
        villageCode: plan.village.code,
        address,
      };
    }

    yield {
      id: householdId,
      kk,
      kkIssueDate: dates.format(issueDay),
      villageCode: plan.village.code,
      villageName: plan.village.name,
      districtCode: plan.village.districtCode,
      districtName: plan.village.districtName,
      rt,
      rw,
      address,
      houseCondition,
      welfareIndex: welfare,
      culture,
      members,
      business,
    };
  }
}

/** Flattens households to their members, lazily. */
export function* personsOf(households: Iterable<DemoHousehold>): Generator<DemoPerson, void, undefined> {
  for (const household of households) yield* household.members;
}

const ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] as const;

function planVillage(seed: number, village: DemoVillage, districts: Map<string, number>): VillagePlan {
  const rng = Random.derive(seed, "village", village.code);
  // Kemendagri codes: 1xxx is a kelurahan (urban), 2xxx a desa.
  const urban = village.code.split(".")[3]?.startsWith("1") ?? false;
  const streetCount = rng.between(3, 6);
  const streets: string[] = [];
  while (streets.length < streetCount) {
    const street = rng.pick(STREET_NAMES);
    if (!streets.includes(street)) streets.push(street);
  }
  return {
    village,
    districtIndex: districts.get(village.districtCode) as number,
    urban,
    rtCount: urban ? rng.between(10, 15) : rng.between(4, 12),
    rtPerRw: rng.between(3, 5),
    streets,
  };
}

/** Adults mostly own a phone; a spouse or child sometimes gives the head's number, which linkage must tolerate. */
function assignPhones(rng: Random, members: DemoPerson[], ages: readonly number[], welfare: number): void {
  const head = members[0] as DemoPerson;
  for (let i = 0; i < members.length; i++) {
    const person = members[i] as DemoPerson;
    const age = ages[i] as number;
    if (age < 16) continue;
    const owns = 0.5 + 0.35 * welfare + (age < 50 ? 0.12 : 0) - (age > 70 ? 0.3 : 0);
    if (!rng.chance(owns)) continue;
    person.phone = person !== head && head.phone && rng.chance(0.08) ? head.phone : phoneNumber(rng);
  }
}

/** Prefixes and titles nobody is called by: "Bu Siti Aminah" is "Bu Aminah" on a shop sign. */
const NOT_A_CALLING_NAME = new Set(
  "Muhammad Ahmad Abdul Siti Sitti Nur Noor Andi Aji Gusti Antung".split(" "),
);

function firstWord(name: string): string {
  const words = name.split(" ");
  return words.find((word) => !NOT_A_CALLING_NAME.has(word)) ?? words[0] ?? name;
}

function lastWord(name: string): string {
  const words = name.split(" ");
  return words[words.length - 1] ?? name;
}
