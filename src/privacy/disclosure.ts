/**
 * What a caller without the identity right may see of an identity number, a phone or a birth date: nothing
 * from which a NIK or KK can be rebuilt. A NIK is region (6 digits) + birth date (6) + serial (4); with the
 * birth date known the serial is the only secret left, so these views keep the region and nothing else, and
 * birth dates keep the year only. Every masked view of imported files goes through these functions.
 */

const ID_NUMBER_LENGTH = 16;

/** `640105**********`: the kecamatan the number was issued in; anything that is not a 16-digit number: all masked. */
export function regionOnlyIdNumber(raw: string): string {
  const digits = raw.replace(/\D/g, "");
  if (digits.length === ID_NUMBER_LENGTH) return `${digits.slice(0, 6)}${"*".repeat(ID_NUMBER_LENGTH - 6)}`;
  return raw.replace(/\d/g, "*");
}

/** "1979-08-17" becomes "1979-**-**", "Samarinda, 17-08-1979" "Samarinda, **-**-1979": only a four-digit year stays. */
export function birthYearOnly(raw: string): string {
  return raw.replace(/\d+/g, (group) => (group.length === 4 ? group : "*".repeat(group.length)));
}

/** The last four digits only, as a phone is shown to those who need to call but not to know the number. */
export function lastDigitsOnly(raw: string): string {
  const digits = raw.replace(/\D/g, "");
  if (digits.length <= 4) return raw.replace(/\d/g, "*");
  return `${"*".repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** Every digit masked: free text (a finding's parameters) that may quote a number as it was typed. */
export function allDigitsMasked(raw: string): string {
  return raw.replace(/\d/g, "*");
}
