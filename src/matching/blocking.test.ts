import { describe, expect, it } from "vitest";
import { type BlockingRule, DEFAULT_BLOCKING_RULES, generateCandidatePairs } from "./blocking.ts";
import { FeatureTable } from "./features.ts";
import { canonicalRanks, sortIndicesByKey } from "./order.ts";
import type { LinkageRecord } from "./types.ts";

const person = (recordId: string, fields: Partial<LinkageRecord>): LinkageRecord => ({
  source: "DINSOS",
  recordId,
  ...fields,
});

function candidates(records: LinkageRecord[], rules?: readonly BlockingRule[], maxBlockSize?: number) {
  const table = new FeatureTable();
  for (const record of records) table.add(record);
  const rank = canonicalRanks(table);
  const pairs = generateCandidatePairs(table, rank, { rules, maxBlockSize });
  const list = Array.from({ length: pairs.count }, (_, k) => [pairs.a[k] as number, pairs.b[k] as number]);
  return { pairs, list, rank };
}

describe("blocking", () => {
  it("emits a pair once even when it shares several blocking keys", () => {
    const record = {
      nik: "6401054507880003",
      name: "Siti Aminah",
      birthDate: "1988-07-05",
      villageCode: "6401052001",
      rw: "1",
    };
    const { list } = candidates([person("1", record), person("2", record)]);
    expect(list).toHaveLength(1);
  });

  it("pairs records whose NIK was damaged when name and birth date agree", () => {
    const { list } = candidates([
      person("1", { nik: "6401054507880003", name: "Siti Aminah", birthDate: "1988-07-05" }),
      person("2", { nik: "6401054507880000", name: "SITI AMINAH", birthDate: "05/07/1988" }),
    ]);
    expect(list).toHaveLength(1);
  });

  it("pairs records with a misspelt name and a missing NIK through birth date and desa", () => {
    const { list } = candidates([
      person("1", {
        nik: "6401054507880003",
        name: "Siti Aminah",
        birthDate: "1988-07-05",
        villageCode: "64.01.05.2001",
      }),
      person("2", { name: "Sitti Aminh", birthDate: "1988-07-05", villageCode: "6401052001" }),
    ]);
    expect(list).toHaveLength(1);
  });

  it("does not pair records that share no key", () => {
    const { list } = candidates([
      person("1", { nik: "6401054507880003", name: "Siti Aminah", birthDate: "1988-07-05" }),
      person("2", { nik: "6402011203950001", name: "Bambang", birthDate: "1995-03-12" }),
    ]);
    expect(list).toHaveLength(0);
  });

  it("orients every pair from the lower canonical rank to the higher", () => {
    const same = { name: "Rahmat", birthDate: "1970-01-01" };
    const { list, rank } = candidates([person("a", same), person("b", same), person("c", same)]);
    expect(list).toHaveLength(3);
    for (const [a, b] of list) expect(rank[a as number]).toBeLessThan(rank[b as number] as number);
  });

  it("skips and counts blocks above the size limit", () => {
    const placeholder = Array.from({ length: 5 }, (_, i) => person(String(i), { nik: "0000000000000000" }));
    const { pairs } = candidates(placeholder, [DEFAULT_BLOCKING_RULES[0] as BlockingRule], 4);
    expect(pairs.count).toBe(0);
    expect(pairs.rules[0]).toMatchObject({ oversizedBlocks: 1, skippedPairs: 10 });
  });
});

describe("radix ordering", () => {
  it("orders indices by key, keeping equal keys in input order", () => {
    const keys = Uint32Array.from([5, 0xffff0001, 3, 5, 0x10000, 0]);
    expect(Array.from(sortIndicesByKey(keys))).toEqual([5, 2, 0, 3, 4, 1]);
  });
});

describe("blocking without NIK or desa", () => {
  const base = { name: "Budi Santoso", birthDate: "1975-03-14", address: "Jl. Melati No 12 Sukamaju" };
  // Each row damages a field of a NIK-less, desa-less record; the named rule must still pair the two copies.
  const cases: { damage: string; copy: Partial<LinkageRecord>; rule: string }[] = [
    {
      damage: "first name misspelt",
      copy: { ...base, name: "Rudi Santoso" },
      rule: "surname_sound+birth_date",
    },
    {
      damage: "birth day and month off, names reordered",
      copy: { ...base, name: "Santoso Budi", birthDate: "1975-04-13" },
      rule: "sorted_name_sound+birth_year",
    },
    {
      damage: "name and birth date both damaged",
      copy: { ...base, name: "Bdi Sntoso", birthDate: "1957-03-14" },
      rule: "address_tokens",
    },
    {
      damage: "name rewritten and address moved",
      copy: { name: "Bambang Sutrisno", birthDate: "1975-03-14", address: "Dusun Krajan" },
      rule: "birth_date+no_identifier",
    },
    {
      damage: "birth date missing, address moved",
      copy: { name: "Santoso Budi", address: "Dusun Krajan" },
      rule: "sorted_name_sound",
    },
  ];
  it.each(cases)("$damage: found by $rule", ({ copy, rule }) => {
    const { pairs } = candidates([person("1", base), person("2", copy)]);
    expect(pairs.count).toBe(1);
    expect(pairs.rules.find((r) => r.pairs === 1)?.rule).toBe(rule);
  });

  it("leaves records with a NIK and a desa to the identifier rules", () => {
    const strong = { ...base, nik: "6401051403750003", villageCode: "6401052001" };
    const { pairs } = candidates([
      person("1", strong),
      person("2", { ...strong, nik: "6401051403750009", name: "Bdi Sntoso", birthDate: "1957-03-14" }),
    ]);
    expect(pairs.count).toBe(0);
  });

  it("pairs a record without NIK with its NIK-bearing copy, never two NIK-bearing records by those rules", () => {
    const strong = { ...base, nik: "6401051403750003", villageCode: "6401052001" };
    const { pairs } = candidates([
      person("1", strong),
      // Paper list: no NIK, no desa, birth day mistyped.
      person("2", { name: "Budi Santoso", birthDate: "1975-03-15", address: base.address }),
      // Another NIK-bearing person with the same name, year and address line: left to the identifier rules.
      person("3", { ...strong, nik: "6401051201750001", birthDate: "1975-01-12" }),
    ]);
    const byRule = Object.fromEntries(pairs.rules.map((r) => [r.rule, r.pairs]));
    expect(byRule["sorted_name_sound+birth_year"]).toBe(2); // 1–2 and 3–2, not 1–3
    expect(pairs.count).toBe(2);
  });
});
