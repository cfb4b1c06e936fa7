import { describe, expect, it } from "vitest";
import { buildRegionCatalog, dottedRegionCode, loadRegionCatalog, regionDisplayName } from "./catalog.ts";

const catalog = loadRegionCatalog();
const names = (regions: readonly { name: string }[]) => regions.map((r) => r.name);

describe("loadRegionCatalog", () => {
  it("loads once and hands out the same catalog afterwards", () => {
    expect(loadRegionCatalog()).toBe(catalog);
  });

  it("holds every level of idn-area-data 3.1.2", () => {
    expect(catalog.all("province")).toHaveLength(38);
    expect(catalog.all("regency")).toHaveLength(514);
    expect(catalog.all("district")).toHaveLength(7277);
    expect(catalog.all("village")).toHaveLength(83763);
    expect(catalog.all()).toHaveLength(38 + 514 + 7277 + 83763);
  });

  it("lists parents before children, so a table can be filled in one pass", () => {
    const seen = new Set<string>();
    for (const region of catalog.all()) {
      if (region.parentCode !== null) expect(seen.has(region.parentCode)).toBe(true);
      seen.add(region.code);
    }
  });

  it("finds Kabupaten Paser's 10 kecamatan, Batu Sopang to Muara Samu", () => {
    const districts = catalog.districtsOf("64.01");
    expect(districts).toHaveLength(10);
    expect(names(districts)).toEqual([
      "Batu Sopang",
      "Tanjung Harapan",
      "Paser Belengkong",
      "Tanah Grogot",
      "Kuaro",
      "Long Ikis",
      "Muara Komam",
      "Long Kali",
      "Batu Engau",
      "Muara Samu",
    ]);
    expect(districts.every((d) => d.level === "district" && d.parentCode === "64.01")).toBe(true);
  });

  it("finds Kabupaten Paser's 144 villages", () => {
    const villages = catalog.villagesOf("64.01");
    expect(villages).toHaveLength(144);
    expect(villages.every((v) => v.level === "village" && v.code.startsWith("64.01."))).toBe(true);
  });

  it("gives the path of Kuaro from its province down", () => {
    expect(names(catalog.path("64.01.05"))).toEqual(["Kalimantan Timur", "Kabupaten Paser", "Kuaro"]);
    expect(catalog.path("64.01.05").map((r) => r.level)).toEqual(["province", "regency", "district"]);
  });

  it("gives the path of a village down to the village itself", () => {
    const village = catalog.children("64.01.05")[0];
    expect(village).toBeDefined();
    expect(catalog.path(village?.code ?? "").map((r) => r.level)).toEqual([
      "province",
      "regency",
      "district",
      "village",
    ]);
  });

  it("accepts the bare codes a NIK carries", () => {
    expect(catalog.get("640105")?.name).toBe("Kuaro");
    expect(catalog.get("6401")?.name).toBe("Kabupaten Paser");
    expect(catalog.get("64")?.name).toBe("Kalimantan Timur");
  });

  it("answers unknown codes with nothing rather than an error", () => {
    expect(catalog.get("64.99")).toBeUndefined();
    expect(catalog.children("64.99")).toEqual([]);
    expect(catalog.path("64.99.01")).toEqual([]);
    expect(catalog.districtsOf("64")).toEqual([]);
    expect(catalog.villagesOf("64.01.05")).toEqual([]);
  });

  it("reads the villages on the first question about one, whichever question it is", () => {
    expect(buildRegionCatalog().get("64.01.05.2002")?.level).toBe("village");
    expect(buildRegionCatalog().children("64.01.05").length).toBeGreaterThan(0);
    expect(buildRegionCatalog().path("6401052002")).toHaveLength(4);
    expect(buildRegionCatalog().villagesOf("64.01")).toHaveLength(144);
    expect(buildRegionCatalog().all("village")).toHaveLength(83763);
  });

  it("keeps kecamatan and village names as the package writes them", () => {
    expect(catalog.get("35.13.15.2017")?.name).toBe('Soka"an');
  });
});

describe("regionDisplayName", () => {
  it.each([
    ["KALIMANTAN TIMUR", "Kalimantan Timur"],
    ["KABUPATEN PASER", "Kabupaten Paser"],
    ["KOTA BALIKPAPAN", "Kota Balikpapan"],
    ["DKI JAKARTA", "DKI Jakarta"],
    ["DI YOGYAKARTA", "DI Yogyakarta"],
    ["DAERAH ISTIMEWA YOGYAKARTA", "Daerah Istimewa Yogyakarta"],
    ["KABUPATEN PANGKAJENE DAN KEPULAUAN", "Kabupaten Pangkajene dan Kepulauan"],
    ["KOTA ADMINISTRASI JAKARTA PUSAT", "Kota Administrasi Jakarta Pusat"],
    ["KOTA BAU-BAU", "Kota Bau-Bau"],
  ])("writes %s as %s", (upper, display) => {
    expect(regionDisplayName(upper)).toBe(display);
  });

  it("is what the catalog shows for provinces and regencies", () => {
    expect(catalog.get("31")?.name).toBe("DKI Jakarta");
    expect(catalog.get("73.10")?.name).toBe("Kabupaten Pangkajene dan Kepulauan");
    expect(catalog.all("regency").every((r) => /^(Kabupaten|Kota) /.test(r.name))).toBe(true);
  });
});

describe("dottedRegionCode", () => {
  it.each([
    ["64", "64"],
    ["6401", "64.01"],
    ["640105", "64.01.05"],
    ["6401052002", "64.01.05.2002"],
    ["64.01.05", "64.01.05"],
    ["640", "640"],
  ])("reads %s as %s", (code, dotted) => {
    expect(dottedRegionCode(code)).toBe(dotted);
  });
});
