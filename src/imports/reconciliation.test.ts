import { PassThrough } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { generateLinkageDataset, type SourceRecord } from "../demo/index.ts";
import { conflictsOf } from "./reconcile.ts";
import {
  decideLines,
  exportReconciliation,
  searchReconciliationLines,
  submitReconciliation,
} from "./reconciliation.ts";
import { type ImportDeps, importDeps, submitImport } from "./service.ts";
import * as store from "./store.ts";
import { csvText, LIST_HEADERS, listPersonOf, listRows, programPeriod, upload } from "./testing.ts";

describeEachDatabase("reconciliation of a central list", (salur) => {
  let d: ImportDeps;
  let target: Awaited<ReturnType<typeof programPeriod>>;
  // One population, two lists: the regency's clean list (imported) and a damaged central list.
  const dataset = generateLinkageDataset({
    seed: 31,
    records: 1500,
    sources: [
      { name: "DAERAH", coverage: 0.6, duplicateRate: 0, errorRate: 0 },
      { name: "DTKS", coverage: 0.55, duplicateRate: 0, errorRate: 0.2, omit: ["phone"] },
    ],
  });
  const regional = dataset.records.filter((r) => r.source === "DAERAH");
  const central = dataset.records.filter((r) => r.source === "DTKS");
  let reconciliationId = "";

  beforeAll(async () => {
    d = importDeps(salur(), { parallel: "inline" });
    target = await programPeriod(salur());
    const stored = await upload(d, csvText([LIST_HEADERS, ...listRows(regional)]));
    const imported = await submitImport(d, target.caller, stored, {
      fileName: "daerah.csv",
      periodId: target.periodId,
      mode: "apply",
      invalidRows: "reject_file",
    });
    if (imported.job) await d.jobs.wait(imported.job.id);
    const file = await upload(d, csvText([LIST_HEADERS, ...listRows(central)]));
    const submitted = await submitReconciliation(d, target.caller, file, {
      fileName: "dtks.csv",
      periodId: target.periodId,
      scope: "period",
      sourceName: "DTKS",
    });
    const job = await d.jobs.wait(submitted.job?.id ?? "");
    expect(job.state).toBe("succeeded");
    reconciliationId = submitted.reconciliationId;
  }, 180_000);
  afterAll(async () => {
    await d.jobs.idle();
  });

  it("sorts every central row and every enrolled person into the four sets, as the generator's truth says", async () => {
    const regionalByTruth = new Map(regional.map((r) => [r.truthId, r]));
    const truthPairs = central.filter((c) => regionalByTruth.has(c.truthId));
    const truthConflicts = truthPairs.filter(
      (c) =>
        conflictsOf(listPersonOf(c), listPersonOf(regionalByTruth.get(c.truthId) as SourceRecord)).length > 0,
    ).length;
    const record = await store.getReconciliation(d.db, reconciliationId);
    const counts = record?.counts as {
      matched: number;
      conflict: number;
      central_only: number;
      regional_only: number;
    };
    expect(counts.matched + counts.conflict).toBe(truthPairs.length);
    expect(counts.central_only).toBe(central.length - truthPairs.length);
    expect(counts.regional_only).toBe(regional.length - truthPairs.length);
    expect(counts.conflict).toBe(truthConflicts);
  });

  it("pairs each central row with the right person", async () => {
    const rows = await queryRows<{ central_row: number; name: string; person_name: string }>(
      d.db,
      sql`select l.central_row, l.central_name as name, p.name as person_name from reconciliation_lines l
          join persons p on p.id = l.person_id
          where l.reconciliation_id = ${reconciliationId} and l.category in ('matched', 'conflict')`,
    );
    const byRow = new Map(central.map((c, i) => [i + 2, c]));
    const regionalByTruth = new Map(regional.map((r) => [r.truthId, r]));
    const wrong = rows.filter(
      (r) => regionalByTruth.get(byRow.get(r.central_row)?.truthId ?? "")?.name !== r.person_name,
    );
    expect(wrong).toEqual([]);
  });

  it("records a decision with an audit entry, and refuses one that does not fit the line", async () => {
    const page = await searchReconciliationLines(d, target.caller, reconciliationId, {
      category: "central_only",
      page: 1,
      pageSize: 2,
    });
    const line = page.items[0];
    if (!line) throw new Error("no central-only line");
    const [decided] = await decideLines(d, target.caller, reconciliationId, {
      lines: [{ id: line.id, version: line.version }],
      decision: "field_check",
      reason: "pindah domisili?",
    });
    expect(decided).toMatchObject({
      decision: "field_check",
      decisionReason: "pindah domisili?",
      version: line.version + 1,
    });
    const audit = await queryRows<{ action: string }>(
      d.db,
      sql`select action from audit_entries where entity = 'reconciliation_line' and entity_id = ${line.id}`,
    );
    expect(audit).toEqual([{ action: "reconciliation.decide" }]);
    await expect(
      decideLines(d, target.caller, reconciliationId, {
        lines: [{ id: line.id }],
        decision: "keep_proposed",
      }),
    ).rejects.toMatchObject({ code: "RECONCILIATION_DECISION_NOT_ALLOWED" });
    await expect(
      decideLines(d, target.caller, reconciliationId, {
        lines: [{ id: line.id, version: line.version }],
        decision: "field_check",
      }),
    ).rejects.toMatchObject({ code: "VERSION_CONFLICT" });
  });

  it("exports one set with masked NIKs and neutralised cells", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const rows = await exportReconciliation(
      d,
      target.caller,
      reconciliationId,
      { filter: { category: "regional_only" }, identity: "masked", format: "csv", language: "id" },
      out,
    );
    const text = Buffer.concat(chunks).toString("utf8");
    const record = await store.getReconciliation(d.db, reconciliationId);
    expect(rows).toBe((record?.counts as Record<string, number> | undefined)?.regional_only);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(rows + 1);
    expect(text).not.toMatch(/\d{16}/);
    expect(text).toMatch(/\d{6}\*{6}\d{4}/);
  });
});
