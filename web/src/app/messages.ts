import type { MessageCatalog } from "../../../src/i18n/index.ts";

export const APP_MESSAGES = {
  APP_NAME: { id: "Salur", en: "Salur" },
  APP_TAGLINE: {
    id: "Bantuan sosial yang tepat sasaran dan terbuka",
    en: "Social assistance, on target and in the open",
  },
  SKIP_TO_CONTENT: { id: "Langsung ke isi halaman", en: "Skip to content" },
  MENU: { id: "Menu", en: "Menu" },
  MENU_OPEN: { id: "Buka menu", en: "Open menu" },
  NAV_HOME: { id: "Beranda", en: "Home" },
  NAV_PERSONS: { id: "Data penduduk", en: "Registry" },
  NAV_CIVIL_REGISTRY: { id: "Verifikasi Dukcapil", en: "Civil registry check" },
  NAV_PROGRAMS: { id: "Program & tahap", en: "Programs & periods" },
  NAV_AGENCIES: { id: "Dinas", en: "Agencies" },
  NAV_USERS: { id: "Pengguna", en: "Users" },
  NAV_IMPORTS: { id: "Impor daftar", en: "List imports" },
  NAV_RECONCILIATION: { id: "Rekonsiliasi pusat–daerah", en: "Central–regional reconciliation" },
  NAV_MAIN: { id: "Menu utama", en: "Main menu" },
  LANGUAGE: { id: "Bahasa", en: "Language" },
  LANGUAGE_ID: { id: "Bahasa Indonesia", en: "Bahasa Indonesia" },
  LANGUAGE_EN: { id: "English", en: "English" },
  BUSY: { id: "Sedang memuat data", en: "Loading data" },
} satisfies MessageCatalog;
