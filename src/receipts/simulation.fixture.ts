/**
 * Distribution campaigns over Paser's 144 desa with planted skimming and honest noise, for the detector's bench
 * (bench/receipts.ts) and its short version in the default suite. Everything is drawn from one seed.
 */
import { PASER_VILLAGES } from "../demo/paser-villages.ts";
import { Random } from "../demo/random.ts";
import type { ConfirmationAnswer, ConfirmationChannel } from "./codes.ts";
import type { ConfirmedLine } from "./detector.ts";
import { drawVerificationSample } from "./sample.ts";

export type PlantedPattern = "rw_flat_cut" | "desa_percent_cut" | "officer_point_cut";
export const PLANTED_PATTERNS: readonly PlantedPattern[] = [
  "rw_flat_cut",
  "desa_percent_cut",
  "officer_point_cut",
];

interface Recipient {
  readonly lineId: string;
  readonly kecamatan: string;
  readonly desa: string;
  readonly rw: string;
  readonly rt: string;
  readonly point: string;
  readonly officer: string;
  readonly paid: number;
  /** What the skimmer took. */
  cut: number;
}

export interface Plant {
  readonly pattern: PlantedPattern;
  /** Area keys ("level\0area") a flag on which counts as finding this plant. */
  readonly hits: readonly string[];
}

export interface Campaign {
  readonly lines: readonly ConfirmedLine[];
  readonly plants: readonly Plant[];
  /** Area keys ("level\0area") holding at least one skimmed recipient: a flag elsewhere is a false flag. */
  readonly dirtyAreas: ReadonlySet<string>;
  readonly desaCount: number;
  readonly cleanDesaCount: number;
}

export interface NoiseSettings {
  /** Honest recipients who misremember and report less than they got. */
  readonly misremember: number;
  /** Honest recipients who say nothing came (a family member collected it, a mix-up). */
  readonly mistakenNotReceived: number;
  readonly refuse: number;
  readonly unreachable: number;
  /** Recipients outside the sample who answer on the portal anyway. */
  readonly portalSelfReport: number;
  /** Recipients a distribution-point officer writes down. */
  readonly officerRecords: number;
  /** Victims who, afraid, say they got it all, or refuse. */
  readonly victimSaysFull: number;
  readonly victimRefuses: number;
}

export const DEFAULT_NOISE: NoiseSettings = {
  misremember: 0.03,
  mistakenNotReceived: 0.005,
  refuse: 0.05,
  unreachable: 0.1,
  portalSelfReport: 0.12,
  officerRecords: 0.3,
  victimSaysFull: 0.2,
  victimRefuses: 0.1,
};

const pad = (n: number) => String(n).padStart(3, "0");
export const areaKey = (level: string, area: string) => `${level}\u0000${area}`;

function population(random: Random): Recipient[] {
  const recipients: Recipient[] = [];
  const officersByKecamatan = new Map<string, number>();
  for (const village of PASER_VILLAGES) {
    const size = random.between(40, 180);
    const rwCount = random.between(2, 5);
    const rtCount = random.between(2, 4);
    const pointCount = random.between(1, 2);
    const kecamatanOfficers = officersByKecamatan.get(village.districtCode) ?? 0;
    const officerOfPoint: string[] = [];
    for (let p = 0; p < pointCount; p++) {
      // Three pendamping per kecamatan, each taking the next point in turn: an officer works in several desa.
      officerOfPoint.push(`${village.districtCode}#${(kecamatanOfficers + p) % 3}`);
    }
    officersByKecamatan.set(village.districtCode, kecamatanOfficers + pointCount);
    for (let i = 0; i < size; i++) {
      const rw = random.between(1, rwCount);
      const pointIndex = (rw - 1) % pointCount;
      recipients.push({
        lineId: `${village.code}:${pad(i)}`,
        kecamatan: village.districtCode,
        desa: village.code,
        rw: pad(rw),
        rt: pad(random.between(1, rtCount)),
        point: `${village.code}@${pointIndex + 1}`,
        officer: officerOfPoint[pointIndex] as string,
        paid: random.chance(0.3) ? 300_000 : 600_000,
        cut: 0,
      });
    }
  }
  return recipients;
}

function plant(random: Random, recipients: Recipient[]): Plant[] {
  const desas = random.shuffle([...new Set(recipients.map((r) => r.desa))]).slice(0, 3);
  const [rwDesa, cutDesa, pointDesa] = desas as [string, string, string];
  const plants: Plant[] = [];

  // Seed 003: Rp50.000 taken from every recipient of one RW.
  const rws = [...new Set(recipients.filter((r) => r.desa === rwDesa).map((r) => r.rw))];
  const rw = random.pick(rws);
  for (const r of recipients) if (r.desa === rwDesa && r.rw === rw) r.cut = 50_000;
  plants.push({ pattern: "rw_flat_cut", hits: [areaKey("rw", `${rwDesa}/${rw}`)] });

  // A desa keeping a tenth "for the musala".
  for (const r of recipients) if (r.desa === cutDesa) r.cut = r.paid / 10;
  plants.push({ pattern: "desa_percent_cut", hits: [areaKey("desa", cutDesa)] });

  // An officer taking Rp100.000 from most recipients at one of their distribution points.
  const point = random.pick([...new Set(recipients.filter((r) => r.desa === pointDesa).map((r) => r.point))]);
  let officer = "";
  for (const r of recipients) {
    if (r.point !== point) continue;
    officer = r.officer;
    if (random.chance(0.7)) r.cut = 100_000;
  }
  plants.push({
    pattern: "officer_point_cut",
    hits: [areaKey("point", point), areaKey("officer", officer)],
  });
  return plants;
}

/** One recipient's answer: honest people sometimes misremember; victims sometimes keep quiet out of fear. */
function answer(
  random: Random,
  r: Recipient,
  noise: NoiseSettings,
): { answer: ConfirmationAnswer; received: number | null } {
  const inHand = r.paid - r.cut;
  if (r.cut > 0) {
    if (random.chance(noise.victimRefuses)) return { answer: "refused", received: null };
    if (random.chance(noise.victimSaysFull)) return { answer: "received_full", received: r.paid };
    return { answer: "received_less", received: inHand };
  }
  if (random.chance(noise.refuse)) return { answer: "refused", received: null };
  if (random.chance(noise.mistakenNotReceived)) return { answer: "not_received", received: 0 };
  if (random.chance(noise.misremember)) {
    // Half remember a round figure (Rp500.000 for Rp600.000), half some odd number.
    const less = random.chance(0.5) ? random.pick([50_000, 100_000]) : random.between(1, 25) * 7_000;
    return { answer: "received_less", received: Math.max(0, inHand - less) };
  }
  return { answer: "received_full", received: r.paid };
}

export function simulateCampaign(
  seed: number,
  options: { readonly planted: boolean; readonly noise?: NoiseSettings },
): Campaign {
  const noise = options.noise ?? DEFAULT_NOISE;
  const random = Random.derive(seed, "receipts-campaign");
  const recipients = population(random.fork("population"));
  const plants = options.planted ? plant(random.fork("plant"), recipients) : [];

  const sampled = new Set(
    drawVerificationSample(recipients, { seed, confidence: 0.95, margin: 0.05 }).flatMap((s) => s.lineIds),
  );
  const answers = random.fork("answers");
  const lines: ConfirmedLine[] = [];
  const dirtyAreas = new Set<string>();
  for (const r of recipients) {
    if (r.cut > 0) {
      for (const key of [
        areaKey("desa", r.desa),
        areaKey("rw", `${r.desa}/${r.rw}`),
        areaKey("rt", `${r.desa}/${r.rw}/${r.rt}`),
        areaKey("point", r.point),
        areaKey("officer", r.officer),
      ])
        dirtyAreas.add(key);
    }
    const place = {
      kecamatan: r.kecamatan,
      desa: r.desa,
      rw: r.rw,
      rt: r.rt,
      point: r.point,
      officer: r.officer,
      paid: r.paid,
    };
    let channel: ConfirmationChannel | null = null;
    if (sampled.has(r.lineId)) channel = answers.chance(noise.unreachable) ? null : "verification";
    else if (answers.chance(noise.portalSelfReport)) channel = "portal";
    if (channel !== null) lines.push({ ...place, ...answer(answers, r, noise), channel });
    if (answers.chance(noise.officerRecords)) {
      // The officer at the point writes "in full" where the officer is the one cutting.
      const told =
        r.cut > 0 && r.officer !== ""
          ? { answer: "received_full" as const, received: r.paid }
          : answer(answers, r, noise);
      lines.push({ ...place, ...told, channel: "officer" });
    }
  }
  const desas = new Set(recipients.map((r) => r.desa));
  const dirtyDesas = new Set(recipients.filter((r) => r.cut > 0).map((r) => r.desa));
  return {
    lines,
    plants,
    dirtyAreas,
    desaCount: desas.size,
    cleanDesaCount: desas.size - dirtyDesas.size,
  };
}

export interface BenchResult {
  readonly campaigns: number;
  readonly cleanCampaigns: number;
  /** Per pattern: planted, found. */
  readonly found: Record<PlantedPattern, { planted: number; found: number }>;
  readonly falseFlags: number;
  readonly cleanDesa: number;
  readonly cleanCampaignFalseFlags: number;
  readonly cleanCampaignDesa: number;
}

/** Runs `campaigns` planted and `cleanCampaigns` clean campaigns through a detector and scores its flags. */
export function scoreDetector(
  detect: (lines: readonly ConfirmedLine[]) => readonly { level: string; area: string }[],
  campaigns: number,
  cleanCampaigns: number,
  seed = 19,
): BenchResult {
  const found = Object.fromEntries(PLANTED_PATTERNS.map((p) => [p, { planted: 0, found: 0 }])) as Record<
    PlantedPattern,
    { planted: number; found: number }
  >;
  let falseFlags = 0;
  let cleanDesa = 0;
  let cleanCampaignFalseFlags = 0;
  let cleanCampaignDesa = 0;
  for (let i = 0; i < campaigns + cleanCampaigns; i++) {
    const planted = i < campaigns;
    const campaign = simulateCampaign(seed * 1_000_003 + i, { planted });
    const flagged = new Set(detect(campaign.lines).map((f) => areaKey(f.level, f.area)));
    for (const p of campaign.plants) {
      const tally = found[p.pattern];
      tally.planted++;
      if (p.hits.some((key) => flagged.has(key))) tally.found++;
    }
    let wrong = 0;
    for (const key of flagged) if (!campaign.dirtyAreas.has(key)) wrong++;
    falseFlags += wrong;
    cleanDesa += campaign.cleanDesaCount;
    if (!planted) {
      cleanCampaignFalseFlags += wrong;
      cleanCampaignDesa += campaign.desaCount;
    }
  }
  return {
    campaigns,
    cleanCampaigns,
    found,
    falseFlags,
    cleanDesa,
    cleanCampaignFalseFlags,
    cleanCampaignDesa,
  };
}
