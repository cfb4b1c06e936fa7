/**
 * Reading decrees: the officials' views, the annex lines and the amendment's diff, and the two functions other
 * capabilities use — the decreed recipients (payments) and a recipient's inclusion proof (the portal's self-check).
 */
import type { Caller } from "../access/actor.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { rupiahInWords } from "../money/words.ts";
import type { Vault } from "../privacy/vault.ts";
import * as registryStore from "../registry/store.ts";
import { type AnnexProof, annexProof, type ProvableAnnex, provableAnnex } from "./annex.ts";
import type { DecreeStatus } from "./codes.ts";
import { diffAnnexes } from "./diff.ts";
import type { DecreeView } from "./schemas.ts";
import { type Decrees, decreeNotFound, verifyUrl, visibleDecree } from "./service.ts";
import * as store from "./store.ts";

export async function decreeView(decrees: Decrees, db: Executor, row: store.DecreeHead): Promise<DecreeView> {
  const program = await registryStore.getProgram(db, row.programId);
  const amends = row.amendsId ? await store.getDecreeHead(db, row.amendsId) : null;
  const superseded = row.supersededById ? await store.getDecreeHead(db, row.supersededById) : null;
  const sanggah = await store.getSanggah(db, row.periodId);
  return {
    id: row.id,
    programId: row.programId,
    programName: program?.name ?? "",
    periodId: row.periodId,
    agencyId: row.agencyId,
    selectionRunId: row.selectionRunId,
    amendsId: row.amendsId,
    amendsNumber: amends?.number ?? null,
    supersededById: row.supersededById,
    supersededByNumber: superseded?.number ?? null,
    status: row.status,
    number: row.number,
    decreedOn: row.decreedOn,
    subject: row.subject,
    considering: row.considering,
    legalBasis: row.legalBasis,
    decisions: row.decisions,
    lineCount: row.lineCount,
    totalAmount: row.totalAmount,
    totalInWords: rupiahInWords(row.totalAmount),
    annexSha256: row.annexSha256,
    merkleRoot: row.merkleRoot,
    checkpointId: row.checkpointId,
    checkpointRoot: row.checkpointRoot,
    draftedByName: row.draftedByName,
    draftedById: row.draftedById,
    checkedByName: row.checkedByName,
    approvedByName: row.approvedByName,
    pdfSha256: row.pdfSha256,
    signedPdfSha256: row.signedPdfSha256,
    revokedReason: row.revokedReason,
    sanggahClosesOn: sanggah?.closesOn ?? null,
    verifyUrl: verifyUrl(decrees.publicUrl, row.id),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export async function getDecree(decrees: Decrees, caller: Caller, id: string) {
  const db = decrees.registry.db;
  return decreeView(decrees, db, await visibleDecree(db, caller.actor, id));
}

export async function listDecrees(decrees: Decrees, caller: Caller) {
  const db = decrees.registry.db;
  const bound = caller.actor.role === "program_manager";
  if (bound && !caller.actor.agencyId) return [];
  const rows = await store.listDecrees(db, bound ? caller.actor.agencyId : null);
  return Promise.all(rows.map((row) => decreeView(decrees, db, row)));
}

const lineView = (l: store.DecreeLineRow) => ({
  line: l.line,
  enrollmentId: l.enrollmentId,
  name: l.name,
  nikMasked: l.nikMasked,
  villageName: l.villageName,
  rtRw: l.rtRw,
  business: l.business,
  amount: l.amount,
});

export async function decreeLines(
  decrees: Decrees,
  caller: Caller,
  id: string,
  query: { page: number; pageSize: number },
) {
  const db = decrees.registry.db;
  const decree = await visibleDecree(db, caller.actor, id);
  const rows = await store.linesOf(db, id, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(lineView), total: decree.lineCount, page: query.page, pageSize: query.pageSize };
}

/** What an amendment adds, removes and changes against the decree it amends (empty for a first decree). */
export async function decreeDiff(decrees: Decrees, caller: Caller, id: string) {
  const db = decrees.registry.db;
  const decree = await visibleDecree(db, caller.actor, id);
  if (!decree.amendsId)
    return { amendsNumber: null, added: [], removed: [], changed: [], unchanged: decree.lineCount };
  const previous = await store.getDecreeHead(db, decree.amendsId);
  const diff = diffAnnexes(
    (await store.linesOf(db, decree.amendsId)).map(lineView),
    (await store.linesOf(db, id)).map(lineView),
  );
  return { amendsNumber: previous?.number ?? null, ...diff };
}

export async function annexCsvOf(decrees: Decrees, caller: Caller, id: string) {
  const db = decrees.registry.db;
  const decree = await visibleDecree(db, caller.actor, id);
  return { csv: (await store.decreeFile(db, id, "annexCsv")) as string, decree };
}

export interface DecreedRecipients {
  decree: {
    id: string;
    number: string | null;
    status: DecreeStatus;
    programId: string;
    periodId: string;
    supersededById: string | null;
    annexSha256: string;
  };
  recipients: { enrollmentId: string; personId: string; amount: number; line: number }[];
}

/**
 * The recipients a decree names, in line order, with the decree's status: a payment batch is built only from a
 * decree whose status is "approved" (in force) — an amended one names its successor in `supersededById`.
 */
export async function decreedRecipients(tx: Executor, decreeId: string): Promise<DecreedRecipients> {
  const decree = await store.getDecreeHead(tx, decreeId);
  if (!decree) throw decreeNotFound(decreeId);
  const lines = await store.linesOf(tx, decreeId);
  return {
    decree: {
      id: decree.id,
      number: decree.number,
      status: decree.status,
      programId: decree.programId,
      periodId: decree.periodId,
      supersededById: decree.supersededById,
      annexSha256: decree.annexSha256,
    },
    recipients: lines.map((l) => ({
      enrollmentId: l.enrollmentId,
      personId: l.personId,
      amount: l.amount,
      line: l.line,
    })),
  };
}

/**
 * A recipient's inclusion proof: their line, its key (derived from the master secret, for this line only),
 * the commitment and the Merkle path to the decree's root. scripts/verify-decree-proof.mjs checks it offline.
 */
export async function inclusionProof(
  tx: Executor,
  decreeId: string,
  enrollmentId: string,
  keys: Pick<Vault, "commitment">,
): Promise<AnnexProof> {
  const decree = await store.getDecreeHead(tx, decreeId);
  if (!decree) throw decreeNotFound(decreeId);
  const line = await store.lineOfEnrollment(tx, decreeId, enrollmentId);
  if (!line) throw new DomainError("DECREE_NOT_ON_ANNEX", { decreeId }, 404);
  const lines = await store.linesOf(tx, decreeId);
  return annexProof(lines, line.line, lineKey(keys, decreeId, line.line, enrollmentId), decree.number);
}

const lineKey = (keys: Pick<Vault, "commitment">, decreeId: string, line: number, enrollmentId: string) =>
  keys.commitment("decree-line-key", `${decreeId}:${line}:${enrollmentId}`);

/**
 * Approved decrees' annexes, each ready to prove any of its lines, kept by decree and root: an approved annex
 * never changes, and without this every self-check read the whole annex and hashed its tree twice. Bounded by
 * lines held (the oldest annex loaded goes first); a load in flight is shared by the checks that wait for it.
 */
export class ProvableAnnexes {
  private readonly held = new Map<string, { lines: number; annex: Promise<ProvableAnnex> }>();
  constructor(private readonly maxLines = 250_000) {}

  get(tx: Executor, listing: Pick<store.DecreeListing, "decreeId" | "number" | "merkleRoot">) {
    const key = `${listing.decreeId}:${listing.merkleRoot}`;
    const held = this.held.get(key);
    if (held) return held.annex;
    const entry = { lines: 0, annex: this.load(tx, listing) };
    this.held.set(key, entry);
    entry.annex.then(
      (annex) => {
        entry.lines = annex.lineCount;
        this.evict();
      },
      () => this.held.delete(key),
    );
    return entry.annex;
  }

  private async load(tx: Executor, listing: Pick<store.DecreeListing, "decreeId" | "number">) {
    return provableAnnex(await store.linesOf(tx, listing.decreeId), listing.number);
  }

  private evict() {
    let total = 0;
    for (const entry of this.held.values()) total += entry.lines;
    for (const [key, entry] of this.held) {
      if (total <= this.maxLines || this.held.size === 1) break;
      this.held.delete(key);
      total -= entry.lines;
    }
  }
}

/** The inclusion proof of each of these enrollments in every decree in force that lists it. */
export async function proofsInForce(
  tx: Executor,
  enrollmentIds: readonly string[],
  keys: Pick<Vault, "commitment">,
  annexes: ProvableAnnexes,
): Promise<AnnexProof[]> {
  const proofs: AnnexProof[] = [];
  for (const listing of await store.decreesInForceListing(tx, enrollmentIds)) {
    const annex = await annexes.get(tx, listing);
    proofs.push(
      annex.proof(listing.line, lineKey(keys, listing.decreeId, listing.line, listing.enrollmentId)),
    );
  }
  return proofs;
}
