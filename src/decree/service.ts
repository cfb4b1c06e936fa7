/**
 * The decree's use cases: draft (freeze the annex at an audit checkpoint), check, approve (number, PDF,
 * enrollments to "approved" through the workflow — all in one transaction with the audit entries), amend,
 * revoke, attach the signed PDF. Maker-checker: the drafter proposes, someone else checks, the approver
 * approves (src/access/duties.ts). An approved decree is never edited; only its status moves on.
 */
import { type Actor, actorCan, auditActor, type Caller, seesAgency } from "../access/actor.ts";
import { performDuty } from "../access/maker-checker.ts";
import type { AuditDraft } from "../audit/entry.ts";
import { checkpointNow } from "../audit/index.ts";
import type { Executor } from "../db/index.ts";
import { conflict, DomainError } from "../i18n/domain-error.ts";
import { openBound } from "../privacy/vault.ts";
import type { Registry } from "../registry/service.ts";
import * as registryStore from "../registry/store.ts";
import { applyTransitions } from "../workflow/service.ts";
import { type AnnexLine, type AnnexRecipient, buildAnnex, sha256Hex } from "./annex.ts";
import { diffAnnexes, formatDecreeNumber } from "./diff.ts";
import { renderDecreePdf } from "./pdf.ts";
import * as store from "./store.ts";
import { defaultTemplate } from "./template.ts";

export interface Decrees {
  registry: Registry;
  /** Where the public verification page lives: what the QR code points to. */
  publicUrl: string;
  clock: () => Date;
  /** Told after a commit that changed what the public page shows; the route answers once it has settled. */
  onPublished?: (decreeId: string) => Promise<void> | void;
}

export const decreeNotFound = (id: string) => new DomainError("DECREE_NOT_FOUND", { id }, 404);

/** Per-line key for the annex commitments, derived from the master secret (HKDF → HMAC, src/privacy). */
export function lineKeyOf(registry: Registry, decreeId: string) {
  return (line: number, enrollmentId: string) =>
    registry.env.vault.commitment("decree-line-key", `${decreeId}:${line}:${enrollmentId}`);
}

export function verifyUrl(publicUrl: string, decreeId: string): string {
  return `${publicUrl.replace(/\/$/, "")}/publik/sk/${decreeId}`;
}

/** A decree of another agency does not exist for an agency-bound program manager (404), as any record. */
export async function visibleDecree(db: Executor, actor: Actor, id: string, lock = false) {
  const row = await store.getDecreeHead(db, id, lock);
  if (!row || !seesAgency(actor, row.agencyId)) throw decreeNotFound(id);
  return row;
}

function decreeAudit(
  caller: Caller,
  action: string,
  decree: { id: string },
  after: AuditDraft["after"],
  before: AuditDraft["before"] = null,
  reason: string | null = null,
): AuditDraft {
  return {
    actor: auditActor(caller.actor),
    action: `decree.${action}`,
    entity: "decree",
    entityId: decree.id,
    area: null,
    before,
    after,
    reason,
    requestId: caller.requestId,
  };
}

export interface DraftInput {
  periodId: string;
  selectionRunId?: string | null | undefined;
  amendsId?: string | null | undefined;
  sanggah?: { opensOn: string; closesOn: string } | null | undefined;
}

function recipientsOf(registry: Registry, rows: store.RecipientRow[], amount: number) {
  const { vault, regions } = registry.env;
  return rows.map(
    (r): AnnexRecipient => ({
      enrollmentId: r.enrollment_id,
      personId: r.person_id,
      nik: openBound(vault, "nik", r.nik_cipher, r.nik_index) ?? "",
      name: r.name,
      villageCode: r.village_code,
      villageName: regions.get(r.village_code)?.name ?? r.village_code,
      rt: r.rt,
      rw: r.rw,
      business: r.business,
      amount,
    }),
  );
}

/**
 * Freezes the annex of a draft inside the caller's transaction: from a selection run's selected enrollments,
 * or from the period's published ones; an amendment takes the period's published and decreed enrollments as
 * they stand now. The checkpoint is signed first, so the decree names the trail it was cut from.
 */
export async function draftDecree(decrees: Decrees, tx: Executor, caller: Caller, input: DraftInput) {
  const { registry } = decrees;
  const { actor } = caller;
  const period = await registryStore.getPeriod(tx, input.periodId);
  const program = period ? await registryStore.getProgram(tx, period.programId) : null;
  if (!period || !program || !seesAgency(actor, program.agencyId))
    throw new DomainError("PERIOD_NOT_FOUND", { id: input.periodId }, 404);
  let amends: store.DecreeHead | null = null;
  if (input.amendsId) {
    amends = await visibleDecree(tx, actor, input.amendsId);
    if (amends.status !== "approved" || amends.periodId !== period.id)
      throw conflict("DECREE_AMEND_NOT_IN_FORCE", { id: amends.id, status: amends.status });
  }
  if (input.selectionRunId) {
    const runPeriod = await store.selectionRunPeriod(tx, input.selectionRunId);
    if (runPeriod !== period.id)
      throw new DomainError("SELECTION_RUN_NOT_FOUND", { id: input.selectionRunId }, 404);
  }
  const rows = await store.recipientsFor(
    tx,
    input.selectionRunId && !amends
      ? { runId: input.selectionRunId }
      : { periodId: period.id, statuses: amends ? ["published", "approved"] : ["published"] },
  );
  if (rows.length === 0) throw new DomainError("DECREE_EMPTY", { periodId: period.id }, 422);
  if (input.sanggah) {
    if (input.sanggah.closesOn < input.sanggah.opensOn)
      throw new DomainError("DECREE_SANGGAH_DATES", input.sanggah, 422);
    await store.saveSanggah(tx, period.id, input.sanggah.opensOn, input.sanggah.closesOn);
  }
  const id = crypto.randomUUID();
  const annex = buildAnnex(recipientsOf(registry, rows, program.amountPerRecipient), lineKeyOf(registry, id));
  const template =
    (await store.getTemplate(tx, program.id)) ??
    defaultTemplate(program.name, registry.env.regions.get(registry.env.regencyCode)?.name ?? "");
  const checkpoint = await registry.audit.checkpoint(tx, {
    event: `decree.draft:${id}`,
    actor: auditActor(actor),
    requestId: caller.requestId,
  });
  await store.insertDecree(tx, {
    id,
    programId: program.id,
    periodId: period.id,
    agencyId: program.agencyId,
    selectionRunId: input.selectionRunId ?? null,
    amendsId: amends?.id ?? null,
    subject: amends
      ? `Perubahan atas Keputusan Nomor ${amends.number} tentang ${template.subject}`
      : template.subject,
    considering: template.considering,
    legalBasis: template.legalBasis,
    decisions: template.decisions,
    lineCount: annex.lineCount,
    totalAmount: annex.totalAmount,
    annexCsv: annex.csv,
    annexSha256: annex.sha256,
    merkleRoot: annex.merkleRoot,
    checkpointId: checkpoint.id,
    checkpointRoot: checkpoint.statement.rootHash,
    checkpointTreeSize: checkpoint.statement.treeSize,
    draftedById: actor.userId,
    draftedByName: actor.name,
  });
  await store.insertLines(tx, id, annex.lines);
  await performDuty(tx, { duty: "propose", entity: "decree", entityId: id, actor });
  await registry.audit.append(
    tx,
    decreeAudit(
      caller,
      "draft",
      { id },
      {
        programId: program.id,
        periodId: period.id,
        selectionRunId: input.selectionRunId ?? null,
        amendsId: amends?.id ?? null,
        lineCount: annex.lineCount,
        totalAmount: annex.totalAmount,
        annexSha256: annex.sha256,
        merkleRoot: annex.merkleRoot,
        checkpointId: checkpoint.id,
      },
    ),
  );
  return { id, annexSha256: annex.sha256, merkleRoot: annex.merkleRoot, lineCount: annex.lineCount };
}

/** The check (verifikasi naskah) by another official of the agency or the coordinator: never the drafter. */
export async function checkDecree(
  decrees: Decrees,
  tx: Executor,
  caller: Caller,
  id: string,
  version: number,
) {
  const { actor } = caller;
  const decree = await visibleDecree(tx, actor, id, true);
  if (decree.version !== version) throw staleDecree(decree, version);
  if (decree.status !== "draft") throw conflict("DECREE_NOT_DRAFT", { id, status: decree.status });
  if (actor.userId !== null && actor.userId === decree.draftedById)
    throw new DomainError("DECREE_CHECKER_IS_DRAFTER", { id }, 403);
  await store.updateDecree(tx, id, version, {
    status: "checked",
    checkedById: actor.userId,
    checkedByName: actor.name,
  });
  await decrees.registry.audit.append(
    tx,
    decreeAudit(caller, "check", decree, { status: "checked" }, { status: "draft" }),
  );
  return { id, status: "checked" as const, version: version + 1 };
}

function staleDecree(decree: store.DecreeHead, expected: number) {
  return new DomainError(
    "DECREE_VERSION_CONFLICT",
    { expected, actual: decree.version, status: decree.status },
    409,
  );
}

/**
 * Approval by the approver (bupati): refused while the list's sanggah window is open; numbered; the
 * enrollments not yet decreed move published → approved through the workflow in one batch; the PDF is
 * rendered and hashed; an amended decree is marked superseded. One transaction, one audit trail.
 */
export async function approveDecree(
  decrees: Decrees,
  tx: Executor,
  caller: Caller,
  id: string,
  input: { version: number },
) {
  const { registry } = decrees;
  const { actor } = caller;
  const decree = await visibleDecree(tx, actor, id, true);
  if (decree.version !== input.version) throw staleDecree(decree, input.version);
  if (decree.status !== "checked") throw conflict("DECREE_NOT_CHECKED", { id, status: decree.status });
  const today = registry.env.today();
  const sanggah = await store.getSanggah(tx, decree.periodId);
  if (!sanggah) throw conflict("DECREE_SANGGAH_NOT_HELD", { periodId: decree.periodId });
  if (today <= sanggah.closesOn) throw conflict("DECREE_SANGGAH_OPEN", { closesOn: sanggah.closesOn, today });
  await performDuty(tx, { duty: "approve", entity: "decree", entityId: id, actor });

  const lines = await store.linesOf(tx, id);
  const states = await store.enrollmentStates(
    tx,
    lines.map((l) => l.enrollmentId),
  );
  const stuck = states.find((s) => s.status !== "published" && s.status !== "approved");
  if (stuck || states.length !== lines.length)
    throw conflict("DECREE_LINE_NOT_DECREEABLE", {
      enrollmentId: stuck?.id ?? "",
      status: stuck?.status ?? "",
    });
  await applyTransitions(registry, tx, caller, {
    action: "approve",
    items: states.filter((s) => s.status === "published").map((s) => ({ id: s.id, version: s.version })),
  });

  const settings = await store.getSettings(tx, true);
  const year = Number(today.slice(0, 4));
  const sequence = await store.nextSequence(tx, year);
  const number = formatDecreeNumber(settings.numberPattern, sequence, year);
  const amended = decree.amendsId ? await store.getDecreeHead(tx, decree.amendsId, true) : null;
  if (amended && amended.status !== "approved")
    throw conflict("DECREE_AMEND_NOT_IN_FORCE", { id: amended.id, status: amended.status });
  const pdf = await renderPdf(decrees, tx, { ...decree, number, decreedOn: today }, { internal: false });
  const pdfSha256 = sha256Hex(pdf);
  await store.updateDecree(tx, id, input.version, {
    status: "approved",
    number,
    sequence,
    year,
    decreedOn: today,
    approvedById: actor.userId,
    approvedByName: actor.name,
    approvedAt: decrees.clock(),
    pdf,
    pdfSha256,
  });
  const drafts: AuditDraft[] = [
    decreeAudit(
      caller,
      "approve",
      decree,
      {
        status: "approved",
        number,
        decreedOn: today,
        pdfSha256,
        annexSha256: decree.annexSha256,
        merkleRoot: decree.merkleRoot,
      },
      { status: "checked" },
    ),
  ];
  if (amended) {
    await store.updateDecree(tx, amended.id, amended.version, { status: "amended", supersededById: id });
    drafts.push(
      decreeAudit(
        caller,
        "amended",
        amended,
        { status: "amended", supersededById: id, supersededByNumber: number },
        { status: "approved" },
      ),
    );
  }
  await registry.audit.append(tx, drafts);
  // The approval and a signature over the trail that records it commit together (ARCHITECTURE: checkpoints).
  await checkpointNow(tx, registry.audit, {
    event: `decree.approve:${id}`,
    actor: auditActor(actor),
    requestId: caller.requestId,
  });
  return { id, status: "approved" as const, number, pdfSha256 };
}

export async function revokeDecree(
  decrees: Decrees,
  tx: Executor,
  caller: Caller,
  id: string,
  input: { version: number; reason: string },
) {
  const decree = await visibleDecree(tx, caller.actor, id, true);
  if (decree.version !== input.version) throw staleDecree(decree, input.version);
  if (decree.status !== "approved") throw conflict("DECREE_NOT_IN_FORCE", { id, status: decree.status });
  await store.updateDecree(tx, id, input.version, { status: "revoked", revokedReason: input.reason });
  await decrees.registry.audit.append(
    tx,
    decreeAudit(caller, "revoke", decree, { status: "revoked" }, { status: "approved" }, input.reason),
  );
  return { id, status: "revoked" as const };
}

const PDF_MAGIC = "%PDF-";

/** The copy signed outside Salur (BSrE e-signature): its hash is recorded once, beside the unsigned one. */
export async function attachSignedPdf(
  decrees: Decrees,
  tx: Executor,
  caller: Caller,
  id: string,
  file: Buffer,
) {
  const decree = await visibleDecree(tx, caller.actor, id, true);
  if (!["approved", "amended", "revoked"].includes(decree.status))
    throw conflict("DECREE_NOT_APPROVED", { id, status: decree.status });
  if (decree.signedPdfSha256) throw conflict("DECREE_SIGNED_ALREADY", { id, sha256: decree.signedPdfSha256 });
  if (file.subarray(0, 5).toString("latin1") !== PDF_MAGIC)
    throw new DomainError("DECREE_SIGNED_NOT_PDF", {}, 422);
  const sha256 = sha256Hex(file);
  await store.updateDecree(tx, id, decree.version, {
    signedPdf: file,
    signedPdfSha256: sha256,
    signedAttachedAt: decrees.clock(),
  });
  await decrees.registry.audit.append(
    tx,
    decreeAudit(caller, "attach_signed", decree, { signedPdfSha256: sha256, bytes: file.length }),
  );
  return { id, signedPdfSha256: sha256 };
}

/**
 * Renders a decree: the public copy (masked NIK, the one whose hash is published) or the archive copy with the
 * full NIK, for entitled roles only and audited.
 */
export async function renderPdf(
  decrees: Decrees,
  tx: Executor,
  decree: store.DecreeHead,
  options: { internal: boolean },
): Promise<Buffer> {
  const { registry } = decrees;
  const lines = await store.linesOf(tx, decree.id);
  const settings = await store.getSettings(tx);
  const program = await registryStore.getProgram(tx, decree.programId);
  let niks: Map<string, string> | null = null;
  if (options.internal) {
    const ciphers = await store.nikCiphers(
      tx,
      lines.map((l) => l.personId),
    );
    niks = new Map(
      ciphers.map((c) => [c.id, openBound(registry.env.vault, "nik", c.nik_cipher, c.nik_index) ?? ""]),
    );
  }
  let amends: { number: string; diff: ReturnType<typeof diffAnnexes> } | null = null;
  if (decree.amendsId) {
    const previous = await store.getDecreeHead(tx, decree.amendsId);
    if (previous)
      amends = {
        number: previous.number ?? "",
        diff: diffAnnexes(await store.linesOf(tx, previous.id), lines),
      };
  }
  return renderDecreePdf(
    {
      regencyName: registry.env.regions.get(registry.env.regencyCode)?.name ?? registry.env.regencyCode,
      signerTitle: settings.signerTitle,
      signerName: settings.signerName,
      place: settings.place,
      paper: settings.paper,
      logo: settings.logo,
      number: decree.number,
      decreedOn: decree.decreedOn,
      subject: decree.subject,
      considering: decree.considering,
      legalBasis: decree.legalBasis,
      decisions: decree.decisions,
      programName: program?.name ?? "",
      lineCount: decree.lineCount,
      totalAmount: decree.totalAmount,
      annexSha256: decree.annexSha256,
      merkleRoot: decree.merkleRoot,
      checkpoint: { id: decree.checkpointId, rootHash: decree.checkpointRoot },
      verifyUrl: verifyUrl(decrees.publicUrl, decree.id),
      amends,
      internal: options.internal,
    },
    lines.map((l) => ({
      line: l.line,
      name: l.name,
      nik: niks ? (niks.get(l.personId) ?? l.nikMasked) : l.nikMasked,
      villageName: l.villageName,
      rtRw: l.rtRw,
      business: l.business,
      amount: l.amount,
    })),
  );
}

/** The PDF an official downloads: the stored public copy once approved, a fresh render of a draft, or the archive copy. */
export async function decreePdf(decrees: Decrees, caller: Caller, id: string, variant: "public" | "archive") {
  const db = decrees.registry.db;
  if (variant === "archive") {
    if (!actorCan(caller.actor, "decree.archive")) throw new DomainError("FORBIDDEN", {}, 403);
    return db.transaction(async (tx) => {
      const decree = await visibleDecree(tx, caller.actor, id);
      const pdf = await renderPdf(decrees, tx, decree, { internal: true });
      await decrees.registry.audit.append(
        tx,
        decreeAudit(caller, "archive_pdf", decree, { fullNik: true, lineCount: decree.lineCount }),
      );
      return { pdf, decree };
    });
  }
  const decree = await visibleDecree(db, caller.actor, id);
  const stored = decree.pdfSha256 ? ((await store.decreeFile(db, id, "pdf")) as Uint8Array | null) : null;
  const pdf = stored
    ? Buffer.from(stored)
    : await db.transaction((tx) => renderPdf(decrees, tx, decree, { internal: false }));
  return { pdf, decree };
}

export type LineView = AnnexLine;
