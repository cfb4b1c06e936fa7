import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { Role } from "../access/roles.ts";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { AMOUNT, type PaymentWorld, paymentWorld, resultCsv } from "./payments.fixture.ts";

/**
 * Insiders over HTTP: signed-in officials who may use the payment routes for their own agency, bank or area
 * try another desa's list, another agency's or another bank's batch, a role they do not hold, and guessed or
 * replayed batch and line ids. Each is refused (403 for the role, 404 for a record they may not see, 409 for a
 * replay) and nothing changes.
 */
describeEachDatabase("payment routes against insiders", (salur) => {
  let app: FastifyInstance;
  let w: PaymentWorld;
  const as: Record<string, Session> = {};
  let batchId = "";
  let version = 0;
  let linesSha256 = "";
  let references: string[] = [];
  let lineIds: string[] = [];

  const account = async (name: string, role: Role, areaCode: string, agencyId: string | null = null) => {
    const user = await createTestUser(salur(), { role, areaCode, agencyId });
    as[name] = await signIn(app, user.username);
  };
  const call = (who: string, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: (as[who] as Session).headers(method),
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    app = await buildServer(salur());
    w = await paymentWorld(salur(), 6);
    await account("maker", "program_manager", "64.01", w.agencyId);
    await account("checker", "program_manager", "64.01", w.agencyId);
    await account("bank", "bank_operator", "64.01", w.bankId);
    await account("otherBank", "bank_operator", "64.01", w.otherBank.actor.agencyId);
    await account("otherManager", "program_manager", "64.01", w.otherManager.actor.agencyId);
    await account("lolo", "village_operator", "64.01.05.2002");
    await account("janju", "village_operator", "64.01.04.2002");
    await account("enumerator", "enumerator", "64.01.05.2002");
    await account("approver", "approver", "64.01");
  });

  it("refuses to prepare a batch from another agency's decree or for a role without the duty", async () => {
    const input = {
      decreeId: w.periodId,
      bankAgencyId: w.bankId,
      claimDeadline: "2026-12-31",
      split: "none",
    };
    for (const who of ["enumerator", "lolo", "bank", "approver"])
      expect((await call(who, "POST", "/api/payment-batches", input)).statusCode, who).toBe(403);
    const other = await call("otherManager", "POST", "/api/payment-batches", input);
    expect([403, 404]).toContain(other.statusCode);
    const made = await call("maker", "POST", "/api/payment-batches", input);
    expect(made.statusCode).toBe(201);
    const batch = made.json().items[0];
    batchId = batch.id;
    version = batch.version;
    linesSha256 = batch.linesSha256;
  });

  it("hides the batch from another agency's manager and another bank, and answers a guessed id as absent", async () => {
    for (const url of [
      `/api/payment-batches/${batchId}`,
      `/api/payment-batches/${batchId}/lines`,
      `/api/payments/reconciliation?batchId=${batchId}`,
    ]) {
      expect((await call("otherManager", "GET", url)).statusCode, url).toBe(404);
      expect((await call("otherBank", "GET", url)).statusCode, url).toBe(404);
      expect((await call("maker", "GET", url)).statusCode, url).toBe(200);
    }
    for (const guess of [randomUUID(), `${batchId.slice(0, -1)}${batchId.endsWith("0") ? "1" : "0"}`])
      expect((await call("maker", "GET", `/api/payment-batches/${guess}`)).statusCode, guess).toBe(404);
    expect((await call("maker", "GET", "/api/payment-batches/1")).statusCode).toBe(400);
    const listed = (who: string) =>
      call(who, "GET", "/api/payment-batches").then((r) => r.json().items.map((b: { id: string }) => b.id));
    expect(await listed("otherManager")).not.toContain(batchId);
    expect(await listed("otherBank")).not.toContain(batchId);
    expect(await listed("bank")).toContain(batchId);
    const summary = await call("otherManager", "GET", "/api/payments/reconciliation?by=village");
    expect(summary.json().batches).toBe(0);
    expect((await call("enumerator", "GET", `/api/payment-batches/${batchId}`)).statusCode).toBe(403);
  });

  it("refuses another agency's approval, the maker's own, and a replayed approval", async () => {
    const body = { version, linesSha256 };
    const url = `/api/payment-batches/${batchId}/approve`;
    expect((await call("otherManager", "POST", url, body)).statusCode).toBe(404);
    expect((await call("bank", "POST", url, body)).statusCode).toBe(403);
    expect((await call("maker", "POST", url, body)).statusCode).toBe(403);
    expect((await call("checker", "POST", url, body)).statusCode).toBe(200);
    expect((await call("approver", "POST", url, body)).statusCode).toBe(409);
  });

  it("lets only the agency export, and only the batch's bank apply results, once", async () => {
    const exportUrl = `/api/payment-batches/${batchId}/export`;
    expect((await call("otherManager", "POST", exportUrl, { format: "csv" })).statusCode).toBe(404);
    expect((await call("bank", "POST", exportUrl, { format: "csv" })).statusCode).toBe(403);
    const file = await call("maker", "POST", exportUrl, { format: "csv" });
    expect(file.statusCode).toBe(200);
    references = file.body
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .map((r) => r.split(";")[5] as string);
    expect(references).toHaveLength(6);
    const lines = await call("maker", "GET", `/api/payment-batches/${batchId}/lines`);
    lineIds = lines.json().items.map((l: { id: string }) => l.id);

    const results = resultCsv([
      { reference: references[0] as string, bankReference: "C1", outcome: "paid", amount: AMOUNT },
      {
        reference: references[1] as string,
        bankReference: "F1",
        outcome: "failed",
        amount: AMOUNT,
        reason: "account_dormant",
      },
    ]);
    const body = { fileName: "hasil.csv", format: "csv", contentBase64: results.toString("base64") };
    const url = `/api/payment-batches/${batchId}/results`;
    expect((await call("otherBank", "POST", url, body)).statusCode).toBe(404);
    expect((await call("maker", "POST", url, body)).statusCode).toBe(403);
    expect(
      (await call("bank", "POST", `/api/payment-batches/${randomUUID()}/results`, body)).statusCode,
    ).toBe(404);
    const first = await call("bank", "POST", url, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ alreadyReceived: false, summary: { paid: 1, failed: 1 } });
    const replay = await call("bank", "POST", url, body);
    expect(replay.json()).toMatchObject({ alreadyReceived: true });
    const rec = await call("maker", "GET", `/api/payments/reconciliation?batchId=${batchId}`);
    expect(rec.json().total).toMatchObject({ paidCount: 1, failedCount: 1, balanced: true });
  });

  it("refuses a line's resolution from another agency, for a guessed line id, and a replayed one", async () => {
    const failed = lineIds[1] as string;
    const body = { action: "reissue", version: 0, reason: "rekening sudah diperbaiki" };
    const lines = await call("maker", "GET", `/api/payment-batches/${batchId}/lines?status=failed`);
    body.version = lines.json().items[0].version;
    const url = `/api/payment-lines/${failed}/resolution`;
    expect((await call("otherManager", "POST", url, body)).statusCode).toBe(404);
    expect((await call("bank", "POST", url, body)).statusCode).toBe(403);
    expect(
      (await call("maker", "POST", `/api/payment-lines/${randomUUID()}/resolution`, body)).statusCode,
    ).toBe(404);
    // A paid line is not the failed one: resolving it is refused.
    const paid = lines.json().items[0].id === lineIds[0] ? (lineIds[1] as string) : (lineIds[0] as string);
    expect(
      (await call("maker", "POST", `/api/payment-lines/${paid}/resolution`, body)).statusCode,
    ).toBeGreaterThanOrEqual(400);
    expect((await call("maker", "POST", url, body)).statusCode).toBe(200);
    expect((await call("maker", "POST", url, body)).statusCode).toBe(409);
  });

  it("shows each desa only its own uncollected recipients, and another agency's manager none of them", async () => {
    const names = async (who: string) => {
      const res = await call(who, "GET", "/api/payments/uncollected?pageSize=500");
      expect(res.statusCode, who).toBe(200);
      return res.json().items as { villageCode: string; reference: string }[];
    };
    const ours = (items: { villageCode: string; reference: string }[]) =>
      items.filter((i) => references.includes(i.reference));
    const open = ours(await names("maker"));
    expect(open.length).toBeGreaterThan(0);
    const refsIn = (items: { villageCode: string; reference: string }[], village: string) =>
      items
        .filter((i) => i.villageCode === village)
        .map((i) => i.reference)
        .sort();
    for (const [who, village] of [
      ["lolo", "64.01.05.2002"],
      ["janju", "64.01.04.2002"],
    ] as const) {
      const seen = ours(await names(who));
      expect(seen.every((i) => i.villageCode === village)).toBe(true);
      expect(refsIn(seen, village)).toEqual(refsIn(open, village));
    }
    expect(ours(await names("otherManager"))).toEqual([]);
    expect((await call("bank", "GET", "/api/payments/uncollected")).statusCode).toBe(403);
    expect((await call("enumerator", "GET", "/api/payments/uncollected")).statusCode).toBe(403);
  });
});
