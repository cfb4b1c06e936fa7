import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Deployment, personalDataIn, seededDeployment, twoProcessRun } from "./cluster.fixture.ts";

/**
 * The short version of src/ops/two-processes.drill.ts: two servers on one PostgreSQL database behind one port,
 * a mixed write load through it, every acknowledged write present once and whole, every import job run once.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("two processes on one PostgreSQL behind one port", () => {
  let deployment: Deployment;
  beforeAll(async () => {
    deployment = await seededDeployment("postgres", 1_500);
  }, 300_000);
  afterAll(async () => {
    await deployment?.remove();
  });

  it("keeps 100 concurrent mixed writes: none lost or doubled, each import run once, the audit chain intact", async () => {
    const run = await twoProcessRun(deployment, 100, 20);
    const { findings } = run;
    // Every write was answered, none with a server error; a refusal (a version another official moved on) is a
    // coded 4xx that must have left nothing behind.
    expect(run.outcomes.filter((o) => o.status === "no answer" || o.status >= 500).slice(0, 3)).toEqual([]);
    expect(findings.acknowledged.registration).toBeGreaterThan(0);
    expect(findings.acknowledged.transition).toBeGreaterThan(0);
    expect(findings.acknowledged.import).toBeGreaterThan(0);
    expect(findings.acknowledged.payment_result).toBeGreaterThan(0);
    expect(findings).toMatchObject({
      lost: [],
      duplicated: [],
      halfApplied: [],
      jobsNotOnce: [],
      auditOk: true,
    });

    // Everything both servers logged (one JSON line per request, start-up, warnings) holds none of the names,
    // NIK, KK or phone numbers the load carried.
    const personal = run.outcomes.flatMap((o) => o.personal);
    expect(personal.length).toBeGreaterThan(100);
    const log = run.logs.join("\n");
    expect(log.split("\n").length).toBeGreaterThan(100);
    expect(personalDataIn(log, personal)).toEqual([]);
  }, 600_000);
});

describe("the log scan", () => {
  it("finds a planted NIK, phone or name however it is written", () => {
    const values = ["6401054507880003", "081234567890", "Sulastri Wulandari"];
    const log = [
      '{"level":30,"reqId":"a","route":"/api/persons/:id","statusCode":200}',
      '{"level":50,"msg":"nik 6401.0545.0788.0003 refused"}',
      '{"level":40,"msg":"sms to 0812-3456-7890"}',
      '{"level":30,"msg":"SULASTRI WULANDARI registered"}',
    ].join("\n");
    expect(personalDataIn(log, values).map((h) => h.value)).toEqual(values);
    expect(personalDataIn(log.split("\n")[0] as string, values)).toEqual([]);
  });
});
