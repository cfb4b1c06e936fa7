import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { type Session, signIn } from "../access/testing.ts";
import { describeEachDatabase } from "../db/testing.ts";
import * as documentStore from "../documents/store.ts";
import { buildServer } from "../http/server.ts";
import type { queueSchema } from "./schemas.ts";
import { type Applicant, newApplicant, type Scenario, setUpScenario, submittedApplicant } from "./testing.ts";

type Queue = import("zod").output<typeof queueSchema>;

describeEachDatabase("work queue over HTTP", (salur) => {
  let s: Scenario;
  let app: FastifyInstance;
  let lolo: Session;
  let janju: Session;
  let waiting: Applicant;

  beforeAll(async () => {
    s = await setUpScenario(salur());
    app = await buildServer(salur());
    lolo = await signIn(app, s.officers.operator.username);
    janju = await signIn(app, s.officers.janjuOperator.username);
    waiting = await submittedApplicant(s);
  });

  const call = (session: Session, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({ method, url, headers: session.headers(method), ...(payload ? { payload } : {}) });

  it("lists an application with its eligibility rule by rule and the other claims of its KK as duplicate hints", async () => {
    const sibling = await newApplicant(s, { kk: waiting.kk, program: "umkm" });
    const res = await call(lolo, "GET", "/api/workflow/queue?status=draft&pageSize=200");
    expect(res.statusCode).toBe(200);
    const item = (res.json() as Queue).items.find((i) => i.id === sibling.enrollmentId);
    expect(item?.eligibility?.eligible).toBe(false);
    expect(item?.eligibility?.failedRules).toContain("one_per_household");
    expect(item?.eligibility?.results.find((r) => r.rule === "one_per_household")?.message).toMatch(/KK/);
    expect(item?.duplicates).toEqual([
      expect.objectContaining({
        kind: "same_household",
        enrollmentId: waiting.enrollmentId,
        status: "submitted",
      }),
    ]);
  });

  it("finds an applicant by part of the name, any case, and counts only those", async () => {
    const named = await newApplicant(s, { name: "Siti Rahmawati Antrian" });
    const res = await call(lolo, "GET", "/api/workflow/queue?status=draft&q=rahmawati%20ANTRIAN");
    const queue = res.json() as Queue;
    expect(queue.items.map((i) => i.id)).toEqual([named.enrollmentId]);
    expect(queue.total).toBe(1);
    const none = (
      await call(lolo, "GET", "/api/workflow/queue?status=draft&q=tidak%20ada%25")
    ).json() as Queue;
    expect(none.total).toBe(0);
  });

  it("refuses another desa's operator everything about Lolo's queue items: list, view, papers, decisions", async () => {
    const queue = (await call(janju, "GET", "/api/workflow/queue?pageSize=200")).json() as Queue;
    expect(queue.items.map((i) => i.id)).not.toContain(waiting.enrollmentId);
    const byVillage = (
      await call(janju, "GET", `/api/workflow/queue?villageCode=${"64.01.05.2002"}`)
    ).json() as Queue;
    expect(byVillage.total).toBe(0);

    expect((await call(janju, "GET", `/api/enrollments/${waiting.enrollmentId}/workflow`)).statusCode).toBe(
      404,
    );
    expect((await call(janju, "GET", `/api/enrollments/${waiting.enrollmentId}/documents`)).statusCode).toBe(
      404,
    );
    const [document] = await documentStore.currentDocuments(salur().database.db, waiting.enrollmentId);
    expect((await call(janju, "GET", `/api/documents/${document?.id}/content`)).statusCode).toBe(404);

    const verify = { action: "verify", version: waiting.version };
    expect(
      (await call(janju, "POST", `/api/enrollments/${waiting.enrollmentId}/transitions`, verify)).statusCode,
    ).toBe(404);
    const bulk = await call(janju, "POST", "/api/workflow/transitions", {
      action: "verify",
      items: [{ id: waiting.enrollmentId, version: waiting.version }],
    });
    expect(bulk.json()).toMatchObject({ applied: 0, refused: 1, results: [{ ok: false, status: 404 }] });

    // Lolo's own operator still finds it untouched, at the version the refused attempts named.
    const mine = (
      await call(lolo, "GET", "/api/workflow/queue?status=submitted&pageSize=200")
    ).json() as Queue;
    expect(mine.items.find((i) => i.id === waiting.enrollmentId)).toMatchObject({
      status: "submitted",
      version: waiting.version,
    });
  });
});
