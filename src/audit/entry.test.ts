import { describe, expect, it } from "vitest";
import {
  type AuditEntryContent,
  chainHash,
  diffRecords,
  entryDocument,
  GENESIS_HASH,
  snapshotRecord,
} from "./entry.ts";
import { historyItem, MASKED_MARKER } from "./history.ts";

const entry: AuditEntryContent = {
  seq: 7,
  at: "2026-11-25T01:02:03.004Z",
  actor: { id: null, name: "Operator Desa Lolo", role: "village_operator", area: "64.01.05.2002" },
  action: "person.update",
  entity: "person",
  entityId: "p-1",
  area: "64.01.05.2002/RT003",
  before: { name: "Siti", rt: "003" },
  after: { rt: "004", name: "Siti Aminah" },
  reason: "salah ketik",
  requestId: "r-1",
};
const commit = (field: string, value: string) => `c(${field}:${value})`;
const PERSONAL = new Set(["nik", "address"]);

describe("audit entry hashing", () => {
  it("is canonical: key order in before/after does not change the document", () => {
    const shuffled = {
      ...entry,
      after: { name: "Siti Aminah", rt: "004" },
      before: { rt: "003", name: "Siti" },
    };
    expect(entryDocument(shuffled)).toBe(entryDocument(entry));
    expect(entryDocument(entry)).toContain('"after":{"name":"Siti Aminah","rt":"004"}');
  });

  it("changes the hash when any field, the previous hash or the seq changes", () => {
    const base = chainHash(GENESIS_HASH, entryDocument(entry));
    expect(chainHash(GENESIS_HASH, entryDocument({ ...entry, reason: "salah ketik." }))).not.toBe(base);
    expect(chainHash(GENESIS_HASH, entryDocument({ ...entry, seq: 8 }))).not.toBe(base);
    expect(chainHash("1".repeat(64), entryDocument(entry))).not.toBe(base);
  });
});

describe("before/after of a record", () => {
  it("keeps only changed fields and commits personal ones", () => {
    const diff = diffRecords(
      { name: "Siti", nik: "6401054507880003", address: "Jl. A", rt: "003" },
      { name: "Siti", nik: "6401054507880004", address: "Jl. A", rt: "004" },
      PERSONAL,
      commit,
    );
    expect(diff).toEqual({
      before: { nik: { $commitment: "c(nik:6401054507880003)" }, rt: "003" },
      after: { nik: { $commitment: "c(nik:6401054507880004)" }, rt: "004" },
    });
    expect(diffRecords({ a: 1 }, { a: 1 }, PERSONAL, commit)).toBeNull();
  });

  it("snapshots a new record without empty fields and without personal values", () => {
    expect(snapshotRecord({ name: "Siti", nik: "640105", address: null }, PERSONAL, commit)).toEqual({
      name: "Siti",
      nik: { $commitment: "c(nik:640105)" },
    });
  });

  it("shows personal changes in the history only as a marker", () => {
    const item = historyItem({
      ...entry,
      before: { nik: { $commitment: "x" }, address: null, rt: "003" },
      after: { nik: { $commitment: "y" }, address: { $commitment: "z" }, rt: "004" },
    });
    expect(item.changes).toEqual([
      { field: "nik", before: MASKED_MARKER, after: MASKED_MARKER, masked: true },
      { field: "address", after: MASKED_MARKER, masked: true },
      { field: "rt", before: "003", after: "004" },
    ]);
    expect(JSON.stringify(item)).not.toMatch(/\$commitment/);
  });
});
