import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import {
  applyTransition,
  applyTransitions,
  type BatchTransitionInput,
  transitionApplication,
} from "./service.ts";
import { loadApplication, updateStatuses } from "./store.ts";
import {
  type Applicant,
  advance,
  attachPapers,
  newApplicant,
  type Officer,
  type Scenario,
  setUpScenario,
  submittedApplicant,
  UMKM_PAPERS,
} from "./testing.ts";

describeEachDatabase("enrollment workflow in batches", (salur, kind) => {
  let s: Scenario;
  beforeAll(async () => {
    s = await setUpScenario(salur());
  });

  const db = () => salur().database.db;

  const submitted = (by?: Officer) => submittedApplicant(s, by ? { by } : {});

  async function validated() {
    return advance(s, await submitted(), [
      [s.officers.operator, "verify"],
      [s.officers.kecamatan, "validate"],
    ]);
  }

  /** The batch as a use case runs it: its own transaction, rolled back by any refusal. */
  const batch = (by: Officer, input: BatchTransitionInput) =>
    db().transaction((tx) => applyTransitions(salur().registry, tx, by.caller, input));

  const items = (list: readonly Applicant[]) => list.map((a) => ({ id: a.enrollmentId, version: a.version }));

  async function trail(list: readonly Applicant[]) {
    const ids = list.map((a) => a.enrollmentId);
    const [row] = await queryRows<{ entries: number; duties: number; selected: number }>(
      db(),
      sql`select
            (select count(*)::int from audit_entries where entity = 'enrollment' and action = 'enrollment.select'
               and entity_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))) as entries,
            (select count(*)::int from duties where entity = 'enrollment' and duty = 'propose'
               and entity_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))) as duties,
            (select count(*)::int from enrollments where status = 'selected'
               and id::text in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))) as selected`,
    );
    return row;
  }

  it("selects many applications in one transaction: each through the engine, one audit entry and one duty each", async () => {
    const list = [await validated(), await validated(), await validated(), await validated()];
    const outcomes = await batch(s.officers.manager, { action: "select", items: items(list) });
    expect(outcomes.map((o) => [o.id, o.from, o.status, o.version])).toEqual(
      list.map((a) => [a.enrollmentId, "validated", "selected", a.version + 1]),
    );
    for (const o of outcomes) expect(o.eligibility).toMatchObject({ eligible: true });
    expect(await trail(list)).toEqual({ entries: 4, duties: 4, selected: 4 });
    const entries = await queryRows<{ entity_id: string; before: unknown; after: unknown; actor_id: string }>(
      db(),
      sql`select entity_id, "before", "after", actor_id from audit_entries
          where action = 'enrollment.select' and entity_id = ${list[0]?.enrollmentId}`,
    );
    expect(entries).toEqual([
      {
        entity_id: list[0]?.enrollmentId,
        before: { status: "validated", version: list[0]?.version },
        after: {
          status: "selected",
          version: (list[0]?.version ?? 0) + 1,
          eligibility: { eligible: true, failedRules: [] },
        },
        actor_id: s.officers.manager.id,
      },
    ]);
  });

  it("is all or nothing: one applicant who no longer meets a rule refuses the batch, naming them, and nothing is written", async () => {
    const list = [await validated(), await validated(), await validated()];
    const pns = list[1] as Applicant;
    // The registry refuses this edit after verification (issue 12, H3); a change reaching the row another way
    // (a database repair, a central list applied) must still refuse the batch.
    await queryRows(
      db(),
      sql`update persons set employment = 'civil_servant', version = version + 1 where id = ${pns.personId}`,
    );
    const [before] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from audit_entries`);
    await expect(batch(s.officers.manager, { action: "select", items: items(list) })).rejects.toMatchObject({
      code: "ELIGIBILITY_FAILED",
      status: 422,
      params: { rules: "excluded_employment", id: pns.enrollmentId },
    });
    expect(await trail(list)).toEqual({ entries: 0, duties: 0, selected: 0 });
    const [after] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from audit_entries`);
    expect(after?.n).toBe(before?.n);
    const versions = await queryRows<{ id: string; version: number; status: string }>(
      db(),
      sql`select id, version, status from enrollments
          where id in (${sql.join(
            list.map((a) => sql`${a.enrollmentId}`),
            sql`, `,
          )})`,
    );
    for (const a of list)
      expect(versions.find((v) => v.id === a.enrollmentId)).toMatchObject({
        version: a.version,
        status: "validated",
      });
  });

  it("applies the maker-checker pairs per application: an operator cannot verify, in a batch, one they registered", async () => {
    const mine = await submitted(s.officers.operator);
    const other = await submitted();
    await expect(
      batch(s.officers.operator, { action: "verify", items: items([other, mine]) }),
    ).rejects.toMatchObject({
      code: "MAKER_CHECKER_CONFLICT",
      status: 403,
      params: { duty: "verify", performed: "register", id: mine.enrollmentId },
    });
    const [row] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from enrollments where status = 'verified'
          and id in (${other.enrollmentId}, ${mine.enrollmentId})`,
    );
    expect(row?.n).toBe(0);
    const verified = await batch(s.officers.operator2, { action: "verify", items: items([other, mine]) });
    expect(verified.map((o) => o.status)).toEqual(["verified", "verified"]);
  });

  it("refuses what the engine refuses one at a time: a missing paper, a role, a reason", async () => {
    const bare = await newApplicant(s);
    await attachPapers(s, bare.enrollmentId, ["ktp", "kk"]);
    const ready = await newApplicant(s);
    await attachPapers(s, ready.enrollmentId, UMKM_PAPERS);
    await expect(
      batch(s.officers.enumerator, { action: "submit", items: items([ready, bare]) }),
    ).rejects.toMatchObject({
      code: "WORKFLOW_DOCUMENTS_MISSING",
      params: { missing: "sku", id: bare.enrollmentId },
    });
    const v = await validated();
    await expect(batch(s.officers.operator, { action: "select", items: items([v]) })).rejects.toMatchObject({
      code: "WORKFLOW_ROLE_FORBIDDEN",
      params: { id: v.enrollmentId },
    });
    await expect(
      batch(s.officers.manager, { action: "reject", items: items([v]), reasonCode: "duplicate" }),
    ).rejects.toMatchObject({ code: "REASON_REQUIRED" });
  });

  it("submits a batch one after another, as one at a time: the second member of a KK is refused", async () => {
    const first = await newApplicant(s);
    const spouse = await newApplicant(s, { kk: first.kk, sex: "L", birthDate: "1983-01-20" });
    await attachPapers(s, first.enrollmentId, UMKM_PAPERS);
    await attachPapers(s, spouse.enrollmentId, UMKM_PAPERS);
    await expect(
      batch(s.officers.enumerator, { action: "submit", items: items([first, spouse]) }),
    ).rejects.toMatchObject({ code: "ELIGIBILITY_FAILED", params: { rules: "one_per_household" } });
    const [row] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from enrollments where status = 'draft'
          and id in (${first.enrollmentId}, ${spouse.enrollmentId})`,
    );
    expect(row?.n).toBe(2);
    const outcomes = await batch(s.officers.enumerator, { action: "submit", items: items([first]) });
    expect(outcomes[0]).toMatchObject({ status: "submitted" });
  });

  it("concurrent edit: an application changed since the officer read it fails the whole batch with the conflict code", async () => {
    const list = [await validated(), await validated(), await validated()];
    const read = items(list);
    const changed = list[2] as Applicant;
    // validated → rejected by the manager: a concurrent decision the batch did not see.
    await advance(s, changed, [
      [s.officers.manager, "reject", { reasonCode: "duplicate", reason: "Terdaftar dua kali" }],
    ]);
    await expect(batch(s.officers.manager, { action: "select", items: read })).rejects.toMatchObject({
      code: "ENROLLMENT_VERSION_CONFLICT",
      status: 409,
      params: {
        expected: read[2]?.version,
        actual: changed.version,
        status: "rejected",
        id: changed.enrollmentId,
      },
    });
    expect(await trail(list)).toEqual({ entries: 0, duties: 0, selected: 0 });
  });

  it("moves a row only at the version and status decided on, and the database guard still checks every row", async () => {
    const a = await validated();
    const b = await validated();
    const moved = await db()
      .transaction(async (tx) => {
        const rows = await updateStatuses(tx, [
          { id: a.enrollmentId, version: a.version, from: "validated", to: "selected" },
          { id: b.enrollmentId, version: b.version - 1, from: "validated", to: "selected" },
        ]);
        throw Object.assign(new Error("rollback"), { rows });
      })
      .catch((e: { rows: Map<string, unknown> }) => e.rows);
    expect([...moved.keys()]).toEqual([a.enrollmentId]);
    await expect(
      db().transaction((tx) =>
        updateStatuses(tx, [{ id: a.enrollmentId, version: a.version, from: "validated", to: "paid" }]),
      ),
    ).rejects.toMatchObject({ code: "WORKFLOW_STATUS_GUARD", params: { from: "validated", to: "paid" } });
  });

  it("concurrent edit mid-batch: a decision committed while the batch waits on its row makes the batch a conflict", async () => {
    const list = [await validated(), await validated(), await validated()];
    const contested = list[0] as Applicant;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let decided = () => {};
    const holding = new Promise<void>((resolve) => {
      decided = resolve;
    });
    // A one-at-a-time rejection that holds its transaction (and the row lock) open until released.
    const single = db().transaction(async (tx) => {
      const app = await loadApplication(tx, contested.enrollmentId);
      if (!app) throw new Error("vanished");
      const outcome = await applyTransition(salur().registry, tx, s.officers.manager.caller, app, {
        action: "reject",
        version: contested.version,
        reasonCode: "duplicate",
        reason: "Terdaftar dua kali",
      });
      decided();
      await gate;
      return outcome;
    });
    await holding;
    // On PostgreSQL the batch reads the old version and its update waits on the row; PGlite has one connection,
    // so the batch runs after the rejection committed. Either way it must not select the rejected application.
    const run = batch(s.officers.manager, { action: "select", items: items(list) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await expect(single).resolves.toMatchObject({ status: "rejected" });
    await expect(run).rejects.toMatchObject({
      code: "ENROLLMENT_VERSION_CONFLICT",
      status: 409,
      params: {
        expected: contested.version,
        actual: contested.version + 1,
        status: "rejected",
        id: contested.enrollmentId,
      },
    });
    expect(await trail(list)).toEqual({ entries: 0, duties: 0, selected: 0 });
  });

  it("races a one-at-a-time decision: exactly one of them changes the contested application", async () => {
    const list = [await validated(), await validated(), await validated()];
    const contested = list[1] as Applicant;
    const [run, single] = await Promise.allSettled([
      batch(s.officers.manager, { action: "select", items: items(list) }),
      transitionApplication(salur().registry, s.officers.manager.caller, contested.enrollmentId, {
        action: "reject",
        version: contested.version,
        reasonCode: "duplicate",
        reason: "Terdaftar dua kali",
      }),
    ]);
    expect([run.status, single.status].filter((x) => x === "fulfilled")).toHaveLength(1);
    const loser =
      run.status === "rejected" ? run.reason : single.status === "rejected" ? single.reason : null;
    expect(loser).toMatchObject({ code: "ENROLLMENT_VERSION_CONFLICT", status: 409 });
    const t = await trail(list);
    if (run.status === "fulfilled") expect(t).toEqual({ entries: 3, duties: 3, selected: 3 });
    else expect(t).toEqual({ entries: 0, duties: 0, selected: 0 });
    const [state] = await queryRows<{ version: number; decisions: number }>(
      db(),
      sql`select version, (select count(*)::int from audit_entries where entity_id = ${contested.enrollmentId}
            and action in ('enrollment.select', 'enrollment.reject')) as decisions
          from enrollments where id = ${contested.enrollmentId}`,
    );
    expect(state).toEqual({ version: contested.version + 1, decisions: 1 });
    console.log(`[${kind}] batch vs one-at-a-time: ${run.status === "fulfilled" ? "batch" : "single"} won`);
  });
});
