/** Small-sample statistics the detector and the verification sample need; pure and exact where it matters. */

const logFactorials: number[] = [0];

function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) {
    logFactorials.push((logFactorials[i - 1] as number) + Math.log(i));
  }
  return logFactorials[n] as number;
}

function logBinomialTerm(n: number, k: number, p: number): number {
  return (
    logFactorial(n) -
    logFactorial(k) -
    logFactorial(n - k) +
    (k === 0 ? 0 : k * Math.log(p)) +
    (n === k ? 0 : (n - k) * Math.log1p(-p))
  );
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the exact one-sided test. A normal approximation is wrong exactly where the
 * detector works — an RT of 12 confirmations against a baseline of 3 % — so the tail is summed term by term.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // Summed from the largest term down, in log space, so 10,000 lines at p = 0.001 neither underflow nor lose digits.
  const mode = Math.max(k, Math.min(n, Math.floor((n + 1) * p)));
  const top = logBinomialTerm(n, mode, p);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logBinomialTerm(n, i, p) - top);
    sum += term;
    if (i > mode && term < 1e-17 * sum) break;
  }
  return Math.min(1, Math.exp(top + Math.log(sum)));
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the input order. A flag is raised when q ≤ the chosen false
 * discovery rate.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, index] = order[rank - 1] as readonly [number, number];
    running = Math.min(running, (p * m) / rank);
    adjusted[index] = Math.min(1, running);
  }
  return adjusted;
}

/** Two-sided standard normal quantile for a confidence level (Acklam's rational approximation, |error| < 1.2e-9). */
export function zFor(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

function normalQuantile(p: number): number {
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [-54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373, 4.37466414146497,
    2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * Lines to verify out of `population` to estimate a share within ±margin at the confidence level: Cochran's
 * n₀ = z²·p(1−p)/e² at the worst case p = ½, then the finite-population correction n = n₀ / (1 + (n₀ − 1)/N).
 * 95 % ±5 % asks 384 of a very large batch, 80 of a desa of 100, and everyone in a desa of 10.
 */
export function sampleSize(population: number, confidence = 0.95, margin = 0.05): number {
  if (population <= 0) return 0;
  const z = zFor(confidence);
  const n0 = (z * z * 0.25) / (margin * margin);
  return Math.min(population, Math.ceil(n0 / (1 + (n0 - 1) / population)));
}
