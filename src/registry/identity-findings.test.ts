import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { warmRegistryIndex } from "../matching/registry-index.ts";
import { openBound } from "../privacy/vault.ts";
import {
  advance,
  JANJU,
  kuaroKk,
  kuaroNik,
  LOLO,
  newApplicant,
  type Scenario,
  setUpScenario,
  submittedApplicant,
} from "../workflow/testing.ts";
import { Attacker } from "./reconstruction.fixture.ts";
import { registerHousehold, registerPerson } from "./service.ts";

/**
 * Regression tests of issue 12's identity findings, one per finding, each the attack as it was carried out.
 * A Janju resident (Kecamatan Tanah Grogot) is the victim of officials of Desa Lolo (Kecamatan Kuaro).
 */
let janjuSerial = 0;
function janjuNik(): string {
  janjuSerial++;
  return `640104110290${String(((process.pid * 3 + janjuSerial * 7) % 9000) + 1000)}`;
}
function janjuKk(): string {
  janjuSerial++;
  return `640104010115${String(((process.pid * 5 + janjuSerial * 11) % 9000) + 1000)}`;
}

describeEachDatabase("issue 12: identity data and who may see or change it", (salur) => {
  let app: FastifyInstance;
  let s: Scenario;
  const sessions = {} as Record<
    "enumerator" | "rt003" | "operator" | "operator2" | "janjuOperator" | "kecamatan" | "manager",
    Session
  >;
  let auditor: Session;
  let regencyManager: Session;
  /** A Janju resident with a household: what the Lolo officials go after. */
  let victim: { id: string; nik: string; name: string; householdId: string; kk: string };

  beforeAll(async () => {
    app = await buildServer(salur());
    s = await setUpScenario(salur());
    for (const name of [
      "enumerator",
      "rt003",
      "operator",
      "operator2",
      "janjuOperator",
      "kecamatan",
      "manager",
    ] as const) {
      sessions[name] = await signIn(app, s.officers[name].username);
    }
    auditor = await signIn(
      app,
      (await createTestUser(salur(), { role: "auditor", areaCode: "64.01" })).username,
    );
    regencyManager = await signIn(
      app,
      (await createTestUser(salur(), { role: "program_manager", areaCode: "64.01", agencyId: s.agencyId }))
        .username,
    );
    const kk = janjuKk();
    const household = await registerHousehold(salur().registry, s.officers.janjuOperator.caller, {
      kk,
      villageCode: JANJU,
      rt: "001",
    });
    const nik = janjuNik();
    const { person } = await registerPerson(salur().registry, s.officers.janjuOperator.caller, {
      nik,
      kk,
      name: "Rahmawati Janju",
      sex: "L",
      birthDate: "1990-02-11",
      villageCode: JANJU,
      rt: "001",
      householdId: household.id,
      phone: "0812-1111-2222",
    });
    victim = { id: person.id, nik, name: person.name, householdId: household.id, kk };
    // Built at start, as `salur serve` does: the duplicate checks below are timed, not the index's first build.
    await warmRegistryIndex(salur().registry);
  }, 180_000);

  const send = (who: Session, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: who.headers(method),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const fieldSubmission = (person: Record<string, unknown>) => ({
    capturedAt: "2026-11-24T09:15:00+08:00",
    periodId: s.bst.periodId,
    applicant: { kind: "new", person },
    appearedInPerson: true,
    documents: [],
    submit: false,
  });
  const loloPerson = (overrides: Record<string, unknown> = {}) => ({
    nik: kuaroNik("1979-08-17", "P"),
    kk: kuaroKk(),
    name: "Sumiati",
    sex: "P",
    birthDate: "1979-08-17",
    villageCode: LOLO,
    rt: "3",
    employment: "informal_trader",
    ...overrides,
  });
  const auditCount = async (action: string) => {
    const [row] = await queryRows<{ n: number }>(
      salur().database.db,
      sql`select count(*)::int as n from audit_entries where action = ${action}`,
    );
    return row?.n ?? 0;
  };
  const personRow = async (id: string) => {
    const [row] = await queryRows<{ name: string; version: number; household_id: string | null }>(
      salur().database.db,
      sql`select name, version, household_id from persons where id = ${id}`,
    );
    return row;
  };

  it("H1: a field registration with another desa's NIK answers 409 naming nothing of that person, and is logged", async () => {
    const before = await auditCount("person.duplicate_outside_area");
    for (const who of [sessions.rt003, sessions.enumerator]) {
      const res = await send(
        who,
        "PUT",
        `/api/registrations/${randomUUID()}`,
        fieldSubmission(loloPerson({ nik: victim.nik, name: "Tebakan", rt: "3" })),
      );
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe("PERSON_NIK_EXISTS_ELSEWHERE");
      expect(res.body).not.toContain(victim.id);
      expect(res.body).not.toContain(victim.name);
      expect(res.body).not.toContain(JANJU);
      expect(res.body).not.toContain("Janju");
      expect(res.json().conflict).toBeUndefined();
    }
    expect(await auditCount("person.duplicate_outside_area")).toBe(before + 2);
  });

  it("H1: a field registration naming a household that does not exist is a coded 404, not a 500", async () => {
    const res = await send(
      sessions.enumerator,
      "PUT",
      `/api/registrations/${randomUUID()}`,
      fieldSubmission(loloPerson({ householdId: randomUUID() })),
    );
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().code).toBe("HOUSEHOLD_NOT_FOUND");
  });

  it("H2: the auditor cannot rebuild a NIK or KK from GET /api/persons (masked NIK + birth date + sex)", async () => {
    for (let i = 0; i < 4; i++)
      await newApplicant(s, { birthDate: `198${i}-0${i + 3}-1${i}`, sex: i % 2 ? "L" : "P" });
    const res = await send(auditor, "GET", "/api/persons?pageSize=200");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      nik: string | null;
      birthDate: string | null;
      birthYear: number | null;
    }[];
    expect(items.length).toBeGreaterThanOrEqual(5);
    const truth = await allNumbers();
    const attacker = new Attacker();
    attacker.readJson(res.json());
    const verdict = attacker.verdict(truth);
    expect(verdict.records).toBeGreaterThanOrEqual(5);
    expect(verdict.rebuilt, verdict.examples.join(", ")).toBe(0);
    for (const item of items) {
      expect(item.nik ?? "640104**********").toMatch(/^\d{6}\*{10}$/);
      expect(item.birthDate).toBeNull();
    }
    // The same page for an official entitled to the full NIK still carries the birth date they verify against.
    const operator = await send(sessions.operator, "GET", "/api/persons?pageSize=5");
    expect(operator.json().items[0].birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  async function allNumbers(): Promise<Set<string>> {
    const rows = await queryRows<{
      nik_cipher: Uint8Array | null;
      nik_index: Uint8Array | null;
      kk_cipher: Uint8Array | null;
      kk_index: Uint8Array | null;
    }>(salur().database.db, sql`select nik_cipher, nik_index, kk_cipher, kk_index from persons`);
    const { vault } = salur().registry.env;
    const out = new Set<string>();
    for (const r of rows) {
      const nik = openBound(vault, "nik", r.nik_cipher, r.nik_index);
      const kk = openBound(vault, "kk", r.kk_cipher, r.kk_index);
      if (nik) out.add(nik);
      if (kk) out.add(kk);
    }
    return out;
  }

  describe("H3: identity after verification", () => {
    it("H3: after approval, renaming the person and changing the NIK with the reason 'typo' is refused and nothing changes", async () => {
      const { operator, kecamatan, manager, approver } = s.officers;
      const a = await submittedApplicant(s);
      await advance(s, a, [
        [operator, "verify"],
        [kecamatan, "validate"],
        [manager, "select"],
        [operator, "publish"],
        [approver, "approve"],
      ]);
      const before = await personRow(a.personId);
      const res = await send(sessions.enumerator, "PATCH", `/api/persons/${a.personId}`, {
        version: before?.version,
        name: "Hantu Penerima",
        nik: kuaroNik("1970-01-01", "L"),
        reason: "typo",
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe("PERSON_IDENTITY_LOCKED");
      expect(res.json().params.enrollments).toContain(a.enrollmentId);
      expect(await personRow(a.personId)).toEqual(before);
      // The same through a field submission for an existing person.
      const field = await send(sessions.enumerator, "PUT", `/api/registrations/${randomUUID()}`, {
        capturedAt: "2026-11-24T09:15:00+08:00",
        periodId: s.bst.periodId,
        applicant: {
          kind: "existing",
          personId: a.personId,
          version: before?.version,
          changes: { name: "Hantu Penerima" },
          reason: "typo",
        },
        appearedInPerson: true,
        submit: false,
      });
      expect(field.statusCode, field.body).toBe(409);
      expect(field.json().code).toBe("PERSON_IDENTITY_LOCKED");
      expect(await personRow(a.personId)).toEqual(before);
    });

    it("H3: a phone or income change needs a reason; an allowed edit names the applications it touched", async () => {
      const a = await submittedApplicant(s, { program: "bst", business: false });
      const before = await personRow(a.personId);
      for (const change of [{ phone: "0813-5555-0000" }, { monthlyIncome: 9_000_000 }]) {
        const res = await send(sessions.enumerator, "PATCH", `/api/persons/${a.personId}`, {
          version: before?.version,
          ...change,
        });
        expect(res.statusCode, res.body).toBe(422);
        expect(res.json().errors[0]).toMatchObject({ field: "reason", code: "REASON_REQUIRED" });
      }
      const ok = await send(sessions.enumerator, "PATCH", `/api/persons/${a.personId}`, {
        version: before?.version,
        monthlyIncome: 900_000,
        reason: "Penghasilan dicek ulang dengan slip gaji",
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const [entry] = await queryRows<{ after: { enrollments?: { id: string; status: string }[] } }>(
        salur().database.db,
        sql`select after from audit_entries
            where action = 'person.update' and entity_id = ${a.personId} order by seq desc limit 1`,
      );
      expect(entry?.after.enrollments).toEqual([{ id: a.enrollmentId, status: "submitted" }]);
    });
  });

  it("M2: a person cannot be moved into another area's household", async () => {
    const a = await newApplicant(s);
    const current = await personRow(a.personId);
    // The Lolo operator cannot see Janju's household at all …
    const res = await send(sessions.operator, "PATCH", `/api/persons/${a.personId}`, {
      version: current?.version,
      householdId: victim.householdId,
      reason: "Pindah KK",
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().code).toBe("HOUSEHOLD_NOT_FOUND");
    // … and a regency-wide manager who sees both still cannot put a Lolo resident into a Janju KK.
    const wide = await send(regencyManager, "PATCH", `/api/persons/${a.personId}`, {
      version: current?.version,
      householdId: victim.householdId,
      reason: "Pindah KK",
    });
    expect(wide.statusCode, wide.body).toBe(422);
    expect(wide.json().errors[0].code).toBe("HOUSEHOLD_OTHER_VILLAGE");
    expect((await personRow(a.personId))?.household_id).toBe(current?.household_id ?? null);
  });

  it("M3: the verifier who edited the facts after submission cannot verify them; another verifier can", async () => {
    const a = await submittedApplicant(s);
    const current = await personRow(a.personId);
    const edit = await send(sessions.operator, "PATCH", `/api/persons/${a.personId}`, {
      version: current?.version,
      employment: "unemployed",
      monthlyIncome: 300_000,
      reason: "Dicek di lapangan",
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const verify = await send(sessions.operator, "POST", `/api/enrollments/${a.enrollmentId}/transitions`, {
      action: "verify",
      version: a.version,
    });
    expect(verify.statusCode, verify.body).toBe(403);
    expect(verify.json().code).toBe("MAKER_CHECKER_CONFLICT");
    const other = await send(sessions.operator2, "POST", `/api/enrollments/${a.enrollmentId}/transitions`, {
      action: "verify",
      version: a.version,
    });
    expect(other.statusCode, other.body).toBe(200);
  });

  it("L1: NIK and KK checks and duplicate refusals reveal nothing outside the caller's area", async () => {
    const check = await send(sessions.enumerator, "POST", "/api/registrations/check", {
      nik: victim.nik,
      kk: victim.kk,
      name: victim.name,
      birthDate: "1990-02-11",
      periodId: s.bst.periodId,
    });
    expect(check.statusCode).toBe(200);
    expect(check.json().duplicates).toEqual([]);
    const desk = await send(sessions.operator, "POST", "/api/persons", loloPerson({ nik: victim.nik }));
    expect(desk.statusCode, desk.body).toBe(409);
    expect(desk.json().code).toBe("PERSON_NIK_EXISTS_ELSEWHERE");
    expect(desk.body).not.toContain(victim.id);
    const kk = await send(sessions.operator, "POST", "/api/households", {
      kk: victim.kk,
      villageCode: LOLO,
      rt: "003",
    });
    expect(kk.statusCode, kk.body).toBe(409);
    expect(kk.json().code).toBe("HOUSEHOLD_KK_EXISTS_ELSEWHERE");
    expect(kk.body).not.toContain(victim.householdId);
    // Inside the area the id still comes back, so the form can link to the existing record.
    const own = await send(sessions.janjuOperator, "POST", "/api/persons", {
      ...loloPerson({ nik: victim.nik }),
      villageCode: JANJU,
      rt: "1",
    });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: "PERSON_NIK_EXISTS", params: { id: victim.id } });
  });
});
