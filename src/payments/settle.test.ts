import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LineStatus } from "./codes.ts";
import type { ResultEntry } from "./result-file.ts";
import { type LineState, type SettlementState, settle } from "./settle.ts";

const entry = (
  reference: string,
  bankReference: string,
  outcome: ResultEntry["outcome"],
  amount = 100,
): ResultEntry => ({
  row: 1,
  reference,
  bankReference,
  outcome,
  amount,
  valueDate: null,
  reason: outcome === "failed" ? "account_closed" : null,
  reasonText: null,
});

function stateOf(lines: { reference: string; status: LineStatus }[]): SettlementState {
  return {
    lines: new Map(
      lines.map((l): [string, LineState] => [
        l.reference,
        { id: `id-${l.reference}`, reference: l.reference, amount: 100, status: l.status },
      ]),
    ),
    recorded: new Map(),
    held: new Map(),
  };
}

describe("settling bank results", () => {
  it("applies a credit once and refuses a second credit under another bank reference", () => {
    const state = stateOf([{ reference: "A", status: "sent" }]);
    const { decisions } = settle(state, [
      entry("A", "b1", "paid"),
      entry("A", "b1", "paid"),
      entry("A", "b2", "paid"),
    ]);
    expect(decisions.map((d) => (d.kind === "refused" ? d.code : d.kind))).toEqual([
      "applied",
      "duplicate",
      "PAYMENT_ALREADY_PAID",
    ]);
  });

  it("refuses an unknown reference, a wrong amount, a result for an unsent line and a reused bank reference", () => {
    const state = stateOf([
      { reference: "A", status: "sent" },
      { reference: "B", status: "issued" },
    ]);
    const { decisions } = settle(state, [
      entry("Z", "b0", "paid"),
      entry("A", "b1", "paid", 99),
      entry("B", "b2", "paid"),
      entry("A", "b3", "failed"),
      entry("A", "b3", "paid"),
    ]);
    expect(decisions.map((d) => (d.kind === "refused" ? d.code : d.kind))).toEqual([
      "PAYMENT_REFERENCE_NOT_IN_BATCH",
      "PAYMENT_AMOUNT_MISMATCH",
      "PAYMENT_LINE_NOT_SENT",
      "applied",
      "PAYMENT_BANK_REFERENCE_REUSED",
    ]);
  });

  it("holds a reversal that comes before its credit and applies it when the credit arrives", () => {
    const state = stateOf([{ reference: "A", status: "sent" }]);
    const first = settle(state, [entry("A", "r1", "returned")]);
    expect(first.decisions[0]).toMatchObject({ kind: "held", code: "PAYMENT_REVERSAL_WITHOUT_CREDIT" });
    const second = settle(state, [entry("A", "c1", "paid")]);
    expect(second.released).toEqual([{ lineId: "id-A", reference: "A", bankReference: "r1" }]);
    expect(state.lines.get("A")?.status).toBe("returned");
  });

  it("refuses a reversal of a failed line: there was no credit to reverse", () => {
    const state = stateOf([{ reference: "A", status: "sent" }]);
    const { decisions } = settle(state, [entry("A", "f1", "failed"), entry("A", "r1", "returned")]);
    expect(decisions[1]).toMatchObject({ kind: "refused", code: "PAYMENT_REVERSAL_WITHOUT_CREDIT" });
  });

  it("ends in the same state whatever the order, the splits and the replays of the bank's entries", () => {
    const truth = fc.array(fc.constantFrom("paid", "failed", "returned", "pending"), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(truth, fc.integer(), (outcomes, seed) => {
        const entries = outcomes.flatMap((o, i): ResultEntry[] => {
          const ref = `R${i}`;
          if (o === "paid") return [entry(ref, `c${i}`, "paid")];
          if (o === "failed") return [entry(ref, `f${i}`, "failed")];
          if (o === "returned") return [entry(ref, `c${i}`, "paid"), entry(ref, `r${i}`, "returned")];
          return [];
        });
        let s = seed;
        const shuffled = [...entries, ...entries.filter((_, i) => i % 3 === 0)].sort(() => {
          s = (s * 1103515245 + 12345) & 0x7fffffff;
          return (s % 3) - 1;
        });
        const state = stateOf(outcomes.map((_, i) => ({ reference: `R${i}`, status: "sent" })));
        for (let i = 0; i < shuffled.length; i += 3) settle(state, shuffled.slice(i, i + 3));
        outcomes.forEach((o, i) => {
          expect(state.lines.get(`R${i}`)?.status).toBe(o === "pending" ? "sent" : o);
        });
      }),
    );
  });
});
