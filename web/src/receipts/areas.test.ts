import { describe, expect, it } from "vitest";
import type { DetectionLevel } from "../../../src/receipts/codes.ts";
import { indexRegions, type Region } from "../regions/regions.ts";
import { areaName } from "./areas.ts";

const region = (code: string, name: string, level: Region["level"], parentCode: string | null): Region => ({
  code,
  name,
  level,
  parentCode,
});

const regions = indexRegions({
  regency: region("64.01", "Kabupaten Paser", "regency", "64"),
  districts: [
    {
      ...region("64.01.05", "Kuaro", "district", "64.01"),
      villages: [region("64.01.05.2002", "Lolo", "village", "64.01.05")],
    },
  ],
});

describe("a flagged area in words", () => {
  it.each<[DetectionLevel, string, string]>([
    ["desa", "64.01.05.2002", "Lolo"],
    ["rw", "64.01.05.2002/001", "Lolo · RW 001"],
    ["rt", "64.01.05.2002/001/003", "Lolo · RW 001 · RT 003"],
    ["rt", "64.01.05.2002/-/003", "Lolo · RT 003"],
    ["point", "64.01.05.2002@Balai Desa", "Lolo · Balai Desa"],
    ["officer", "64.01.05#Petugas Pos", "Petugas Pos (Kuaro)"],
  ])("names %s %s as %s", (level, area, expected) => {
    expect(areaName(level, area, regions)).toBe(expected);
  });

  it("keeps the code while the region names have not arrived", () => {
    expect(areaName("rw", "64.01.05.2002/001", undefined)).toBe("64.01.05.2002 · RW 001");
  });
});
