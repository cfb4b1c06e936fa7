/**
 * Overlap detection over the registry: possible existing persons for a registration as it is typed, the review
 * queue a coordinator answers, and the overlap rules checked across agencies for the rapat koordinasi.
 * One entry point for the routes and other capabilities; each concern lives in its own file.
 */
export {
  type CandidateQuery,
  type DuplicateCandidate,
  type DuplicateMatch,
  type EnrollmentSummary,
  findCandidates,
  registrationDuplicates,
} from "./candidates.ts";
export type { PairExplanation } from "./explain.ts";
export { decideReview, listReviews, qualityReport, type ReviewStatus, runReviewBatch } from "./reviews.ts";
export {
  createRule,
  listRules,
  type RuleInput,
  type ViolationView,
  violationsReport,
  writeViolations,
} from "./violations.ts";
