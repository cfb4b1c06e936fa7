export type IdNumberDamage = "scientific_notation";

export interface NormalizedIdNumber {
  /** The input without separators and spreadsheet markers; not yet checked for length or digits. */
  value: string;
  /** Damage that cannot be undone: the original digits are gone and must be retyped from the card. */
  damage: IdNumberDamage | null;
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;
// Excel shows numbers above 15 digits as 6.40105E+15; Indonesian locales write the decimal comma: 6,40105E+15.
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
// A numeric cell exported as a float: 6401054507880003.0. Only after exactly 16 digits, so a dot typed to group
// digits (640105450788000.3) is never mistaken for a decimal point.
const FLOAT_EXPORT = /^(\d{16})[.,]0+$/;

/**
 * Turns what people and spreadsheets produce into the bare number: spaces, dots and dashes used to group digits
 * ("6401 0545 0788 0003", "64.01.05.450788.0003"), the apostrophe Excel uses to mark text ('6401…), the ="…"
 * formula trick used to keep digits in CSV, full-width digits (via NFKC) and invisible characters.
 */
export function normalizeIdNumber(raw: string): NormalizedIdNumber {
  let text = raw.normalize("NFKC").replace(INVISIBLE, "").trim();
  const formula = /^="(.*)"$/.exec(text);
  if (formula) text = formula[1] ?? "";
  text = text
    .replace(/^"(.*)"$/, "$1")
    .trim()
    .replace(/^['‘’`]+/, "");
  const compact = text.replace(/\s/g, "");
  if (SCIENTIFIC.test(compact)) return { value: compact, damage: "scientific_notation" };
  const float = FLOAT_EXPORT.exec(compact);
  if (float) return { value: float[1] ?? "", damage: null };
  return { value: text.replace(SEPARATORS, ""), damage: null };
}

export interface ZeroedColumnAssessment {
  /** Numbers that were 16 digits after normalisation. */
  checked: number;
  endingInZero: number;
  suspected: boolean;
}

/** Below this many numbers the share ending in 0 says too little. */
const MIN_SAMPLE = 20;
/** Genuine serials start at 0001 per kecamatan, birth date and sex, so far fewer than half end in 0. */
const SUSPICIOUS_SHARE = 0.5;

/**
 * Whether a whole column was once stored as numbers: Excel keeps 15 significant digits and turns the 16th into
 * 0, so a damaged column ends in 0 almost everywhere while an intact one does so for roughly one number in ten.
 * One record cannot tell the two apart; a column can.
 */
export function assessZeroedColumn(numbers: Iterable<string>): ZeroedColumnAssessment {
  let checked = 0;
  let endingInZero = 0;
  for (const raw of numbers) {
    const { value, damage } = normalizeIdNumber(raw);
    if (damage || !/^\d{16}$/.test(value)) continue;
    checked += 1;
    if (value.endsWith("0")) endingInZero += 1;
  }
  return {
    checked,
    endingInZero,
    suspected: checked >= MIN_SAMPLE && endingInZero / checked >= SUSPICIOUS_SHARE,
  };
}
