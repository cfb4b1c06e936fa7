/**
 * How strongly one field's agreement level speaks for or against two records being one person, in the words
 * the explanations use (MATCHING_EFFECT_*). Pure and tiny, so the web app words evidence exactly as the engine.
 */
export type EvidenceEffect = "NONE" | "STRONG_FOR" | "FOR" | "NEUTRAL" | "AGAINST" | "STRONG_AGAINST";

// Bits of evidence: ±6 bits multiplies the odds by 64, ±2 by 4.
export function effectOf(weight: number, level: string): EvidenceEffect {
  if (level === "missing") return "NONE";
  if (weight >= 6) return "STRONG_FOR";
  if (weight >= 2) return "FOR";
  if (weight > -2) return "NEUTRAL";
  if (weight > -6) return "AGAINST";
  return "STRONG_AGAINST";
}
