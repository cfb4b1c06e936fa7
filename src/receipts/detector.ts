/**
 * The skimming detector (pure): from confirmed payment lines it looks, per desa, RW, RT, distribution point and
 * distributing officer, for more shortfalls than the rest of the regency has, and for the same round amount
 * missing again and again (seed 003: Rp50.000 taken from every recipient of one RW). It works on counts and
 * amounts only: a flag carries no person, line or complainant, so reading a flag names nobody.
 */
import type { ConfirmationAnswer, ConfirmationChannel, DetectionLevel } from "./codes.ts";
import { WEAK_CHANNELS } from "./codes.ts";
import { benjaminiHochberg, binomialUpperTail } from "./statistics.ts";

/** One payment line with the recipient's answer, placed in every area the detector looks at. */
export interface ConfirmedLine {
  readonly kecamatan: string;
  readonly desa: string;
  /** "064.01.05.2002/003": RW within its desa; null when the registry does not know it. */
  readonly rw: string | null;
  readonly rt: string | null;
  readonly point: string | null;
  readonly officer: string | null;
  readonly paid: number;
  readonly answer: ConfirmationAnswer;
  /** What reached the hand: paid for received_full, 0 for not_received, null for refused. */
  readonly received: number | null;
  readonly channel: ConfirmationChannel;
}

export interface DetectorSettings {
  /** Benjamini–Hochberg false discovery rate over every area tested in one run. */
  readonly falseDiscoveryRate: number;
  /**
   * No flag with fewer shortfalls than this: below five a flag points at a handful of households, which comes close
   * to naming who complained, and one misremembered amount would weigh too much.
   */
  readonly minimumShortfalls: number;
  /** A deduction is "round" when it is a multiple of this (Rp50.000, Rp100.000 …: what a levy looks like). */
  readonly roundUnit: number;
  /** A shortfall smaller than this is a recipient's rounding, not a deduction. */
  readonly tolerance: number;
}

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = {
  falseDiscoveryRate: 0.01,
  minimumShortfalls: 5,
  roundUnit: 10_000,
  tolerance: 1_000,
};

export interface FlagEvidence {
  /** Confirmations from independent channels (portal, verification) that answered: the test's n. */
  readonly confirmations: number;
  readonly shortfalls: number;
  readonly notReceived: number;
  readonly refused: number;
  /** Answers taken by an officer at a distribution point: shown, not tested (weaker evidence). */
  readonly officerConfirmations: number;
  readonly officerShortfalls: number;
  readonly paid: number;
  readonly received: number;
  /** The regency's shortfall share outside this area: what the area is compared with. */
  readonly baselineShare: number;
  readonly expectedShortfalls: number;
  /** The round deduction reported most often here, how many times, and how often the rest of the regency reports it. */
  readonly commonDeduction: number | null;
  readonly commonDeductionCount: number;
  readonly commonDeductionBaselineShare: number | null;
}

export type FlagTest = "binomial_shortfall_share" | "binomial_repeated_round_amount";

export interface Flag {
  readonly level: DetectionLevel;
  readonly area: string;
  /** The desa the area lies in; null for an officer, who may work in several. */
  readonly desa: string | null;
  readonly test: FlagTest;
  /** The smaller of the two tests' p-values, doubled (Bonferroni over the two tests asked of each area). */
  readonly pValue: number;
  /** Benjamini–Hochberg adjusted over every area tested in the run. */
  readonly qValue: number;
  readonly evidence: FlagEvidence;
}

export interface AreaTest {
  readonly level: DetectionLevel;
  readonly area: string;
  readonly desa: string | null;
  readonly test: FlagTest;
  readonly pValue: number;
  readonly evidence: FlagEvidence;
}

interface Tally {
  confirmations: number;
  shortfalls: number;
  notReceived: number;
  refused: number;
  officerConfirmations: number;
  officerShortfalls: number;
  paid: number;
  received: number;
  /** Count of each round deduction among shortfalls. */
  deductions: Map<number, number>;
  desa: string | null;
}

function emptyTally(desa: string | null): Tally {
  return {
    confirmations: 0,
    shortfalls: 0,
    notReceived: 0,
    refused: 0,
    officerConfirmations: 0,
    officerShortfalls: 0,
    paid: 0,
    received: 0,
    deductions: new Map(),
    desa,
  };
}

/** paid − received when it is a real shortfall, else 0; a refusal is no answer. */
export function shortfallOf(line: ConfirmedLine, settings: DetectorSettings): number {
  if (line.answer === "refused" || line.received === null) return 0;
  const missing = line.paid - line.received;
  return missing >= settings.tolerance ? missing : 0;
}

function isRound(amount: number, settings: DetectorSettings): boolean {
  return amount > 0 && amount % settings.roundUnit === 0;
}

function areaKeys(line: ConfirmedLine): [DetectionLevel, string | null, string | null][] {
  return [
    ["desa", line.desa, line.desa],
    ["rw", line.rw === null ? null : `${line.desa}/${line.rw}`, line.desa],
    ["rt", line.rt === null ? null : `${line.desa}/${line.rw ?? "-"}/${line.rt}`, line.desa],
    ["point", line.point, line.desa],
    ["officer", line.officer, null],
  ];
}

function add(tally: Tally, line: ConfirmedLine, missing: number, settings: DetectorSettings): void {
  if (line.answer === "refused") {
    tally.refused++;
    return;
  }
  if (WEAK_CHANNELS.includes(line.channel)) {
    tally.officerConfirmations++;
    if (missing > 0) tally.officerShortfalls++;
    return;
  }
  tally.confirmations++;
  tally.paid += line.paid;
  tally.received += line.received ?? 0;
  if (missing > 0) {
    tally.shortfalls++;
    if (line.answer === "not_received") tally.notReceived++;
    else if (isRound(missing, settings)) {
      tally.deductions.set(missing, (tally.deductions.get(missing) ?? 0) + 1);
    }
  }
}

/**
 * Every area's test, before the false-discovery control: the exact binomial tail of its shortfalls against the
 * regency's share outside it (leave-one-out, so a large skimming desa does not raise its own bar), and of its most
 * repeated round deduction against how often the rest of the regency reports that same amount.
 */
export function testAreas(
  lines: readonly ConfirmedLine[],
  settings: DetectorSettings = DEFAULT_DETECTOR_SETTINGS,
): AreaTest[] {
  const regency = emptyTally(null);
  const tallies = new Map<string, { level: DetectionLevel; area: string; tally: Tally }>();
  for (const line of lines) {
    const missing = shortfallOf(line, settings);
    add(regency, line, missing, settings);
    for (const [level, area, desa] of areaKeys(line)) {
      if (area === null) continue;
      const key = `${level}\u0000${area}`;
      let entry = tallies.get(key);
      if (!entry) {
        entry = { level, area, tally: emptyTally(desa) };
        tallies.set(key, entry);
      }
      add(entry.tally, line, missing, settings);
    }
  }

  const tests: AreaTest[] = [];
  for (const { level, area, tally } of tallies.values()) {
    if (tally.confirmations === 0) continue;
    // Below the minimum an area still counts in the correction, with p = 1: screening on the very count being
    // tested and then correcting only over the survivors would understate how many questions were asked.
    const eligible = tally.shortfalls >= settings.minimumShortfalls;
    const outsideN = regency.confirmations - tally.confirmations;
    const outsideK = regency.shortfalls - tally.shortfalls;
    // Half a shortfall added outside: a regency that reported none must not make one area's five look impossible.
    const baseline = (outsideK + 0.5) / (outsideN + 1);
    const shareP = !eligible ? 1 : binomialUpperTail(tally.shortfalls, tally.confirmations, baseline);

    let common: number | null = null;
    let commonCount = 0;
    for (const [amount, count] of tally.deductions) {
      if (count > commonCount || (count === commonCount && common !== null && amount < common)) {
        common = amount;
        commonCount = count;
      }
    }
    let roundP = 1;
    let commonBaseline: number | null = null;
    if (eligible && common !== null && commonCount >= settings.minimumShortfalls) {
      const outsideSame = (regency.deductions.get(common) ?? 0) - commonCount;
      commonBaseline = (outsideSame + 0.5) / (outsideN + 1);
      // The amount was chosen after looking: Bonferroni over the distinct round amounts seen in the area.
      roundP = Math.min(
        1,
        binomialUpperTail(commonCount, tally.confirmations, commonBaseline) * tally.deductions.size,
      );
    }
    const test: FlagTest = roundP < shareP ? "binomial_repeated_round_amount" : "binomial_shortfall_share";
    tests.push({
      level,
      area,
      desa: tally.desa,
      test,
      pValue: Math.min(1, 2 * Math.min(shareP, roundP)),
      evidence: {
        confirmations: tally.confirmations,
        shortfalls: tally.shortfalls,
        notReceived: tally.notReceived,
        refused: tally.refused,
        officerConfirmations: tally.officerConfirmations,
        officerShortfalls: tally.officerShortfalls,
        paid: tally.paid,
        received: tally.received,
        baselineShare: baseline,
        expectedShortfalls: baseline * tally.confirmations,
        commonDeduction: common,
        commonDeductionCount: commonCount,
        commonDeductionBaselineShare: commonBaseline,
      },
    });
  }
  return tests;
}

/**
 * Flags to show the agency and the Inspektorat. Benjamini–Hochberg rather than Bonferroni: one run asks a thousand
 * or more areas (144 desa, their RWs and RTs, points, officers), and a Bonferroni bar of 0.01/1000 would let a
 * cut RW of twelve answers pass; BH keeps the expected share of false flags among the flags — the inspectors' wasted
 * visits — at the chosen rate, and stays valid for the positively dependent tests of nested areas. With no skimming
 * anywhere BH is the family-wise bound itself: P(any flag) ≤ the rate for the whole regency.
 */
export function detectSkimming(
  lines: readonly ConfirmedLine[],
  settings: DetectorSettings = DEFAULT_DETECTOR_SETTINGS,
): Flag[] {
  const tests = testAreas(lines, settings);
  const q = benjaminiHochberg(tests.map((t) => t.pValue));
  const flags: Flag[] = [];
  tests.forEach((t, i) => {
    const qValue = q[i] as number;
    if (qValue <= settings.falseDiscoveryRate && t.evidence.shortfalls >= settings.minimumShortfalls)
      flags.push({ ...t, qValue });
  });
  return flags.sort((a, b) => a.qValue - b.qValue || a.area.localeCompare(b.area));
}
