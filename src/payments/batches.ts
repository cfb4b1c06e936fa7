/**
 * Payment batches: prepared from an approved decree by the agency (maker), approved by its head (checker),
 * exported as the bank's file (the export_payment duty). Every step audited in its own transaction.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { actorCan, auditActor, type Caller } from "../access/actor.ts";
import { performDuty } from "../access/maker-checker.ts";
import { checkpointNow } from "../audit/index.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { maskIdNumber, openBound } from "../privacy/vault.ts";
import { agencies, enrollments, persons, programs } from "../registry/schema.ts";
import { type BankFile, bankFile, sha256Hex } from "./bank-file.ts";
import type { ExportFormat, SplitKey } from "./codes.ts";
import { moveEnrollments, type Payments, visibleBatch } from "./context.ts";
import { BRI_COLLECTIVE_LAYOUT, type ExportLayout, type ExportLine } from "./layout.ts";
import { paymentReference } from "./reference.ts";
import { exportLayoutOf } from "./saved-layouts.ts";
import * as store from "./store.ts";

export const BATCH_ENTITY = "payment_batch";

export interface PrepareInput {
  decreeId: string;
  bankAgencyId: string;
  claimDeadline: string;
  split: SplitKey;
  /** Bank branch per kecamatan code; a kecamatan without one is paid through a branch named by its code. */
  branches?: Record<string, string> | undefined;
}

/** What both approvals sign: the ordered lines with their references, enrollments and amounts. */
export function linesHash(
  lines: readonly { lineNumber: number; reference: string; enrollmentId: string; amount: number }[],
): string {
  return sha256Hex(
    lines.map((l) => `${l.lineNumber}|${l.reference}|${l.enrollmentId}|${l.amount}\n`).join(""),
  );
}

function batchRecord(batch: store.BatchRow) {
  return {
    number: batch.number,
    status: batch.status,
    lineCount: batch.lineCount,
    totalAmount: batch.totalAmount,
    linesSha256: batch.linesSha256,
    decreeNumber: batch.decreeNumber,
    splitKey: batch.splitKey,
    splitValue: batch.splitValue,
    claimDeadline: batch.claimDeadline,
  };
}

/** One batch per split value (or one for all), each with its lines, the maker's duty and an audit entry. */
export async function prepareBatches(payments: Payments, caller: Caller, input: PrepareInput) {
  const { actor } = caller;
  return payments.db.transaction(async (tx) => {
    const decreed = await payments.decreed(tx, input.decreeId);
    if (!decreed) throw new DomainError("PAYMENT_DECREE_NOT_FOUND", { id: input.decreeId }, 404);
    const [program] = await tx.select().from(programs).where(eq(programs.id, decreed.decree.programId));
    if (!program || (actor.role !== "system" && actor.agencyId !== program.agencyId))
      throw new DomainError("PAYMENT_DECREE_NOT_FOUND", { id: input.decreeId }, 404);
    if (decreed.decree.status !== "approved")
      throw new DomainError("PAYMENT_DECREE_NOT_APPROVED", { number: decreed.decree.number }, 409);
    const [bank] = await tx.select().from(agencies).where(eq(agencies.id, input.bankAgencyId));
    if (!bank) throw new DomainError("PAYMENT_BANK_UNKNOWN", { id: input.bankAgencyId }, 422);

    const ids = decreed.lines.map((l) => l.enrollmentId);
    const details = new Map<
      string,
      { status: string; name: string; villageCode: string; districtCode: string; rt: string | null }
    >();
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await tx
        .select({
          id: enrollments.id,
          status: enrollments.status,
          name: persons.name,
          villageCode: enrollments.villageCode,
          districtCode: enrollments.districtCode,
          rt: persons.rt,
        })
        .from(enrollments)
        .innerJoin(persons, eq(persons.id, enrollments.personId))
        .where(
          and(
            inArray(enrollments.id, ids.slice(i, i + 5000)),
            eq(enrollments.periodId, decreed.decree.periodId),
          ),
        );
      for (const r of rows) details.set(r.id, r);
    }
    const live = await store.liveEnrollments(tx, ids);
    // Only recipients the decree names, still in the decreed status, and not already waiting for or paid by
    // another batch: a recipient is never paid twice.
    const payable = decreed.lines.filter(
      (l) => details.get(l.enrollmentId)?.status === "approved" && !live.has(l.enrollmentId),
    );
    if (payable.length === 0)
      throw new DomainError("PAYMENT_NOTHING_TO_PAY", { number: decreed.decree.number }, 409);

    const branchOf = (district: string) => input.branches?.[district] ?? district;
    const groups = new Map<string, typeof payable>();
    for (const line of payable) {
      const d = details.get(line.enrollmentId);
      const key =
        input.split === "branch"
          ? branchOf(d?.districtCode ?? "")
          : input.split === "district"
            ? (d?.districtCode ?? "")
            : "";
      const list = groups.get(key);
      if (list) list.push(line);
      else groups.set(key, [line]);
    }
    const now = payments.clock();
    const out: store.BatchRow[] = [];
    for (const [splitValue, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const number = await store.nextBatchNumber(tx);
      const batchId = randomUUID();
      const lines: store.NewLine[] = group.map((l, i) => {
        const d = details.get(l.enrollmentId);
        if (!d) throw new Error("decreed enrollment vanished");
        return {
          id: randomUUID(),
          batchId,
          lineNumber: i + 1,
          reference: paymentReference(number, i + 1),
          enrollmentId: l.enrollmentId,
          personId: l.personId,
          amount: l.amount,
          accountName: d.name,
          branchCode: branchOf(d.districtCode),
          villageCode: d.villageCode,
          districtCode: d.districtCode,
          rt: d.rt,
        };
      });
      const total = lines.reduce((sum, l) => sum + l.amount, 0);
      const batch = await store.insertBatch(tx, {
        id: batchId,
        number,
        programId: decreed.decree.programId,
        periodId: decreed.decree.periodId,
        agencyId: program.agencyId,
        decreeId: decreed.decree.id,
        decreeNumber: decreed.decree.number,
        bankAgencyId: bank.id,
        splitKey: input.split,
        splitValue: input.split === "none" ? null : splitValue,
        status: "prepared",
        lineCount: lines.length,
        totalAmount: total,
        linesSha256: linesHash(lines),
        claimDeadline: input.claimDeadline,
        preparedBy: actor.userId,
        preparedAt: now,
      });
      await store.insertLines(tx, lines);
      await store.linkReissued(tx, batch.id);
      await performDuty(tx, { duty: "propose", entity: BATCH_ENTITY, entityId: batch.id, actor });
      await payments.audit.append(tx, {
        actor: auditActor(actor),
        action: "payment.batch_prepare",
        entity: BATCH_ENTITY,
        entityId: batch.id,
        area: null,
        after: { ...batchRecord(batch), bank: bank.code },
        requestId: caller.requestId,
      });
      out.push(batch);
    }
    return out;
  });
}

/** The checker's approval of exactly the lines they saw (by hash); a replayed approval meets an approved batch. */
export async function approveBatch(
  payments: Payments,
  caller: Caller,
  id: string,
  input: { version: number; linesSha256: string },
) {
  const { actor } = caller;
  return payments.db.transaction(async (tx) => {
    const batch = await visibleBatch(tx, actor, id, true);
    if (batch.status !== "prepared")
      throw new DomainError(
        "PAYMENT_BATCH_NOT_PREPARED",
        { number: batch.number, status: batch.status },
        409,
      );
    if (batch.version !== input.version)
      throw new DomainError(
        "PAYMENT_BATCH_VERSION_CONFLICT",
        { expected: input.version, actual: batch.version },
        409,
      );
    if (batch.linesSha256 !== input.linesSha256)
      throw new DomainError("PAYMENT_BATCH_HASH_MISMATCH", { number: batch.number }, 409);
    await performDuty(tx, { duty: "approve", entity: BATCH_ENTITY, entityId: batch.id, actor });
    const updated = await store.updateBatch(tx, batch.id, batch.version, {
      status: "approved",
      approvedBy: actor.userId,
      approvedAt: payments.clock(),
    });
    if (!updated)
      throw new DomainError(
        "PAYMENT_BATCH_VERSION_CONFLICT",
        { expected: input.version, actual: batch.version + 1 },
        409,
      );
    await payments.audit.append(tx, {
      actor: auditActor(actor),
      action: "payment.batch_approve",
      entity: BATCH_ENTITY,
      entityId: batch.id,
      area: null,
      before: { status: batch.status },
      after: batchRecord(updated),
      requestId: caller.requestId,
    });
    return updated;
  });
}

export interface ExportedFile extends BankFile {
  fileName: string;
  batch: store.BatchRow;
  nikFull: boolean;
}

/**
 * The bank's file. The first export sends every issued line (issued → sent); each export is the export_payment
 * duty (the same person may not apply the bank's results) and is audited with its hash. The workbook's time is
 * the approval time, so the same batch gives the same bytes. Full NIKs only for callers entitled to identities.
 */
export async function exportBatch(
  payments: Payments,
  caller: Caller,
  id: string,
  input: { format: ExportFormat; layout?: ExportLayout | undefined; layoutId?: string | undefined },
): Promise<ExportedFile> {
  const { actor } = caller;
  return payments.db.transaction(async (tx) => {
    const batch = await visibleBatch(tx, actor, id, true);
    const layout = input.layoutId
      ? await exportLayoutOf(tx, batch.agencyId, input.layoutId)
      : (input.layout ?? BRI_COLLECTIVE_LAYOUT);
    if (batch.status !== "approved" && batch.status !== "exported")
      throw new DomainError(
        "PAYMENT_BATCH_NOT_APPROVED",
        { number: batch.number, status: batch.status },
        409,
      );
    await performDuty(tx, { duty: "export_payment", entity: BATCH_ENTITY, entityId: batch.id, actor });
    const nikFull = actorCan(actor, "person.identity") && actor.role !== "auditor";
    const lines = await exportLines(payments, tx, batch, nikFull);
    const stamp = batch.approvedAt ?? batch.preparedAt;
    const file = await bankFile(input.format, layout, lines, stamp, `Batch ${batch.number}`);
    let current = batch;
    if (batch.status === "approved") {
      await store.markSent(tx, batch.id);
      const updated = await store.updateBatch(tx, batch.id, batch.version, {
        status: "exported",
        exportedAt: payments.clock(),
        exportSha256: file.sha256,
        exportFormat: input.format,
      });
      if (!updated) throw new Error("locked batch changed");
      current = updated;
    }
    await payments.audit.append(tx, {
      actor: auditActor(actor),
      action: "payment.batch_export",
      entity: BATCH_ENTITY,
      entityId: batch.id,
      area: null,
      after: {
        format: input.format,
        layout: layout.code,
        sha256: file.sha256,
        lineCount: batch.lineCount,
        totalAmount: batch.totalAmount,
        nikFull,
      },
      requestId: caller.requestId,
    });
    // The bank file leaves with a signed checkpoint over the trail that records it.
    await checkpointNow(tx, payments.audit, {
      event: `payment.batch_export:${batch.id}`,
      actor: auditActor(actor),
      requestId: caller.requestId,
    });
    return {
      ...file,
      batch: current,
      nikFull,
      fileName: `salur-batch-${String(batch.number).padStart(5, "0")}.${file.extension}`,
    };
  });
}

async function exportLines(
  payments: Payments,
  tx: Executor,
  batch: store.BatchRow,
  nikFull: boolean,
): Promise<ExportLine[]> {
  const rows = await store.linesForExport(tx, batch.id);
  const name = (code: string) => payments.regions.get(code)?.name ?? code;
  return rows.map((r) => {
    const nik = openBound(payments.vault, "nik", r.nikCipher, r.nikIndex) ?? "";
    return {
      lineNumber: r.lineNumber,
      reference: r.reference,
      nik: nikFull ? nik : nik ? maskIdNumber(nik) : "",
      accountName: r.accountName,
      branch: r.branchCode,
      amount: r.amount,
      village: name(r.villageCode),
      district: name(r.districtCode),
      batchNumber: batch.number,
      remark: batch.decreeNumber,
    };
  });
}

/**
 * A failed line: re-issued (its enrollment goes back to approved through retry_payment and the next batch
 * picks it up) or cancelled for good. Never both, never twice.
 */
export async function resolveLine(
  payments: Payments,
  caller: Caller,
  lineId: string,
  input: { action: "reissue" | "cancel"; version: number; reason: string },
) {
  const { actor } = caller;
  return payments.db.transaction(async (tx) => {
    const line = /^[0-9a-f-]{36}$/i.test(lineId) ? await store.getLine(tx, lineId) : null;
    if (!line) throw new DomainError("PAYMENT_LINE_NOT_FOUND", { id: lineId }, 404);
    const batch = await visibleBatch(tx, actor, line.batchId, true).catch(() => {
      throw new DomainError("PAYMENT_LINE_NOT_FOUND", { id: lineId }, 404);
    });
    if (line.status !== "failed" || line.resolution !== null)
      throw new DomainError("PAYMENT_LINE_NOT_OPEN", { reference: line.reference, status: line.status }, 409);
    if (line.version !== input.version)
      throw new DomainError(
        "PAYMENT_LINE_VERSION_CONFLICT",
        { expected: input.version, actual: line.version },
        409,
      );
    const resolution = input.action === "reissue" ? "reissued" : "cancelled";
    const updated = await store.setResolution(tx, line.id, line.version, resolution);
    if (!updated)
      throw new DomainError(
        "PAYMENT_LINE_VERSION_CONFLICT",
        { expected: input.version, actual: line.version + 1 },
        409,
      );
    if (input.action === "reissue") {
      await moveEnrollments(payments, tx, caller, "retry_payment", [line.enrollmentId], {
        text: input.reason,
      });
    }
    await payments.audit.append(tx, {
      actor: auditActor(actor),
      action: `payment.line_${input.action}`,
      entity: "payment_line",
      entityId: line.id,
      area: line.villageCode,
      before: { status: line.status, resolution: null },
      after: { status: line.status, resolution, reference: line.reference, batch: batch.number },
      reason: input.reason,
      requestId: caller.requestId,
    });
    return updated;
  });
}
