/**
 * What a publication holds (pure): the figures of one program period per desa, already suppressed (k ≥ 5), and
 * for a list publication the entries as the public sees them. The snapshot is canonical JSON (RFC 8785) and
 * its SHA-256 is what the checker approves and what anyone can recompute from the downloaded file.
 */
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { EnrollmentStatus } from "../workflow/engine.ts";
import { type NamePolicy, publicName } from "./names.ts";
import { type Cell, suppressGroup, suppressTotal } from "./suppression.ts";

export type PublicationKind = "statistics" | "sanggah" | "decree";

/** The funnel a program page shows, each stage counting everyone who reached it. */
export const STAGES = ["registered", "verified", "proposed", "approved", "paid"] as const;
export type Stage = (typeof STAGES)[number];

const REACHED: Record<Stage, readonly EnrollmentStatus[]> = {
  registered: [
    "submitted",
    "verified",
    "validated",
    "selected",
    "published",
    "approved",
    "paid",
    "received",
    "rejected",
    "withdrawn",
    "objection_upheld",
    "payment_failed",
    "payment_returned",
  ],
  verified: [
    "verified",
    "validated",
    "selected",
    "published",
    "approved",
    "paid",
    "received",
    "objection_upheld",
    "payment_failed",
    "payment_returned",
  ],
  proposed: [
    "selected",
    "published",
    "approved",
    "paid",
    "received",
    "objection_upheld",
    "payment_failed",
    "payment_returned",
  ],
  approved: ["approved", "paid", "received", "payment_failed", "payment_returned"],
  paid: ["paid", "received"],
};

/** Which enrollments a list publication names. */
export const LISTED_STATUSES: Record<PublicationKind, readonly EnrollmentStatus[]> = {
  statistics: [],
  sanggah: ["selected"],
  decree: ["approved", "paid", "received", "payment_failed", "payment_returned"],
};

export type StageFigures = Record<Stage, Cell>;

export interface VillageFigures {
  code: string;
  name: string;
  figures: StageFigures;
  /** Entries of the published list in this desa (names are public there anyway). */
  listed: number;
}

export interface DistrictFigures {
  code: string;
  name: string;
  figures: StageFigures;
  villages: VillageFigures[];
}

export interface PublicEntry {
  /** Opaque, random: which enrollment it stands for is kept in the database, not in the snapshot. */
  ref: string;
  villageCode: string;
  name: string;
  rt: string | null;
  rw: string | null;
  /** Business sector code (UMKM programs), else null. */
  business: string | null;
}

export interface PublicationSnapshot {
  format: "salur.publication/1";
  kind: PublicationKind;
  regency: { code: string; name: string };
  program: {
    code: string;
    name: string;
    agency: string;
    kind: string;
    target: string;
    amountPerRecipient: number;
    budget: number;
    quota: number;
  };
  period: { name: string; startsOn: string; endsOn: string };
  preparedAt: string;
  namePolicy: NamePolicy;
  objectionDays: number | null;
  totals: StageFigures;
  /**
   * What came of the public's objections in this period when the snapshot was taken (counts below 5 withheld);
   * absent from snapshots published before objections could be decided.
   */
  objections?: ObjectionFigures;
  /** Absent until a recipient of the period has confirmed a payment (and from older snapshots). */
  receipts?: ReceiptFigures;
  districts: DistrictFigures[];
  entries: PublicEntry[];
}

/**
 * What recipients said reached their hands (their own portal report or the agency's verification sample; one
 * answer per paid line, refusals left out), for the period and per kecamatan. A confirmed count below 5 is
 * withheld with its leakage, and kecamatan are suppressed as a group so a withheld one cannot be recovered from
 * the regency figure.
 */
export interface ReceiptFigures {
  confirmed: number | null;
  /** 1 − Σ received / Σ paid over the confirmed lines, to 4 decimals; null when withheld or nothing confirmed. */
  leakage: number | null;
  districts: { code: string; name: string; confirmed: number | null; leakage: number | null }[];
}

export interface ReceiptTotal {
  districtCode: string;
  confirmed: number;
  paid: number;
  received: number;
}

export interface ObjectionFigures {
  upheld: number | null;
  dismissed: number | null;
  open: number | null;
}

export interface SnapshotSource {
  kind: PublicationKind;
  regency: { code: string; name: string };
  program: PublicationSnapshot["program"];
  period: PublicationSnapshot["period"];
  preparedAt: string;
  namePolicy: NamePolicy;
  objectionDays: number | null;
  /** Every village of the regency, with its kecamatan: a desa with nobody still shows its zeros. */
  villages: readonly { code: string; name: string; districtCode: string; districtName: string }[];
  /** The period's objections by state. */
  objectionCounts?: { upheld: number; dismissed: number; open: number };
  /** What reached the recipients' hands per kecamatan, over confirmed paid lines. */
  receiptTotals?: readonly ReceiptTotal[];
  /** Enrollment counts per desa and status. */
  statusCounts: readonly { villageCode: string; status: EnrollmentStatus; count: number }[];
  /** Listed persons, in display order. */
  listed: readonly {
    ref: string;
    villageCode: string;
    fullName: string;
    rt: string | null;
    rw: string | null;
    business: string | null;
  }[];
}

function rawStages(counts: Map<EnrollmentStatus, number>): Record<Stage, number> {
  const out = {} as Record<Stage, number>;
  for (const stage of STAGES) out[stage] = REACHED[stage].reduce((sum, s) => sum + (counts.get(s) ?? 0), 0);
  return out;
}

export function buildSnapshot(source: SnapshotSource): PublicationSnapshot {
  const amount = source.program.amountPerRecipient;
  const perVillage = new Map<string, Map<EnrollmentStatus, number>>();
  for (const row of source.statusCounts) {
    const m = perVillage.get(row.villageCode) ?? new Map<EnrollmentStatus, number>();
    m.set(row.status, (m.get(row.status) ?? 0) + row.count);
    perVillage.set(row.villageCode, m);
  }
  const listedPer = new Map<string, number>();
  for (const e of source.listed) listedPer.set(e.villageCode, (listedPer.get(e.villageCode) ?? 0) + 1);

  const byDistrict = new Map<string, { name: string; villages: { code: string; name: string }[] }>();
  for (const v of source.villages) {
    const d = byDistrict.get(v.districtCode) ?? { name: v.districtName, villages: [] };
    d.villages.push({ code: v.code, name: v.name });
    byDistrict.set(v.districtCode, d);
  }

  const districtRaw: {
    code: string;
    name: string;
    raw: Record<Stage, number>;
    villages: { code: string; name: string; raw: Record<Stage, number> }[];
  }[] = [];
  for (const [code, d] of byDistrict) {
    const villages = d.villages.map((v) => ({ ...v, raw: rawStages(perVillage.get(v.code) ?? new Map()) }));
    const raw = {} as Record<Stage, number>;
    for (const stage of STAGES) raw[stage] = villages.reduce((s, v) => s + v.raw[stage], 0);
    districtRaw.push({ code, name: d.name, raw, villages });
  }

  const districtCells = new Map<string, StageFigures>();
  const villageCells = new Map<string, StageFigures>();
  for (const stage of STAGES) {
    const dCells = suppressGroup(
      districtRaw.map((d) => d.raw[stage]),
      districtRaw.map((d) => d.raw[stage] * amount),
    );
    districtRaw.forEach((d, i) => {
      const f = districtCells.get(d.code) ?? ({} as StageFigures);
      f[stage] = dCells[i] as Cell;
      districtCells.set(d.code, f);
      const vCells = suppressGroup(
        d.villages.map((v) => v.raw[stage]),
        d.villages.map((v) => v.raw[stage] * amount),
      );
      d.villages.forEach((v, j) => {
        const vf = villageCells.get(v.code) ?? ({} as StageFigures);
        vf[stage] = vCells[j] as Cell;
        villageCells.set(v.code, vf);
      });
    });
  }
  const totals = {} as StageFigures;
  for (const stage of STAGES) {
    const n = districtRaw.reduce((s, d) => s + d.raw[stage], 0);
    totals[stage] = suppressTotal(n, n * amount);
  }

  return {
    format: "salur.publication/1",
    kind: source.kind,
    regency: source.regency,
    program: source.program,
    period: source.period,
    preparedAt: source.preparedAt,
    namePolicy: source.namePolicy,
    objectionDays: source.objectionDays,
    totals,
    ...(source.objectionCounts
      ? {
          objections: {
            upheld: suppressTotal(source.objectionCounts.upheld, 0).count,
            dismissed: suppressTotal(source.objectionCounts.dismissed, 0).count,
            open: suppressTotal(source.objectionCounts.open, 0).count,
          },
        }
      : {}),
    ...(source.receiptTotals?.some((r) => r.confirmed > 0)
      ? { receipts: receiptFigures(source.receiptTotals, districtRaw) }
      : {}),
    districts: districtRaw.map((d) => ({
      code: d.code,
      name: d.name,
      figures: districtCells.get(d.code) as StageFigures,
      villages: d.villages.map((v) => ({
        code: v.code,
        name: v.name,
        figures: villageCells.get(v.code) as StageFigures,
        listed: listedPer.get(v.code) ?? 0,
      })),
    })),
    entries: source.listed.map((e) => ({
      ref: e.ref,
      villageCode: e.villageCode,
      name: publicName(e.fullName, source.namePolicy),
      rt: e.rt,
      rw: e.rw,
      business: e.business,
    })),
  };
}

function receiptFigures(
  totals: readonly ReceiptTotal[],
  districts: readonly { code: string; name: string }[],
): ReceiptFigures {
  const by = new Map(totals.map((r) => [r.districtCode, r]));
  const rows = districts.map(
    (d) => by.get(d.code) ?? { districtCode: d.code, confirmed: 0, paid: 0, received: 0 },
  );
  const share = (r: { paid: number; received: number }) =>
    r.paid > 0 ? Math.round((1 - r.received / r.paid) * 10_000) / 10_000 : null;
  const cells = suppressGroup(
    rows.map((r) => r.confirmed),
    rows.map((r) => r.paid),
  );
  const all = rows.reduce(
    (sum, r) => ({
      confirmed: sum.confirmed + r.confirmed,
      paid: sum.paid + r.paid,
      received: sum.received + r.received,
    }),
    { confirmed: 0, paid: 0, received: 0 },
  );
  const total = suppressTotal(all.confirmed, all.paid);
  return {
    confirmed: total.count,
    leakage: total.count ? share(all) : null,
    districts: districts.map((d, i) => {
      const confirmed = cells[i]?.count ?? null;
      return {
        code: d.code,
        name: d.name,
        confirmed,
        leakage: confirmed ? share(rows[i] as ReceiptTotal) : null,
      };
    }),
  };
}

export function canonicalSnapshot(snapshot: PublicationSnapshot): { json: string; sha256: string } {
  const json = canonicalize(snapshot) as string;
  return { json, sha256: createHash("sha256").update(json).digest("hex") };
}
