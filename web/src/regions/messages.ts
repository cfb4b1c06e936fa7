import type { MessageCatalog } from "../../../src/i18n/index.ts";

export const REGIONS_MESSAGES = {
  DISTRICT: { id: "Kecamatan", en: "Kecamatan (district)" },
  VILLAGE: { id: "Desa/Kelurahan", en: "Desa (village)" },
  RT: { id: "RT", en: "RT" },
  RW: { id: "RW", en: "RW" },
  ALL_DISTRICTS: { id: "Semua kecamatan", en: "All kecamatan" },
  ALL_VILLAGES: { id: "Semua desa", en: "All villages" },
  CHOOSE_DISTRICT_FIRST: { id: "Pilih kecamatan dulu", en: "Choose a kecamatan first" },
  RT_HINT: { id: "mis. 003", en: "e.g. 003" },
} satisfies MessageCatalog;
