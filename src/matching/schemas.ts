/** Request and response schemas of the matching API; the web app derives its types from these. */
import { z } from "zod";
import { OVERLAP_LEVELS, REVIEW_STATUSES } from "./codes.ts";

const text = (max: number) => z.string().trim().max(max).nullish();
const region = z.object({ code: z.string(), name: z.string() });
const decision = z.enum(["link", "review", "different"]);

/** What is typed so far of a person being registered; each field may still be missing. */
export const candidateQuerySchema = z.object({
  nik: text(40),
  kk: text(40),
  name: text(120),
  sex: text(20),
  birthDate: text(20),
  birthPlace: text(80),
  address: text(200),
  villageCode: text(20),
  rt: text(5),
  rw: text(5),
  phone: text(30),
  periodId: z.uuid().nullish(),
  excludePersonId: z.uuid().nullish(),
});

const enrollmentSummary = z.object({
  enrollmentId: z.string(),
  agencyCode: z.string(),
  programCode: z.string(),
  programName: z.string(),
  periodName: z.string(),
  status: z.string(),
});

export const candidatesSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  candidates: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      sex: z.string(),
      birthDate: z.string().nullable(),
      /** The year only, for callers without the identity right (birthDate is null then). */
      birthYear: z.number().nullable(),
      village: region,
      district: region,
      rt: z.string().nullable(),
      probability: z.number(),
      weight: z.number(),
      decision,
      levels: z.record(z.string(), z.string()),
      explanation: z.array(z.string()),
      enrollments: z.array(enrollmentSummary),
      otherAgencyEnrollments: z.number(),
    }),
  ),
  outsideArea: z.object({
    count: z.number(),
    candidates: z.array(
      z.object({ district: region, probability: z.number(), decision, enrollmentsInPeriod: z.number() }),
    ),
  }),
});

export const runInputSchema = z.object({ periodId: z.uuid().nullish() });

export const runSchema = z.object({
  id: z.string(),
  periodId: z.string().nullable(),
  persons: z.number(),
  candidatePairs: z.number(),
  linkedPairs: z.number(),
  reviewPairs: z.number(),
  newReviewPairs: z.number(),
  clusters: z.number(),
  decisionsApplied: z.number(),
  matchThreshold: z.number(),
  reviewThreshold: z.number(),
});

const personBrief = z.object({
  personId: z.string(),
  name: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  village: region.nullable(),
  rt: z.string().nullable(),
});

export const reviewSchema = z.object({
  id: z.string(),
  kind: z.enum(["review", "sample"]),
  status: z.enum(REVIEW_STATUSES),
  probability: z.number(),
  weight: z.number(),
  villageCode: z.string(),
  rt: z.string().nullable(),
  villageCodeB: z.string(),
  rtB: z.string().nullable(),
  personA: personBrief,
  personB: personBrief,
  levels: z.record(z.string(), z.string()),
  explanation: z.array(z.string()),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const reviewsQuerySchema = z.object({
  status: z.enum(REVIEW_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const reviewPageSchema = z.object({
  items: z.array(reviewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const reviewDecisionSchema = z.object({
  samePerson: z.boolean(),
  reason: z.string().trim().min(3).max(500),
});

export const qualitySchema = z.object({
  labels: z.number(),
  samePerson: z.number(),
  differentPeople: z.number(),
  sampledLinks: z.number(),
  matchThreshold: z.number(),
  reviewThreshold: z.number(),
  thresholds: z.array(
    z.object({
      threshold: z.number(),
      truePositives: z.number(),
      falsePositives: z.number(),
      falseNegatives: z.number(),
      trueNegatives: z.number(),
      precision: z.number().nullable(),
      recall: z.number().nullable(),
    }),
  ),
});

const programRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const ruleSchema = z.object({
  id: z.string(),
  programA: programRef,
  programB: programRef,
  level: z.enum(OVERLAP_LEVELS),
  startsOn: z.string(),
  endsOn: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const ruleListSchema = z.array(ruleSchema);

export const ruleInputSchema = z.object({
  programA: z.uuid(),
  programB: z.uuid(),
  level: z.enum(OVERLAP_LEVELS),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  reason: z.string().trim().min(3).max(500),
});

/** The dates a violations report covers: a program period's, or from–to (today when left out). */
export const windowQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  periodId: z.uuid().optional(),
});

export const violationsExportQuerySchema = windowQuerySchema.extend({
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
});

export const violationsSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  total: z.number(),
  outsideArea: z.number(),
  violations: z.array(
    z.object({
      ruleId: z.string().nullable(),
      level: z.enum(OVERLAP_LEVELS),
      description: z.string(),
      linkedBy: z.string(),
      persons: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          village: region,
          district: region,
          rt: z.string().nullable(),
          enrollments: z.array(enrollmentSummary),
        }),
      ),
    }),
  ),
});
export type ReviewView = z.output<typeof reviewSchema>;
export type ViolationsView = z.output<typeof violationsSchema>;
