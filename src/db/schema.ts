/** The schema index drizzle-kit reads: every capability's tables, re-exported. */
export * from "../regions/schema.ts";
export * from "../registry/schema.ts";
