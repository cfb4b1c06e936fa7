import { describe, expect, it } from "vitest";
import {
  compareAddress,
  compareBirthDate,
  compareBirthPlace,
  compareKk,
  compareName,
  compareNeighbourhood,
  compareNik,
  compareOtherId,
  comparePhone,
  comparePostcode,
  compareSex,
  compareVillage,
  type NameFeature,
  oneSlipApart,
  oneTokenSlip,
  packDate,
  tokensCompatible,
  typoKind,
  withinEdits,
} from "./compare.ts";
import { comparePair, decodePattern, FIELD_INDEX } from "./comparison-vector.ts";
import { FeatureTable, Interner } from "./features.ts";
import { jaro, jaroWinkler } from "./jaro-winkler.ts";
import {
  normaliseAddress,
  normaliseBirthDate,
  normaliseName,
  normaliseOtherId,
  normalisePlace,
  normalisePostcode,
} from "./normalise.ts";
import { FIELD_LEVELS } from "./types.ts";

const levelName = <F extends keyof typeof FIELD_LEVELS>(field: F, level: number) =>
  FIELD_LEVELS[field][level];

describe("Jaro-Winkler", () => {
  it.each([
    ["martha", "marhta", 0.961],
    ["dwayne", "duane", 0.84],
    ["dixon", "dicksonx", 0.813],
    ["siti aminah", "siti aminah", 1],
    ["abc", "xyz", 0],
    ["", "abc", 0],
  ])("jaroWinkler(%s, %s) ≈ %s (Winkler's published values)", (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it("gives Jaro without the prefix bonus when the prefix differs", () => {
    expect(jaroWinkler("xartha", "yarhta")).toBeCloseTo(jaro("xartha", "yarhta"), 10);
  });

  it("handles names longer than its preallocated buffers", () => {
    const long = "a".repeat(200);
    expect(jaroWinkler(long, `${long}b`)).toBeGreaterThan(0.99);
  });
});

const NIK = "6401054507880003";
describe("NIK comparison", () => {
  it.each([
    ["exact", NIK, NIK, null, null],
    ["spreadsheet_zeroed", NIK, "6401054507880000", null, null],
    ["typo", NIK, "6401054507890003", null, null], // one digit off in the birth date part
    ["typo", NIK, "6401045507880003", null, null], // adjacent digits swapped
    ["same_region_birth", NIK, "6401054507880008", null, null], // one serial digit off: a neighbour's NIK too
    ["kk_in_nik", "6401050101100007", NIK, "6401050101100007", "6401050101100007"], // KK typed as NIK
    ["same_region_birth", NIK, "6401054507880121", null, null], // same kecamatan and birth date, other serial
    ["different", NIK, "6402011203950001", null, null],
    ["missing", NIK, null, null, null],
  ] as const)("%s: %s vs %s", (expected, a, b, kkA, kkB) => {
    expect(levelName("nik", compareNik(a, b, kkA, kkB))).toBe(expected);
    expect(levelName("nik", compareNik(b, a, kkB, kkA))).toBe(expected);
  });

  it("finds a KK in the NIK field even when only the other side carries that KK", () => {
    const kk = "6401050101100007";
    expect(levelName("nik", compareNik(kk, NIK, null, kk))).toBe("kk_in_nik");
  });

  it("gives no NIK evidence when a KK in the NIK field names another household", () => {
    expect(
      levelName("nik", compareNik("6401050101100007", NIK, "6401050101100007", "6401059999990001")),
    ).toBe("missing");
  });

  it("does not take a zeroed last digit for a spreadsheet slip when digit 15 differs too", () => {
    expect(levelName("nik", compareNik(NIK, "6401054507880010", null, null))).toBe("same_region_birth");
  });

  it("tells the two kinds of typo apart", () => {
    expect(typoKind("1234", "1235")).toBe("one_digit");
    expect(typoKind("1234", "1324")).toBe("transposition");
    expect(typoKind("1234", "4231")).toBeNull();
    expect(typoKind("1234", "123")).toBeNull();
  });
});

describe("KK and phone comparison", () => {
  it.each([
    ["exact", "6401050101100007", "6401050101100007"],
    ["typo", "6401050101100007", "6401050101100001"],
    ["typo", "6401050101100007", "6401050110100007"],
    ["different", "6401050101100007", "6401050202110003"],
    ["missing", "6401050101100007", null],
  ] as const)("KK %s: %s vs %s", (expected, a, b) => {
    expect(levelName("kk", compareKk(a, b))).toBe(expected);
  });

  it.each([
    ["exact", "081234567890", "081234567890"],
    ["typo", "081234567890", "081234567899"],
    ["different", "081234567890", "085298765432"],
    ["missing", null, "081234567890"],
  ] as const)("phone %s: %s vs %s", (expected, a, b) => {
    expect(levelName("phone", comparePhone(a, b))).toBe(expected);
  });
});

describe("name comparison", () => {
  const ids = new Interner();
  const feature = (raw: string): NameFeature | null => {
    const n = normaliseName(raw);
    if (!n) return null;
    const key = n.keys.join(" ");
    return {
      normId: ids.id(n.tokens.join(" ")),
      keyId: ids.id(key),
      sortedKeyId: ids.id([...n.keys].sort().join(" ")),
      firstTokenId: ids.id(n.keys[0] ?? ""),
      key,
      tokens: n.keys,
      writtenTokens: n.writtenKeys,
      initials: n.initials,
    };
  };
  const compare = (a: string, b: string) => levelName("name", compareName(feature(a), feature(b)));

  it.each([
    ["exact", "SITI AMINAH", "Siti Aminah"],
    ["exact", "Muhamad Rizky", "M. Rizky"], // a variant is the same name
    ["phonetic", "Rizky Pratama", "Rizki Pratama"], // a spelling of the same sound
    ["phonetic", "Rahmawati Siti", "Siti Rahmawati"], // reordered
    ["close", "Hasanuddin Nurdin", "Hasanudin Nurdim"], // one slip in a long name
    ["partial", "Muhammad Pratama", "Muhammad Rizky Pratama"], // dropped middle name
    ["partial", "Rizky A.", "Rizky Aditya"], // initial
    ["partial", "Aditya Rizky", "Rizky"], // dropped given name
    ["exact", "M. Rizky", "Muhammad Rizky"], // a leading M. is still read as Muhammad first
    ["partial", "M. Hidayah", "Mardiana Hidayah"], // … but may be the initial of another name
    ["partial", "M Hidayah", "Mardiana Hidayah"], // written without the dot
    ["partial", "H. M. Yusuf", "Maryam Yusuf"], // behind a title
    ["partial", "M. Hidayah", "Hidayah Mardiana"], // reordered
    ["partial", "M. Mulyadi", "Mulyadi Mardiana"], // the whole word is matched before the initial
    ["partial", "St. Aminah", "Sri Aminah"], // St. is Siti or a name starting with S
    ["partial", "M. Rizky Pratama", "Muhammad Pratama"], // expanded and matched as the whole word
    ["different", "M. Hidayah", "Nur Hidayah"], // the initial must agree
    ["different", "Moh. Hidayah", "Mardiana Hidayah"], // Moh. is only ever Muhammad, never an initial
    ["different", "M. Hidayah", "Mardiana"], // still one whole word in common
    ["different", "M. Rizky Hidayah", "Mardiana Hidayah"], // initials stand in on the shorter side only
    ["close", "Fatjmah Hairani", "Fatimah Hairani"], // a typo read as old spelling (tj → c): one slip as written
    ["close", "Siti Fatjmah Hairani", "Siti Fatimah Hairani"], // … inside a longer name
    ["fuzzy", "Mairani Nur", "Hairani Nur"], // a slip without old spelling is left to Jaro-Winkler
    ["different", "Fatjmah", "Fatimah"], // one word with a slip is too often another name
    ["different", "Fatimah", "Fatmawati"], // another name, not a slip
    ["fuzzy", "Fatimah Hairani", "Fatmawati Hairani"], // … not raised to close by the shared surname
    ["different", "Fatjmah Hairani", "Fatimah Hariyanto"], // the other words must be equal
    ["different", "Fatjmah Harani", "Fatimah Hairani"], // one slip in each word is two slips
    ["fuzzy", "Yudi Hartono", "Yuda Hartono"], // short words: one letter is another name
    ["fuzzy", "Dwi Lestari", "Dwi Lestiani"], // two slips in one word
    ["fuzzy", "Rahmawati", "Rahmadani"],
    ["different", "Siti Aminah", "Bambang Sutrisno"],
    ["one_word", "Noah Painter", "Noah Shepherd"], // the family name replaced
    ["one_word", "Siti Aminah", "Siti Rahayu Wulandari"], // the same first word, nothing else
    ["partial", "Noah", "Noah Shepherd"], // one word alone is partial, never one_word
    ["one_word", "Noah Painter", "James Painter"], // the given name replaced
    ["different", "Muh. Painter", "Mira Painter"], // the same first letter may be a shortening
    ["missing", "Siti Aminah", ""],
  ] as const)("%s: %s vs %s", (expected, a, b) => {
    expect(compare(a, b)).toBe(expected);
    expect(compare(b, a)).toBe(expected);
  });

  it.each([
    ["patima", "patyma", true], // replaced
    ["patima", "ptaima", true], // swapped neighbours
    ["patima", "patma", true], // dropped
    ["patima", "patimaa", true], // added at the end
    ["hairani", "mairani", true], // first letter
    ["patima", "patima", false], // equal is no slip
    ["patima", "patmawati", false],
    ["patima", "ptamia", false], // two swaps
    ["patima", "pacma", false], // replaced and dropped
    ["adi", "ani", false], // too short
    ["dewi", "dedi", false],
    ["sinta", "sinto", true], // five letters is long enough
    ["sinta", "sint", false], // … on both sides
  ] as const)("oneSlipApart(%s, %s) = %s", (a, b, expected) => {
    expect(oneSlipApart(a, b)).toBe(expected);
    expect(oneSlipApart(b, a)).toBe(expected);
  });

  it.each([
    [true, "Fatjmah Hairani", "Fatimah Hairani"], // one slip only as written (fatyma / patima)
    [true, "Hairani Fatjmah", "Hairani Fatimah"], // in either word
    [true, "Soekarni Fatjmah", "Sukarni Fatimah"], // next to genuine old spelling
    [true, "Tjahjo Soesilo", "Cahyo Susila"], // genuine old spelling, a slip in the modern form
    [false, "Hairani Siti", "Hiarani Siti"], // no old spelling on either side: left to Jaro-Winkler
    [false, "Adji Hairani", "Andi Hairani"], // short words (adyi / andi)
    [false, "Fatjmah Hairani", "Fatjmah Hairani"], // no slip at all
    [false, "Fatjmah Hairani", "Hairani Fatimah"], // reordered: two words differ
    [false, "Fatjmah Hairani", "Fatimah Hairani Siti"], // another word count
    [false, "Fatjmah", "Fatimah"], // a single word
    [false, "Fatjmah Harani", "Fatimah Hairani"], // two slips
  ] as const)("oneTokenSlip is %s for %s / %s", (expected, a, b) => {
    const x = feature(a);
    const y = feature(b);
    if (!x || !y) throw new Error("no name");
    expect(oneTokenSlip(x, y)).toBe(expected);
    expect(oneTokenSlip(y, x)).toBe(expected);
  });

  it("needs one whole word in common for the initials rule", () => {
    expect(tokensCompatible(["r", "a"], ["rizky", "aditya"])).toBe(false);
    expect(tokensCompatible(["rizky", "a"], ["rizky", "aditya"])).toBe(true);
    expect(tokensCompatible(["rizky", "aditya"], ["rizky", "a"])).toBe(true);
  });

  it.each([
    // [shorter-or-equal side, its initials mask, other side, other's mask, expected]
    [["muhamad", "hidaya"], 0b01, ["mardiana", "hidaya"], 0, true],
    [["muhamad", "hidaya"], 0b00, ["mardiana", "hidaya"], 0, false], // unflagged: muhammad is a whole word
    [["muhamad", "hidaya"], 0b10, ["mardiana", "hidaya"], 0, false], // only the flagged token may be an initial
    [["mardiana", "hidaya"], 0, ["muhamad", "hidaya"], 0b01, true], // either argument order
    [["muhamad", "mulyadi"], 0b01, ["mulyadi", "mardiana"], 0, true], // whole words first, then initials
    [["muhamad", "hidaya"], 0b01, ["nur", "hidaya"], 0, false],
    [["muhamad", "hidaya"], 0b01, ["muhamad", "hidaya"], 0, false], // same words: not a partial match
    [["mardiana", "hidaya"], 0, ["muhamad", "riski", "hidaya"], 0b001, false], // the longer side's flag is unused
  ] as const)(
    "initials rule with expanded abbreviations: %o (%i) vs %o (%i) → %s",
    (a, maskA, b, maskB, expected) => {
      expect(tokensCompatible(a, b, maskA, maskB)).toBe(expected);
      expect(tokensCompatible(b, a, maskB, maskA)).toBe(expected);
    },
  );
});

describe("birth date comparison", () => {
  const d = (raw: string) => packDate(normaliseBirthDate(raw));
  it.each([
    ["exact", "1985-07-21", "21/07/1985"],
    ["day_month_swapped", "1985-07-11", "1985-11-07"],
    ["day_month_swapped", "1985-07-21", "1985-21-07"], // impossible month 21 kept to recognise the swap
    ["one_unit_off", "1985-07-21", "1985-07-22"], // day
    ["one_unit_off", "1985-07-21", "1985-08-21"], // month
    ["one_unit_off", "1985-07-21", "1986-07-21"], // year
    ["same_year", "1985-07-21", "1985-01-01"], // only the year agrees (the 1 January placeholder)
    ["different", "1985-07-21", "1990-03-02"],
    ["missing", "1985-07-21", "unknown"],
  ] as const)("%s: %s vs %s", (expected, a, b) => {
    expect(levelName("birth_date", compareBirthDate(d(a), d(b)))).toBe(expected);
    expect(levelName("birth_date", compareBirthDate(d(b), d(a)))).toBe(expected);
  });
});

describe("sex, places and area comparison", () => {
  it.each([
    ["same", 1, 1],
    ["different", 1, 2],
    ["missing", 0, 2],
  ] as const)("sex %s", (expected, a, b) => {
    expect(levelName("sex", compareSex(a, b))).toBe(expected);
  });

  it.each([
    ["exact", "Tanah Grogot", "TANAH GROGOT"],
    ["close", "Tanah Grogot", "Tanah Gerogot"],
    ["different", "Tanah Grogot", "Samarinda"],
    ["missing", "Tanah Grogot", null],
  ] as const)("birth place %s: %s vs %s", (expected, a, b) => {
    expect(levelName("birth_place", compareBirthPlace(normalisePlace(a), normalisePlace(b)))).toBe(expected);
  });

  it.each([
    ["same", "6401052001", "6401052001"],
    ["same_kecamatan", "6401052001", "6401052007"],
    ["different", "6401052001", "6401062001"],
    ["missing", "6401052001", null],
  ] as const)("desa %s: %s vs %s", (expected, a, b) => {
    const areas = new Interner();
    areas.id("");
    const ids = (code: string | null) => (code ? [areas.id(code), areas.id(code.slice(0, 6))] : [0, 0]);
    const [villageA = 0, kecamatanA = 0] = ids(a);
    const [villageB = 0, kecamatanB = 0] = ids(b);
    expect(levelName("village", compareVillage(villageA, kecamatanA, villageB, kecamatanB))).toBe(expected);
  });

  it.each([
    ["same", [3, 2], [3, 2]],
    ["partial", [3, 2], [4, 2]],
    ["partial", [0, 2], [4, 2]], // RT unknown on one side
    ["different", [3, 2], [3, 5]],
    ["partial", [3, 0], [3, 0]], // only RT known on both: equal RT, weaker than RT+RW
    ["different", [3, 0], [4, 0]],
    ["missing", [0, 0], [3, 2]],
  ] as const)("RT/RW %s: %o vs %o", (expected, [rtA, rwA], [rtB, rwB]) => {
    expect(levelName("rt_rw", compareNeighbourhood(rtA, rwA, rtB, rwB))).toBe(expected);
  });

  it.each([
    ["exact", "Jl. Merdeka No. 5 RT 003", "JALAN MERDEKA 5 RT 3"],
    ["similar", "Jl. Merdeka No. 5 Tanah Grogot", "Jl. Merdeka No. 5 Grogot"],
    ["partial", "Jl. Merdeka No. 5 Tanah Grogot", "Jl. Merdeka No. 5 Long Ikis"],
    ["different", "Jl. Merdeka No. 5", "Gg. Mawar 12"],
    ["missing", "Jl. Merdeka No. 5", null],
  ] as const)("address %s: %s vs %s", (expected, a, b) => {
    const tokens = new Interner();
    const ids = (raw: string | null) => {
      const t = normaliseAddress(raw);
      return t ? t.map((x) => tokens.id(x)).sort((p, q) => p - q) : null;
    };
    expect(levelName("address", compareAddress(ids(a), ids(b)))).toBe(expected);
  });
});

describe("other identifiers and postcodes", () => {
  it.each([
    ["exact", "DTKS-0012 345", "dtks0012345"],
    ["typo", "5682368", "5682638"], // two neighbours swapped
    ["typo", "5682368", "568236"], // one dropped
    ["typo", "5682368", "5682369"],
    ["different", "5682368", "1209261"],
    ["missing", "5682368", "0000000"], // a placeholder is no identifier
    ["missing", "5682368", null],
  ] as const)("other_id %s: %s vs %s", (expected, a, b) => {
    expect(levelName("other_id", compareOtherId(normaliseOtherId(a), normaliseOtherId(b)))).toBe(expected);
  });

  it.each([
    ["exact", "76211", " 76211 "],
    ["typo", "76211", "76212"],
    ["different", "76211", "76143"],
    ["missing", "76211", "00000"],
  ] as const)("postcode %s: %s vs %s", (expected, a, b) => {
    expect(levelName("postcode", comparePostcode(normalisePostcode(a), normalisePostcode(b)))).toBe(expected);
  });

  it("counts edits only up to the limit", () => {
    expect(withinEdits("kitten", "sitting", 3)).toBe(true);
    expect(withinEdits("kitten", "sitting", 2)).toBe(false);
    expect(withinEdits("", "ab", 2)).toBe(true);
  });

  it("calls address lines a few slips apart similar even when a space moved inside a word", () => {
    const table = new FeatureTable();
    const a = table.add({ source: "a", recordId: "1", address: "40 Kirkland Circuit Meemar Wahroonga" });
    const b = table.add({ source: "b", recordId: "1", address: "40 kirklandc ircuit meear wahroonga" });
    const c = table.add({ source: "c", recordId: "1", address: "12 Colebatch Place Jesmond" });
    const level = (x: number, y: number) =>
      levelName("address", decodePattern(comparePair(table, x, y))[FIELD_INDEX.address] as number);
    expect(level(a, b)).toBe("similar");
    expect(level(a, c)).toBe("different");
  });
});
