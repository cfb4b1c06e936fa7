/**
 * The civil registry's result file in, exactly once. The batch row is locked for the import, so two imports of
 * one batch queue; the same bytes again are a no-op that says so; each line is matched by results.ts; results,
 * verifications, review items, the withdrawals (through the workflow) and the audit entry commit together.
 */
import { createHash } from "node:crypto";
import { type Actor, auditActor, type Caller } from "../access/actor.ts";
import type { Executor } from "../db/index.ts";
import { DEFAULT_IMPORT_LIMITS } from "../imports/limits.ts";
import { bufferSource, openSheet, type SheetRow } from "../imports/sheet.ts";
import { openBound } from "../privacy/vault.ts";
import type { EnrollmentStatus, WorkflowAction } from "../workflow/engine.ts";
import { applyTransition, visibleTo } from "../workflow/service.ts";
import * as workflowStore from "../workflow/store.ts";
import { visibleBatch } from "./batches.ts";
import { ENDING_STATUSES, VERIFICATION_STATUSES, type VerificationStatus } from "./codes.ts";
import { assertCan, type CivilRegistry } from "./context.ts";
import {
  differingFields,
  type Matching,
  matchResults,
  type RecordedAnswer,
  type RegistryValues,
  type ResultEntry,
  readResultRows,
} from "./results.ts";
import * as store from "./store.ts";

export interface ResultReportLine {
  row: number;
  problem: string;
}

export interface ResultSummary {
  entries: number;
  applied: number;
  unchanged: number;
  conflicts: number;
  unmatched: number;
  malformed: number;
  reviews: number;
  withdrawn: number;
  /** Applications of a deceased or moved person the importer may not withdraw (another agency's): left to it. */
  withdrawalsLeft: number;
  byStatus: Record<VerificationStatus, number>;
  report: ResultReportLine[];
}

export interface ResultImport {
  fileId: string;
  alreadyReceived: boolean;
  sha256: string;
  summary: ResultSummary;
}

const FIELD_OF = { name: "name", birthDate: "birth_date", sex: "sex", kk: "kk", address: "address" } as const;

async function sheetRows(bytes: Buffer): Promise<SheetRow[]> {
  const sheet = await openSheet(bufferSource(bytes), DEFAULT_IMPORT_LIMITS);
  const rows: SheetRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return rows;
}

export async function importResults(
  cr: CivilRegistry,
  caller: Caller,
  batchId: string,
  input: { fileName: string; bytes: Buffer },
): Promise<ResultImport> {
  const { actor } = caller;
  assertCan(actor, "civil_registry.verify");
  const today = cr.env.today();
  const parsed = readResultRows(await sheetRows(input.bytes), today);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const { vault } = cr.env;
  const nikIndexOf = (nik: string) => Buffer.from(vault.blindIndex("nik", nik)).toString("hex");
  // The KK enters the fingerprint keyed: the answer is compared without keeping the number in plain.
  const fingerprintOf = (entry: ResultEntry) => {
    const { kk, ...rest } = entry.values;
    const keyed: Record<string, string> = { ...rest };
    if (kk) keyed.kk = vault.commitment("kk", kk);
    return JSON.stringify(
      Object.keys(keyed)
        .sort()
        .map((k) => [k, keyed[k]]),
    );
  };

  return cr.db.transaction(async (tx) => {
    const batch = await visibleBatch(tx, actor, batchId, true);
    const earlier = await store.findResultFile(tx, batch.id, sha256);
    if (earlier)
      return { fileId: earlier.id, alreadyReceived: true, sha256, summary: earlier.summary as ResultSummary };

    const lines = await store.linesOf(tx, batch.id);
    const lineById = new Map(lines.map((l) => [l.id, l]));
    const recorded = new Map<string, RecordedAnswer>();
    for (const r of await store.resultsOfBatch(tx, batch.id))
      recorded.set(r.lineId, {
        status: r.status,
        fingerprint: (r.differences as { fingerprint: string }).fingerprint,
      });
    const matchings = matchResults(
      batch.code,
      lines.map((l) => ({
        id: l.id,
        line: l.line,
        nikIndex: l.nikIndex ? Buffer.from(l.nikIndex).toString("hex") : null,
      })),
      parsed.entries,
      recorded,
      fingerprintOf,
      nikIndexOf,
    );

    const summary: ResultSummary = {
      entries: parsed.entries.length,
      applied: 0,
      unchanged: 0,
      conflicts: 0,
      unmatched: 0,
      malformed: parsed.malformed.length,
      reviews: 0,
      withdrawn: 0,
      withdrawalsLeft: 0,
      byStatus: Object.fromEntries(VERIFICATION_STATUSES.map((s) => [s, 0])) as Record<
        VerificationStatus,
        number
      >,
      report: parsed.malformed.map((m) => ({ row: m.row, problem: m.problem })),
    };
    const file = await store.insertResultFile(tx, {
      batchId: batch.id,
      sha256,
      fileName: input.fileName.slice(0, 200),
      summary: {},
      importedBy: actor.userId,
    });
    const toApply = matchings.filter((m): m is Extract<Matching, { kind: "apply" }> => m.kind === "apply");
    const people = await store.personsByIds(
      tx,
      toApply.map((m) => lineById.get(m.lineId)?.personId ?? ""),
    );
    const ending: { personId: string; status: VerificationStatus }[] = [];
    for (const m of matchings) {
      if (m.kind === "unchanged") summary.unchanged++;
      if (m.kind === "conflict") {
        summary.conflicts++;
        summary.report.push({ row: m.entry.row, problem: "answer_differs_from_earlier" });
      }
      if (m.kind === "unmatched") {
        summary.unmatched++;
        summary.report.push({ row: m.entry.row, problem: m.problem });
      }
      if (m.kind !== "apply") continue;
      const line = lineById.get(m.lineId);
      const person = line ? people.get(line.personId) : undefined;
      if (!line || !person) continue;
      const ours = {
        name: person.name,
        birthDate: person.birthDate,
        sex: person.sex,
        kk: openBound(vault, "kk", person.kkCipher, person.kkIndex),
        address: person.address,
      };
      const differing = differingFields(ours, m.entry.values);
      const differences: Record<string, unknown> = { fingerprint: m.fingerprint };
      for (const f of differing) if (f !== "kk") differences[f] = m.entry.values[f];
      if (differing.includes("kk")) differences.kk = true;
      const result = await store.insertResult(tx, {
        lineId: line.id,
        personId: person.id,
        fileId: file.id,
        status: m.entry.status,
        checkedOn: today,
        differences,
        registryKkCipher:
          differing.includes("kk") && m.entry.values.kk ? vault.seal("kk", m.entry.values.kk) : null,
      });
      await store.recordVerification(tx, {
        personId: person.id,
        status: m.entry.status,
        checkedOn: today,
        source: "batch",
        sourceRef: batch.code,
        villageCode: person.villageCode,
        districtCode: person.districtCode,
      });
      // A dead or moved person's record is not corrected: their applications end instead.
      if (!ENDING_STATUSES.has(m.entry.status)) {
        await store.insertReviews(
          tx,
          differing.map((f: keyof RegistryValues) => ({
            resultId: result.id,
            personId: person.id,
            field: FIELD_OF[f],
            registryValue: f === "kk" ? null : String(m.entry.values[f]),
            villageCode: person.villageCode,
            districtCode: person.districtCode,
          })),
        );
        summary.reviews += differing.length;
      } else ending.push({ personId: person.id, status: m.entry.status });
      summary.applied++;
      summary.byStatus[m.entry.status]++;
    }
    const withdrawal = await withdrawApplications(cr, tx, caller, ending, batch.code);
    summary.withdrawn = withdrawal.withdrawn;
    summary.withdrawalsLeft = withdrawal.left;
    summary.report.sort((a, b) => a.row - b.row);
    await store.setResultFileSummary(tx, file.id, summary);
    await cr.audit.append(tx, {
      actor: auditActor(actor),
      action: "civil_registry.result_import",
      entity: "civil_registry_batch",
      entityId: batch.id,
      area: batch.areaCode === cr.env.regencyCode ? null : batch.areaCode,
      before: null,
      after: {
        code: batch.code,
        sha256,
        applied: summary.applied,
        unchanged: summary.unchanged,
        conflicts: summary.conflicts,
        unmatched: summary.unmatched,
        malformed: summary.malformed,
        withdrawn: summary.withdrawn,
      },
      reason: null,
      requestId: caller.requestId,
    });
    return { fileId: file.id, alreadyReceived: false, sha256, summary };
  });
}

const BEFORE_DECREE: readonly EnrollmentStatus[] = [
  "draft",
  "submitted",
  "verified",
  "validated",
  "selected",
  "published",
];
const AFTER_DECREE: readonly EnrollmentStatus[] = ["approved", "payment_failed"];

/**
 * Ends the open applications of persons the registry reports dead or moved out, each through the workflow
 * (its rules, status guard and audit entry): before the decree as a withdrawal with the reason in words, after
 * it as the recipient's withdrawal with the coded reason, so the payment batch never picks them up.
 */
export async function withdrawApplications(
  cr: CivilRegistry,
  tx: Executor,
  caller: Caller,
  persons: readonly { personId: string; status: VerificationStatus }[],
  source: string,
): Promise<{ withdrawn: number; left: number }> {
  const statusOf = new Map(persons.map((p) => [p.personId, p.status]));
  const open = await store.openEnrollmentIds(tx, [...statusOf.keys()], [...BEFORE_DECREE, ...AFTER_DECREE]);
  const apps = await workflowStore.loadApplications(
    tx,
    open.map((o) => o.id),
  );
  let withdrawn = 0;
  let left = 0;
  for (const { id, personId } of open) {
    const app = apps.get(id);
    const status = statusOf.get(personId);
    if (!app || !status) continue;
    if (!mayWithdraw(caller.actor, app)) {
      left++;
      continue;
    }
    const decreed = AFTER_DECREE.includes(app.status);
    const action: WorkflowAction = decreed ? "withdraw_recipient" : "withdraw";
    const words = status === "deceased" ? "meninggal dunia" : "pindah keluar daerah";
    await applyTransition(cr, tx, caller, app, {
      action,
      version: app.version,
      reasonCode: decreed ? (status === "deceased" ? "deceased" : "moved_away") : null,
      reason: `Dukcapil (${source}): ${words}`,
    });
    withdrawn++;
  }
  return { withdrawn, left };
}

function mayWithdraw(actor: Actor, app: workflowStore.ApplicationRow): boolean {
  return visibleTo(actor, app);
}
