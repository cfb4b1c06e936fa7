import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { openTestDatabase, TEST_DATABASE_KINDS, TEST_TODAY, testConfig } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { openSalur, type Salur } from "../runtime.ts";
import { SESSION_COOKIE } from "./http.ts";
import { SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS } from "./sessions.ts";
import { createTestUser, sessionCookieOf, signIn, TEST_PASSWORD } from "./testing.ts";
import { ACCOUNT_POLICY, ADDRESS_POLICY } from "./throttle.ts";

const LOLO = "64.01.05.2002";
const personInLolo = (name: string) => ({ name, sex: "P", villageCode: LOLO, rt: "3" });

for (const kind of TEST_DATABASE_KINDS) {
  describe(`sign-in, sessions, CSRF, throttling and tokens [${kind}]`, () => {
    let salur: Salur;
    let app: FastifyInstance;
    let now = new Date("2026-11-25T08:00:00.000Z");
    const advance = (seconds: number) => {
      now = new Date(now.getTime() + seconds * 1000);
    };
    const config = testConfig();
    let operator: { id: string; username: string };
    let adminUsername: string;

    beforeAll(async () => {
      salur = await openSalur(config, {
        database: await openTestDatabase(kind),
        today: () => TEST_TODAY,
        clock: () => now,
      });
      app = await buildServer(salur, { trustProxy: ["10.0.0.0/8"] });
      operator = await createTestUser(salur, {
        role: "village_operator",
        areaCode: LOLO,
        username: "operator.uji",
      });
      adminUsername = (await createTestUser(salur, { role: "admin", areaCode: "64.01" })).username;
    });
    afterAll(async () => {
      await app?.close();
      await salur?.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    });

    const login = (
      username: string,
      password: string,
      remoteAddress = "10.1.1.1",
      headers: Record<string, string> = {},
    ) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
        remoteAddress,
        headers,
      });

    it("signs in with an HttpOnly, SameSite=Lax session cookie and answers /me with the user's area", async () => {
      const res = await login("Operator.Uji", TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers["set-cookie"]);
      expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{40,};`));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/);
      const body = res.json();
      expect(body.user).toMatchObject({
        username: "operator.uji",
        role: "village_operator",
        area: { level: "village", code: LOLO, name: "Lolo" },
        agencyId: null,
        agencyName: null,
      });
      const me = await app.inject({
        method: "GET",
        url: "/api/auth/me",
        headers: { cookie: sessionCookieOf(res.headers["set-cookie"]) },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toEqual(body);
    });

    it("marks the cookie Secure when the request came over HTTPS", async () => {
      const res = await login("operator.uji", TEST_PASSWORD, "10.1.1.2", { "x-forwarded-proto": "https" });
      expect(String(res.headers["set-cookie"])).toMatch(/; Secure/);
    });

    it("gives the same answer for an unknown user and for a wrong password", async () => {
      const unknown = await login("nobody.here", "whatever-password", "10.1.1.3");
      const wrong = await login("operator.uji", "whatever-password", "10.1.1.3");
      for (const res of [unknown, wrong]) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ code: "AUTH_INVALID" });
      }
      expect(unknown.json().message).toBe(wrong.json().message);
      expect(String(unknown.headers["set-cookie"] ?? "")).toBe("");
    });

    it("answers 401 AUTH_REQUIRED without a session, except on public routes", async () => {
      for (const url of [
        "/api/persons",
        "/api/auth/me",
        "/api/users",
        "/api/audit/entries",
        "/api/enrollments",
      ]) {
        const res = await app.inject({ method: "GET", url });
        expect(res.statusCode, url).toBe(401);
        expect(res.json().code).toBe("AUTH_REQUIRED");
      }
      for (const url of ["/api/health", "/api/regions", "/api/regions/64.01.05", "/api/docs/json"]) {
        expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(200);
      }
      const forged = await app.inject({
        method: "GET",
        url: "/api/persons",
        headers: { cookie: `${SESSION_COOKIE}=made-up` },
      });
      expect(forged.statusCode).toBe(401);
    });

    it("refuses cookie-authenticated writes without the right x-csrf-token", async () => {
      const session = await signIn(app, "operator.uji");
      for (const headers of [
        { cookie: session.cookie },
        { cookie: session.cookie, "x-csrf-token": "wrong" },
      ]) {
        const res = await app.inject({
          method: "POST",
          url: "/api/persons",
          payload: personInLolo("Tanpa Token"),
          headers,
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe("CSRF_INVALID");
      }
      const ok = await app.inject({
        method: "POST",
        url: "/api/persons",
        payload: personInLolo("Dengan Token"),
        headers: session.headers("POST"),
      });
      expect(ok.statusCode).toBe(201);
    });

    it("signs out: the session ends server-side and the event is in the audit trail", async () => {
      const session = await signIn(app, "operator.uji");
      const out = await app.inject({
        method: "POST",
        url: "/api/auth/logout",
        headers: session.headers("POST"),
      });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers["set-cookie"])).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
      expect(
        (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session.cookie } }))
          .statusCode,
      ).toBe(401);
      const actions = await queryRows<{ action: string }>(
        salur.database.db,
        sql`select action from audit_entries where actor_id = ${operator.id} and action like 'auth.%'`,
      );
      expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["auth.login", "auth.logout"]));
      expect((await app.inject({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
    });

    it("ends a session after two idle hours and twelve hours after sign-in", async () => {
      const idle = await signIn(app, "operator.uji");
      advance(SESSION_IDLE_SECONDS - 60);
      expect(
        (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: idle.cookie } }))
          .statusCode,
      ).toBe(200);
      advance(SESSION_IDLE_SECONDS + 1);
      expect(
        (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: idle.cookie } }))
          .statusCode,
      ).toBe(401);

      const busy = await signIn(app, "operator.uji");
      for (let spent = 0; spent < SESSION_MAX_SECONDS - 3600; spent += 3600) {
        advance(3600);
        expect(
          (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: busy.cookie } }))
            .statusCode,
        ).toBe(200);
      }
      advance(3601);
      expect(
        (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: busy.cookie } }))
          .statusCode,
      ).toBe(401);
    });

    it("throttles an account after five failures, even for the right password, and lets it in once the lock ends", async () => {
      const victim = await createTestUser(salur, { role: "enumerator", areaCode: LOLO });
      for (let i = 0; i < ACCOUNT_POLICY.maxFailures; i++) {
        expect((await login(victim.username, `salah-${i}`, `10.2.0.${i}`)).statusCode).toBe(401);
      }
      const locked = await login(victim.username, TEST_PASSWORD, "10.2.1.1");
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({
        code: "AUTH_THROTTLED",
        retryAfterSeconds: ACCOUNT_POLICY.lockSeconds,
      });
      expect(locked.json().params).toEqual({ retryAfterSeconds: ACCOUNT_POLICY.lockSeconds });
      expect(locked.headers["retry-after"]).toBe(String(ACCOUNT_POLICY.lockSeconds));
      advance(ACCOUNT_POLICY.lockSeconds + 1);
      expect((await login(victim.username, TEST_PASSWORD, "10.2.1.1")).statusCode).toBe(200);
    });

    it("throttles unknown usernames exactly like known ones", async () => {
      for (let i = 0; i < ACCOUNT_POLICY.maxFailures; i++) await login("ghost.user", "x", `10.3.0.${i}`);
      expect((await login("ghost.user", "x", "10.3.1.1")).json().code).toBe("AUTH_THROTTLED");
    });

    it("throttles an address that tries many accounts", async () => {
      for (let i = 0; i < ADDRESS_POLICY.maxFailures; i++)
        await login(`spray-${i}`, "password123", "10.9.9.9");
      const res = await login("operator.uji", TEST_PASSWORD, "10.9.9.9");
      expect(res.statusCode).toBe(429);
      expect((await login("operator.uji", TEST_PASSWORD, "10.9.9.10")).statusCode).toBe(200);
    });

    it("stores argon2id hashes, never passwords, and no session token in clear", async () => {
      const [row] = await queryRows<{ password_hash: string }>(
        salur.database.db,
        sql`select password_hash from users where username = 'operator.uji'`,
      );
      expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const session = await signIn(app, "operator.uji");
      const token = session.cookie.split("=")[1] ?? "";
      const dump = JSON.stringify(await queryRows(salur.database.db, sql`select * from sessions`));
      expect(dump).not.toContain(token);
    });

    it("changes one's own password only with the current one and a strong new one, signing out other sessions", async () => {
      const user = await createTestUser(salur, { role: "enumerator", areaCode: LOLO, name: "Budi Santoso" });
      const laptop = await signIn(app, user.username);
      const phone = await signIn(app, user.username);
      const change = (body: object) =>
        app.inject({
          method: "POST",
          url: "/api/auth/password",
          payload: body,
          headers: laptop.headers("POST"),
        });
      const wrong = await change({
        currentPassword: "tidak-tahu",
        newPassword: "Kopi tubruk di Pasar Senaken",
      });
      expect(wrong.json().errors[0].code).toBe("PASSWORD_WRONG");
      const weak = await change({ currentPassword: TEST_PASSWORD, newPassword: "santoso2026" });
      expect(weak.statusCode).toBe(422);
      expect(weak.json().errors[0]).toMatchObject({ field: "password", code: "PASSWORD_TOO_WEAK" });
      const indonesianWord = await change({ currentPassword: TEST_PASSWORD, newPassword: "rahasia123" });
      expect(indonesianWord.json().errors[0].code).toBe("PASSWORD_TOO_WEAK");
      expect(
        (await change({ currentPassword: TEST_PASSWORD, newPassword: "Kopi tubruk di Pasar Senaken" }))
          .statusCode,
      ).toBe(204);
      expect(
        (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: laptop.cookie } }))
          .statusCode,
      ).toBe(200);
      expect(
        (await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: phone.cookie } }))
          .statusCode,
      ).toBe(401);
      await signIn(app, user.username, "Kopi tubruk di Pasar Senaken");
    });

    it("gives machine clients scoped Bearer tokens that need no CSRF token and stop at their scopes", async () => {
      const clerk = await createTestUser(salur, { role: "kecamatan_officer", areaCode: "64.01.05" });
      const admin = await signIn(app, adminUsername);
      const own = await signIn(app, clerk.username);
      const issue = (body: object) =>
        app.inject({ method: "POST", url: "/api/tokens", payload: body, headers: own.headers("POST") });
      const beyondRole = await issue({ userId: clerk.id, name: "too much", scopes: ["user.manage"] });
      expect(beyondRole.statusCode, beyondRole.body).toBe(422);
      expect(beyondRole.json().errors[0]).toMatchObject({ field: "scopes", code: "TOKEN_SCOPE_INVALID" });
      const issued = await issue({ userId: clerk.id, name: "laporan-kecamatan", scopes: ["person.read"] });
      expect(issued.statusCode).toBe(201);
      const { token, id } = issued.json();
      expect(token).toMatch(/^salur_/);
      const bearer = { authorization: `Bearer ${token}` };
      expect((await app.inject({ method: "GET", url: "/api/persons", headers: bearer })).statusCode).toBe(
        200,
      );
      const write = await app.inject({
        method: "POST",
        url: "/api/persons",
        payload: personInLolo("Lewat Token"),
        headers: bearer,
      });
      expect(write.statusCode).toBe(403);
      expect(write.json().code).toBe("FORBIDDEN");
      const dump = JSON.stringify(await queryRows(salur.database.db, sql`select * from api_tokens`));
      expect(dump).not.toContain(token);
      const list = (await app.inject({ method: "GET", url: "/api/tokens", headers: admin.headers() })).json();
      expect(list.find((t: { id: string }) => t.id === id)).toMatchObject({
        name: "laporan-kecamatan",
        scopes: ["person.read"],
      });
      expect(
        (await app.inject({ method: "DELETE", url: `/api/tokens/${id}`, headers: admin.headers("DELETE") }))
          .statusCode,
      ).toBe(204);
      expect((await app.inject({ method: "GET", url: "/api/persons", headers: bearer })).statusCode).toBe(
        401,
      );

      const writer = await issue({
        userId: clerk.id,
        name: "pendaftaran",
        scopes: ["person.register"],
        expiresInDays: 1,
      });
      const writerBearer = { authorization: `Bearer ${writer.json().token}` };
      const created = await app.inject({
        method: "POST",
        url: "/api/persons",
        payload: personInLolo("Lewat Token"),
        headers: writerBearer,
      });
      expect(created.statusCode).toBe(201);
      advance(86_400 + 1);
      expect(
        (
          await app.inject({
            method: "POST",
            url: "/api/persons",
            payload: personInLolo("Kedaluwarsa"),
            headers: writerBearer,
          })
        ).statusCode,
      ).toBe(401);
    });
  });
}
