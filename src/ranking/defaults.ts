/**
 * Starting models a program copies and edits. `SEED_003_MODEL`: the eight criteria of the Desa Sumberejo study
 * (pendidikan, pekerjaan, penghasilan, status, usia, tempat tinggal, kesehatan, jumlah anak) with levels and
 * judgments that a village meeting is expected to revisit — the paper names the criteria but publishes no
 * weights. `BPS_POVERTY_TEMPLATE`: the 14 BPS criteria of a poor household, each met or not, equally weighted,
 * so the score is the share of criteria met. Both are plain data (RatingModel); nothing here is computed.
 */
import { judgmentsByName } from "./ahp.ts";
import type { BandRule, LocalizedText, RatingCriterion, RatingLevel, RatingModel } from "./rating.ts";

const level = (code: string, id: string, en: string): RatingLevel => ({ code, label: { id, en } });

function criterion(
  code: string,
  label: LocalizedText,
  levels: RatingLevel[],
  levelJudgments: readonly (readonly [string, string, number])[],
  rule: BandRule,
): RatingCriterion {
  return {
    code,
    label,
    levels,
    levelJudgments: judgmentsByName(
      levels.map((l) => l.code),
      levelJudgments,
    ),
    rule,
    whenUnknown: { kind: "no-points" },
  };
}

/**
 * Five ordered levels, neediest first, judged 2 / 3 / 5 / 7 apart by distance in the order (an evenly stepped
 * need scale; CR ≈ 0.01).
 */
function stepped5(codes: readonly [string, string, string, string, string]): [string, string, number][] {
  const steps = [2, 3, 5, 7];
  const out: [string, string, number][] = [];
  for (let i = 0; i < 5; i++)
    for (let j = i + 1; j < 5; j++)
      out.push([codes[i] as string, codes[j] as string, steps[j - i - 1] as number]);
  return out;
}

/** Four ordered levels, neediest first, 2 / 4 / 6 apart. */
function stepped4(codes: readonly [string, string, string, string]): [string, string, number][] {
  const steps = [2, 4, 6];
  const out: [string, string, number][] = [];
  for (let i = 0; i < 4; i++)
    for (let j = i + 1; j < 4; j++)
      out.push([codes[i] as string, codes[j] as string, steps[j - i - 1] as number]);
  return out;
}

const CRITERIA = [
  "penghasilan",
  "pekerjaan",
  "tempat_tinggal",
  "kesehatan",
  "jumlah_anak",
  "pendidikan",
  "status",
  "usia",
] as const;

export const SEED_003_MODEL: RatingModel = {
  code: "sumberejo-8",
  version: "1",
  label: {
    id: "Delapan kriteria Desa Sumberejo (pendidikan, pekerjaan, penghasilan, status, usia, tempat tinggal, kesehatan, jumlah anak)",
    en: "The eight Desa Sumberejo criteria (education, employment, income, status, age, residence, health, children)",
  },
  randomIndexTable: "saaty1980",
  criteria: [
    criterion(
      "penghasilan",
      { id: "Penghasilan per bulan", en: "Monthly income" },
      [
        level("kurang_500rb", "Kurang dari Rp500.000", "Below Rp500,000"),
        level("500rb_1jt", "Rp500.000 – Rp999.999", "Rp500,000 – Rp999,999"),
        level("1jt_2jt", "Rp1.000.000 – Rp1.999.999", "Rp1,000,000 – Rp1,999,999"),
        level("2jt_3jt", "Rp2.000.000 – Rp2.999.999", "Rp2,000,000 – Rp2,999,999"),
        level("3jt_lebih", "Rp3.000.000 atau lebih", "Rp3,000,000 or more"),
      ],
      stepped5(["kurang_500rb", "500rb_1jt", "1jt_2jt", "2jt_3jt", "3jt_lebih"]),
      {
        kind: "bands",
        attribute: "monthlyIncome",
        bands: [
          { below: 500_000, level: "kurang_500rb" },
          { below: 1_000_000, level: "500rb_1jt" },
          { below: 2_000_000, level: "1jt_2jt" },
          { below: 3_000_000, level: "2jt_3jt" },
          { below: null, level: "3jt_lebih" },
        ],
      },
    ),
    criterion(
      "pekerjaan",
      { id: "Pekerjaan kepala keluarga", en: "Employment of the household head" },
      [
        level("tidak_bekerja", "Tidak bekerja", "Not working"),
        level("buruh_harian", "Buruh harian lepas", "Daily labourer"),
        level("petani_nelayan", "Petani / nelayan", "Farmer / fisher"),
        level("usaha_mikro", "Pedagang / usaha mikro", "Trader / micro business"),
        level(
          "penghasilan_tetap",
          "Berpenghasilan tetap (karyawan, PNS, pensiunan)",
          "Regular income (employee, civil servant, pensioner)",
        ),
      ],
      stepped5(["tidak_bekerja", "buruh_harian", "petani_nelayan", "usaha_mikro", "penghasilan_tetap"]),
      {
        kind: "category",
        attribute: "employment",
        levels: {
          unemployed: "tidak_bekerja",
          daily_labourer: "buruh_harian",
          farmer_fisher: "petani_nelayan",
          informal_trader: "usaha_mikro",
          private_employee: "penghasilan_tetap",
          civil_servant: "penghasilan_tetap",
          retired: "penghasilan_tetap",
        },
      },
    ),
    criterion(
      "tempat_tinggal",
      { id: "Kondisi tempat tinggal", en: "Housing condition" },
      [
        level(
          "tidak_layak",
          "Tidak permanen (kayu/bambu, lantai tanah)",
          "Non-permanent (wood/bamboo, earth floor)",
        ),
        level("menumpang", "Menumpang / sewa", "Lodging / renting"),
        level("semi_permanen", "Semi permanen", "Semi-permanent"),
        level("permanen", "Permanen", "Permanent"),
      ],
      stepped4(["tidak_layak", "menumpang", "semi_permanen", "permanen"]),
      {
        kind: "category",
        attribute: "houseCondition",
        levels: {
          non_permanent: "tidak_layak",
          no_own_house: "menumpang",
          semi_permanent: "semi_permanen",
          permanent: "permanen",
        },
      },
    ),
    criterion(
      "kesehatan",
      { id: "Kesehatan", en: "Health" },
      [
        level("disabilitas", "Penyandang disabilitas", "Disability"),
        level("sakit_menahun", "Sakit menahun", "Chronic illness"),
        level("menanggung_lansia", "Menanggung lansia", "Caring for an elderly dependant"),
        level("sehat", "Sehat", "Healthy"),
      ],
      [
        ["disabilitas", "sakit_menahun", 1],
        ["disabilitas", "menanggung_lansia", 2],
        ["disabilitas", "sehat", 6],
        ["sakit_menahun", "menanggung_lansia", 2],
        ["sakit_menahun", "sehat", 6],
        ["menanggung_lansia", "sehat", 3],
      ],
      {
        kind: "category",
        attribute: "health",
        levels: {
          disability: "disabilitas",
          chronic_illness: "sakit_menahun",
          elderly_dependent: "menanggung_lansia",
          healthy: "sehat",
        },
      },
    ),
    criterion(
      "jumlah_anak",
      { id: "Jumlah anak", en: "Number of children" },
      [
        level("empat_lebih", "Empat anak atau lebih", "Four or more children"),
        level("tiga", "Tiga anak", "Three children"),
        level("dua", "Dua anak", "Two children"),
        level("satu", "Satu anak", "One child"),
        level("tidak_ada", "Tidak ada anak", "No children"),
      ],
      stepped5(["empat_lebih", "tiga", "dua", "satu", "tidak_ada"]),
      {
        kind: "bands",
        attribute: "children",
        bands: [
          { below: 1, level: "tidak_ada" },
          { below: 2, level: "satu" },
          { below: 3, level: "dua" },
          { below: 4, level: "tiga" },
          { below: null, level: "empat_lebih" },
        ],
      },
    ),
    criterion(
      "pendidikan",
      { id: "Pendidikan kepala keluarga", en: "Education of the household head" },
      [
        level("tidak_sekolah", "Tidak/belum sekolah", "No schooling"),
        level("sd", "SD / sederajat", "Primary school"),
        level("smp", "SMP / sederajat", "Junior secondary"),
        level("sma", "SMA / SMK / sederajat", "Senior secondary"),
        level("perguruan_tinggi", "Diploma / sarjana", "Diploma / degree"),
      ],
      stepped5(["tidak_sekolah", "sd", "smp", "sma", "perguruan_tinggi"]),
      {
        kind: "category",
        attribute: "education",
        levels: {
          none: "tidak_sekolah",
          sd: "sd",
          smp: "smp",
          sma: "sma",
          diploma: "perguruan_tinggi",
          sarjana: "perguruan_tinggi",
        },
      },
    ),
    criterion(
      "status",
      { id: "Status perkawinan kepala keluarga", en: "Marital status of the household head" },
      [
        level("cerai_mati", "Cerai mati (janda/duda)", "Widowed"),
        level("cerai_hidup", "Cerai hidup", "Divorced"),
        level("kawin", "Kawin", "Married"),
        level("belum_kawin", "Belum kawin", "Single"),
      ],
      stepped4(["cerai_mati", "cerai_hidup", "kawin", "belum_kawin"]),
      {
        kind: "category",
        attribute: "maritalStatus",
        levels: { widowed: "cerai_mati", divorced: "cerai_hidup", married: "kawin", single: "belum_kawin" },
      },
    ),
    criterion(
      "usia",
      { id: "Usia kepala keluarga", en: "Age of the household head" },
      [
        level("60_ke_atas", "60 tahun ke atas (lansia)", "60 or older"),
        level("45_59", "45 – 59 tahun", "45 – 59"),
        level("25_44", "25 – 44 tahun", "25 – 44"),
        level("di_bawah_25", "Di bawah 25 tahun", "Under 25"),
      ],
      [
        ["60_ke_atas", "45_59", 2],
        ["60_ke_atas", "25_44", 3],
        ["60_ke_atas", "di_bawah_25", 3],
        ["45_59", "25_44", 2],
        ["45_59", "di_bawah_25", 2],
        ["25_44", "di_bawah_25", 1],
      ],
      {
        kind: "bands",
        attribute: "age",
        bands: [
          { below: 25, level: "di_bawah_25" },
          { below: 45, level: "25_44" },
          { below: 60, level: "45_59" },
          { below: null, level: "60_ke_atas" },
        ],
      },
    ),
  ],
  // Income and work first, then housing and health, then family size, then the head's own characteristics.
  criteriaJudgments: judgmentsByName(CRITERIA, [
    ["penghasilan", "pekerjaan", 2],
    ["penghasilan", "tempat_tinggal", 2],
    ["penghasilan", "kesehatan", 2],
    ["penghasilan", "jumlah_anak", 3],
    ["penghasilan", "pendidikan", 3],
    ["penghasilan", "status", 4],
    ["penghasilan", "usia", 5],
    ["pekerjaan", "tempat_tinggal", 1],
    ["pekerjaan", "kesehatan", 1],
    ["pekerjaan", "jumlah_anak", 2],
    ["pekerjaan", "pendidikan", 2],
    ["pekerjaan", "status", 2],
    ["pekerjaan", "usia", 3],
    ["tempat_tinggal", "kesehatan", 1],
    ["tempat_tinggal", "jumlah_anak", 2],
    ["tempat_tinggal", "pendidikan", 2],
    ["tempat_tinggal", "status", 2],
    ["tempat_tinggal", "usia", 3],
    ["kesehatan", "jumlah_anak", 1],
    ["kesehatan", "pendidikan", 2],
    ["kesehatan", "status", 2],
    ["kesehatan", "usia", 2],
    ["jumlah_anak", "pendidikan", 1],
    ["jumlah_anak", "status", 1],
    ["jumlah_anak", "usia", 2],
    ["pendidikan", "status", 1],
    ["pendidikan", "usia", 2],
    ["status", "usia", 1],
  ]),
};

/**
 * The 14 BPS criteria of a poor household (used for BLT 2005/2008 targeting). Each is met ("ya", worth 1) or not
 * (no points); recorded as yes/no indicators, except the head's education, read from the profile. Equal
 * judgments give equal weights, so the score is the share of criteria met (BPS counted 9 of 14 as poor).
 */
const BPS_INDICATORS: readonly [code: string, indicator: string, id: string, en: string][] = [
  [
    "luas_lantai",
    "floorAreaUnder8m2PerPerson",
    "Luas lantai kurang dari 8 m² per orang",
    "Floor area under 8 m² per person",
  ],
  [
    "jenis_lantai",
    "earthBambooOrCheapWoodFloor",
    "Lantai tanah / bambu / kayu murahan",
    "Earth, bamboo or cheap wood floor",
  ],
  [
    "jenis_dinding",
    "bambooThatchOrUnplasteredWall",
    "Dinding bambu / rumbia / kayu murah / tembok tanpa plester",
    "Bamboo, thatch, cheap wood or unplastered wall",
  ],
  [
    "fasilitas_bab",
    "noOwnToilet",
    "Tidak punya fasilitas buang air besar / bersama tetangga",
    "No own toilet, or shared with other households",
  ],
  ["penerangan", "noElectricity", "Penerangan bukan listrik", "No electric lighting"],
  [
    "air_minum",
    "unprotectedWaterSource",
    "Air minum dari sumur/mata air tak terlindung, sungai, air hujan",
    "Drinking water from an unprotected well or spring, river or rain",
  ],
  [
    "bahan_bakar",
    "firewoodCharcoalOrKerosene",
    "Memasak dengan kayu bakar / arang / minyak tanah",
    "Cooks with firewood, charcoal or kerosene",
  ],
  [
    "konsumsi_protein",
    "meatMilkChickenOnceAWeek",
    "Makan daging/susu/ayam hanya sekali seminggu",
    "Meat, milk or chicken only once a week",
  ],
  [
    "pakaian",
    "oneSetOfClothesAYear",
    "Hanya membeli satu stel pakaian baru setahun",
    "Buys only one new set of clothes a year",
  ],
  [
    "frekuensi_makan",
    "oneOrTwoMealsADay",
    "Hanya makan satu atau dua kali sehari",
    "Eats only once or twice a day",
  ],
  [
    "biaya_berobat",
    "cannotAffordClinic",
    "Tidak sanggup membayar berobat ke puskesmas/poliklinik",
    "Cannot afford treatment at a puskesmas or clinic",
  ],
  [
    "sumber_penghasilan",
    "lowIncomeLivelihood",
    "Petani lahan < 500 m², buruh tani/bangunan/perkebunan, nelayan, atau berpenghasilan di bawah Rp600.000 per bulan",
    "Smallholder (< 500 m²), farm/construction/plantation labourer, fisher, or income below Rp600,000 a month",
  ],
  [
    "tabungan",
    "noSavingsOrSellableAssets",
    "Tidak punya tabungan/barang mudah dijual senilai Rp500.000",
    "No savings or sellable assets worth Rp500,000",
  ],
];

const YES = [level("ya", "Memenuhi kriteria", "Meets the criterion")];

const bpsCriteria: RatingCriterion[] = [
  ...BPS_INDICATORS.map(([code, indicator, id, en]) =>
    criterion(code, { id, en }, YES, [], { kind: "indicator", indicator, whenTrue: "ya", whenFalse: null }),
  ),
  criterion(
    "pendidikan_kepala",
    {
      id: "Pendidikan kepala rumah tangga tidak sekolah / tidak tamat SD / tamat SD",
      en: "Head's education: none or primary",
    },
    YES,
    [],
    {
      kind: "category",
      attribute: "education",
      levels: { none: "ya", sd: "ya", smp: null, sma: null, diploma: null, sarjana: null },
    },
  ),
];

export const BPS_POVERTY_TEMPLATE: RatingModel = {
  code: "bps-14",
  version: "1",
  label: {
    id: "14 kriteria rumah tangga miskin BPS",
    en: "The 14 BPS criteria of a poor household",
  },
  randomIndexTable: "saaty1980",
  criteria: bpsCriteria,
  criteriaJudgments: judgmentsByName(
    bpsCriteria.map((c) => c.code),
    bpsCriteria.flatMap((a, i) => bpsCriteria.slice(i + 1).map((b) => [a.code, b.code, 1] as const)),
  ),
};
