import { z } from "zod";
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

/**
 * The registry's input and output shapes, validated once at the edge (routes, importer) and shared with the
 * web app. NIK and KK arrive raw (spaces, dots, apostrophes) and are checked by the NIK module, which explains
 * each failure; zod only bounds their size.
 */
const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => trimmed(max).nullish();
const isoDate = z.iso.date();
/** RT and RW are written 1–3 digits in the field ("3", "03", "003"); stored zero-padded to 3. */
const rtRw = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/)
  .transform((v) => v.padStart(3, "0"));
const villageCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
const districtCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/);
const idNumberInput = z.string().trim().max(40);
const rupiah = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const reason = z.string().trim().min(3).max(500);
/** Short codes agencies already use for themselves and their programs: DINSOS, BLT-UMKM, bst-2026. */
const recordCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,59}$/);

export const personFields = {
  nik: idNumberInput.nullish(),
  kk: idNumberInput.nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s-]{8,20}$/)
    .nullish(),
  name: trimmed(120),
  sex: z.enum(SEXES),
  birthPlace: optionalText(80),
  birthDate: isoDate.nullish(),
  address: optionalText(200),
  villageCode,
  rt: rtRw.nullish(),
  rw: rtRw.nullish(),
  householdId: z.uuid().nullish(),
  householdRole: z.enum(HOUSEHOLD_ROLES).nullish(),
  occupation: optionalText(80),
  education: z.enum(EDUCATION_LEVELS).nullish(),
  employment: z.enum(EMPLOYMENT_STATUSES).nullish(),
  monthlyIncome: rupiah.nullish(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullish(),
  houseCondition: z.enum(HOUSE_CONDITIONS).nullish(),
  health: z.enum(HEALTH_CONDITIONS).nullish(),
  dependants: z.number().int().min(0).max(30).nullish(),
  children: z.number().int().min(0).max(30).nullish(),
};

export const personInputSchema = z.object(personFields);
export type PersonInput = z.input<typeof personInputSchema>;
export type PersonData = z.output<typeof personInputSchema>;

/** An edit names the version it was based on (a concurrent edit is a conflict, not a silent overwrite) and why. */
export const personUpdateSchema = personInputSchema.partial().extend({
  version: z.number().int().min(1),
  reason: reason.optional(),
});
export type PersonUpdate = z.output<typeof personUpdateSchema>;

const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export const personSearchSchema = z.object({
  q: z.string().trim().max(120).optional(),
  nik: idNumberInput.optional(),
  districtCode: districtCode.optional(),
  villageCode: villageCode.optional(),
  rt: rtRw.optional(),
  programId: z.uuid().optional(),
  periodId: z.uuid().optional(),
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  nikStatus: z.enum(NIK_STATUSES).optional(),
  ...pageFields,
});
export type PersonSearch = z.output<typeof personSearchSchema>;

const region = z.object({ code: z.string(), name: z.string() });

export const personViewSchema = z.object({
  id: z.uuid(),
  nik: z
    .string()
    .nullable()
    .describe(
      "Masked (640105******0003) for officials entitled to the full NIK; region only (640105**********) for others",
    ),
  nikStatus: z.enum(NIK_STATUSES),
  kk: z.string().nullable(),
  phone: z.string().nullable(),
  name: z.string(),
  sex: z.enum(SEXES),
  birthPlace: z.string().nullable(),
  birthDate: z.string().nullable().describe("Null for callers without the identity right: see birthYear"),
  birthYear: z.number().nullable(),
  address: z.string().nullable(),
  village: region,
  district: region,
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  householdId: z.string().nullable(),
  householdRole: z.enum(HOUSEHOLD_ROLES).nullable(),
  occupation: z.string().nullable(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  employment: z.enum(EMPLOYMENT_STATUSES).nullable(),
  monthlyIncome: z.number().nullable(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
  houseCondition: z.enum(HOUSE_CONDITIONS).nullable(),
  health: z.enum(HEALTH_CONDITIONS).nullable(),
  dependants: z.number().nullable(),
  children: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type PersonView = z.output<typeof personViewSchema>;

export const issueSchema = z.object({ code: z.string(), message: z.string() });

export const personWriteResultSchema = z.object({
  person: personViewSchema,
  warnings: z.array(issueSchema),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number(),
    /** The matches were counted only up to `total`: there are more (a name search stops counting). */
    totalCapped: z.boolean().optional(),
    page: z.number(),
    pageSize: z.number(),
  });

export const householdInputSchema = z.object({
  kk: idNumberInput,
  villageCode,
  rt: rtRw.nullish(),
  rw: rtRw.nullish(),
  address: optionalText(200),
});
export type HouseholdInput = z.output<typeof householdInputSchema>;
/** A household's KK number does not change: a new KK is a new household. */
export const householdUpdateSchema = householdInputSchema
  .omit({ kk: true })
  .partial()
  .extend({ version: z.number().int().min(1), reason: reason.optional() });
export type HouseholdUpdate = z.output<typeof householdUpdateSchema>;

export const householdViewSchema = z.object({
  id: z.uuid(),
  kk: z.string(),
  village: region,
  district: region,
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  address: z.string().nullable(),
  members: z.array(personViewSchema),
  version: z.number(),
});

export const businessInputSchema = z.object({
  ownerId: z.uuid(),
  name: trimmed(120),
  sector: z.enum(BUSINESS_SECTORS),
  licenseNumber: optionalText(60),
  address: optionalText(200),
  villageCode,
});
export type BusinessInput = z.output<typeof businessInputSchema>;
export const businessUpdateSchema = businessInputSchema
  .omit({ ownerId: true })
  .partial()
  .extend({ version: z.number().int().min(1), reason: reason.optional() });
export type BusinessUpdate = z.output<typeof businessUpdateSchema>;
export const businessViewSchema = businessInputSchema.extend({
  id: z.uuid(),
  villageCode: z.string(),
  districtCode: z.string(),
  licenseNumber: z.string().nullable(),
  address: z.string().nullable(),
  version: z.number(),
});

export const agencyInputSchema = z.object({
  code: recordCode,
  name: trimmed(120),
});
export const agencyViewSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

const programFields = z.object({
  agencyId: z.uuid(),
  code: recordCode,
  name: trimmed(160),
  kind: z.enum(PROGRAM_KINDS),
  target: z.enum(PROGRAM_TARGETS).default("person"),
  amountPerRecipient: rupiah,
  budget: rupiah,
  quota: z.number().int().min(0).max(10_000_000),
  description: optionalText(2000),
});
/** A program must be able to pay its whole quota: quota × amount per recipient ≤ budget. */
export const programBudgetCovers = (p: { amountPerRecipient: number; quota: number; budget: number }) =>
  p.amountPerRecipient * p.quota <= p.budget;
export const programInputSchema = programFields.refine(programBudgetCovers, {
  path: ["budget"],
  message: "PROGRAM_BUDGET_BELOW_QUOTA",
});
export const programUpdateSchema = programFields
  .omit({ agencyId: true, code: true })
  .partial()
  .extend({ version: z.number().int().min(1), reason: reason.optional() });
export type ProgramUpdate = z.output<typeof programUpdateSchema>;
export type ProgramInput = z.output<typeof programInputSchema>;
export const programViewSchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PROGRAM_KINDS),
  target: z.enum(PROGRAM_TARGETS),
  amountPerRecipient: z.number(),
  budget: z.number(),
  quota: z.number(),
  description: z.string().nullable(),
  version: z.number(),
});

const periodFields = z.object({
  programId: z.uuid(),
  name: trimmed(80),
  startsOn: isoDate,
  endsOn: isoDate,
  status: z.enum(PERIOD_STATUSES).default("planned"),
});
export const periodInputSchema = periodFields.refine((p) => p.startsOn <= p.endsOn, {
  path: ["endsOn"],
  message: "PERIOD_ENDS_BEFORE_START",
});
export const periodUpdateSchema = periodFields
  .omit({ programId: true })
  .partial()
  .extend({ version: z.number().int().min(1), reason: reason.optional() });
export type PeriodUpdate = z.output<typeof periodUpdateSchema>;
export type PeriodInput = z.output<typeof periodInputSchema>;
export const periodViewSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(PERIOD_STATUSES),
  version: z.number(),
});

export const enrollmentInputSchema = z.object({
  personId: z.uuid(),
  periodId: z.uuid(),
  businessId: z.uuid().nullish(),
});
export type EnrollmentInput = z.output<typeof enrollmentInputSchema>;
export const enrollmentViewSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  programId: z.uuid(),
  programName: z.string(),
  agencyName: z.string(),
  periodId: z.uuid(),
  periodName: z.string(),
  businessId: z.string().nullable(),
  status: z.enum(ENROLLMENT_STATUSES),
  villageCode: z.string(),
  districtCode: z.string(),
  version: z.number(),
});
export const enrollmentSearchSchema = z.object({
  personId: z.uuid().optional(),
  programId: z.uuid().optional(),
  periodId: z.uuid().optional(),
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  districtCode: districtCode.optional(),
  villageCode: villageCode.optional(),
  ...pageFields,
});
export type EnrollmentSearch = z.output<typeof enrollmentSearchSchema>;

/** A record's history as the person page shows it, from the audit trail. */
export const personHistorySchema = z.array(
  z.object({
    seq: z.number(),
    at: z.string(),
    actor: z.object({ id: z.string().nullable(), name: z.string(), role: z.string() }),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    reason: z.string().nullable(),
    changes: z.array(
      z.object({
        field: z.string(),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        masked: z
          .literal(true)
          .optional()
          .describe("A personal field: before/after only say that it changed"),
      }),
    ),
  }),
);

/** GET /persons/:id: the person with businesses, enrollments (of the caller's agency) and the history. */
export const personDetailSchema = personViewSchema.extend({
  businesses: z.array(businessViewSchema),
  enrollments: z.array(enrollmentViewSchema),
  history: personHistorySchema,
});

/** GET /persons/:id/identity: the full numbers, for entitled roles, each read audited. */
export const personIdentitySchema = z.object({
  nik: z.string().nullable(),
  kk: z.string().nullable(),
  phone: z.string().nullable(),
});
