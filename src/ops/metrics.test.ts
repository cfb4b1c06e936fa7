import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD, ensureDemoUsers } from "../access/demo-users.ts";
import { signIn } from "../access/testing.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { seedDemo } from "../demo/seed.ts";
import { buildServer } from "../http/server.ts";

const TOKEN = "metrics-scraper-token-0123456789";

describeEachDatabase("/metrics", (salur) => {
  let app: FastifyInstance;
  let plain: FastifyInstance;

  beforeAll(async () => {
    await seedDemo(salur(), { persons: 100 });
    await ensureDemoUsers(salur());
    app = await buildServer({
      ...salur(),
      access: { ...salur().access, demoMode: true },
      config: { ...salur().config, metricsToken: TOKEN },
    });
    plain = await buildServer(salur());
  });
  afterAll(async () => {
    await app?.close();
    await plain?.close();
  });

  const scrape = (headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url: "/metrics", headers });

  it("is refused without the token, with a wrong one, and with an official's session; absent when not configured", async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape({ authorization: "Bearer metrics-scraper-token-0123456780" })).statusCode).toBe(401);
    const admin = await signIn(app, "admin", DEMO_PASSWORD);
    expect((await app.inject({ method: "GET", url: "/metrics", headers: admin.headers() })).statusCode).toBe(
      401,
    );
    expect(
      (await plain.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } }))
        .statusCode,
    ).toBe(404);
  });

  it("counts requests per route pattern, shows the job queue and the audit head, and carries no personal data", async () => {
    const admin = await signIn(app, "admin", DEMO_PASSWORD);
    const list = await app.inject({
      method: "GET",
      url: "/api/persons?pageSize=5",
      headers: admin.headers(),
    });
    expect(list.statusCode).toBe(200);
    const id = (list.json() as { items: { id: string }[] }).items[0]?.id;
    expect(id).toBeTruthy();
    await app.inject({ method: "GET", url: `/api/persons/${id}`, headers: admin.headers() });
    await app.inject({ method: "GET", url: "/api/no-such-route/3271010101010001" });

    const res = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text).toMatch(
      /salur_http_request_duration_seconds_count\{method="GET",route="\/api\/persons",status="200"\} 1/,
    );
    expect(text).toMatch(/route="\/api\/persons\/:id"/);
    expect(text).toMatch(/route="unmatched",status="404"/);
    expect(text).toMatch(/salur_jobs\{state="queued"\} \d+/);
    if (salur().database.kind === "postgres")
      expect(text).toMatch(/salur_db_pool_connections\{state="total"\} [1-9]/);
    const head = Number(/salur_audit_head_seq (\d+)/.exec(text)?.[1]);
    expect(head).toBeGreaterThan(0);
    // No id or NIK-like digits from the request URLs in any label.
    expect(text).not.toContain(String(id));
    expect(text).not.toContain("3271010101010001");
  });
});
