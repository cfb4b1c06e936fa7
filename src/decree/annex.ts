/**
 * The decree's annex (Lampiran) as a canonical snapshot (pure): one CSV line per recipient in a fixed order,
 * its SHA-256, and a Merkle root (RFC 6962, the audit trail's construction) over keyed commitments to each line
 * and the recipient's NIK. The public sees only the hash and the root; a recipient handed their line key can
 * recompute their own leaf from their NIK and walk it up to the root, learning nothing about anyone else.
 */
import { createHash, createHmac } from "node:crypto";
import { leafHash, merkleRoot, merkleTree, verifyInclusion } from "../audit/merkle.ts";
import { csvLine } from "../imports/neutralise.ts";

export interface AnnexRecipient {
  enrollmentId: string;
  personId: string;
  /** The full NIK: only ever inside the keyed commitment, never in the line's text. */
  nik: string;
  name: string;
  villageCode: string;
  villageName: string;
  rt: string | null;
  rw: string | null;
  business: string | null;
  amount: number;
}

export interface AnnexLine {
  /** 1-based line number as printed. */
  line: number;
  enrollmentId: string;
  personId: string;
  name: string;
  /** Region digits only (province, regency, kecamatan): nothing of the birth date or serial. */
  nikMasked: string;
  villageCode: string;
  villageName: string;
  rtRw: string;
  business: string;
  amount: number;
  /** The canonical CSV line (no line break). */
  text: string;
  /** HMAC commitment to the NIK and the text, hex: the Merkle leaf's content. */
  commitment: string;
}

export interface Annex {
  lines: AnnexLine[];
  csv: string;
  sha256: string;
  merkleRoot: string;
  lineCount: number;
  totalAmount: number;
}

export const ANNEX_HEADER = "no,nama,nik,desa,rt_rw,usaha,jumlah";
const LEAF_DOMAIN = "salur-decree-leaf-v1";

/** "640105**********": the NIK's region part; the birth date and serial are never printed on a public line. */
export function maskNikRegionOnly(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 6)}${"*".repeat(10)}` : "*".repeat(16);
}

function rtRwOf(rt: string | null, rw: string | null): string {
  if (!rt && !rw) return "-";
  return `${rt ?? "-"}/${rw ?? "-"}`;
}

/** The fixed order of an annex: desa, RT, name, then the enrollment id, so one snapshot always prints alike. */
function compareRecipients(a: AnnexRecipient, b: AnnexRecipient): number {
  const keys: [string, string][] = [
    [a.villageCode, b.villageCode],
    [a.rt ?? "", b.rt ?? ""],
    [a.name, b.name],
    [a.enrollmentId, b.enrollmentId],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

/** HMAC(lineKey, domain ‖ NIK ‖ line text): binds the printed line to the one person it names. */
export function lineCommitment(lineKeyHex: string, nik: string, text: string): string {
  return createHmac("sha256", Buffer.from(lineKeyHex, "hex"))
    .update(`${LEAF_DOMAIN}\n${nik}\n${text}`)
    .digest("hex");
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Builds the annex. `lineKey` derives a per-line key from the master secret (privacy's keyed commitment over
 * the decree id, line number and enrollment): handing one recipient their key reveals no other leaf.
 */
export function buildAnnex(
  recipients: readonly AnnexRecipient[],
  lineKey: (line: number, enrollmentId: string) => string,
): Annex {
  const sorted = [...recipients].sort(compareRecipients);
  const lines: AnnexLine[] = sorted.map((r, i) => {
    const line = i + 1;
    const nikMasked = maskNikRegionOnly(r.nik);
    const rtRw = rtRwOf(r.rt, r.rw);
    const business = r.business ?? "-";
    const text = csvLine([String(line), r.name, nikMasked, r.villageName, rtRw, business, String(r.amount)]);
    return {
      line,
      enrollmentId: r.enrollmentId,
      personId: r.personId,
      name: r.name,
      nikMasked,
      villageCode: r.villageCode,
      villageName: r.villageName,
      rtRw,
      business,
      amount: r.amount,
      text,
      commitment: lineCommitment(lineKey(line, r.enrollmentId), r.nik, text),
    };
  });
  return sealAnnex(lines);
}

/** Hash and root of lines already built (and stored): what verification recomputes. */
export function sealAnnex(lines: AnnexLine[]): Annex {
  const csv = annexCsv(lines.map((l) => l.text));
  return {
    lines,
    csv,
    sha256: sha256Hex(csv),
    merkleRoot: annexRoot(lines.map((l) => l.commitment)),
    lineCount: lines.length,
    totalAmount: lines.reduce((sum, l) => sum + l.amount, 0),
  };
}

/** UTF-8, no BOM, LF after every line including the last: the exact bytes the annex hash is taken over. */
export function annexCsv(texts: readonly string[]): string {
  return `${ANNEX_HEADER}\n${texts.map((t) => `${t}\n`).join("")}`;
}

function leaves(commitments: readonly string[]): Buffer[] {
  return commitments.map((c) => leafHash(Buffer.from(c, "hex")));
}

export function annexRoot(commitments: readonly string[]): string {
  return merkleRoot(leaves(commitments)).toString("hex");
}

/** What a recipient receives: their line, its key and commitment, and the path to the decree's root. */
export interface AnnexProof {
  format: "salur-decree-inclusion-proof-v1";
  decreeNumber: string | null;
  line: number;
  lineCount: number;
  text: string;
  lineKey: string;
  commitment: string;
  /** Sibling hashes, hex, from the leaf upwards (RFC 6962 §2.1.1). */
  path: string[];
  merkleRoot: string;
}

/**
 * An annex ready to prove any of its lines: the Merkle tree's subtree roots are computed on the first proof
 * and kept, so the self-check hands out each further proof in O(log n) hashes instead of hashing the whole
 * annex again (an approved decree's annex never changes; its holder keys it by the decree's root).
 */
export interface ProvableAnnex {
  readonly merkleRoot: string;
  readonly lineCount: number;
  proof(line: number, lineKeyHex: string): AnnexProof;
}

export function provableAnnex(
  lines: readonly Pick<AnnexLine, "line" | "text" | "commitment">[],
  decreeNumber: string | null,
): ProvableAnnex {
  const tree = merkleTree(leaves(lines.map((l) => l.commitment)));
  const merkleRoot = tree.root().toString("hex");
  return {
    merkleRoot,
    lineCount: lines.length,
    proof(line, lineKeyHex) {
      const target = lines[line - 1];
      if (!target) throw new RangeError(`line ${line} is not in an annex of ${lines.length}`);
      return {
        format: "salur-decree-inclusion-proof-v1",
        decreeNumber,
        line,
        lineCount: lines.length,
        text: target.text,
        lineKey: lineKeyHex,
        commitment: target.commitment,
        path: tree.path(line - 1).map((b) => b.toString("hex")),
        merkleRoot,
      };
    },
  };
}

export function annexProof(
  lines: readonly Pick<AnnexLine, "line" | "text" | "commitment">[],
  line: number,
  lineKeyHex: string,
  decreeNumber: string | null,
): AnnexProof {
  return provableAnnex(lines, decreeNumber).proof(line, lineKeyHex);
}

/**
 * Checks a proof against a root taken from elsewhere (the verification page, the printed decree), never the
 * proof's own; with the NIK, also that the leaf commits to that person. Mirrors scripts/verify-decree-proof.mjs.
 */
export function checkAnnexProof(proof: AnnexProof, root: string, nik?: string): boolean {
  if (nik !== undefined && lineCommitment(proof.lineKey, nik, proof.text) !== proof.commitment) return false;
  return verifyInclusion(
    leafHash(Buffer.from(proof.commitment, "hex")),
    proof.line - 1,
    proof.lineCount,
    proof.path.map((p) => Buffer.from(p, "hex")),
    Buffer.from(root, "hex"),
  );
}
