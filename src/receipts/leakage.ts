/**
 * Leakage (pure): 1 − Σ received / Σ paid over the confirmed lines of a batch, desa or kecamatan, with a confidence
 * interval from the sample. Refusals are no answer and are left out; they are counted beside.
 */
import type { ConfirmationAnswer } from "./codes.ts";
import { zFor } from "./statistics.ts";

export interface LeakageLine {
  readonly paid: number;
  readonly answer: ConfirmationAnswer;
  readonly received: number | null;
}

export interface Leakage {
  readonly confirmed: number;
  readonly refused: number;
  readonly paid: number;
  readonly received: number;
  /** 1 − Σreceived/Σpaid; null when nothing was confirmed. */
  readonly leakage: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly confidence: number;
}

/**
 * The ratio estimator's interval: var(R) ≈ (1 − n/N) · Σ(yᵢ − R·xᵢ)² / ((n − 1) · n · x̄²), yᵢ received and xᵢ paid
 * (Cochran, Sampling Techniques, 6.4), with the finite-population correction when the number of paid lines N of the
 * area is known. A normal interval, clipped to [0, 1]; at one confirmed line it is the whole range.
 */
export function leakageOf(
  lines: readonly LeakageLine[],
  options: { readonly population?: number; readonly confidence?: number } = {},
): Leakage {
  const confidence = options.confidence ?? 0.95;
  let paid = 0;
  let received = 0;
  let refused = 0;
  const answered: { x: number; y: number }[] = [];
  for (const line of lines) {
    if (line.answer === "refused" || line.received === null) {
      refused++;
      continue;
    }
    paid += line.paid;
    received += line.received;
    answered.push({ x: line.paid, y: line.received });
  }
  const n = answered.length;
  if (n === 0 || paid === 0) {
    return { confirmed: n, refused, paid, received, leakage: null, low: null, high: null, confidence };
  }
  const ratio = received / paid;
  const leakage = 1 - ratio;
  if (n === 1) return { confirmed: n, refused, paid, received, leakage, low: 0, high: 1, confidence };
  let squares = 0;
  for (const { x, y } of answered) squares += (y - ratio * x) ** 2;
  const meanPaid = paid / n;
  const population = options.population !== undefined ? Math.max(options.population, n) : undefined;
  const fpc = population === undefined ? 1 : 1 - n / population;
  const se = Math.sqrt((fpc * squares) / ((n - 1) * n * meanPaid * meanPaid));
  const half = zFor(confidence) * se;
  return {
    confirmed: n,
    refused,
    paid,
    received,
    leakage,
    low: Math.max(0, leakage - half),
    high: Math.min(1, leakage + half),
    confidence,
  };
}

/** Leakage per key (batch, desa, kecamatan …) in one pass. */
export function leakageBy<L extends LeakageLine>(
  lines: readonly L[],
  keyOf: (line: L) => string,
  populationOf: (key: string) => number | undefined = () => undefined,
  confidence = 0.95,
): Map<string, Leakage> {
  const groups = new Map<string, L[]>();
  for (const line of lines) {
    const key = keyOf(line);
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  const result = new Map<string, Leakage>();
  for (const [key, group] of groups) {
    const population = populationOf(key);
    result.set(key, leakageOf(group, population === undefined ? { confidence } : { population, confidence }));
  }
  return result;
}
