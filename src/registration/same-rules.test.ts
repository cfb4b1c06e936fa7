import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it, vi } from "vitest";
import { type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { ValidationFailed } from "../i18n/domain-error.ts";
import * as personService from "../registry/person-service.ts";
import { kuaroKk, kuaroNik, LOLO, type Scenario, setUpScenario } from "../workflow/testing.ts";

/**
 * Field registration writes persons through the registry's own use cases (issue 13): a rule planted in the
 * registry's registerPersonIn / updatePersonIn must refuse a field registration too. Had registration its own
 * copy of the person write, the planted rule would be skipped and this test would fail.
 */
const PLANTED_NAME = "Aturan Tertanam";

vi.mock("../registry/person-service.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../registry/person-service.ts")>();
  const planted = (name: string | undefined) => {
    if (name === PLANTED_NAME) throw new ValidationFailed([{ field: "name", code: "PLANTED_RULE" }]);
  };
  return {
    ...original,
    registerPersonIn: vi.fn(async (...args: Parameters<typeof original.registerPersonIn>) => {
      planted(args[3].name);
      return original.registerPersonIn(...args);
    }),
    updatePersonIn: vi.fn(async (...args: Parameters<typeof original.updatePersonIn>) => {
      planted(args[4].name);
      return original.updatePersonIn(...args);
    }),
  };
});

describeEachDatabase("field registration and the registry share one person write", (salur) => {
  let app: FastifyInstance;
  let s: Scenario;
  let enumerator: Session;

  beforeAll(async () => {
    app = await buildServer(salur());
    s = await setUpScenario(salur());
    enumerator = await signIn(app, s.officers.enumerator.username);
  });

  const persons = async () =>
    (await queryRows<{ n: number }>(salur().database.db, sql`select count(*)::int as n from persons`))[0]
      ?.n ?? 0;
  const person = (name: string) => ({
    nik: kuaroNik("1981-02-03", "L"),
    kk: kuaroKk(),
    name,
    sex: "L",
    birthDate: "1981-02-03",
    villageCode: LOLO,
    rt: "3",
    employment: "informal_trader",
  });
  const register = (applicant: unknown) =>
    app.inject({
      method: "PUT",
      url: `/api/registrations/${randomUUID()}`,
      headers: enumerator.headers("PUT"),
      payload: {
        capturedAt: "2026-11-24T09:15:00+08:00",
        periodId: s.umkm.periodId,
        applicant,
        appearedInPerson: true,
        submit: false,
      },
    });

  it("a rule planted in the registry refuses a new person at the desk and in the field alike", async () => {
    const before = await persons();
    const calls = vi.mocked(personService.registerPersonIn).mock.calls.length;
    const desk = await app.inject({
      method: "POST",
      url: "/api/persons",
      headers: enumerator.headers("POST"),
      payload: person(PLANTED_NAME),
    });
    expect(desk.statusCode, desk.body).toBe(422);
    const field = await register({ kind: "new", person: person(PLANTED_NAME) });
    expect(field.statusCode, field.body).toBe(422);
    expect(field.body).toContain("PLANTED_RULE");
    expect(await persons()).toBe(before);
    expect(vi.mocked(personService.registerPersonIn).mock.calls.length - calls).toBe(2);
  });

  it("a field edit of an existing person goes through the registry's edit, with its rules", async () => {
    const created = await register({ kind: "new", person: person("Budi Santoso") });
    expect(created.statusCode, created.body).toBe(201);
    const { personId } = created.json() as { personId: string };
    const [row] = await queryRows<{ version: number }>(
      salur().database.db,
      sql`select version from persons where id = ${personId}`,
    );
    const refused = await register({
      kind: "existing",
      personId,
      version: row?.version,
      changes: { name: PLANTED_NAME },
      reason: "nama di KTP",
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(vi.mocked(personService.updatePersonIn)).toHaveBeenCalled();
    const [after] = await queryRows<{ name: string }>(
      salur().database.db,
      sql`select name from persons where id = ${personId}`,
    );
    expect(after?.name).toBe("Budi Santoso");
  });
});
