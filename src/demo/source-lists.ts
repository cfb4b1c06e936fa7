/**
 * Agency and central lists drawn from one population: the same person appears in several lists (the overlap
 * seed 000 describes), sometimes twice in one list, each copy damaged independently. Every record keeps the
 * person's truth id, so a linkage run can be scored.
 */
import type { Sex } from "../registry/attributes.ts";
import { isoDayNumber } from "./calendar.ts";
import {
  addressVariant,
  appendNeighbourhood,
  changeCase,
  damageBirthDate,
  damageName,
  damageNik,
  formatNeighbourhood,
  type LetterCase,
  NEIGHBOURHOOD_IN_ADDRESS,
  type NeighbourhoodInAddress,
  type NeighbourhoodStyle,
  nikDigitTypo,
  phoneDigitTypo,
  phoneVariant,
  typo,
} from "./field-errors.ts";
import { PASER_VILLAGES } from "./paser-villages.ts";
import { type DemoPerson, type DemoVillage, generatePopulation, personsOf } from "./population.ts";
import { Random, WeightedTable } from "./random.ts";

export interface SourceRecord {
  source: string;
  recordId: string;
  truthId: string;
  nik: string | null;
  kk: string | null;
  name: string;
  birthPlace: string | null;
  birthDate: string | null;
  sex: Sex | null;
  address: string | null;
  villageCode: string | null;
  rt: string | null;
  rw: string | null;
  phone: string | null;
}

export type OmittableField =
  | "nik"
  | "kk"
  | "birthPlace"
  | "birthDate"
  | "sex"
  | "address"
  | "villageCode"
  | "rt"
  | "rw"
  | "phone";

/** How one list writes things — a whole list in capitals, RT as "3" — which is variation, not error. */
export interface SourceStyle {
  letterCase: LetterCase | "as_is";
  neighbourhood: NeighbourhoodStyle;
  /** RT/RW written into the address line as well, and how; null when the list keeps them apart only. */
  neighbourhoodInAddress: NeighbourhoodInAddress | null;
}

export interface SourceListSpec {
  name: string;
  /** Share of the eligible population present in this list. */
  coverage: number;
  /** Chance that a present person is entered a second time. */
  duplicateRate: number;
  /** Chance that a record carries one to three damaged fields. */
  errorRate: number;
  /** Columns this list does not collect: always null. */
  omit?: readonly OmittableField[];
  /** Overrides the style drawn from the seed and the list's name. */
  style?: Partial<SourceStyle>;
}

export interface SourceListsOptions {
  seed: number;
  population: Iterable<DemoPerson>;
  sources: readonly SourceListSpec[];
  /** Who can appear in a list at all; everyone when absent. */
  eligible?: (person: DemoPerson) => boolean;
}

export type FieldDamage =
  | "name"
  | "nik"
  | "kk"
  | "birth_date"
  | "birth_place"
  | "sex"
  | "address"
  | "neighbourhood"
  | "village"
  | "phone";

const FIELD_DAMAGES = new WeightedTable<FieldDamage>([
  ["name", 30],
  ["nik", 20],
  ["birth_date", 14],
  ["address", 10],
  ["phone", 8],
  ["neighbourhood", 5],
  ["birth_place", 5],
  ["kk", 4],
  ["village", 3],
  ["sex", 1],
]);

interface PreparedSource {
  spec: SourceListSpec;
  style: SourceStyle;
  omit: ReadonlySet<OmittableField>;
  sequence: number;
}

function prepare(seed: number, spec: SourceListSpec): PreparedSource {
  const rng = Random.derive(seed, "source-style", spec.name);
  const drawn: SourceStyle = {
    letterCase: rng.chance(0.45) ? "upper" : rng.chance(0.1) ? "title" : "as_is",
    neighbourhood: rng.pick(["plain", "two_digits", "three_digits", "three_digits"] as const),
    neighbourhoodInAddress: rng.chance(0.25) ? rng.pick(NEIGHBOURHOOD_IN_ADDRESS) : null,
  };
  return { spec, style: { ...drawn, ...spec.style }, omit: new Set(spec.omit ?? []), sequence: 0 };
}

/**
 * Records in population order, each list numbering its own records as they come. Order and ids therefore
 * follow the population; use `generateSourceLists` for shuffled lists.
 */
export function* streamSourceRecords(options: SourceListsOptions): Generator<SourceRecord, void, undefined> {
  const rng = Random.derive(options.seed, "source-lists");
  const sources = options.sources.map((spec) => prepare(options.seed, spec));
  for (const person of options.population) {
    if (options.eligible && !options.eligible(person)) continue;
    for (const source of sources) {
      if (!rng.chance(source.spec.coverage)) continue;
      yield sourceRecord(person, source, rng, rng.chance(source.spec.errorRate));
      if (rng.chance(source.spec.duplicateRate)) {
        // A second registration is rarely a perfect copy: another enumerator, another day.
        yield sourceRecord(person, source, rng, rng.chance(Math.max(source.spec.errorRate, 0.6)));
      }
    }
  }
}

/** All lists, each shuffled and numbered `<name>-0000001` …, concatenated in the order of `sources`. */
export function generateSourceLists(options: SourceListsOptions): SourceRecord[] {
  const bySource = new Map<string, SourceRecord[]>(options.sources.map((spec) => [spec.name, []]));
  for (const record of streamSourceRecords(options)) bySource.get(record.source)?.push(record);
  return shuffleAndNumber(options.seed, bySource);
}

function shuffleAndNumber(seed: number, bySource: Map<string, SourceRecord[]>): SourceRecord[] {
  const all: SourceRecord[] = [];
  for (const [name, records] of bySource) {
    Random.derive(seed, "source-order", name).shuffle(records);
    records.forEach((record, i) => {
      record.recordId = recordIdOf(name, i + 1);
      all.push(record);
    });
  }
  return all;
}

function recordIdOf(source: string, sequence: number): string {
  return `${source}-${String(sequence).padStart(7, "0")}`;
}

function sourceRecord(person: DemoPerson, source: PreparedSource, rng: Random, dirty: boolean): SourceRecord {
  const { style, omit } = source;
  let name = person.name;
  let nik: string | null = person.nik;
  let kk: string | null = person.kk;
  let birthDate: string | null = person.birthDate;
  let birthPlace: string | null = person.birthPlace;
  let sex: Sex | null = person.sex;
  let address: string | null = person.address;
  let villageCode: string | null = person.villageCode;
  let rt: string | null = person.rt;
  let rw: string | null = person.rw;
  let phone: string | null = person.phone;

  if (dirty) {
    // One damaged field mostly, sometimes two or three; the same field may be hit twice.
    const count = 1 + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0);
    for (let i = 0; i < count; i++) {
      switch (FIELD_DAMAGES.draw(rng)) {
        case "name":
          name = damageName(name, person.sex, rng).name;
          break;
        case "nik":
          if (nik) nik = damageNik(nik, person.kk, rng).nik;
          break;
        case "kk":
          if (kk) kk = rng.chance(0.6) ? null : nikDigitTypo(kk, rng);
          break;
        case "birth_date":
          if (birthDate) birthDate = damageBirthDate(birthDate, rng).birthDate;
          break;
        case "birth_place":
          if (birthPlace) birthPlace = rng.chance(0.4) ? null : abbreviatePlace(birthPlace, rng);
          break;
        case "sex":
          if (sex) sex = sex === "L" ? "P" : "L";
          break;
        case "address":
          if (address) address = rng.chance(0.2) ? null : varyAddress(address, rng);
          break;
        case "neighbourhood":
          if (rng.chance(0.5)) {
            rt = null;
            rw = null;
          } else rt = neighbouringRt(person.rt, rng);
          break;
        case "village":
          villageCode = null;
          break;
        case "phone":
          if (phone) phone = rng.chance(0.5) ? null : varyPhone(phone, rng);
          break;
      }
    }
  }

  if (style.letterCase !== "as_is") name = changeCase(name, style.letterCase);
  if (rt !== null) rt = formatNeighbourhood(rt, style.neighbourhood);
  if (rw !== null) rw = formatNeighbourhood(rw, style.neighbourhood);
  if (address !== null && style.neighbourhoodInAddress !== null) {
    address = appendNeighbourhood(address, person.rt, person.rw, style.neighbourhoodInAddress);
  }
  if (address !== null && style.letterCase === "upper") address = address.toUpperCase();

  return {
    source: source.spec.name,
    recordId: recordIdOf(source.spec.name, ++source.sequence),
    truthId: person.id,
    nik: omit.has("nik") ? null : nik,
    kk: omit.has("kk") ? null : kk,
    name,
    birthPlace: omit.has("birthPlace") ? null : birthPlace,
    birthDate: omit.has("birthDate") ? null : birthDate,
    sex: omit.has("sex") ? null : sex,
    address: omit.has("address") ? null : address,
    villageCode: omit.has("villageCode") ? null : villageCode,
    rt: omit.has("rt") ? null : rt,
    rw: omit.has("rw") ? null : rw,
    phone: omit.has("phone") ? null : phone,
  };
}

const varyAddress = (address: string, rng: Random) =>
  rng.chance(0.75) ? addressVariant(address, rng) : typo(address, rng);
const varyPhone = (phone: string, rng: Random) =>
  rng.chance(0.6) ? phoneVariant(phone, rng) : phoneDigitTypo(phone, rng);

/** The RT next door: a household written into the neighbouring RT's list. */
function neighbouringRt(rt: string, rng: Random): string {
  const n = Number.parseInt(rt, 10);
  return formatNeighbourhood(String(n <= 1 || rng.chance(0.5) ? n + 1 : n - 1), "three_digits");
}

/** "Tanah Grogot" → "Tn. Grogot" / "Grogot" / a typo: places are abbreviated as freely as names. */
function abbreviatePlace(place: string, rng: Random): string {
  if (place === "Tanah Grogot")
    return rng.pick(["Tn. Grogot", "Grogot", "Tanah Grogot, Paser", "Tanagrogot"]);
  if (place === "Balikpapan") return rng.pick(["Balikpapan", "Bpp", "Balik Papan"]);
  if (place === "Banjarmasin") return rng.pick(["Bjm", "Banjarmasin", "Banjar Masin"]);
  return typo(place, rng);
}

// ---- the linkage benchmark data set ---------------------------------------------------------------------

/**
 * Five lists modelled on seed 000: the central DTKS and four regency agencies, each with its own coverage,
 * duplicate and error habits and missing columns.
 */
export const DEFAULT_LINKAGE_SOURCES: readonly SourceListSpec[] = [
  { name: "DTKS", coverage: 0.5, duplicateRate: 0.01, errorRate: 0.12, omit: ["phone"] },
  { name: "DINSOS", coverage: 0.35, duplicateRate: 0.03, errorRate: 0.25 },
  { name: "DISKOPUKM", coverage: 0.25, duplicateRate: 0.04, errorRate: 0.3 },
  { name: "DKP", coverage: 0.3, duplicateRate: 0.03, errorRate: 0.25, omit: ["kk"] },
  { name: "DISTAN", coverage: 0.2, duplicateRate: 0.02, errorRate: 0.3, omit: ["phone", "birthPlace"] },
];

export interface LinkageDatasetOptions {
  seed: number;
  /** Exactly this many records are returned. */
  records: number;
  /** A number takes the first lists of DEFAULT_LINKAGE_SOURCES (more than five are made up alike). */
  sources?: number | readonly SourceListSpec[];
  villages?: readonly DemoVillage[];
  /** Reference date for ages; only adults (17+, who hold a KTP) are listed. */
  today?: string;
}

export interface LinkageDataset {
  /** All lists, each shuffled and numbered, concatenated. */
  records: SourceRecord[];
  /** truthIds[i] === records[i].truthId: the same person has the same truth id in every list. */
  truthIds: string[];
  sources: readonly SourceListSpec[];
  /** Distinct persons behind the records. */
  persons: number;
  /** Pairs of records that are the same person: the denominator of recall. */
  truePairs: number;
}

export const DEFAULT_TODAY = "2026-01-15";

function linkageSources(sources: LinkageDatasetOptions["sources"]): readonly SourceListSpec[] {
  if (sources === undefined) return DEFAULT_LINKAGE_SOURCES;
  if (typeof sources !== "number") return sources;
  return Array.from({ length: sources }, (_, i) => {
    const base = DEFAULT_LINKAGE_SOURCES[i % DEFAULT_LINKAGE_SOURCES.length] as SourceListSpec;
    return i < DEFAULT_LINKAGE_SOURCES.length
      ? base
      : { ...base, name: `${base.name}${Math.floor(i / 5) + 1}` };
  });
}

/**
 * The record-linkage benchmark input: a population generated until the lists hold exactly `records` records.
 * Streams the population, so memory is the records themselves.
 */
export function generateLinkageDataset(options: LinkageDatasetOptions): LinkageDataset {
  const sources = linkageSources(options.sources);
  if (sources.length === 0) throw new RangeError("a linkage data set needs at least one source list");
  const today = options.today ?? DEFAULT_TODAY;
  isoDayNumber(today); // rejects an impossible date before any work
  // Seventeen years old on `today`, when a KTP (and so a NIK on the lists) is issued.
  const adultBy = `${Number(today.slice(0, 4)) - 17}${today.slice(4)}`;
  const population = personsOf(
    generatePopulation({
      seed: options.seed,
      villages: options.villages ?? PASER_VILLAGES,
      households: Number.POSITIVE_INFINITY,
      today,
    }),
  );
  const bySource = new Map<string, SourceRecord[]>(sources.map((spec) => [spec.name, []]));
  let count = 0;
  let persons = 0;
  let truePairs = 0;
  let currentTruth = "";
  let currentRecords = 0;
  const stream = streamSourceRecords({
    seed: options.seed,
    population,
    sources,
    eligible: (person) => person.birthDate <= adultBy,
  });
  for (const record of stream) {
    if (count >= options.records) break;
    if (record.truthId !== currentTruth) {
      currentTruth = record.truthId;
      currentRecords = 0;
      persons++;
    }
    truePairs += currentRecords;
    currentRecords++;
    bySource.get(record.source)?.push(record);
    count++;
  }
  const records = shuffleAndNumber(options.seed, bySource);
  return { records, truthIds: records.map((record) => record.truthId), sources, persons, truePairs };
}
