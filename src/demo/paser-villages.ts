/**
 * The 144 villages of Kabupaten Paser (64.01) as Kemendagri codes them (idn-area-data), so the demo, fixtures and
 * benchmarks can run without the regions catalog. A test keeps this copy equal to the package's data.
 */
import type { DemoVillage } from "./population.ts";

const PASER_DISTRICTS: readonly (readonly [code: string, name: string, villages: string])[] = [
  [
    "64.01.01",
    "Batu Sopang",
    `2009 Samurangau, 2010 Busui, 2011 Batu Kajang, 2012 Legai, 2013 Sungai Terik, 2014 Kasungai, 2015
     Rantau Buta, 2016 Rantau Layung, 2017 Songka`,
  ],
  [
    "64.01.02",
    "Tanjung Harapan",
    `2004 Keladen, 2006 Tanjung Aru, 2007 Labuangkallo, 2012 Lori, 2013 Selengot, 2014 Random, 2015
     Senipah`,
  ],
  [
    "64.01.03",
    "Paser Belengkong",
    `2001 Lempesu, 2002 Bekoso, 2003 Damit, 2004 Suatang, 2005 Suliliran, 2006 Pasir Belengkong, 2007
     Sangkuriman, 2008 Laburan, 2009 Suliliran Baru, 2010 Keresik Bura, 2011 Laburan Baru, 2012 Seniung
     Jaya, 2013 Sunge Batu, 2014 Olong Pinang, 2015 Suatang Keteban`,
  ],
  [
    "64.01.04",
    "Tanah Grogot",
    `1001 Tanah Grogot, 2002 Janju, 2003 Tepian Batang, 2004 Tanah Periuk, 2005 Pepara, 2006 Sungai Tuak,
     2007 Sempulang, 2008 Jone, 2009 Rantau Panjang, 2010 Muara Pasir, 2011 Padang Pengrapat, 2012
     Perepat, 2013 Pulau Rantau, 2014 Sungai Langir, 2015 Tapis, 2016 Senaken`,
  ],
  [
    "64.01.05",
    "Kuaro",
    `1001 Kuaro, 2002 Lolo, 2003 Sandeley, 2004 Harapan Baru, 2005 Rangan, 2006 Modang, 2007 Pasir
     Mayang, 2008 Kerta Bumi, 2009 Pondong Baru, 2010 Padang Jaya, 2011 Kendarom, 2012 Klempang Sari,
     2013 Keluang Paser Jaya`,
  ],
  [
    "64.01.06",
    "Long Ikis",
    `1001 Long Ikis, 2002 Muara Adang, 2003 Teluk Waru, 2004 Tajur, 2005 Semuntai, 2006 Lombok, 2007
     Pait, 2008 Olung, 2009 Kayungo, 2010 Jemparing, 2011 Tiwei, 2012 Belimbing, 2013 Long Gelang, 2014
     Krayan Jaya, 2015 Bukit Saloka, 2016 Krayan Sentosa, 2017 Krayan Makmur, 2018 Kayungo Sari, 2019
     Krayan Bahagia, 2020 Sawit Jaya, 2021 Sekurou Jaya, 2022 Kerta Bhakti, 2023 Adang Jaya, 2024 Tajer
     Mulya, 2025 Brewe, 2026 Atang Pait`,
  ],
  [
    "64.01.07",
    "Muara Komam",
    `1001 Muara Komam, 2002 Batu Botuk, 2003 Uko, 2004 Muara Langon, 2005 Binangon, 2006 Muara Kuaro,
     2007 Prayon, 2008 Long Sayo, 2009 Muara Payang, 2010 Lusan, 2011 Swan Slutung, 2012 Sekuan Makmur,
     2013 Selerong`,
  ],
  [
    "64.01.08",
    "Long Kali",
    `1001 Long Kali, 2002 Muara Telake, 2003 Sebakung, 2004 Bente Tualan, 2005 Mendik, 2006 Munggu, 2007
     Muara Pias, 2008 Muara Toyu, 2009 Perkuwen, 2010 Pinang Jatus, 2011 Muara Lambakan, 2012 Kepala
     Telake, 2013 Mendik Makmur, 2014 Mendik Karya, 2015 Mendik Bhakti, 2016 Sebakung Taka, 2017 Maruat,
     2018 Sebakung Makmur, 2019 Petiku, 2020 Muara Adang II, 2021 Makmur Jaya, 2022 Gunung Putar, 2023
     Putang`,
  ],
  [
    "64.01.09",
    "Batu Engau",
    `2001 Kerang, 2002 Lomu, 2003 Segendang, 2004 Mengkudu, 2005 Riwang, 2006 Langgai, 2007 Petangis,
     2008 Tempakan, 2009 Kerang Dayo, 2010 Saing Prupuk, 2011 Bai Jaya, 2012 Pengguren Jaya, 2013 Tebru
     Paser Damai`,
  ],
  [
    "64.01.10",
    "Muara Samu",
    `2001 Tanjung Pinang, 2002 Rantau Atas, 2003 Libur Dinding, 2004 Luan, 2005 Suweto, 2006 Muser, 2007
     Biu, 2008 Rantau Bintungan, 2009 Muara Andeh`,
  ],
];

/** Every village of Paser, in code order; each entry is "<4-digit village code> <name>", lines wrap anywhere. */
export const PASER_VILLAGES: readonly DemoVillage[] = PASER_DISTRICTS.flatMap(
  ([districtCode, districtName, text]) =>
    text
      .split(",")
      .map((entry) => entry.replace(/\s+/g, " ").trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => ({
        code: `${districtCode}.${entry.slice(0, 4)}`,
        name: entry.slice(5),
        districtCode,
        districtName,
      })),
);
