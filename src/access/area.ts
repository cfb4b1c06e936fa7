/**
 * A user's area scope and the places of records, both as Kemendagri codes: a regency ("64.01"), a kecamatan
 * ("64.01.05"), a desa ("64.01.05.2002") or an RT within a desa ("64.01.05.2002" + "003"). Pure: the names come
 * from the regions catalog at the edge.
 */
export type AreaLevel = "regency" | "district" | "village" | "rt";

export interface AreaScope {
  level: AreaLevel;
  code: string;
  /** Zero-padded RT within the desa; only for level "rt". */
  rt: string | null;
}

/** Where a record lives: its desa (or a coarser code for regency-wide records) and, when known, its RT. */
export interface Place {
  code: string;
  rt?: string | null;
}

const LEVEL_BY_PARTS: Record<number, AreaLevel | undefined> = { 2: "regency", 3: "district", 4: "village" };
const CODE_SHAPE = /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/;

/** RT is written 1–3 digits in the field; stored zero-padded to 3 like the registry does. */
export function normalizeRt(rt: string): string | null {
  const trimmed = rt.trim();
  return /^\d{1,3}$/.test(trimmed) ? trimmed.padStart(3, "0") : null;
}

/** Parses a scope from a code and an optional RT; null when the shape is wrong or an RT is given above desa level. */
export function areaScope(code: string, rt?: string | null): AreaScope | null {
  const trimmed = code.trim();
  if (!CODE_SHAPE.test(trimmed)) return null;
  const level = LEVEL_BY_PARTS[trimmed.split(".").length];
  if (!level) return null;
  if (rt === undefined || rt === null || rt === "") return { level, code: trimmed, rt: null };
  const padded = normalizeRt(rt);
  if (!padded || level !== "village") return null;
  return { level: "rt", code: trimmed, rt: padded };
}

function codeWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`);
}

/** True when the place lies inside the scope. A place without an RT is outside every RT scope. */
export function areaContains(scope: AreaScope, place: Place): boolean {
  if (!codeWithin(place.code, scope.code)) return false;
  if (scope.level !== "rt") return true;
  return place.code === scope.code && (place.rt ?? null) === scope.rt;
}

/** True when every place inside `inner` is inside `outer`: an admin may only hand out areas within their own. */
export function areaWithin(inner: AreaScope, outer: AreaScope): boolean {
  return areaContains(outer, { code: inner.code, rt: inner.rt });
}

/** The text form used in the audit trail and filters: "64.01.05.2002" or "64.01.05.2002/RT003". */
export function placeKey(place: Place): string {
  return place.rt ? `${place.code}/RT${place.rt}` : place.code;
}

export function parsePlaceKey(key: string): Place {
  const [code = "", rt] = key.split("/RT");
  return { code, rt: rt ?? null };
}
