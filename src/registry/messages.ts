import type { MessageCatalog } from "../i18n/index.ts";

export const REGISTRY_MESSAGES: MessageCatalog = {
  PERSON_NOT_FOUND: { id: "Penduduk {id} tidak ditemukan.", en: "Person {id} was not found." },
  PERSON_NIK_EXISTS: {
    id: "NIK ini sudah terdaftar atas penduduk lain ({id}). Periksa apakah orang yang sama sudah didaftarkan.",
    en: "This NIK is already registered to another person ({id}). Check whether the same person was registered before.",
  },
  PERSON_NIK_EXISTS_ELSEWHERE: {
    id: "NIK ini sudah terdaftar di luar wilayah Anda. Hubungi operator kecamatan atau koordinator; percobaan ini tercatat.",
    en: "This NIK is already registered outside your area. Contact the kecamatan officer or the coordinator; this attempt is recorded.",
  },
  HOUSEHOLD_KK_EXISTS_ELSEWHERE: {
    id: "Nomor KK ini sudah terdaftar di luar wilayah Anda. Hubungi operator kecamatan atau koordinator.",
    en: "This KK number is already registered outside your area. Contact the kecamatan officer or the coordinator.",
  },
  PERSON_IDENTITY_LOCKED: {
    id: "Data {fields} tidak dapat diubah: pengajuan {enrollments} sudah berstatus {statuses}. Kembalikan pengajuan untuk perbaikan terlebih dahulu.",
    en: "{fields} cannot be changed: application {enrollments} is already {statuses}. Return the application for correction first.",
  },
  HOUSEHOLD_OTHER_VILLAGE: {
    id: "Keluarga (KK) ini berada di desa lain ({village}); penduduk hanya dapat masuk KK di desanya sendiri.",
    en: "This household (KK) is in another village ({village}); a person can only join a household in their own village.",
  },
  HOUSEHOLD_NOT_FOUND: {
    id: "Keluarga (KK) {id} tidak ditemukan.",
    en: "Household (KK) {id} was not found.",
  },
  HOUSEHOLD_KK_EXISTS: {
    id: "Nomor KK ini sudah terdaftar ({id}).",
    en: "This KK number is already registered ({id}).",
  },
  BUSINESS_NOT_OWNED: {
    id: "Usaha {id} tidak ada atau bukan milik penduduk ini.",
    en: "Business {id} does not exist or does not belong to this person.",
  },
  BUSINESS_NOT_FOUND: { id: "Usaha {id} tidak ditemukan.", en: "Business {id} was not found." },
  AGENCY_NOT_FOUND: { id: "Dinas {id} tidak ditemukan.", en: "Agency {id} was not found." },
  AGENCY_CODE_EXISTS: {
    id: "Kode dinas '{code}' sudah dipakai.",
    en: "Agency code '{code}' is already in use.",
  },
  PROGRAM_NOT_FOUND: { id: "Program {id} tidak ditemukan.", en: "Program {id} was not found." },
  PROGRAM_CODE_EXISTS: {
    id: "Kode program '{code}' sudah dipakai.",
    en: "Program code '{code}' is already in use.",
  },
  PROGRAM_BUDGET_BELOW_QUOTA: {
    id: "Pagu anggaran lebih kecil dari kuota × nilai bantuan per penerima.",
    en: "The budget is smaller than quota × amount per recipient.",
  },
  PERIOD_NOT_FOUND: { id: "Tahap {id} tidak ditemukan.", en: "Period {id} was not found." },
  PERIOD_NAME_EXISTS: {
    id: "Program ini sudah punya tahap bernama '{name}'.",
    en: "This program already has a period named '{name}'.",
  },
  PERIOD_ENDS_BEFORE_START: {
    id: "Tanggal selesai tidak boleh sebelum tanggal mulai.",
    en: "The end date cannot be before the start date.",
  },
  ENROLLMENT_EXISTS: {
    id: "Penduduk ini sudah terdaftar pada tahap tersebut.",
    en: "This person is already enrolled in that period.",
  },
  VILLAGE_UNKNOWN: {
    id: "Kode desa {code} tidak ada dalam daftar wilayah Kemendagri.",
    en: "Village code {code} is not in the Kemendagri region list.",
  },
  VILLAGE_OUTSIDE_REGENCY: {
    id: "Desa {code} berada di luar kabupaten ini ({regency}).",
    en: "Village {code} is outside this regency ({regency}).",
  },
};
