/**
 * Exactly-once settlement of a bank result file against a batch's lines (pure). Each entry is identified by
 * (batch, reference, bank reference): one already recorded is a duplicate and changes nothing. A line only
 * moves forward (sent → paid → returned, sent → failed); anything else — a second credit, a reversal without a
 * credit, an amount that differs, a reference not in the batch — is refused with a code and reported.
 * A reversal that arrives before its credit (files split and sent out of order) is held, reported, and applied
 * when the credit arrives: the final state does not depend on the order of the files.
 */
import type { LineStatus, RefusalCode, ResultOutcome } from "./codes.ts";
import type { ResultEntry } from "./result-file.ts";

export interface LineState {
  id: string;
  reference: string;
  amount: number;
  status: LineStatus;
}

export interface RecordedResult {
  outcome: ResultOutcome;
  amount: number;
  disposition: "applied" | "held";
}

export type EntryDecision =
  | { kind: "applied"; entry: ResultEntry; lineId: string; from: LineStatus; to: LineStatus }
  | { kind: "held"; entry: ResultEntry; lineId: string; code: RefusalCode }
  | { kind: "duplicate"; entry: ResultEntry }
  | { kind: "refused"; entry: ResultEntry; lineId: string | null; code: RefusalCode };

/** A held reversal applied because its credit arrived in this file. */
export interface ReleasedHold {
  lineId: string;
  reference: string;
  bankReference: string;
}

export const resultKey = (reference: string, bankReference: string) => `${reference}\u0000${bankReference}`;

export interface SettlementState {
  lines: Map<string, LineState>;
  /** Recorded results of the batch, by resultKey. */
  recorded: Map<string, RecordedResult>;
  /** Held reversals by reference, with their bank reference. */
  held: Map<string, string[]>;
}

const TARGET: Record<ResultOutcome, LineStatus> = { paid: "paid", failed: "failed", returned: "returned" };

function refusalFor(line: LineState, outcome: ResultOutcome): RefusalCode | "hold" | null {
  switch (outcome) {
    case "paid":
      if (line.status === "sent") return null;
      if (line.status === "issued") return "PAYMENT_LINE_NOT_SENT";
      if (line.status === "failed") return "PAYMENT_ALREADY_FAILED";
      if (line.status === "returned") return "PAYMENT_ALREADY_RETURNED";
      return "PAYMENT_ALREADY_PAID";
    case "failed":
      if (line.status === "sent") return null;
      if (line.status === "issued") return "PAYMENT_LINE_NOT_SENT";
      if (line.status === "failed") return "PAYMENT_ALREADY_FAILED";
      if (line.status === "returned") return "PAYMENT_ALREADY_RETURNED";
      return "PAYMENT_ALREADY_PAID";
    case "returned":
      if (line.status === "paid") return null;
      if (line.status === "sent") return "hold";
      if (line.status === "returned") return "PAYMENT_ALREADY_RETURNED";
      return "PAYMENT_REVERSAL_WITHOUT_CREDIT";
  }
}

/**
 * Decides every entry in file order, updating `state` as it goes (so the same entry twice in one file is a
 * duplicate the second time). Returns the decisions and the held reversals released by credits of this file.
 */
export function settle(
  state: SettlementState,
  entries: readonly ResultEntry[],
): { decisions: EntryDecision[]; released: ReleasedHold[] } {
  const decisions: EntryDecision[] = [];
  const released: ReleasedHold[] = [];
  for (const entry of entries) {
    const key = resultKey(entry.reference, entry.bankReference);
    const line = state.lines.get(entry.reference);
    const known = state.recorded.get(key);
    if (known) {
      const same = known.outcome === entry.outcome && known.amount === entry.amount;
      decisions.push(
        same
          ? { kind: "duplicate", entry }
          : { kind: "refused", entry, lineId: line?.id ?? null, code: "PAYMENT_BANK_REFERENCE_REUSED" },
      );
      continue;
    }
    if (!line) {
      decisions.push({ kind: "refused", entry, lineId: null, code: "PAYMENT_REFERENCE_NOT_IN_BATCH" });
      continue;
    }
    if (entry.amount !== line.amount) {
      decisions.push({ kind: "refused", entry, lineId: line.id, code: "PAYMENT_AMOUNT_MISMATCH" });
      continue;
    }
    const refusal = refusalFor(line, entry.outcome);
    if (refusal === "hold") {
      state.recorded.set(key, { outcome: entry.outcome, amount: entry.amount, disposition: "held" });
      state.held.set(line.reference, [...(state.held.get(line.reference) ?? []), entry.bankReference]);
      decisions.push({ kind: "held", entry, lineId: line.id, code: "PAYMENT_REVERSAL_WITHOUT_CREDIT" });
      continue;
    }
    if (refusal) {
      decisions.push({ kind: "refused", entry, lineId: line.id, code: refusal });
      continue;
    }
    const from = line.status;
    line.status = TARGET[entry.outcome];
    state.recorded.set(key, { outcome: entry.outcome, amount: entry.amount, disposition: "applied" });
    decisions.push({ kind: "applied", entry, lineId: line.id, from, to: line.status });
    const waiting = entry.outcome === "paid" ? state.held.get(line.reference) : undefined;
    const first = waiting?.[0];
    if (first !== undefined) {
      line.status = "returned";
      state.held.delete(line.reference);
      state.recorded.set(resultKey(line.reference, first), {
        outcome: "returned",
        amount: line.amount,
        disposition: "applied",
      });
      released.push({ lineId: line.id, reference: line.reference, bankReference: first });
    }
  }
  return { decisions, released };
}
