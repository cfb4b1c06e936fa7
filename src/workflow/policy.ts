/**
 * A program's policy (pure): the documents an application must carry and the eligibility rules it must meet.
 * Stored per program (program_policies); a program without one gets the default for its target.
 */
import { z } from "zod";
import { DOCUMENT_KINDS, type DocumentKind } from "../documents/kinds.ts";
import type { PROGRAM_TARGETS } from "../registry/codes.ts";
import { type EligibilityRule, eligibilityRuleSchema } from "./eligibility.ts";

export const programPolicySchema = z.object({
  requiredDocuments: z
    .array(z.enum(DOCUMENT_KINDS))
    .max(DOCUMENT_KINDS.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, { message: "POLICY_DUPLICATE_DOCUMENT" }),
  rules: z
    .array(eligibilityRuleSchema)
    .max(20)
    .refine((rules) => new Set(rules.map((r) => r.rule)).size === rules.length, {
      message: "POLICY_DUPLICATE_RULE",
    }),
});
export type ProgramPolicy = z.infer<typeof programPolicySchema>;

type ProgramTarget = (typeof PROGRAM_TARGETS)[number];

/** The rules every bansos program in the seeds applies: adult, not a state employee, one per KK, a resident. */
const BASE_RULES: readonly EligibilityRule[] = [
  { rule: "min_age", years: 17 },
  { rule: "excluded_employment", employments: ["civil_servant"] },
  { rule: "one_per_household" },
  { rule: "resides_in_regency" },
];

export function defaultPolicy(target: ProgramTarget): ProgramPolicy {
  const documents: DocumentKind[] = target === "business" ? ["ktp", "kk", "sku"] : ["ktp", "kk"];
  const rules: EligibilityRule[] =
    target === "business" ? [...BASE_RULES, { rule: "has_business" }] : [...BASE_RULES];
  return { requiredDocuments: documents, rules };
}
