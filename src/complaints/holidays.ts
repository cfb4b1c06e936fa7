/**
 * Indonesia's national public holidays (hari libur nasional) and collective leave (cuti bersama), the days the
 * complaint clock does not run. Data, not code: a regency adds a local holiday or next year's list in its
 * configuration (`ComplaintSettings.holidays`), each date with its source.
 *
 * 2026: SKB of the Minister of Religious Affairs, the Minister of Manpower and the Minister of State Apparatus
 * Empowerment and Bureaucratic Reform on national holidays and cuti bersama for 2026 (signed September 2025).
 * 2027: the fixed-date holidays by law (Keppres 24/2013 and the Pancasila and Labour Day decrees); the lunar and
 * lunisolar dates are the calendar's expected dates, marked "provisional" until the 2027 SKB is published —
 * replace them with the SKB's dates then.
 */
export interface Holiday {
  date: string;
  name: string;
  kind: "national" | "cuti_bersama" | "local";
  source: string;
}

const SKB_2026 = "SKB 3 Menteri 2026 (libur nasional dan cuti bersama)";
const FIXED = "Tanggal tetap (Keppres 24/2013; Keppres 24/2016; UU 13/2003 jo. Keppres 2013)";
const PROVISIONAL_2027 = "Perkiraan kalender 2027 — ganti dengan SKB 3 Menteri 2027 setelah terbit";

export const INDONESIAN_HOLIDAYS: readonly Holiday[] = [
  { date: "2026-01-01", name: "Tahun Baru 2026 Masehi", kind: "national", source: SKB_2026 },
  { date: "2026-01-16", name: "Isra Mikraj Nabi Muhammad SAW", kind: "national", source: SKB_2026 },
  { date: "2026-02-16", name: "Cuti bersama Tahun Baru Imlek", kind: "cuti_bersama", source: SKB_2026 },
  { date: "2026-02-17", name: "Tahun Baru Imlek 2577 Kongzili", kind: "national", source: SKB_2026 },
  { date: "2026-03-18", name: "Cuti bersama Hari Suci Nyepi", kind: "cuti_bersama", source: SKB_2026 },
  { date: "2026-03-19", name: "Hari Suci Nyepi Tahun Baru Saka 1948", kind: "national", source: SKB_2026 },
  { date: "2026-03-20", name: "Cuti bersama Idulfitri 1447 H", kind: "cuti_bersama", source: SKB_2026 },
  { date: "2026-03-21", name: "Idulfitri 1447 H", kind: "national", source: SKB_2026 },
  { date: "2026-03-22", name: "Idulfitri 1447 H (hari kedua)", kind: "national", source: SKB_2026 },
  { date: "2026-03-23", name: "Cuti bersama Idulfitri 1447 H", kind: "cuti_bersama", source: SKB_2026 },
  { date: "2026-03-24", name: "Cuti bersama Idulfitri 1447 H", kind: "cuti_bersama", source: SKB_2026 },
  { date: "2026-04-03", name: "Wafat Yesus Kristus", kind: "national", source: SKB_2026 },
  { date: "2026-04-05", name: "Kebangkitan Yesus Kristus (Paskah)", kind: "national", source: SKB_2026 },
  { date: "2026-05-01", name: "Hari Buruh Internasional", kind: "national", source: SKB_2026 },
  { date: "2026-05-14", name: "Kenaikan Yesus Kristus", kind: "national", source: SKB_2026 },
  { date: "2026-05-15", name: "Cuti bersama Kenaikan Yesus Kristus", kind: "cuti_bersama", source: SKB_2026 },
  { date: "2026-05-27", name: "Iduladha 1447 H", kind: "national", source: SKB_2026 },
  { date: "2026-05-28", name: "Cuti bersama Iduladha 1447 H", kind: "cuti_bersama", source: SKB_2026 },
  { date: "2026-05-31", name: "Hari Raya Waisak 2570 BE", kind: "national", source: SKB_2026 },
  { date: "2026-06-01", name: "Hari Lahir Pancasila", kind: "national", source: SKB_2026 },
  { date: "2026-06-16", name: "Tahun Baru Islam 1448 H", kind: "national", source: SKB_2026 },
  { date: "2026-08-17", name: "Hari Kemerdekaan RI", kind: "national", source: SKB_2026 },
  { date: "2026-08-25", name: "Maulid Nabi Muhammad SAW", kind: "national", source: SKB_2026 },
  { date: "2026-12-24", name: "Cuti bersama Hari Raya Natal", kind: "cuti_bersama", source: SKB_2026 },
  { date: "2026-12-25", name: "Hari Raya Natal", kind: "national", source: SKB_2026 },
  { date: "2027-01-01", name: "Tahun Baru 2027 Masehi", kind: "national", source: FIXED },
  { date: "2027-01-05", name: "Isra Mikraj Nabi Muhammad SAW", kind: "national", source: PROVISIONAL_2027 },
  { date: "2027-02-06", name: "Tahun Baru Imlek 2578 Kongzili", kind: "national", source: PROVISIONAL_2027 },
  {
    date: "2027-03-09",
    name: "Hari Suci Nyepi Tahun Baru Saka 1949",
    kind: "national",
    source: PROVISIONAL_2027,
  },
  { date: "2027-03-10", name: "Idulfitri 1448 H", kind: "national", source: PROVISIONAL_2027 },
  { date: "2027-03-11", name: "Idulfitri 1448 H (hari kedua)", kind: "national", source: PROVISIONAL_2027 },
  { date: "2027-03-26", name: "Wafat Yesus Kristus", kind: "national", source: PROVISIONAL_2027 },
  {
    date: "2027-03-28",
    name: "Kebangkitan Yesus Kristus (Paskah)",
    kind: "national",
    source: PROVISIONAL_2027,
  },
  { date: "2027-05-01", name: "Hari Buruh Internasional", kind: "national", source: FIXED },
  { date: "2027-05-06", name: "Kenaikan Yesus Kristus", kind: "national", source: PROVISIONAL_2027 },
  { date: "2027-05-17", name: "Iduladha 1448 H", kind: "national", source: PROVISIONAL_2027 },
  { date: "2027-05-20", name: "Hari Raya Waisak 2571 BE", kind: "national", source: PROVISIONAL_2027 },
  { date: "2027-06-01", name: "Hari Lahir Pancasila", kind: "national", source: FIXED },
  { date: "2027-06-06", name: "Tahun Baru Islam 1449 H", kind: "national", source: PROVISIONAL_2027 },
  { date: "2027-08-15", name: "Maulid Nabi Muhammad SAW", kind: "national", source: PROVISIONAL_2027 },
  { date: "2027-08-17", name: "Hari Kemerdekaan RI", kind: "national", source: FIXED },
  { date: "2027-12-25", name: "Hari Raya Natal", kind: "national", source: FIXED },
];
