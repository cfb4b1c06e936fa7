/** The reconciliation job: the central list compared with the period's persons and stored as lines. */
import type { AuditActor } from "../audit/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { JobContext } from "../jobs/index.ts";
import { normalizeIdNumber } from "../nik/index.ts";
import { openBound } from "../privacy/vault.ts";
import { type CentralRow, readCentralList } from "./central-list.ts";
import type { ImportDeps } from "./deps.ts";
import { FileRejected } from "./limits.ts";
import { type ListPerson, reconcile } from "./reconcile.ts";
import type { reconciliationLines } from "./schema.ts";
import * as store from "./store.ts";

export const RECONCILIATION_JOB = "reconciliation";

export interface ReconciliationJobParams extends Record<string, unknown> {
  reconciliationId: string;
  actor: AuditActor;
  requestId: string | null;
}

// The job ----------------------------------------------------------------------------------------------------

type LineInsert = typeof reconciliationLines.$inferInsert;

export async function runReconciliation(
  d: ImportDeps,
  context: JobContext,
): Promise<Record<string, unknown>> {
  const params = context.params as ReconciliationJobParams;
  const record = await store.getReconciliation(d.db, params.reconciliationId);
  if (!record) throw new DomainError("RECONCILIATION_NOT_FOUND", { id: params.reconciliationId }, 404);
  await store.updateReconciliation(d.db, record.id, { state: "running" });
  try {
    context.progress({ stage: "read", done: 0, total: record.fileBytes });
    const layout = (record.layout ?? {}) as { headerRow?: number | null; sheetName?: string | null };
    const central = await readCentralList(
      d.uploads.source(record.storedAs, record.fileBytes),
      {
        template: record.template,
        headerRow: layout.headerRow ?? null,
        sheetName: layout.sheetName ?? null,
        today: d.env.today(),
      },
      d,
      d.villages(),
      (bytes) => context.progress({ stage: "read", done: bytes, total: record.fileBytes }),
    );
    const regionalRows = await store.personsOfScope(
      d.db,
      record.scope === "registry" ? "registry" : { periodId: record.periodId },
    );
    const { vault } = d.env;
    const open = (field: "nik" | "kk" | "phone", sealed: Uint8Array | null, index: Uint8Array | null) =>
      openBound(vault, field, sealed, index);
    const regional: ListPerson[] = regionalRows.map((p) => ({
      nik: open("nik", p.nikCipher, p.nikIndex),
      kk: open("kk", p.kkCipher, p.kkIndex),
      name: p.name,
      birthPlace: p.birthPlace,
      birthDate: p.birthDate,
      sex: p.sex,
      address: p.address,
      villageCode: p.villageCode,
      rt: p.rt,
      rw: p.rw,
      phone: open("phone", p.phoneCipher, p.phoneIndex),
    }));
    context.progress({ stage: "match", done: 0, total: null });
    const result = reconcile(
      central.rows.map((r) => r.person),
      regional,
      {
        onProgress: (stage, done, total) =>
          context.progress({ stage: "match", done, total, detail: { step: stage } }),
      },
    );
    context.progress({ stage: "store", done: 0, total: result.lines.length });
    const seal = (field: "nik" | "kk", value: string | null) => {
      const digits = value ? normalizeIdNumber(value).value : "";
      return digits ? vault.seal(field, digits) : null;
    };
    const lines: LineInsert[] = result.lines.map((line) => {
      const c = line.central === null ? null : (central.rows[line.central] as CentralRow);
      const r = line.regional === null ? null : (regionalRows[line.regional] as store.LinkagePerson);
      const villageCode = r?.villageCode ?? c?.person.villageCode ?? null;
      const nearest = line.nearest ? regionalRows[line.nearest.regional] : undefined;
      return {
        reconciliationId: record.id,
        category: line.category,
        centralRow: c?.row ?? null,
        personId: r?.id ?? null,
        villageCode,
        districtCode: villageCode ? villageCode.slice(0, 8) : null,
        rt: r?.rt ?? c?.person.rt ?? null,
        centralName: c?.person.name ?? null,
        centralBirthDate: c?.person.birthDate ?? null,
        centralSex: c?.person.sex ?? null,
        centralAddress: c?.person.address ?? null,
        centralVillageCode: c?.person.villageCode ?? null,
        centralRt: c?.person.rt ?? null,
        centralRw: c?.person.rw ?? null,
        centralNikCipher: c ? seal("nik", c.person.nik) : null,
        centralKkCipher: c ? seal("kk", c.person.kk) : null,
        probability: line.probability,
        evidence: line.evidence
          ? (line.evidence as unknown as Record<string, unknown>)
          : nearest && line.nearest
            ? { nearest: { personId: nearest.id, name: nearest.name, probability: line.nearest.probability } }
            : null,
        conflicts: line.conflicts,
      };
    });
    await d.db.transaction(async (tx) => {
      await store.deleteLines(tx, record.id);
      await store.insertLines(tx, lines);
      const counts = {
        ...result.counts,
        centralRows: central.rows.length,
        centralSkipped: central.skipped,
        regional: regional.length,
      };
      await store.updateReconciliation(tx, record.id, {
        state: "done",
        counts,
        layout: { ...layout, ...central.layout },
        finishedAt: new Date(),
      });
      await d.audit.append(tx, {
        actor: params.actor,
        action: "reconciliation.run",
        entity: "reconciliation",
        entityId: record.id,
        area: null,
        after: {
          periodId: record.periodId,
          scope: record.scope,
          sourceName: record.sourceName,
          contentHash: record.contentHash,
          ...counts,
        },
        requestId: params.requestId,
      });
    });
    context.progress({ stage: "store", done: lines.length, total: lines.length });
    return { reconciliationId: record.id, counts: result.counts };
  } catch (error) {
    if (error instanceof FileRejected) {
      await store.updateReconciliation(d.db, record.id, {
        state: "failed",
        problem: { code: error.code, row: error.row, column: error.column, params: error.params },
        finishedAt: new Date(),
      });
      throw error;
    }
    await store
      .updateReconciliation(d.db, record.id, { state: "failed", finishedAt: new Date() })
      .catch(() => {});
    throw error;
  }
}
