/**
 * Name, place, street and occupation pools for Kabupaten Paser (Kalimantan Timur). The regency mixes Paser,
 * Banjar, Bugis and Javanese (transmigrant) families with smaller Dayak and Toraja communities; lists are
 * written most-common-first and drawn with rank weights, so that Muhammad, Siti and Nur really are common —
 * which is what makes name matching hard.
 */
import type { BusinessSector, EmploymentStatus, Sex } from "../registry/attributes.ts";
import { type Random, WeightedTable, zipfTable } from "./random.ts";

export const CULTURES = ["banjar", "bugis", "jawa", "paser", "dayak", "toraja"] as const;
export type Culture = (typeof CULTURES)[number];
export type Religion = "islam" | "kristen" | "katolik";

/** Rough shares in Paser households (BPS counts by ethnicity are old; this is the order of magnitude). */
export const CULTURE_SHARES = new WeightedTable<Culture>([
  ["banjar", 28],
  ["bugis", 24],
  ["jawa", 24],
  ["paser", 16],
  ["dayak", 4],
  ["toraja", 4],
]);

export function religionOf(culture: Culture, rng: Random): Religion {
  if (culture === "toraja") return rng.chance(0.88) ? (rng.chance(0.8) ? "kristen" : "katolik") : "islam";
  if (culture === "dayak") return rng.chance(0.65) ? (rng.chance(0.6) ? "kristen" : "katolik") : "islam";
  return rng.chance(0.995) ? "islam" : "kristen";
}

/** Pools are written as comma-separated paragraphs; a name may contain a space. */
function nameList(text: string): string[] {
  return text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

// ---- given names -------------------------------------------------------------------------------------------

const MUSLIM_MALE_COMMON = nameList(`
  Ahmad, Rahmat, Agus, Hendra, Rudi, Arif, Hasan, Ali, Ridwan, Yusuf, Ismail, Ibrahim, Hamzah, Saiful, Syamsul,
  Zainal, Abdullah, Nurdin, Rusli, Hamid, Basri, Fauzi, Hidayat, Irwan, Junaidi, Lukman, Mansyur, Mulyadi,
  Rahman, Taufik, Usman, Wahyu, Yahya, Zulkifli, Anwar, Amir, Arsyad, Bahtiar, Darwis, Erwin, Fadli, Firman,
  Haris, Herman, Iskandar, Jumadi, Khairul, Marzuki, Mukhlis, Nasir, Rizal, Safrudin, Sulaiman, Supriadi,
  Syarifuddin
`);
const MUSLIM_FEMALE_COMMON = nameList(`
  Nurhayati, Rahmawati, Fatimah, Aminah, Aisyah, Halimah, Khadijah, Hasanah, Maryam, Zainab, Salmah, Rosmiati,
  Marlina, Mardiana, Jamilah, Hamidah, Nurjanah, Rohani, Rusmini, Saniah, Hartati, Asmah, Juliana, Masitah,
  Rahmah, Suryani, Yuliani, Hafsah, Maimunah, Zubaidah
`);

const MUSLIM_COMMON_MIX = { male: MUSLIM_MALE_COMMON, female: MUSLIM_FEMALE_COMMON };

const GIVEN: Record<Culture, { male: string[]; female: string[] }> = {
  banjar: {
    male: nameList(`
      Ahmad, Rusdi, Syahrani, Aliansyah, Rahmadi, Hairani, Hamdani, Masrani, Jailani, Asnawi, Samsul,
      Fahrurrazi, Rusdiansyah, Mahyuni, Syamsuri, Irhamsyah, Mardiansyah, Norhadi, Ardiansyah, Zainuddin,
      Salman, Fahmi, Basuni, Rahmani, Abdurrahman, Saberan, Jumberi, Rakhmadi, Herliansyah, Anang, Utuh,
      Mujiburrahman, Norhan, Gazali, Marhusin
    `),
    female: nameList(`
      Norhayati, Masliah, Saidah, Jamilah, Rusmilawati, Hairunnisa, Mahmudah, Salasiah, Rahimah, Fatimah,
      Aisyah, Zubaidah, Maimunah, Rusnah, Normiati, Norliani, Rahmawati, Hamidah, Halimah, Jubaidah, Laila,
      Mardiana, Rusmini, Nurhidayah, Khadijah, Rabiah, Masitah, Rusdiana, Raudah, Rahmah, Galuh,
      Mariatul Kiptiah, Rabiatul Adawiyah, Noorjannah, Syarifah
    `),
  },
  bugis: {
    male: nameList(`
      Hasanuddin, Baharuddin, Syamsuddin, Jamaluddin, Kamaruddin, Nasaruddin, Saharuddin, Amiruddin,
      Burhanuddin, Nurdin, Mustafa, Alimuddin, Syahrir, Arifin, Hamzah, Asri, Asdar, Sudirman, Ambo, Sakka,
      Beddu, Rahman, Haris, Akbar, Irwan, Ilham, Muhlis, Asrul, Ansar, Arman, Hasbi, Safri, Asmar, Jumardi,
      Suardi, Syahril, Tajuddin, Mappiasse, Mappatunru, Lahamma
    `),
    female: nameList(`
      Hasnawati, Jumriati, Hasnah, Nurhayati, Rahmawati, Sumarni, Marlina, Nurmiati, Hasnidar, Nurlela,
      Hadijah, Suriani, Kasmawati, Sahariah, Hasmiah, Nursia, Mardiana, Jusmiati, Irmawati, Hartati, Darmawati,
      Nurhaedah, Fatmawati, Hasriani, Ratnawati, Rosmiati, Nurbaya, Haerani, Syamsiah, Besse, Indo, Hasmawati,
      Nurmala, Hajrah, Rosdiana
    `),
  },
  jawa: {
    male: nameList(`
      Slamet, Agus, Budi, Sugeng, Eko, Joko, Suparman, Sutrisno, Sugiyanto, Suyanto, Bambang, Heru, Hadi,
      Purwanto, Wahyudi, Supriyadi, Sukardi, Darmanto, Sarmin, Paijo, Ngatimin, Kasmin, Suwito, Sumarno,
      Rianto, Triyono, Wasis, Sunardi, Sukirman, Gunawan, Haryanto, Kuswanto, Muhadi, Waluyo, Teguh, Parno,
      Marsudi, Mujiono, Mulyono, Warsito, Tukimin
    `),
    female: nameList(`
      Sri, Sumarni, Sulastri, Suwarni, Sutini, Wartini, Painem, Tukiyem, Ngatini, Suyati, Sumiati, Endang,
      Ninik, Rini, Yuli, Wahyuni, Puji, Lestari, Kartini, Suprapti, Mujiati, Rukmini, Murni, Supiyah, Juminten,
      Kasiyem, Sukarti, Tumini, Sarmi, Parmi, Giyem
    `),
  },
  paser: {
    male: nameList(`
      Yusriansyah, Syahrudin, Ardiansyah, Jainudin, Ramli, Juhri, Saipul, Sapri, Ardani, Rusdiansyah, Yunus,
      Maslan, Sahrun, Sanusi, Jamhuri, Mahmud, Idrus, Darmansyah, Aspiannur, Abdul Kadir, Ijus, Asrani,
      Kamarudin, Marjuki, Arbain, Hamsyah, Masri, Saprudin, Taslim, Jumansyah
    `),
    female: nameList(`
      Sarifah, Jamilah, Hairani, Rusmini, Masnah, Salmah, Rosmiati, Asnah, Hamsiah, Saniah, Marlina, Rusliani,
      Jumiati, Aminah, Samsiah, Naimah, Juliani, Norma, Masdiana, Rahmini, Sahriani, Asmawati, Nurliana,
      Jumrah, Isnawati
    `),
  },
  dayak: {
    male: nameList(`
      Yohanes, Petrus, Paulus, Markus, Yakobus, Stefanus, Antonius, Fransiskus, Yosef, Thomas, Daniel, Yulius,
      Agustinus, Benediktus, Simon, Lukas, Matius, Andreas, Ingan, Lawing, Luhat, Lenjau, Usat, Ajang, Bilung,
      Lahang, Ngau, Aran, Sigau
    `),
    female: nameList(`
      Maria, Agustina, Yuliana, Margaretha, Elisabeth, Theresia, Veronika, Katarina, Magdalena, Yohana, Ester,
      Debora, Kristina, Natalia, Monika, Fransiska, Lusia, Rosalina, Ubang, Uyang, Bungan, Lenggang, Ilun,
      Mering, Tipung, Ukau
    `),
  },
  toraja: {
    male: nameList(`
      Yohanis, Markus, Petrus, Paulus, Daniel, Yosef, Frans, Simon, Thomas, Marthen, Yulius, Obed, Elia, Musa,
      Lukas, Matius, Benyamin, Natan, Simson, Yunus, Agus, Ferdinan
    `),
    female: nameList(`
      Maria, Yohana, Marta, Ester, Debora, Rut, Yuliana, Agustina, Lidia, Selvi, Herlina, Naomi, Sarah, Ribka,
      Elisabeth, Kristina, Dorkas, Magdalena, Yosina, Marice
    `),
  },
};

/** Second words that read like a family name; Javanese and modern names use them, Toraja families share them. */
const SECOND: Record<Culture, { male: string[]; female: string[] }> = {
  banjar: {
    male: nameList(`
      Rahman, Hidayat, Fauzi, Effendi, Arsyad, Syahrani, Rahmadi, Noor, Gazali, Riduan
    `),
    female: ["Hidayah", "Rahmah", "Fitriani", "Zahra", "Rahmawati", "Khairunnisa", "Hayati", "Mahmudah"],
  },
  bugis: {
    male: ["Lamba", "Mappa", "Tang", "Sakka", "Baso", "Sulle", "Hamzah", "Syam", "Arifin", "Rahman", "Nur"],
    female: ["Rahmawati", "Hasnah", "Hamzah", "Syam", "Wati", "Arifin", "Sari", "Hajrah"],
  },
  jawa: {
    male: nameList(`
      Santoso, Prasetyo, Wibowo, Susilo, Purnomo, Hartono, Nugroho, Saputro, Kurniawan, Setiawan, Widodo,
      Utomo, Hidayat, Priyanto, Raharjo, Sasongko, Pamungkas
    `),
    female: nameList(`
      Wahyuni, Rahayu, Lestari, Handayani, Susanti, Wulandari, Astuti, Ningsih, Mulyani, Rahmawati, Utami,
      Purwanti, Setyowati, Kusumawati, Hartini, Yuliani, Suryani
    `),
  },
  paser: {
    male: ["Ramli", "Yunus", "Idrus", "Sanusi", "Mahmud", "Ardiansyah", "Kadir", "Rusdi"],
    female: ["Hairani", "Aminah", "Masnah", "Rahmah", "Hasanah", "Juliani"],
  },
  dayak: {
    male: ["Lawing", "Ingan", "Ding", "Juk", "Ngau", "Ajang", "Usat", "Lahang", "Bilung", "Lenjau"],
    female: ["Lawing", "Ingan", "Ding", "Juk", "Ngau", "Ajang", "Usat", "Lahang", "Bilung", "Lenjau"],
  },
  toraja: {
    male: nameList(`
      Pasang, Rante, Tandi, Sampe, Patandung, Palimbong, Tandilino, Bongga, Lembang, Pakiding, Sarungallo,
      Rombe, Parinding, Tandirerung, Pongsapan, Rerung, Tulak, Palayukan, Toding, Kombong, Banne, Limbong
    `),
    female: [],
  },
};
SECOND.toraja.female = SECOND.toraja.male;

const MODERN_MUSLIM = {
  male: nameList(`
    Rizky, Aditya, Fajar, Dimas, Farhan, Rafi, Ilham, Arya, Bayu, Reza, Akbar, Alif, Fauzan, Hafiz, Rayhan,
    Alfian, Naufal, Zaki, Fikri, Azka, Daffa, Rangga, Yoga, Rio, Andika, Galih, Arkan, Zidan, Fadil, Rehan
  `),
  female: nameList(`
    Putri, Dewi, Ayu, Nabila, Aisyah, Zahra, Anisa, Fitri, Dinda, Salsabila, Nurul, Indah, Citra, Wulan,
    Safira, Amelia, Keisya, Alya, Naura, Khansa, Azzahra, Intan, Tiara, Nadia, Syifa, Aulia, Kirana, Rahma,
    Annisa, Zaskia
  `),
  maleSecond: nameList(`
    Pratama, Saputra, Ramadhan, Putra, Hidayat, Maulana, Firmansyah, Setiawan, Kurniawan, Nugraha, Wijaya,
    Syahputra, Prasetya, Akbar, Alfarizi, Fadillah, Hakim, Anugrah
  `),
  femaleSecond: nameList(`
    Lestari, Rahmawati, Wulandari, Safitri, Anggraini, Ramadhani, Putri, Amalia, Nuraini, Fitriani, Pratiwi,
    Maharani, Aulia, Kurniasari, Handayani, Azzahra, Oktaviani, Febrianti
  `),
};
const MODERN_CHRISTIAN = {
  male: nameList(`
    Kevin, Yosua, Gabriel, Samuel, Daniel, Christian, Michael, Immanuel, Jonathan, Rafael
  `),
  female: nameList(`
    Grace, Angelina, Kristin, Gracia, Natalia, Yesika, Febiola, Sela, Priskila, Marsela
  `),
};
const CHRISTIAN_GIVEN = {
  male: GIVEN.toraja.male,
  female: GIVEN.toraja.female,
};

/** Names given after the birth month (Agustina, Oktavia, Desi …), a habit that ties the name to the date. */
const MONTH_NAMES: readonly { male: string; female: string }[] = [
  { male: "Januar", female: "Januarti" },
  { male: "Febri", female: "Febriani" },
  { male: "Marwan", female: "Marsela" },
  { male: "April", female: "Aprilia" },
  { male: "Mei", female: "Meilani" },
  { male: "Juni", female: "Juniarti" },
  { male: "Yuli", female: "Yulianti" },
  { male: "Agustian", female: "Agustina" },
  { male: "Septian", female: "Septiani" },
  { male: "Oktavian", female: "Oktaviani" },
  { male: "Novianto", female: "Novita" },
  { male: "Desianto", female: "Desi" },
];

interface CompiledPool {
  male: WeightedTable<string>;
  female: WeightedTable<string>;
  maleSecond: WeightedTable<string>;
  femaleSecond: WeightedTable<string>;
}

function compile(
  male: string[],
  female: string[],
  maleSecond: string[],
  femaleSecond: string[],
): CompiledPool {
  return {
    male: zipfTable(male, 0.9),
    female: zipfTable(female, 0.9),
    maleSecond: zipfTable(maleSecond, 0.8),
    femaleSecond: zipfTable(femaleSecond, 0.8),
  };
}

const POOLS: Record<Culture, CompiledPool> = Object.fromEntries(
  CULTURES.map((culture) => {
    const given = GIVEN[culture];
    const common = culture === "dayak" || culture === "toraja" ? { male: [], female: [] } : MUSLIM_COMMON_MIX;
    return [
      culture,
      compile(
        interleave(given.male, common.male),
        interleave(given.female, common.female),
        SECOND[culture].male,
        SECOND[culture].female,
      ),
    ];
  }),
) as Record<Culture, CompiledPool>;

const MODERN_MUSLIM_POOL = compile(
  MODERN_MUSLIM.male,
  MODERN_MUSLIM.female,
  MODERN_MUSLIM.maleSecond,
  MODERN_MUSLIM.femaleSecond,
);
const CHRISTIAN_POOL = compile(
  CHRISTIAN_GIVEN.male,
  CHRISTIAN_GIVEN.female,
  SECOND.toraja.male,
  SECOND.dayak.male,
);
const MODERN_CHRISTIAN_POOL = compile(
  MODERN_CHRISTIAN.male,
  MODERN_CHRISTIAN.female,
  SECOND.toraja.male,
  SECOND.dayak.male,
);

/** Local names first, pan-Indonesian Muslim names woven in by rank, duplicates dropped. */
function interleave(local: string[], common: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < Math.max(local.length, common.length); i++) {
    for (const name of [local[i], common[i]]) {
      if (name !== undefined && !seen.has(name)) {
        seen.add(name);
        out.push(name);
      }
    }
  }
  return out;
}

const ABDUL_SUFFIXES = zipfTable(
  nameList(`
  Rahman, Hamid, Karim, Gani, Kadir, Wahab, Majid, Latif, Rasyid, Aziz, Halim, Jalil, Muis, Rauf, Samad, Salam
`),
);

export interface NameRequest {
  culture: Culture;
  religion: Religion;
  sex: Sex;
  birthYear: number;
  birthMonth: number;
  /** A family name the household shares (Toraja, some Christian Dayak), or null. */
  familyName?: string | null;
  /** Born into a noble line (Andi, Aji, Gusti): the title passes from father to children. */
  noble?: boolean;
  /** The father's last name word, which some families pass on as a child's second name. */
  fatherName?: string | null;
}

/**
 * A full name as it would be on the KTP (title case here; damage functions change case later). Older people
 * mostly carry one word, younger people two or three.
 */
export function composeName(rng: Random, request: NameRequest): string {
  const { culture, religion, sex, birthYear } = request;
  const muslim = religion === "islam";
  const modern = birthYear >= 1995 && rng.chance(Math.min(0.85, (birthYear - 1990) / 25));
  const pool = muslim
    ? modern
      ? MODERN_MUSLIM_POOL
      : culture === "dayak" || culture === "toraja"
        ? POOLS.banjar
        : POOLS[culture]
    : modern
      ? MODERN_CHRISTIAN_POOL
      : culture === "toraja" || culture === "dayak"
        ? POOLS[culture]
        : CHRISTIAN_POOL;
  const male = sex === "L";
  const words: string[] = [];
  // Abdul never stands alone (it needs one of the 99 names); Muhammad, Siti and Nur rarely do.
  let needsGiven = true;

  if (muslim) {
    if (request.noble) words.push(nobleTitle(culture, male, rng));
    if (male) {
      const roll = rng.float();
      if (roll < 0.15) words.push("Muhammad");
      else if (roll < 0.21) {
        words.push("Ahmad");
        needsGiven = rng.chance(0.5);
      } else if (roll < 0.25) {
        words.push("Abdul", ABDUL_SUFFIXES.draw(rng));
        needsGiven = false;
      }
    } else {
      const roll = rng.float();
      if (roll < 0.13) words.push(culture === "bugis" && rng.chance(0.5) ? "Sitti" : "Siti");
      else if (roll < 0.22) words.push(culture === "banjar" && rng.chance(0.4) ? "Noor" : "Nur");
    }
  }

  if (needsGiven) {
    const monthName = MONTH_NAMES[request.birthMonth - 1];
    if (monthName && rng.chance(0.04)) words.push(male ? monthName.male : monthName.female);
    else {
      const table = male ? pool.male : pool.female;
      // "Nur Nurhayati" and "Muhammad Muhammad" read as mistakes: draw again once.
      let given = table.draw(rng);
      if (repeats(words, given)) given = table.draw(rng);
      if (!repeats(words, given)) words.push(given);
    }
  }
  if (words.length === 0) words.push((male ? pool.male : pool.female).draw(rng));

  if (request.familyName) {
    if (countWords(words) < 2 && rng.chance(0.3)) {
      const extra = (male ? pool.male : pool.female).draw(rng);
      if (!words.includes(extra)) words.push(extra);
    }
    words.push(request.familyName);
  } else {
    const wanted = nameLength(rng, birthYear);
    let attempts = 0;
    while (countWords(words) < wanted && attempts < 4) {
      attempts++;
      const second =
        request.fatherName && attempts === 1 && male && rng.chance(0.35)
          ? request.fatherName
          : (male ? pool.maleSecond : pool.femaleSecond).draw(rng);
      if (!words.includes(second)) words.push(second);
    }
  }
  return words.join(" ");
}

const NOBLE_SHARE: Partial<Record<Culture, number>> = { bugis: 0.05, paser: 0.04, banjar: 0.015 };

/** Whether a household's line carries a noble title; only Bugis, Paser and Banjar names use one here. */
export function isNobleLine(culture: Culture, religion: Religion, rng: Random): boolean {
  const share = NOBLE_SHARE[culture];
  return religion === "islam" && share !== undefined && rng.chance(share);
}

function nobleTitle(culture: Culture, male: boolean, rng: Random): string {
  if (culture === "bugis") return "Andi";
  if (culture === "paser") return "Aji";
  return male || rng.chance(0.5) ? "Gusti" : "Antung";
}

function repeats(words: readonly string[], candidate: string): boolean {
  const lower = candidate.toLowerCase();
  return words.some((word) => {
    const w = word.toLowerCase();
    return w === lower || ((w === "nur" || w === "noor" || w === "nor") && /^n(u|o|oo)r/.test(lower));
  });
}

function countWords(words: readonly string[]): number {
  let n = words.length;
  for (const word of words) for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) === 32) n++;
  return n;
}

function nameLength(rng: Random, birthYear: number): number {
  const roll = rng.float();
  if (birthYear < 1970) return roll < 0.55 ? 1 : roll < 0.95 ? 2 : 3;
  if (birthYear < 1995) return roll < 0.25 ? 1 : roll < 0.85 ? 2 : 3;
  return roll < 0.08 ? 1 : roll < 0.63 ? 2 : 3;
}

/** A household's shared family name, for the cultures that have one. */
const TORAJA_FAMILY_NAMES = zipfTable(SECOND.toraja.male, 0.6);

export function familyNameFor(culture: Culture, religion: Religion, rng: Random): string | null {
  if (culture === "toraja") return rng.chance(0.8) ? TORAJA_FAMILY_NAMES.draw(rng) : null;
  if (culture === "dayak" && religion !== "islam")
    return rng.chance(0.5) ? rng.pick(SECOND.dayak.male) : null;
  return null;
}

// ---- places ------------------------------------------------------------------------------------------------

const ORIGIN_PLACES: Record<Culture, readonly string[]> = {
  banjar: nameList(`
    Banjarmasin, Amuntai, Kandangan, Barabai, Rantau, Martapura, Kotabaru, Tanjung, Pelaihari, Negara,
    Marabahan
  `),
  bugis: nameList(`
    Bone, Watampone, Sengkang, Wajo, Soppeng, Sinjai, Pare-Pare, Pinrang, Sidrap, Makassar, Bulukumba, Barru
  `),
  jawa: nameList(`
    Sidoarjo, Surabaya, Malang, Kediri, Blitar, Jember, Banyuwangi, Lamongan, Ponorogo, Madiun, Ngawi,
    Tulungagung, Pacitan, Wonogiri, Klaten, Yogyakarta, Semarang
  `),
  paser: ["Tanah Grogot", "Long Ikis", "Kuaro", "Long Kali", "Muara Komam", "Penajam", "Pasir", "Balikpapan"],
  dayak: ["Kutai Barat", "Melak", "Tenggarong", "Samarinda", "Muara Komam", "Long Bagun", "Barong Tongkok"],
  toraja: ["Makale", "Rantepao", "Tana Toraja", "Toraja Utara", "Makassar", "Palopo", "Enrekang", "Mamasa"],
};
const ORIGIN_TABLES = Object.fromEntries(
  CULTURES.map((culture) => [culture, zipfTable(ORIGIN_PLACES[culture], 0.7)]),
) as Record<Culture, WeightedTable<string>>;

/** Where the regency's people are born when not at home: the nearest big hospitals and the migrants' homelands. */
const REGIONAL_PLACES = zipfTable([
  "Balikpapan",
  "Samarinda",
  "Penajam",
  "Banjarmasin",
  "Tenggarong",
  "Bontang",
]);

/**
 * A birth place: younger people are mostly born in Paser (their own kecamatan or Tanah Grogot, the regency
 * seat); older people often in the region their family migrated from.
 */
export function birthPlaceFor(
  rng: Random,
  culture: Culture,
  birthYear: number,
  homeDistrictName: string,
  otherDistrictNames: readonly string[],
): string {
  const local = birthYear >= 1995 ? 0.85 : birthYear >= 1975 ? 0.6 : 0.3;
  const roll = rng.float();
  if (roll < local) {
    const where = rng.float();
    if (where < 0.6) return homeDistrictName;
    if (where < 0.85 || otherDistrictNames.length === 0) return "Tanah Grogot";
    return rng.pick(otherDistrictNames);
  }
  if (roll < local + (1 - local) * 0.25) return REGIONAL_PLACES.draw(rng);
  return ORIGIN_TABLES[culture].draw(rng);
}

// ---- streets -----------------------------------------------------------------------------------------------

export const STREET_NAMES: readonly string[] = nameList(`
  Jenderal Sudirman, Ahmad Yani, Diponegoro, Gajah Mada, Kusuma Bangsa, Sultan Ibrahim Khaliluddin,
  Noto Sunardi, Cokroaminoto, R.A. Kartini, Pangeran Antasari, Imam Bonjol, Pattimura, Hasanuddin, Poros Desa,
  Trans Kalimantan, Pendidikan, Masjid, Pasar, Padat Karya, Mawar, Melati, Anggrek, Kenanga, Dahlia, Flamboyan,
  Kenari, Bhayangkara, Merdeka, Veteran, Pramuka, Lingkar, Gotong Royong, Kelapa Sawit, Transmigrasi,
  Sungai Kandilo, Pembangunan, Damai, Sejahtera, Usaha Tani, Jalur Dua, Karya Bakti, Cendana, Durian, Rambutan,
  Nusantara, Pelabuhan
`);
export const ALLEY_NAMES: readonly string[] = nameList(`
  Damai, Rukun, Amanah, Berkah, Sepakat, Family, Keluarga, Harapan, Sederhana, Mufakat
`);

// ---- occupations (the Dukcapil list as printed on the KTP) -------------------------------------------------

const OCCUPATIONS_BY_EMPLOYMENT: Record<EmploymentStatus, WeightedTable<string>> = {
  unemployed: new WeightedTable([["Belum/Tidak Bekerja", 1]]),
  daily_labourer: new WeightedTable([
    ["Buruh Harian Lepas", 50],
    ["Buruh Tani/Perkebunan", 30],
    ["Tukang Batu", 8],
    ["Tukang Kayu", 7],
    ["Buruh Nelayan/Perikanan", 5],
  ]),
  farmer_fisher: new WeightedTable([
    ["Petani/Pekebun", 75],
    ["Nelayan/Perikanan", 18],
    ["Peternak", 7],
  ]),
  informal_trader: new WeightedTable([
    ["Pedagang", 48],
    ["Wiraswasta", 40],
    ["Sopir", 5],
    ["Tukang Jahit", 4],
    ["Penata Rambut", 3],
  ]),
  private_employee: new WeightedTable([
    ["Karyawan Swasta", 70],
    ["Karyawan Honorer", 14],
    ["Karyawan BUMN", 5],
    ["Sopir", 6],
    ["Mekanik", 5],
  ]),
  civil_servant: new WeightedTable([
    ["Pegawai Negeri Sipil", 58],
    ["Guru", 20],
    ["Kepolisian RI", 8],
    ["Tentara Nasional Indonesia", 7],
    ["Perawat", 4],
    ["Bidan", 3],
  ]),
  retired: new WeightedTable([["Pensiunan", 1]]),
};

export type OccupationContext = "homemaker" | "student" | "other";

export function occupationFor(rng: Random, employment: EmploymentStatus, context: OccupationContext): string {
  if (employment === "unemployed") {
    if (context === "homemaker") return "Mengurus Rumah Tangga";
    if (context === "student") return "Pelajar/Mahasiswa";
  }
  return OCCUPATIONS_BY_EMPLOYMENT[employment].draw(rng);
}

// ---- businesses (UMKM) -------------------------------------------------------------------------------------

const BUSINESS_KINDS: Record<BusinessSector, readonly string[]> = {
  food: nameList(`
    Warung Makan, Nasi Kuning, Kue Basah, Soto Banjar, Bakso, Pentol, Amplang, Ketupat Kandangan,
    Coto Makassar, Pecel Lele, Es Teh, Keripik Pisang
  `),
  retail: ["Toko", "Kios", "Warung Sembako", "Toko Kelontong", "Konter Pulsa", "Toko Bangunan"],
  agriculture: ["Kebun Sawit", "Usaha Tani", "Pembibitan", "Ternak Ayam", "Kebun Karet", "Ternak Sapi"],
  fishery: ["Tambak", "Ikan Asin", "Kerupuk Ikan", "Budidaya Ikan", "Udang Kering"],
  craft: ["Anyaman Rotan", "Kerajinan Manik", "Tenun Ulap Doyo", "Meubel", "Kerajinan Kayu"],
  service: ["Bengkel", "Jahit", "Salon", "Cuci Motor", "Pangkas Rambut", "Laundry", "Servis HP"],
  other: ["Usaha", "UD"],
};
const BUSINESS_EPITHETS = zipfTable(
  nameList(`
  Berkah, Barokah, Sumber Rezeki, Rezeki Baru, Mandiri, Jaya, Sejahtera, Bersama, Ananda, Amanah, Keluarga,
  Sinar Harapan, Karya Mandiri, Maju Jaya, Mulia, Lancar, Sederhana
`),
);

/** "Warung Makan Berkah", "Bengkel Pak Slamet", "Kue Basah Mama Rizky" — how UMKM are named on an SKU. */
export function businessNameFor(
  rng: Random,
  sector: BusinessSector,
  ownerFirstName: string,
  ownerSex: Sex,
  childFirstName: string | null,
): string {
  const kind = rng.pick(BUSINESS_KINDS[sector]);
  const roll = rng.float();
  if (roll < 0.45) return `${kind} ${BUSINESS_EPITHETS.draw(rng)}`;
  if (roll < 0.6 && childFirstName) return `${kind} ${ownerSex === "P" ? "Mama" : "Bapak"} ${childFirstName}`;
  if (roll < 0.8) return `${kind} ${ownerSex === "P" ? "Bu" : "Pak"} ${ownerFirstName}`;
  return `${kind} ${ownerFirstName}`;
}

/** Employment shapes the likely sector: traders sell food and goods, farmers farm. */
export function businessSectorFor(rng: Random, employment: EmploymentStatus | null): BusinessSector {
  const table =
    employment === "farmer_fisher"
      ? FARMER_SECTORS
      : employment === "informal_trader"
        ? TRADER_SECTORS
        : ANY_SECTORS;
  return table.draw(rng);
}
const FARMER_SECTORS = new WeightedTable<BusinessSector>([
  ["agriculture", 55],
  ["fishery", 25],
  ["food", 10],
  ["retail", 5],
  ["craft", 5],
]);
const TRADER_SECTORS = new WeightedTable<BusinessSector>([
  ["food", 40],
  ["retail", 32],
  ["service", 14],
  ["craft", 6],
  ["other", 8],
]);
const ANY_SECTORS = new WeightedTable<BusinessSector>([
  ["food", 30],
  ["retail", 22],
  ["service", 16],
  ["agriculture", 12],
  ["fishery", 6],
  ["craft", 8],
  ["other", 6],
]);

// ---- phones ------------------------------------------------------------------------------------------------

/** Mobile prefixes, Telkomsel-heavy as outside Java's cities. */
export const PHONE_PREFIXES = new WeightedTable<string>([
  ["0812", 14],
  ["0813", 12],
  ["0821", 10],
  ["0822", 9],
  ["0852", 9],
  ["0853", 8],
  ["0811", 3],
  ["0823", 4],
  ["0857", 4],
  ["0856", 3],
  ["0815", 1],
  ["0819", 3],
  ["0877", 3],
  ["0878", 2],
  ["0859", 2],
  ["0895", 2],
  ["0896", 2],
  ["0897", 1],
  ["0898", 1],
  ["0881", 1],
  ["0882", 1],
  ["0831", 1],
  ["0838", 1],
]);

/** 11 to 13 digits, 08 first, as Indonesian mobile numbers are. */
export function phoneNumber(rng: Random): string {
  const roll = rng.float();
  const rest = roll < 0.2 ? 7 : roll < 0.8 ? 8 : 9;
  return PHONE_PREFIXES.draw(rng) + rng.digits(rest);
}
