/**
 * Payment references: one per line, unique across every batch, with a Damm check digit. Damm catches every
 * single-digit error and every swap of two adjacent digits — the slips a bank clerk makes retyping a reference
 * from a returned list — so a mistyped reference is refused instead of settling another recipient's line.
 * Pure.
 */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

function dammInterim(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]?.[ch.charCodeAt(0) - 48] ?? 0;
  return interim;
}

export function dammCheckDigit(digits: string): number {
  return dammInterim(digits);
}

/** Batch numbers up to 99,999 and up to 999,999 lines a batch; the reference is 12 digits, all numeric. */
const BATCH_DIGITS = 5;
const LINE_DIGITS = 6;

export function paymentReference(batchNumber: number, lineNumber: number): string {
  const body = `${String(batchNumber).padStart(BATCH_DIGITS, "0")}${String(lineNumber).padStart(LINE_DIGITS, "0")}`;
  return `${body}${dammCheckDigit(body)}`;
}

/** True when the reference has the right shape and its check digit holds. */
export function referenceValid(reference: string): boolean {
  return /^\d{12}$/.test(reference) && dammInterim(reference) === 0;
}

export function parseReference(reference: string): { batchNumber: number; lineNumber: number } | null {
  if (!referenceValid(reference)) return null;
  return {
    batchNumber: Number(reference.slice(0, BATCH_DIGITS)),
    lineNumber: Number(reference.slice(BATCH_DIGITS, BATCH_DIGITS + LINE_DIGITS)),
  };
}
