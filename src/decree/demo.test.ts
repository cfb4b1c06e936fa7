import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { systemCaller } from "../access/actor.ts";
import * as accessStore from "../access/store.ts";
import { createTestUser } from "../access/testing.ts";
import { actorOf } from "../access/user-views.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { seedDemo } from "../demo/seed.ts";
import { buildServer } from "../http/server.ts";
import { rankingOf } from "../ranking/context.ts";
import { runSelection } from "../ranking/selection-runs.ts";
import { decreedRecipients } from "./read.ts";
import { decreesOf } from "./runtime.ts";
import { approveDecree, checkDecree, draftDecree } from "./service.ts";
import * as store from "./store.ts";

describeEachDatabase("demo decree", (salur) => {
  it("leaves one approved BLT UMKM decree whose recipients are decreed and whose public page says it is in force", async () => {
    await seedDemo(salur(), { persons: 1_500 });
    const db = salur().database.db;
    const [decree] = await queryRows<{ id: string; code: string; number: string }>(
      db,
      sql`select d.id, p.code, d.number from decrees d join programs p on p.id = d.program_id`,
    );
    expect(decree?.code).toBe("BLT-UMKM");
    const decreed = await decreedRecipients(db, decree?.id ?? "");
    expect(decreed.decree.status).toBe("approved");
    expect(decreed.recipients.length).toBeGreaterThan(0);
    const [states] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from enrollments e join decree_lines l on l.enrollment_id = e.id
          where l.decree_id = ${decree?.id ?? ""} and e.status <> 'approved'`,
    );
    expect(states?.n).toBe(0);
    const app = await buildServer(salur());
    const page = await app.inject({ url: `/publik/sk/${decree?.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(decree?.number ?? "?");
    expect(page.body).toContain("Berlaku");
  }, 300_000);

  it("drafts from a selection run (its selected enrollments), and refuses the drafter's own approval as a duty conflict", async () => {
    const s = salur();
    const db = s.database.db;
    const system = systemCaller("test", "64.01");
    const [period] = await queryRows<{ id: string; agency_id: string }>(
      db,
      sql`select t.id, p.agency_id from periods t join programs p on p.id = t.program_id where p.code = 'BST-DAERAH'`,
    );
    const run = await runSelection(rankingOf(s), system, period?.id ?? "", {
      modelVersion: 0,
      // The demo quota binds: a new run takes some earlier choices out again, which needs a reason.
      reason: "Seleksi ulang dengan kuota tahap ini",
    });
    expect(run.selectedCount).toBeGreaterThan(0);
    const account = await createTestUser(s, {
      role: "program_manager",
      areaCode: "64.01",
      agencyId: period?.agency_id ?? null,
    });
    const row = await accessStore.getUser(db, account.id);
    if (!row) throw new Error("user vanished");
    const drafter = { actor: actorOf(row), requestId: null };
    const decrees = decreesOf(s);
    const draft = await db.transaction((tx) =>
      draftDecree(decrees, tx, drafter, { periodId: period?.id ?? "", selectionRunId: run.id }),
    );
    expect(draft.lineCount).toBe(run.selectedCount);
    const selected = await queryRows<{ enrollment_id: string }>(
      db,
      sql`select enrollment_id from selection_results where run_id = ${run.id} and selected`,
    );
    const decreed = await decreedRecipients(db, draft.id);
    expect(new Set(decreed.recipients.map((r) => r.enrollmentId))).toEqual(
      new Set(selected.map((r) => r.enrollment_id)),
    );
    await db.transaction((tx) => checkDecree(decrees, tx, system, draft.id, 1));
    await store.saveSanggah(db, period?.id ?? "", "2026-10-01", "2026-10-15");
    // The drafter given the approver's role (a second account of the same person would be a second user id).
    const sameUser = {
      actor: { ...drafter.actor, role: "approver" as const, agencyId: null },
      requestId: null,
    };
    await expect(
      db.transaction((tx) => approveDecree(decrees, tx, sameUser, draft.id, { version: 2 })),
    ).rejects.toMatchObject({
      code: "MAKER_CHECKER_CONFLICT",
    });
  }, 300_000);
});
