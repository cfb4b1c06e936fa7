import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { RegionLookup } from "../nik/index.ts";

export type RegionLevel = "province" | "regency" | "district" | "village";
export const REGION_LEVELS: readonly RegionLevel[] = ["province", "regency", "district", "village"];

/** One Kemendagri administrative area; codes dotted as Kemendagri writes them: "64", "64.01", "64.01.05", "64.01.05.2001". */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface RegionCatalog extends RegionLookup {
  /** Accepts dotted ("64.01.05") or bare ("640105") codes, as NIKs and spreadsheets carry them. */
  get(code: string): Region | undefined;
  /** Direct children in code order (regencies of a province, kecamatan of a regency, villages of a kecamatan). */
  children(code: string): readonly Region[];
  districtsOf(regencyCode: string): readonly Region[];
  villagesOf(regencyCode: string): readonly Region[];
  /** Every region of one level, or of all levels with parents before children. */
  all(level?: RegionLevel): readonly Region[];
  /** Province first, down to the region itself; empty for an unknown code. */
  path(code: string): readonly Region[];
}

const DOTTED_WIDTHS = [2, 2, 2, 4];

/** "640105" -> "64.01.05"; dotted codes pass through. Anything that is not a region-shaped code is returned as is. */
export function dottedRegionCode(code: string): string {
  const trimmed = code.trim();
  if (trimmed.includes(".") || !/^\d+$/.test(trimmed)) return trimmed;
  const parts: string[] = [];
  let at = 0;
  for (const width of DOTTED_WIDTHS) {
    if (at >= trimmed.length) break;
    parts.push(trimmed.slice(at, at + width));
    at += width;
  }
  return at === trimmed.length && parts.every((p, i) => p.length === DOTTED_WIDTHS[i])
    ? parts.join(".")
    : trimmed;
}

// Abbreviated titles stay in capitals; "dan" is a conjunction inside names such as Pangkajene dan Kepulauan.
const UPPERCASE_WORDS = new Set(["DKI", "DI"]);
const LOWERCASE_WORDS = new Set(["DAN"]);

/** "KABUPATEN PASER" -> "Kabupaten Paser", "DKI JAKARTA" -> "DKI Jakarta" (the package writes these two levels in capitals). */
export function regionDisplayName(upper: string): string {
  return upper
    .trim()
    .split(/\s+/)
    .map((word, index) => {
      if (UPPERCASE_WORDS.has(word)) return word;
      if (index > 0 && LOWERCASE_WORDS.has(word)) return word.toLowerCase();
      return word
        .toLowerCase()
        .replace(
          /(^|[-(/'"])(\p{L})/gu,
          (_, before: string, letter: string) => before + letter.toUpperCase(),
        );
    })
    .join(" ");
}

function dataDirectory(): string {
  // Resolved through the package, not a path guess, so hoisting or a global install still finds the data.
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("idn-area-data/package.json")), "data");
}

/**
 * idn-area-data's CSVs are code,parent,name with no quoting: a few village names contain a bare `"` (Soka"an),
 * which a strict CSV parser rejects, so each line is split on its first two commas and the rest is the name.
 */
function readRegions(
  file: string,
  level: RegionLevel,
  hasParent: boolean,
  displayName: (raw: string) => string,
): Region[] {
  const text = readFileSync(join(dataDirectory(), file), "utf8");
  const regions: Region[] = [];
  let lineStart = text.indexOf("\n") + 1; // header
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line =
      text.charCodeAt(lineEnd - 1) === 13
        ? text.slice(lineStart, lineEnd - 1)
        : text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    if (line.length === 0) continue;
    const first = line.indexOf(",");
    const second = hasParent ? line.indexOf(",", first + 1) : first;
    if (first === -1 || second === -1) throw new Error(`idn-area-data ${file}: malformed line "${line}"`);
    const code = line.slice(0, first);
    regions.push({
      code,
      name: displayName(line.slice(second + 1)),
      level,
      parentCode: hasParent ? line.slice(first + 1, second) : null,
    });
  }
  return regions;
}

const asIs = (name: string) => name.trim();

/** A fresh catalog of its own; everything else wants the shared one from `loadRegionCatalog`. */
export function buildRegionCatalog(): RegionCatalog {
  const byLevel: Partial<Record<RegionLevel, Region[]>> = {
    province: readRegions("provinces.csv", "province", false, regionDisplayName),
    regency: readRegions("regencies.csv", "regency", true, regionDisplayName),
    district: readRegions("districts.csv", "district", true, asIs),
  };
  const byCode = new Map<string, Region>();
  const childrenByCode = new Map<string, Region[]>();
  const index = (regions: readonly Region[]) => {
    for (const region of regions) {
      byCode.set(region.code, region);
      if (region.parentCode === null) continue;
      const siblings = childrenByCode.get(region.parentCode);
      if (siblings) siblings.push(region);
      else childrenByCode.set(region.parentCode, [region]);
    }
  };
  for (const level of ["province", "regency", "district"] as const) index(byLevel[level] ?? []);

  // Villages are nine tenths of the catalog and NIK/KK checks never ask about them, so they are read on the first
  // question that needs them; the CLI and validators start in a fraction of the time.
  const villages = (): Region[] => {
    if (!byLevel.village) {
      byLevel.village = readRegions("villages.csv", "village", true, asIs);
      index(byLevel.village);
    }
    return byLevel.village;
  };
  const levelOf = (region: Region | undefined) => region?.level;
  const ofLevel = (level: RegionLevel): Region[] =>
    level === "village" ? villages() : (byLevel[level] ?? []);
  let everything: Region[] | undefined;
  const none: readonly Region[] = Object.freeze([]);

  const get = (code: string) => {
    const dotted = dottedRegionCode(code);
    if (dotted.split(".").length === 4) villages();
    return byCode.get(dotted);
  };
  const children = (code: string): readonly Region[] => {
    const dotted = dottedRegionCode(code);
    if (levelOf(byCode.get(dotted)) === "district") villages();
    return childrenByCode.get(dotted) ?? none;
  };
  const isRegency = (code: string) => levelOf(get(code)) === "regency";

  return {
    get,
    children,
    districtsOf(regencyCode) {
      return isRegency(regencyCode) ? children(regencyCode) : none;
    },
    villagesOf(regencyCode) {
      if (!isRegency(regencyCode)) return none;
      return children(regencyCode).flatMap((district) => children(district.code));
    },
    all(level) {
      if (level) return ofLevel(level);
      everything ??= REGION_LEVELS.flatMap(ofLevel);
      return everything;
    },
    path(code) {
      const trail: Region[] = [];
      let region = get(code);
      while (region) {
        trail.unshift(region);
        region = region.parentCode ? byCode.get(region.parentCode) : undefined;
      }
      return trail;
    },
  };
}

let catalog: RegionCatalog | undefined;

/**
 * The Kemendagri catalog, read from disk on first use and kept in memory for the process: provinces, regencies
 * and kecamatan at once, the ~84k villages on the first call that needs one.
 */
export function loadRegionCatalog(): RegionCatalog {
  catalog ??= buildRegionCatalog();
  return catalog;
}
