import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type AnnexRecipient,
  annexProof,
  buildAnnex,
  checkAnnexProof,
  maskNikRegionOnly,
  sha256Hex,
} from "./annex.ts";
import { diffAnnexes, formatDecreeNumber } from "./diff.ts";

const key = (seed: string) => (line: number, enrollmentId: string) =>
  createHmac("sha256", seed).update(`${line}:${enrollmentId}`).digest("hex");

function recipients(n: number): AnnexRecipient[] {
  return Array.from({ length: n }, (_, i) => ({
    enrollmentId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    personId: `10000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    nik: `640105${String(100101 + i).slice(-6)}${String(1000 + i).slice(-4)}`,
    name: i % 7 === 0 ? `=Siti, "Aminah" ${i}` : `Penerima ${i}`,
    villageCode: i % 2 ? "64.01.05.2002" : "64.01.04.2002",
    villageName: i % 2 ? "Lolo" : "Janju",
    rt: String((i % 5) + 1).padStart(3, "0"),
    rw: "001",
    business: i % 3 ? "Warung Makan" : null,
    amount: 2_400_000,
  }));
}

const script = join(import.meta.dirname, "../../scripts/verify-decree-proof.mjs");
function runScript(proof: object, root: string, nik?: string): number {
  const dir = mkdtempSync(join(tmpdir(), "salur-proof-"));
  const file = join(dir, "proof.json");
  writeFileSync(file, JSON.stringify(proof));
  try {
    execFileSync(process.execPath, [script, file, root, ...(nik ? [nik] : [])], { stdio: "pipe" });
    return 0;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe("decree annex", () => {
  it("prints no NIK digit beyond the region", () => {
    expect(maskNikRegionOnly("6401054507880003")).toBe("640105**********");
    const annex = buildAnnex(recipients(20), key("k"));
    for (const r of recipients(20)) expect(annex.csv).not.toContain(r.nik.slice(6));
  });

  it("gives the same bytes, hash and root for the same snapshot, whatever the input order", () => {
    const a = buildAnnex(recipients(50), key("k"));
    const b = buildAnnex([...recipients(50)].reverse(), key("k"));
    expect(b.csv).toBe(a.csv);
    expect(b.sha256).toBe(a.sha256);
    expect(b.merkleRoot).toBe(a.merkleRoot);
    expect(a.sha256).toBe(sha256Hex(a.csv));
    expect(a.totalAmount).toBe(50 * 2_400_000);
  });

  it("roots differ under another key: the public root reveals nothing without the master secret", () => {
    expect(buildAnnex(recipients(5), key("other")).merkleRoot).not.toBe(
      buildAnnex(recipients(5), key("k")).merkleRoot,
    );
  });

  it("changes the annex hash when one byte is changed, two lines are swapped or one is removed", () => {
    const { csv, sha256 } = buildAnnex(recipients(10), key("k"));
    const rows = csv.split("\n");
    const oneByte = csv.replace("2400000", "2400001");
    const swapped = [rows[0], rows[2], rows[1], ...rows.slice(3)].join("\n");
    const removed = [rows[0], ...rows.slice(2)].join("\n");
    for (const tampered of [oneByte, swapped, removed]) expect(sha256Hex(tampered)).not.toBe(sha256);
  });

  it("hands a recipient a proof that the offline script accepts, with their NIK, against the decree's root", () => {
    const people = recipients(13);
    const annex = buildAnnex(people, key("k"));
    const line = annex.lines[6] as (typeof annex.lines)[number];
    const nik = people.find((p) => p.enrollmentId === line.enrollmentId)?.nik ?? "";
    const proof = annexProof(
      annex.lines,
      line.line,
      key("k")(line.line, line.enrollmentId),
      "846/KEP-001/2026",
    );
    expect(checkAnnexProof(proof, annex.merkleRoot, nik)).toBe(true);
    expect(runScript(proof, annex.merkleRoot, nik)).toBe(0);
    expect(runScript(proof, annex.merkleRoot)).toBe(0);
    // Another person's NIK, or another decree's root: no match, in the library and in the script.
    expect(checkAnnexProof(proof, annex.merkleRoot, "6401050000000001")).toBe(false);
    expect(runScript(proof, annex.merkleRoot, "6401050000000001")).toBe(1);
    const other = buildAnnex(recipients(14), key("k2"));
    expect(checkAnnexProof(proof, other.merkleRoot)).toBe(false);
    expect(runScript(proof, other.merkleRoot)).toBe(1);
  });

  it("every line of an odd-sized annex has a proof", () => {
    const annex = buildAnnex(recipients(11), key("k"));
    for (const l of annex.lines) {
      const proof = annexProof(annex.lines, l.line, "00", null);
      expect(checkAnnexProof(proof, annex.merkleRoot)).toBe(true);
    }
  });

  it("diffs an amendment by enrollment: added, removed, changed", () => {
    const before = buildAnnex(recipients(6), key("k")).lines;
    const changedPeople = recipients(7).filter((_, i) => i !== 2);
    changedPeople[0] = { ...(changedPeople[0] as AnnexRecipient), amount: 1_200_000 };
    const after = buildAnnex(changedPeople, key("k")).lines;
    const diff = diffAnnexes(before, after);
    expect(diff.added.map((l) => l.name)).toEqual(["Penerima 6"]);
    expect(diff.removed.map((l) => l.name)).toEqual(["Penerima 2"]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.fields).toEqual(["jumlah"]);
    expect(diff.unchanged).toBe(4);
  });

  it("numbers decrees per the regency's pattern", () => {
    expect(formatDecreeNumber("846/KEP-{NNN}/{YYYY}", 7, 2026)).toBe("846/KEP-007/2026");
    expect(formatDecreeNumber("188.45/{NNNN}/HK/{YYYY}", 123, 2027)).toBe("188.45/0123/HK/2027");
  });
});
