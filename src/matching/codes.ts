/** The review and overlap vocabularies, apart from the tables so that the HTTP schemas and the web app read them. */
export const REVIEW_KINDS = ["review", "sample"] as const;
export const REVIEW_STATUSES = ["open", "same_person", "different_people"] as const;
export const OVERLAP_LEVELS = ["person", "household"] as const;
