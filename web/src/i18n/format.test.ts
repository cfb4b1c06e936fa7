import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ageOn,
  formatDate,
  formatDateInput,
  formatDateTime,
  formatNumber,
  formatRupiah,
  formatRupiahCompact,
  parseDateInput,
} from "./format.ts";

// Every case runs west of UTC, where midnight UTC is still the previous day: the trap a date-only value must
// avoid. Node applies a TZ assignment at once (the web tsconfig has no Node types, hence the cast).
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const zone = env.TZ;
beforeAll(() => {
  env.TZ = "America/Los_Angeles";
});
afterAll(() => {
  env.TZ = zone;
});

describe("formatRupiahCompact", () => {
  it.each([
    // The figure and its unit are held together by a no-break space, so a narrow label never splits them.
    [600_000, "id", "Rp 600\u00a0rb"],
    [1_234_567, "id", "Rp 1,2\u00a0jt"],
    [1_234_567_890, "id", "Rp 1,2\u00a0M"],
    [1_234_567_890, "en", "Rp 1.2bn"],
    [-600_000, "id", "-Rp 600\u00a0rb"],
  ] as const)("writes %i in %s as %j", (amount, language, text) => {
    expect(formatRupiahCompact(amount, language)).toBe(text);
  });
});

describe("formatRupiah", () => {
  it.each([
    [0, "Rp 0"],
    [50_000, "Rp 50.000"],
    [1_200_000, "Rp 1.200.000"],
    [636_000_000, "Rp 636.000.000"],
    [-50_000, "-Rp 50.000"],
  ])("writes %d as %s", (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it("shows a dash for an amount that was not recorded", () => {
    expect(formatRupiah(null)).toBe("–");
    expect(formatRupiah(undefined)).toBe("–");
  });

  it("keeps every digit of any whole-rupiah amount, grouped by thousands with dots", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const text = formatRupiah(amount);
        expect(text).toMatch(/^Rp \d{1,3}(\.\d{3})*$/);
        expect(Number(text.slice(3).replaceAll(".", ""))).toBe(amount);
      }),
    );
  });
});

describe("formatDate", () => {
  it.each([
    ["1990-02-05", "id", "5 Februari 1990"],
    ["1990-02-05", "en", "5 February 1990"],
    ["2026-12-31", "id", "31 Desember 2026"],
  ] as const)("writes %s in %s as %s", (date, language, text) => {
    expect(formatDate(date, language)).toBe(text);
  });

  it("never shifts a calendar date by the viewer's time zone", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2099-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (instant) => {
          const iso = instant.toISOString().slice(0, 10);
          expect(formatDate(iso, "id").startsWith(`${Number(iso.slice(8, 10))} `)).toBe(true);
        },
      ),
    );
  });

  it("shows a dash when there is no date and the raw text when it is not a date", () => {
    expect(formatDate(null, "id")).toBe("–");
    expect(formatDate("bukan tanggal", "id")).toBe("bukan tanggal");
  });
});

describe("formatDateTime and formatNumber", () => {
  it("names the month in the interface language", () => {
    expect(formatDateTime("2026-11-25T03:04:00Z", "id")).toMatch(/November 2026/);
    expect(formatDateTime("2026-08-25T03:04:00Z", "id")).toMatch(/Agustus 2026/);
    expect(formatDateTime("2026-08-25T03:04:00Z", "en")).toMatch(/August 2026/);
  });

  it("groups thousands the Indonesian way in Indonesian and the English way in English", () => {
    expect(formatNumber(20_130, "id")).toBe("20.130");
    expect(formatNumber(20_130, "en")).toBe("20,130");
  });
});

describe("ageOn", () => {
  it.each([
    ["1990-02-05", "2026-02-04", 35],
    ["1990-02-05", "2026-02-05", 36],
    ["2000-02-29", "2026-02-28", 25],
    ["2000-02-29", "2026-03-01", 26],
  ])("someone born %s is, on %s, %d years old", (birth, today, age) => {
    expect(ageOn(birth, today)).toBe(age);
  });
});

describe("dates typed in forms", () => {
  it.each([
    ["05/02/1990", "1990-02-05"],
    ["5/2/1990", "1990-02-05"],
    ["05-02-1990", "1990-02-05"],
    ["05.02.1990", "1990-02-05"],
    ["1990-02-05", "1990-02-05"],
    ["29/02/2024", "2024-02-29"],
  ])("reads %s as day/month/year, whatever the device language", (text, iso) => {
    expect(parseDateInput(text)).toBe(iso);
    expect(formatDateInput(iso)).toBe(iso === "2024-02-29" ? "29/02/2024" : "05/02/1990");
  });

  it.each(["31/02/2026", "29/02/2023", "13/13/2020", "00/01/2020", "05/02", "kemarin", ""])(
    "refuses %s, which is not a day",
    (text) => expect(parseDateInput(text)).toBeNull(),
  );
});
