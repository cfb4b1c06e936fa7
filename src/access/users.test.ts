import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from "./demo-users.ts";
import { createTestUser, type Session, signIn } from "./testing.ts";

const LOLO = "64.01.05.2002";
const STRONG = "Kopi tubruk di Pasar Senaken";

describeEachDatabase("user administration", (salur) => {
  let app: FastifyInstance;
  let admin: Session;
  let kuaroAdmin: Session;
  let adminId: string;
  beforeAll(async () => {
    app = await buildServer(salur());
    const regency = await createTestUser(salur(), { role: "admin", areaCode: "64.01" });
    adminId = regency.id;
    admin = await signIn(app, regency.username);
    kuaroAdmin = await signIn(
      app,
      (await createTestUser(salur(), { role: "admin", areaCode: "64.01.05" })).username,
    );
  });
  const create = (session: Session, body: object) =>
    app.inject({ method: "POST", url: "/api/users", payload: body, headers: session.headers("POST") });
  const account = (overrides: object = {}) => ({
    username: `op-${Math.random().toString(36).slice(2, 8)}`,
    name: "Operator Baru",
    role: "village_operator",
    areaCode: LOLO,
    password: STRONG,
    ...overrides,
  });

  it("creates an account that can sign in, and records it without any password in the trail", async () => {
    const body = account({ username: "Operator.Lolo2" });
    const res = await create(admin, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: "operator.lolo2",
      role: "village_operator",
      area: { level: "village", name: "Lolo" },
    });
    await signIn(app, "operator.lolo2", STRONG);
    const [entry] = await queryRows<{ after: unknown; actor_id: string }>(
      salur().database.db,
      sql`select after, actor_id from audit_entries where action = 'user.create' and entity_id = ${res.json().id}`,
    );
    expect(entry?.actor_id).toBe(adminId);
    expect(JSON.stringify(entry?.after)).not.toMatch(/argon2|Kopi/);
  });

  it.each([
    ["a weak password", { password: "rahasia123" }, 422, "PASSWORD_TOO_WEAK"],
    ["an RT head without an RT", { role: "rt" }, 422, "AREA_ROLE_MISMATCH"],
    ["a kecamatan officer scoped to a desa", { role: "kecamatan_officer" }, 422, "AREA_ROLE_MISMATCH"],
    [
      "a program manager without an agency",
      { role: "program_manager", areaCode: "64.01" },
      422,
      "AGENCY_REQUIRED",
    ],
    ["an area outside the regency", { areaCode: "64.02.01.2001" }, 422, "AREA_INVALID"],
    ["an area that does not exist", { areaCode: "64.01.05.2999" }, 422, "AREA_INVALID"],
  ])("refuses %s", async (_label, overrides, status, code) => {
    const res = await create(admin, account(overrides));
    expect(res.statusCode).toBe(status);
    expect(res.json().errors[0].code).toBe(code);
  });

  it("refuses a username that is taken", async () => {
    const body = account();
    expect((await create(admin, body)).statusCode).toBe(201);
    const again = await create(admin, { ...body, name: "Orang Lain" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("USERNAME_EXISTS");
  });

  it("keeps a kecamatan admin inside their kecamatan: no accounts above or beside it", async () => {
    const above = await create(kuaroAdmin, account({ role: "auditor", areaCode: "64.01" }));
    expect(above.statusCode).toBe(403);
    expect(above.json().code).toBe("AREA_FORBIDDEN");
    const beside = await create(admin, account({ areaCode: "64.01.04.2002" }));
    const hidden = await app.inject({
      method: "PATCH",
      url: `/api/users/${beside.json().id}`,
      payload: { version: 1, name: "Diubah" },
      headers: kuaroAdmin.headers("PATCH"),
    });
    expect(hidden.statusCode).toBe(404);
    const listed = (
      await app.inject({ method: "GET", url: "/api/users", headers: kuaroAdmin.headers() })
    ).json();
    expect(listed.length).toBeGreaterThan(0);
    for (const user of listed) expect(user.area.code.startsWith("64.01.05")).toBe(true);
    expect(listed.map((u: { id: string }) => u.id)).not.toContain(beside.json().id);
  });

  it("signs a deactivated account out at once and refuses its password", async () => {
    const body = account();
    const created = (await create(admin, body)).json();
    const session = await signIn(app, body.username, STRONG);
    const off = await app.inject({
      method: "PATCH",
      url: `/api/users/${created.id}`,
      payload: { version: created.version, active: false, reason: "pindah tugas" },
      headers: admin.headers("PATCH"),
    });
    expect(off.json()).toMatchObject({ active: false, version: created.version + 1 });
    expect(
      (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: body.username, password: STRONG },
    });
    expect(login.json().code).toBe("AUTH_INVALID");
    const [entry] = await queryRows<{ before: unknown; after: unknown; reason: string }>(
      salur().database.db,
      sql`select before, after, reason from audit_entries where action = 'user.update' and entity_id = ${created.id}`,
    );
    expect(entry).toEqual({ before: { active: true }, after: { active: false }, reason: "pindah tugas" });
  });

  it("does not let an admin lock themselves out", async () => {
    const me = (await app.inject({ method: "GET", url: "/api/auth/me", headers: admin.headers() })).json()
      .user;
    const users = (await app.inject({ method: "GET", url: "/api/users", headers: admin.headers() })).json();
    const version = users.find((u: { id: string }) => u.id === me.id).version;
    const res = await app.inject({
      method: "PATCH",
      url: `/api/users/${me.id}`,
      payload: { version, role: "auditor" },
      headers: admin.headers("PATCH"),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("USER_SELF_LOCKOUT");
  });

  it("creates the demo accounts once, one per role, each able to sign in with the documented password", async () => {
    const first = await ensureDemoUsers(salur());
    expect(first.created.sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    expect((await ensureDemoUsers(salur())).created).toEqual([]);
    const roles = new Set<string>();
    // As `salur serve --demo` runs it: outside demo mode the published password is refused.
    const demoApp = await buildServer({ ...salur(), access: { ...salur().access, demoMode: true } });
    for (const demo of DEMO_USERS) {
      const res = await demoApp.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: demo.username, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, demo.username).toBe(200);
      roles.add(res.json().user.role);
      if (demo.agencyCode) expect(res.json().user.agencyName).toBeTruthy();
    }
    expect(roles.size).toBe(10);
    await demoApp.close();
  });
});
