import { describe, expect, it } from "vitest";
import { assessZeroedColumn, normalizeIdNumber } from "./normalize.ts";

describe("normalizeIdNumber", () => {
  it.each([
    ["6401 0545 0788 0003", "6401054507880003"],
    ["64.01.05.450788.0003", "6401054507880003"],
    ["6401–0545–0788–0003", "6401054507880003"],
    ["'6401054507880003", "6401054507880003"],
    ["’6401054507880003", "6401054507880003"],
    ['="6401054507880003"', "6401054507880003"],
    ['"6401054507880003"', "6401054507880003"],
    ["6401054507880003.0", "6401054507880003"],
    ["  6401054507880003\t", "6401054507880003"],
  ])("turns %j into the bare digits", (raw, digits) => {
    expect(normalizeIdNumber(raw)).toEqual({ value: digits, damage: null });
  });

  it.each(["6.40105E+15", "6,40105E+15", "6.40105e+15", "6.4010545E15", " 6.40105E+15 "])(
    "reports %j as scientific notation that cannot be undone",
    (raw) => {
      expect(normalizeIdNumber(raw).damage).toBe("scientific_notation");
    },
  );

  it("leaves letters in place for the validator to name", () => {
    expect(normalizeIdNumber("6401O54507880003").value).toBe("6401O54507880003");
  });
});

describe("assessZeroedColumn", () => {
  const intact = Array.from(
    { length: 40 },
    (_, i) => `64010545078800${String((i % 9) + 1).padStart(2, "0")}`,
  );

  it("suspects a column where most numbers end in 0", () => {
    const zeroed = intact.map((nik) => `${nik.slice(0, 15)}0`);
    expect(assessZeroedColumn(zeroed)).toEqual({ checked: 40, endingInZero: 40, suspected: true });
  });

  it("does not suspect an intact column", () => {
    expect(assessZeroedColumn(intact)).toMatchObject({ checked: 40, endingInZero: 0, suspected: false });
  });

  it("does not judge a sample too small to tell", () => {
    expect(assessZeroedColumn(["6401054507880010", "6401054507880020"]).suspected).toBe(false);
  });
});
