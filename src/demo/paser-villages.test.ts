import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PASER_VILLAGES } from "./paser-villages.ts";

function readCsv(file: string): string[][] {
  return readFileSync(new URL(`../../node_modules/idn-area-data/data/${file}`, import.meta.url), "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.startsWith("64.01."))
    .map((line) => line.split(","));
}

describe("PASER_VILLAGES", () => {
  it("is exactly the 144 villages of Kabupaten Paser in idn-area-data, with their kecamatan names", () => {
    const districts = new Map(readCsv("districts.csv").map(([code, , name]) => [code, name?.trim()]));
    const fromPackage = readCsv("villages.csv").map(([code, districtCode, name]) => ({
      code,
      name: name?.trim(),
      districtCode,
      districtName: districts.get(districtCode ?? ""),
    }));
    expect(fromPackage).toHaveLength(144);
    expect(PASER_VILLAGES).toEqual(fromPackage);
  });

  it("spans the ten kecamatan of the regency", () => {
    expect(new Set(PASER_VILLAGES.map((v) => v.districtCode)).size).toBe(10);
  });
});
