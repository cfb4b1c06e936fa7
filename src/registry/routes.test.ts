import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";

// Kuaro (64.01.05), a woman born 5 July 1988: day 05 + 40 = 45.
const NIK = "6401054507880003";
const KK = "6401050101150007";
const KUARO_VILLAGE = "64.01.05.2002"; // Desa Lolo

describeEachDatabase("registry API", (salur) => {
  let app: FastifyInstance;
  // The registry is worked by a kecamatan officer of Kuaro; agencies, programs and periods by the admin.
  let officer: Session;
  let admin: Session;
  beforeAll(async () => {
    app = await buildServer(salur());
    const kuaro = await createTestUser(salur(), { role: "kecamatan_officer", areaCode: "64.01.05" });
    const regencyAdmin = await createTestUser(salur(), { role: "admin", areaCode: "64.01" });
    officer = await signIn(app, kuaro.username);
    admin = await signIn(app, regencyAdmin.username);
  });

  const sessionFor = (url: string) => (/^\/api\/(agencies|programs|periods)/.test(url) ? admin : officer);
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: "POST",
      url,
      payload: payload as object,
      headers: { ...sessionFor(url).headers("POST"), ...headers },
    });
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers: { ...sessionFor(url).headers("GET"), ...headers } });
  const patch = (url: string, payload: unknown) =>
    app.inject({
      method: "PATCH",
      url,
      payload: payload as object,
      headers: sessionFor(url).headers("PATCH"),
    });
  const person = (overrides: Record<string, unknown> = {}) => ({
    nik: NIK,
    kk: KK,
    phone: "0812-3456-7890",
    name: "Siti Aminah",
    sex: "P",
    birthPlace: "Tanah Grogot",
    birthDate: "1988-07-05",
    address: "Jl. Kuaro No. 3",
    villageCode: KUARO_VILLAGE,
    rt: "3",
    rw: "1",
    ...overrides,
  });

  it("reports the database kind and migration version on /api/health", async () => {
    const res = await get("/api/health");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: "ok",
      database: salur().database.kind,
      migration: expect.stringMatching(/^\d{4}_/),
    });
    expect(body.migrationsApplied).toBe(body.migrationsExpected);
  });

  it("registers a person, returns the NIK masked, and pads RT/RW", async () => {
    const res = await post("/api/persons", person());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.person).toMatchObject({ nik: "640105******0003", rt: "003", rw: "001", nikStatus: "valid" });
    expect(body.person.village.name).toBeTruthy();
    expect(body.person.district).toEqual({ code: "64.01.05", name: "Kuaro" });
    expect(body.person.phone).toBe("********7890");
  });

  it("stores no plaintext NIK, KK or phone anywhere in the persons table", async () => {
    const rows = await queryRows<Record<string, unknown>>(salur().database.db, sql`select * from persons`);
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows, (_k, v) =>
      v instanceof Uint8Array ? Buffer.from(v).toString("latin1") + Buffer.from(v).toString("hex") : v,
    );
    for (const secret of [NIK, KK, "081234567890", "0812-3456-7890"]) expect(dump).not.toContain(secret);
    const { createHash } = await import("node:crypto");
    expect(dump).not.toContain(createHash("sha256").update(NIK).digest("hex"));
  });

  it("finds the person by exact NIK, typed with spaces or as a 16-digit query", async () => {
    for (const url of [
      `/api/persons?nik=${NIK}`,
      "/api/persons?nik=6401%2005%204507%2088%200003",
      `/api/persons?q=${NIK}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 1, items: [{ name: "Siti Aminah" }] });
    }
    const none = await get("/api/persons?nik=6401054507880004");
    expect(none.json().total).toBe(0);
  });

  it("searches names regardless of case and spacing", async () => {
    const res = await get("/api/persons?q=SITI%20%20%20aminah");
    expect(res.json()).toMatchObject({ total: 1, items: [{ name: "Siti Aminah" }] });
  });

  it("refuses an invalid NIK with the specific reason, in Indonesian by default and in English on request", async () => {
    const bad = person({ nik: "6401053102880003", name: "Budi" }); // 31 February
    const id = await post("/api/persons", bad);
    expect(id.statusCode).toBe(422);
    const body = id.json();
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.errors[0]).toMatchObject({ field: "nik" });
    expect(body.errors[0].code).toMatch(/^NIK_BIRTHDATE/);
    const en = await post("/api/persons", bad, { "accept-language": "en-US,en;q=0.9" });
    expect(en.json().errors[0].message).not.toBe(body.errors[0].message);
    expect(en.json().message).toMatch(/not valid/);
    // A link (a download) asks with ?lang=, which wins over the browser's header.
    const linked = await post("/api/persons?lang=en", bad, { "accept-language": "id" });
    expect(linked.json().message).toBe(en.json().message);
  });

  it("names the field at fault when the input does not parse", async () => {
    const res = await post(
      "/api/persons",
      { ...person({ nik: null }), sex: "X", villageCode: "64" },
      { "accept-language": "en" },
    );
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(["sex", "villageCode"]);
  });

  it("refuses a village outside the regency", async () => {
    const res = await post("/api/persons", person({ nik: null, villageCode: "11.01.01.2001" }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: "villageCode", code: "VILLAGE_OUTSIDE_REGENCY" });
  });

  it("answers 409 when the NIK is already registered", async () => {
    const res = await post("/api/persons", person({ name: "Siti Aminah Duplikat" }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("PERSON_NIK_EXISTS");
  });

  it("warns, without refusing, when the recorded sex disagrees with the NIK", async () => {
    const res = await post(
      "/api/persons",
      person({ nik: "6401051507880005", kk: null, sex: "P", birthDate: "1988-07-15", name: "Rina" }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().person.nikStatus).toBe("warning");
    expect(res.json().warnings.map((w: { code: string }) => w.code)).toContain("NIK_SEX_MISMATCH");
  });

  it("applies an edit to the version read and refuses a stale one with 409", async () => {
    const found = (await get(`/api/persons?nik=${NIK}`)).json().items[0];
    const edit = await patch(`/api/persons/${found.id}`, {
      version: found.version,
      address: "Jl. Baru No. 9",
      reason: "pindah rumah",
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().person).toMatchObject({
      address: "Jl. Baru No. 9",
      version: found.version + 1,
      nik: "640105******0003",
    });
    const stale = await patch(`/api/persons/${found.id}`, { version: found.version, address: "Jl. Lama" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("VERSION_CONFLICT");
  });

  it("shows the person's history with actor, reason and personal fields only as changed", async () => {
    const found = (await get(`/api/persons?nik=${NIK}`)).json().items[0];
    const detail = (await get(`/api/persons/${found.id}`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      "person.create",
      "person.update",
    ]);
    const edit = detail.history[1];
    expect(edit).toMatchObject({ actor: { role: "kecamatan_officer" }, reason: "pindah rumah" });
    expect(edit.actor.name).toBeTruthy();
    expect(edit.changes).toEqual([{ field: "address", before: "(diubah)", after: "(diubah)", masked: true }]);
    const text = JSON.stringify(detail.history);
    for (const secret of [NIK, KK, "Jl. Baru No. 9", "Jl. Kuaro No. 3", "1988-07-05"])
      expect(text).not.toContain(secret);
    expect(detail.history[0].changes).toContainEqual({ field: "name", after: "Siti Aminah" });
  });

  it("requires a reason to change a NIK", async () => {
    const found = (await get(`/api/persons?nik=${NIK}`)).json().items[0];
    const res = await patch(`/api/persons/${found.id}`, { version: found.version, nik: "6401054507880011" });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: "reason", code: "REASON_REQUIRED" });
  });

  it("reveals the full NIK, KK and phone to an entitled official only, and records each reading", async () => {
    const found = (await get(`/api/persons?nik=${NIK}`)).json().items[0];
    const full = await get(`/api/persons/${found.id}/identity?reason=cek%20KTP`);
    expect(full.json()).toEqual({ nik: NIK, kk: KK, phone: "081234567890" });
    const enumerator = await signIn(
      app,
      (await createTestUser(salur(), { role: "enumerator", areaCode: KUARO_VILLAGE })).username,
    );
    const refused = await app.inject({
      method: "GET",
      url: `/api/persons/${found.id}/identity`,
      headers: enumerator.headers(),
    });
    expect(refused.statusCode).toBe(403);
    const history = (await get(`/api/persons/${found.id}`)).json().history;
    expect(history.at(-1)).toMatchObject({ action: "person.identity_read", reason: "cek KTP", changes: [] });
  });

  it("keeps households with members, and enrollments filter the person list", async () => {
    const household = await post("/api/households", {
      kk: "6401050202200003",
      villageCode: KUARO_VILLAGE,
      rt: "2",
      rw: "1",
    });
    expect(household.statusCode).toBe(201);
    const member = await post(
      "/api/persons",
      person({
        nik: "6401051203900001",
        kk: "6401050202200003",
        sex: "L",
        birthDate: "1990-03-12",
        name: "Ahmad Yani",
        householdId: household.json().id,
        householdRole: "head",
      }),
    );
    expect(member.statusCode).toBe(201);
    const detail = await get(`/api/households/${household.json().id}`);
    expect(detail.json().members.map((m: { name: string }) => m.name)).toEqual(["Ahmad Yani"]);

    const agency = await post("/api/agencies", { code: "dinsos-test", name: "Dinas Sosial" });
    const program = await post("/api/programs", {
      agencyId: agency.json().id,
      code: "bst-test",
      name: "BST",
      kind: "cash",
      amountPerRecipient: 600_000,
      budget: 600_000_000,
      quota: 1000,
    });
    expect(program.statusCode).toBe(201);
    const period = await post("/api/periods", {
      programId: program.json().id,
      name: "Tahap 1 2026",
      startsOn: "2026-01-01",
      endsOn: "2026-03-31",
    });
    expect(period.statusCode).toBe(201);
    const enrollment = await post("/api/enrollments", {
      personId: member.json().person.id,
      periodId: period.json().id,
    });
    expect(enrollment.statusCode).toBe(201);
    expect(enrollment.json()).toMatchObject({
      status: "draft",
      programName: "BST",
      agencyName: "Dinas Sosial",
    });
    const again = await post("/api/enrollments", {
      personId: member.json().person.id,
      periodId: period.json().id,
    });
    expect(again.statusCode).toBe(409);

    const filtered = await get(`/api/persons?programId=${program.json().id}&status=draft`);
    expect(filtered.json()).toMatchObject({ total: 1, items: [{ name: "Ahmad Yani" }] });
    const personDetail = await get(`/api/persons/${member.json().person.id}`);
    expect(personDetail.json().enrollments).toHaveLength(1);
  });

  it("edits programs, periods, households and businesses under the same version rule", async () => {
    const programs = (await get("/api/programs")).json();
    const program = programs.find((p: { code: string }) => p.code === "bst-test");
    const raised = await patch(`/api/programs/${program.id}`, { version: program.version, quota: 2000 });
    expect(raised.statusCode).toBe(422);
    expect(raised.json().errors[0].code).toBe("PROGRAM_BUDGET_BELOW_QUOTA");
    const ok = await patch(`/api/programs/${program.id}`, {
      version: program.version,
      quota: 2000,
      budget: 1_200_000_000,
    });
    expect(ok.json()).toMatchObject({ quota: 2000, budget: 1_200_000_000, version: program.version + 1 });

    const period = (await get(`/api/periods?programId=${program.id}`)).json()[0];
    const backwards = await patch(`/api/periods/${period.id}`, {
      version: period.version,
      endsOn: "2025-12-31",
    });
    expect(backwards.statusCode).toBe(422);
    const opened = await patch(`/api/periods/${period.id}`, { version: period.version, status: "open" });
    expect(opened.json().status).toBe("open");

    const owner = (await get("/api/persons?q=ahmad%20yani")).json().items[0];
    const business = await post("/api/businesses", {
      ownerId: owner.id,
      name: "Warung Yani",
      sector: "food",
      villageCode: KUARO_VILLAGE,
    });
    expect(business.statusCode).toBe(201);
    const renamed = await patch(`/api/businesses/${business.json().id}`, {
      version: 1,
      name: "Warung Makan Yani",
      licenseNumber: "SKU/12/2026",
    });
    expect(renamed.json()).toMatchObject({
      name: "Warung Makan Yani",
      licenseNumber: "SKU/12/2026",
      version: 2,
    });
    const stale = await patch(`/api/businesses/${business.json().id}`, { version: 1, name: "X" });
    expect(stale.statusCode).toBe(409);

    const missing = await patch("/api/households/00000000-0000-4000-8000-000000000000", {
      version: 1,
      rt: "4",
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("HOUSEHOLD_NOT_FOUND");
  });

  it("refuses a program whose budget cannot pay its quota", async () => {
    const agencies = (await get("/api/agencies")).json();
    const res = await post("/api/programs", {
      agencyId: agencies[0].id,
      code: "too-small",
      name: "X",
      kind: "cash",
      amountPerRecipient: 600_000,
      budget: 1_000,
      quota: 10,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: "budget", code: "PROGRAM_BUDGET_BELOW_QUOTA" });
  });

  it("pages results with a total", async () => {
    const res = await get("/api/persons?page=1&pageSize=1");
    const body = res.json();
    expect(body.items).toHaveLength(1);
    expect(body.total).toBeGreaterThanOrEqual(3);
    const page2 = (await get("/api/persons?page=2&pageSize=1")).json();
    expect(page2.items[0].id).not.toBe(body.items[0].id);
  });
});
