import {
  bigint,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { regions } from "../regions/schema.ts";
import {
  BUSINESS_SECTORS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  HEALTH_CONDITIONS,
  HOUSE_CONDITIONS,
  HOUSEHOLD_ROLES,
  MARITAL_STATUSES,
  SEXES,
} from "./attributes.ts";
import {
  ENROLLMENT_STATUSES,
  NIK_STATUSES,
  PERIOD_STATUSES,
  PROGRAM_KINDS,
  PROGRAM_TARGETS,
} from "./codes.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
/** Whole rupiah: bigint in the database, a JS number in code (safe up to Rp 9 quadrillion). */
const rupiah = (name: string) => bigint(name, { mode: "number" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/**
 * Every large table carries its desa and kecamatan codes so that area-scoped queries need no join and a
 * national deployment can partition by region code.
 * NIK, KK and phone are never stored in plaintext: `*_cipher` holds AES-256-GCM ciphertext and `*_index` an
 * HMAC-SHA-256 blind index used for exact lookup and duplicate checks (UU 27/2022 on personal data).
 */
export const households = pgTable(
  "households",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kkCipher: bytea("kk_cipher").notNull(),
    kkIndex: bytea("kk_index").notNull(),
    villageCode: text("village_code")
      .notNull()
      .references(() => regions.code),
    districtCode: text("district_code").notNull(),
    rt: text("rt"),
    rw: text("rw"),
    address: text("address"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("households_kk_index_uq").on(t.kkIndex),
    index("households_village_idx").on(t.villageCode),
  ],
);

export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nikCipher: bytea("nik_cipher"),
    nikIndex: bytea("nik_index"),
    /** Result of the NIK check at the last write: invalid NIKs from the field are kept and flagged, not lost. */
    nikStatus: text("nik_status", { enum: NIK_STATUSES }).notNull(),
    kkCipher: bytea("kk_cipher"),
    kkIndex: bytea("kk_index"),
    phoneCipher: bytea("phone_cipher"),
    phoneIndex: bytea("phone_index"),
    name: text("name").notNull(),
    /** Lower-case, single-spaced name: what case- and spacing-insensitive search compares against. */
    nameSearch: text("name_search").notNull(),
    sex: text("sex", { enum: SEXES }).notNull(),
    birthPlace: text("birth_place"),
    birthDate: date("birth_date", { mode: "string" }),
    address: text("address"),
    villageCode: text("village_code")
      .notNull()
      .references(() => regions.code),
    districtCode: text("district_code").notNull(),
    rt: text("rt"),
    rw: text("rw"),
    householdId: uuid("household_id").references(() => households.id),
    householdRole: text("household_role", { enum: HOUSEHOLD_ROLES }),
    occupation: text("occupation"),
    education: text("education", { enum: EDUCATION_LEVELS }),
    employment: text("employment", { enum: EMPLOYMENT_STATUSES }),
    monthlyIncome: rupiah("monthly_income"),
    maritalStatus: text("marital_status", { enum: MARITAL_STATUSES }),
    houseCondition: text("house_condition", { enum: HOUSE_CONDITIONS }),
    health: text("health", { enum: HEALTH_CONDITIONS }),
    dependants: integer("dependants"),
    children: integer("children"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("persons_nik_index_uq").on(t.nikIndex),
    index("persons_kk_index_idx").on(t.kkIndex),
    index("persons_village_idx").on(t.villageCode),
    index("persons_district_idx").on(t.districtCode),
    index("persons_household_idx").on(t.householdId),
    index("persons_name_search_idx").on(t.nameSearch),
  ],
);

export const businesses = pgTable(
  "businesses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => persons.id),
    name: text("name").notNull(),
    sector: text("sector", { enum: BUSINESS_SECTORS }).notNull(),
    /** SKU (Surat Keterangan Usaha) from the desa, or NIB from OSS: the document UMKM programs require. */
    licenseNumber: text("license_number"),
    address: text("address"),
    villageCode: text("village_code")
      .notNull()
      .references(() => regions.code),
    districtCode: text("district_code").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("businesses_owner_idx").on(t.ownerId), index("businesses_village_idx").on(t.villageCode)],
);

export const agencies = pgTable("agencies", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const programs = pgTable("programs", {
  id: uuid("id").primaryKey().defaultRandom(),
  agencyId: uuid("agency_id")
    .notNull()
    .references(() => agencies.id),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: PROGRAM_KINDS }).notNull(),
  target: text("target", { enum: PROGRAM_TARGETS }).notNull().default("person"),
  amountPerRecipient: rupiah("amount_per_recipient").notNull(),
  budget: rupiah("budget").notNull(),
  quota: integer("quota").notNull(),
  description: text("description"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer("version").notNull().default(1),
});

/** A tahap: one round of a program with its own dates, objection period and decree. */
export const periods = pgTable(
  "periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    name: text("name").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    status: text("status", { enum: PERIOD_STATUSES }).notNull().default("planned"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("periods_program_name_uq").on(t.programId, t.name)],
);

export const enrollments = pgTable(
  "enrollments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id),
    businessId: uuid("business_id").references(() => businesses.id),
    status: text("status", { enum: ENROLLMENT_STATUSES }).notNull().default("draft"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    villageCode: text("village_code").notNull(),
    districtCode: text("district_code").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("enrollments_person_period_uq").on(t.personId, t.periodId),
    index("enrollments_period_status_idx").on(t.periodId, t.status),
    index("enrollments_program_idx").on(t.programId),
    index("enrollments_village_idx").on(t.villageCode),
  ],
);
