/** The schema index drizzle-kit reads: every capability's tables, re-exported. */

export * from "../access/schema.ts";
export * from "../audit/schema.ts";
export * from "../civil-registry/schema.ts";
export * from "../complaints/schema.ts";
export * from "../decree/schema.ts";
export * from "../documents/schema.ts";
export * from "../imports/schema.ts";
export * from "../jobs/schema.ts";
export * from "../matching/schema.ts";
export * from "../payments/schema.ts";
export * from "../portal/schema.ts";
export * from "../ranking/schema.ts";
export * from "../receipts/schema.ts";
export * from "../regions/schema.ts";
export * from "../registration/schema.ts";
export * from "../registry/schema.ts";
export * from "../reports/schema.ts";
export * from "../workflow/schema.ts";
