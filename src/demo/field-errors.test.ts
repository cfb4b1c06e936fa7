import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  abbreviateName,
  addExtraSpaces,
  addressVariant,
  addTitle,
  appendNeighbourhood,
  changeCase,
  damageBirthDate,
  damageName,
  damageNik,
  dropMiddleName,
  formatNeighbourhood,
  NAME_VARIANT_GROUPS,
  nikDigitTypo,
  nikDropDigit,
  nikScientificNotation,
  nikSpreadsheetZeroed,
  nikTransposeAdjacent,
  phoneDigitTypo,
  phoneVariant,
  shiftDate,
  swapDayMonth,
  swapNameVariant,
  toNewSpelling,
  toOldSpelling,
  typo,
  yearOnly,
} from "./field-errors.ts";
import { Random } from "./random.ts";

const NIK = "6401054507880003"; // a woman born 5 July 1988 in Kuaro
const KK = "6401051203150007";
const digitsDiffering = (a: string, b: string) => [...a].filter((ch, i) => ch !== b[i]).length;
const levenshtein = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const held = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = held;
    }
  }
  return row[b.length] as number;
};
const nikArb = fc.stringMatching(/^\d{16}$/);

describe("name damage", () => {
  it.each([
    ["Suparman", "Soeparman"],
    ["Joko Susilo", "Djoko Soesilo"],
    ["Yusuf", "Joesoef"],
    ["Cahyono", "Tjahjono"],
    ["Rahmat", "Rahmat"],
  ])("writes %s in the old spelling as %s", (modern, old) => {
    expect(toOldSpelling(modern)).toBe(old);
  });

  it.each([
    ["Soeparman", "Suparman"],
    ["Djoko Soesilo", "Joko Susilo"],
    ["Tjipto", "Cipto"],
    ["SOEHARTO", "SUHARTO"],
  ])("brings the old spelling %s back as %s", (old, modern) => {
    expect(toNewSpelling(old)).toBe(modern);
  });

  it("swaps a word for another spelling of the same name within its group", () => {
    const rng = new Random(1);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const varied = swapNameVariant("Muhammad Rizky", rng);
      expect(varied).not.toBe("Muhammad Rizky");
      const [first, second] = varied.split(" ");
      const firstGroup = NAME_VARIANT_GROUPS.find((g) => g.includes("Muhammad"));
      const secondGroup = NAME_VARIANT_GROUPS.find((g) => g.includes("Rizky"));
      expect(firstGroup?.includes(first ?? "") || secondGroup?.includes(second ?? "")).toBe(true);
      seen.add(varied);
    }
    expect(seen).toContain("M. Rizky");
    expect(seen).toContain("Muhammad Rizki");
  });

  it.each([
    ["Siti Aminah", /^(Sitti|St\.) Aminah$/],
    ["Nur Hasanah", /^(Noor|Nor) Hasanah$/],
    ["Ahmad Fauzi", /^(Achmad|Akhmad|Ahmat|Achmat) Fauzi$/],
  ])("varies %s the way clerks do", (name, pattern) => {
    expect(swapNameVariant(name, new Random(4))).toMatch(pattern);
  });

  it("falls back to a letter-level habit when no word has a listed variant", () => {
    expect(swapNameVariant("Hasanuddin", new Random(2))).toBe("Hasanudin");
    expect(swapNameVariant("Xq", new Random(2))).toBe("Xq");
  });

  it("drops a middle name but keeps the first and the last", () => {
    expect(dropMiddleName("Muhammad Rizky Pratama", new Random(1))).toBe("Muhammad Pratama");
    expect(dropMiddleName("Siti Aminah", new Random(1))).toBe("Siti Aminah");
    const shorter = dropMiddleName("Andi Muhammad Yusuf Hamzah", new Random(3));
    expect(shorter.split(" ")).toHaveLength(3);
    expect(shorter).toMatch(/^Andi .* Hamzah$/);
  });

  it("abbreviates a word to its initial", () => {
    expect(abbreviateName("Sri Utami", new Random(1))).toBe("S. Utami");
    expect(abbreviateName("Slamet", new Random(1))).toBe("Slamet");
  });

  it("makes a typo one edit away, for every kind", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom("substitute", "delete", "insert", "transpose" as const),
        fc.constantFrom("Rahmawati", "Hasanuddin Lamba", "Sri Wahyuni"),
        (seed, kind, name) => {
          const damaged = typo(name, new Random(seed), kind);
          expect(damaged).not.toBe(name);
          const distance = levenshtein(name, damaged);
          expect(distance).toBeGreaterThanOrEqual(1);
          expect(distance).toBeLessThanOrEqual(2); // a transposition is two plain edits
        },
      ),
    );
  });

  it.each([
    ["hajj", "L", /^H\. Slamet Riyadi$/],
    ["hajj", "P", /^Hj\. Slamet Riyadi$/],
    ["degree", "P", /^Slamet Riyadi, (S|A)\.\w+/],
    ["honorific", "L", /^(Bapak|Bpk\.|Pak) Slamet Riyadi$/],
  ] as const)("adds a %s title for sex %s", (kind, sex, pattern) => {
    expect(addTitle("Slamet Riyadi", sex, new Random(7), kind)).toMatch(pattern);
  });

  it.each([
    ["upper", "SITI NUR AISYAH"],
    ["lower", "siti nur aisyah"],
    ["title", "Siti Nur Aisyah"],
  ] as const)("changes case to %s", (letterCase, expected) => {
    expect(changeCase("siti NUR Aisyah", letterCase)).toBe(expected);
  });

  it("adds spaces that disappear when whitespace is normalised", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const spaced = addExtraSpaces("Siti Aminah", new Random(seed));
        expect(spaced).not.toBe("Siti Aminah");
        expect(spaced.trim().replace(/\s+/g, " ")).toBe("Siti Aminah");
      }),
    );
  });

  it("always changes the name and reports the damage actually applied", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom("Muhammad Rizky Pratama", "Sumarni", "Yohanis Rante"),
        (seed, name) => {
          const { name: damaged, kind } = damageName(name, "L", new Random(seed));
          expect(damaged).not.toBe(name);
          expect([
            "variant",
            "old_spelling",
            "drop_middle",
            "abbreviate",
            "typo",
            "title",
            "case",
            "spaces",
          ]).toContain(kind);
        },
      ),
    );
  });
});

describe("NIK damage", () => {
  it("mistypes exactly one digit", () => {
    fc.assert(
      fc.property(nikArb, fc.integer(), (nik, seed) => {
        const damaged = nikDigitTypo(nik, new Random(seed));
        expect(damaged).toMatch(/^\d{16}$/);
        expect(digitsDiffering(nik, damaged)).toBe(1);
      }),
    );
  });

  it("swaps two neighbouring, different digits", () => {
    fc.assert(
      fc.property(nikArb, fc.integer(), (nik, seed) => {
        fc.pre(new Set(nik).size > 1);
        const damaged = nikTransposeAdjacent(nik, new Random(seed));
        expect(digitsDiffering(nik, damaged)).toBe(2);
        const at = [...nik].findIndex((ch, i) => ch !== damaged[i]);
        expect(damaged[at]).toBe(nik[at + 1]);
        expect(damaged[at + 1]).toBe(nik[at]);
        expect([...damaged].sort().join("")).toBe([...nik].sort().join(""));
      }),
    );
  });

  it("zeroes the last digit as a spreadsheet keeping 15 significant digits does", () => {
    expect(nikSpreadsheetZeroed(NIK)).toBe("6401054507880000");
    expect(Number(NIK).toPrecision(15)).toBe("6.40105450788000e+15");
  });

  it("writes the scientific notation Excel shows, with a decimal comma by default", () => {
    expect(nikScientificNotation(NIK)).toBe("6,40105E+15");
    expect(nikScientificNotation(NIK, ".")).toBe("6.40105E+15");
    expect(nikScientificNotation("1000000000000000")).toBe("1E+15");
  });

  it("loses one digit", () => {
    const damaged = nikDropDigit(NIK, new Random(1));
    expect(damaged).toHaveLength(15);
  });

  it.each([
    ["digit_typo", (v: string | null) => v !== null && digitsDiffering(NIK, v) === 1],
    ["transposition", (v: string | null) => v !== null && digitsDiffering(NIK, v) === 2],
    ["spreadsheet_zeroed", (v: string | null) => v === "6401054507880000"],
    ["kk_in_nik_field", (v: string | null) => v === KK],
    ["missing", (v: string | null) => v === null],
  ] as const)("applies %s when asked", (kind, holds) => {
    const result = damageNik(NIK, KK, new Random(3), kind);
    expect(result.kind).toBe(kind);
    expect(holds(result.nik)).toBe(true);
  });

  it("turns a spreadsheet zero into a digit typo when the last digit is already zero", () => {
    const result = damageNik("6401054507880010", KK, new Random(3), "spreadsheet_zeroed");
    expect(result.kind).toBe("digit_typo");
    expect(result.nik).not.toBe("6401054507880010");
  });
});

describe("birth date damage", () => {
  it.each([
    ["1988-07-05", "1988-05-07"],
    ["1988-07-25", "1988-07-25"],
    ["1988-07-07", "1988-07-07"],
  ])("swaps day and month of %s when it can: %s", (date, expected) => {
    expect(swapDayMonth(date)).toBe(expected);
  });

  it.each([
    ["2000-01-31", "day", 1, "2000-02-01"],
    ["2000-03-01", "day", -1, "2000-02-29"],
    ["2000-01-31", "month", 1, "2000-02-29"],
    ["2000-01-15", "month", -1, "1999-12-15"],
    ["2000-02-29", "year", 1, "2001-02-28"],
  ] as const)("shifts %s by one %s (%i) to a real date %s", (date, unit, delta, expected) => {
    expect(shiftDate(date, unit, delta)).toBe(expected);
  });

  it("keeps only the year, written with a convention date, and never returns the date unchanged", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom("1988-07-05", "1970-07-01", "2001-12-31", "1965-01-01"),
        (seed, date) => {
          const result = yearOnly(date, new Random(seed));
          expect(result).toMatch(/^\d{4}-(07-01|12-31|01-01)$/);
          expect(result.slice(0, 4)).toBe(date.slice(0, 4));
          expect(result).not.toBe(date);
        },
      ),
    );
  });

  it("always damages the date or drops it, and reports what it did", () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom("1988-07-05", "1990-12-25", "2004-02-29"), (seed, date) => {
        const { birthDate, kind } = damageBirthDate(date, new Random(seed));
        expect(birthDate).not.toBe(date);
        if (kind === "missing") expect(birthDate).toBeNull();
        else expect(birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });

  it("falls back to one day off when day and month cannot be swapped", () => {
    expect(damageBirthDate("1990-12-25", new Random(1), "day_month_swap")).toEqual(
      expect.objectContaining({ kind: "off_by_one" }),
    );
  });
});

describe("address, RT/RW and phone variants", () => {
  it("writes the street and the number differently but keeps the street name", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const varied = addressVariant("Jl. Kusuma Bangsa No. 12", new Random(seed));
        expect(varied).not.toBe("Jl. Kusuma Bangsa No. 12");
        expect(varied.toLowerCase()).toContain("kusuma bangsa");
        expect(varied).toMatch(/12$/);
      }),
    );
  });

  it.each([
    ["003", "plain", "3"],
    ["3", "three_digits", "003"],
    ["012", "two_digits", "12"],
    ["7", "two_digits", "07"],
  ] as const)("formats RT %s as %s: %s", (value, style, expected) => {
    expect(formatNeighbourhood(value, style)).toBe(expected);
  });

  it.each([
    ["spaced", "Jl. Mawar No. 3 RT 003 RW 001"],
    ["slashed", "Jl. Mawar No. 3 RT 3/RW 1"],
    ["dotted", "Jl. Mawar No. 3 RT.03/RW.01"],
  ] as const)("appends RT and RW to the address line, %s: %s", (format, expected) => {
    expect(appendNeighbourhood("Jl. Mawar No. 3", "003", "1", format)).toBe(expected);
  });

  it("writes the same phone number in another way that keeps its digits after the country code", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const varied = phoneVariant("081234567890", new Random(seed));
        expect(varied).not.toBe("081234567890");
        expect(varied.replace(/\D/g, "").replace(/^62/, "").replace(/^0/, "")).toBe("81234567890");
      }),
    );
  });

  it("mistypes one digit of a phone number but keeps its 08 prefix", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const damaged = phoneDigitTypo("081234567890", new Random(seed));
        expect(damaged.startsWith("08")).toBe(true);
        expect(digitsDiffering("081234567890", damaged)).toBe(1);
      }),
    );
  });
});
