import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PASER_VILLAGES } from "../demo/paser-villages.ts";
import { SEED_003_MODEL } from "./defaults.ts";
import { demoApplicants } from "./demo-table.ts";
import { compileRatingModel } from "./rating.ts";
import { buildApplicantTable, selectedIds, selectRecipients } from "./selection.ts";
import {
  inputsDigest,
  reproduceSelectionRun,
  type SelectionRunFacts,
  selectionRunSha256,
} from "./selection-run.ts";

const TODAY = "2026-07-01";
const compiled = compileRatingModel(SEED_003_MODEL);
const { applicants } = demoApplicants({ seed: 5, villages: PASER_VILLAGES, today: TODAY, count: 800 });
const table = buildApplicantTable(compiled, applicants, TODAY);
const rules = { quota: 120, amountPerRecipient: 600_000, budget: 120 * 600_000 };
const selection = selectRecipients(compiled, table, rules, TODAY);

const facts: SelectionRunFacts = {
  programId: "p",
  periodId: "t",
  runNumber: 1,
  snapshotSha256: selection.snapshot.sha256,
  referenceDate: TODAY,
  rules,
  inputsSha256: inputsDigest(table),
  applicantCount: table.count,
  eligibleCount: selection.eligibleCount,
  limitedBy: selection.limitedBy,
  cutoffScore: selection.cutoffScore,
  selected: selectedIds(table, selection),
};
const stored = { snapshot: selection.snapshot.json, sha256: selectionRunSha256(facts), facts };

describe("selection run hash", () => {
  it("is reproduced from the stored inputs and the model snapshot", () => {
    expect(reproduceSelectionRun(stored, table)).toMatchObject({ reproducible: true, sha256: stored.sha256 });
  });

  it("changes when any fact changes: run number, rules, date, list order", () => {
    const variants: SelectionRunFacts[] = [
      { ...facts, runNumber: 2 },
      { ...facts, rules: { ...rules, quota: 119 } },
      { ...facts, referenceDate: "2026-07-02" },
      { ...facts, selected: [...facts.selected].reverse() },
    ];
    for (const variant of variants) expect(selectionRunSha256(variant)).not.toBe(stored.sha256);
  });

  it("no longer reproduces when one applicant's stored level or tie-break key is altered", () => {
    const levels = table.levels.slice();
    levels[0] = levels[0] === 0 ? 1 : 0;
    expect(reproduceSelectionRun(stored, { ...table, levels }).reproducible).toBe(false);
    const registration = table.registration.slice();
    registration[3] = 999_999;
    expect(reproduceSelectionRun(stored, { ...table, registration }).reproducible).toBe(false);
  });

  it("digests inputs as one plain line per applicant, which any tool can recompute", () => {
    const one = {
      count: 2,
      criteriaCount: 3,
      ids: ["E1", "E2"],
      levels: Uint8Array.of(0, 1, 254, 255, 2, 10),
      birth: Uint32Array.of(30000, 0x1ffff),
      registration: Uint32Array.of(1, 2),
      eligible: Uint8Array.of(1, 0),
    };
    const text = "E1,1,0001fe,30000,1\nE2,0,ff020a,131071,2\n";
    expect(inputsDigest(one)).toBe(createHash("sha256").update(text).digest("hex"));
  });
});
