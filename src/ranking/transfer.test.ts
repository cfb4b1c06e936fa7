import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PASER_VILLAGES } from "../demo/paser-villages.ts";
import { SEED_003_MODEL } from "./defaults.ts";
import { demoApplicants, demoSimulationTable } from "./demo-table.ts";
import { compileRatingModel } from "./rating.ts";
import { buildApplicantTable, selectedIds, selectRecipients } from "./selection.ts";
import {
  base64ToBytes,
  base64ToUint16,
  base64ToUint32,
  birthOrder,
  bytesToBase64,
  decodeTable,
  encodeTable,
  uint16ToBase64,
  uint32ToBase64,
} from "./transfer.ts";

const TODAY = "2026-07-01";
const compiled = compileRatingModel(SEED_003_MODEL);

describe("base64 of typed arrays", () => {
  it("writes bytes exactly as Node's Buffer does, and reads them back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString("base64"));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
      { numRuns: 60 },
    );
  });

  it("round-trips 16- and 32-bit words little-endian", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 0xffffffff })),
        fc.array(fc.nat({ max: 0xffff })),
        (words, halves) => {
          const u32 = Uint32Array.from(words);
          const u16 = Uint16Array.from(halves);
          expect(base64ToUint32(uint32ToBase64(u32))).toEqual(u32);
          expect(base64ToUint16(uint16ToBase64(u16))).toEqual(u16);
        },
      ),
    );
    expect(Buffer.from(base64ToBytes(uint32ToBase64(Uint32Array.of(0x01020304))))).toEqual(
      Buffer.from([4, 3, 2, 1]),
    );
  });

  it("refuses characters outside the alphabet", () => {
    expect(() => base64ToBytes("QUJD*")).toThrow(RangeError);
  });
});

describe("the transferred applicant table", () => {
  const { applicants } = demoApplicants({ seed: 17, villages: PASER_VILLAGES, today: TODAY, count: 3_000 });
  const table = buildApplicantTable(compiled, applicants, TODAY);
  const rules = { quota: 400, amountPerRecipient: 600_000, budget: 400 * 600_000 };

  it("ranks to the same selection once birth dates are replaced by their order", () => {
    const decoded = decodeTable(encodeTable(table), table.ids);
    expect(decoded.birth).not.toEqual(table.birth);
    const original = selectRecipients(compiled, table, rules, TODAY);
    const transferred = selectRecipients(compiled, decoded, rules, TODAY);
    expect(selectedIds(decoded, transferred)).toEqual(selectedIds(table, original));
    expect(Array.from(transferred.order)).toEqual(Array.from(original.order));
  });

  it("keeps birth order, ties and the unknown date last", () => {
    const keys = Uint32Array.of(500, 0x1ffff, 20, 500, 7);
    expect(Array.from(birthOrder(keys))).toEqual([2, 0x1ffff, 1, 2, 0]);
  });

  it("refuses columns that do not have one entry per applicant", () => {
    const transfer = encodeTable(table);
    expect(() => decodeTable({ ...transfer, eligible: bytesToBase64(new Uint8Array(3)) }, table.ids)).toThrow(
      RangeError,
    );
  });

  it("is what the demo simulation table delivers, with quota and budget from the shares", () => {
    const view = demoSimulationTable({ seed: 17, villages: PASER_VILLAGES, today: TODAY, count: 3_000 });
    expect(view.count).toBe(3_000);
    expect(view.rules).toEqual({ quota: 300, amountPerRecipient: 600_000, budget: 300 * 600_000 });
    expect(view.levels).toBe(encodeTable(table).levels);
    expect(view.names.every((n) => n !== null && n.length > 0)).toBe(true);
  });
});
