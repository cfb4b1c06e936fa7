import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../access/actor.ts";
import { ensureDemoUsers } from "../access/demo-users.ts";
import { actionsOf } from "../access/permissions.ts";
import * as accessStore from "../access/store.ts";
import { createToken } from "../access/tokens.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { generateDemoRegistry } from "../demo/registry-demo.ts";
import { DEMO_SEED, DEMO_TODAY, demoVillages, seedDemo } from "../demo/seed.ts";
import { buildServer } from "../http/server.ts";
import { compileRatingModel, judgment, pairIndex, selectedIds, selectRecipients } from "./index.ts";
import type { RatingModel } from "./rating.ts";
import type {
  ModelView,
  RankingPage,
  SelectionPreview,
  SelectionRunView,
  SimulationTableView,
} from "./schemas.ts";
import { decodeTable } from "./transfer.ts";

/** Enough people for every demo program to have a ranking with a cut-off; small enough for a quick suite. */
const PERSONS = 3_000;
const LOLO = "64.01.05.2002";

describeEachDatabase("ranking API", (salur) => {
  let app: FastifyInstance;
  const tokens = new Map<string, string>();
  let bstProgramId = "";
  let bstPeriodId = "";
  let enrollmentStatus: (id: string) => Promise<string>;

  const call = (method: "GET" | "PUT" | "POST" | "PATCH", url: string, user: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens.get(user)}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    await seedDemo(salur(), { persons: PERSONS });
    await ensureDemoUsers(salur());
    app = await buildServer(salur());
    const { db } = salur().database;
    for (const username of ["dinsos", "diskopukm", "operator.lolo", "pendata.lolo", "inspektorat"]) {
      const user = await accessStore.findUserByUsername(db, username);
      if (!user) throw new Error(`demo user ${username} missing`);
      const created = await createToken(salur().access, systemCaller("test", "64.01"), {
        userId: user.id,
        name: `test ${username}`,
        scopes: actionsOf(user.role),
        expiresInDays: 1,
      });
      tokens.set(username, created.token);
    }
    const [bst] = await queryRows<{ program: string; period: string }>(
      db,
      sql`select p.id as program, t.id as period from programs p join periods t on t.program_id = p.id
          where p.code = 'BST-DAERAH'`,
    );
    bstProgramId = bst?.program ?? "";
    bstPeriodId = bst?.period ?? "";
    const bstPeriod = bstPeriodId;
    // The demo's quotas cover nearly every validated applicant; a tighter quota makes the cut-off matter.
    const [eligible] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from enrollments where period_id = ${bstPeriod} and status in ('validated', 'selected')`,
    );
    const [program] = await queryRows<{ version: number }>(
      db,
      sql`select version from programs where id = ${bstProgramId}`,
    );
    const patched = await call("PATCH", `/api/programs/${bstProgramId}`, "dinsos", {
      version: program?.version,
      quota: Math.floor((eligible?.n ?? 0) * 0.6),
      reason: "Kuota tahap ini dikurangi",
    });
    expect(patched.statusCode).toBe(200);
    enrollmentStatus = async (id) => {
      const [row] = await queryRows<{ status: string }>(
        db,
        sql`select status from enrollments where id = ${id}`,
      );
      return row?.status ?? "";
    };
  });

  const applicants = async (user: string, query = "") => {
    const res = await call("GET", `/api/ranking/periods/${bstPeriodId}/applicants${query}`, user);
    expect(res.statusCode).toBe(200);
    return res.json() as RankingPage;
  };

  describe("models", () => {
    it("gives a program without a model of its own the seed-003 model as version 0, with weights and CR", async () => {
      const res = await call("GET", `/api/ranking/programs/${bstProgramId}/model`, "dinsos");
      expect(res.statusCode).toBe(200);
      const view = res.json() as ModelView;
      expect(view).toMatchObject({ version: 0, source: "default", model: { code: "sumberejo-8" } });
      expect(view.analysis.weights).toHaveLength(8);
      expect(view.analysis.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
      expect(view.analysis.consistencyRatio).toBeLessThan(0.1);
      expect(view.criteria[0]?.levels[0]?.value).toBe(1);
    });

    it("hides another agency's program and refuses roles without ranking access", async () => {
      const other = await call("GET", `/api/ranking/programs/${bstProgramId}/model`, "diskopukm");
      expect(other.statusCode).toBe(404);
      expect(other.json().code).toBe("PROGRAM_NOT_FOUND");
      const enumerator = await call("GET", `/api/ranking/periods/${bstPeriodId}/applicants`, "pendata.lolo");
      expect(enumerator.statusCode).toBe(403);
      const auditor = await call("PUT", `/api/ranking/programs/${bstProgramId}/model`, "inspektorat", {});
      expect(auditor.statusCode).toBe(403);
    });

    it("aggregates three judges' criteria judgments, missing ones included, into version 1 with a consensus", async () => {
      const current = (
        await call("GET", `/api/ranking/programs/${bstProgramId}/model`, "dinsos")
      ).json() as ModelView;
      const pairs = current.model.criteriaJudgments.length;
      const judges = [
        { judge: "Kepala Desa", role: "kepala_desa", judgments: current.model.criteriaJudgments },
        {
          judge: "Pendamping PKH",
          role: "pendamping",
          weight: 2,
          judgments: current.model.criteriaJudgments.map((j, k) => (k === 0 ? judgment(5, "first") : j)),
        },
        {
          judge: "Ketua RT",
          role: "rt",
          judgments: current.model.criteriaJudgments.map((j, k) => (k % 3 === 0 ? null : j)),
        },
      ];
      const res = await call("PUT", `/api/ranking/programs/${bstProgramId}/model`, "dinsos", {
        baseVersion: 0,
        model: current.model,
        judges,
        reason: "Musyawarah desa 2026",
      });
      expect(res.statusCode).toBe(200);
      const saved = res.json() as ModelView;
      expect(saved).toMatchObject({ version: 1, source: "stored", reason: "Musyawarah desa 2026" });
      expect(saved.model.criteriaJudgments).toHaveLength(pairs);
      // Pair 0 (penghasilan vs pekerjaan): 2 from the kepala desa (weight 1), 5 from the pendamping (weight 2),
      // none from the ketua RT — the weighted geometric mean of those who answered.
      expect(saved.model.criteriaJudgments[0]?.intensity).toBeCloseTo((2 * 5 * 5) ** (1 / 3), 10);
      expect(saved.group?.judges).toHaveLength(3);
      expect(saved.group?.consensus?.value).toBeGreaterThan(0.5);
      const versions = await call("GET", `/api/ranking/programs/${bstProgramId}/model/versions`, "dinsos");
      expect(versions.json()).toMatchObject([{ version: 1, sha256: saved.sha256 }]);
      const [entry] = await queryRows<{ action: string; reason: string }>(
        salur().database.db,
        sql`select action, reason from audit_entries where entity = 'rating_model' order by seq desc limit 1`,
      );
      expect(entry).toEqual({ action: "rating_model.create", reason: "Musyawarah desa 2026" });
    });

    it("answers 409 to an edit based on an older version, and 422 naming the field of a broken band rule", async () => {
      const current = (
        await call("GET", `/api/ranking/programs/${bstProgramId}/model`, "dinsos")
      ).json() as ModelView;
      const stale = await call("PUT", `/api/ranking/programs/${bstProgramId}/model`, "dinsos", {
        baseVersion: 0,
        model: current.model,
        reason: "Perubahan dari salinan lama",
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: "RATING_MODEL_VERSION_CONFLICT", params: { actual: 1 } });
      const broken = structuredClone(current.model) as RatingModel;
      const income = broken.criteria[0];
      if (income?.rule.kind !== "bands") throw new Error("the first criterion is income bands");
      (income.rule.bands as { below: number | null; level: string | null }[])[1] = {
        below: 100,
        level: "500rb_1jt",
      };
      const invalid = await call("PUT", `/api/ranking/programs/${bstProgramId}/model`, "dinsos", {
        baseVersion: 1,
        model: broken,
        reason: "Batas penghasilan baru",
      });
      expect(invalid.statusCode).toBe(422);
      expect(invalid.json().errors[0]).toMatchObject({
        field: "criteria[0].rule.bands[1].below",
        code: "RATING_BANDS_NOT_ASCENDING",
      });
    });
  });

  describe("ranked applicants", () => {
    it("ranks the period's validated applicants within the quota, each score the sum of its criterion points", async () => {
      const page = await applicants("dinsos", "?pageSize=200");
      const { summary } = page;
      const [counts] = await queryRows<{ listed: number; eligible: number }>(
        salur().database.db,
        sql`select count(*) filter (where status in ('draft','submitted','verified','validated','selected'))::int as listed,
                   count(*) filter (where status in ('validated','selected'))::int as eligible
            from enrollments where period_id = ${bstPeriodId}`,
      );
      expect(summary.applicantCount).toBe(counts?.listed);
      expect(summary.eligibleCount).toBe(counts?.eligible);
      expect(summary.selectedCount).toBe(Math.min(summary.rules.quota, summary.eligibleCount));
      expect(summary.sensitivity).toHaveLength(8);
      const ranked = page.items.filter((i) => i.rank !== null);
      ranked.forEach((item, k) => {
        expect(item.rank).toBe(k + 1);
        expect(item.criteria.reduce((s, c) => s + c.points, 0)).toBeCloseTo(item.score, 12);
        if (k > 0) expect(item.score).toBeLessThanOrEqual(ranked[k - 1]?.score as number);
        if (item.selected) expect(item.gapToCutoff).toBeGreaterThanOrEqual(0);
      });
    });

    it("shows a village operator only their desa, ranked among the whole regency", async () => {
      const all = await applicants("dinsos", "?pageSize=200&villageCode=64.01.05.2002");
      const lolo = await applicants("operator.lolo", "?pageSize=200");
      expect(lolo.summary.visibleCount).toBeLessThan(lolo.summary.applicantCount);
      expect(lolo.items.every((i) => i.villageCode === LOLO)).toBe(true);
      expect(lolo.items.map((i) => [i.enrollmentId, i.rank])).toEqual(
        all.items.map((i) => [i.enrollmentId, i.rank]),
      );
    });

    it("lists the households nearest the cut-off first, on both sides of it", async () => {
      const near = await applicants("dinsos", "?view=near-cutoff&pageSize=20");
      const gaps = near.items.map((i) => Math.abs(i.gapToCutoff as number));
      expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
      expect(near.items.some((i) => i.selected)).toBe(true);
    });

    it("leaves out a validated applicant who no longer meets the program's rules, and says which rule", async () => {
      const top = (await applicants("dinsos", "?pageSize=1")).items[0];
      const { db } = salur().database;
      const [person] = await queryRows<{ employment: string | null }>(
        db,
        sql`select employment from persons where id = ${top?.personId}`,
      );
      await db.execute(sql`update persons set employment = 'civil_servant' where id = ${top?.personId}`);
      try {
        const res = await call("GET", `/api/ranking/enrollments/${top?.enrollmentId}`, "dinsos");
        expect(res.json().applicant).toMatchObject({
          eligible: false,
          rank: null,
          selected: false,
          failedRules: ["excluded_employment"],
        });
      } finally {
        await db.execute(
          sql`update persons set employment = ${person?.employment ?? null} where id = ${top?.personId}`,
        );
      }
    });

    it("explains one enrollment's rank and points", async () => {
      const first = (await applicants("dinsos", "?pageSize=1")).items[0];
      const res = await call("GET", `/api/ranking/enrollments/${first?.enrollmentId}`, "dinsos");
      expect(res.statusCode).toBe(200);
      expect(res.json().applicant).toMatchObject({ rank: 1, enrollmentId: first?.enrollmentId });
    });
  });

  describe("simulation table", () => {
    it("re-ranks in the engine to the server's selection, and carries no NIK, phone or birth date", async () => {
      const res = await call("GET", `/api/ranking/periods/${bstPeriodId}/simulation`, "dinsos");
      expect(res.statusCode).toBe(200);
      const view = res.json() as SimulationTableView;
      const table = decodeTable(view, view.enrollmentIds);
      const compiled = compileRatingModel(view.model as RatingModel);
      const selection = selectRecipients(compiled, table, view.rules, view.referenceDate);
      const server = await applicants("dinsos", `?view=selected&pageSize=200`);
      expect(selectedIds(table, selection).slice(0, 200)).toEqual(server.items.map((i) => i.enrollmentId));

      const demo = generateDemoRegistry({
        seed: DEMO_SEED,
        villages: demoVillages(salur()),
        persons: PERSONS,
        today: DEMO_TODAY,
      });
      const text = res.body;
      for (const person of demo.persons) {
        if (person.nik) expect(text).not.toContain(person.nik);
        if (person.phone) expect(text).not.toContain(person.phone);
        expect(text).not.toContain(person.birthDate);
      }
    });

    it("names only the applicants inside a village operator's desa", async () => {
      const view = (
        await call("GET", `/api/ranking/periods/${bstPeriodId}/simulation`, "operator.lolo")
      ).json() as SimulationTableView;
      const named = view.names.filter((n) => n !== null).length;
      expect(named).toBeGreaterThan(0);
      expect(named).toBeLessThan(view.count);
    });
  });

  describe("selection runs", () => {
    let first: SelectionRunView;

    it("refuses a run based on a model version the officer did not see", async () => {
      const res = await call("POST", `/api/ranking/periods/${bstPeriodId}/selection-runs`, "dinsos", {
        modelVersion: 0,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe("RATING_MODEL_VERSION_CONFLICT");
    });

    it("previews who enters and leaves against the current statuses, and why the others are not ranked, without writing", async () => {
      const before = await queryRows<{ status: string; n: number }>(
        salur().database.db,
        sql`select status, count(*)::int as n from enrollments where period_id = ${bstPeriodId} group by status order by status`,
      );
      const res = await call("GET", `/api/ranking/periods/${bstPeriodId}/selection-preview`, "dinsos");
      expect(res.statusCode).toBe(200);
      const preview = res.json() as SelectionPreview;
      const selectedNow = before.find((r) => r.status === "selected")?.n ?? 0;
      expect(preview.staying + preview.entering.length).toBe(preview.selectedCount);
      expect(preview.staying + preview.leaving.length).toBe(selectedNow);
      // The tightened quota binds: some selected households of the demo list leave.
      expect(preview.quotaBinding).toBe(true);
      expect(preview.leaving.length).toBeGreaterThan(0);
      expect(preview.ineligible.length).toBe(preview.applicantCount - preview.eligibleCount);
      for (const a of preview.ineligible) {
        expect(a.reasons.length).toBeGreaterThan(0);
        for (const r of a.reasons) expect(r.message).not.toMatch(/[{}]|^[A-Z_]+$/);
      }
      const after = await queryRows<{ status: string; n: number }>(
        salur().database.db,
        sql`select status, count(*)::int as n from enrollments where period_id = ${bstPeriodId} group by status order by status`,
      );
      expect(after).toEqual(before);
      const other = await call("GET", `/api/ranking/periods/${bstPeriodId}/selection-preview`, "diskopukm");
      expect(other.statusCode).toBe(404);
      const operator = await call(
        "GET",
        `/api/ranking/periods/${bstPeriodId}/selection-preview`,
        "operator.lolo",
      );
      expect(operator.statusCode).toBe(403);
    });

    it("records a hashed run, marks the chosen enrollments selected and audits each of them", async () => {
      const before = await applicants("dinsos", "?view=selected&pageSize=200");
      // The demo list already has selected households beyond the tightened quota: taking them out needs a reason.
      const res = await call("POST", `/api/ranking/periods/${bstPeriodId}/selection-runs`, "dinsos", {
        modelVersion: 1,
        reason: "Seleksi sesuai kuota tahap ini",
      });
      expect(res.statusCode).toBe(201);
      first = res.json() as SelectionRunView;
      expect(first).toMatchObject({
        runNumber: 1,
        modelVersion: 1,
        selectedCount: before.summary.selectedCount,
      });
      expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(first.snapshotSha256).toBe(before.summary.snapshotSha256);
      for (const item of before.items) expect(await enrollmentStatus(item.enrollmentId)).toBe("selected");
      const [statuses] = await queryRows<{ selected: number }>(
        salur().database.db,
        sql`select count(*)::int as selected from enrollments where period_id = ${bstPeriodId} and status = 'selected'`,
      );
      expect(statuses?.selected).toBe(first.selectedCount);
      const [audit] = await queryRows<{ runs: number; marked: number; duties: number }>(
        salur().database.db,
        sql`select (select count(*)::int from audit_entries where action = 'selection.run' and entity_id = ${first.id}) as runs,
                   (select count(*)::int from audit_entries where action = 'enrollment.select') as marked,
                   (select count(*)::int from duties where duty = 'propose' and entity = 'enrollment') as duties`,
      );
      expect(audit).toEqual({ runs: 1, marked: first.marked?.selected, duties: first.marked?.selected });
    });

    it("reproduces the run from its stored inputs and model snapshot", async () => {
      const res = await call("GET", `/api/ranking/selection-runs/${first.id}`, "dinsos");
      expect(res.statusCode).toBe(200);
      const detail = res.json();
      expect(detail).toMatchObject({ reproducible: true, sha256: first.sha256 });
      expect(detail.selected).toHaveLength(first.selectedCount);
      expect(JSON.parse(detail.snapshot).engine.version).toBe(first.engineVersion);
    });

    it("needs a reason to take households out again, and then moves them back to validated", async () => {
      const current = (
        await call("GET", `/api/ranking/programs/${bstProgramId}/model`, "dinsos")
      ).json() as ModelView;
      // Age first: the ranking changes, so an earlier choice leaves the list.
      const model = structuredClone(current.model) as RatingModel & { criteriaJudgments: unknown[] };
      model.criteriaJudgments = model.criteriaJudgments.map((_, k) =>
        k < 7 ? judgment(9, "second") : judgment(1),
      );
      // A circle of preferences (1 over 2 over 3 over 1: CR 0.43) is refused until someone writes why it stays.
      const inconsistent = structuredClone(model);
      inconsistent.criteriaJudgments[pairIndex(8, 1, 2)] = judgment(9, "first");
      inconsistent.criteriaJudgments[pairIndex(8, 2, 3)] = judgment(9, "first");
      inconsistent.criteriaJudgments[pairIndex(8, 1, 3)] = judgment(9, "second");
      const unjustified = await call("PUT", `/api/ranking/programs/${bstProgramId}/model`, "dinsos", {
        baseVersion: 1,
        model: inconsistent,
        reason: "Uji ulang bobot",
      });
      expect(unjustified.statusCode).toBe(422);
      expect(unjustified.json().errors[0]).toMatchObject({
        field: "inconsistencyJustification",
        code: "RATING_MODEL_INCONSISTENT_UNJUSTIFIED",
      });
      const noReasonModel = await call("PUT", `/api/ranking/programs/${bstProgramId}/model`, "dinsos", {
        baseVersion: 1,
        model,
      });
      expect(noReasonModel.statusCode).toBe(400);
      expect(noReasonModel.json().errors[0]).toMatchObject({ field: "reason" });
      const saved = await call("PUT", `/api/ranking/programs/${bstProgramId}/model`, "dinsos", {
        baseVersion: 1,
        model,
        reason: "Uji ulang bobot",
      });
      expect(saved.statusCode).toBe(200);
      const noReason = await call("POST", `/api/ranking/periods/${bstPeriodId}/selection-runs`, "dinsos", {
        modelVersion: 2,
      });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json().errors[0]).toMatchObject({ field: "reason", code: "REASON_REQUIRED" });
      const rerun = await call("POST", `/api/ranking/periods/${bstPeriodId}/selection-runs`, "dinsos", {
        modelVersion: 2,
        reason: "Bobot usia dinaikkan setelah musyawarah",
      });
      expect(rerun.statusCode).toBe(201);
      const second = rerun.json() as SelectionRunView;
      expect(second.runNumber).toBe(2);
      expect(second.marked?.unselected).toBeGreaterThan(0);
      expect(second.sha256).not.toBe(first.sha256);
      const runs = await call("GET", `/api/ranking/periods/${bstPeriodId}/selection-runs`, "dinsos");
      expect(runs.json().map((r: SelectionRunView) => r.runNumber)).toEqual([2, 1]);
    });

    it("detects a stored input altered after the run", async () => {
      await salur().database.db.execute(
        sql`update selection_results set levels = ${Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])}
            where run_id = ${first.id} and position = (
              select position from selection_results where run_id = ${first.id} and not selected and eligible limit 1)`,
      );
      const detail = (await call("GET", `/api/ranking/selection-runs/${first.id}`, "dinsos")).json();
      expect(detail.reproducible).toBe(false);
    });

    it("refuses to run again once the period's list has been published", async () => {
      const [one] = await queryRows<{ id: string }>(
        salur().database.db,
        sql`select id from enrollments where period_id = ${bstPeriodId} and status = 'selected' limit 1`,
      );
      await salur().database.db.execute(
        sql`update enrollments set status = 'published' where id = ${one?.id}`,
      );
      const res = await call("POST", `/api/ranking/periods/${bstPeriodId}/selection-runs`, "dinsos", {
        modelVersion: 2,
        reason: "Ulang",
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: "SELECTION_PERIOD_FROZEN", params: { count: 1 } });
    });
  });
});
