import { describe, expect, it } from "vitest";
import type { ImportIssue } from "./import-api.ts";
import { fileProblem, fileSizeText, layoutMapping, MAX_FILE_BYTES, wholeRows } from "./import-rules.ts";

const issue = (row: number, code = "NAME_MISSING"): ImportIssue => ({
  row,
  column: 3,
  columnLabel: "D (NAMA)",
  field: "name",
  code,
  severity: "error",
  message: code,
  params: {},
});

describe("which files the upload form sends", () => {
  it.each([
    ["daftar.csv", 10, null],
    ["DAFTAR BLT.XLSX", 10, null],
    ["daftar.xls", 10, "IMPORT_FILE_OLD_EXCEL"],
    ["daftar.pdf", 10, "IMPORT_FILE_TYPE"],
    ["daftar", 10, "IMPORT_FILE_TYPE"],
    ["daftar.csv", 0, "IMPORT_FILE_EMPTY"],
    ["daftar.xlsx", MAX_FILE_BYTES, null],
    ["daftar.xlsx", MAX_FILE_BYTES + 1, "IMPORT_FILE_TOO_LARGE"],
  ])("%s of %i bytes: %s", (name, size, code) => {
    expect(fileProblem({ name, size }, "id")?.code ?? null).toBe(code);
  });

  it("names the size and the limit when a file is too large", () => {
    expect(fileProblem({ name: "besar.csv", size: 300 * 1024 * 1024 }, "id")?.params).toEqual({
      size: "300 MB",
      limit: "256 MB",
    });
  });

  it("writes sizes with the language's decimal mark", () => {
    expect(fileSizeText(512, "id")).toBe("512 B");
    expect(fileSizeText(1536, "id")).toBe("1,5 KB");
    expect(fileSizeText(1536, "en")).toBe("1.5 KB");
    expect(fileSizeText(3.25 * 1024 * 1024, "en")).toBe("3.3 MB");
  });
});

describe("paging findings by row", () => {
  it("shows a short page whole and offers no next page", () => {
    const page = [issue(2), issue(5), issue(5)];
    expect(wholeRows(page, 4)).toEqual({ shown: page, nextAfter: null });
  });

  it("holds back the last row of a full page, whose other findings may be on the next", () => {
    const page = [issue(2), issue(3), issue(7), issue(7, "DATE_INVALID")];
    expect(wholeRows(page, 4)).toEqual({ shown: [issue(2), issue(3)], nextAfter: 3 });
  });

  it("moves past a single row that fills a whole page", () => {
    const page = [issue(9), issue(9, "DATE_INVALID")];
    expect(wholeRows(page, 2)).toEqual({ shown: page, nextAfter: 9 });
  });
});

describe("the mapping a layout stands for", () => {
  const layout = {
    headers: ["NO", "NIK", "NAMA KRT", "TGL LAHIR", "KET"],
    mapping: { nik: 1, name: 2, birthDate: 3 },
  };

  it("maps every recognised header to its field", () => {
    expect(layoutMapping(layout)).toEqual({ NIK: "nik", "NAMA KRT": "name", "TGL LAHIR": "birthDate" });
  });

  it("puts the officer's changes on top: a new field, an ignored column", () => {
    expect(layoutMapping(layout, { KET: "address", "TGL LAHIR": "ignore" })).toEqual({
      NIK: "nik",
      "NAMA KRT": "name",
      "TGL LAHIR": "ignore",
      KET: "address",
    });
  });

  it("is empty when no header was found", () => {
    expect(layoutMapping(null)).toEqual({});
  });
});
