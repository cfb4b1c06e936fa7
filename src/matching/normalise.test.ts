import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packDate } from "./compare.ts";
import {
  modernSpelling,
  normaliseAddress,
  normaliseBirthDate,
  normaliseIdNumber,
  normaliseName,
  normaliseNeighbourhood,
  normalisePhone,
  normalisePlace,
  normaliseSex,
  normaliseVillageCode,
  packedBirthDate,
  phoneticKey,
} from "./normalise.ts";

const tokens = (raw: string) => normaliseName(raw)?.tokens.join(" ") ?? null;
const sound = (raw: string) => normaliseName(raw)?.keys.join(" ") ?? null;

describe("name normalisation", () => {
  it.each([
    ["case, spacing and punctuation are ignored", "  SITI   aminah. ", "siti aminah"],
    ["an apostrophe joins the word it sits in", "Ma'ruf Amin", "maruf amin"],
    ["diacritics are dropped", "Andréas Sémbiring", "andreas sembiring"],
    ["a hyphen separates words", "Nur-Hayati", "nur hayati"],
    ["the form of address Bapak is removed", "Bapak Slamet Riyadi", "slamet riyadi"],
    ["the form of address Bpk. is removed", "Bpk. Slamet Riyadi", "slamet riyadi"],
    ["the form of address Ibu is removed", "Ibu Sumarni", "sumarni"],
    ["the form of address Bu is removed", "Bu Sumarni", "sumarni"],
    ["the pilgrimage title H. is removed", "H. Abdul Rahman", "abdul rahman"],
    ["the pilgrimage title Hj. is removed", "Hj. Siti Aminah", "siti aminah"],
    ["the academic title Drs. is removed", "Drs. Bambang Sutrisno", "bambang sutrisno"],
    ["the engineer title Ir. is removed", "Ir. Joko Widodo", "joko widodo"],
    ["stacked prefix titles are all removed", "Prof. Dr. Ir. Hasanuddin", "hasanuddin"],
    ["degrees after a comma are removed", "Ahmad Yani, S.Pd., M.Pd", "ahmad yani"],
    ["a degree written with spaces is removed", "Rina Marlina, S. E.", "rina marlina"],
    ["an undotted degree after the name is removed", "Budi Santoso SE", "budi santoso"],
    ["a dotted diploma degree is removed", "Wahyu Hidayat A.Md", "wahyu hidayat"],
    ["SH (law degree) is removed", "Rudi Hartono SH", "rudi hartono"],
    ["an applied-science degree S.ST is removed", "Dewi Lestari, S.ST", "dewi lestari"],
    ["a name that merely spells like degrees stays", "Ahmad Sema", "ahmad sema"],
    ["an ambiguous short word without dots stays", "Siti Ma", "siti ma"],
    ["a title alone is kept rather than leaving nothing", "H", "h"],
    ["Muhamad is Muhammad", "Muhamad Rizky", "muhammad rizky"],
    ["Mohammad is Muhammad", "Mohammad Hatta", "muhammad hatta"],
    ["Moh. is Muhammad", "Moh. Yamin", "muhammad yamin"],
    ["Muh. is Muhammad", "Muh. Arsyad", "muhammad arsyad"],
    ["Mochammad (old ch) is Muhammad", "Mochammad Ilham", "muhammad ilham"],
    ["a leading M. is Muhammad", "M. Rizky", "muhammad rizky"],
    ["a trailing M. is an initial, not Muhammad", "Rizky M.", "rizky m"],
    ["Abd. is Abdul", "Abd. Rahman", "abdul rahman"],
    ["Sitti is Siti", "Sitti Hajrah", "siti hajrah"],
    ["a leading St. is Siti", "St. Aminah", "siti aminah"],
    ["Noor is Nur", "Noor Hayati", "nur hayati"],
    ["Nor is Nur", "Nor Hayati", "nur hayati"],
    ["Muhammat is Muhammad", "Muhammat Ali", "muhammad ali"],
    ["Achmad (old ch) is Ahmad", "Achmad Fauzi", "ahmad fauzi"],
    ["Akhmad is Ahmad", "Akhmad Fauzi", "ahmad fauzi"],
    ["old oe is u", "Soekarno", "sukarno"],
    ["old dj is j", "Djoko Santoso", "joko santoso"],
    ["old tj is c", "Tjahjo Kumolo", "cahjo kumolo"],
    ["old sj is sy", "Sjahrir", "syahrir"],
    ["old ch is kh", "Chairul Tanjung", "khairul tanjung"],
    ["old nj at the start of a word is ny", "Njoman Sudarta", "nyoman sudarta"],
    ["modern nj inside a word stays", "Panji Anjar", "panji anjar"],
    ["the patronymic bin … is dropped", "Ahmad bin Yusuf", "ahmad"],
    ["the patronymic binti … is dropped", "Aminah binti Abdullah", "aminah"],
    ["numbers typed into the name are dropped", "Budi 2", "budi"],
  ])("%s: %s → %s", (_rule, raw, expected) => {
    expect(tokens(raw)).toBe(expected);
  });

  it.each([
    ["a leading M. is flagged as an expanded abbreviation", "M. Rizky", 0b1],
    ["so is a leading M without the dot", "M Rizky", 0b1],
    ["so is a leading St.", "St. Aminah", 0b1],
    ["so is M. behind a title", "H. M. Yusuf", 0b1],
    ["Muhammad written out is not", "Muhammad Rizky", 0],
    ["a variant such as Moh. is not", "Moh. Yamin", 0],
    ["a trailing M. is not (it stays an initial)", "Rizky M.", 0],
    ["a lone M is not expanded", "M.", 0],
  ])("%s: %s → initials %i", (_rule, raw, expected) => {
    expect(normaliseName(raw)?.initials).toBe(expected);
  });

  it.each([
    ["no old spelling: the same keys", "Fatimah Hairani", "patima hairani", "patima hairani"],
    ["a tj typo is kept as written", "Fatjmah Hairani", "pacma hairani", "patyma hairani"],
    ["genuine old spelling too", "Soekarno Djojo", "sukarno yoyo", "soekarno dyoyo"],
    ["a variant is its canonical form as written", "Mochammad Tjahjo", "muhamad cahyo", "muhamad tyahyo"],
    ["a leading M. is its expansion as written", "M. Sjahrir", "muhamad sahrir", "muhamad syahrir"],
    ["the patronymic is dropped from both", "Djoko bin Tjipto", "yoko", "dyoko"],
  ])("keys as written, before the old-spelling rewrite (%s): %s → %s / %s", (_rule, raw, keys, written) => {
    const name = normaliseName(raw);
    expect(name?.keys.join(" ")).toBe(keys);
    expect(name?.writtenKeys.join(" ")).toBe(written);
    if (keys === written) expect(name?.writtenKeys).toBe(name?.keys); // shared, no second array per record
  });

  it("returns null when nothing of a name is left", () => {
    expect(normaliseName("  ")).toBeNull();
    expect(normaliseName("...")).toBeNull();
    expect(normaliseName(null)).toBeNull();
  });
});

describe("phonetic key", () => {
  it.each([
    ["kh sounds as h", "khairul", "hairul"],
    ["sy sounds as s", "syamsul", "samsul"],
    ["sh sounds as s", "shinta", "sinta"],
    ["dh sounds as d", "ramadhan", "ramadan"],
    ["th sounds as t", "fathur", "patur"],
    ["f and p are one sound", "fitri", "pitri"],
    ["v and p are one sound", "novi", "nopi"],
    ["q sounds as k", "taufiq", "taupik"],
    ["x sounds as ks", "maxi", "maksi"],
    ["z, j and old j/y are one sound", "zainal", "yainal"],
    ["final h after a vowel is silent", "fatimah", "patima"],
    ["final y is i", "hendry", "hendri"],
    ["final ie is i", "yanie", "yani"],
    ["doubled letters collapse", "annisa", "anisa"],
  ])("%s: %s → %s", (_rule, token, expected) => {
    expect(phoneticKey(token)).toBe(expected);
  });

  it.each([
    ["Yusuf", "Jusuf"],
    ["Joko", "Djoko"],
    ["Rizky", "Rizki"],
    ["Fatimah", "Fatima"],
    ["Aisyah", "Aisah"],
    ["Zainal", "Jainal"],
    ["Rahmat", "Rachmat"],
    ["Syamsuddin", "Samsudin"],
    ["Annisa Fitri", "Anisa Pitri"],
  ])("%s and %s sound the same", (a, b) => {
    expect(sound(a)).toBe(sound(b));
  });

  it("keeps names that really differ apart", () => {
    expect(sound("Rahmat")).not.toBe(sound("Rahman"));
    expect(sound("Siti Aminah")).not.toBe(sound("Siti Halimah"));
  });

  it("modern spelling leaves modern names alone", () => {
    expect(modernSpelling("joko")).toBe("joko");
    expect(modernSpelling("cahyono")).toBe("cahyono");
  });
});

describe("address normalisation", () => {
  it.each([
    ["Jl., JL and Jalan are the same (and carry no identity)", "Jl. Merdeka No. 5", "JALAN MERDEKA NO 5"],
    ["Jln. is Jalan", "Jln Merdeka no.5", "Jalan Merdeka Nomor 5"],
    ["RT 003 is RT 3", "Gg. Mawar RT 003 RW 02", "Gang Mawar RT.3 RW.2"],
    ["RT/RW 003/004 splits into RT 3 and RW 4", "Jl Kenanga RT/RW 003/004", "Jl Kenanga RT 3 RW 4"],
    ["house numbers lose leading zeros", "Jl Melati 007", "Jl Melati 7"],
    ["word order does not matter", "Desa Suka Maju Jl Pahlawan", "Jl Pahlawan Desa Suka Maju"],
    ["Ds. and Desa are the same", "Ds. Tepian Batang", "Desa Tepian Batang"],
    ["Dsn. and Dusun are the same", "Dsn. Krajan", "Dusun Krajan"],
    ["Perum. is Perumahan", "Perum. Griya Asri Blk C", "Perumahan Griya Asri Blok C"],
    ["old spelling in a street name is modernised", "Jl. Djend. Soedirman", "Jl. Jend. Sudirman"],
  ])("%s: %s = %s", (_rule, a, b) => {
    expect(normaliseAddress(a)).toEqual(normaliseAddress(b));
  });

  it("keeps different streets apart", () => {
    expect(normaliseAddress("Jl. Merdeka 5")).not.toEqual(normaliseAddress("Jl. Pahlawan 5"));
  });

  it("returns sorted unique tokens, null when empty", () => {
    expect(normaliseAddress("Jl Mawar Mawar RT 01")).toEqual(["mawar", "rt1"]);
    expect(normaliseAddress(" , ")).toBeNull();
  });
});

describe("other fields", () => {
  it.each([
    ["003", 3],
    ["RT 03", 3],
    [7, 7],
    ["0", null],
    ["-", null],
    [null, null],
  ])("RT/RW %s → %s", (raw, expected) => {
    expect(normaliseNeighbourhood(raw)).toBe(expected);
  });

  it.each([
    ["+62 812-3456-7890", "081234567890"],
    ["6281234567890", "081234567890"],
    ["0812 3456 7890", "081234567890"],
    ["81234567890", "081234567890"],
    ["12345", null],
  ])("phone %s → %s", (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each([
    ["6401054507880003", "6401054507880003"],
    ["6401 0545 0788 0003", "6401054507880003"],
    ["'6401054507880003", "6401054507880003"],
    ["6401054507880003.0", "6401054507880003"],
    ["6.40105E+15", null],
    ["640105450788", null],
  ])("NIK/KK %s → %s", (raw, expected) => {
    expect(normaliseIdNumber(raw)).toBe(expected);
  });

  it.each([
    ["64.01.05.2001", "6401052001"],
    ["6401052001", "6401052001"],
    ["64", null],
  ])("desa code %s → %s", (raw, expected) => {
    expect(normaliseVillageCode(raw)).toBe(expected);
  });

  it.each([
    ["1985-07-21", { year: 1985, month: 7, day: 21 }],
    ["21-07-1985", { year: 1985, month: 7, day: 21 }],
    ["21/07/1985", { year: 1985, month: 7, day: 21 }],
    // Kept despite month 21: the swapped-day/month comparison needs it.
    ["1985-21-07", { year: 1985, month: 21, day: 7 }],
    ["1985-25-31", null],
    ["kemarin", null],
  ])("birth date %s → %o", (raw, expected) => {
    expect(normaliseBirthDate(raw)).toEqual(expected);
  });

  it("packs birth dates on its fast path exactly as the general parser does", () => {
    const twoDigits = fc.integer({ min: 0, max: 39 }).map((n) => String(n).padStart(2, "0"));
    const text = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1800, max: 2200 }), twoDigits, twoDigits)
        .map(([y, m, d]) => `${y}-${m}-${d}`),
      fc
        .tuple(twoDigits, twoDigits, fc.integer({ min: 1800, max: 2200 }))
        .map(([d, m, y]) => `${d}/${m}/${y}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (raw) => {
        expect(packedBirthDate(raw)).toBe(packDate(normaliseBirthDate(raw)));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["L", "L"],
    ["Laki-laki", "L"],
    ["PRIA", "L"],
    ["P", "P"],
    ["Perempuan", "P"],
    ["Wanita", "P"],
    ["?", null],
  ])("sex %s → %s", (raw, expected) => {
    expect(normaliseSex(raw)).toBe(expected);
  });

  it("birth places drop Kab./Kota and are keyed by sound", () => {
    expect(normalisePlace("Kab. Paser")).toBe(normalisePlace("PASER"));
    expect(normalisePlace("Kota Balikpapan")).toBe("balikpapan");
    expect(normalisePlace("Tanah Grogot")).not.toBe(normalisePlace("Long Ikis"));
  });
});
