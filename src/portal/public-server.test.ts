import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../db/testing.ts";
import { buildPublicServer } from "../http/public-server.ts";
import { portalOf } from "./portal.ts";

describeEachDatabase("salur serve --public", (salur) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    portalOf(salur(), { pollMs: 0 });
    app = await buildPublicServer(salur());
  });
  afterAll(async () => app?.close());

  it("serves the portal without any API route, session or cookie", async () => {
    const home = await app.inject({ url: "/publik" });
    expect(home.statusCode).toBe(200);
    expect(home.headers["set-cookie"]).toBeUndefined();
    expect(home.headers["content-security-policy"]).toContain("default-src 'none'");
    for (const url of ["/api/health", "/api/persons", "/api/auth/me", "/"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(302);
    }
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: "x" },
    });
    expect(login.statusCode).toBe(302);
    const notFound = await app.inject({ url: "/publik/tidak-ada" });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers["content-type"]).toContain("text/html");
    expect(notFound.body).toContain("Halaman tidak ditemukan");
  });
});
