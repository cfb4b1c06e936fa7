import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { type DatabaseHandle, openDatabase, queryRows } from "../db/index.ts";
import { openTestDatabase, TEST_DATABASE_KINDS, TEST_TODAY, testConfig } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { openSalur, type Salur } from "../runtime.ts";
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from "./demo-users.ts";
import { createTestUser, type Session, signIn, TEST_PASSWORD } from "./testing.ts";
import { ACCOUNT_POLICY } from "./throttle.ts";

/** Regression tests of the insider attacks on accounts (issue 12: M1, M7, M9), each as the attacker ran it. */
for (const kind of TEST_DATABASE_KINDS) {
  describe(`attacks on accounts [${kind}]`, () => {
    let salur: Salur;
    let app: FastifyInstance;
    let admin: Session;
    const config = testConfig();

    beforeAll(async () => {
      salur = await openSalur(config, { database: await openTestDatabase(kind), today: () => TEST_TODAY });
      app = await buildServer(salur);
      admin = await signIn(app, (await createTestUser(salur, { role: "admin", areaCode: "64.01" })).username);
    });
    afterAll(async () => {
      await app?.close();
      await salur?.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    });

    const auditRows = (action: string) =>
      queryRows<{ actor_id: string | null; after: Record<string, unknown> }>(
        salur.database.db,
        sql`select actor_id, after from audit_entries where action = ${action} order by seq`,
      );

    it("M1: an admin cannot mint an API token for another official and act as them", async () => {
      const bupati = await createTestUser(salur, { role: "approver", areaCode: "64.01" });
      const minted = await app.inject({
        method: "POST",
        url: "/api/tokens",
        payload: { userId: bupati.id, name: "atas nama bupati", scopes: ["enrollment.transition"] },
        headers: admin.headers("POST"),
      });
      expect(minted.statusCode, minted.body).toBe(403);
      expect(minted.json().code).toBe("TOKEN_OWNER_ONLY");
      const tokens = await queryRows(
        salur.database.db,
        sql`select id from api_tokens where user_id = ${bupati.id}`,
      );
      expect(tokens).toEqual([]);
      const refused = await auditRows("token.create_refused");
      expect(refused.at(-1)?.after).toMatchObject({ userId: bupati.id, impersonation: true });

      // The owner mints their own, from a session; that token cannot mint a wider one.
      const own = await signIn(app, bupati.username);
      const issued = await app.inject({
        method: "POST",
        url: "/api/tokens",
        payload: { name: "laporan", scopes: ["enrollment.read"] },
        headers: own.headers("POST"),
      });
      expect(issued.statusCode, issued.body).toBe(201);
      expect(issued.json().userId).toBe(bupati.id);
      const viaToken = await app.inject({
        method: "POST",
        url: "/api/tokens",
        payload: { name: "lebih luas", scopes: ["enrollment.transition"] },
        headers: { authorization: `Bearer ${issued.json().token}` },
      });
      expect(viaToken.statusCode).toBe(403);
      expect(viaToken.json().code).toBe("TOKEN_NEEDS_SESSION");
    });

    it("M7: 19 wrong and 1 right password sent at once are not all evaluated, on one server or on two", async () => {
      const attack = async (apps: FastifyInstance[], address: string) => {
        const victim = await createTestUser(salur, { role: "approver", areaCode: "64.01" });
        const attempts = Array.from({ length: 20 }, (_, i) => (i === 19 ? TEST_PASSWORD : `salah-${i}`));
        const answers = await Promise.all(
          attempts.map((password, i) =>
            (apps[i % apps.length] as FastifyInstance).inject({
              method: "POST",
              url: "/api/auth/login",
              payload: { username: victim.username, password },
              remoteAddress: address,
            }),
          ),
        );
        const codes = answers.map((a) => a.statusCode);
        return { evaluated: codes.filter((c) => c !== 429).length, refused: codes.filter((c) => c === 429) };
      };
      const one = await attack([app], "10.7.0.1");
      expect(one.evaluated).toBeLessThanOrEqual(ACCOUNT_POLICY.maxFailures);
      expect(one.refused.length).toBeGreaterThanOrEqual(20 - ACCOUNT_POLICY.maxFailures);

      // A second Salur process on the same database: the count is in the database, not in memory.
      let second: { salur: Salur; app: FastifyInstance; handle: DatabaseHandle } | undefined;
      try {
        const handle =
          kind === "postgres"
            ? await openDatabase({ kind: "postgres", url: salur.database.location })
            : salur.database;
        const other = await openSalur(testConfig(), { database: handle, today: () => TEST_TODAY });
        second = { salur: other, app: await buildServer(other), handle };
        const two = await attack([app, second.app], "10.7.0.2");
        expect(two.evaluated).toBeLessThanOrEqual(ACCOUNT_POLICY.maxFailures);
      } finally {
        await second?.app.close();
        if (kind === "postgres") await second?.handle.close();
      }
    });

    it("M9: the demo listens on 127.0.0.1 unless told otherwise", () => {
      expect(loadConfig({}).host).toBe("127.0.0.1");
      expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    });

    it("M9: the demo password, program words and the regency's place names with years are refused for real accounts", async () => {
      const weak = [DEMO_PASSWORD, "paser2026", "kuaro123", "Tanah-Grogot-2025", "bansos2026!", "Lolo@2026"];
      for (const password of weak) {
        const res = await app.inject({
          method: "POST",
          url: "/api/users",
          payload: {
            username: `m9-${Math.random().toString(36).slice(2, 8)}`,
            name: "Operator Baru",
            role: "village_operator",
            areaCode: "64.01.05.2002",
            password,
          },
          headers: admin.headers("POST"),
        });
        expect(res.statusCode, password).toBe(422);
        expect(res.json().errors[0], password).toMatchObject({ field: "password" });
      }
      const strong = await app.inject({
        method: "POST",
        url: "/api/users",
        payload: {
          username: "m9-strong",
          name: "Operator Baru",
          role: "village_operator",
          areaCode: "64.01.05.2002",
          password: "Kopi tubruk di Pasar Senaken",
        },
        headers: admin.headers("POST"),
      });
      expect(strong.statusCode, strong.body).toBe(201);
    });

    it("M9: the demo password signs in only with --demo, and the app is told while demo accounts exist", async () => {
      const before = await app.inject({ method: "GET", url: "/api/auth/demo" });
      expect(before.statusCode, before.body).toBe(200);
      expect(before.json()).toMatchObject({ demoAccounts: 0 });
      await ensureDemoUsers(salur);
      const status = (await app.inject({ method: "GET", url: "/api/auth/demo" })).json();
      expect(status).toMatchObject({ demoMode: false, demoAccounts: DEMO_USERS.length });

      const outside = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "admin", password: DEMO_PASSWORD },
        remoteAddress: "10.7.0.9",
      });
      expect(outside.statusCode).toBe(401);
      expect(outside.json().code).toBe("AUTH_DEMO_PASSWORD_REFUSED");

      const demo = await buildServer({ ...salur, access: { ...salur.access, demoMode: true } });
      try {
        const inside = await demo.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: "admin", password: DEMO_PASSWORD },
          remoteAddress: "10.7.0.10",
        });
        expect(inside.statusCode, inside.body).toBe(200);
        expect((await demo.inject({ method: "GET", url: "/api/auth/demo" })).json()).toMatchObject({
          demoMode: true,
          demoAccounts: DEMO_USERS.length,
        });
      } finally {
        await demo.close();
      }
    });
  });
}
