import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { actionsOf, type Role, roleCan } from "../access/index.ts";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { seedDemo } from "../demo/seed.ts";
import { buildServer } from "../http/server.ts";
import { importDeps } from "../imports/service.ts";
import { csvText, LIST_HEADERS } from "../imports/testing.ts";
import { openBound } from "../privacy/vault.ts";
import { Attacker } from "./reconstruction.fixture.ts";
import { NAME_SEARCH_COUNT_LIMIT } from "./store.ts";

/**
 * Issue 12, H2: for every role without the identity right, every route and export that carries persons is
 * fetched on demo data, and an attacker combines everything in the replies (within a record and across
 * records naming the same id). No NIK or KK may come out of it.
 */
const PERSONS = 1_500;
const LOLO = "64.01.05.2002";
const ACCOUNTS: { role: Role; areaCode: string; rt?: string }[] = [
  { role: "admin", areaCode: "64.01" },
  { role: "enumerator", areaCode: LOLO },
  { role: "rt", areaCode: LOLO, rt: "(the Lolo RT with most residents)" },
  { role: "approver", areaCode: "64.01" },
  { role: "bank_operator", areaCode: "64.01" },
  { role: "auditor", areaCode: "64.01" },
];

describeEachDatabase("issue 12: no NIK or KK can be rebuilt without the identity right", (salur) => {
  let app: FastifyInstance;
  let periodId: string;
  let reconciliationId: string;
  let truth: Set<string>;

  beforeAll(async () => {
    await seedDemo(salur(), { persons: PERSONS });
    app = await buildServer(salur());
    const { db } = salur().database;
    const [period] = await queryRows<{ id: string; agency_id: string }>(
      db,
      sql`select pe.id, pr.agency_id from periods pe join programs pr on pr.id = pe.program_id
          join enrollments e on e.period_id = pe.id group by pe.id, pr.agency_id order by count(*) desc limit 1`,
    );
    if (!period) throw new Error("the demo has no period with applications");
    periodId = period.id;
    truth = await registeredNumbers();
    const [rt] = await queryRows<{ rt: string }>(
      db,
      sql`select rt from persons where village_code = ${LOLO} and rt is not null
          group by rt order by count(*) desc limit 1`,
    );
    for (const account of ACCOUNTS) if (account.role === "rt") account.rt = rt?.rt ?? "001";

    // Pairs to review and a central list reconciled against the register, so those routes carry persons.
    const coordinator = await session({ role: "coordinator", areaCode: "64.01" });
    const run = await app.inject({
      method: "POST",
      url: "/api/matching/runs",
      headers: coordinator.headers("POST"),
      payload: {},
    });
    expect(run.statusCode, run.body).toBe(200);
    const manager = await session({ role: "program_manager", areaCode: "64.01", agencyId: period.agency_id });
    const submitted = await app.inject({
      method: "POST",
      url: `/api/reconciliations?fileName=dtks.csv&periodId=${periodId}&sourceName=DTKS`,
      headers: { ...manager.headers("POST"), "content-type": "text/csv" },
      payload: csvText([LIST_HEADERS, ...(await centralList(40))]),
    });
    expect(submitted.statusCode, submitted.body).toBe(202);
    reconciliationId = submitted.json().reconciliationId;
    await importDeps(salur()).jobs.idle();
  });
  afterAll(async () => {
    await importDeps(salur()).jobs.idle();
    await app.close();
  });

  async function session(account: { role: Role; areaCode: string; rt?: string; agencyId?: string }) {
    const created = await createTestUser(salur(), {
      role: account.role,
      areaCode: account.areaCode,
      rt: account.rt ?? null,
      agencyId: account.agencyId ?? null,
    });
    return signIn(app, created.username);
  }

  async function registeredNumbers(): Promise<Set<string>> {
    const { vault } = salur().registry.env;
    const out = new Set<string>();
    type Sealed = {
      n: Uint8Array | null;
      ni: Uint8Array | null;
      k: Uint8Array | null;
      ki: Uint8Array | null;
    };
    const persons = await queryRows<Sealed>(
      salur().database.db,
      sql`select nik_cipher as n, nik_index as ni, kk_cipher as k, kk_index as ki from persons`,
    );
    const households = await queryRows<Sealed>(
      salur().database.db,
      sql`select null as n, null as ni, kk_cipher as k, kk_index as ki from households`,
    );
    for (const r of [...persons, ...households]) {
      const n = openBound(vault, "nik", r.n, r.ni);
      const k = openBound(vault, "kk", r.k, r.ki);
      if (n) out.add(n);
      if (k) out.add(k);
    }
    return out;
  }

  /** Registered persons as the ministry's list would carry them: matched and conflicting lines have both sides. */
  async function centralList(count: number): Promise<string[][]> {
    const { vault } = salur().registry.env;
    const rows = await queryRows<{
      nik: Uint8Array;
      nik_index: Uint8Array;
      kk: Uint8Array | null;
      kk_index: Uint8Array | null;
      name: string;
      birth_date: string | null;
      sex: string;
      village_code: string;
      rt: string | null;
    }>(
      salur().database.db,
      sql`select nik_cipher as nik, nik_index, kk_cipher as kk, kk_index, name, birth_date::text as birth_date, sex, village_code, rt
          from persons where nik_cipher is not null and birth_date is not null order by id limit ${count}`,
    );
    return rows.map((r, i) => [
      String(i + 1),
      openBound(vault, "nik", r.nik, r.nik_index) ?? "",
      openBound(vault, "kk", r.kk, r.kk_index) ?? "",
      i % 5 === 0 ? `${r.name} Binti` : r.name,
      "",
      r.birth_date ?? "",
      r.sex,
      "",
      r.rt ?? "",
      "",
      r.village_code,
      "",
    ]);
  }

  /** Every person-bearing route and export a role may call, fetched as that role; refused ones add nothing. */
  async function harvest(who: Session, attacker: Attacker): Promise<{ fetched: number; answered: number }> {
    let fetched = 0;
    let answered = 0;
    const get = async (url: string) => {
      fetched++;
      const res = await app.inject({ method: "GET", url, headers: who.headers("GET") });
      if (res.statusCode !== 200) return null;
      answered++;
      const type = String(res.headers["content-type"] ?? "");
      if (type.includes("text/csv")) attacker.readCsv(res.body);
      else if (type.includes("json")) attacker.readJson(res.json());
      else throw new Error(`${url}: unexpected ${type}`);
      return type.includes("json") ? (res.json() as Record<string, unknown>) : null;
    };
    const items = (body: Record<string, unknown> | null) => (body?.items ?? []) as Record<string, unknown>[];

    const persons = items(await get("/api/persons?pageSize=200"));
    for (const p of persons.slice(0, 8)) {
      await get(`/api/persons/${p.id}`);
      if (p.householdId) await get(`/api/households/${p.householdId}`);
    }
    const enrollments = items(await get("/api/enrollments?pageSize=200"));
    items(await get("/api/workflow/queue?pageSize=200"));
    for (const e of enrollments.slice(0, 4)) {
      await get(`/api/enrollments/${e.id}/workflow`);
      await get(`/api/ranking/enrollments/${e.id}`);
    }
    await get(`/api/ranking/periods/${periodId}/applicants?pageSize=200`);
    await get(`/api/ranking/periods/${periodId}/simulation`);
    await get("/api/matching/reviews?pageSize=200");
    await get("/api/matching/violations");
    await get("/api/matching/violations/export?format=csv");
    await get("/api/registrations?pageSize=200");
    await get("/api/registrations/report?minApplicants=1");
    await get(`/api/reconciliations/${reconciliationId}/lines?pageSize=200`);
    await get(`/api/reconciliations/${reconciliationId}/export?format=csv`);
    await get("/api/audit/entries?pageSize=200");
    const first = persons[0];
    if (first) {
      fetched++;
      const res = await app.inject({
        method: "POST",
        url: "/api/matching/candidates",
        headers: who.headers("POST"),
        payload: { name: first.name, villageCode: (first.village as { code: string }).code },
      });
      if (res.statusCode === 200) {
        answered++;
        attacker.readJson(res.json());
      }
    }
    return { fetched, answered };
  }

  it("H2: every role without the identity right: 0 of N person records yield a NIK or KK", async () => {
    const lines: string[] = [];
    let total = 0;
    for (const account of ACCOUNTS) {
      expect(roleCan(account.role, "person.identity")).toBe(false);
      const attacker = new Attacker();
      const { fetched, answered } = await harvest(await session(account), attacker);
      const verdict = attacker.verdict(truth);
      lines.push(
        `${account.role}: ${verdict.rebuilt} of ${verdict.records} rebuilt (${answered}/${fetched} requests answered)`,
      );
      expect(verdict.rebuilt, `${account.role}: ${verdict.examples.join(", ")}`).toBe(0);
      total += verdict.records;
    }
    console.info(`reconstruction: 0 of ${total} person records\n  ${lines.join("\n  ")}`);
    // Enough was fetched for the result to mean something: the regency-wide readers saw hundreds of persons.
    expect(total).toBeGreaterThan(1_000);
  });

  it("H2: the same attacker does rebuild NIKs from an entitled official's replies (the test can fail)", async () => {
    expect(actionsOf("village_operator")).toContain("person.identity");
    const attacker = new Attacker();
    await harvest(await session({ role: "village_operator", areaCode: LOLO }), attacker);
    const verdict = attacker.verdict(truth);
    expect(verdict.rebuilt).toBeGreaterThan(0);
  });

  // Not an attack, but this registry is the one large enough to show it: a name search stops counting.
  it(`counts a name search only up to ${NAME_SEARCH_COUNT_LIMIT} and says there are more; the whole list exactly`, async () => {
    const admin = await session({ role: "admin", areaCode: "64.01" });
    const read = async (url: string) =>
      (await app.inject({ method: "GET", url, headers: admin.headers() })).json() as {
        items: unknown[];
        total: number;
        totalCapped?: boolean;
      };
    const [all] = await queryRows<{ n: number; a: number }>(
      salur().database.db,
      sql`select count(*)::int as n, count(*) filter (where name_search like '%a%')::int as a from persons`,
    );
    expect(all?.a).toBeGreaterThan(NAME_SEARCH_COUNT_LIMIT);
    const common = await read("/api/persons?q=a&pageSize=20");
    expect(common).toMatchObject({ total: NAME_SEARCH_COUNT_LIMIT, totalCapped: true });
    expect(common.items).toHaveLength(20);
    expect(await read("/api/persons?pageSize=20")).toMatchObject({ total: all?.n, totalCapped: false });
    const rare = await read("/api/persons?q=siti%20aminah&pageSize=20");
    expect(rare.totalCapped).toBe(false);
    expect(rare.total).toBeLessThan(NAME_SEARCH_COUNT_LIMIT);
  });
});
