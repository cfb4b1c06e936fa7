/**
 * Ranking's use cases around the pure engine: a program's rating model as versioned data (with group
 * judgments), the ranked applicants of a period with their explanations, the compact table the browser
 * simulation re-ranks, and selection runs — hashed snapshots that mark the chosen enrollments "selected".
 * Every use case takes the caller: another agency's program is invisible (404) and households outside the
 * caller's area are ranked but not shown.
 */
export * from "./context.ts";
export * from "./models.ts";
export * from "./period-ranking.ts";
export * from "./selection-runs.ts";
