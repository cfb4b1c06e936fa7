import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { Role } from "../access/roles.ts";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import type { HomeSummary } from "../home/schemas.ts";
import { buildServer } from "../http/server.ts";
import { paidBatch } from "./receipts.fixture.ts";
import type { LineView, SampleListView, SampleView } from "./schemas.ts";

const KUARO = "64.01.05";
const JANJU = "64.01.04.2002";

describeEachDatabase("receipts routes the officials' screens use", (salur) => {
  let app: FastifyInstance;
  let batchId: string;
  let lines: { id: string; reference: string; village_code: string }[];
  const sessions = new Map<string, Session>();

  async function as(name: string, role: Role, areaCode: string) {
    const account = await createTestUser(salur(), { role, areaCode });
    sessions.set(name, await signIn(app, account.username));
  }
  const call = (name: string, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: sessions.get(name)?.headers(method) ?? {},
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    ({ batchId } = await paidBatch(salur(), 9));
    lines = await queryRows(
      salur().database.db,
      sql`select id, reference, village_code from payment_lines where batch_id = ${batchId} order by line_number`,
    );
    app = await buildServer(salur());
    await as("coordinator", "coordinator", "64.01");
    await as("kuaro coordinator", "coordinator", KUARO);
    await as("auditor", "auditor", "64.01");
    await as("operator", "village_operator", "64.01.05.2002");
  });

  it("lists the drawn samples with their batch, seed and answered count to verifiers, each opened cut to their area", async () => {
    const drawn = await call("coordinator", "POST", "/api/receipts/samples", {
      batchId,
      confidence: 0.95,
      margin: 0.05,
    });
    expect(drawn.statusCode, drawn.body).toBe(201);
    const sample = drawn.json() as SampleView;
    const first = sample.lines[0];
    if (!first) throw new Error("empty sample");
    const answered = await call("coordinator", "POST", "/api/receipts/confirmations", {
      lineId: first.lineId,
      channel: "verification",
      sampleId: sample.id,
      answer: "received_full",
    });
    expect(answered.statusCode, answered.body).toBe(201);

    const listed = await call("coordinator", "GET", `/api/receipts/samples?batchId=${batchId}`);
    expect(listed.statusCode, listed.body).toBe(200);
    const [item] = (listed.json() as SampleListView).items;
    expect(item).toMatchObject({
      id: sample.id,
      batchId,
      seed: sample.seed,
      lineCount: sample.lineCount,
      answered: 1,
      programName: "BST Kabupaten",
    });

    const kuaro = await call("kuaro coordinator", "GET", "/api/receipts/samples");
    expect((kuaro.json() as SampleListView).items.map((s) => s.id)).toEqual([sample.id]);
    const opened = await call("kuaro coordinator", "GET", `/api/receipts/samples/${sample.id}`);
    expect((opened.json() as SampleView).lines.every((l) => l.villageCode.startsWith(`${KUARO}.`))).toBe(
      true,
    );
    expect((await call("operator", "GET", "/api/receipts/samples")).statusCode).toBe(403);
    expect((await call("auditor", "GET", "/api/receipts/samples")).statusCode).toBe(403);
  });

  it("finds a paid line by its reference for an answer at a distribution point, only inside the caller's area", async () => {
    const lolo = lines.find((l) => l.village_code === "64.01.05.2002");
    const janju = lines.find((l) => l.village_code === JANJU);
    if (!lolo || !janju) throw new Error("fixture lines missing");
    const found = await call("kuaro coordinator", "GET", `/api/receipts/lines?reference=${lolo.reference}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ lineId: lolo.id, status: "paid", answeredBy: [] });

    const recorded = await call("kuaro coordinator", "POST", "/api/receipts/confirmations", {
      lineId: lolo.id,
      channel: "officer",
      answer: "received_less",
      receivedAmount: 550_000,
      distributionPoint: "Balai Desa Lolo",
      distributor: "Petugas Pos",
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const again = await call("kuaro coordinator", "GET", `/api/receipts/lines?reference=${lolo.reference}`);
    expect((again.json() as LineView).answeredBy).toEqual(["officer"]);

    // Outside the caller's kecamatan, a real reference answers like a guessed one.
    const outside = await call(
      "kuaro coordinator",
      "GET",
      `/api/receipts/lines?reference=${janju.reference}`,
    );
    const guessed = await call("kuaro coordinator", "GET", "/api/receipts/lines?reference=00000-000000");
    expect(outside.statusCode).toBe(404);
    expect(guessed.statusCode).toBe(404);
    expect(outside.body).not.toContain(janju.id);
    expect((await call("auditor", "GET", `/api/receipts/lines?reference=${lolo.reference}`)).statusCode).toBe(
      403,
    );
    expect(
      (await call("operator", "GET", `/api/receipts/lines?reference=${lolo.reference}`)).statusCode,
    ).toBe(403);
  });

  it("puts flags and leakage per kecamatan on the home summary of the Inspektorat, not of the desa", async () => {
    const auditor = (await call("auditor", "GET", "/api/home/summary")).json() as HomeSummary;
    const leakage = (await call("auditor", "GET", "/api/receipts/leakage?level=kecamatan")).json() as {
      items: unknown[];
    };
    const flags = (await call("auditor", "GET", "/api/receipts/flags")).json() as { items: unknown[] };
    expect(auditor.receipts?.leakage.map(({ name: _, ...figure }) => figure)).toEqual(leakage.items);
    expect(auditor.receipts?.leakage.map((k) => k.name)).toEqual(["Tanah Grogot"]);
    expect(auditor.receipts?.flags).toBe(flags.items.length);
    // The sample's full answer (Janju, Tanah Grogot) counts; the officer's answer at a distribution point in Lolo
    // is weaker evidence and leaves Kuaro without a figure.
    expect(auditor.receipts?.leakage.map((k) => [k.key, k.leakage])).toEqual([["64.01.04", 0]]);

    const operator = (await call("operator", "GET", "/api/home/summary")).json() as HomeSummary;
    expect(operator.receipts).toBeNull();
  });
});
