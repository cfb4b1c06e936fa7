/**
 * Input and output shapes of the ranking API, shared by the routes and the web app. A rating model arrives as
 * plain data and is parsed here for shape; its meaning (levels named by the rules exist, bands ascend, judgment
 * counts fit) is checked by the engine's compileRatingModel, which answers with field-level issues.
 */
import { z } from "zod";
import { MAX_COMPARISON_SIZE, RANDOM_INDEX_TABLE_NAMES, type RandomIndexTableName } from "./ahp.ts";
import { CATEGORY_ATTRIBUTES, NUMBER_ATTRIBUTES } from "./rating.ts";

const code = z.string().trim().min(1).max(60);
const localized = z.object({ id: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });

/**
 * Officers judge on Saaty's 1–9 scale; aggregated group judgments, completed gaps and weights saved as consistent
 * judgments are real numbers and may exceed 9 (a completed gap can chain two 9s).
 */
export const judgmentSchema = z.object({
  intensity: z.number().min(1).max(1_000_000),
  favours: z.enum(["first", "second"]),
});

const outcome = code.nullable();

const ruleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("category"),
    attribute: z.enum(Object.keys(CATEGORY_ATTRIBUTES) as [keyof typeof CATEGORY_ATTRIBUTES]),
    levels: z.record(z.string(), outcome),
  }),
  z.object({
    kind: z.literal("bands"),
    attribute: z.enum(NUMBER_ATTRIBUTES),
    bands: z
      .array(z.object({ below: z.number().nullable(), level: outcome }))
      .min(1)
      .max(MAX_COMPARISON_SIZE + 1)
      .readonly(),
  }),
  z.object({
    kind: z.literal("indicator"),
    indicator: code,
    whenTrue: outcome,
    whenFalse: outcome,
  }),
]);

const criterionSchema = z.object({
  code,
  label: localized,
  levels: z
    .array(z.object({ code, label: localized }))
    .min(1)
    .max(MAX_COMPARISON_SIZE)
    .readonly(),
  levelJudgments: z.array(judgmentSchema).max(105).readonly(),
  rule: ruleSchema,
  whenUnknown: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("no-points") }),
    z.object({ kind: z.literal("level"), level: code }),
  ]),
});

export const ratingModelSchema = z.object({
  code,
  version: z.string().trim().min(1).max(30),
  label: localized,
  criteria: z.array(criterionSchema).min(1).max(MAX_COMPARISON_SIZE).readonly(),
  criteriaJudgments: z.array(judgmentSchema).max(105).readonly(),
  randomIndexTable: z.enum(RANDOM_INDEX_TABLE_NAMES as [RandomIndexTableName, ...RandomIndexTableName[]]),
});

/**
 * One judge of a group decision on the criteria (kepala desa, pendamping, ketua RT …): their upper-triangle
 * judgments in the order of the model's criteria, null where they gave none.
 */
export const judgeSchema = z.object({
  judge: z.string().trim().min(1).max(80),
  /** What the judge is (e.g. "kepala_desa"); shown, not interpreted. */
  role: z.string().trim().max(60).nullish(),
  weight: z.number().positive().max(100).default(1),
  judgments: z.array(judgmentSchema.nullable()).max(105),
});
export type JudgeInput = z.output<typeof judgeSchema>;

export const modelInputSchema = z.object({
  /** The version the editor started from (0 when the program still used the default); a newer one answers 409. */
  baseVersion: z.number().int().min(0),
  model: ratingModelSchema,
  /** When given, the criteria judgments are the judges' aggregate and `model.criteriaJudgments` is replaced. */
  judges: z.array(judgeSchema).max(30).optional(),
  /** Why the weights change: a new version moves who is selected, so it never goes unexplained. */
  reason: z.string().trim().min(3).max(400),
  /** Required when a consistency ratio exceeds 0.10: why the meeting keeps judgments Saaty would revisit. */
  inconsistencyJustification: z.string().trim().min(10).max(400).optional(),
});
export type ModelInput = z.output<typeof modelInputSchema>;

const analysisSchema = z.object({
  weights: z.array(z.number()),
  geometricMeanWeights: z.array(z.number()),
  lambdaMax: z.number(),
  consistencyIndex: z.number(),
  consistencyRatio: z.number(),
  randomIndexTable: z.string(),
  randomIndex: z.number(),
  acceptable: z.boolean(),
});

export const modelViewSchema = z.object({
  programId: z.uuid(),
  /** 0: the program has no model of its own yet and ranks with the default (the seed-003 model). */
  version: z.number(),
  source: z.enum(["default", "stored"]),
  model: ratingModelSchema,
  judges: z.array(judgeSchema),
  sha256: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  analysis: analysisSchema,
  criteria: z.array(
    z.object({
      code: z.string(),
      label: localized,
      weight: z.number(),
      levelConsistencyRatio: z.number(),
      levels: z.array(z.object({ code: z.string(), label: localized, value: z.number() })),
    }),
  ),
  hints: z.array(
    z.object({
      first: z.string(),
      second: z.string(),
      current: judgmentSchema,
      suggested: judgmentSchema,
      resultingConsistencyRatio: z.number(),
    }),
  ),
  group: z
    .object({
      consensus: z.object({ value: z.number(), level: z.string() }).nullable(),
      judges: z.array(
        z.object({ judge: z.string(), weight: z.number(), consistencyRatio: z.number().nullable() }),
      ),
      filled: z.array(z.object({ first: z.string(), second: z.string(), judgment: judgmentSchema })),
    })
    .nullable(),
});
export type ModelView = z.output<typeof modelViewSchema>;

export const modelVersionSchema = z.object({
  version: z.number(),
  sha256: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const APPLICANT_VIEWS = ["all", "selected", "not-selected", "ineligible", "near-cutoff"] as const;

export const applicantSearchSchema = z.object({
  view: z.enum(APPLICANT_VIEWS).default("all"),
  villageCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/)
    .optional(),
  q: z.string().trim().max(80).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ApplicantSearch = z.output<typeof applicantSearchSchema>;

const criterionScoreSchema = z.object({
  criterion: z.string(),
  level: z.string().nullable(),
  unknown: z.boolean(),
  levelValue: z.number(),
  weight: z.number(),
  points: z.number(),
});

export const rankedApplicantSchema = z.object({
  enrollmentId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  rt: z.string().nullable(),
  status: z.string(),
  eligible: z.boolean(),
  /** 1-based among eligible applicants; null when not eligible. */
  rank: z.number().nullable(),
  selected: z.boolean(),
  score: z.number(),
  gapToCutoff: z.number().nullable(),
  decidedByTieBreak: z.boolean(),
  criteria: z.array(criterionScoreSchema),
  unknownCriteria: z.array(z.string()),
  /** The program's eligibility rules this validated applicant fails today (then not ranked). */
  failedRules: z.array(z.string()),
});

const rulesSchema = z.object({ quota: z.number(), amountPerRecipient: z.number(), budget: z.number() });

export const rankingSummarySchema = z.object({
  programId: z.uuid(),
  periodId: z.uuid(),
  modelVersion: z.number(),
  modelSha256: z.string(),
  snapshotSha256: z.string(),
  engineVersion: z.string(),
  referenceDate: z.string(),
  rules: rulesSchema,
  tieBreak: z.array(z.string()),
  applicantCount: z.number(),
  eligibleCount: z.number(),
  selectedCount: z.number(),
  limitedBy: z.enum(["quota", "budget", "applicants"]),
  cutoffScore: z.number().nullable(),
  totalAmount: z.number(),
  /** Households the caller may see among the applicants. */
  visibleCount: z.number(),
  sensitivity: z.array(
    z.object({
      criterion: z.string(),
      weight: z.number(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
    }),
  ),
});

export const rankingPageSchema = z.object({
  summary: rankingSummarySchema,
  items: z.array(rankedApplicantSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type RankingPage = z.output<typeof rankingPageSchema>;

/**
 * The applicant table for the browser simulation: every applicant of the period (the ranking is regency-wide),
 * as typed arrays in base64. No NIK, KK, phone, income or birth date leaves: levels are bands, the tie-break keys
 * are ranks. Names are given only for applicants inside the caller's area (null elsewhere).
 */
export const simulationTableSchema = z.object({
  programId: z.uuid(),
  periodId: z.uuid(),
  modelVersion: z.number(),
  modelSha256: z.string(),
  model: ratingModelSchema,
  referenceDate: z.string(),
  rules: rulesSchema,
  count: z.number(),
  criteriaCount: z.number(),
  enrollmentIds: z.array(z.string()),
  names: z.array(z.string().nullable()),
  villages: z.array(z.object({ code: z.string(), name: z.string() })),
  /** base64 of Uint16 little-endian: index into `villages` per applicant. */
  village: z.string(),
  /** base64 of Uint8: level slots, applicant × criterion. */
  levels: z.string(),
  /** base64 of Uint32 little-endian: rank of the head's birth date (earlier = smaller), unknown last. */
  birthOrder: z.string(),
  /** base64 of Uint32 little-endian: registration order. */
  registration: z.string(),
  /** base64 of Uint8: 1 when eligible. */
  eligible: z.string(),
});
export type SimulationTableView = z.output<typeof simulationTableSchema>;

export const selectionRunInputSchema = z.object({
  /** The model version the officer looked at; a newer one answers 409 instead of selecting with it unseen. */
  modelVersion: z.number().int().min(0),
  reason: z.string().trim().min(3).max(500).nullish(),
});

export const selectionRunViewSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  periodId: z.uuid(),
  runNumber: z.number(),
  modelVersion: z.number(),
  engineVersion: z.string(),
  snapshotSha256: z.string(),
  inputsSha256: z.string(),
  sha256: z.string(),
  referenceDate: z.string(),
  rules: rulesSchema,
  applicantCount: z.number(),
  eligibleCount: z.number(),
  selectedCount: z.number(),
  limitedBy: z.string(),
  cutoffScore: z.number().nullable(),
  totalAmount: z.number(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Enrollments whose status changed: now selected, and no longer selected after an earlier run. */
  marked: z.object({ selected: z.number(), unselected: z.number() }).optional(),
});
export type SelectionRunView = z.output<typeof selectionRunViewSchema>;

export const selectionRunDetailSchema = selectionRunViewSchema.extend({
  /** The model snapshot (canonical JSON) whose SHA-256 is `snapshotSha256`. */
  snapshot: z.string(),
  /** Re-running the engine on the stored inputs gives the stored list and hash. */
  reproducible: z.boolean(),
  selected: z.array(
    z.object({
      rank: z.number(),
      enrollmentId: z.uuid(),
      name: z.string().nullable(),
      villageCode: z.string(),
      score: z.number(),
    }),
  ),
});

/** What the field form must collect for the program's current model (see field-criteria.ts). */
export const fieldCriteriaSchema = z.object({
  programId: z.uuid(),
  modelVersion: z.number(),
  criteria: z.array(
    z.object({
      criterion: z.string(),
      label: localized,
      source: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("profile"), attribute: z.string() }),
        z.object({ kind: z.literal("indicator"), indicator: z.string() }),
      ]),
    }),
  ),
});

const previewApplicantSchema = z.object({
  enrollmentId: z.uuid(),
  name: z.string().nullable(),
  villageCode: z.string(),
  rank: z.number().nullable(),
  score: z.number(),
});

/** What a selection run would change, before it is confirmed (see preview.ts). */
export const selectionPreviewSchema = z.object({
  periodId: z.uuid(),
  modelVersion: z.number(),
  rules: rulesSchema,
  applicantCount: z.number(),
  eligibleCount: z.number(),
  selectedCount: z.number(),
  limitedBy: z.string(),
  quotaBinding: z.boolean(),
  staying: z.number(),
  entering: z.array(previewApplicantSchema),
  leaving: z.array(previewApplicantSchema),
  ineligible: z.array(
    z.object({
      enrollmentId: z.uuid(),
      name: z.string().nullable(),
      villageCode: z.string(),
      status: z.string(),
      reasons: z.array(z.object({ code: z.string(), message: z.string() })),
    }),
  ),
});
export type SelectionPreview = z.output<typeof selectionPreviewSchema>;
