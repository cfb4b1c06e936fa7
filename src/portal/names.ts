/**
 * How a published list names a person (pure). Enough for neighbours to recognise someone — together with the
 * RT/RW and the business — and not enough to search them elsewhere: online lists never carry a full name.
 */
export const NAME_POLICIES = ["first_name_initials", "initials"] as const;
export type NamePolicy = (typeof NAME_POLICIES)[number];
export const DEFAULT_NAME_POLICY: NamePolicy = "first_name_initials";

/** A leading abbreviation ("M.", "St.", "H.") is not a first name: it stays with the name it abbreviates. */
const ABBREVIATION = /^[A-Za-z]{1,3}\.$/;

function initial(word: string): string {
  const letter = [...word].find((c) => /\p{L}/u.test(c));
  return letter ? `${letter.toUpperCase()}.` : "";
}

/** "Budi Santoso Wijaya" → "Budi S. W." (first_name_initials) or "B. S. W." (initials). */
export function publicName(fullName: string, policy: NamePolicy = DEFAULT_NAME_POLICY): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  if (policy === "initials") return words.map(initial).filter(Boolean).join(" ");
  let first = 0;
  while (first < words.length - 1 && ABBREVIATION.test(words[first] as string)) first++;
  const head = words.slice(0, first + 1).join(" ");
  const rest = words
    .slice(first + 1)
    .map(initial)
    .filter(Boolean);
  // A one-word name is shown as it is: there is nothing to abbreviate, and "Sumarni" alone is common.
  return [head, ...rest].join(" ");
}
