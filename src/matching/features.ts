/**
 * Per-record features, computed once per record and stored column-wise (typed arrays, interned strings) so that
 * scoring millions of candidate pairs touches numbers and shared strings instead of re-normalising raw text.
 */
import { type NameFeature, packDate } from "./compare.ts";
import {
  normaliseAddress,
  normaliseBirthDate,
  normaliseIdNumber,
  normaliseName,
  normaliseNeighbourhood,
  normalisePhone,
  normalisePlace,
  normaliseSex,
  normaliseVillageCode,
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

export class FeatureTable {
  size = 0;
  readonly records: LinkageRecord[] = [];
  readonly nik: (string | null)[] = [];
  readonly kk: (string | null)[] = [];
  readonly name: (NameFeature | null)[] = [];
  readonly birthDate: GrowableInt32;
  readonly sex: GrowableInt32;
  readonly birthPlace: (string | null)[] = [];
  readonly village: (string | null)[] = [];
  readonly rt: GrowableInt32;
  readonly rw: GrowableInt32;
  readonly phone: (string | null)[] = [];
  readonly addressStart: GrowableInt32;
  readonly addressLength: GrowableInt32;
  readonly addressPool: GrowableInt32;
  /** How many records carry each name sound (indexed by NameFeature.keyId), for term-frequency adjustment. */
  readonly nameKeyCount: GrowableInt32 = new GrowableInt32();

  readonly nameIds = new Interner();
  readonly addressTokens = new Interner();
  private readonly nameCache = new Map<string, NameFeature | null>();
  private readonly placeCache = new Map<string, string | null>();

  constructor(expected = 1024) {
    this.birthDate = new GrowableInt32(expected);
    this.sex = new GrowableInt32(expected);
    this.rt = new GrowableInt32(expected);
    this.rw = new GrowableInt32(expected);
    this.addressStart = new GrowableInt32(expected);
    this.addressLength = new GrowableInt32(expected);
    this.addressPool = new GrowableInt32(expected * 4);
  }

  /** Normalises a record into the table and returns its index. */
  add(record: LinkageRecord): number {
    const index = this.size++;
    this.records.push(record);
    this.nik.push(normaliseIdNumber(record.nik));
    this.kk.push(normaliseIdNumber(record.kk));
    const name = this.nameFeature(record.name);
    this.name.push(name);
    if (name) {
      while (this.nameKeyCount.length <= name.keyId) this.nameKeyCount.push(0);
      this.nameKeyCount.data[name.keyId] = (this.nameKeyCount.data[name.keyId] ?? 0) + 1;
    }
    this.birthDate.push(packDate(normaliseBirthDate(record.birthDate)));
    const sex = normaliseSex(record.sex);
    this.sex.push(sex === "L" ? 1 : sex === "P" ? 2 : 0);
    this.birthPlace.push(this.place(record.birthPlace));
    this.village.push(normaliseVillageCode(record.villageCode));
    this.rt.push(normaliseNeighbourhood(record.rt) ?? 0);
    this.rw.push(normaliseNeighbourhood(record.rw) ?? 0);
    this.phone.push(normalisePhone(record.phone));
    const address = normaliseAddress(record.address);
    this.addressStart.push(this.addressPool.length);
    if (address) {
      const ids = address.map((token) => this.addressTokens.id(token)).sort((x, y) => x - y);
      for (const id of ids) this.addressPool.push(id);
      this.addressLength.push(ids.length);
    } else this.addressLength.push(0);
    return index;
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
        key,
        tokens: normalised.keys,
      };
    }
    // Bounded so that a long-lived index fed unique names does not grow without limit.
    if (this.nameCache.size < 2_000_000) this.nameCache.set(raw, feature);
    return feature;
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
