/**
 * Receipt use cases. Each takes the caller's transaction, so a confirmation, the sensitive complaint it opens and
 * both audit entries commit together or not at all.
 */
import { randomInt } from "node:crypto";
import { assertWritableArea, auditActor, type Caller, sees } from "../access/actor.ts";
import type { AuditLog } from "../audit/index.ts";
import { type Complaints, openComplaint } from "../complaints/index.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { ConfirmationAnswer, ConfirmationChannel } from "./codes.ts";
import {
  type ConfirmedLine,
  DEFAULT_DETECTOR_SETTINGS,
  type DetectorSettings,
  detectSkimming,
  type Flag,
} from "./detector.ts";
import { type Leakage, leakageOf } from "./leakage.ts";
import { drawVerificationSample } from "./sample.ts";
import * as store from "./store.ts";

export interface Receipts {
  audit: AuditLog;
  complaints: Complaints;
  regencyCode: string;
  clock: () => Date;
}

export interface ConfirmationInput {
  lineId: string;
  channel: ConfirmationChannel;
  answer: ConfirmationAnswer;
  /** Only for received_less: what reached the hand. */
  receivedAmount?: number | null | undefined;
  askedBy?: string | null | undefined;
  askedWhy?: string | null | undefined;
  sampleId?: string | null | undefined;
  distributionPoint?: string | null | undefined;
  distributor?: string | null | undefined;
}

export interface ConfirmationResult {
  id: string;
  /** The tracking code of the sensitive complaint a shortfall or non-receipt opened. */
  complaintCode: string | null;
}

const PUBLIC_COLLECTOR = "Penerima (portal publik)";
const COMPLAINT_CHANNEL = { portal: "web", verification: "phone", officer: "walk_in" } as const;

function receivedFor(line: store.PaidLine, input: ConfirmationInput): number | null {
  switch (input.answer) {
    case "received_full":
      return line.amount;
    case "not_received":
      return 0;
    case "refused":
      return null;
    case "received_less": {
      const amount = input.receivedAmount;
      if (
        amount === null ||
        amount === undefined ||
        !Number.isInteger(amount) ||
        amount < 0 ||
        amount >= line.amount
      )
        throw new DomainError("RECEIPT_AMOUNT_INVALID", { paid: line.amount }, 422);
      return amount;
    }
  }
}

const rupiah = (amount: number) => `Rp${amount.toLocaleString("id-ID")}`;

/**
 * Records what reached the recipient's hand. `caller` null is the recipient on the portal (their self-check
 * already proved who they are, and the route passes only their own line). A shortfall or non-receipt opens a
 * complaint in the sensitive category (deduction), which goes to the Inspektorat and never to the desa: after the
 * bank paid in full, the money went missing between the bank and the hand, where the desa may be the one taking.
 */
export async function recordConfirmation(
  r: Receipts,
  tx: Executor,
  caller: Caller | null,
  input: ConfirmationInput,
): Promise<ConfirmationResult> {
  if ((caller === null) !== (input.channel === "portal"))
    throw new DomainError("RECEIPT_CHANNEL_INVALID", { channel: input.channel }, 422);
  const line = await store.loadLine(tx, input.lineId);
  if (!line || (caller && !sees(caller.actor, { code: line.villageCode })))
    throw new DomainError("RECEIPT_LINE_NOT_FOUND", { id: input.lineId }, 404);
  if (caller) assertWritableArea(caller.actor, { code: line.villageCode });
  if (line.status !== "paid") throw new DomainError("RECEIPT_LINE_NOT_PAID", { status: line.status }, 409);
  if (await store.findConfirmation(tx, line.id, input.channel))
    throw new DomainError("RECEIPT_ALREADY_CONFIRMED", { channel: input.channel }, 409);
  if (input.channel === "verification") {
    if (!input.sampleId || !(await store.sampleHasLine(tx, input.sampleId, line.id)))
      throw new DomainError("RECEIPT_LINE_NOT_IN_SAMPLE", {}, 422);
  }
  const received = receivedFor(line, input);
  const askedBy = input.answer === "received_less" ? input.askedBy?.trim() || null : null;
  const askedWhy = input.answer === "received_less" ? input.askedWhy?.trim() || null : null;

  let complaint: { id: string; code: string } | null = null;
  if (input.answer === "received_less" || input.answer === "not_received") {
    const what =
      input.answer === "not_received"
        ? `Penerima melaporkan tidak menerima bantuan ${rupiah(line.amount)} yang menurut bank sudah dibayar`
        : `Penerima melaporkan menerima ${rupiah(received ?? 0)} dari ${rupiah(line.amount)} (kurang ${rupiah(line.amount - (received ?? 0))})`;
    const asked = [askedBy ? `yang meminta: ${askedBy}` : null, askedWhy ? `alasan: ${askedWhy}` : null]
      .filter((part) => part !== null)
      .join("; ");
    const opened = await openComplaint(r.complaints, tx, caller, {
      category: "deduction",
      channel: COMPLAINT_CHANNEL[input.channel],
      // The payment reference makes each report its own complaint: the same words from the same desa on one day
      // would otherwise be taken for one complaint sent twice.
      description: `${what}. Referensi pembayaran ${line.reference}.${asked ? ` ${asked}.` : ""}`,
      villageCode: line.villageCode,
      personId: line.personId,
      reference: line.reference,
      anonymous: true,
    });
    complaint = { id: opened.id, code: opened.code };
  }

  const now = r.clock();
  const row = await store.insertConfirmation(tx, {
    lineId: line.id,
    batchId: line.batchId,
    districtCode: line.districtCode,
    villageCode: line.villageCode,
    rw: line.rw,
    rt: line.rt,
    distributionPoint: input.distributionPoint?.trim() || null,
    distributor: input.distributor?.trim() || null,
    channel: input.channel,
    answer: input.answer,
    paidAmount: line.amount,
    receivedAmount: received,
    askedBy,
    askedWhy,
    sampleId: input.channel === "verification" ? (input.sampleId ?? null) : null,
    complaintId: complaint?.id ?? null,
    collectedBy: caller?.actor.userId ?? null,
    collectedByName: caller ? caller.actor.name : PUBLIC_COLLECTOR,
    recordedAt: now,
  });
  await r.audit.append(tx, {
    actor: caller
      ? auditActor(caller.actor)
      : { id: null, name: PUBLIC_COLLECTOR, role: "public", area: r.regencyCode },
    action: "receipt.confirm",
    entity: "receipt_confirmation",
    entityId: row.id,
    // At regency level like the complaint it may open: the desa's own trail must not show who answered what.
    area: r.regencyCode,
    after: {
      lineId: line.id,
      batchId: line.batchId,
      channel: row.channel,
      answer: row.answer,
      paidAmount: row.paidAmount,
      receivedAmount: row.receivedAmount,
      complaintId: complaint?.id ?? null,
    },
    requestId: caller?.requestId ?? null,
  });
  return { id: row.id, complaintCode: complaint?.code ?? null };
}

export interface SampleInput {
  batchId: string;
  confidence: number;
  margin: number;
  /** Given to redraw a recorded sample; otherwise drawn from the system's random source and recorded. */
  seed?: number | undefined;
}

/** Draws and records the verification sample of a batch's paid lines, stratified per desa. */
export async function drawSample(r: Receipts, tx: Executor, caller: Caller, input: SampleInput) {
  const lines = await store.paidLinesOfBatch(tx, input.batchId);
  if (lines.length === 0) throw new DomainError("RECEIPT_BATCH_NOT_PAID", { id: input.batchId }, 409);
  const seed = input.seed ?? randomInt(1, 2 ** 47);
  const strata = drawVerificationSample(
    lines.map((l) => ({ lineId: l.id, desa: l.villageCode })),
    { seed, confidence: input.confidence, margin: input.margin },
  );
  const chosen = strata.flatMap((s) => s.lineIds.map((lineId) => ({ lineId, villageCode: s.desa })));
  const sample = await store.insertSample(
    tx,
    {
      batchId: input.batchId,
      seed,
      confidence: input.confidence,
      margin: input.margin,
      lineCount: chosen.length,
      strata: strata.map(({ desa, population, size }) => ({ desa, population, size })),
      drawnBy: caller.actor.userId,
      drawnAt: r.clock(),
    },
    chosen,
  );
  await r.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "receipt.sample_draw",
    entity: "receipt_sample",
    entityId: sample.id,
    area: r.regencyCode,
    after: {
      batchId: input.batchId,
      seed,
      confidence: input.confidence,
      margin: input.margin,
      lineCount: chosen.length,
      desaCount: strata.length,
    },
    requestId: caller.requestId,
  });
  return sample;
}

function detectorLine(row: Awaited<ReturnType<typeof store.confirmationsFor>>[number]): ConfirmedLine {
  return {
    kecamatan: row.districtCode,
    desa: row.villageCode,
    rw: row.rw,
    rt: row.rt,
    point: row.distributionPoint === null ? null : `${row.villageCode}@${row.distributionPoint}`,
    officer: row.distributor === null ? null : `${row.districtCode}#${row.distributor}`,
    paid: row.paidAmount,
    answer: row.answer,
    received: row.receivedAmount,
    channel: row.channel,
  };
}

/** The detector over every confirmation of the regency (or one batch): flags with their evidence, no person. */
export async function skimmingFlags(
  tx: Executor,
  filter: { batchId?: string | undefined } = {},
  settings: DetectorSettings = DEFAULT_DETECTOR_SETTINGS,
): Promise<Flag[]> {
  const rows = await store.confirmationsFor(tx, filter);
  return detectSkimming(rows.map(detectorLine), settings);
}

export type LeakageLevel = "batch" | "desa" | "kecamatan";

export interface ConfirmedTotal extends Leakage {
  level: LeakageLevel;
  key: string;
  /** Paid lines in the area: the population of the sample. */
  paidLines: number;
}

/**
 * Confirmed totals and leakage per batch, desa or kecamatan: Σ paid and Σ received over confirmed lines,
 * 1 − Σreceived/Σpaid and its interval. Only the independent channels count (portal and verification sample):
 * answers taken at a distribution point are collected under the eyes of those handing out the money.
 */
export async function confirmedTotals(
  tx: Executor,
  level: LeakageLevel,
  filter: store.ConfirmationFilter = {},
): Promise<ConfirmedTotal[]> {
  const keyOf = (row: { batchId: string; villageCode: string; districtCode: string }) =>
    level === "batch" ? row.batchId : level === "desa" ? row.villageCode : row.districtCode;
  const rows = await store.answersPerLine(tx, filter);
  const population = new Map<string, number>();
  for (const count of await store.paidCounts(tx, filter))
    population.set(keyOf(count), (population.get(keyOf(count)) ?? 0) + count.lines);
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => {
      const paidLines = population.get(key) ?? group.length;
      return {
        level,
        key,
        paidLines,
        ...leakageOf(
          group.map((g) => ({ paid: g.paidAmount, answer: g.answer, received: g.receivedAmount })),
          { population: paidLines },
        ),
      };
    });
}
