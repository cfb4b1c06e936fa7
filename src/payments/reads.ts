/** What officials read: batches, lines, result files, reconciliation, open differences, who has not collected. */
import { eq } from "drizzle-orm";
import { type Caller, sees } from "../access/actor.ts";
import { users } from "../access/schema.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { agencies, periods, programs } from "../registry/schema.ts";
import type { LineStatus } from "./codes.ts";
import { type Payments, visibleBatch } from "./context.ts";
import { coverLetterPdf } from "./cover-letter.ts";
import * as store from "./store.ts";

export function batchView(b: store.BatchRow) {
  return {
    id: b.id,
    number: b.number,
    programId: b.programId,
    periodId: b.periodId,
    agencyId: b.agencyId,
    bankAgencyId: b.bankAgencyId,
    decreeId: b.decreeId,
    decreeNumber: b.decreeNumber,
    splitKey: b.splitKey,
    splitValue: b.splitValue,
    status: b.status,
    lineCount: b.lineCount,
    totalAmount: b.totalAmount,
    linesSha256: b.linesSha256,
    claimDeadline: b.claimDeadline,
    preparedAt: b.preparedAt.toISOString(),
    approvedAt: b.approvedAt?.toISOString() ?? null,
    exportedAt: b.exportedAt?.toISOString() ?? null,
    exportSha256: b.exportSha256,
    version: b.version,
  };
}

/** An agency id no agency has: an agency-bound account without an agency sees nothing (and the uuid parses). */
const NO_AGENCY = "00000000-0000-0000-0000-000000000000";

const scopeOf = (caller: Caller) => {
  const { actor } = caller;
  if (actor.role === "program_manager") return { agencyId: actor.agencyId ?? NO_AGENCY };
  if (actor.role === "bank_operator") return { bankAgencyId: actor.agencyId ?? NO_AGENCY };
  return {};
};

export async function listBatches(payments: Payments, caller: Caller, periodId?: string) {
  const rows = await store.listBatches(payments.db, { ...scopeOf(caller), periodId });
  return rows.map((r) => ({
    ...batchView(r),
    programName: r.programName,
    periodName: r.periodName,
    bankName: r.bankName,
  }));
}

export async function batchDetail(payments: Payments, caller: Caller, id: string) {
  const batch = await visibleBatch(payments.db, caller.actor, id);
  const [rec] = await store.reconcile(payments.db, [batch.id], "batch", null);
  const files = await store.resultFiles(payments.db, batch.id);
  return {
    batch: batchView(batch),
    reconciliation: rec ?? null,
    resultFiles: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      format: f.format,
      sha256: f.sha256,
      statementNumber: f.statementNumber,
      importedAt: f.importedAt.toISOString(),
      summary: f.summary as Record<string, number>,
    })),
  };
}

export async function batchLines(
  payments: Payments,
  caller: Caller,
  id: string,
  query: { status?: LineStatus | undefined; page: number; pageSize: number },
) {
  const batch = await visibleBatch(payments.db, caller.actor, id);
  const { rows, total } = await store.linesPage(payments.db, batch.id, query);
  return {
    items: rows.map((l) => ({
      id: l.id,
      lineNumber: l.lineNumber,
      reference: l.reference,
      enrollmentId: l.enrollmentId,
      accountName: l.accountName,
      amount: l.amount,
      branchCode: l.branchCode,
      villageCode: l.villageCode,
      districtCode: l.districtCode,
      status: l.status,
      bankReference: l.bankReference,
      failureReason: l.failureReason,
      failureText: l.failureText,
      resolution: l.resolution,
      version: l.version,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Batches a reconciliation covers: one batch, or every visible batch of a program (optionally one period). */
async function batchesFor(
  payments: Payments,
  caller: Caller,
  query: { batchId?: string | undefined; programId?: string | undefined; periodId?: string | undefined },
) {
  if (query.batchId) return [await visibleBatch(payments.db, caller.actor, query.batchId)];
  const rows = await store.listBatches(payments.db, { ...scopeOf(caller), periodId: query.periodId });
  return rows.filter((r) => !query.programId || r.programId === query.programId);
}

export async function reconciliation(
  payments: Payments,
  caller: Caller,
  query: {
    batchId?: string | undefined;
    programId?: string | undefined;
    periodId?: string | undefined;
    by: store.ReconcileBy;
  },
) {
  const batches = await batchesFor(payments, caller, query);
  const ids = batches.map((b) => b.id);
  const area = caller.actor.area.level === "regency" ? null : { code: caller.actor.area.code };
  const rows = await store.reconcile(payments.db, ids, query.by, area);
  const name = (key: string) => payments.regions.get(key)?.name ?? null;
  const groups = rows.map((r) => ({
    ...r,
    name: query.by === "village" || query.by === "district" ? name(r.key) : null,
    balanced:
      r.issuedAmount === r.paidAmount + r.failedAmount + r.returnedAmount + r.pendingAmount &&
      r.issuedCount === r.paidCount + r.failedCount + r.returnedCount + r.pendingCount,
  }));
  const sum = (f: keyof store.ReconcileRow) => rows.reduce((s, r) => s + (r[f] as number), 0);
  const keys = [
    "issuedCount",
    "issuedAmount",
    "paidCount",
    "paidAmount",
    "failedCount",
    "failedAmount",
    "returnedCount",
    "returnedAmount",
    "pendingCount",
    "pendingAmount",
    "bankPaidCount",
    "bankPaidAmount",
    "bankFailedCount",
    "bankFailedAmount",
    "bankReturnedCount",
    "bankReturnedAmount",
  ] as const;
  const total = Object.fromEntries(keys.map((k) => [k, sum(k)])) as Record<(typeof keys)[number], number>;
  const differences = await store.openDifferences(payments.db, ids);
  return {
    by: query.by,
    batches: batches.length,
    groups,
    total: {
      ...total,
      balanced:
        total.issuedAmount ===
        total.paidAmount + total.failedAmount + total.returnedAmount + total.pendingAmount,
    },
    differences: differences.map((d) => ({
      ...d,
      // A refusal names a line of the caller's area only.
      accountName: d.villageCode && !sees(caller.actor, { code: d.villageCode }) ? null : d.accountName,
    })),
  };
}

export async function uncollectedInArea(
  payments: Payments,
  caller: Caller,
  query: { page: number; pageSize: number },
) {
  const { actor } = caller;
  const { rows, total, amount } = await store.uncollected(
    payments.db,
    { code: actor.area.code, rt: actor.area.rt },
    // A program manager follows up their own agency's recipients only, as everywhere else.
    { ...query, agencyId: actor.role === "program_manager" ? (actor.agencyId ?? NO_AGENCY) : null },
  );
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      reference: String(r.reference),
      name: String(r.account_name),
      amount: Number(r.amount),
      status: String(r.status),
      villageCode: String(r.village_code),
      villageName: payments.regions.get(String(r.village_code))?.name ?? String(r.village_code),
      rt: r.rt === null ? null : String(r.rt),
      failureReason: r.failure_reason === null ? null : String(r.failure_reason),
      batchNumber: Number(r.batch_number),
      claimDeadline: String(r.claim_deadline).slice(0, 10),
      programName: String(r.program_name),
    })),
    total,
    amount,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function coverLetter(payments: Payments, caller: Caller, id: string): Promise<Buffer> {
  const batch = await visibleBatch(payments.db, caller.actor, id);
  if (!batch.exportSha256 || !batch.approvedAt)
    throw new DomainError("PAYMENT_BATCH_NOT_EXPORTED", { number: batch.number, status: batch.status }, 409);
  const one = async <T>(q: Promise<T[]>) => (await q)[0];
  const [agency, bank, program, period, maker, checker] = await Promise.all([
    one(payments.db.select().from(agencies).where(eq(agencies.id, batch.agencyId))),
    one(payments.db.select().from(agencies).where(eq(agencies.id, batch.bankAgencyId))),
    one(payments.db.select().from(programs).where(eq(programs.id, batch.programId))),
    one(payments.db.select().from(periods).where(eq(periods.id, batch.periodId))),
    batch.preparedBy
      ? one(payments.db.select().from(users).where(eq(users.id, batch.preparedBy)))
      : undefined,
    batch.approvedBy
      ? one(payments.db.select().from(users).where(eq(users.id, batch.approvedBy)))
      : undefined,
  ]);
  return coverLetterPdf({
    regencyName: `Kabupaten ${payments.regions.get(payments.regencyCode)?.name ?? payments.regencyCode}`,
    agencyName: agency?.name ?? "",
    bankName: bank?.name ?? "",
    batchNumber: batch.number,
    decreeNumber: batch.decreeNumber,
    programName: program?.name ?? "",
    periodName: period?.name ?? "",
    lineCount: batch.lineCount,
    totalAmount: batch.totalAmount,
    fileName: `salur-batch-${String(batch.number).padStart(5, "0")}.${batch.exportFormat ?? "csv"}`,
    fileSha256: batch.exportSha256,
    linesSha256: batch.linesSha256,
    claimDeadline: batch.claimDeadline,
    preparedBy: maker?.name ?? "sistem",
    approvedBy: checker?.name ?? "sistem",
    approvedAt: batch.approvedAt,
  });
}
