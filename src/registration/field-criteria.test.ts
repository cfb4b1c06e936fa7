import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import { type Session, signIn } from "../access/testing.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { CANVAS_JPEG } from "../documents/test-images.ts";
import { buildServer } from "../http/server.ts";
import type { fieldCriteriaSchema, RankingPage } from "../ranking/schemas.ts";
import { registerPerson } from "../registry/service.ts";
import {
  advance,
  kuaroKk,
  kuaroNik,
  LOLO,
  type Officer,
  type Scenario,
  setUpScenario,
} from "../workflow/testing.ts";

/**
 * The ranking answers given on the field form reach the register and the ranking: an applicant registered in the
 * field with the model's criteria filled scores on them and ranks by them, like one typed in at the desk.
 */
describeEachDatabase("ranking criteria collected by the field form", (salur) => {
  let app: FastifyInstance;
  let s: Scenario;
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    app = await buildServer(salur());
    s = await setUpScenario(salur());
    for (const officer of [s.officers.enumerator, s.officers.manager])
      sessions.set(officer.username, await signIn(app, officer.username));
  });

  const send = (by: Officer, method: "GET" | "PUT", url: string, payload?: unknown) => {
    const session = sessions.get(by.username);
    if (!session) throw new Error(`${by.username} is not signed in`);
    return app.inject({
      method,
      url,
      headers: session.headers(method),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  };

  /** Sends one field submission for the BST period with its KTP and KK photos, as the phone's queue does. */
  async function fieldSubmission(applicant: Record<string, unknown>) {
    const id = randomUUID();
    for (const kind of ["ktp", "kk"]) {
      const res = await app.inject({
        method: "PUT",
        url: `/api/registrations/${id}/documents/${kind}`,
        headers: {
          ...sessions.get(s.officers.enumerator.username)?.headers("PUT"),
          "content-type": "image/jpeg",
        },
        payload: Buffer.from(CANVAS_JPEG),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const res = await send(s.officers.enumerator, "PUT", `/api/registrations/${id}`, {
      capturedAt: "2026-11-24T09:15:00+08:00",
      periodId: s.bst.periodId,
      applicant,
      appearedInPerson: true,
      documents: ["ktp", "kk"],
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json() as {
      personId: string;
      enrollmentId: string;
      version: number;
      applicationStatus: string;
    };
    expect(result.applicationStatus).toBe("submitted");
    // Verified at the desa, validated at the kecamatan: only then is an applicant ranked.
    await advance(s, { ...result, kk: null }, [
      [s.officers.operator, "verify"],
      [s.officers.kecamatan, "validate"],
    ]);
    return result.enrollmentId;
  }

  const person = (name: string, birthDate: string, extra: Record<string, unknown>) => ({
    kind: "new",
    person: {
      nik: kuaroNik(birthDate, "P"),
      kk: kuaroKk(),
      name,
      sex: "P",
      birthDate,
      villageCode: LOLO,
      rt: "3",
      ...extra,
    },
  });

  it("lists the model's criteria for the form, scores an applicant on the answers given in the field and ranks by them", async () => {
    const criteria = await send(
      s.officers.enumerator,
      "GET",
      `/api/ranking/programs/${s.bst.programId}/field-criteria`,
    );
    expect(criteria.statusCode, criteria.body).toBe(200);
    const asked = (criteria.json() as z.output<typeof fieldCriteriaSchema>).criteria.map((c) =>
      c.source.kind === "profile" ? c.source.attribute : c.source.indicator,
    );
    expect(asked.sort()).toEqual(
      [
        "birthDate",
        "children",
        "education",
        "employment",
        "health",
        "houseCondition",
        "maritalStatus",
        "monthlyIncome",
      ].sort(),
    );

    const needy = await fieldSubmission(
      person("Warsini Lapangan", "1958-04-02", {
        employment: "unemployed",
        education: "none",
        monthlyIncome: 300_000,
        maritalStatus: "widowed",
        houseCondition: "non_permanent",
        health: "disability",
        children: 4,
        dependants: 5,
      }),
    );
    const modest = await fieldSubmission(
      person("Ratna Lapangan", "1988-09-12", {
        employment: "private_employee",
        education: "sma",
        monthlyIncome: 3_500_000,
        maritalStatus: "married",
        houseCondition: "permanent",
        health: "healthy",
        children: 1,
        dependants: 1,
      }),
    );
    // The form before it asked the criteria: name, birth date and work only.
    const bare = await fieldSubmission(
      person("Sulastri Lapangan", "1988-09-12", { employment: "private_employee" }),
    );

    const res = await send(s.officers.manager, "GET", `/api/ranking/periods/${s.bst.periodId}/applicants`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as RankingPage;
    const row = (id: string) => {
      const found = page.items.find((item) => item.enrollmentId === id);
      if (!found) throw new Error(`applicant ${id} is not ranked`);
      return found;
    };
    expect(row(needy).unknownCriteria).toEqual([]);
    expect(row(modest).unknownCriteria).toEqual([]);
    expect(row(bare).unknownCriteria).toHaveLength(6);
    expect(row(needy).score).toBeGreaterThan(0);
    expect(row(modest).score).toBeGreaterThan(0);
    // Every criterion the needy applicant answered earned points from what was typed in the field.
    expect(row(needy).criteria.every((c) => c.points > 0)).toBe(true);
    expect(row(needy).score).toBeGreaterThan(row(modest).score);
    expect(row(modest).score).toBeGreaterThan(row(bare).score);
    expect([row(needy).rank, row(modest).rank, row(bare).rank]).toEqual([1, 2, 3]);
  });

  it("scores a person already in the register on the answers added in the field", async () => {
    const { person: known } = await registerPerson(s.salur.registry, s.officers.operator.caller, {
      nik: kuaroNik("1961-01-20", "P"),
      kk: kuaroKk(),
      name: "Marni Terdaftar",
      sex: "P",
      birthDate: "1961-01-20",
      villageCode: LOLO,
      rt: "003",
    });
    const enrollmentId = await fieldSubmission({
      kind: "existing",
      personId: known.id,
      version: known.version,
      changes: {
        employment: "daily_labourer",
        education: "sd",
        monthlyIncome: 600_000,
        maritalStatus: "widowed",
        houseCondition: "semi_permanent",
        health: "chronic_illness",
        children: 2,
      },
      reason: "Dilengkapi saat pendataan lapangan",
    });
    const res = await send(s.officers.manager, "GET", `/api/ranking/periods/${s.bst.periodId}/applicants`);
    const row = (res.json() as RankingPage).items.find((item) => item.enrollmentId === enrollmentId);
    expect(row?.unknownCriteria).toEqual([]);
    expect(row?.score).toBeGreaterThan(0);
    expect(row?.criteria.every((c) => c.points > 0)).toBe(true);
  });
});
