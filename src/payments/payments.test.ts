import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { approveBatch, exportBatch, prepareBatches, resolveLine } from "./batches.ts";
import { type Payments, paymentsOf } from "./context.ts";
import { AMOUNT, type PaymentWorld, paymentWorld, resultCsv } from "./payments.fixture.ts";
import { batchLines, coverLetter, reconciliation, uncollectedInArea } from "./reads.ts";
import { applyClaimDeadline, importResults } from "./results.ts";
import type { BatchRow } from "./store.ts";

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, status: error.status };
    throw error;
  }
  return null;
};

describeEachDatabase("payment batches", (salur) => {
  let p: Payments;
  let w: PaymentWorld;
  let batch: BatchRow;
  beforeAll(async () => {
    p = paymentsOf(salur());
    w = await paymentWorld(salur(), 12);
  });

  const prepare = () =>
    prepareBatches(p, w.maker, {
      decreeId: w.periodId,
      bankAgencyId: w.bankId,
      claimDeadline: "2026-12-31",
      split: "none",
    });

  it("prepares one batch of every decreed recipient with count, total, hash and check-digit references", async () => {
    const [made] = await prepare();
    if (!made) throw new Error("no batch");
    batch = made;
    expect(batch).toMatchObject({ status: "prepared", lineCount: 12, totalAmount: 12 * AMOUNT });
    expect(batch.linesSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await refusal(prepare())).toEqual({ code: "PAYMENT_NOTHING_TO_PAY", status: 409 });
  });

  it("refuses the maker's own approval, another agency's manager, and a replayed approval", async () => {
    const input = { version: batch.version, linesSha256: batch.linesSha256 };
    expect(await refusal(approveBatch(p, w.maker, batch.id, input))).toEqual({
      code: "MAKER_CHECKER_CONFLICT",
      status: 403,
    });
    expect(await refusal(approveBatch(p, w.otherManager, batch.id, input))).toEqual({
      code: "PAYMENT_BATCH_NOT_FOUND",
      status: 404,
    });
    expect(
      await refusal(approveBatch(p, w.checker, batch.id, { ...input, linesSha256: "0".repeat(64) })),
    ).toMatchObject({ code: "PAYMENT_BATCH_HASH_MISMATCH" });
    batch = await approveBatch(p, w.checker, batch.id, input);
    expect(batch.status).toBe("approved");
    expect(await refusal(approveBatch(p, w.checker, batch.id, input))).toEqual({
      code: "PAYMENT_BATCH_NOT_PREPARED",
      status: 409,
    });
  });

  it("exports the same bytes every time, CSV and XLSX, with full NIKs for the entitled manager", async () => {
    const first = await exportBatch(p, w.maker, batch.id, { format: "csv" });
    const again = await exportBatch(p, w.maker, batch.id, { format: "csv" });
    expect(again.sha256).toBe(first.sha256);
    expect(first.nikFull).toBe(true);
    const text = first.bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toBe(
      "NO;NIK;NAMA_REKENING;KODE_CABANG;NOMINAL;NO_REFERENSI;DESA;KECAMATAN;KETERANGAN",
    );
    expect(text).toMatch(/;64010[54](0[1-9]|[12]\d)(0[1-9]|1[0-2])80\d{4};/);
    const x1 = await exportBatch(p, w.maker, batch.id, { format: "xlsx" });
    const x2 = await exportBatch(p, w.maker, batch.id, { format: "xlsx" });
    expect(Buffer.compare(x1.bytes, x2.bytes)).toBe(0);
    const [audits] = await queryRows<{ n: number }>(
      p.db,
      sql`select count(*)::int as n from audit_entries where action = 'payment.batch_export' and entity_id = ${batch.id}`,
    );
    expect(audits?.n).toBe(4);
    batch = first.batch;
    expect(batch.status).toBe("exported");
  });

  it("prints a cover letter with the count, the total in words and the file hash", async () => {
    const pdf = await coverLetter(p, w.bank, batch.id);
    const dir = mkdtempSync(join(tmpdir(), "salur-cover-"));
    writeFileSync(join(dir, "c.pdf"), pdf);
    const text = execFileSync("pdftotext", ["-layout", join(dir, "c.pdf"), "-"])
      .toString()
      .replace(/\s+/g, " ");
    expect(text).toContain("12 orang");
    expect(text).toContain("Rp7.200.000");
    expect(text).toContain("tujuh juta dua ratus ribu rupiah");
    expect(text).toContain(batch.exportSha256 ?? "none");
    expect(execFileSync("pdffonts", [join(dir, "c.pdf")]).toString()).toContain("DejaVuSansCondensed");
  });

  it("refuses results from the exporter and from a bank operator of another bank", async () => {
    const file = { fileName: "x.csv", format: "csv" as const, bytes: resultCsv([]) };
    expect(await refusal(importResults(p, w.maker, batch.id, file))).toEqual({
      code: "MAKER_CHECKER_CONFLICT",
      status: 403,
    });
    expect(await refusal(importResults(p, w.otherBank, batch.id, file))).toEqual({
      code: "PAYMENT_BATCH_NOT_FOUND",
      status: 404,
    });
  });

  let failedLineId = "";
  it("applies paid, failed and returned lines once, refuses what does not fit, and a replay changes nothing", async () => {
    const lines = (await batchLines(p, w.bank, batch.id, { page: 1, pageSize: 50 })).items;
    const [a, b, c, d] = lines as [
      (typeof lines)[0],
      (typeof lines)[0],
      (typeof lines)[0],
      (typeof lines)[0],
    ];
    const bytes = resultCsv([
      { reference: a.reference, bankReference: "B1", outcome: "paid", amount: AMOUNT },
      {
        reference: b.reference,
        bankReference: "B2",
        outcome: "failed",
        amount: AMOUNT,
        reason: "name_mismatch",
      },
      { reference: c.reference, bankReference: "B3", outcome: "paid", amount: AMOUNT },
      { reference: c.reference, bankReference: "B3R", outcome: "returned", amount: AMOUNT },
      { reference: d.reference, bankReference: "B4", outcome: "returned", amount: AMOUNT },
      { reference: d.reference, bankReference: "B5", outcome: "paid", amount: AMOUNT - 1 },
      { reference: "000000000000", bankReference: "B6", outcome: "paid", amount: AMOUNT },
      { reference: a.reference, bankReference: "B7", outcome: "paid", amount: AMOUNT },
    ]);
    const out = await importResults(p, w.bank, batch.id, { fileName: "hasil-1.csv", format: "csv", bytes });
    expect(out.summary).toMatchObject({ applied: 4, paid: 2, failed: 1, returned: 1, held: 1, refused: 3 });
    expect(out.refusals.map((r) => r.code).sort()).toEqual([
      "PAYMENT_ALREADY_PAID",
      "PAYMENT_AMOUNT_MISMATCH",
      "PAYMENT_REFERENCE_NOT_IN_BATCH",
      "PAYMENT_REVERSAL_WITHOUT_CREDIT",
    ]);
    const replay = await importResults(p, w.bank, batch.id, {
      fileName: "hasil-1-lagi.csv",
      format: "csv",
      bytes,
    });
    expect(replay.alreadyReceived).toBe(true);
    const rec = await reconciliation(p, w.checker, { batchId: batch.id, by: "batch" });
    expect(rec.total).toMatchObject({
      issuedAmount: 12 * AMOUNT,
      paidAmount: AMOUNT,
      failedAmount: AMOUNT,
      returnedAmount: AMOUNT,
      pendingAmount: 9 * AMOUNT,
      balanced: true,
    });
    expect(rec.differences.length).toBe(4);
    const [states] = await queryRows<{ paid: number; failed: number; returned: number }>(
      p.db,
      sql`select count(*) filter (where status = 'paid')::int as paid, count(*) filter (where status = 'payment_failed')::int as failed,
            count(*) filter (where status = 'payment_returned')::int as returned from enrollments where period_id = ${w.periodId}`,
    );
    expect(states).toEqual({ paid: 1, failed: 1, returned: 1 });
    failedLineId = b.id;
  });

  it("re-issues a failed line in a second batch, pays it there, and never issues it twice", async () => {
    const line = (await batchLines(p, w.maker, batch.id, { status: "failed", page: 1, pageSize: 5 }))
      .items[0];
    if (!line) throw new Error("no failed line");
    await resolveLine(p, w.maker, failedLineId, {
      action: "reissue",
      version: line.version,
      reason: "nama diperbaiki sesuai KTP",
    });
    expect(
      await refusal(
        resolveLine(p, w.maker, failedLineId, {
          action: "cancel",
          version: line.version + 1,
          reason: "dua kali",
        }),
      ),
    ).toMatchObject({ code: "PAYMENT_LINE_NOT_OPEN" });
    const [second] = await prepare();
    if (!second) throw new Error("no second batch");
    expect(second.lineCount).toBe(1);
    const approved = await approveBatch(p, w.checker, second.id, {
      version: second.version,
      linesSha256: second.linesSha256,
    });
    await exportBatch(p, w.maker, approved.id, { format: "csv" });
    const [only] = (await batchLines(p, w.bank, second.id, { page: 1, pageSize: 5 })).items;
    if (!only) throw new Error("no line");
    const out = await importResults(p, w.bank, second.id, {
      fileName: "hasil-2.csv",
      format: "csv",
      bytes: resultCsv([{ reference: only.reference, bankReference: "C1", outcome: "paid", amount: AMOUNT }]),
    });
    expect(out.summary.paid).toBe(1);
    const [old] = await queryRows<{ reissued_as: string }>(
      p.db,
      sql`select reissued_as from payment_lines where id = ${failedLineId}`,
    );
    expect(old?.reissued_as).toBe(only.id);
    expect(await refusal(prepare())).toMatchObject({ code: "PAYMENT_NOTHING_TO_PAY" });
  });

  it("shows the desa who has not collected, and returns the unclaimed to the treasury at the deadline", async () => {
    const mine = await uncollectedInArea(p, w.villageOperator, { page: 1, pageSize: 50 });
    expect(mine.items.every((i) => i.villageCode === "64.01.05.2002")).toBe(true);
    expect(mine.total).toBeGreaterThan(0);
    expect(await refusal(applyClaimDeadline(p, w.maker, batch.id, "2026-12-31"))).toMatchObject({
      code: "PAYMENT_DEADLINE_NOT_REACHED",
    });
    const out = await applyClaimDeadline(p, w.maker, batch.id, "2027-01-01");
    // Nine lines never got an answer (one only a refused credit and a held reversal).
    expect(out.returned).toBe(9);
    expect(out.returnedAmount).toBe(9 * AMOUNT);
    const rec = await reconciliation(p, w.checker, { batchId: batch.id, by: "district" });
    expect(rec.total).toMatchObject({ pendingAmount: 0, returnedAmount: 10 * AMOUNT, balanced: true });
    expect(rec.groups.every((g) => g.balanced)).toBe(true);
  });
});
