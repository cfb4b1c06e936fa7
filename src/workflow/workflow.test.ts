import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { WORKFLOW_EDGES } from "./engine.ts";
import { defaultPolicy } from "./policy.ts";
import { workQueue } from "./queue.ts";
import {
  applicationWorkflow,
  applyTransition,
  bulkTransition,
  evaluateApplication,
  evaluatePeriod,
  policyFor,
  saveProgramPolicy,
  type TransitionInput,
  transitionApplication,
} from "./service.ts";
import { loadApplication } from "./store.ts";
import {
  type Applicant,
  type ApplicantOptions,
  advance,
  attachPapers,
  newApplicant,
  type Officer,
  type Scenario,
  setUpScenario,
  submittedApplicant,
  UMKM_PAPERS,
} from "./testing.ts";

describeEachDatabase("enrollment workflow", (salur, kind) => {
  let s: Scenario;
  beforeAll(async () => {
    s = await setUpScenario(salur());
  });

  const act = (by: Officer, applicant: Pick<Applicant, "enrollmentId">, input: TransitionInput) =>
    transitionApplication(salur().registry, by.caller, applicant.enrollmentId, input);

  const submitted = (options: ApplicantOptions = {}) => submittedApplicant(s, options);

  const auditCount = async (enrollmentId: string, action?: string) => {
    const [row] = await queryRows<{ n: number }>(
      salur().database.db,
      sql`select count(*)::int as n from audit_entries where entity = 'enrollment' and entity_id = ${enrollmentId}
          and action like ${action ? `enrollment.${action}` : "enrollment.%"}`,
    );
    return row?.n ?? 0;
  };

  it("carries an application from draft to received, one audit entry per step, each by its own officer", async () => {
    const { enumerator, operator, kecamatan, manager, approver, bank } = s.officers;
    const a = await submitted();
    await advance(s, a, [
      [operator, "verify"],
      [kecamatan, "validate"],
      [manager, "select"],
      [operator, "publish"],
      [approver, "approve"],
      [bank, "record_payment"],
      [enumerator, "confirm_receipt"],
    ]);
    const view = await applicationWorkflow(salur().registry, manager.caller, a.enrollmentId);
    expect(view.application.status).toBe("received");
    expect(view.history.filter((h) => h.action.startsWith("enrollment.")).map((h) => h.action)).toEqual([
      "enrollment.create",
      "enrollment.document_attach",
      "enrollment.document_attach",
      "enrollment.document_attach",
      "enrollment.submit",
      "enrollment.verify",
      "enrollment.validate",
      "enrollment.select",
      "enrollment.publish",
      "enrollment.approve",
      "enrollment.record_payment",
      "enrollment.confirm_receipt",
    ]);
    const verify = view.history.find((h) => h.action === "enrollment.verify");
    expect(verify?.actor.id).toBe(operator.id);
    expect(verify?.changes).toEqual(
      expect.arrayContaining([{ field: "status", before: "submitted", after: "verified" }]),
    );
  });

  describe("each transition rule", () => {
    it("role: an enumerator may not verify, and nothing is written when refused", async () => {
      const a = await submitted();
      const before = await auditCount(a.enrollmentId);
      await expect(
        act(s.officers.enumerator, a, { action: "verify", version: a.version }),
      ).rejects.toMatchObject({
        code: "WORKFLOW_ROLE_FORBIDDEN",
        status: 403,
        params: { action: "verify", role: "enumerator" },
      });
      expect(await auditCount(a.enrollmentId)).toBe(before);
      const view = await applicationWorkflow(salur().registry, s.officers.operator.caller, a.enrollmentId);
      expect(view.application).toMatchObject({ status: "submitted", version: a.version });
    });

    it("area: an application outside the officer's desa or RT does not exist for them", async () => {
      const a = await submitted();
      await expect(
        act(s.officers.janjuOperator, a, { action: "verify", version: a.version }),
      ).rejects.toMatchObject({
        code: "ENROLLMENT_NOT_FOUND",
        status: 404,
      });
      const other = await newApplicant(s, { rt: "005", by: s.officers.operator });
      await expect(
        act(s.officers.rt003, other, { action: "withdraw", version: other.version, reason: "Pindah" }),
      ).rejects.toMatchObject({
        code: "ENROLLMENT_NOT_FOUND",
      });
      // The kecamatan officer of Kuaro holds both RTs of Lolo.
      await expect(
        act(s.officers.kecamatan, other, { action: "withdraw", version: other.version, reason: "Pindah" }),
      ).resolves.toMatchObject({
        status: "withdrawn",
      });
    });

    it("documents: an UMKM application cannot be submitted without its SKU, and can once it is attached", async () => {
      const a = await newApplicant(s);
      await attachPapers(s, a.enrollmentId, ["ktp", "kk"]);
      await expect(
        act(s.officers.enumerator, a, { action: "submit", version: a.version }),
      ).rejects.toMatchObject({
        code: "WORKFLOW_DOCUMENTS_MISSING",
        status: 422,
        params: { missing: "sku" },
      });
      await attachPapers(s, a.enrollmentId, ["sku"]);
      await expect(
        act(s.officers.enumerator, a, { action: "submit", version: a.version }),
      ).resolves.toMatchObject({
        status: "submitted",
      });
    });

    it("documents: a program's own policy decides which papers are required", async () => {
      await saveProgramPolicy(salur().registry, s.officers.manager.caller, s.bst.programId, {
        version: 0,
        requiredDocuments: ["ktp", "kk", "house_photo"],
        rules: [{ rule: "min_age", years: 17 }],
      });
      const a = await newApplicant(s, { program: "bst" });
      await attachPapers(s, a.enrollmentId, ["ktp", "kk"]);
      await expect(
        act(s.officers.enumerator, a, { action: "submit", version: a.version }),
      ).rejects.toMatchObject({
        params: { missing: "house_photo" },
      });
    });

    it("maker-checker: whoever registered an application may not verify or reject it; a second operator may", async () => {
      const { operator, operator2 } = s.officers;
      const a = await submitted({ by: operator });
      await expect(act(operator, a, { action: "verify", version: a.version })).rejects.toMatchObject({
        code: "MAKER_CHECKER_CONFLICT",
        status: 403,
        params: { duty: "verify", performed: "register" },
      });
      await expect(
        act(operator, a, {
          action: "reject",
          version: a.version,
          reasonCode: "duplicate",
          reason: "Sudah terdaftar",
        }),
      ).rejects.toMatchObject({ code: "MAKER_CHECKER_CONFLICT" });
      expect(await auditCount(a.enrollmentId, "verify")).toBe(0);
      await expect(act(operator2, a, { action: "verify", version: a.version })).resolves.toMatchObject({
        status: "verified",
      });
    });

    it("reason: a rejection needs a coded reason and a written one, and both enter the audit trail", async () => {
      const a = await submitted();
      const { operator } = s.officers;
      await expect(
        act(operator, a, { action: "reject", version: a.version, reason: "Tidak ada usaha" }),
      ).rejects.toMatchObject({
        code: "REASON_CODE_REQUIRED",
        status: 422,
      });
      await expect(
        act(operator, a, { action: "reject", version: a.version, reasonCode: "ineligible" }),
      ).rejects.toMatchObject({
        code: "REASON_REQUIRED",
      });
      await act(operator, a, {
        action: "reject",
        version: a.version,
        reasonCode: "not_found_at_address",
        reason: "Rumah kosong saat dikunjungi dua kali",
      });
      const [entry] = await queryRows<{ reason: string; after: { reasonCode: string; status: string } }>(
        salur().database.db,
        sql`select reason, "after" from audit_entries where entity_id = ${a.enrollmentId} and action = 'enrollment.reject'`,
      );
      expect(entry).toMatchObject({
        reason: "Rumah kosong saat dikunjungi dua kali",
        after: { reasonCode: "not_found_at_address", status: "rejected" },
      });
    });

    it("eligibility: a 16-year-old, a civil servant and a second claimant of one KK are stopped at submission, saying why", async () => {
      const young = await newApplicant(s, { birthDate: "2010-06-01" });
      await attachPapers(s, young.enrollmentId, UMKM_PAPERS);
      await expect(
        act(s.officers.enumerator, young, { action: "submit", version: young.version }),
      ).rejects.toMatchObject({
        code: "ELIGIBILITY_FAILED",
        params: { rules: "min_age" },
      });
      const pns = await newApplicant(s, { employment: "civil_servant" });
      await attachPapers(s, pns.enrollmentId, UMKM_PAPERS);
      await expect(
        act(s.officers.enumerator, pns, { action: "submit", version: pns.version }),
      ).rejects.toMatchObject({
        params: { rules: "excluded_employment" },
      });
      const first = await submitted();
      const spouse = await newApplicant(s, { kk: first.kk, sex: "L", birthDate: "1983-01-20" });
      await attachPapers(s, spouse.enrollmentId, UMKM_PAPERS);
      await expect(
        act(s.officers.enumerator, spouse, { action: "submit", version: spouse.version }),
      ).rejects.toMatchObject({
        params: { rules: "one_per_household" },
      });
      const view = await applicationWorkflow(
        salur().registry,
        s.officers.operator.caller,
        spouse.enrollmentId,
      );
      expect(view.eligibility.results.find((r) => r.rule === "one_per_household")).toMatchObject({
        passed: false,
        code: "ELIG_HOUSEHOLD_TAKEN",
        params: { status: "submitted" },
      });
      expect(view.actions.find((x) => x.action === "submit")?.blocked).toMatchObject({
        code: "ELIGIBILITY_FAILED",
      });
    });

    it("eligibility: someone receiving another program in an overlapping period is stopped when the policy says so", async () => {
      await saveProgramPolicy(salur().registry, s.officers.manager.caller, s.umkm.programId, {
        version: 0,
        requiredDocuments: ["ktp", "kk", "sku"],
        rules: [{ rule: "not_enrolled_in", programCodes: [s.bst.code] }],
      });
      const a = await submitted();
      const { registry } = salur();
      const { enrollPerson } = await import("../registry/service.ts");
      // The same person applies for BST, whose period overlaps, and is submitted there first.
      const bst = await enrollPerson(registry, s.officers.enumerator.caller, {
        personId: a.personId,
        periodId: s.bst.periodId,
      });
      const bstApp = { enrollmentId: bst.id, version: bst.version } as Applicant;
      await attachPapers(s, bst.id, ["ktp", "kk", "house_photo"]);
      await advance(s, bstApp, [[s.officers.enumerator, "submit"]]);
      await advance(s, a, [
        [s.officers.operator, "verify"],
        [s.officers.kecamatan, "validate"],
      ]);
      await expect(
        act(s.officers.manager, a, { action: "select", version: a.version }),
      ).rejects.toMatchObject({
        code: "ELIGIBILITY_FAILED",
        params: { rules: "not_enrolled_in" },
      });
      await saveProgramPolicy(salur().registry, s.officers.manager.caller, s.umkm.programId, {
        version: 1,
        ...defaultPolicy("business"),
      });
    });

    it("eligibility: is checked again before selection, after the record changed", async () => {
      const a = await submitted();
      await advance(s, a, [
        [s.officers.operator, "verify"],
        [s.officers.kecamatan, "validate"],
      ]);
      // The registry refuses this edit once the application is verified (issue 12, H3); a change that reaches
      // the row another way (a database repair, a central list applied) is still caught before selection.
      await queryRows(
        salur().registry.db,
        sql`update persons set employment = 'civil_servant', version = version + 1 where id = ${a.personId}`,
      );
      await expect(
        act(s.officers.manager, a, { action: "select", version: a.version }),
      ).rejects.toMatchObject({
        code: "ELIGIBILITY_FAILED",
        params: { rules: "excluded_employment" },
      });
    });

    it("illegal: an application cannot be approved before it was published, nor leave an end state", async () => {
      const a = await submitted();
      await expect(
        act(s.officers.approver, a, { action: "approve", version: a.version }),
      ).rejects.toMatchObject({
        code: "WORKFLOW_TRANSITION_ILLEGAL",
        status: 409,
        params: { action: "approve", status: "submitted" },
      });
      await advance(s, a, [[s.officers.enumerator, "withdraw", { reason: "Pemohon membatalkan" }]]);
      await expect(
        act(s.officers.enumerator, a, { action: "submit", version: a.version }),
      ).rejects.toMatchObject({
        code: "WORKFLOW_TRANSITION_ILLEGAL",
      });
    });

    it("illegal: the database itself refuses an edge the engine does not have, whatever code issues it", async () => {
      const a = await newApplicant(s);
      await expect(
        salur().database.db.execute(sql`update enrollments set status = 'paid' where id = ${a.enrollmentId}`),
      ).rejects.toThrow();
      const edges = await queryRows<{ from_status: string; to_status: string }>(
        salur().database.db,
        sql`select from_status, to_status from enrollment_status_edges order by 1, 2`,
      );
      const expected = WORKFLOW_EDGES.map(([from, to]) => ({ from_status: from, to_status: to }));
      const key = (e: { from_status: string; to_status: string }) => `${e.from_status}>${e.to_status}`;
      expect(edges.map(key).sort()).toEqual(expected.map(key).sort());
    });

    it("concurrency: a decision on a stale version is a conflict that names the current version and status", async () => {
      const a = await submitted();
      const stale = a.version;
      await advance(s, a, [[s.officers.operator, "verify"]]);
      await expect(
        act(s.officers.operator2, a, {
          action: "reject",
          version: stale,
          reasonCode: "other",
          reason: "x y z",
        }),
      ).rejects.toMatchObject({
        code: "ENROLLMENT_VERSION_CONFLICT",
        status: 409,
        params: { expected: stale, actual: a.version, status: "verified" },
      });
    });
  });

  it("applies exactly one of 50 simultaneous decisions on one application: 49 conflicts, one audit entry, one duty", async () => {
    const a = await submitted();
    const { operator, operator2 } = s.officers;
    const db = salur().database.db;
    const connections = new Set<number>();
    let inFlight = 0;
    let mostAtOnce = 0;
    // Each attempt is the service's own transaction body, wrapped to record which connection ran it and how
    // many ran at once: on PostgreSQL the pool's connections really overlap; PGlite has one and queues them.
    const attempt = (i: number) =>
      db.transaction(async (tx) => {
        inFlight++;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        try {
          const [row] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
          connections.add(Number(row?.pid));
          const app = await loadApplication(tx, a.enrollmentId);
          if (!app) throw new Error("vanished");
          const by = i % 2 === 0 ? operator : operator2;
          const input: TransitionInput =
            i % 2 === 0
              ? { action: "verify", version: a.version }
              : { action: "reject", version: a.version, reasonCode: "duplicate", reason: `Percobaan ${i}` };
          return await applyTransition(salur().registry, tx, by.caller, app, input);
        } finally {
          inFlight--;
        }
      });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => attempt(i)));
    const applied = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) =>
      r.status === "rejected" ? [r.reason as { code: string; status: number }] : [],
    );
    expect(applied).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const error of refused)
      expect(error).toMatchObject({ code: "ENROLLMENT_VERSION_CONFLICT", status: 409 });
    const [decisions] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_entries where entity_id = ${a.enrollmentId} and action in ('enrollment.verify', 'enrollment.reject')`,
    );
    expect(decisions?.n).toBe(1);
    const [duties] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from duties where entity_id = ${a.enrollmentId} and duty = 'verify'`,
    );
    expect(duties?.n).toBe(1);
    const [state] = await queryRows<{ status: string; version: number }>(
      db,
      sql`select status, version from enrollments where id = ${a.enrollmentId}`,
    );
    expect(state).toMatchObject({ version: a.version + 1 });
    expect(["verified", "rejected"]).toContain(state?.status);
    if (kind === "postgres") {
      expect(connections.size).toBeGreaterThan(1);
      expect(mostAtOnce).toBeGreaterThan(1);
    }
    console.log(
      `[${kind}] 50 simultaneous decisions: 1 applied, ${refused.length} conflicts, ${connections.size} connection(s), up to ${mostAtOnce} transactions at once`,
    );
  });

  it("verifies in bulk from the queue, each application on its own", async () => {
    const items = [await submitted(), await submitted(), await submitted()];
    const stale = items[2] as Applicant;
    await advance(s, { ...stale }, [
      [s.officers.operator, "return_for_correction", { reason: "Foto KTP buram" }],
    ]);
    const results = await bulkTransition(salur().registry, s.officers.operator2.caller, {
      action: "verify",
      items: items.map((a) => ({ id: a.enrollmentId, version: a.version })),
    });
    expect(results.map((r) => (r.ok ? r.status : r.code))).toEqual([
      "verified",
      "verified",
      "ENROLLMENT_VERSION_CONFLICT",
    ]);
  });

  it("evaluates a whole period in bulk exactly as it evaluates one application at a time", async () => {
    const { registry } = salur();
    const bulk = await evaluatePeriod(registry, registry.db, s.umkm.periodId, [
      "draft",
      "submitted",
      "verified",
      "validated",
    ]);
    expect(bulk.size).toBeGreaterThan(10);
    const failed = new Set<string>();
    for (const [id, result] of bulk) {
      const app = await loadApplication(registry.db, id);
      if (!app) throw new Error("vanished");
      expect(result).toEqual(
        await evaluateApplication(registry, registry.db, app, await policyFor(registry.db, app)),
      );
      for (const rule of result.failedRules) failed.add(rule);
    }
    expect([...failed].sort()).toEqual(["excluded_employment", "min_age", "one_per_household"]);
  });

  it("queues what waits in the officer's own area, oldest first, with the papers still missing", async () => {
    const waiting = await submitted();
    const draft = await newApplicant(s);
    await attachPapers(s, draft.enrollmentId, ["ktp"]);
    const lolo = await workQueue(salur().registry, s.officers.operator.caller, { page: 1, pageSize: 200 });
    expect(Object.keys(lolo.counts).sort()).toEqual(["draft", "paid", "selected", "submitted"]);
    expect(lolo.items.map((i) => i.id)).toContain(waiting.enrollmentId);
    expect(lolo.items.find((i) => i.id === draft.enrollmentId)).toMatchObject({
      documents: ["ktp"],
      missingDocuments: ["kk", "sku"],
    });
    const janju = await workQueue(salur().registry, s.officers.janjuOperator.caller, {
      page: 1,
      pageSize: 200,
    });
    expect(janju.total).toBe(0);
    const kecamatan = await workQueue(salur().registry, s.officers.kecamatan.caller, {
      status: "submitted",
      page: 1,
      pageSize: 200,
    });
    expect(kecamatan.items.map((i) => i.id)).toContain(waiting.enrollmentId);
    const times = lolo.items.map((i) => i.statusChangedAt);
    expect([...times].sort()).toEqual(times.filter(() => true).sort());
  });
});
