import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type Session, signIn, TEST_PASSWORD } from "../access/testing.ts";
import { loadConfig } from "../config.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "./server.ts";

/** Regression tests of the server findings of issue 12 (L4 proxy trust, L5 headers, L6 logs). */
const LOLO = "64.01.05.2002";
const NIK = "6401054507880003";

describe("L4: trusting a proxy", () => {
  it("L4: refuses SALUR_TRUST_PROXY=true, which lets any client spoof its address", () => {
    expect(() => loadConfig({ SALUR_TRUST_PROXY: "true" })).toThrow(/SALUR_TRUST_PROXY/);
    expect(() => loadConfig({ SALUR_TRUST_PROXY: "everyone" })).toThrow(/SALUR_TRUST_PROXY/);
    expect(loadConfig({ SALUR_TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" }).trustProxy).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
    ]);
    expect(loadConfig({ SALUR_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});

describeEachDatabase("server hardening", (salur) => {
  let app: FastifyInstance;
  let operator: Session;
  let personId: string;
  const lines: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

  beforeAll(async () => {
    app = await buildServer(salur(), { logStream, trustProxy: ["10.0.0.0/8"] });
    app.get("/boom", async () => {
      throw new Error("database exploded");
    });
    operator = await signIn(
      app,
      (await createTestUser(salur(), { role: "village_operator", areaCode: LOLO })).username,
    );
    const created = await app.inject({
      method: "POST",
      url: "/api/persons",
      payload: { name: "Siti Aminah", sex: "P", villageCode: LOLO, rt: "3", nik: NIK },
      headers: operator.headers("POST"),
    });
    expect(created.statusCode, created.body).toBe(201);
    personId = created.json().person.id;
  });

  it("L4: believes X-Forwarded-For only from the listed proxies", async () => {
    const spoof = (remoteAddress: string) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "l4-nobody", password: "salah" },
        remoteAddress,
        headers: { "x-forwarded-for": "198.51.100.77" },
      });
    await spoof("203.0.113.5");
    await spoof("10.1.2.3");
    const keys = (
      await queryRows<{ key: string }>(
        salur().database.db,
        sql`select key from login_throttle where key like 'address:%' order by key`,
      )
    ).map((r) => r.key);
    expect(keys).toContain("address:203.0.113.5");
    expect(keys).toContain("address:198.51.100.77");
    expect(keys).not.toContain("address:10.1.2.3");
  });

  it("L5: sends CSP, frame-ancestors, Referrer-Policy, and no-store on identity and session replies", async () => {
    const identity = await app.inject({
      method: "GET",
      url: `/api/persons/${personId}/identity?reason=cek%20dokumen`,
      headers: operator.headers(),
    });
    expect(identity.statusCode, identity.body).toBe(200);
    const me = await app.inject({ method: "GET", url: "/api/auth/me", headers: operator.headers() });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "l5-nobody", password: "salah" },
    });
    const list = await app.inject({ method: "GET", url: "/api/persons", headers: operator.headers() });
    for (const res of [identity, me, login, list]) {
      expect(res.headers["cache-control"]).toBe("no-store");
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
    }
    // HSTS only over HTTPS (here: said by a trusted proxy); over plain HTTP it would be ignored or lock a laptop out.
    expect(identity.headers["strict-transport-security"]).toBeUndefined();
    const https = await app.inject({
      method: "GET",
      url: "/api/health",
      remoteAddress: "10.0.0.1",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(https.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  it("L6: writes JSON request logs without query strings, bodies or cookies, and every 500 with its request id", async () => {
    lines.length = 0;
    await app.inject({ method: "GET", url: `/api/persons?nik=${NIK}`, headers: operator.headers() });
    await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "l6-nobody", password: TEST_PASSWORD },
    });
    const boom = await app.inject({ method: "GET", url: "/boom?nik=6401054507880003" });
    expect(boom.statusCode).toBe(500);
    const requestId = boom.json().requestId as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const text = JSON.stringify(lines);
    expect(text).not.toContain(NIK);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(operator.cookie.split("=")[1]);
    const completed = lines.filter((l) => l.msg === "request completed");
    expect(completed.length).toBeGreaterThanOrEqual(3);
    expect(completed[0]).toMatchObject({ method: "GET", route: "/api/persons", statusCode: 200 });
    const failure = lines.find((l) => l.level === 50);
    expect(failure).toMatchObject({ reqId: requestId });
    expect(JSON.stringify(failure)).toContain("database exploded");
  });
});
