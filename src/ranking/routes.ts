import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../access/http.ts";
import { requestLanguage, translate } from "../http/errors.ts";
import { errorResponses, idParams } from "../http/schemas.ts";
import type { Salur } from "../runtime.ts";
import { rankingOf } from "./context.ts";
import { BPS_POVERTY_TEMPLATE, SEED_003_MODEL } from "./defaults.ts";
import { getFieldCriteria, getProgramModel, listModelVersions, saveProgramModel } from "./models.ts";
import { explainEnrollment, rankedApplicants, simulationTable } from "./period-ranking.ts";
import { previewSelection } from "./preview.ts";
import {
  applicantSearchSchema,
  fieldCriteriaSchema,
  modelInputSchema,
  modelVersionSchema,
  modelViewSchema,
  rankedApplicantSchema,
  rankingPageSchema,
  rankingSummarySchema,
  ratingModelSchema,
  selectionPreviewSchema,
  selectionRunDetailSchema,
  selectionRunInputSchema,
  selectionRunViewSchema,
  simulationTableSchema,
} from "./schemas.ts";
import { getSelectionRun, listSelectionRuns, runSelection } from "./selection-runs.ts";

/**
 * The ranking API: models per program, ranked applicants per period, the simulation table and selection runs.
 * Access rules are in the permission table (src/access/permissions.ts); the use cases apply agency and area.
 */
export const rankingRoutes =
  (salur: Pick<Salur, "database" | "audit" | "regions" | "registry">): FastifyPluginAsync =>
  async (fastify) => {
    const ranking = rankingOf(salur);
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ["ranking"];

    app.get(
      "/ranking/templates",
      {
        schema: {
          tags,
          summary: "Starting models a program can copy: the eight seed-003 criteria and the 14 BPS criteria",
          response: { 200: z.array(ratingModelSchema) },
        },
      },
      async () => [SEED_003_MODEL, BPS_POVERTY_TEMPLATE],
    );

    app.get(
      "/ranking/programs/:id/model",
      {
        schema: {
          tags,
          summary:
            "A program's current rating model with weights, CR, inconsistency hints and group consensus",
          params: idParams,
          response: { 200: modelViewSchema, ...errorResponses },
        },
      },
      async (request) => getProgramModel(ranking, callerOf(request), request.params.id),
    );

    app.get(
      "/ranking/programs/:id/field-criteria",
      {
        schema: {
          tags,
          summary:
            "The profile fields and indicators the program's current model scores: what a field form must collect",
          params: idParams,
          response: { 200: fieldCriteriaSchema, ...errorResponses },
        },
      },
      async (request) => getFieldCriteria(ranking, callerOf(request), request.params.id),
    );

    app.get(
      "/ranking/programs/:id/model/versions",
      {
        schema: {
          tags,
          summary: "Every saved version of a program's rating model, newest first",
          params: idParams,
          response: { 200: z.array(modelVersionSchema), ...errorResponses },
        },
      },
      async (request) => listModelVersions(ranking, callerOf(request), request.params.id),
    );

    app.put(
      "/ranking/programs/:id/model",
      {
        schema: {
          tags,
          summary:
            "Save a new version of a program's rating model; with judges, the criteria judgments are their aggregate. Send the version you started from (a newer one answers 409)",
          params: idParams,
          body: modelInputSchema,
          response: { 200: modelViewSchema, ...errorResponses },
        },
      },
      async (request) => saveProgramModel(ranking, callerOf(request), request.params.id, request.body),
    );

    app.get(
      "/ranking/periods/:id/applicants",
      {
        schema: {
          tags,
          summary:
            "A period's applicants scored and ranked with the program's model, each with the points per criterion and the gap to the cut-off; the caller's area only",
          params: idParams,
          querystring: applicantSearchSchema,
          response: { 200: rankingPageSchema, ...errorResponses },
        },
      },
      async (request) => rankedApplicants(ranking, callerOf(request), request.params.id, request.query),
    );

    app.get(
      "/ranking/periods/:id/simulation",
      {
        schema: {
          tags,
          summary:
            "The compact applicant table the browser simulation re-ranks: level slots and tie-break ranks as base64 typed arrays; no NIK, KK, phone, income or birth date; names inside the caller's area only",
          params: idParams,
          response: { 200: simulationTableSchema, ...errorResponses },
        },
      },
      async (request) => simulationTable(ranking, callerOf(request), request.params.id),
    );

    app.get(
      "/ranking/periods/:id/selection-runs",
      {
        schema: {
          tags,
          summary: "Selection runs of a period, newest first",
          params: idParams,
          response: { 200: z.array(selectionRunViewSchema), ...errorResponses },
        },
      },
      async (request) => listSelectionRuns(ranking, callerOf(request), request.params.id),
    );

    app.post(
      "/ranking/periods/:id/selection-runs",
      {
        schema: {
          tags,
          summary:
            "Rank and select within quota and budget; records a hashed, reproducible run and marks the chosen enrollments selected",
          params: idParams,
          body: selectionRunInputSchema,
          response: { 201: selectionRunViewSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await runSelection(ranking, callerOf(request), request.params.id, request.body)),
    );

    app.get(
      "/ranking/periods/:id/selection-preview",
      {
        schema: {
          tags,
          summary:
            "What a selection run would change now: who enters and leaves the list, who is not eligible and why, whether the quota binds",
          params: idParams,
          response: { 200: selectionPreviewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const preview = await previewSelection(ranking, callerOf(request), request.params.id);
        const language = requestLanguage(request);
        return {
          ...preview,
          ineligible: preview.ineligible.map((a) => ({
            ...a,
            reasons: a.reasons.map((r) => ({ code: r.code, message: translate(r.code, r.params, language) })),
          })),
        };
      },
    );

    app.get(
      "/ranking/selection-runs/:id",
      {
        schema: {
          tags,
          summary: "One selection run with its model snapshot, selected list and a reproducibility check",
          params: idParams,
          response: { 200: selectionRunDetailSchema, ...errorResponses },
        },
      },
      async (request) => getSelectionRun(ranking, callerOf(request), request.params.id),
    );

    app.get(
      "/ranking/enrollments/:id",
      {
        schema: {
          tags,
          summary: "One enrollment's rank, points per criterion and gap to the cut-off in its period",
          params: idParams,
          response: {
            200: z.object({ summary: rankingSummarySchema, applicant: rankedApplicantSchema }),
            ...errorResponses,
          },
        },
      },
      async (request) => explainEnrollment(ranking, callerOf(request), request.params.id),
    );
  };
