import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import type { AuditActor } from "./entry.ts";
import type { entryPageSchema, verifyReportSchema } from "./schemas.ts";

type EntryPage = import("zod").output<typeof entryPageSchema>;
type Report = import("zod").output<typeof verifyReportSchema>;

const LOLO = "64.01.05.2002";
const JANJU = "64.01.04.2002";

describeEachDatabase("the auditor's API", (salur) => {
  let app: FastifyInstance;
  let auditor: Session;
  let kuaroAdmin: Session;
  let operator: Session;
  const tag = `${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    app = await buildServer(salur());
    auditor = await signIn(
      app,
      (await createTestUser(salur(), { role: "auditor", areaCode: "64.01" })).username,
    );
    kuaroAdmin = await signIn(
      app,
      (await createTestUser(salur(), { role: "admin", areaCode: "64.01.05" })).username,
    );
    operator = await signIn(
      app,
      (await createTestUser(salur(), { role: "village_operator", areaCode: LOLO })).username,
    );
    const actor = (name: string, role: string): AuditActor => ({ id: null, name, role, area: null });
    await salur().database.db.transaction((tx) =>
      salur().audit.append(tx, [
        {
          actor: actor(`Operator Lolo ${tag}`, "village_operator"),
          action: "enrollment.verify",
          entity: "enrollment",
          entityId: `a-${tag}`,
          area: `${LOLO}/RT003`,
        },
        {
          actor: actor(`Operator Janju ${tag}`, "village_operator"),
          action: "enrollment.verify",
          entity: "enrollment",
          entityId: `b-${tag}`,
          area: JANJU,
        },
        {
          actor: actor(`Petugas Kuaro ${tag}`, "kecamatan_officer"),
          action: "enrollment.validate",
          entity: "enrollment",
          entityId: `a-${tag}`,
          area: LOLO,
        },
        {
          actor: actor(`Operator Lolo ${tag}`, "village_operator"),
          action: "person.update",
          entity: "person",
          entityId: `p-${tag}`,
          area: LOLO,
        },
      ]),
    );
  });

  const entries = async (session: Session, query: string) => {
    const res = await app.inject({
      method: "GET",
      url: `/api/audit/entries?${query}`,
      headers: session.headers(),
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as EntryPage).items.filter((e) => e.actor.name.endsWith(tag));
  };

  it("filters the trail by who, what, area and period", async () => {
    const who = await entries(auditor, `actorName=${encodeURIComponent(`operator lolo ${tag}`)}`);
    expect(who.map((e) => e.action).sort()).toEqual(["enrollment.verify", "person.update"]);
    const role = await entries(auditor, "actorRole=kecamatan_officer&pageSize=200");
    expect(role.map((e) => e.action)).toEqual(["enrollment.validate"]);
    const what = await entries(auditor, "actionPrefix=enrollment.&pageSize=200");
    expect(what).toHaveLength(3);
    const area = await entries(auditor, `area=${LOLO}&pageSize=200`);
    expect(area.map((e) => e.area).sort()).toEqual([LOLO, LOLO, `${LOLO}/RT003`]);
    const kuaro = await entries(auditor, "area=64.01.05&pageSize=200");
    expect(kuaro).toHaveLength(3);
    const now = Date.now();
    const during = await entries(
      auditor,
      `from=${new Date(now - 3_600_000).toISOString()}&until=${new Date(now + 3_600_000).toISOString()}&pageSize=200`,
    );
    expect(during).toHaveLength(4);
    const later = await entries(auditor, `from=${new Date(now + 3_600_000).toISOString()}&pageSize=200`);
    expect(later).toHaveLength(0);
  });

  it("never widens an official's area by the area filter", async () => {
    expect(await entries(kuaroAdmin, `area=${JANJU}&pageSize=200`)).toEqual([]);
    expect(await entries(kuaroAdmin, "area=64.01&pageSize=200")).toHaveLength(3);
  });

  it("runs the chain check for the auditor and records that it ran", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/audit/verification",
      headers: auditor.headers("POST"),
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as Report;
    expect(report).toMatchObject({ ok: true, macsChecked: true, firstBrokenSeq: null, problems: [] });
    expect(report.entries).toBe(report.lastSeq);
    const [latest] = (
      (
        await app.inject({
          method: "GET",
          url: "/api/audit/entries?action=audit.verify&pageSize=1",
          headers: auditor.headers(),
        })
      ).json() as EntryPage
    ).items;
    expect(latest?.seq).toBe(report.lastSeq + 1);
    const denied = await app.inject({
      method: "POST",
      url: "/api/audit/verification",
      headers: operator.headers("POST"),
    });
    expect(denied.statusCode).toBe(403);
  });
});
