import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as accessStore from "../access/store.ts";
import { createTestUser } from "../access/testing.ts";
import { actorOf } from "../access/user-views.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { PASER_VILLAGES } from "../demo/paser-villages.ts";
import { updateProgram } from "../registry/service.ts";
import {
  type Applicant,
  advance,
  LOLO,
  type Scenario,
  setUpScenario,
  submittedApplicant,
} from "../workflow/testing.ts";
import { rankingOf } from "./context.ts";
import { SEED_003_MODEL } from "./defaults.ts";
import { demoApplicants } from "./demo-table.ts";
import { compileRatingModel } from "./rating.ts";
import { buildApplicantTable, selectedIds, selectRecipients } from "./selection.ts";
import {
  inputsDigest,
  reproduceSelectionRun,
  type SelectionRunFacts,
  selectionRunSha256,
} from "./selection-run.ts";
import { runSelection } from "./selection-runs.ts";

const TODAY = "2026-07-01";
const compiled = compileRatingModel(SEED_003_MODEL);
const { applicants } = demoApplicants({ seed: 5, villages: PASER_VILLAGES, today: TODAY, count: 800 });
const table = buildApplicantTable(compiled, applicants, TODAY);
const rules = { quota: 120, amountPerRecipient: 600_000, budget: 120 * 600_000 };
const selection = selectRecipients(compiled, table, rules, TODAY);

const facts: SelectionRunFacts = {
  programId: "p",
  periodId: "t",
  runNumber: 1,
  snapshotSha256: selection.snapshot.sha256,
  referenceDate: TODAY,
  rules,
  inputsSha256: inputsDigest(table),
  applicantCount: table.count,
  eligibleCount: selection.eligibleCount,
  limitedBy: selection.limitedBy,
  cutoffScore: selection.cutoffScore,
  selected: selectedIds(table, selection),
};
const stored = { snapshot: selection.snapshot.json, sha256: selectionRunSha256(facts), facts };

describe("selection run hash", () => {
  it("is reproduced from the stored inputs and the model snapshot", () => {
    expect(reproduceSelectionRun(stored, table)).toMatchObject({ reproducible: true, sha256: stored.sha256 });
  });

  it("changes when any fact changes: run number, rules, date, list order", () => {
    const variants: SelectionRunFacts[] = [
      { ...facts, runNumber: 2 },
      { ...facts, rules: { ...rules, quota: 119 } },
      { ...facts, referenceDate: "2026-07-02" },
      { ...facts, selected: [...facts.selected].reverse() },
    ];
    for (const variant of variants) expect(selectionRunSha256(variant)).not.toBe(stored.sha256);
  });

  it("no longer reproduces when one applicant's stored level or tie-break key is altered", () => {
    const levels = table.levels.slice();
    levels[0] = levels[0] === 0 ? 1 : 0;
    expect(reproduceSelectionRun(stored, { ...table, levels }).reproducible).toBe(false);
    const registration = table.registration.slice();
    registration[3] = 999_999;
    expect(reproduceSelectionRun(stored, { ...table, registration }).reproducible).toBe(false);
  });

  it("digests inputs as one plain line per applicant, which any tool can recompute", () => {
    const one = {
      count: 2,
      criteriaCount: 3,
      ids: ["E1", "E2"],
      levels: Uint8Array.of(0, 1, 254, 255, 2, 10),
      birth: Uint32Array.of(30000, 0x1ffff),
      registration: Uint32Array.of(1, 2),
      eligible: Uint8Array.of(1, 0),
    };
    const text = "E1,1,0001fe,30000,1\nE2,0,ff020a,131071,2\n";
    expect(inputsDigest(one)).toBe(createHash("sha256").update(text).digest("hex"));
  });
});

describeEachDatabase("selection run through the workflow", (salur) => {
  let s: Scenario;
  const validated: Applicant[] = [];
  beforeAll(async () => {
    s = await setUpScenario(salur());
    const { operator, kecamatan } = s.officers;
    for (const rt of ["003", "003", "005", "003"]) {
      const a = await submittedApplicant(s, { rt });
      validated.push(
        await advance(s, a, [
          [operator, "verify"],
          [kecamatan, "validate"],
        ]),
      );
    }
  });

  const db = () => salur().database.db;
  const ids = () => JSON.stringify(validated.map((a) => a.enrollmentId));

  async function state() {
    const [row] = await queryRows<{
      runs: number;
      results: number;
      selected: number;
      entries: number;
      duties: number;
      deselected: number;
    }>(
      db(),
      sql`select
            (select count(*)::int from selection_runs where period_id = ${s.umkm.periodId}) as runs,
            (select count(*)::int from selection_results r join selection_runs n on n.id = r.run_id
               where n.period_id = ${s.umkm.periodId}) as results,
            (select count(*)::int from enrollments where status = 'selected'
               and id::text in (select jsonb_array_elements_text(${ids()}::jsonb))) as selected,
            (select count(*)::int from audit_entries where action = 'enrollment.select'
               and entity_id in (select jsonb_array_elements_text(${ids()}::jsonb))) as entries,
            (select count(*)::int from duties where duty = 'propose' and entity = 'enrollment'
               and entity_id in (select jsonb_array_elements_text(${ids()}::jsonb))) as duties,
            (select count(*)::int from audit_entries where action = 'enrollment.deselect'
               and entity_id in (select jsonb_array_elements_text(${ids()}::jsonb))) as deselected`,
    );
    return row;
  }

  it("is applied not at all when the workflow refuses one applicant: no run, no results, no status, no entry", async () => {
    // A program manager of one RT: the applicant of RT 005 is outside their area, so the engine refuses them.
    const account = await createTestUser(salur(), {
      role: "program_manager",
      areaCode: LOLO,
      rt: "003",
      agencyId: s.agencyId,
    });
    const user = await accessStore.getUser(db(), account.id);
    if (!user) throw new Error("test user vanished");
    const outside = validated[2] as Applicant;
    await expect(
      runSelection(rankingOf(salur()), { actor: actorOf(user), requestId: null }, s.umkm.periodId, {
        modelVersion: 0,
      }),
    ).rejects.toMatchObject({ code: "AREA_FORBIDDEN", status: 403, params: { id: outside.enrollmentId } });
    expect(await state()).toEqual({ runs: 0, results: 0, selected: 0, entries: 0, duties: 0, deselected: 0 });
    const [models] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from rating_models where program_id = ${s.umkm.programId}`,
    );
    expect(models?.n).toBe(0);
  });

  it("marks every chosen applicant selected in full: one audit entry and one propose duty each", async () => {
    const run = await runSelection(rankingOf(salur()), s.officers.manager.caller, s.umkm.periodId, {
      modelVersion: 0,
    });
    expect(run.marked).toEqual({ selected: validated.length, unselected: 0 });
    expect(await state()).toEqual({
      runs: 1,
      results: validated.length,
      selected: validated.length,
      entries: validated.length,
      duties: validated.length,
      deselected: 0,
    });
    const trail = await queryRows<{ action: string }>(
      db(),
      sql`select action from audit_entries where action = 'selection.run' and entity_id = ${run.id}`,
    );
    expect(trail).toHaveLength(1);
  });

  it("takes households out again with the reason, back to validated, one entry each", async () => {
    const [program] = await queryRows<{ version: number }>(
      db(),
      sql`select version from programs where id = ${s.umkm.programId}`,
    );
    await updateProgram(salur().registry, s.officers.manager.caller, s.umkm.programId, {
      version: program?.version ?? 1,
      quota: 1,
      reason: "Kuota tahap ini dikurangi",
    });
    await expect(
      runSelection(rankingOf(salur()), s.officers.manager.caller, s.umkm.periodId, { modelVersion: 1 }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const run = await runSelection(rankingOf(salur()), s.officers.manager.caller, s.umkm.periodId, {
      modelVersion: 1,
      reason: "Kuota dikurangi",
    });
    expect(run.marked).toEqual({ selected: 0, unselected: validated.length - 1 });
    expect(await state()).toMatchObject({ runs: 2, selected: 1, deselected: validated.length - 1 });
  });
});
