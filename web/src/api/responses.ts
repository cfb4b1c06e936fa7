/**
 * The response schema of every JSON endpoint the web app calls, keyed by method and the server's route pattern,
 * and the check the API client runs on each answer in development and tests.
 *
 * Dev and tests only: client.ts loads this module with a dynamic import inside `if (import.meta.env.DEV)`,
 * which is the constant false in a production build, so the build drops the import and the schema modules
 * with it (the bundle is byte for byte the same as without this module; client.ts says why its specifier is
 * a variable).
 * Call sites keep naming their answer's type only (`api<ReviewPage>`, a `z.output<typeof …>` of the same schema):
 * a schema passed as a value at each call would ship every server schema module to field phones whose first
 * visit is on a size budget. The key is the route because the method and path are all a call has at run time.
 *
 * src/http/client-contract.test.ts checks each key against the server's routes and real answers against these
 * schemas; web/src/api/client.test.ts checks that every api() call in the web app finds its entry here.
 */
import { z } from "zod";
import * as access from "../../../src/access/schemas.ts";
import * as audit from "../../../src/audit/schemas.ts";
import * as civilRegistry from "../../../src/civil-registry/schemas.ts";
import * as complaints from "../../../src/complaints/schemas.ts";
import * as decree from "../../../src/decree/schemas.ts";
import * as home from "../../../src/home/schemas.ts";
import * as imports from "../../../src/imports/schemas.ts";
import * as jobs from "../../../src/jobs/schemas.ts";
import * as matching from "../../../src/matching/schemas.ts";
import * as payments from "../../../src/payments/schemas.ts";
import * as portal from "../../../src/portal/schemas.ts";
import * as ranking from "../../../src/ranking/schemas.ts";
import * as receipts from "../../../src/receipts/schemas.ts";
import * as regions from "../../../src/regions/schemas.ts";
import * as registration from "../../../src/registration/schemas.ts";
import * as registry from "../../../src/registry/schemas.ts";
import * as reports from "../../../src/reports/schemas.ts";
import * as workflow from "../../../src/workflow/schemas.ts";

/** `METHOD /pattern` (the path after /api, `:name` for a parameter) → the schema of its 2xx JSON answer. */
export const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  "GET /auth/me": access.sessionSchema,
  "POST /auth/login": access.sessionSchema,
  "GET /auth/demo": access.demoStatusSchema,
  "GET /users": z.array(access.userViewSchema),
  "POST /users": access.userViewSchema,
  "PATCH /users/:id": access.userViewSchema,

  "GET /audit/entries": audit.entryPageSchema,
  "GET /audit/checkpoints": audit.checkpointListSchema,
  "POST /audit/checkpoints": audit.checkpointViewSchema,
  "POST /audit/verification": audit.verifyReportSchema,

  "GET /civil-registry/batches": civilRegistry.batchListSchema,
  "POST /civil-registry/batches": civilRegistry.batchSchema,
  "POST /civil-registry/batches/:id/results": civilRegistry.resultImportSchema,
  "GET /civil-registry/reviews": civilRegistry.reviewListSchema,
  "POST /civil-registry/reviews/:id/decision": civilRegistry.reviewStateSchema,
  "POST /civil-registry/reviews/:id/approval": civilRegistry.reviewStateSchema,
  "GET /civil-registry/statistics": civilRegistry.statisticsSchema,
  "GET /persons/:id/civil-registry": civilRegistry.verificationSchema,

  "GET /complaints": complaints.queueSchema,
  "POST /complaints": complaints.intakeResultSchema,
  "GET /complaints/:id": complaints.complaintDetailSchema,
  "POST /complaints/:id/steps": complaints.stepResultSchema,
  "POST /complaints/:id/identity": complaints.identitySchema,
  "GET /complaints/settings": complaints.slaSettingsSchema,
  "PUT /complaints/settings": complaints.slaSettingsSchema,
  "POST /complaints/statistics/publish": complaints.statisticsPublicationSchema,

  "GET /decrees": decree.decreeListSchema,
  "POST /decrees": decree.decreeViewSchema,
  "GET /decrees/:id": decree.decreeViewSchema,
  "GET /decrees/:id/lines": decree.linesPageSchema,
  "GET /decrees/:id/diff": decree.diffSchema,
  "POST /decrees/:id/check": decree.stepOutcomeSchema,
  "POST /decrees/:id/approve": decree.stepOutcomeSchema,
  "PUT /decrees/:id/signed-pdf": decree.signedPdfSchema,
  "GET /decree-settings": decree.settingsViewSchema,
  "PUT /decree-settings": decree.settingsViewSchema,
  "PUT /decree-settings/logo": decree.logoSchema,
  "GET /programs/:id/decree-template": decree.templateViewSchema,
  "PUT /programs/:id/decree-template": decree.templateViewSchema,

  "GET /home/summary": home.homeSummarySchema,

  "GET /imports": imports.importListSchema,
  "POST /imports": imports.submittedSchema,
  "GET /imports/:id": imports.importViewSchema,
  "GET /imports/:id/issues": imports.issueListSchema,
  "POST /imports/:id/apply": imports.submittedSchema,
  "GET /import-templates": imports.templateListSchema,
  "POST /import-templates": imports.templateSchema,
  "GET /reconciliations": imports.reconciliationListSchema,
  "POST /reconciliations": imports.reconciliationSubmittedSchema,
  "GET /reconciliations/:id": imports.reconciliationViewSchema,
  "GET /reconciliations/:id/villages": imports.areaCountListSchema,
  "GET /reconciliations/:id/lines": imports.linePageSchema,
  "POST /reconciliations/:id/decisions": imports.lineListSchema,

  "GET /jobs/:id": jobs.jobViewSchema,
  "POST /jobs/:id/cancel": jobs.jobViewSchema,

  "POST /matching/candidates": matching.candidatesSchema,
  "POST /matching/runs": matching.runSchema,
  "GET /matching/reviews": matching.reviewPageSchema,
  "POST /matching/reviews/:id/decision": matching.reviewSchema,
  "GET /matching/quality": matching.qualitySchema,
  "GET /matching/overlap-rules": matching.ruleListSchema,
  "POST /matching/overlap-rules": matching.ruleSchema,
  "GET /matching/violations": matching.violationsSchema,

  "GET /payment-batches": payments.batchListSchema,
  "POST /payment-batches": payments.preparedBatchesSchema,
  "GET /payment-batches/:id": payments.batchDetailSchema,
  "GET /payment-batches/:id/lines": payments.linesPageSchema,
  "POST /payment-batches/:id/approve": payments.batchSchema,
  "POST /payment-batches/:id/results": payments.resultImportSchema,
  "POST /payment-lines/:id/resolution": payments.resolutionResultSchema,
  "GET /payments/reconciliation": payments.reconciliationSchema,
  "GET /payments/uncollected": payments.uncollectedSchema,
  "GET /payment-layouts": payments.layoutListSchema,
  "POST /payment-layouts": payments.layoutViewSchema,

  "GET /portal/publications": portal.publicationListSchema,
  "POST /portal/publications": portal.publicationSummarySchema,
  "POST /portal/publications/:id/approve": portal.publicationSummarySchema,
  "GET /portal/objections": portal.objectionListSchema,
  "POST /portal/objections/:id/decision": portal.objectionItemSchema,

  "GET /ranking/periods/:id/simulation": ranking.simulationTableSchema,
  "GET /ranking/periods/:id/selection-preview": ranking.selectionPreviewSchema,
  "GET /ranking/periods/:id/selection-runs": z.array(ranking.selectionRunViewSchema),
  "POST /ranking/periods/:id/selection-runs": ranking.selectionRunViewSchema,
  "PUT /ranking/programs/:id/model": ranking.modelViewSchema,
  "GET /ranking/programs/:id/field-criteria": ranking.fieldCriteriaSchema,

  "GET /receipts/flags": receipts.flagsSchema,
  "GET /receipts/leakage": receipts.leakageSchema,
  "GET /receipts/lines": receipts.lineSchema,
  "GET /receipts/samples": receipts.sampleListSchema,
  "POST /receipts/samples": receipts.sampleSchema,
  "GET /receipts/samples/:id": receipts.sampleSchema,
  "POST /receipts/confirmations": receipts.confirmationResultSchema,

  "GET /regions": regions.regionTreeSchema,
  "GET /regions/:code": regions.regionWithPathSchema,

  "POST /registrations/check": registration.registrationCheckResultSchema,

  "GET /persons": registry.pageOf(registry.personViewSchema),
  "POST /persons": registry.personWriteResultSchema,
  "GET /persons/:id": registry.personDetailSchema,
  "PATCH /persons/:id": registry.personWriteResultSchema,
  "GET /persons/:id/identity": registry.personIdentitySchema,
  "POST /households": registry.householdViewSchema,
  "GET /households/:id": registry.householdViewSchema,
  "POST /businesses": registry.businessViewSchema,
  "GET /enrollments": registry.pageOf(registry.enrollmentViewSchema),
  "POST /enrollments": registry.enrollmentViewSchema,
  "GET /agencies": z.array(registry.agencyViewSchema),
  "POST /agencies": registry.agencyViewSchema,
  "GET /programs": z.array(registry.programViewSchema),
  "POST /programs": registry.programViewSchema,
  "GET /periods": z.array(registry.periodViewSchema),
  "POST /periods": registry.periodViewSchema,

  "GET /reports/recap": reports.recapSchema,
  "GET /reports/packs": reports.packListSchema,
  "POST /reports/packs": reports.packSchema,

  "GET /workflow/queue": workflow.queueSchema,
  "POST /workflow/transitions": workflow.bulkResultSchema,
  "GET /enrollments/:id/workflow": workflow.workflowViewSchema,
  "POST /enrollments/:id/transitions": workflow.transitionOutcomeSchema,
  "POST /enrollments/:id/documents/:kind": workflow.documentViewSchema,
  "GET /programs/:id/policy": workflow.policyViewSchema,
};

/**
 * The entry for a call: same method, same number of segments, each literal equal; where a literal route and a
 * parameter both fit (/complaints/settings and /complaints/:id), the one with more literal segments wins.
 */
export function responseRoute(method: string, path: string): string | undefined {
  const segments = path.split("/");
  let best: { route: string; literals: number } | undefined;
  for (const route of Object.keys(RESPONSE_SCHEMAS)) {
    const [routeMethod, pattern = ""] = route.split(" ");
    const parts = pattern.split("/");
    if (routeMethod !== method || parts.length !== segments.length) continue;
    if (!parts.every((part, i) => part.startsWith(":") || part === segments[i])) continue;
    const literals = parts.filter((part) => !part.startsWith(":")).length;
    if (!best || literals > best.literals) best = { route, literals };
  }
  return best?.route;
}

/**
 * Throws when an answer does not match its endpoint's schema, naming the call and every field at fault, so a
 * drift between the server and the types the web app compiles against shows up at once in development and in
 * tests instead of as a blank cell three screens later. An endpoint missing from the table throws as well:
 * a call that is never checked would look the same as one that passed.
 */
export function checkResponse(method: string, path: string, body: unknown): void {
  const route = responseRoute(method, path);
  if (!route)
    throw new Error(
      `${method} /api${path}: no response schema for this endpoint in web/src/api/responses.ts`,
    );
  const result = (RESPONSE_SCHEMAS[route] as z.ZodType).safeParse(body);
  if (!result.success)
    throw new Error(
      `${method} /api${path} answered a body that does not match the response schema of ${route}:\n${z.prettifyError(result.error)}`,
    );
}
