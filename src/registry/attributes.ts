/**
 * The socio-economic attributes recorded for a person, shared by registration, the demo generator and ranking
 * (rating-mode band rules map these to levels). Seed 003's criteria: education, employment, income, status,
 * age, residence (house condition), health, number of children. Codes are stable; labels live in i18n.
 */
export const EDUCATION_LEVELS = [
  "none", // tidak/belum sekolah
  "sd", // SD / sederajat
  "smp", // SMP / sederajat
  "sma", // SMA / SMK / sederajat
  "diploma", // D1–D3
  "sarjana", // S1 or higher
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EMPLOYMENT_STATUSES = [
  "unemployed", // tidak bekerja
  "daily_labourer", // buruh harian lepas
  "farmer_fisher", // petani / nelayan
  "informal_trader", // pedagang / usaha mikro
  "private_employee", // karyawan swasta
  "civil_servant", // PNS / TNI / Polri — ineligible for most bansos
  "retired", // pensiunan
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const MARITAL_STATUSES = ["single", "married", "divorced", "widowed"] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

/** Position in the KK (hubungan dalam keluarga): the head is who a household-level program pays. */
export const HOUSEHOLD_ROLES = ["head", "spouse", "child", "parent", "other"] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

export const HOUSE_CONDITIONS = [
  "permanent", // tembok, lantai keramik
  "semi_permanent", // setengah tembok
  "non_permanent", // kayu / bambu, lantai tanah
  "no_own_house", // menumpang / sewa
] as const;
export type HouseCondition = (typeof HOUSE_CONDITIONS)[number];

export const HEALTH_CONDITIONS = ["healthy", "chronic_illness", "disability", "elderly_dependent"] as const;
export type HealthCondition = (typeof HEALTH_CONDITIONS)[number];

export const SEXES = ["L", "P"] as const; // laki-laki / perempuan, as on the KTP
export type Sex = (typeof SEXES)[number];

export const BUSINESS_SECTORS = [
  "food",
  "retail",
  "agriculture",
  "fishery",
  "craft",
  "service",
  "other",
] as const;
export type BusinessSector = (typeof BUSINESS_SECTORS)[number];

/** What ranking needs of a person; income in whole rupiah per month; null = not recorded. */
export interface SocioEconomicProfile {
  education: EducationLevel | null;
  employment: EmploymentStatus | null;
  monthlyIncome: number | null;
  maritalStatus: MaritalStatus | null;
  houseCondition: HouseCondition | null;
  health: HealthCondition | null;
  dependants: number | null;
  children: number | null;
  birthDate: string | null; // YYYY-MM-DD, for the age criterion
}
