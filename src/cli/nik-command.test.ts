import { describe, expect, it } from "vitest";
import { loadRegionCatalog } from "../regions/catalog.ts";
import { renderNikCheck } from "./nik-command.ts";

const regions = loadRegionCatalog();
const today = "2026-11-25";

describe("salur nik check", () => {
  it("prints the region path, sex and birth date of the reference NIK", () => {
    const report = renderNikCheck("6401054507880003", { language: "id", json: false, today, regions });
    expect(report.exitCode).toBe(0);
    expect(report.output).toContain("Kalimantan Timur / Kabupaten Paser / Kuaro");
    expect(report.output).toContain("perempuan");
    expect(report.output).toContain("5 Juli 1988");
  });

  it("speaks English when asked", () => {
    const report = renderNikCheck("6401054507880003", { language: "en", json: false, today, regions });
    expect(report.output).toContain("female");
  });

  it("explains why an invalid NIK fails and exits 1", () => {
    const report = renderNikCheck("6401053102880003", { language: "id", json: true, today, regions });
    expect(report.exitCode).toBe(1);
    const parsed = JSON.parse(report.output);
    expect(parsed.valid).toBe(false);
    expect(parsed.errors[0].code).toMatch(/^NIK_BIRTHDATE/);
    expect(parsed.errors[0].message).toContain("Februari");
  });
});
