/**
 * Checks used by the demo's tests: the NIK and KK layouts written out independently of the generator, so a
 * generator bug cannot hide behind its own decoder.
 */
export interface NikShape {
  region: string;
  birthDate: string; // YYYY-MM-DD, century resolved against `today`
  sex: "L" | "P";
  serial: string;
}

/** Decodes a NIK's 16 digits; null when the shape or the encoded date is impossible. */
export function readNik(nik: string, today: string): NikShape | null {
  if (!/^\d{16}$/.test(nik)) return null;
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12);
  const sex = day > 40 ? "P" : "L";
  if (sex === "P") day -= 40;
  if (serial === "0000" || month < 1 || month > 12 || day < 1) return null;
  const todayYear = Number(today.slice(0, 4));
  const year = 2000 + yy > todayYear ? 1900 + yy : 2000 + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return { region: nik.slice(0, 6), birthDate: date.toISOString().slice(0, 10), sex, serial };
}
