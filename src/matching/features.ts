/**
 * Per-record features, computed once per record and stored column-wise (typed arrays, interned strings) so that
 * scoring millions of candidate pairs touches numbers and shared strings instead of re-normalising raw text.
 */
import type { NameFeature } from "./compare.ts";
import {
  addressLetters,
  normaliseAddress,
  normaliseIdNumber,
  normaliseName,
  normaliseNeighbourhood,
  normaliseOtherId,
  normalisePhone,
  normalisePlace,
  normalisePostcode,
  normaliseSex,
  normaliseVillageCode,
  packedBirthDate,
} from "./normalise.ts";
import type { LinkageRecord } from "./types.ts";

/** An Int32Array that grows; the incremental index appends records one by one. */
export class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/** Strings to dense integer ids, so equal values compare as equal numbers. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

const NO_TOKENS: readonly number[] = [];
const NO_AREA: readonly [number, number] = [0, 0];
const NO_ADDRESS = { ids: NO_TOKENS, text: 0 };

export class FeatureTable {
  size = 0;
  /** Records that count towards name frequencies (all but a query being scored). */
  countedRecords = 0;
  private readonly counted: boolean[] = [];
  readonly records: LinkageRecord[] = [];
  readonly nik: (string | null)[] = [];
  readonly kk: (string | null)[] = [];
  readonly name: (NameFeature | null)[] = [];
  readonly birthDate: GrowableInt32;
  readonly sex: GrowableInt32;
  /** Interned ids (0 = missing): a handful of distinct places and desa codes serve a million records. */
  readonly birthPlace: GrowableInt32;
  readonly village: GrowableInt32;
  /** Kecamatan id of the desa (its first 6 digits), 0 = missing. */
  readonly kecamatan: GrowableInt32;
  readonly rt: GrowableInt32;
  readonly rw: GrowableInt32;
  readonly phone: (string | null)[] = [];
  readonly otherId: (string | null)[] = [];
  readonly postcode: (string | null)[] = [];
  readonly addressStart: GrowableInt32;
  readonly addressLength: GrowableInt32;
  readonly addressPool: GrowableInt32;
  /** Id in addressTexts of the address's letters and digits in order (addressLetters); 0 = missing. */
  readonly addressText: GrowableInt32;
  readonly addressTexts = new Interner();
  /** How many records carry each name sound (indexed by NameFeature.keyId), for term-frequency adjustment. */
  readonly nameKeyCount: GrowableInt32 = new GrowableInt32();

  readonly nameIds = new Interner();
  /** Ids of places, desa and kecamatan codes; id 0 is reserved for "missing". */
  readonly placeIds = new Interner();
  readonly areaIds = new Interner();
  /** Memoised birth-place levels per pair of differing place ids. */
  readonly placeLevels = new Map<number, number>();
  readonly addressTokens = new Interner();
  private readonly nameCache = new Map<string, NameFeature | null>();
  private readonly placeCache = new Map<string, string | null>();
  private readonly postcodeCache = new Map<string, string | null>();
  private readonly addressCache = new Map<string, { ids: readonly number[]; text: number }>();
  private readonly areaCache = new Map<string, readonly [number, number]>();

  constructor(expected = 1024) {
    this.birthDate = new GrowableInt32(expected);
    this.birthPlace = new GrowableInt32(expected);
    this.village = new GrowableInt32(expected);
    this.kecamatan = new GrowableInt32(expected);
    this.sex = new GrowableInt32(expected);
    this.rt = new GrowableInt32(expected);
    this.rw = new GrowableInt32(expected);
    this.addressStart = new GrowableInt32(expected);
    this.addressLength = new GrowableInt32(expected);
    this.addressPool = new GrowableInt32(expected * 4);
    this.addressText = new GrowableInt32(expected);
    this.addressTexts.id("");
    this.placeIds.id("");
    this.areaIds.id("");
  }

  /**
   * Normalises a record into the table and returns its index. A query is added uncounted, so that the
   * frequency of its name is that of the registry it is matched against.
   */
  add(record: LinkageRecord, counted = true): number {
    const index = this.size++;
    this.counted.push(counted);
    if (counted) this.countedRecords++;
    this.records.push(record);
    this.nik.push(normaliseIdNumber(record.nik));
    this.kk.push(normaliseIdNumber(record.kk));
    const name = this.nameFeature(record.name);
    this.name.push(name);
    if (name) {
      while (this.nameKeyCount.length <= name.keyId) this.nameKeyCount.push(0);
      if (counted) this.nameKeyCount.data[name.keyId] = (this.nameKeyCount.data[name.keyId] ?? 0) + 1;
    }
    this.birthDate.push(packedBirthDate(record.birthDate));
    const sex = normaliseSex(record.sex);
    this.sex.push(sex === "L" ? 1 : sex === "P" ? 2 : 0);
    const place = this.place(record.birthPlace);
    this.birthPlace.push(place ? this.placeIds.id(place) : 0);
    const [village, kecamatan] = this.area(record.villageCode);
    this.village.push(village);
    this.kecamatan.push(kecamatan);
    this.rt.push(normaliseNeighbourhood(record.rt) ?? 0);
    this.rw.push(normaliseNeighbourhood(record.rw) ?? 0);
    this.phone.push(normalisePhone(record.phone));
    this.otherId.push(normaliseOtherId(record.otherId));
    this.postcode.push(this.postcodeOf(record.postcode));
    const address = this.addressFeature(record.address);
    this.addressStart.push(this.addressPool.length);
    for (const id of address.ids) this.addressPool.push(id);
    this.addressLength.push(address.ids.length);
    this.addressText.push(address.text);
    return index;
  }

  /** Takes the last record out again (a query is scored as if it were in the table, then removed). */
  removeLast(): void {
    if (this.size === 0) return;
    const index = --this.size;
    const counted = this.counted.pop() ?? true;
    if (counted) this.countedRecords--;
    this.records.pop();
    this.nik.pop();
    this.kk.pop();
    const name = this.name.pop();
    if (name && counted) this.nameKeyCount.data[name.keyId] = (this.nameKeyCount.data[name.keyId] ?? 1) - 1;
    this.birthDate.length = index;
    this.sex.length = index;
    this.birthPlace.length = index;
    this.village.length = index;
    this.kecamatan.length = index;
    this.rt.length = index;
    this.rw.length = index;
    this.phone.pop();
    this.otherId.pop();
    this.postcode.pop();
    this.addressPool.length = this.addressStart.data[index] as number;
    this.addressStart.length = index;
    this.addressLength.length = index;
    this.addressText.length = index;
  }

  /** Name features without adding a record (for queries); does not touch name counts. */
  nameFeature(raw: string | null | undefined): NameFeature | null {
    if (!raw) return null;
    const cached = this.nameCache.get(raw);
    if (cached !== undefined) return cached;
    const normalised = normaliseName(raw);
    let feature: NameFeature | null = null;
    if (normalised) {
      const key = normalised.keys.join(" ");
      feature = {
        normId: this.nameIds.id(normalised.tokens.join(" ")),
        keyId: this.nameIds.id(key),
        sortedKeyId: this.nameIds.id([...normalised.keys].sort().join(" ")),
        firstTokenId: this.nameIds.id(normalised.keys[0] ?? ""),
        key,
        tokens: normalised.keys,
        writtenTokens: normalised.writtenKeys,
        initials: normalised.initials,
      };
    }
    // Bounded so that a long-lived index fed unique names does not grow without limit.
    if (this.nameCache.size < 2_000_000) this.nameCache.set(raw, feature);
    return feature;
  }

  /**
   * Sorted token ids of an address and the id of its letters in order; cached because household members and
   * list copies share address lines.
   */
  private addressFeature(raw: string | null | undefined): { ids: readonly number[]; text: number } {
    if (!raw) return NO_ADDRESS;
    let feature = this.addressCache.get(raw);
    if (feature === undefined) {
      const tokens = normaliseAddress(raw);
      const letters = addressLetters(raw);
      feature = {
        ids: tokens ? tokens.map((token) => this.addressTokens.id(token)).sort((x, y) => x - y) : NO_TOKENS,
        text: tokens && letters ? this.addressTexts.id(letters) : 0,
      };
      if (this.addressCache.size < 1_000_000) this.addressCache.set(raw, feature);
    }
    return feature;
  }

  /** Desa and kecamatan ids of a desa code; a regency has a few hundred codes, so this is a cache hit. */
  private area(raw: string | null | undefined): readonly [number, number] {
    if (!raw) return NO_AREA;
    let ids = this.areaCache.get(raw);
    if (ids === undefined) {
      const code = normaliseVillageCode(raw);
      ids = code ? [this.areaIds.id(code), this.areaIds.id(code.slice(0, 6))] : NO_AREA;
      if (this.areaCache.size < 200_000) this.areaCache.set(raw, ids);
    }
    return ids;
  }

  /** Interned so that a million records share a few hundred postcode strings. */
  private postcodeOf(raw: string | null | undefined): string | null {
    if (!raw) return null;
    let code = this.postcodeCache.get(raw);
    if (code === undefined) {
      code = normalisePostcode(raw);
      if (this.postcodeCache.size < 200_000) this.postcodeCache.set(raw, code);
    }
    return code;
  }

  private place(raw: string | null | undefined): string | null {
    if (!raw) return null;
    let place = this.placeCache.get(raw);
    if (place === undefined) {
      place = normalisePlace(raw);
      if (this.placeCache.size < 200_000) this.placeCache.set(raw, place);
    }
    return place;
  }

  /** How many records in the table share this name's sound; at least 1. */
  nameFrequency(name: NameFeature): number {
    return Math.max(1, this.nameKeyCount.data[name.keyId] ?? 0);
  }
}
