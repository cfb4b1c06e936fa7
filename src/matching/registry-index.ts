/**
 * The registry as a match index: every person's record (NIK, KK and phone opened through the vault) held in
 * memory once per process, so that a registration is matched against the whole registry while it is typed.
 * Built lazily on first use and kept current by `onPersonWritten`, which the registry calls on every write.
 */
import type { Database } from "../db/index.ts";
import { generateLinkageDataset } from "../demo/source-lists.ts";
import type { Vault } from "../privacy/vault.ts";
import { persons } from "../registry/schema.ts";
import type { Registry } from "../registry/service.ts";
import { linkRecords } from "./link.ts";
import { createMatchIndex, type MatchCandidate, type MatchIndex } from "./match-index.ts";
import type { MatchModel } from "./model.ts";
import type { LinkageRecord } from "./types.ts";

/** The source name registry persons carry in linkage; the record id is the person's id. */
export const REGISTRY_SOURCE = "registry";

/**
 * Below this many persons the registry says too little about name and date frequencies to train on; the
 * model then comes from the demo's labelled-free synthetic lists of the same regency, trained the same way.
 */
export const MIN_TRAINING_PERSONS = 5_000;
const REFERENCE_RECORDS = 20_000;

export interface PersonLinkageFields {
  id: string;
  nikCipher: Uint8Array | null;
  kkCipher: Uint8Array | null;
  phoneCipher: Uint8Array | null;
  name: string;
  sex: string;
  birthPlace: string | null;
  birthDate: string | null;
  address: string | null;
  villageCode: string;
  rt: string | null;
  rw: string | null;
}

export function linkageRecordOf(row: PersonLinkageFields, vault: Vault): LinkageRecord {
  return {
    source: REGISTRY_SOURCE,
    recordId: row.id,
    nik: row.nikCipher ? vault.open("nik", row.nikCipher) : null,
    kk: row.kkCipher ? vault.open("kk", row.kkCipher) : null,
    phone: row.phoneCipher ? vault.open("phone", row.phoneCipher) : null,
    name: row.name,
    sex: row.sex,
    birthPlace: row.birthPlace,
    birthDate: row.birthDate,
    address: row.address,
    villageCode: row.villageCode,
    rt: row.rt,
    rw: row.rw,
  };
}

export interface RegistryCandidate extends MatchCandidate {
  personId: string;
}

interface IndexState {
  index: MatchIndex;
  /** Person id per index position; an edited person is added again and its older positions are skipped. */
  personAt: string[];
  latest: Map<string, number>;
}

interface Holder {
  state: IndexState | null;
  building: Promise<IndexState> | null;
  /** Writes seen while the index was being read from the database. */
  pending: PersonLinkageFields[];
}

// Keyed by the database handle: one index per open Salur, dropped with it.
const holders = new WeakMap<Database, Holder>();
let referenceModel: MatchModel | null = null;

/** The model trained on the synthetic lists, once per process (about a second). */
export function referenceMatchModel(): MatchModel {
  if (!referenceModel) {
    const dataset = generateLinkageDataset({ seed: 6401, records: REFERENCE_RECORDS, sources: 5 });
    referenceModel = linkRecords(dataset.records).model;
  }
  return referenceModel;
}

/** The model for a registry of `size` persons: trained on it when large enough, else the reference model. */
export function modelFor(records: readonly LinkageRecord[]): MatchModel {
  return records.length >= MIN_TRAINING_PERSONS ? linkRecords(records).model : referenceMatchModel();
}

export async function loadRegistryRecords(registry: Registry): Promise<LinkageRecord[]> {
  const rows = await registry.db
    .select({
      id: persons.id,
      nikCipher: persons.nikCipher,
      kkCipher: persons.kkCipher,
      phoneCipher: persons.phoneCipher,
      name: persons.name,
      sex: persons.sex,
      birthPlace: persons.birthPlace,
      birthDate: persons.birthDate,
      address: persons.address,
      villageCode: persons.villageCode,
      rt: persons.rt,
      rw: persons.rw,
    })
    .from(persons)
    .orderBy(persons.id);
  return rows.map((row) => linkageRecordOf(row, registry.env.vault));
}

function holderOf(registry: Registry): Holder {
  let holder = holders.get(registry.db);
  if (!holder) {
    holder = { state: null, building: null, pending: [] };
    holders.set(registry.db, holder);
  }
  return holder;
}

function addTo(state: IndexState, record: LinkageRecord): void {
  const position = state.index.add(record);
  state.personAt[position] = record.recordId;
  state.latest.set(record.recordId, position);
}

/** The registry's match index, reading the registry the first time it is asked for. */
export async function registryIndex(registry: Registry): Promise<IndexState> {
  const holder = holderOf(registry);
  if (holder.state) return holder.state;
  if (!holder.building) {
    holder.building = (async () => {
      const records = await loadRegistryRecords(registry);
      const model = modelFor(records);
      const state: IndexState = {
        index: createMatchIndex(records, { model }),
        personAt: [],
        latest: new Map(),
      };
      records.forEach((record, i) => {
        state.personAt[i] = record.recordId;
        state.latest.set(record.recordId, i);
      });
      for (const row of holder.pending.splice(0)) addTo(state, linkageRecordOf(row, registry.env.vault));
      holder.state = state;
      return state;
    })();
    holder.building.catch(() => {
      holder.building = null;
    });
  }
  return holder.building;
}

/**
 * Called by the registry after a person is created or edited (inside the write's transaction). A write that
 * is later rolled back leaves a stale entry; candidates are read back from the database, so it never shows.
 */
export function onPersonWritten(registry: Registry, row: PersonLinkageFields): void {
  const holder = holders.get(registry.db);
  if (!holder) return; // not built yet: the first query reads the registry, this write included
  if (holder.state) addTo(holder.state, linkageRecordOf(row, registry.env.vault));
  else holder.pending.push(row);
}

/** Registry persons that may be the same person as `record`, best first, each person once. */
export async function matchAgainstRegistry(
  registry: Registry,
  record: Omit<LinkageRecord, "source" | "recordId">,
  options: { limit?: number; minProbability?: number; excludePersonId?: string } = {},
): Promise<RegistryCandidate[]> {
  const state = await registryIndex(registry);
  const limit = options.limit ?? 10;
  const found = state.index.query(
    { ...record, source: "registration", recordId: "new" },
    { limit: limit * 3 + 10, minProbability: options.minProbability },
  );
  const out: RegistryCandidate[] = [];
  for (const candidate of found) {
    const personId = state.personAt[candidate.index];
    if (!personId || state.latest.get(personId) !== candidate.index) continue;
    if (personId === options.excludePersonId) continue;
    out.push({ ...candidate, personId });
    if (out.length >= limit) break;
  }
  return out;
}

/** Forgets the index (tests, or after a bulk import that bypassed the registry's writes). */
export function dropRegistryIndex(registry: Pick<Registry, "db">): void {
  holders.delete(registry.db);
}
