import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from "../access/demo-users.ts";
import { type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { seedDemo } from "../demo/seed.ts";
import { buildServer } from "../http/server.ts";
import { formatRupiahFigure } from "../money/words.ts";
import { approveBatch, exportBatch, paymentsOf, prepareBatches } from "../payments/index.ts";
import { AMOUNT, paymentWorld, resultCsv } from "../payments/payments.fixture.ts";
import { batchLines } from "../payments/reads.ts";
import { applyClaimDeadline, importResults } from "../payments/results.ts";
import { receiptsOf } from "../receipts/index.ts";
import { recordConfirmation } from "../receipts/service.ts";
import type { RecapView } from "./schemas.ts";

const LOLO = "64.01.05.2002";
const MONTH = "2026-11";

/**
 * The second code path the reports are checked against: raw rows read with their own SQL and summed here, and
 * the audit trail's own entries replayed. Written from the annex of methods, not from src/reports/store.ts.
 */
const VERIFIED = new Set([
  "verified",
  "validated",
  "selected",
  "published",
  "approved",
  "paid",
  "received",
  "objection_upheld",
  "payment_failed",
  "payment_returned",
]);
const PROPOSED = new Set([...VERIFIED].filter((s) => !["verified", "validated"].includes(s)));

interface Figures {
  [stage: string]: { count: number; amount: number };
}

describeEachDatabase("accountability reports", (salur) => {
  let app: FastifyInstance;
  const sessions = new Map<string, Session>();
  let batchId = "";

  beforeAll(async () => {
    await seedDemo(salur(), { persons: 1_500 });
    await ensureDemoUsers(salur());
    salur().access.demoMode = true;
    app = await buildServer(salur());
    for (const user of DEMO_USERS)
      sessions.set(user.username, await signIn(app, user.username, DEMO_PASSWORD));

    // A paid period on top of the demo: paid, failed, returned after credit, and unclaimed at the deadline.
    const p = paymentsOf(salur());
    const w = await paymentWorld(salur(), 9);
    const [prepared] = await prepareBatches(p, w.maker, {
      decreeId: w.periodId,
      bankAgencyId: w.bankId,
      claimDeadline: "2026-12-31",
      split: "none",
    });
    if (!prepared) throw new Error("no batch");
    batchId = prepared.id;
    const approved = await approveBatch(p, w.checker, batchId, {
      version: prepared.version,
      linesSha256: prepared.linesSha256,
    });
    expect(approved.status).toBe("approved");
    await exportBatch(p, w.maker, batchId, { format: "csv" });
    const lines = (await batchLines(p, w.bank, batchId, { page: 1, pageSize: 50 })).items;
    const outcome = (i: number) =>
      i < 4 ? ("paid" as const) : i < 6 ? ("failed" as const) : i === 6 ? ("returned" as const) : null;
    const results = lines.flatMap((line, i) => {
      const o = outcome(i);
      return o
        ? [
            {
              reference: line.reference,
              bankReference: `B${i}`,
              outcome: o,
              amount: AMOUNT,
              reason: i === 5 ? "account_dormant" : "name_mismatch",
            },
          ]
        : [];
    });
    // The returned line was credited first: a credit and its reversal.
    const credited = results.map((r) => (r.outcome === "returned" ? { ...r, outcome: "paid" as const } : r));
    await importResults(p, w.bank, batchId, {
      fileName: "r1.csv",
      format: "csv",
      bytes: resultCsv(credited),
    });
    const reversals = results
      .filter((r) => r.outcome === "returned")
      .map((r) => ({ ...r, bankReference: `R${r.bankReference}` }));
    await importResults(p, w.bank, batchId, {
      fileName: "r2.csv",
      format: "csv",
      bytes: resultCsv(reversals),
    });
    await applyClaimDeadline(p, w.maker, batchId, "2027-01-05");

    // What reached the hands: one in full, one Rp50.000 short, one refusal (no confirmation).
    const r = receiptsOf(salur());
    const answers = [
      { answer: "received_full" },
      { answer: "received_less", receivedAmount: AMOUNT - 50_000 },
      { answer: "refused" },
    ] as const;
    for (const [i, answer] of answers.entries()) {
      const line = lines[i];
      if (!line) throw new Error("no line");
      await salur().database.db.transaction((tx) =>
        recordConfirmation(r, tx, null, { lineId: line.id, channel: "portal", ...answer }),
      );
    }
  }, 240_000);

  const get = (username: string, url: string) =>
    app.inject({ method: "GET", url, headers: sessions.get(username)?.headers() ?? {} });

  /** Every stage of the month's applications, summed per kecamatan from raw rows. */
  type Independent = Figures & { failed: Figures[string]; returned: Figures[string]; confirmedPaid: number };
  async function independentByDistrict(): Promise<Map<string, Independent>> {
    const db = salur().database.db;
    const apps = await queryRows<{
      id: string;
      status: string;
      district_code: string;
      rate: string | number;
    }>(
      db,
      sql`select e.id, e.status, e.district_code, pr.amount_per_recipient as rate
          from enrollments e, programs pr, periods pe
          where pr.id = e.program_id and pe.id = e.period_id
            and pe.starts_on <= '2026-11-30' and pe.ends_on >= '2026-11-01'`,
    );
    const ranked = new Set(
      (await queryRows<{ enrollment_id: string }>(db, sql`select enrollment_id from selection_results`)).map(
        (r) => r.enrollment_id,
      ),
    );
    const decreed = new Map<string, number>();
    for (const r of await queryRows<{ enrollment_id: string; amount: string | number; status: string }>(
      db,
      sql`select dl.enrollment_id, dl.amount, d.status from decree_lines dl, decrees d where d.id = dl.decree_id`,
    ))
      if (r.status === "approved")
        decreed.set(r.enrollment_id, (decreed.get(r.enrollment_id) ?? 0) + Number(r.amount));
    const lines = await queryRows<{
      enrollment_id: string;
      status: string;
      amount: string | number;
      paid_on: string | null;
      deadline_applied_at: string | null;
    }>(
      db,
      sql`select l.enrollment_id, l.status, l.amount, l.paid_on, b.deadline_applied_at
          from payment_lines l, payment_batches b where b.id = l.batch_id`,
    );
    // Receipts: independent channels only, refusals are no confirmation, the sample's answer before the portal's.
    const answered = new Map<string, { channel: string; received: number; paid: number }>();
    for (const c of await queryRows<{
      line_id: string;
      channel: string;
      answer: string;
      received_amount: string | number | null;
      paid_amount: string | number;
    }>(db, sql`select line_id, channel, answer, received_amount, paid_amount from receipt_confirmations`)) {
      if (c.channel === "officer" || c.answer === "refused") continue;
      if (answered.get(c.line_id)?.channel === "verification") continue;
      answered.set(c.line_id, {
        channel: c.channel,
        received: Number(c.received_amount ?? 0),
        paid: Number(c.paid_amount),
      });
    }
    const lineOwner = new Map(
      (
        await queryRows<{ id: string; enrollment_id: string }>(
          db,
          sql`select id, enrollment_id from payment_lines`,
        )
      ).map((l) => [l.id, l.enrollment_id]),
    );
    const confirmedOf = new Map<string, { received: number; paid: number }>();
    for (const [lineId, a] of answered) {
      const owner = lineOwner.get(lineId) as string;
      const cur = confirmedOf.get(owner) ?? { received: 0, paid: 0 };
      confirmedOf.set(owner, { received: cur.received + a.received, paid: cur.paid + a.paid });
    }
    const byApp = new Map<string, typeof lines>();
    for (const l of lines) byApp.set(l.enrollment_id, [...(byApp.get(l.enrollment_id) ?? []), l]);
    const out = new Map<string, Independent>();
    const bump = (f: Figures, stage: string, amount: number) => {
      const cur = f[stage] ?? { count: 0, amount: 0 };
      f[stage] = { count: cur.count + 1, amount: cur.amount + amount };
    };
    for (const a of apps) {
      const f =
        out.get(a.district_code) ??
        ({
          failed: { count: 0, amount: 0 },
          returned: { count: 0, amount: 0 },
          confirmedPaid: 0,
        } as Independent);
      for (const stage of [
        "registered",
        "verified",
        "ranked",
        "proposed",
        "decreed",
        "paid",
        "collected",
        "confirmed",
      ])
        f[stage] ??= { count: 0, amount: 0 };
      const rate = Number(a.rate);
      if (a.status !== "draft") bump(f, "registered", rate);
      if (VERIFIED.has(a.status)) bump(f, "verified", rate);
      if (ranked.has(a.id)) bump(f, "ranked", rate);
      if (PROPOSED.has(a.status)) bump(f, "proposed", rate);
      if (decreed.has(a.id)) bump(f, "decreed", decreed.get(a.id) ?? 0);
      const own = byApp.get(a.id) ?? [];
      const paid = own.filter((l) => l.status === "paid" || (l.status === "returned" && l.paid_on !== null));
      if (paid.length > 0)
        bump(
          f,
          "paid",
          paid.reduce((s, l) => s + Number(l.amount), 0),
        );
      const collected = own.filter((l) => l.status === "paid" && l.deadline_applied_at !== null);
      if (collected.length > 0)
        bump(
          f,
          "collected",
          collected.reduce((s, l) => s + Number(l.amount), 0),
        );
      const confirmed = confirmedOf.get(a.id);
      if (confirmed) {
        bump(f, "confirmed", confirmed.received);
        f.confirmedPaid += confirmed.paid;
      }
      for (const l of own) {
        if (l.status === "failed")
          f.failed = { count: f.failed.count + 1, amount: f.failed.amount + Number(l.amount) };
        if (l.status === "returned")
          f.returned = { count: f.returned.count + 1, amount: f.returned.amount + Number(l.amount) };
      }
      out.set(a.district_code, f);
    }
    return out;
  }

  it("gives the same figures to the rupiah as raw rows summed separately and the audit trail replayed", async () => {
    const res = await get("inspektorat", `/api/reports/recap?dimension=district&month=${MONTH}`);
    expect(res.statusCode, res.body).toBe(200);
    const recap = res.json() as RecapView;
    const expected = await independentByDistrict();
    expect(recap.rows.map((r) => r.key).sort()).toEqual([...expected.keys()].sort());
    for (const row of recap.rows) {
      const want = expected.get(row.key);
      expect(
        { ...row.stages, failed: row.failed, returned: row.returned, confirmedPaid: row.confirmedPaid },
        row.key,
      ).toEqual(want);
    }
    // Two answers count (the refusal does not): leakage 1 − (Rp1.150.000 / Rp1.200.000).
    expect(recap.total.stages.confirmed).toEqual({ count: 2, amount: 2 * AMOUNT - 50_000 });
    expect(recap.total.confirmedPaid).toBe(2 * AMOUNT);
    // Five credits, one of them reversed later; the four left are collected once the deadline was applied.
    expect(recap.total.stages.paid).toEqual({ count: 5, amount: 5 * AMOUNT });
    expect(recap.total.stages.collected).toEqual({ count: 4, amount: 4 * AMOUNT });
    expect(recap.total.failed).toEqual({ count: 2, amount: 2 * AMOUNT });
    expect(recap.total.returned).toEqual({ count: 3, amount: 3 * AMOUNT });

    // The trail, replayed: each credit, failure and return is a workflow step of its application, and each
    // decree in force carries its annex total in its draft entry.
    const db = salur().database.db;
    const steps = await queryRows<{ action: string; n: number }>(
      db,
      sql`select action, count(*)::int as n from audit_entries
          where action in ('enrollment.record_payment', 'enrollment.record_payment_failure', 'enrollment.record_payment_return')
          group by action`,
    );
    const step = (a: string) => Number(steps.find((s) => s.action === a)?.n ?? 0);
    expect(step("enrollment.record_payment")).toBe(recap.total.stages.paid?.count);
    // A line unclaimed at the deadline is a failure step of its application and a returned line of the bank;
    // a credit reversed later is a return step.
    expect(step("enrollment.record_payment_failure") + step("enrollment.record_payment_return")).toBe(
      recap.total.failed.count + recap.total.returned.count,
    );
    expect(step("enrollment.record_payment_return")).toBe(
      (recap.total.stages.paid?.count ?? 0) - (recap.total.stages.collected?.count ?? 0),
    );
    const entries = await queryRows<{
      action: string;
      entity_id: string;
      after: Record<string, unknown> | null;
    }>(db, sql`select action, entity_id, after from audit_entries where entity = 'decree' order by seq`);
    const inForce = new Set<string>();
    for (const e of entries) {
      if (e.action === "decree.approve") inForce.add(e.entity_id);
      if (e.action === "decree.revoke" || e.action === "decree.amend") inForce.delete(e.entity_id);
    }
    const drafts = entries.filter((e) => e.action === "decree.draft" && inForce.has(e.entity_id));
    expect(drafts.reduce((s, e) => s + Number(e.after?.totalAmount ?? 0), 0)).toBe(
      recap.total.stages.decreed?.amount,
    );
    expect(drafts.reduce((s, e) => s + Number(e.after?.lineCount ?? 0), 0)).toBe(
      recap.total.stages.decreed?.count,
    );
    expect(recap.total.stages.decreed?.count ?? 0).toBeGreaterThan(0);
  });

  it("renders the monthly pack as PDF and XLSX, cut at a checkpoint, with its hashes in the audit trail", async () => {
    const made = await app.inject({
      method: "POST",
      url: "/api/reports/packs",
      headers: sessions.get("inspektorat")?.headers("POST") ?? {},
      payload: { kind: "monthly", month: MONTH },
    });
    expect(made.statusCode, made.body).toBe(201);
    const pack = made.json() as { id: string; checkpointId: number; pdfSha256: string; xlsxSha256: string };
    const pdf = await get("inspektorat", `/api/reports/packs/${pack.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(createHash("sha256").update(pdf.rawPayload).digest("hex")).toBe(pack.pdfSha256);
    const dir = mkdtempSync(join(tmpdir(), "salur-pack-"));
    writeFileSync(join(dir, "p.pdf"), pdf.rawPayload);
    const text = execFileSync("pdftotext", ["-layout", join(dir, "p.pdf"), "-"]).toString();
    expect(text).toContain("Laporan Penyaluran Bantuan Sosial — November 2026");
    expect(text).toContain(`checkpoint audit #${pack.checkpointId}`);
    expect(text).toContain("reports.pipeline_by_area.v1");
    expect(text).toContain("Rekap per Desa");
    expect(text).toContain("Lampiran Metode");
    // The summary's pipeline chart prints its figures as text after each bar.
    expect(text).toContain("Grafik alur penyaluran / Pipeline chart");
    expect(text).toContain(`5 · ${formatRupiahFigure(5 * AMOUNT)}`);
    // Confirmed: two recipients answered, Rp1.150.000 in their hands of Rp1.200.000 paid (4,2 % leakage).
    expect(text).toContain(`2 · ${formatRupiahFigure(2 * AMOUNT - 50_000)}`);
    expect(text).toMatch(/Kebocoran \/ Leakage\s+Rp50\.000\s+4,2 %/);
    expect(execFileSync("pdffonts", [join(dir, "p.pdf")]).toString()).toContain("DejaVuSansCondensed");

    const xlsx = await get("inspektorat", `/api/reports/packs/${pack.id}/xlsx`);
    expect(createHash("sha256").update(xlsx.rawPayload).digest("hex")).toBe(pack.xlsxSha256);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Sampul",
      "Ringkasan",
      "Kecamatan",
      "Desa",
      "Program",
      "Metode",
    ]);
    const summary = book.getWorksheet("Ringkasan");
    const paidRow = summary
      ?.getRows(1, summary.rowCount)
      ?.find((r) => String(r.getCell(1).value).startsWith("Dibayar"));
    expect(paidRow?.getCell(2).value).toBe(5);
    expect(paidRow?.getCell(3).value).toBe(5 * AMOUNT);

    const [entry] = await queryRows<{ after: Record<string, unknown>; actor_name: string }>(
      salur().database.db,
      sql`select after, actor_name from audit_entries where action = 'report.pack_generated' and entity_id = ${pack.id}`,
    );
    expect(entry?.after).toMatchObject({
      pdfSha256: pack.pdfSha256,
      xlsxSha256: pack.xlsxSha256,
      checkpointId: pack.checkpointId,
    });
    const [downloads] = await queryRows<{ n: number }>(
      salur().database.db,
      sql`select count(*)::int as n from audit_entries where action = 'report.pack_download' and entity_id = ${pack.id}`,
    );
    expect(downloads?.n).toBe(2);
    // Another kecamatan's official does not reach a regency pack.
    expect((await get("kecamatan.kuaro", `/api/reports/packs/${pack.id}/pdf`)).statusCode).toBe(404);
  });

  it("renders a per-batch pack over that batch's lines only, and refuses a batch that does not exist", async () => {
    const post = (payload: object) =>
      app.inject({
        method: "POST",
        url: "/api/reports/packs",
        headers: sessions.get("inspektorat")?.headers("POST") ?? {},
        payload,
      });
    const made = await post({ kind: "batch", batchId });
    expect(made.statusCode, made.body).toBe(201);
    const pack = made.json() as { id: string; kind: string; pdfSha256: string; xlsxSha256: string };
    expect(pack.kind).toBe("batch");
    const xlsx = await get("inspektorat", `/api/reports/packs/${pack.id}/xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const summary = book.getWorksheet("Ringkasan");
    const row = (label: string) =>
      summary?.getRows(1, summary.rowCount)?.find((r) => String(r.getCell(1).value).startsWith(label));
    expect(row("Terdaftar")?.getCell(2).value).toBe(9);
    expect(row("Dibayar")?.getCell(3).value).toBe(5 * AMOUNT);
    expect((await post({ kind: "batch", batchId: "00000000-0000-4000-8000-000000000000" })).statusCode).toBe(
      404,
    );
    const [entry] = await queryRows<{ after: Record<string, unknown> }>(
      salur().database.db,
      sql`select after from audit_entries where action = 'report.pack_generated' and entity_id = ${pack.id}`,
    );
    expect(entry?.after).toMatchObject({
      kind: "batch",
      batchId,
      pdfSha256: pack.pdfSha256,
      xlsxSha256: pack.xlsxSha256,
    });
    // Another agency's program manager does not learn the batch exists; a desa operator may not generate packs.
    const as = (username: string) =>
      app.inject({
        method: "POST",
        url: "/api/reports/packs",
        headers: sessions.get(username)?.headers("POST") ?? {},
        payload: { kind: "batch", batchId },
      });
    expect((await as("diskopukm")).statusCode).toBe(404);
    expect((await as("operator.lolo")).statusCode).toBe(403);
    expect((await post({ kind: "batch", batchId: "not-a-batch" })).statusCode).toBe(400);
  });

  it("gives Desa Lolo's operator only Lolo's people, records the download, and refuses other areas", async () => {
    const res = await get("operator.lolo", "/api/reports/area-export");
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Penerima");
    const rows = (sheet?.getRows(2, (sheet?.rowCount ?? 1) - 1) ?? []).map((r) => ({
      nik: String(r.getCell(2).value ?? ""),
      village: String(r.getCell(5).value),
    }));
    const [expected] = await queryRows<{ n: number }>(
      salur().database.db,
      sql`select count(*)::int as n from enrollments where village_code = ${LOLO} and status <> 'draft'`,
    );
    expect(rows.length).toBe(expected?.n);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.village === LOLO)).toBe(true);
    // The village operator reads masked NIKs unless asking for the full ones.
    expect(rows.filter((r) => r.nik).every((r) => /^\d{6}\*{6}\d{4}$/.test(r.nik))).toBe(true);
    const [audited] = await queryRows<{ n: number }>(
      salur().database.db,
      sql`select count(*)::int as n from audit_entries
          where action = 'report.area_export' and actor_name = 'Operator Desa Lolo' and area = ${LOLO}`,
    );
    expect(audited?.n).toBe(1);

    const full = await get("operator.lolo", "/api/reports/area-export?identity=full");
    expect(full.statusCode).toBe(200);
    expect((await get("operator.janju", `/api/reports/area-export?areaCode=${LOLO}`)).statusCode).toBe(403);
    expect((await get("operator.lolo", "/api/reports/area-export?areaCode=64.01.04.2002")).statusCode).toBe(
      403,
    );
    expect((await get("pendata.lolo", "/api/reports/area-export")).statusCode).toBe(403);
    expect((await get("kecamatan.kuaro", `/api/reports/area-export?areaCode=${LOLO}`)).statusCode).toBe(200);
  });

  it("queues last month's regency pack once through the job queue", async () => {
    const { scheduleMonthlyPack } = await import("./job.ts");
    const { jobRunnerFor } = await import("../jobs/index.ts");
    const id = await scheduleMonthlyPack(salur(), new Date("2027-01-02T01:00:00Z"));
    expect(id).not.toBeNull();
    const done = await jobRunnerFor(salur().database).wait(id ?? "");
    expect(done.state, JSON.stringify(done.error)).toBe("succeeded");
    expect(await scheduleMonthlyPack(salur(), new Date("2027-01-03T01:00:00Z"))).toBeNull();
    const [pack] = await queryRows<{ n: number }>(
      salur().database.db,
      sql`select count(*)::int as n from report_packs where kind = 'monthly' and month = '2026-12' and area_code = '64.01'`,
    );
    expect(pack?.n).toBe(1);
  });
});
