/**
 * "Cek status": a person proves they are who a NIK belongs to with a second factor a scraper does not have
 * (the check code, see check-code.ts), under rate limits kept in the database so that every process agrees.
 * The answer to an unknown NIK costs the same work as the answer to a known NIK with a wrong code: one
 * statement that counts the attempt and looks up the blind index, and one keyed hash either way.
 */
import type { Language } from "../i18n/index.ts";
import { checkCodeFromDigest, normaliseCheckCode, sameCode } from "./check-code.ts";
import type { SafeHtml } from "./html.ts";
import type { Portal } from "./portal.ts";
import * as store from "./store.ts";

/** The status a person sees: no score, rank or decile, and no decision before it is published. */
export const PUBLIC_STATUSES = [
  "draft",
  "in_process",
  "proposed",
  "approved",
  "paid",
  "received",
  "not_continued",
  "payment_problem",
] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

const STATUS_MAP: Record<string, PublicStatus> = {
  draft: "draft",
  submitted: "in_process",
  verified: "in_process",
  validated: "in_process",
  // Selected but not yet published is an internal decision: the person learns it with everyone else.
  selected: "in_process",
  published: "proposed",
  approved: "approved",
  paid: "paid",
  received: "received",
  rejected: "not_continued",
  withdrawn: "not_continued",
  objection_upheld: "not_continued",
  payment_failed: "payment_problem",
  payment_returned: "payment_problem",
};

export function publicStatus(status: string): PublicStatus {
  return STATUS_MAP[status] ?? "in_process";
}

/** What a person sees only before any decree lists them: no decree line, payment or receipt exists yet. */
const BEFORE_DECREE: ReadonlySet<PublicStatus> = new Set(["draft", "in_process", "proposed"]);

/**
 * Whether any of a person's applications has reached a decree: the sections below the answer look nothing up
 * for a person who has not (during the objection period, on announcement day, that is nearly everyone asking).
 */
export function reachedDecree(statuses: readonly SelfCheckStatus[]): boolean {
  return statuses.some((s) => !BEFORE_DECREE.has(s.status));
}

export interface SelfCheckStatus {
  enrollmentId: string;
  programCode: string;
  programName: string;
  periodId: string;
  periodName: string;
  status: PublicStatus;
  since: string;
}

export type SelfCheckOutcome =
  | { kind: "verified"; personId: string; statuses: SelfCheckStatus[] }
  | { kind: "no_match" }
  | { kind: "throttled" }
  | { kind: "invalid" };

/** The check code of a person, as the registration receipt prints it. */
export function checkCodeOf(portal: Portal, personId: string): string {
  return checkCodeFromDigest(portal.salur.vault.commitment("selfcheck-code", personId));
}

/** A fixed stand-in id, so an unknown NIK costs the same keyed hash as a known one. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

function buckets(now: Date) {
  const day = now.toISOString().slice(0, 10);
  const hour = now.toISOString().slice(0, 13);
  return {
    day,
    hour,
    dayEnds: new Date(`${day}T00:00:00Z`).getTime() + 86_400_000,
    hourEnds: new Date(`${hour}:00:00Z`).getTime() + 3_600_000,
  };
}

/**
 * Checks NIK and code. `address` is the client's address (only its keyed hash is stored). What others build on
 * (a receipt's "how much did you receive?", a decree's inclusion proof) starts from a "verified" outcome.
 */
export async function checkSelf(
  portal: Portal,
  input: { nik: string; code: string; address: string },
  now = new Date(),
): Promise<SelfCheckOutcome> {
  const nik = input.nik.replace(/\D/g, "");
  const code = normaliseCheckCode(input.code);
  if (!/^\d{16}$/.test(nik) || code.length !== 8) return { kind: "invalid" };
  const { vault } = portal.salur;
  const nikIndex = vault.blindIndex("nik", nik);
  const b = buckets(now);
  const db = portal.salur.database.db;
  decoys.set(portal, decoys.get(portal) ?? (await store.decoyPerson(db)) ?? NOBODY);
  const { triesPerNikPerDay, triesPerAddressPerHour } = portal.settings;
  const found = await store.selfCheckLookup(db, {
    count: Number.isFinite(triesPerNikPerDay) || Number.isFinite(triesPerAddressPerHour),
    nikKey: `nik:${Buffer.from(nikIndex).toString("base64url")}`,
    nikBucket: b.day,
    nikExpires: new Date(b.dayEnds),
    addressKey: `addr:${vault.commitment("client-address", input.address)}`,
    addressBucket: b.hour,
    addressExpires: new Date(b.hourEnds),
    nikIndex,
    decoyPersonId: decoys.get(portal) as string,
  });
  // The keyed hash, the mapping and the comparison run for a decoy too: the same work either way.
  const expected = checkCodeOf(portal, found.personId ?? NOBODY);
  const statuses = found.statuses.map((r) => ({
    enrollmentId: r.enrollmentId,
    programCode: r.programCode,
    programName: r.programName,
    periodId: r.periodId,
    periodName: r.periodName,
    status: publicStatus(r.status),
    since: new Date(r.statusChangedAt).toISOString(),
  }));
  const matches = sameCode(expected, code) && found.found;
  if (
    found.nikTries > portal.settings.triesPerNikPerDay ||
    found.addressTries > portal.settings.triesPerAddressPerHour
  )
    return { kind: "throttled" };
  if (!matches || !found.personId) return { kind: "no_match" };
  return { kind: "verified", personId: found.personId, statuses };
}

const decoys = new WeakMap<Portal, string>();

/**
 * What another capability adds below a verified self-check (receipts: "how much did you receive?"; decree:
 * the inclusion proof). Called only after a "verified" outcome, with that person only.
 */
export type SelfCheckSection = (context: {
  portal: Portal;
  personId: string;
  statuses: readonly SelfCheckStatus[];
  language: Language;
}) => Promise<SafeHtml | null>;

const sections: SelfCheckSection[] = [];

export function addSelfCheckSection(section: SelfCheckSection): void {
  if (!sections.includes(section)) sections.push(section);
}

export function selfCheckSections(): readonly SelfCheckSection[] {
  return sections;
}
