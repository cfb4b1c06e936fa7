import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { Role } from "../access/roles.ts";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { AMOUNT, type PaymentWorld, paymentWorld } from "./payments.fixture.ts";

/**
 * An agency's saved bank file layouts over HTTP: saved (and replaced by code) by its program manager, listed
 * after the built-in BRI layouts, used by id to write the bank file and to read the bank's result file, and
 * invisible to another agency, whose layout ids answer as absent. Every change leaves an audit entry.
 */
describeEachDatabase("saved bank file layouts", (salur) => {
  let app: FastifyInstance;
  let w: PaymentWorld;
  const as: Record<string, Session> = {};
  let batchId = "";
  let exportLayoutId = "";
  let resultLayoutId = "";
  let otherLayoutId = "";

  const account = async (name: string, role: Role, agencyId: string | null = null) => {
    const user = await createTestUser(salur(), { role, areaCode: "64.01", agencyId });
    as[name] = await signIn(app, user.username);
  };
  const call = (who: string, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { ...(as[who] as Session).headers(method), "accept-language": "en" },
      ...(payload ? { payload } : {}),
    });
  const auditCount = async (action: string, entityId: string) => {
    const [row] = await queryRows<{ n: number }>(
      salur().database.db,
      sql`select count(*)::int as n from audit_entries where action = ${action} and entity_id = ${entityId}`,
    );
    return row?.n ?? 0;
  };

  const reordered = {
    code: "bri-unit-paser",
    name: "BRI Unit Paser",
    delimiter: ",",
    columns: [
      { header: "Nomor Induk Kependudukan", field: "nik" },
      { header: "NO", field: "line_number" },
      { header: "NOMINAL", field: "amount" },
      { header: "NO_REFERENSI", field: "reference" },
    ],
  };
  const resultLayout = {
    code: "bri-unit-hasil",
    name: "Hasil BRI Unit",
    delimiter: ",",
    columns: [
      { header: "REF", field: "reference" },
      { header: "KET", field: "ignore" },
      { header: "JURNAL", field: "bank_reference" },
      { header: "HASIL", field: "outcome" },
      { header: "RP", field: "amount" },
      { header: "ALASAN", field: "reason" },
    ],
    outcomes: { paid: ["OK"], failed: ["TOLAK"], returned: ["KEMBALI"] },
  };

  beforeAll(async () => {
    app = await buildServer(salur());
    w = await paymentWorld(salur(), 3);
    await account("maker", "program_manager", w.agencyId);
    await account("checker", "program_manager", w.agencyId);
    await account("bank", "bank_operator", w.bankId);
    await account("otherManager", "program_manager", w.otherManager.actor.agencyId);
    await account("approver", "approver");
    const made = await call("maker", "POST", "/api/payment-batches", {
      decreeId: w.periodId,
      bankAgencyId: w.bankId,
      claimDeadline: "2026-12-31",
      split: "none",
    });
    const batch = made.json().items[0];
    batchId = batch.id;
    const approved = await call("checker", "POST", `/api/payment-batches/${batchId}/approve`, {
      version: batch.version,
      linesSha256: batch.linesSha256,
    });
    expect(approved.statusCode).toBe(200);
  });

  it("saves an agency's layouts, replaces one by its code, and audits each save", async () => {
    const created = await call("maker", "POST", "/api/payment-layouts", {
      kind: "export",
      layout: reordered,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: "export", code: reordered.code, builtIn: false });
    exportLayoutId = created.json().id;
    const renamed = { ...reordered, name: "BRI Unit Paser (baru)" };
    const replaced = await call("maker", "POST", "/api/payment-layouts", { kind: "export", layout: renamed });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ id: exportLayoutId, name: "BRI Unit Paser (baru)" });
    expect(await auditCount("payment.layout_save", exportLayoutId)).toBe(2);

    const result = await call("maker", "POST", "/api/payment-layouts", {
      kind: "result",
      layout: resultLayout,
    });
    expect(result.statusCode).toBe(201);
    resultLayoutId = result.json().id;
    const other = await call("otherManager", "POST", "/api/payment-layouts", {
      kind: "export",
      layout: { ...reordered, name: "Dinas lain" },
    });
    expect(other.statusCode).toBe(201);
    otherLayoutId = other.json().id;
  });

  it("refuses a save by a role that does not export, for another agency, or under a built-in code", async () => {
    const body = { kind: "export", layout: reordered };
    for (const who of ["bank", "approver"])
      expect((await call(who, "POST", "/api/payment-layouts", body)).statusCode, who).toBe(403);
    const foreign = await call("maker", "POST", "/api/payment-layouts", {
      ...body,
      agencyId: w.otherManager.actor.agencyId,
    });
    expect(foreign.statusCode).toBe(404);
    const reserved = await call("maker", "POST", "/api/payment-layouts", {
      kind: "export",
      layout: { ...reordered, code: "bri-burekol" },
    });
    expect(reserved.statusCode).toBe(409);
    expect(reserved.json().code).toBe("PAYMENT_LAYOUT_CODE_RESERVED");
    const empty = await call("maker", "POST", "/api/payment-layouts", {
      kind: "export",
      layout: { ...reordered, columns: [] },
    });
    expect(empty.statusCode).toBe(400);
  });

  it("lists the built-in BRI layouts first, then the caller's agency's own, never another agency's", async () => {
    const list = async (who: string, query = "") => {
      const res = await call(who, "GET", `/api/payment-layouts${query}`);
      expect(res.statusCode, who).toBe(200);
      return res.json().items as { id: string; code: string; kind: string; builtIn: boolean }[];
    };
    const mine = await list("maker");
    expect(mine.slice(0, 2).map((l) => [l.code, l.builtIn])).toEqual([
      ["bri-burekol", true],
      ["bri-hasil", true],
    ]);
    expect(mine.slice(2).map((l) => l.id)).toEqual([exportLayoutId, resultLayoutId]);
    expect((await list("maker", "?kind=result")).map((l) => l.code)).toEqual([
      "bri-hasil",
      resultLayout.code,
    ]);
    const theirs = (await list("otherManager")).map((l) => l.id);
    expect(theirs).toContain(otherLayoutId);
    expect(theirs).not.toContain(exportLayoutId);
    expect((await list("maker")).map((l) => l.id)).not.toContain(otherLayoutId);
    // The bank's operator reads the layouts of the agency whose batch it pays out, and only through that batch.
    expect((await list("bank")).every((l) => l.builtIn)).toBe(true);
    expect((await list("bank", `?kind=result&batchId=${batchId}`)).map((l) => l.id)).toContain(
      resultLayoutId,
    );
    const foreignBatch = await call("otherManager", "GET", `/api/payment-layouts?batchId=${batchId}`);
    expect(foreignBatch.statusCode).toBe(404);
  });

  it("writes the bank file in a saved layout, byte for byte the same each time", async () => {
    const url = `/api/payment-batches/${batchId}/export`;
    const first = await call("maker", "POST", url, { format: "csv", layoutId: exportLayoutId });
    expect(first.statusCode).toBe(200);
    const rows = first.body.split("\r\n").filter(Boolean);
    expect(rows[0]).toBe("Nomor Induk Kependudukan,NO,NOMINAL,NO_REFERENSI");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/^\d{16},1,600000,\d+$/);
    const again = await call("maker", "POST", url, { format: "csv", layoutId: exportLayoutId });
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(again.headers["x-content-sha256"]).toBe(first.headers["x-content-sha256"]);
    const builtIn = await call("maker", "POST", url, { format: "csv", layoutId: "builtin:bri-burekol" });
    expect(builtIn.body.split("\r\n")[0]).toBe(
      "NO;NIK;NAMA_REKENING;KODE_CABANG;NOMINAL;NO_REFERENSI;DESA;KECAMATAN;KETERANGAN",
    );
  });

  it("answers another agency's layout, a made-up id or a layout of the wrong kind as absent, in both languages", async () => {
    const url = `/api/payment-batches/${batchId}/export`;
    for (const id of [otherLayoutId, randomUUID(), resultLayoutId, "builtin:bri-hasil", "tidak-ada"]) {
      const res = await call("maker", "POST", url, { format: "csv", layoutId: id });
      expect(res.statusCode, id).toBe(404);
      expect(res.json()).toMatchObject({ code: "PAYMENT_LAYOUT_NOT_FOUND" });
      expect(res.json().message).toContain(id);
    }
    const indonesian = await app.inject({
      method: "POST",
      url,
      headers: { ...(as.maker as Session).headers("POST"), "accept-language": "id" },
      payload: { format: "csv", layoutId: otherLayoutId },
    });
    expect(indonesian.json().message).toContain("Tata letak berkas bank");
    const both = await call("maker", "POST", url, {
      format: "csv",
      layoutId: exportLayoutId,
      layout: reordered,
    });
    expect(both.statusCode).toBe(400);
  });

  it("reads the bank's result file in the agency's saved result layout", async () => {
    const exported = await call("maker", "POST", `/api/payment-batches/${batchId}/export`, { format: "csv" });
    const references = exported.body
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .map((r) => r.split(";")[5] as string);
    const csv = [
      "REF,KET,JURNAL,HASIL,RP,ALASAN",
      `${references[0]},catatan,J-1,OK,${AMOUNT},`,
      `${references[1]},,J-2,TOLAK,${AMOUNT},account_closed`,
      "",
    ].join("\r\n");
    const body = {
      fileName: "hasil-unit.csv",
      format: "csv",
      contentBase64: Buffer.from(csv).toString("base64"),
      layoutId: resultLayoutId,
    };
    const url = `/api/payment-batches/${batchId}/results`;
    const foreign = await call("bank", "POST", url, { ...body, layoutId: otherLayoutId });
    expect(foreign.statusCode).toBe(404);
    const applied = await call("bank", "POST", url, body);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ summary: { applied: 2, paid: 1, failed: 1, malformed: 0 } });
  });

  it("deletes a saved layout of the caller's agency only, keeps the built-in ones, and audits it", async () => {
    const url = (id: string) => `/api/payment-layouts/${id}`;
    expect((await call("otherManager", "DELETE", url(exportLayoutId))).statusCode).toBe(404);
    expect((await call("bank", "DELETE", url(exportLayoutId))).statusCode).toBe(403);
    expect((await call("maker", "DELETE", url(randomUUID()))).statusCode).toBe(404);
    expect((await call("maker", "DELETE", url("builtin:bri-burekol"))).statusCode).toBe(409);
    expect((await call("maker", "DELETE", url(exportLayoutId))).statusCode).toBe(204);
    expect(await auditCount("payment.layout_delete", exportLayoutId)).toBe(1);
    expect((await call("maker", "DELETE", url(exportLayoutId))).statusCode).toBe(404);
    const gone = await call("maker", "POST", `/api/payment-batches/${batchId}/export`, {
      format: "csv",
      layoutId: exportLayoutId,
    });
    expect(gone.statusCode).toBe(404);
  });
});
