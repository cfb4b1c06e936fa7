import { sql } from "drizzle-orm";
import { type AccessProbes, type ProbeContext, programAgency } from "../access/matrix.ts";
import { queryRows } from "../db/index.ts";
import { rankingOf } from "./context.ts";
import { SEED_003_MODEL } from "./defaults.ts";
import type { RankingPage, SimulationTableView } from "./schemas.ts";
import { runSelection } from "./selection-runs.ts";
import { base64ToUint16 } from "./transfer.ts";

/**
 * Access-matrix probes of the ranking routes (src/access/access-matrix.test.ts). Programs, periods and runs are
 * agency records; the applicant lists are area-filtered lists inside an agency's period. The simulation table
 * holds every applicant's level slots (the ranking is regency-wide) but names only those inside the caller's
 * area, so its named entries are what is checked.
 */
async function modelVersion(c: ProbeContext, programId: string): Promise<number> {
  const [row] = await queryRows<{ version: number | null }>(
    c.salur.database.db,
    sql`select max(version) as version from rating_models where program_id = ${programId}`,
  );
  return Number(row?.version ?? 0);
}

/** A selection run of the period, made by the setup actor the first time it is needed. */
async function runOf(c: ProbeContext, periodId: string, programId: string): Promise<string> {
  const [existing] = await queryRows<{ id: string }>(
    c.salur.database.db,
    sql`select id from selection_runs where period_id = ${periodId} order by run_number limit 1`,
  );
  if (existing) return existing.id;
  const run = await runSelection(rankingOf(c.salur), c.setup, periodId, {
    modelVersion: await modelVersion(c, programId),
  });
  return run.id;
}

const agencyObject = (c: ProbeContext, inside: string, outside: string, path: (id: string) => string) => ({
  method: "GET",
  url: `/api/ranking/${path(c.side === "outside-agency" ? outside : inside)}`,
  kind: "object" as const,
});

export const ACCESS_PROBES: AccessProbes = {
  "GET /api/ranking/programs/:id/model": async (c) =>
    agencyObject(c, c.fx.programA, c.fx.programB, (id) => `programs/${id}/model`),
  "GET /api/ranking/programs/:id/field-criteria": async (c) =>
    agencyObject(c, c.fx.programA, c.fx.programB, (id) => `programs/${id}/field-criteria`),
  "GET /api/ranking/programs/:id/model/versions": async (c) =>
    agencyObject(c, c.fx.programA, c.fx.programB, (id) => `programs/${id}/model/versions`),
  "PUT /api/ranking/programs/:id/model": async (c) => {
    const programId = c.side === "outside-agency" ? c.fx.programB : c.fx.programA;
    return {
      method: "PUT",
      url: `/api/ranking/programs/${programId}/model`,
      payload: {
        baseVersion: await modelVersion(c, programId),
        model: SEED_003_MODEL,
        reason: "Uji hak akses",
      },
      kind: "object",
    };
  },
  "GET /api/ranking/periods/:id/applicants": async (c) => {
    if (c.side === "outside-agency") {
      return { method: "GET", url: `/api/ranking/periods/${c.fx.periodB}/applicants`, kind: "object" };
    }
    const agencyId = await programAgency(c.salur, c.fx.programA);
    return {
      method: "GET",
      url: `/api/ranking/periods/${c.fx.periodA}/applicants?pageSize=200`,
      kind: "list",
      items: (body) => (body as RankingPage).items,
      whereIs: async (item: RankingPage["items"][number]) => ({
        area: { code: item.villageCode, rt: item.rt },
        agencyId,
      }),
      mustInclude: (items) =>
        (items as RankingPage["items"]).some((i) => i.enrollmentId === c.fx.enrollments.inside),
    };
  },
  "GET /api/ranking/periods/:id/simulation": async (c) => {
    if (c.side === "outside-agency") {
      return { method: "GET", url: `/api/ranking/periods/${c.fx.periodB}/simulation`, kind: "object" };
    }
    const agencyId = await programAgency(c.salur, c.fx.programA);
    return {
      method: "GET",
      url: `/api/ranking/periods/${c.fx.periodA}/simulation`,
      kind: "list",
      items: (body) => {
        const view = body as SimulationTableView;
        const village = base64ToUint16(view.village);
        return view.names.flatMap((name, i) =>
          name === null ? [] : [{ name, villageCode: view.villages[village[i] as number]?.code ?? "?" }],
        );
      },
      whereIs: async (item: { villageCode: string }) => ({
        area: { code: item.villageCode, rt: null },
        agencyId,
      }),
      mustInclude: (items) => (items as { name: string }[]).some((i) => i.name === c.fx.names.inside),
    };
  },
  "GET /api/ranking/periods/:id/selection-runs": async (c) => {
    if (c.side === "outside-agency") {
      return { method: "GET", url: `/api/ranking/periods/${c.fx.periodB}/selection-runs`, kind: "object" };
    }
    await runOf(c, c.fx.periodA, c.fx.programA);
    return {
      method: "GET",
      url: `/api/ranking/periods/${c.fx.periodA}/selection-runs`,
      kind: "list",
      items: (body) => body as unknown[],
      whereIs: async (item: { programId: string }) => ({
        agencyId: await programAgency(c.salur, item.programId),
      }),
      mustInclude: (items) => items.length > 0,
    };
  },
  "POST /api/ranking/periods/:id/selection-runs": async (c) => {
    const [periodId, programId] =
      c.side === "outside-agency" ? [c.fx.periodB, c.fx.programB] : [c.fx.periodA, c.fx.programA];
    return {
      method: "POST",
      url: `/api/ranking/periods/${periodId}/selection-runs`,
      payload: { modelVersion: await modelVersion(c, programId), reason: "Uji matriks akses" },
      kind: "object",
    };
  },
  "GET /api/ranking/periods/:id/selection-preview": async (c) =>
    agencyObject(c, c.fx.periodA, c.fx.periodB, (id) => `periods/${id}/selection-preview`),
  "GET /api/ranking/selection-runs/:id": async (c) => {
    const inside = await runOf(c, c.fx.periodA, c.fx.programA);
    const outside = c.side === "outside-agency" ? await runOf(c, c.fx.periodB, c.fx.programB) : inside;
    return agencyObject(c, inside, outside, (id) => `selection-runs/${id}`);
  },
  "GET /api/ranking/enrollments/:id": async (c) => ({
    method: "GET",
    url: `/api/ranking/enrollments/${
      c.side === "outside-agency"
        ? c.fx.enrollmentB
        : c.fx.enrollments[c.side === "inside" ? "inside" : c.place]
    }`,
    kind: "object",
  }),
};
