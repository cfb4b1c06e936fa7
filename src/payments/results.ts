/**
 * Bank results in, exactly once. The batch row is locked for the whole import, so two processes applying
 * files of the same batch queue behind each other; a file already received (same bytes, or same statement
 * number) is a no-op that says so; each entry is settled by settle.ts; lines, results, enrollments (through the
 * workflow) and the audit entries commit together or not at all — a process killed mid-import leaves nothing.
 */
import { auditActor, type Caller } from "../access/actor.ts";
import { performDuty } from "../access/maker-checker.ts";
import type { AuditDraft } from "../audit/entry.ts";
import { checkpointNow } from "../audit/index.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { PAYMENT_FAILURE_REASONS } from "../workflow/engine.ts";
import { sha256Hex } from "./bank-file.ts";
import { BATCH_ENTITY } from "./batches.ts";
import type { FailureReason, ResultFormat } from "./codes.ts";
import { deadlineCaller, moveEnrollments, type Payments, visibleBatch } from "./context.ts";
import { BRI_RESULT_LAYOUT, type ResultLayout } from "./layout.ts";
import { parseResultFile } from "./result-file.ts";
import { resultLayoutOf } from "./saved-layouts.ts";
import { type EntryDecision, type LineState, type SettlementState, settle } from "./settle.ts";
import * as store from "./store.ts";

export interface ResultImportInput {
  fileName: string;
  format: ResultFormat;
  bytes: Buffer;
  layout?: ResultLayout | undefined;
  /** A layout the batch's agency saved (or a built-in one), by id; the inline layout otherwise. */
  layoutId?: string | undefined;
}

export type ResultSummary = {
  applied: number;
  appliedAmount: number;
  held: number;
  released: number;
  duplicate: number;
  refused: number;
  malformed: number;
  paid: number;
  failed: number;
  returned: number;
};

export interface ResultImport {
  fileId: string;
  /** True when this file (or its statement) was already received: nothing changed. */
  alreadyReceived: boolean;
  receivedAt: string;
  sha256: string;
  statementNumber: string | null;
  summary: ResultSummary;
  refusals: { row: number; reference: string | null; bankReference: string | null; code: string }[];
}

/** The workflow's coarse payment-failure codes; the bank's exact reason stays on the line and in the text. */
function workflowReason(reason: FailureReason | null): string {
  const codes = PAYMENT_FAILURE_REASONS as readonly string[];
  switch (reason) {
    case "account_closed":
    case "account_dormant":
      return "account_closed";
    case "name_mismatch":
      return "name_mismatch";
    case "holder_deceased":
      return "recipient_not_found";
    case "rjct.payee_fa.invalid":
      return codes.includes("account_invalid") ? "account_invalid" : "other";
    default:
      return "other";
  }
}

export async function importResults(
  payments: Payments,
  caller: Caller,
  batchId: string,
  input: ResultImportInput,
): Promise<ResultImport> {
  const { actor } = caller;
  // The file is read before the batch is locked (a large file takes a while); a batch's agency never changes.
  const layout = input.layoutId
    ? await resultLayoutOf(
        payments.db,
        (await visibleBatch(payments.db, actor, batchId)).agencyId,
        input.layoutId,
      )
    : (input.layout ?? BRI_RESULT_LAYOUT);
  const parsed = await parseResultFile(input.format, layout, input.bytes);
  const sha256 = sha256Hex(input.bytes);
  return payments.db.transaction(async (tx) => {
    const batch = await visibleBatch(tx, actor, batchId, true);
    if (batch.status !== "exported")
      throw new DomainError(
        "PAYMENT_BATCH_NOT_EXPORTED",
        { number: batch.number, status: batch.status },
        409,
      );
    // The exporter may not apply the bank's answer to their own file (seed 003: skimming needs one hand on both),
    // not even a file already received.
    await performDuty(tx, { duty: "apply_bank_result", entity: BATCH_ENTITY, entityId: batch.id, actor });
    const earlier = await store.findResultFile(tx, batch.id, sha256, parsed.statementNumber);
    if (earlier) {
      return {
        fileId: earlier.id,
        alreadyReceived: true,
        receivedAt: earlier.importedAt.toISOString(),
        sha256: earlier.sha256,
        statementNumber: earlier.statementNumber,
        summary: earlier.summary as ResultSummary,
        refusals: [],
      };
    }

    const lineRows = await store.lineStates(tx, batch.id);
    const byId = new Map(lineRows.map((l) => [l.id, l]));
    const versions = new Map(lineRows.map((l) => [l.enrollmentId, l.enrollmentVersion]));
    const state: SettlementState = {
      lines: new Map(
        lineRows.map((l): [string, LineState] => [
          l.reference,
          { id: l.id, reference: l.reference, amount: l.amount, status: l.status },
        ]),
      ),
      recorded: new Map(),
      held: new Map(),
    };
    for (const r of await store.recordedResults(tx, batch.id)) {
      state.recorded.set(`${r.reference}\u0000${r.bankReference}`, {
        outcome: r.outcome,
        amount: r.amount,
        disposition: r.disposition as "applied" | "held",
      });
      if (r.disposition === "held")
        state.held.set(r.reference, [...(state.held.get(r.reference) ?? []), r.bankReference]);
    }
    const { decisions, released } = settle(state, parsed.entries);

    const summary: ResultSummary = {
      applied: 0,
      appliedAmount: 0,
      held: 0,
      released: released.length,
      duplicate: 0,
      refused: 0,
      malformed: parsed.malformed.length,
      paid: 0,
      failed: 0,
      returned: 0,
    };
    for (const d of decisions) {
      if (d.kind === "applied") {
        summary.applied++;
        summary.appliedAmount += d.entry.amount;
        summary[d.entry.outcome]++;
      } else summary[d.kind]++;
    }
    const file = await store.insertResultFile(tx, {
      batchId: batch.id,
      sha256,
      statementNumber: parsed.statementNumber,
      fileName: input.fileName,
      format: input.format,
      importedBy: actor.userId,
      importedAt: payments.clock(),
      summary,
    });

    await store.insertResults(
      tx,
      decisions
        .filter((d): d is Exclude<EntryDecision, { kind: "duplicate" }> => d.kind !== "duplicate")
        .map((d) => ({
          batchId: batch.id,
          fileId: file.id,
          row: d.entry.row,
          lineId: d.lineId,
          reference: d.entry.reference,
          bankReference: d.entry.bankReference,
          outcome: d.entry.outcome,
          amount: d.entry.amount,
          valueDate: d.entry.valueDate,
          reason: d.entry.reason,
          reasonText: d.entry.reasonText,
          disposition: d.kind,
          refusalCode: d.kind === "applied" ? null : d.code,
        })),
    );
    await store.releaseHeld(tx, batch.id, released);

    // Lines move in phases, so a credit and the reversal it releases are two forward steps of the same line.
    const credits = decisions.filter(
      (d): d is Extract<EntryDecision, { kind: "applied" }> => d.kind === "applied",
    );
    const releasedIds = new Set(released.map((r) => r.lineId));
    // One change per line from its status before the file to its status after it (a credit and its reversal
    // in one file are paid → returned).
    const merged = new Map<string, store.LineChange>();
    for (const d of credits) {
      const change = merged.get(d.lineId) ?? {
        id: d.lineId,
        from: d.from,
        to: d.to,
        bankReference: null,
        paidOn: null,
        returnedOn: null,
        failureReason: null,
        failureText: null,
      };
      change.to = d.entry.outcome === "paid" && releasedIds.has(d.lineId) ? "returned" : d.to;
      if (d.entry.outcome === "paid") {
        change.bankReference = d.entry.bankReference;
        change.paidOn = d.entry.valueDate;
      }
      if (d.entry.outcome === "returned") change.returnedOn = d.entry.valueDate;
      if (d.entry.outcome === "failed") {
        change.failureReason = d.entry.reason;
        change.failureText = d.entry.reasonText;
      }
      merged.set(d.lineId, change);
    }
    const changes = [...merged.values()];
    const moved = await store.updateLines(tx, changes);
    if (moved !== changes.length) throw new Error("a locked batch's line changed under its import");

    const enrollmentOf = (lineId: string) => byId.get(lineId)?.enrollmentId ?? "";
    const paidIds = credits.filter((d) => d.entry.outcome === "paid").map((d) => enrollmentOf(d.lineId));
    await moveEnrollments(payments, tx, caller, "record_payment", paidIds, {}, versions);
    const failures = new Map<string, string[]>();
    for (const d of credits.filter((c) => c.entry.outcome === "failed")) {
      const key = d.entry.reason ?? "other";
      const ids = failures.get(key);
      if (ids) ids.push(enrollmentOf(d.lineId));
      else failures.set(key, [enrollmentOf(d.lineId)]);
    }
    for (const [reason, ids] of failures) {
      await moveEnrollments(
        payments,
        tx,
        caller,
        "record_payment_failure",
        ids,
        { code: workflowReason(reason as FailureReason), text: `bank: ${reason}` },
        versions,
      );
    }
    const returnIds = [
      ...credits.filter((d) => d.entry.outcome === "returned").map((d) => enrollmentOf(d.lineId)),
      ...released.map((r) => enrollmentOf(r.lineId)),
    ];
    await moveEnrollments(
      payments,
      tx,
      caller,
      "record_payment_return",
      returnIds,
      { text: "bank: returned" },
      versions,
    );

    // One entry per file: each enrollment's step has its own entry from the workflow; the lines' changes are
    // the file's applied results, whose digest the entry carries, so a result altered later no longer matches
    // the hash chain.
    const drafts: AuditDraft[] = [
      {
        actor: auditActor(actor),
        action: "payment.results_import",
        entity: BATCH_ENTITY,
        entityId: batch.id,
        area: null,
        after: {
          file: input.fileName,
          sha256,
          statementNumber: parsed.statementNumber,
          ...summary,
          appliedDigest: sha256Hex(
            [
              ...credits.map(
                (d) => `${d.entry.reference}|${d.entry.bankReference}|${d.entry.outcome}|${d.entry.amount}`,
              ),
              ...released.map((r) => `${r.reference}|${r.bankReference}|returned|held`),
            ].join("\n"),
          ),
        },
        requestId: caller.requestId,
      },
    ];
    await payments.audit.append(tx, drafts);
    await checkpointNow(tx, payments.audit, {
      event: `payment.results:${file.id}`,
      actor: auditActor(actor),
      requestId: caller.requestId,
    });

    return {
      fileId: file.id,
      alreadyReceived: false,
      receivedAt: file.importedAt.toISOString(),
      sha256,
      statementNumber: parsed.statementNumber,
      summary,
      refusals: [
        ...decisions
          .filter(
            (d): d is Extract<EntryDecision, { kind: "refused" | "held" }> =>
              d.kind === "refused" || d.kind === "held",
          )
          .map((d) => ({
            row: d.entry.row,
            reference: d.entry.reference,
            bankReference: d.entry.bankReference,
            code: d.code,
          })),
        ...parsed.malformed.map((m) => ({
          row: m.row,
          reference: m.reference,
          bankReference: null,
          code: `PAYMENT_RESULT_MALFORMED:${m.problem}`,
        })),
      ],
    };
  });
}

/**
 * The claim deadline (clock passed in): lines still with the bank the day after the deadline are returned to
 * the Kas Daerah with their amount; their enrollments record the failure "unclaimed by the deadline".
 */
export async function applyClaimDeadline(payments: Payments, caller: Caller, batchId: string, asOf: string) {
  const { actor } = caller;
  return payments.db.transaction(async (tx: Executor) => {
    const batch = await visibleBatch(tx, actor, batchId, true);
    if (batch.status !== "exported")
      throw new DomainError(
        "PAYMENT_BATCH_NOT_EXPORTED",
        { number: batch.number, status: batch.status },
        409,
      );
    if (asOf <= batch.claimDeadline)
      throw new DomainError("PAYMENT_DEADLINE_NOT_REACHED", { deadline: batch.claimDeadline }, 409);
    const open = (await store.lineStates(tx, batch.id)).filter((l) => l.status === "sent");
    const moved = await store.updateLines(
      tx,
      open.map((l) => ({
        id: l.id,
        from: "sent",
        to: "returned",
        bankReference: null,
        paidOn: null,
        returnedOn: asOf,
        failureReason: "unclaimed_by_deadline",
        failureText: null,
      })),
    );
    await moveEnrollments(
      payments,
      tx,
      deadlineCaller(payments),
      "record_payment_failure",
      open.map((l) => l.enrollmentId),
      {
        code: "other",
        text: "unclaimed_by_deadline",
      },
    );
    const amount = open.reduce((s, l) => s + l.amount, 0);
    const updated = await store.updateBatch(tx, batch.id, batch.version, {
      deadlineAppliedAt: payments.clock(),
    });
    await payments.audit.append(tx, [
      ...open.map((l) => ({
        actor: auditActor(actor),
        action: "payment.line_unclaimed",
        entity: "payment_line",
        entityId: l.id,
        area: l.rt ? `${l.villageCode}/RT${l.rt}` : l.villageCode,
        before: { status: "sent" },
        after: {
          status: "returned",
          reason: "unclaimed_by_deadline",
          reference: l.reference,
          amount: l.amount,
        },
        requestId: caller.requestId,
      })),
      {
        actor: auditActor(actor),
        action: "payment.claim_deadline",
        entity: BATCH_ENTITY,
        entityId: batch.id,
        area: null,
        after: { asOf, deadline: batch.claimDeadline, returned: moved, returnedAmount: amount },
        requestId: caller.requestId,
      },
    ]);
    return { batch: updated ?? batch, returned: moved, returnedAmount: amount };
  });
}
