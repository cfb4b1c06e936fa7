/**
 * Small-cell suppression (pure): a published count below K (and its sum) is withheld, so that no figure lets a
 * reader single out a household. Zero stays zero ("nobody") — it identifies no one. When one cell of a group is
 * withheld and the group's total is shown, the cell could be recovered by subtraction, so the smallest other
 * non-zero cell of the group is withheld too (complementary suppression).
 */
export const K_ANONYMITY = 5;

/** A published figure: the count and its sum in rupiah, or null when withheld. */
export interface Cell {
  count: number | null;
  amount: number | null;
}

export function isSmall(count: number, k = K_ANONYMITY): boolean {
  return count > 0 && count < k;
}

/**
 * Suppresses the cells of one group whose total is published. `counts[i]` and `amounts[i]` are raw; returns the
 * published cells in the same order.
 */
export function suppressGroup(
  counts: readonly number[],
  amounts: readonly number[],
  k = K_ANONYMITY,
): Cell[] {
  const hidden = counts.map((c) => isSmall(c, k));
  const hiddenCount = hidden.filter(Boolean).length;
  if (hiddenCount === 1) {
    let pick = -1;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i] as number;
      if (hidden[i] || c === 0) continue;
      if (pick === -1 || c < (counts[pick] as number)) pick = i;
    }
    if (pick !== -1) hidden[pick] = true;
  }
  return counts.map((c, i) =>
    hidden[i] ? { count: null, amount: null } : { count: c, amount: amounts[i] ?? 0 },
  );
}

/** A total on its own (a regency figure): withheld only when it is itself small. */
export function suppressTotal(count: number, amount: number, k = K_ANONYMITY): Cell {
  return isSmall(count, k) ? { count: null, amount: null } : { count, amount };
}
