import { sql } from "drizzle-orm";
import type { AccessProbes, ProbeContext, Whereabouts } from "../access/matrix.ts";
import type { Action } from "../access/permissions.ts";
import { roleCan } from "../access/permissions.ts";
import { queryRows } from "../db/index.ts";
import type { Salur } from "../runtime.ts";
import { approveBatch, exportBatch, prepareBatches } from "./batches.ts";
import { paymentsOf } from "./context.ts";
import { upsertLayout } from "./layout-store.ts";
import { freshDecree } from "./payments.fixture.ts";
import type { BatchRow } from "./store.ts";

/**
 * Access-matrix probes of the payment routes (src/access/access-matrix.test.ts). A batch belongs to its paying
 * agency: a program manager of agency A must not see, approve, export, settle or resolve agency B's. Batches
 * are made by the setup actor (so no maker-checker conflict with the matrix user), paid through the matrix's
 * bank, whose operator is the matrix bank operator; each probe that changes a batch gets a fresh one.
 */
type State = "prepared" | "approved" | "exported" | "failed";

const NOBODY = "00000000-0000-4000-8000-000000000000";

/**
 * A decreed recipient of program A (inside) or B (outside-agency), moved to Janju — outside every matrix user's
 * area, as the decree probes do — so the person and enrollment lists other probes check are not crowded by it.
 */
async function decreeOf(c: ProbeContext, inKuaro = false): Promise<string> {
  const programId = c.side === "outside-agency" ? c.fx.programB : c.fx.programA;
  const { periodId, enrollmentIds } = await freshDecree(c.salur, { programId }, 1);
  // The bank operator records a payment only within their own area (Kuaro): that probe's recipient stays in Lolo.
  if (inKuaro) return periodId;
  const db = c.salur.database.db;
  await db.execute(sql`update enrollments set village_code = '64.01.04.2002', district_code = '64.01.04'
      where id = ${enrollmentIds[0] ?? NOBODY}`);
  await db.execute(sql`update persons set village_code = '64.01.04.2002', district_code = '64.01.04'
      where id = (select person_id from enrollments where id = ${enrollmentIds[0] ?? NOBODY})`);
  return periodId;
}

async function batchIn(c: ProbeContext, state: State, inKuaro = false): Promise<BatchRow> {
  const payments = paymentsOf(c.salur);
  const periodId = await decreeOf(c, inKuaro);
  const [batch] = await prepareBatches(payments, c.setup, {
    decreeId: periodId,
    bankAgencyId: c.fx.bank,
    claimDeadline: "2026-12-01",
    split: "none",
  });
  if (!batch) throw new Error("matrix payment batch not made");
  if (state === "prepared") return batch;
  const approved = await approveBatch(payments, c.setup, batch.id, {
    version: batch.version,
    linesSha256: batch.linesSha256,
  });
  if (state === "approved") return approved;
  await exportBatch(payments, c.setup, batch.id, { format: "csv" });
  if (state === "failed") {
    // The bank's failure as a result file would leave it; written directly, the resolution probe needs no bank.
    await c.salur.database.db.execute(
      sql`update payment_lines set status = 'failed', failure_reason = 'account_closed', version = version + 1
          where batch_id = ${batch.id}`,
    );
  }
  return batch;
}

/** One exported batch per database and agency for the read probes, which change nothing. */
const readable = new WeakMap<Salur, Map<string, Promise<BatchRow>>>();
function exportedFor(c: ProbeContext): Promise<BatchRow> {
  const bySide = readable.get(c.salur) ?? new Map<string, Promise<BatchRow>>();
  readable.set(c.salur, bySide);
  const key = c.side === "outside-agency" ? "B" : "A";
  const existing = bySide.get(key);
  if (existing) return existing;
  const made = batchIn(c, "exported");
  bySide.set(key, made);
  return made;
}

/** A role without the action is refused before any record is read: no batch is made for it. */
const allowed = (c: ProbeContext, action: Action) => roleCan(c.user.role, action);

function readProbe(path: (id: string) => string) {
  return async (c: ProbeContext) => {
    const id = allowed(c, "payment.read") ? (await exportedFor(c)).id : NOBODY;
    return { method: "GET", url: path(id), kind: "object" as const };
  };
}

async function lineOf(c: ProbeContext, batchId: string) {
  const [line] = await queryRows<{ id: string; version: number; reference: string; amount: string }>(
    c.salur.database.db,
    sql`select id, version, reference, amount from payment_lines where batch_id = ${batchId}`,
  );
  if (!line) throw new Error("matrix payment line missing");
  return line;
}

async function batchWhereabouts(salur: Salur, batchId: string): Promise<Whereabouts> {
  const [row] = await queryRows<{ agency_id: string }>(
    salur.database.db,
    sql`select agency_id from payment_batches where id = ${batchId}`,
  );
  return { area: null, agencyId: row?.agency_id ?? null };
}

/** A saved export layout of agency A (inside) or B (outside-agency), written as the agency's store keeps it. */
async function savedLayout(c: ProbeContext, outside = c.side === "outside-agency"): Promise<string> {
  const code = `mx-tata-letak-${c.next()}`;
  const row = await upsertLayout(c.salur.database.db, {
    agencyId: outside ? c.fx.agencyB : c.fx.agencyA,
    kind: "export",
    code,
    name: code,
    layout: { code, name: code, delimiter: ";", columns: [{ header: "NIK", field: "nik" }] },
    createdBy: null,
  });
  return row.id;
}

async function layoutAgency(salur: Salur, id: string): Promise<string | null> {
  const [row] = await queryRows<{ agency_id: string }>(
    salur.database.db,
    sql`select agency_id from payment_layouts where id = ${id}`,
  );
  return row?.agency_id ?? null;
}

export const ACCESS_PROBES: AccessProbes = {
  "GET /api/payment-batches": async (c) => {
    const inside = allowed(c, "payment.read") ? await exportedFor(c) : null;
    return {
      method: "GET",
      url: "/api/payment-batches",
      kind: "list",
      items: (body) => (body as { items: { id: string }[] }).items,
      // Batches are regency-wide records of an agency: only their agency matters here.
      whereIs: async (item: { id: string }) => ({
        agencyId: (await batchWhereabouts(c.salur, item.id)).agencyId,
      }),
      mustInclude: (items) => !inside || (items as { id: string }[]).some((b) => b.id === inside.id),
    };
  },
  "POST /api/payment-batches": async (c) => {
    const decreeId = allowed(c, "payment.prepare") ? await decreeOf(c) : NOBODY;
    return {
      method: "POST",
      url: "/api/payment-batches",
      payload: { decreeId, bankAgencyId: c.fx.bank, claimDeadline: "2026-12-31", split: "none" },
      kind: "create",
    };
  },
  "GET /api/payment-batches/:id": readProbe((id) => `/api/payment-batches/${id}`),
  "GET /api/payment-batches/:id/lines": readProbe((id) => `/api/payment-batches/${id}/lines`),
  "GET /api/payment-batches/:id/cover-letter": readProbe((id) => `/api/payment-batches/${id}/cover-letter`),
  "GET /api/payments/reconciliation": readProbe((id) => `/api/payments/reconciliation?batchId=${id}`),
  "POST /api/payment-batches/:id/approve": async (c) => {
    const batch = allowed(c, "payment.approve") ? await batchIn(c, "prepared") : null;
    return {
      method: "POST",
      url: `/api/payment-batches/${batch?.id ?? NOBODY}/approve`,
      payload: { version: batch?.version ?? 1, linesSha256: batch?.linesSha256 ?? "0".repeat(64) },
      kind: "object",
    };
  },
  "POST /api/payment-batches/:id/export": async (c) => {
    const batch = allowed(c, "payment.export") ? await batchIn(c, "approved") : null;
    return {
      method: "POST",
      url: `/api/payment-batches/${batch?.id ?? NOBODY}/export`,
      payload: { format: "csv" },
      kind: "object",
    };
  },
  "POST /api/payment-batches/:id/results": async (c) => {
    if (!allowed(c, "payment.result.apply"))
      return {
        method: "POST",
        url: `/api/payment-batches/${NOBODY}/results`,
        payload: { fileName: "hasil.csv", format: "csv", contentBase64: "eA==" },
        kind: "object",
      };
    const batch = await batchIn(c, "exported", true);
    const line = await lineOf(c, batch.id);
    const csv = `NO_REFERENSI;REF_BANK;STATUS;NOMINAL;TANGGAL;KODE_ALASAN;KETERANGAN\r\n${line.reference};MX${c.next()};SUKSES;${line.amount};2026-12-01;;\r\n`;
    return {
      method: "POST",
      url: `/api/payment-batches/${batch.id}/results`,
      payload: { fileName: "hasil.csv", format: "csv", contentBase64: Buffer.from(csv).toString("base64") },
      kind: "object",
    };
  },
  "POST /api/payment-batches/:id/claim-deadline": async (c) => {
    const batch = allowed(c, "payment.resolve") ? await batchIn(c, "exported") : null;
    return {
      method: "POST",
      url: `/api/payment-batches/${batch?.id ?? NOBODY}/claim-deadline`,
      payload: { asOf: "2026-12-02" },
      kind: "object",
    };
  },
  "POST /api/payment-lines/:id/resolution": async (c) => {
    const line = allowed(c, "payment.resolve") ? await lineOf(c, (await batchIn(c, "failed")).id) : null;
    return {
      method: "POST",
      url: `/api/payment-lines/${line?.id ?? NOBODY}/resolution`,
      payload: { action: "cancel", version: line?.version ?? 1, reason: "rekening ditutup, dibatalkan" },
      kind: "object",
    };
  },
  "GET /api/payments/uncollected": async (c) => {
    if (allowed(c, "payment.uncollected")) await exportedFor(c);
    return {
      method: "GET",
      url: "/api/payments/uncollected?pageSize=500",
      kind: "list",
      items: (body) => (body as { items: { id: string }[] }).items,
      whereIs: async (item: { id: string; villageCode: string; rt: string | null }) => {
        const [row] = await queryRows<{ agency_id: string }>(
          c.salur.database.db,
          sql`select b.agency_id from payment_lines l join payment_batches b on b.id = l.batch_id
              where l.id = ${item.id}`,
        );
        return { area: { code: item.villageCode, rt: item.rt }, agencyId: row?.agency_id ?? null };
      },
    };
  },
  "GET /api/payment-layouts": async (c) => {
    const inside = allowed(c, "payment.read") ? await savedLayout(c, false) : null;
    // Another agency's layout exists too, so listing it anywhere it must not be shows as a leak.
    await savedLayout(c, true);
    return {
      method: "GET",
      url: "/api/payment-layouts",
      kind: "list",
      items: (body) => (body as { items: unknown[] }).items,
      // Built-in layouts belong to no agency; a saved one to the agency that saved it.
      whereIs: async (item: { id: string; builtIn: boolean }) => ({
        agencyId: item.builtIn ? null : await layoutAgency(c.salur, item.id),
      }),
      mustInclude: (items) =>
        (items as { id: string; builtIn: boolean }[]).some((l) =>
          c.user.role === "program_manager" ? l.id === inside : l.builtIn,
        ),
    };
  },
  "POST /api/payment-layouts": async (c) => {
    const code = `mx-simpan-${c.next()}`;
    return {
      method: "POST",
      url: "/api/payment-layouts",
      payload: {
        kind: "export",
        agencyId: c.side === "outside-agency" ? c.fx.agencyB : c.fx.agencyA,
        layout: { code, name: code, delimiter: ";", columns: [{ header: "NIK", field: "nik" }] },
      },
      kind: "create",
    };
  },
  "DELETE /api/payment-layouts/:id": async (c) => {
    const id = allowed(c, "payment.export") ? await savedLayout(c) : NOBODY;
    return { method: "DELETE", url: `/api/payment-layouts/${id}`, kind: "object" };
  },
};
