import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import type { Salur } from "../runtime.ts";
import { type Actor, auditActor } from "./actor.ts";
import { DUTY_PAIRS, type Duty } from "./duties.ts";
import { performDuty } from "./maker-checker.ts";
import * as store from "./store.ts";
import { createTestUser, signIn } from "./testing.ts";
import { actorOf } from "./user-views.ts";

const LOLO = "64.01.05.2002";

async function actorFor(salur: Salur, id: string): Promise<Actor> {
  const row = await store.getUser(salur.database.db, id);
  if (!row) throw new Error("no such user");
  return actorOf(row);
}

/** Performs a duty the way a workflow transition will: in its transaction, next to the audit entry. */
function perform(salur: Salur, actor: Actor, duty: Duty, entityId: string, holdMs = 0) {
  return salur.database.db.transaction(async (tx) => {
    await performDuty(tx, { duty, entity: "enrollment", entityId, actor });
    await salur.audit.append(tx, {
      actor: auditActor(actor),
      action: `test.${duty}`,
      entity: "enrollment",
      entityId,
      area: LOLO,
    });
    // Holding the transaction open makes the second request of a concurrent pair overlap with it.
    if (holdMs > 0) await tx.execute(sql`select pg_sleep(${holdMs / 1000})`);
  });
}

describeEachDatabase("maker-checker", (salur) => {
  let app: FastifyInstance;
  let maker: Actor;
  let checker: Actor;
  let third: Actor;
  let makerName: string;
  let periodId: string;

  beforeAll(async () => {
    app = await buildServer(salur());
    const s = salur();
    const m = await createTestUser(s, { role: "enumerator", areaCode: LOLO });
    makerName = m.username;
    maker = await actorFor(s, m.id);
    checker = await actorFor(s, (await createTestUser(s, { role: "village_operator", areaCode: LOLO })).id);
    third = await actorFor(
      s,
      (await createTestUser(s, { role: "kecamatan_officer", areaCode: "64.01.05" })).id,
    );
    const { systemCaller } = await import("./actor.ts");
    const { createAgency, createPeriod, createProgram } = await import("../registry/service.ts");
    const caller = systemCaller("test setup", "64.01");
    const agency = await createAgency(s.registry, caller, { code: "mc-dinsos", name: "Dinas Sosial" });
    const program = await createProgram(s.registry, caller, {
      agencyId: agency.id,
      code: "mc-bst",
      name: "BST",
      kind: "cash",
      target: "person",
      amountPerRecipient: 300_000,
      budget: 300_000_000,
      quota: 1000,
    });
    periodId = (
      await createPeriod(s.registry, caller, {
        programId: program.id,
        name: "Tahap 1",
        startsOn: "2026-01-01",
        endsOn: "2026-06-30",
        status: "open",
      })
    ).id;
  });

  it("records who registered an application through the API, and refuses that user's verification of it", async () => {
    const session = await signIn(app, makerName);
    const person = await app.inject({
      method: "POST",
      url: "/api/persons",
      payload: { name: "Pemohon Satu", sex: "L", villageCode: LOLO, rt: "1" },
      headers: session.headers("POST"),
    });
    const enrollment = await app.inject({
      method: "POST",
      url: "/api/enrollments",
      payload: { personId: person.json().person.id, periodId },
      headers: session.headers("POST"),
    });
    expect(enrollment.statusCode).toBe(201);
    const id = enrollment.json().id as string;
    const duties = await queryRows<{ duty: string; user_id: string }>(
      salur().database.db,
      sql`select duty, user_id from duties where entity = 'enrollment' and entity_id = ${id}`,
    );
    expect(duties).toEqual([{ duty: "register", user_id: maker.userId }]);

    await expect(perform(salur(), maker, "verify", id)).rejects.toMatchObject({
      code: "MAKER_CHECKER_CONFLICT",
      status: 403,
      params: { duty: "verify", performed: "register" },
    });
    await perform(salur(), checker, "verify", id);
    // The verifier may not validate what they verified; a third officer may.
    await expect(perform(salur(), checker, "validate", id)).rejects.toMatchObject({
      code: "MAKER_CHECKER_CONFLICT",
    });
    await perform(salur(), third, "validate", id);
  });

  it.each(DUTY_PAIRS.map(([a, b]) => [a, b]))(
    "never lets one user both %s and %s the same object, in either order",
    async (a, b) => {
      for (const [first, second] of [
        [a, b],
        [b, a],
      ] as const) {
        const object = `pair-${first}-${second}-${Math.random().toString(36).slice(2)}`;
        await perform(salur(), maker, first, object);
        await expect(perform(salur(), maker, second, object)).rejects.toMatchObject({
          code: "MAKER_CHECKER_CONFLICT",
        });
        await perform(salur(), checker, second, object);
        // Another object is another matter.
        await perform(salur(), maker, second, `${object}-other`);
      }
    },
  );

  it("leaves nothing behind when a duty is refused: no duty row, no audit entry", async () => {
    const object = "refused-leaves-nothing";
    await perform(salur(), maker, "propose", object);
    const count = async () =>
      (
        await queryRows<{ duties: number; entries: number }>(
          salur().database.db,
          sql`select (select count(*)::int from duties where entity_id = ${object}) as duties,
                     (select count(*)::int from audit_entries where entity_id = ${object}) as entries`,
        )
      )[0];
    const before = await count();
    await expect(perform(salur(), maker, "approve", object)).rejects.toMatchObject({
      code: "MAKER_CHECKER_CONFLICT",
    });
    expect(await count()).toEqual(before);
  });

  it.each(DUTY_PAIRS.map(([a, b]) => [a, b]))(
    "lets exactly one of a concurrent %s/%s pair by the same user through",
    async (a, b) => {
      for (let round = 0; round < 3; round++) {
        const object = `concurrent-${a}-${b}-${round}`;
        const results = await Promise.allSettled([
          perform(salur(), maker, a, object, 150),
          perform(salur(), maker, b, object, 150),
        ]);
        const refused = results.filter((r) => r.status === "rejected");
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
          code: "MAKER_CHECKER_CONFLICT",
        });
        const rows = await queryRows<{ n: number }>(
          salur().database.db,
          sql`select count(*)::int as n from duties where entity_id = ${object}`,
        );
        expect(rows[0]?.n).toBe(1);
      }
    },
  );
});
