/**
 * Desa/kelurahan given by code ("64.01.01.2014", "6401012014") or by name ("Ds. Tepian Batang", "KEL TANAH
 * GROGOT"), optionally with the kecamatan. An unknown name gets the closest names of the regency (or of the
 * kecamatan given) as a "did you mean"; a name found in two kecamatan asks for the kecamatan.
 */
import { dottedRegionCode, type Region } from "../regions/catalog.ts";

export interface VillageCatalog {
  get(code: string): Region | undefined;
  districtsOf(regencyCode: string): readonly Region[];
  children(code: string): readonly Region[];
}

export type VillageResolution =
  | { ok: true; code: string; warning?: { code: string; params: Record<string, string> } }
  | { ok: false; code: string; params: Record<string, string> };

export interface VillageQuery {
  code?: string | null;
  name?: string | null;
  districtCode?: string | null;
  districtName?: string | null;
}

const PREFIXES = /^(desa|kelurahan|kel|ds|dsa|kampung|kp|kecamatan|kec)\b\.?\s*/;

/** Lower case, no "Desa"/"Kel."/"Kec." prefix, punctuation as spaces: how names are compared. */
export function regionNameKey(name: string): string {
  let key = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  for (let i = 0; i < 2; i++) key = key.replace(PREFIXES, "").trim();
  return key;
}

/** Levenshtein similarity in [0, 1]; enough for a few hundred village names. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let curr = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    curr[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(
        (prev[j] as number) + 1,
        (curr[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
    }
    [prev, curr] = [curr, prev];
  }
  return 1 - (prev[m] as number) / Math.max(n, m);
}

const SUGGESTION_MIN = 0.6;
const SUGGESTIONS = 3;

export interface VillageResolver {
  resolve(query: VillageQuery): VillageResolution;
  /** "Tanah Grogot (Kec. Tanah Grogot)": how a village is named in messages. */
  label(code: string): string;
}

export function createVillageResolver(catalog: VillageCatalog, regencyCode: string): VillageResolver {
  const districts = catalog.districtsOf(regencyCode);
  const villages = districts.flatMap((d) =>
    catalog.children(d.code).map((v) => ({ village: v, district: d })),
  );
  const villagesByName = new Map<string, typeof villages>();
  for (const entry of villages) {
    const key = regionNameKey(entry.village.name);
    const list = villagesByName.get(key);
    if (list) list.push(entry);
    else villagesByName.set(key, [entry]);
  }
  const districtByName = new Map(districts.map((d) => [regionNameKey(d.name), d] as const));
  const cache = new Map<string, VillageResolution>();

  const label = (code: string) => {
    const village = catalog.get(code);
    const district = catalog.get(code.slice(0, 8));
    return village ? `${village.name} (Kec. ${district?.name ?? code.slice(0, 8)})` : code;
  };

  function suggest(key: string, within: readonly (typeof villages)[number][]): string {
    return within
      .map((entry) => ({ entry, score: nameSimilarity(key, regionNameKey(entry.village.name)) }))
      .filter((s) => s.score >= SUGGESTION_MIN)
      .sort((a, b) => b.score - a.score || a.entry.village.code.localeCompare(b.entry.village.code))
      .slice(0, SUGGESTIONS)
      .map((s) => label(s.entry.village.code))
      .join("; ");
  }

  function districtOf(query: VillageQuery): Region | null | "unknown" {
    if (query.districtCode?.trim()) {
      const code = dottedRegionCode(query.districtCode.trim());
      const district = districts.find((d) => d.code === code);
      return district ?? "unknown";
    }
    if (query.districtName?.trim()) return districtByName.get(regionNameKey(query.districtName)) ?? "unknown";
    return null;
  }

  function byCode(raw: string, query: VillageQuery): VillageResolution {
    const code = dottedRegionCode(raw.trim().replace(/^'/, ""));
    const region = catalog.get(code);
    if (region?.level !== "village")
      return { ok: false, code: "VILLAGE_CODE_UNKNOWN", params: { value: raw } };
    if (!code.startsWith(`${regencyCode}.`)) {
      return {
        ok: false,
        code: "VILLAGE_OUTSIDE_REGENCY",
        params: { value: raw, village: region.name, regency: regencyCode },
      };
    }
    if (query.name?.trim() && regionNameKey(query.name) !== regionNameKey(region.name)) {
      return {
        ok: true,
        code,
        warning: {
          code: "VILLAGE_NAME_CODE_MISMATCH",
          params: { name: query.name, code, village: label(code) },
        },
      };
    }
    return { ok: true, code };
  }

  function byName(raw: string, query: VillageQuery): VillageResolution {
    const key = regionNameKey(raw);
    const district = districtOf(query);
    if (district === "unknown") {
      const given = query.districtName ?? query.districtCode ?? "";
      const suggestions = districts
        .map((d) => ({ d, score: nameSimilarity(regionNameKey(given), regionNameKey(d.name)) }))
        .filter((s) => s.score >= SUGGESTION_MIN)
        .sort((a, b) => b.score - a.score)
        .slice(0, SUGGESTIONS)
        .map((s) => s.d.name)
        .join("; ");
      return { ok: false, code: "DISTRICT_UNKNOWN", params: { value: given, suggestions } };
    }
    const candidates = (villagesByName.get(key) ?? []).filter(
      (e) => !district || e.district.code === district.code,
    );
    if (candidates.length === 1)
      return { ok: true, code: (candidates[0] as (typeof villages)[number]).village.code };
    if (candidates.length > 1) {
      return {
        ok: false,
        code: "VILLAGE_NAME_AMBIGUOUS",
        params: { value: raw, districts: candidates.map((c) => c.district.name).join("; ") },
      };
    }
    const scope = district ? villages.filter((e) => e.district.code === district.code) : villages;
    const suggestions = suggest(key, scope);
    return {
      ok: false,
      code: suggestions ? "VILLAGE_NAME_UNKNOWN_SUGGEST" : "VILLAGE_NAME_UNKNOWN",
      params: { value: raw, suggestions, scope: district ? `Kec. ${district.name}` : regencyCode },
    };
  }

  return {
    label,
    resolve(query) {
      const cacheKey = `${query.code ?? ""}\u0000${query.name ?? ""}\u0000${query.districtCode ?? ""}\u0000${query.districtName ?? ""}`;
      const cached = cache.get(cacheKey);
      if (cached) return cached;
      let result: VillageResolution;
      if (query.code?.trim()) result = byCode(query.code, query);
      else if (query.name?.trim()) result = byName(query.name, query);
      else result = { ok: false, code: "VILLAGE_MISSING", params: {} };
      // A million rows name a few hundred villages: each distinct spelling is resolved once.
      if (cache.size < 100_000) cache.set(cacheKey, result);
      return result;
    },
  };
}
