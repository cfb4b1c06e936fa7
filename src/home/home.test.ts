import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from "../access/demo-users.ts";
import { type Session, signIn } from "../access/testing.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { seedDemo } from "../demo/seed.ts";
import { buildServer } from "../http/server.ts";
import type { HomeSummary } from "./schemas.ts";

describeEachDatabase("home summary", (salur) => {
  let app: FastifyInstance;
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    await seedDemo(salur(), { persons: 1_500 });
    await ensureDemoUsers(salur());
    // Demo accounts sign in with the published password only in demo mode (`salur serve --demo`).
    salur().access.demoMode = true;
    app = await buildServer(salur());
    for (const user of DEMO_USERS)
      sessions.set(user.username, await signIn(app, user.username, DEMO_PASSWORD));
  });

  const get = (username: string, url: string) =>
    app.inject({ method: "GET", url, headers: sessions.get(username)?.headers() ?? {} });
  const total = async (username: string, url: string) => {
    const res = await get(username, url);
    expect(res.statusCode, `${username} ${url}: ${res.body}`).toBe(200);
    return (res.json() as { total: number }).total;
  };

  it("answers every demo role, and each card's count is the total of the list it opens", async () => {
    for (const { username } of DEMO_USERS) {
      const res = await get(username, "/api/home/summary");
      expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
      const summary = res.json() as HomeSummary;
      for (const { status, count } of summary.queue)
        expect(await total(username, `/api/workflow/queue?status=${status}&pageSize=1`), username).toBe(
          count,
        );
      for (const { status, count } of summary.pipeline ?? [])
        expect(await total(username, `/api/workflow/queue?status=${status}&pageSize=1`), username).toBe(
          count,
        );
      if (summary.registry) {
        expect(await total(username, "/api/persons?pageSize=1")).toBe(summary.registry.persons);
        expect(await total(username, "/api/persons?nikStatus=warning&pageSize=1")).toBe(
          summary.registry.nikWarning,
        );
        expect(await total(username, "/api/persons?nikStatus=invalid&pageSize=1")).toBe(
          summary.registry.nikInvalid,
        );
      }
      if (summary.audit)
        expect(await total(username, "/api/audit/entries?pageSize=1")).toBe(summary.audit.entries);
    }
  });

  it("gives each role only what it may read: the bank its payments, the auditor the trail, the regent the pipeline", async () => {
    const of = async (username: string) => (await get(username, "/api/home/summary")).json() as HomeSummary;
    const bank = await of("bank");
    expect(bank.queue.map((q) => q.status)).toEqual(["approved"]);
    expect(bank).toMatchObject({ pipeline: null, registry: null, audit: null });
    expect((await get("bank", "/api/workflow/queue?status=submitted")).statusCode).toBe(403);

    const auditor = await of("inspektorat");
    expect(auditor.queue).toEqual([]);
    expect(auditor.audit?.entries).toBeGreaterThan(0);
    expect(auditor.pipeline?.length).toBeGreaterThan(0);

    const regent = await of("bupati");
    expect(regent.queue.map((q) => q.status)).toEqual(["published"]);
    expect(regent.pipeline?.reduce((sum, s) => sum + s.count, 0)).toBeGreaterThan(0);
    expect(regent.registry?.breakdown?.level).toBe("district");

    const kuaro = await of("kecamatan.kuaro");
    expect(kuaro.registry?.breakdown?.level).toBe("village");
    expect(kuaro.registry?.breakdown?.items.every((v) => v.code.startsWith("64.01.05."))).toBe(true);
    const lolo = await of("operator.lolo");
    expect(lolo.registry?.breakdown).toBeNull();
    expect(lolo.audit).toBeNull();
  });
});
