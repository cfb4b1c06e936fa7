import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { complaintQueue } from "../complaints/queries.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { PaymentWorld } from "../payments/payments.fixture.ts";
import { officer } from "../payments/payments.fixture.ts";
import { approvePublication, portalOf, preparePublication } from "../portal/index.ts";
import { renderProgram } from "../portal/pages.ts";
import { linesOf, paidBatch, receiptsOf } from "./receipts.fixture.ts";
import { confirmedTotals, drawSample, type Receipts, recordConfirmation, skimmingFlags } from "./service.ts";

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return null;
};

describeEachDatabase("receipt confirmations", (salur) => {
  let r: Receipts;
  let batchId: string;
  let lines: Awaited<ReturnType<typeof linesOf>>;
  let world: PaymentWorld;
  beforeAll(async () => {
    r = receiptsOf(salur());
    const paid = await paidBatch(salur(), 60);
    batchId = paid.batchId;
    world = paid.world;
    lines = await linesOf(salur(), batchId);
  });
  const tx = <T>(
    work: (
      t: Parameters<Parameters<ReturnType<typeof salur>["database"]["db"]["transaction"]>[0]>[0],
    ) => Promise<T>,
  ) => salur().database.db.transaction(work);

  it("turns a portal report of Rp550.000 of Rp600.000 into a sensitive complaint the desa never sees", async () => {
    const line = lines[0];
    if (!line) throw new Error("no line");
    const result = await tx((t) =>
      recordConfirmation(r, t, null, {
        lineId: line.id,
        channel: "portal",
        answer: "received_less",
        receivedAmount: 550_000,
      }),
    );
    expect(result.complaintCode).toMatch(/^[0-9A-Z]{10}$/);
    const [complaint] = await queryRows<{ category: string; sensitive: boolean; village_code: string }>(
      salur().database.db,
      sql`select category, sensitive, village_code from complaints where code = ${result.complaintCode}`,
    );
    expect(complaint).toMatchObject({
      category: "deduction",
      sensitive: true,
      village_code: line.villageCode,
    });

    const desa = await officer(salur(), "village_operator", line.villageCode);
    const auditor = await officer(salur(), "auditor", "64.01");
    const c = r.complaints;
    const query = { page: 1, pageSize: 50 } as Parameters<typeof complaintQueue>[3];
    const seenByDesa = await tx((t) => complaintQueue(c, t, desa.actor, query));
    const seenByInspektorat = await tx((t) => complaintQueue(c, t, auditor.actor, query));
    const codes = (q: { items: { code: string }[] }) => q.items.map((i) => i.code);
    expect(codes(seenByDesa)).not.toContain(result.complaintCode);
    expect(codes(seenByInspektorat)).toContain(result.complaintCode);

    const [trail] = await queryRows<{ area: string }>(
      salur().database.db,
      sql`select area from audit_entries where action = 'receipt.confirm' and entity_id = ${result.id}`,
    );
    expect(trail?.area).toBe("64.01");
  });

  it("refuses a second portal report, an amount not below the paid one, and a line outside the officer's desa", async () => {
    const [first, second] = lines;
    if (!first || !second) throw new Error("no line");
    expect(
      await refusal(
        tx((t) =>
          recordConfirmation(r, t, null, { lineId: first.id, channel: "portal", answer: "received_full" }),
        ),
      ),
    ).toBe("RECEIPT_ALREADY_CONFIRMED");
    expect(
      await refusal(
        tx((t) =>
          recordConfirmation(r, t, null, {
            lineId: second.id,
            channel: "portal",
            answer: "received_less",
            receivedAmount: 600_000,
          }),
        ),
      ),
    ).toBe("RECEIPT_AMOUNT_INVALID");
    const elsewhere = lines.find((l) => l.villageCode !== "64.01.05.2002");
    const lolo = await officer(salur(), "kecamatan_officer", "64.01.04");
    const outside = lines.find((l) => !l.villageCode.startsWith("64.01.04"));
    expect(elsewhere).toBeDefined();
    expect(
      await refusal(
        tx((t) =>
          recordConfirmation(r, t, lolo, {
            lineId: outside?.id ?? "",
            channel: "officer",
            answer: "received_full",
          }),
        ),
      ),
    ).toBe("RECEIPT_LINE_NOT_FOUND");
    expect(
      await refusal(
        tx((t) =>
          recordConfirmation(r, t, lolo, { lineId: second.id, channel: "portal", answer: "received_full" }),
        ),
      ),
    ).toBe("RECEIPT_CHANNEL_INVALID");
  });

  it("draws a reproducible sample per desa, records its answers, and flags an RW where Rp50.000 goes missing", async () => {
    const coordinator = await officer(salur(), "coordinator", "64.01");
    const sample = await tx((t) =>
      drawSample(r, t, coordinator, { batchId, confidence: 0.95, margin: 0.05 }),
    );
    const again = await tx((t) =>
      drawSample(r, t, coordinator, { batchId, confidence: 0.95, margin: 0.05, seed: sample.seed }),
    );
    const ids = async (id: string) =>
      (
        await queryRows<{ line_id: string }>(
          salur().database.db,
          sql`select line_id from receipt_sample_lines where sample_id = ${id} order by line_id`,
        )
      ).map((row) => row.line_id);
    expect(await ids(again.id)).toEqual(await ids(sample.id));
    expect(sample.strata.map((s) => s.desa).sort()).toEqual([
      "64.01.04.2002",
      "64.01.05.2002",
      "64.01.05.2003",
    ]);
    // 20 lines per desa: 95 % ±5 % asks all of them.
    expect(sample.lineCount).toBe(60);

    const cutRw = lines.filter((l) => l.villageCode === "64.01.05.2003" && l.rw === "002");
    const honest = lines.filter((l) => !(l.villageCode === "64.01.05.2003" && l.rw === "002"));
    for (const l of cutRw)
      await tx((t) =>
        recordConfirmation(r, t, coordinator, {
          lineId: l.id,
          channel: "verification",
          sampleId: sample.id,
          answer: "received_less",
          receivedAmount: l.amount - 50_000,
          askedBy: "pengurus RW",
          askedWhy: "untuk musala",
        }),
      );
    for (const l of honest)
      await tx((t) =>
        recordConfirmation(r, t, coordinator, {
          lineId: l.id,
          channel: "verification",
          sampleId: sample.id,
          answer: "received_full",
        }),
      );

    const flags = await tx((t) => skimmingFlags(t, { batchId }));
    const rw = flags.find((f) => f.level === "rw");
    expect(rw).toMatchObject({
      area: "64.01.05.2003/002",
      evidence: { shortfalls: cutRw.length, commonDeduction: 50_000 },
    });
    expect(JSON.stringify(flags)).not.toMatch(/musala|pengurus|Penerima/);

    const byDesa = await tx((t) => confirmedTotals(t, "desa", { batchId }));
    // The first line was also reported on the portal (Rp550.000): it counts once, by the sample's answer.
    expect(byDesa.map((d) => d.confirmed)).toEqual([20, 20, 20]);
    const cut = byDesa.find((d) => d.key === "64.01.05.2003");
    expect(cut?.leakage).toBeCloseTo((cutRw.length * 50_000) / (20 * 600_000), 6);
    // Every paid line of the desa was confirmed: no sampling error left.
    expect(cut?.low).toBeCloseTo(cut?.leakage ?? -1, 6);

    // The public sees the same leakage, per kecamatan and for the period, from a published snapshot.
    const portal = portalOf(salur(), { pollMs: 0 });
    const prepared = await preparePublication(portal, world.maker, {
      periodId: world.periodId,
      kind: "statistics",
    });
    await approvePublication(portal, world.checker, { id: prepared.id, sha256: prepared.sha256 });
    const published = portal.cache.get(prepared.id);
    const share = Math.round(((cutRw.length * 50_000) / (60 * 600_000)) * 10_000) / 10_000;
    expect(published?.snapshot.receipts).toMatchObject({ confirmed: 60, leakage: share });
    const page = renderProgram({ language: "id", regencyName: "Paser" }, published ? [published] : []);
    expect(page).toContain("Yang sampai di tangan penerima");
    expect(page).toMatch(/60 penerima menjawab/);
    expect(page).not.toMatch(/musala|pengurus/);
  });
});
