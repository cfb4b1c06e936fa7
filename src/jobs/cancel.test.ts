import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { JANJU, LOLO } from "../access/matrix.ts";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { importDeps } from "../imports/service.ts";

describeEachDatabase("cancelling a job", (salur) => {
  let app: FastifyInstance;
  let owner: { id: string; session: Session };
  let auditor: Session;
  let otherManager: Session;

  beforeAll(async () => {
    app = await buildServer(salur());
    const jobs = importDeps(salur()).jobs;
    jobs.register({
      kind: "test.hold",
      retryOnInterrupt: false,
      async run(context) {
        while (!context.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error("stopped");
      },
    });
    const account = await createTestUser(salur(), { role: "village_operator", areaCode: LOLO });
    owner = { id: account.id, session: await signIn(app, account.username) };
    auditor = await signIn(
      app,
      (await createTestUser(salur(), { role: "auditor", areaCode: "64.01" })).username,
    );
    otherManager = await signIn(
      app,
      (await createTestUser(salur(), { role: "village_operator", areaCode: JANJU })).username,
    );
  });
  afterAll(async () => {
    await importDeps(salur()).jobs.idle();
    await app.close();
  });

  const cancel = (session: Session, id: string) =>
    app.inject({ method: "POST", url: `/api/jobs/${id}/cancel`, headers: session.headers("POST") });

  it("L2: the read-only auditor cannot cancel another official's job; the owner's cancel is audited", async () => {
    const jobs = importDeps(salur()).jobs;
    const job = await jobs.submit({
      kind: "test.hold",
      params: {},
      createdById: owner.id,
      createdByName: "Uji",
    });

    const byAuditor = await cancel(auditor, job.id);
    expect(byAuditor.statusCode).toBe(403);
    expect((await cancel(otherManager, job.id)).statusCode).toBe(404);
    expect((await jobs.get(job.id))?.state).not.toBe("cancelled");

    const byOwner = await cancel(owner.session, job.id);
    expect(byOwner.statusCode).toBe(200);
    expect((await jobs.wait(job.id)).state).toBe("cancelled");
    const entries = await queryRows<{ action: string; actor_id: string }>(
      salur().database.db,
      sql`select action, actor_id from audit_entries where entity = 'job' and entity_id = ${job.id}`,
    );
    expect(entries).toEqual([{ action: "job.cancel", actor_id: owner.id }]);
  });
});
