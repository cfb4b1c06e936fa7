import { integer, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import type { DocumentKind } from "../documents/kinds.ts";
import { programs } from "../registry/schema.ts";
import type { EligibilityRule } from "./eligibility.ts";

/**
 * A program's documents and eligibility rules, as data a program manager edits. A program without a row uses
 * the default for its target (policy.ts). Versioned like every editable record.
 */
export const programPolicies = pgTable("program_policies", {
  programId: uuid("program_id")
    .primaryKey()
    .references(() => programs.id),
  requiredDocuments: jsonb("required_documents").$type<DocumentKind[]>().notNull(),
  rules: jsonb("rules").$type<EligibilityRule[]>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});
