import { describe, expect, it } from "vitest";
import { validateNik } from "../../../src/nik/index.ts";
import { indexRegions, LiveRegionLookup, type Region, type RegionTree } from "./regions.ts";

const region = (code: string, name: string, level: Region["level"], parentCode: string | null): Region => ({
  code,
  name,
  level,
  parentCode,
});

const TREE: RegionTree = {
  regency: region("64.01", "Kabupaten Paser", "regency", "64"),
  districts: [
    {
      ...region("64.01.05", "Kuaro", "district", "64.01"),
      villages: [region("64.01.05.2002", "Lolo", "village", "64.01.05")],
    },
  ],
};

const ELSEWHERE: Record<string, Region> = {
  "64": region("64", "Kalimantan Timur", "province", null),
  "35": region("35", "Jawa Timur", "province", null),
  "35.78": region("35.78", "Kota Surabaya", "regency", "35"),
  "35.78.01": region("35.78.01", "Karang Pilang", "district", "35.78"),
};

function lookup() {
  const fetched: string[] = [];
  let resolved = 0;
  const live = new LiveRegionLookup(
    TREE,
    () => resolved++,
    async (code) => {
      fetched.push(code);
      return ELSEWHERE[code] ?? null;
    },
  );
  return { live, fetched, resolvedCount: () => resolved };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("LiveRegionLookup", () => {
  it("answers the regency's own kecamatan from the tree without asking the server", () => {
    const { live, fetched } = lookup();
    expect(live.get("64.01.05")?.name).toBe("Kuaro");
    expect(live.get("64.01")?.name).toBe("Kabupaten Paser");
    expect(fetched).toEqual([]);
  });

  it("knows that a kecamatan code of this regency missing from the tree does not exist", () => {
    const { live, fetched } = lookup();
    expect(live.get("64.01.99")).toBeUndefined();
    expect(fetched).toEqual([]);
  });

  it("counts a code from elsewhere as known until the server says otherwise, then remembers the answer", async () => {
    const { live, fetched, resolvedCount } = lookup();
    expect(live.get("35.78.01")).toEqual({ name: "" });
    expect(live.get("35.99")).toEqual({ name: "" });
    await settle();
    expect(resolvedCount()).toBe(2);
    expect(live.get("35.78.01")?.name).toBe("Karang Pilang");
    expect(live.get("35.99")).toBeUndefined();
    live.get("35.78.01");
    expect(fetched).toEqual(["35.78.01", "35.99"]);
  });

  it("lets a NIK from another regency pass while typing, and explains it once the region is known to be wrong", async () => {
    const { live } = lookup();
    const nik = "3599014502900001";
    expect(validateNik(nik, { regions: live, today: "2026-11-25" }).valid).toBe(true);
    await settle();
    const later = validateNik(nik, { regions: live, today: "2026-11-25" });
    expect(later.errors.map((e) => e.code)).toEqual(["NIK_REGENCY_UNKNOWN"]);
  });
});

describe("indexRegions", () => {
  it("names codes and lists the desa of a kecamatan", () => {
    const index = indexRegions(TREE);
    expect(index.name("64.01.05.2002")).toBe("Lolo");
    expect(index.name("99.99")).toBe("99.99");
    expect(index.villagesOf("64.01.05").map((v) => v.name)).toEqual(["Lolo"]);
    expect(index.villagesOf("64.01.01")).toEqual([]);
  });
});
