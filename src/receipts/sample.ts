/**
 * The verification sample (pure): stratified per desa so no desa is skipped, each stratum's size from the
 * confidence and margin with the finite-population correction, drawn from a recorded seed so anyone can redraw
 * it and see it was not hand-picked.
 */
import { Random } from "../demo/random.ts";
import { sampleSize } from "./statistics.ts";

export interface SampleFrameLine {
  readonly lineId: string;
  readonly desa: string;
}

export interface SampleDesign {
  readonly seed: number;
  readonly confidence: number;
  readonly margin: number;
}

export interface Stratum {
  readonly desa: string;
  readonly population: number;
  readonly size: number;
  readonly lineIds: readonly string[];
}

/**
 * The same frame, seed, confidence and margin always give the same lines: each desa's lines are put in id order
 * and shuffled by a stream derived from the seed and the desa code, so adding a desa does not move another's draw.
 */
export function drawVerificationSample(frame: readonly SampleFrameLine[], design: SampleDesign): Stratum[] {
  const byDesa = new Map<string, string[]>();
  for (const line of frame) {
    const ids = byDesa.get(line.desa);
    if (ids) ids.push(line.lineId);
    else byDesa.set(line.desa, [line.lineId]);
  }
  const strata: Stratum[] = [];
  for (const desa of [...byDesa.keys()].sort()) {
    const ids = [...new Set(byDesa.get(desa) ?? [])].sort();
    const size = sampleSize(ids.length, design.confidence, design.margin);
    const drawn = Random.derive(design.seed, "verification-sample", desa).shuffle(ids).slice(0, size);
    strata.push({ desa, population: ids.length, size, lineIds: drawn.sort() });
  }
  return strata;
}
