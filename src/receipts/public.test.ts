import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { portalOf } from "../portal/portal.ts";
import { checkCodeOf } from "../portal/self-check.ts";
import { paidBatch } from "./receipts.fixture.ts";

const form = (fields: Record<string, string>) => ({
  headers: { "content-type": "application/x-www-form-urlencoded" },
  payload: new URLSearchParams(fields).toString(),
});

describeEachDatabase("recipient's report on the portal", (salur) => {
  let app: FastifyInstance;
  let nik: string;
  let code: string;

  beforeAll(async () => {
    const { batchId } = await paidBatch(salur(), 3);
    const [row] = await queryRows<{ id: string; nik_cipher: Uint8Array; nik_index: Uint8Array }>(
      salur().database.db,
      sql`select p.id, p.nik_cipher, p.nik_index from payment_lines l join persons p on p.id = l.person_id
        where l.batch_id = ${batchId} order by l.line_number limit 1`,
    );
    if (!row) throw new Error("no recipient");
    nik = salur().vault.open("nik", row.nik_cipher, row.nik_index);
    code = checkCodeOf(portalOf(salur(), { pollMs: 0 }), row.id);
    app = await buildServer(salur());
  });

  const selfCheck = () =>
    app.inject({
      method: "POST",
      url: "/publik/cek",
      remoteAddress: "10.9.0.1",
      ...form({ nik, kode: code }),
    });
  const tokenIn = (body: string) => /name="token" value="([^"]+)"/.exec(body)?.[1] ?? "";

  it("asks how much reached the hand after the self-check, and turns Rp550.000 of Rp600.000 into a sensitive complaint", async () => {
    const checked = await selfCheck();
    expect(checked.body).toContain("Berapa yang Anda terima di tangan?");
    expect(checked.body).toContain("Rp600.000");
    expect(checked.body).not.toContain(nik);
    const token = tokenIn(checked.body);
    expect(token).not.toBe("");

    const answered = await app.inject({
      method: "POST",
      url: "/publik/terima",
      ...form({ token, jawaban: "received_less", jumlah: "550.000", peminta: "", alasan: "" }),
    });
    expect(answered.statusCode).toBe(201);
    const tracking = /data-tracking-code>([0-9A-Z]+)</.exec(answered.body)?.[1];
    const [complaint] = await queryRows<{ sensitive: boolean; category: string }>(
      salur().database.db,
      sql`select sensitive, category from complaints where code = ${tracking ?? ""}`,
    );
    expect(complaint).toEqual({ sensitive: true, category: "deduction" });

    // The same payment cannot be reported twice, and the self-check now says it was answered.
    const again = await app.inject({
      method: "POST",
      url: "/publik/terima",
      ...form({ token, jawaban: "received_full" }),
    });
    expect(again.statusCode).toBe(409);
    expect((await selfCheck()).body).toContain("Sudah dijawab");
  });

  it("refuses a forged or altered token", async () => {
    const token = tokenIn(
      (
        await app.inject({
          method: "POST",
          url: "/publik/cek",
          remoteAddress: "10.9.0.2",
          ...form({ nik, kode: code }),
        })
      ).body,
    );
    const parts = token.split(".");
    const forged = [parts[0], "00000000-0000-4000-8000-000000000000", parts[2], parts[3]].join(".");
    const res = await app.inject({
      method: "POST",
      url: "/publik/terima",
      ...form({ token: forged, jawaban: "not_received" }),
    });
    expect(res.statusCode).toBe(410);
  });
});
