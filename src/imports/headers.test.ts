import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "../regions/catalog.ts";
import { columnLetter, detectHeader, fieldOfHeader, mapHeaders } from "./headers.ts";
import { createVillageResolver, nameSimilarity } from "./villages.ts";

describe("header recognition", () => {
  it.each([
    ["NIK", "nik"],
    ["No. NIK", "nik"],
    ["Nomor Induk Kependudukan", "nik"],
    ["NO KK", "kk"],
    ["No. Kartu Keluarga", "kk"],
    ["NAMA LENGKAP", "name"],
    ["Nama KRT", "name"],
    ["TGL. LAHIR", "birthDate"],
    ["Tanggal_Lahir", "birthDate"],
    ["TTL", "birthPlaceDate"],
    ["L/P", "sex"],
    ["Jenis Kelamin", "sex"],
    ["DESA/KELURAHAN", "villageName"],
    ["Desa/Kel", "villageName"],
    ["KODE DESA", "villageCode"],
    ["KEC.", "districtName"],
    ["RT/RW", "rtRw"],
    ["No. HP", "phone"],
    ["Penghasilan per Bulan", "monthlyIncome"],
  ])("takes %s as %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it("finds the header under a title block, and lists what it did not recognise", () => {
    const rows = [
      ["DAFTAR PENERIMA BLT UMKM KABUPATEN PASER"],
      ["TAHAP 2 TAHUN 2026"],
      [],
      ["NO", "NIK", "NAMA", "DESA", "KETERANGAN"],
    ].map((cells, i) => ({ number: i + 1, cells }));
    const found = detectHeader(rows);
    expect(found?.headerRow).toBe(4);
    expect(found?.mapping).toEqual({ nik: 1, name: 2, villageName: 3 });
    expect(found?.unmapped).toEqual([
      { column: 0, header: "NO" },
      { column: 4, header: "KETERANGAN" },
    ]);
  });

  it("lets a saved template name a column and ignore another", () => {
    const mapped = mapHeaders(["NAMA PEMILIK KIOS", "NIK", "NAMA"], {
      "nama pemilik kios": "name",
      NAMA: "ignore",
    });
    expect(mapped.mapping).toEqual({ name: 0, nik: 1 });
  });

  it("keeps the first of two columns claiming one field", () => {
    expect(mapHeaders(["NAMA", "NAMA LENGKAP"]).duplicates).toEqual([
      { column: 1, header: "NAMA LENGKAP", field: "name" },
    ]);
  });

  it("finds no header without a name column", () => {
    expect(detectHeader([{ number: 1, cells: ["NIK", "NO KK", "DESA"] }])).toBeNull();
  });

  it("names columns as a spreadsheet does", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("desa by name or code", () => {
  const regions = loadRegionCatalog();
  const villages = createVillageResolver(regions, "64.01");
  const someVillage = regions.villagesOf("64.01")[0];
  if (!someVillage) throw new Error("no villages in the catalog");
  const district = regions.get(someVillage.parentCode ?? "");

  it("resolves a dotted or bare code", () => {
    expect(villages.resolve({ code: someVillage.code })).toEqual({ ok: true, code: someVillage.code });
    expect(villages.resolve({ code: someVillage.code.replace(/\./g, "") })).toEqual({
      ok: true,
      code: someVillage.code,
    });
  });

  it("resolves a name written with a prefix and in capitals, within its kecamatan", () => {
    const result = villages.resolve({
      name: `DESA ${someVillage.name.toUpperCase()}`,
      districtName: `Kec. ${district?.name}`,
    });
    expect(result).toEqual({ ok: true, code: someVillage.code });
  });

  it("suggests the nearest names for a mistyped desa", () => {
    const typo = `${someVillage.name.slice(0, -1)}x`;
    const result = villages.resolve({ name: typo, districtName: district?.name ?? null });
    expect(result).toMatchObject({ ok: false, code: "VILLAGE_NAME_UNKNOWN_SUGGEST" });
    expect(result.ok ? "" : result.params.suggestions).toContain(someVillage.name);
  });

  it("refuses a code of another regency", () => {
    const elsewhere = regions.villagesOf("64.02")[0];
    expect(villages.resolve({ code: elsewhere?.code ?? "" })).toMatchObject({
      ok: false,
      code: "VILLAGE_OUTSIDE_REGENCY",
    });
  });

  it("asks for the kecamatan when a desa name exists in two, and finds it once the kecamatan is given", () => {
    // Kutai Kartanegara has a Sidomulyo in two kecamatan (64.02.04 and 64.02.12).
    const kukar = createVillageResolver(regions, "64.02");
    expect(kukar.resolve({ name: "Sidomulyo" })).toMatchObject({ ok: false, code: "VILLAGE_NAME_AMBIGUOUS" });
    const district = regions.get("64.02.12")?.name ?? "";
    expect(kukar.resolve({ name: "Sidomulyo", districtName: district })).toEqual({
      ok: true,
      code: "64.02.12.2010",
    });
  });

  it("measures name similarity from 0 to 1", () => {
    expect(nameSimilarity("tanah grogot", "tanah grogot")).toBe(1);
    expect(nameSimilarity("tanah grogot", "tanah grogol")).toBeGreaterThan(0.9);
    expect(nameSimilarity("abc", "")).toBe(0);
  });
});
