import { z } from "zod";
import { DOCUMENT_KINDS } from "../documents/kinds.ts";
import { BUSINESS_SECTORS } from "../registry/attributes.ts";
import { personInputSchema } from "../registry/schemas.ts";

/**
 * A field submission as the offline form queues it: the applicant (new, or an existing person downloaded with
 * their version), the period applied for, the business for UMKM programs, whether the applicant came in person
 * and, if not, who handed in the papers. Shared with the web app.
 */
export const PRESENTER_RELATIONS = [
  "spouse",
  "child",
  "parent",
  "sibling",
  "relative",
  "neighbour",
  "rt_rw_head",
  "other",
] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const presenterSchema = z.object({
  name: text(120),
  nik: z.string().trim().max(40).nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s-]{8,20}$/)
    .nullish(),
  relation: z.enum(PRESENTER_RELATIONS),
});
export type Presenter = z.output<typeof presenterSchema>;

export const registrationBusinessSchema = z.object({
  name: text(120),
  sector: z.enum(BUSINESS_SECTORS),
  licenseNumber: text(60).nullish(),
  address: text(200).nullish(),
});

export const applicantSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("new"), person: personInputSchema }),
  z.object({
    kind: z.literal("existing"),
    personId: z.uuid(),
    /** The person's version when the device downloaded it: a change on the server since then is a conflict. */
    version: z.number().int().min(1),
    changes: personInputSchema.partial().optional(),
    /** Required when the changes touch identity (name, NIK, KK, sex, birth date, household), phone or income. */
    reason: z.string().trim().min(3).max(500).optional(),
  }),
]);

export const submissionSchema = z
  .object({
    /** When the form was completed on the device (its own clock). */
    capturedAt: z.iso.datetime({ offset: true }),
    periodId: z.uuid(),
    applicant: applicantSchema,
    business: registrationBusinessSchema.nullish(),
    appearedInPerson: z.boolean(),
    presenter: presenterSchema.nullish(),
    /** The document kinds the device staged under this submission id before sending it. */
    documents: z.array(z.enum(DOCUMENT_KINDS)).max(DOCUMENT_KINDS.length).default([]),
    /** Submit for verification straight away when documents and eligibility allow; else it stays a draft. */
    submit: z.boolean().default(true),
  })
  .refine((s) => s.appearedInPerson || s.presenter, { path: ["presenter"], message: "PRESENTER_REQUIRED" });
export type Submission = z.output<typeof submissionSchema>;

export const registrationCheckSchema = z.object({
  nik: z.string().trim().max(40).nullish(),
  kk: z.string().trim().max(40).nullish(),
  name: z.string().trim().max(120).nullish(),
  sex: z.enum(["L", "P"]).nullish(),
  birthDate: z.iso.date().nullish(),
  periodId: z.uuid().nullish(),
});
export type RegistrationCheck = z.output<typeof registrationCheckSchema>;

const explainedIssue = z.object({
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  message: z.string(),
});

/** While typing: the NIK and KK explained, and existing persons who may be the same applicant. */
export const registrationCheckResultSchema = z.object({
  nik: z
    .object({
      valid: z.boolean(),
      errors: z.array(explainedIssue),
      warnings: z.array(explainedIssue),
      decoded: z.record(z.string(), z.unknown()).nullable(),
    })
    .nullable(),
  kk: z
    .object({
      valid: z.boolean(),
      errors: z.array(explainedIssue),
      warnings: z.array(explainedIssue),
    })
    .nullable(),
  duplicates: z.array(
    z.object({
      /** nik / name_birthdate: the exact rules; probable: the matching model; kk: the same family. */
      match: z.enum(["nik", "name_birthdate", "probable", "kk"]),
      probability: z.number(),
      inYourArea: z.boolean(),
      personId: z.string().nullable(),
      name: z.string().nullable(),
      village: z.object({ code: z.string(), name: z.string() }).nullable(),
      district: z.string(),
      rt: z.string().nullable(),
      enrolledInPeriod: z.string().nullable(),
    }),
  ),
});

const message = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const ruleResultSchema = z.object({
  rule: z.string(),
  passed: z.boolean(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export const eligibilityViewSchema = z.object({
  eligible: z.boolean(),
  asOf: z.string(),
  failedRules: z.array(z.string()),
  results: z.array(ruleResultSchema),
});

export const registrationResultSchema = z.object({
  submissionId: z.uuid(),
  /** True when this submission had been applied before: nothing was written this time. */
  replayed: z.boolean(),
  personId: z.uuid(),
  enrollmentId: z.uuid(),
  /** The application's status right after the submission was applied (draft or submitted). */
  applicationStatus: z.string(),
  version: z.number(),
  submitted: z.boolean(),
  /** Why the application stayed a draft (documents missing, not eligible), when submit was asked for. */
  blocked: message.nullable(),
  eligibility: eligibilityViewSchema.nullable(),
  warnings: z.array(message),
});
export type RegistrationResult = z.output<typeof registrationResultSchema>;

export const CONFLICT_KINDS = ["person_changed", "person_exists", "already_enrolled"] as const;

export const registrationConflictSchema = z.object({
  code: z.literal("REGISTRATION_CONFLICT"),
  message: z.string(),
  requestId: z.string(),
  submissionId: z.uuid(),
  conflict: z.object({
    kind: z.enum(CONFLICT_KINDS),
    personId: z.uuid(),
    /** The record as it is on the server now (masked numbers). */
    server: z.record(z.string(), z.unknown()),
    /** What the device sent: the new person, or the changes and the version they were based on. */
    submitted: z.record(z.string(), z.unknown()),
    /** Fields where the two disagree. */
    fields: z.array(z.string()),
    enrollmentId: z.uuid().nullable(),
  }),
});
