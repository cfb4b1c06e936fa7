/**
 * The registry as a match index: every person's record (NIK, KK and phone opened through the vault) held in
 * memory once per process, so that a registration is matched against the whole registry while it is typed.
 * Built lazily on first use and kept current by `onPersonWritten`, which the registry calls on every write.
 */

import { gt, inArray } from "drizzle-orm";
import { type Database, giveWay } from "../db/index.ts";
import { generateLinkageDataset } from "../demo/source-lists.ts";
import { openBound, type Vault } from "../privacy/vault.ts";
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
  nikIndex: Uint8Array | null;
  kkCipher: Uint8Array | null;
  kkIndex: Uint8Array | null;
  phoneCipher: Uint8Array | null;
  phoneIndex: Uint8Array | null;
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
    nik: openBound(vault, "nik", row.nikCipher, row.nikIndex),
    kk: openBound(vault, "kk", row.kkCipher, row.kkIndex),
    phone: openBound(vault, "phone", row.phoneCipher, row.phoneIndex),
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
  /** Persons another process changed, waiting to be read (null inside: look for every person not held). */
  elsewhere: Set<string | null>;
  reading: Promise<void> | null;
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

const LINKAGE_COLUMNS = {
  id: persons.id,
  nikCipher: persons.nikCipher,
  nikIndex: persons.nikIndex,
  kkCipher: persons.kkCipher,
  kkIndex: persons.kkIndex,
  phoneCipher: persons.phoneCipher,
  phoneIndex: persons.phoneIndex,
  name: persons.name,
  sex: persons.sex,
  birthPlace: persons.birthPlace,
  birthDate: persons.birthDate,
  address: persons.address,
  villageCode: persons.villageCode,
  rt: persons.rt,
  rw: persons.rw,
};

export async function loadRegistryRecords(registry: RegistryHandle): Promise<LinkageRecord[]> {
  const rows = await registry.db.select(LINKAGE_COLUMNS).from(persons).orderBy(persons.id);
  return rows.map((row) => linkageRecordOf(row, registry.env.vault));
}

/** What the index needs of the registry: its database and the vault that opens NIK, KK and phone. */
type RegistryHandle = Pick<Registry, "db" | "env">;

function holderOf(registry: RegistryHandle): Holder {
  let holder = holders.get(registry.db);
  if (!holder) {
    holder = { state: null, building: null, pending: [], elsewhere: new Set(), reading: null };
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
export async function registryIndex(registry: RegistryHandle): Promise<IndexState> {
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

/**
 * The registry records of `personIds` as the index holds them (opened once when the index was built), in the
 * order given; a person the index does not know yet is skipped. Saves reading and decrypting the whole
 * registry again for a report about a few thousand persons.
 */
export async function registryRecordsOf(
  registry: Registry,
  personIds: readonly string[],
): Promise<{ records: LinkageRecord[]; model: MatchModel }> {
  const state = await registryIndex(registry);
  const records: LinkageRecord[] = [];
  for (const id of personIds) {
    const position = state.latest.get(id);
    const record = position === undefined ? undefined : state.index.record(position);
    if (record) records.push(record);
  }
  return { records, model: state.index.model };
}

/** Registry persons that may be the same person as `record`, best first, each person once. */
export async function matchAgainstRegistry(
  registry: RegistryHandle,
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

/**
 * After a bulk import that bypassed the registry's writes (it only creates persons): adds the persons the index
 * does not hold yet, reading back only those, and keeps the model. Rebuilding instead (reading and decrypting
 * the whole registry and training again) took about ten seconds on the demo and held up the import's end.
 */
export async function refreshRegistryIndex(registry: RegistryHandle): Promise<void> {
  const holder = holders.get(registry.db);
  if (!holder) return; // never built: the first query reads the registry, the import included
  if (!holder.state) {
    holders.delete(registry.db); // still reading: start again so that the import is included
    return;
  }
  const state = holder.state;
  // Read in pages with a turn between them: on PGlite one read of every id and the decryption of a whole import
  // held the one connection (and the main thread) for seconds.
  let after: string | null = null;
  for (;;) {
    const page: { id: string }[] = await registry.db
      .select({ id: persons.id })
      .from(persons)
      .where(after === null ? undefined : gt(persons.id, after))
      .orderBy(persons.id)
      .limit(READ_BACK_ROWS);
    const last = page.at(-1);
    if (!last) return;
    after = last.id;
    const unknown = page.map((r) => r.id).filter((id) => !state.latest.has(id));
    if (unknown.length > 0) {
      const rows = await registry.db
        .select(LINKAGE_COLUMNS)
        .from(persons)
        .where(inArray(persons.id, unknown))
        .orderBy(persons.id);
      for (const row of rows)
        if (!state.latest.has(row.id)) addTo(state, linkageRecordOf(row, registry.env.vault));
    }
    await giveWay();
  }
}

/** Persons read back per page after a bulk import (each decrypted and added on the main thread). */
const READ_BACK_ROWS = 500;

function sameRecord(a: LinkageRecord | undefined, b: LinkageRecord): boolean {
  if (!a) return false;
  for (const key of Object.keys(b) as (keyof LinkageRecord)[]) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Persons changed by a committed transaction of any process on the same PostgreSQL server (src/db/changes.ts):
 * those named are read back and added when they differ from what the index holds (this process's own writes
 * arrive here too, and are already held); `null` (a bulk load, or a lost listening connection) adds every
 * person the index does not hold yet. Reads are serialised so that a burst of changes costs one read at a time.
 */
export function onPersonsChangedElsewhere(registry: RegistryHandle, ids: string[] | null): void {
  const holder = holders.get(registry.db);
  if (!holder) return; // never built: the first query reads the registry, these persons included
  if (!holder.state) {
    holders.delete(registry.db); // still reading: start again, so that the change is included
    return;
  }
  if (ids) for (const id of ids) holder.elsewhere.add(id);
  else holder.elsewhere.add(null);
  if (holder.reading) return;
  holder.reading = (async () => {
    while (holder.elsewhere.size > 0 && holders.get(registry.db) === holder && holder.state) {
      const state = holder.state;
      const wanted = [...holder.elsewhere];
      holder.elsewhere.clear();
      if (wanted.includes(null)) await refreshRegistryIndex(registry);
      const named = wanted.filter((id): id is string => id !== null);
      for (let i = 0; i < named.length; i += 1000) {
        const rows = await registry.db
          .select(LINKAGE_COLUMNS)
          .from(persons)
          .where(inArray(persons.id, named.slice(i, i + 1000)));
        for (const row of rows) {
          const record = linkageRecordOf(row, registry.env.vault);
          const position = state.latest.get(row.id);
          if (!sameRecord(position === undefined ? undefined : state.index.record(position), record))
            addTo(state, record);
        }
      }
    }
  })()
    .catch((error) => {
      console.warn(`registry index: reading persons changed elsewhere failed: ${(error as Error).message}`);
      holders.delete(registry.db); // rebuilt from the database on the next query
    })
    .finally(() => {
      holder.reading = null;
    });
}

/** Starts building the index at start-up, so that the first registration or overlap report does not wait. */
export function warmRegistryIndex(registry: RegistryHandle): Promise<void> {
  return registryIndex(registry).then(
    () => undefined,
    () => undefined,
  );
}

/** Forgets the index (tests, or after a bulk import that bypassed the registry's writes). */
export function dropRegistryIndex(registry: Pick<Registry, "db">): void {
  holders.delete(registry.db);
}
