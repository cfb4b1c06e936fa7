import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { z } from "zod";
import type { RegionLookup } from "../../../src/nik/index.ts";
import type { regionSchema, regionTreeSchema, regionWithPathSchema } from "../../../src/regions/schemas.ts";
import { api } from "../api/client.ts";

export type Region = z.output<typeof regionSchema>;
export type RegionTree = z.output<typeof regionTreeSchema>;
export type District = RegionTree["districts"][number];
export type RegionWithPath = z.output<typeof regionWithPathSchema>;

/** The regency's kecamatan and desa never change while the app runs: fetched once per visit. */
export function useRegionTree() {
  return useQuery({
    queryKey: ["regions", "tree"],
    queryFn: () => api<RegionTree>("/regions"),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export interface RegionIndex {
  tree: RegionTree;
  byCode: Map<string, Region>;
  name(code: string | null | undefined): string;
  villagesOf(districtCode: string): Region[];
}

export function indexRegions(tree: RegionTree): RegionIndex {
  const byCode = new Map<string, Region>([[tree.regency.code, tree.regency]]);
  for (const district of tree.districts) {
    byCode.set(district.code, district);
    for (const village of district.villages) byCode.set(village.code, village);
  }
  return {
    tree,
    byCode,
    name: (code) => (code ? (byCode.get(code)?.name ?? code) : ""),
    villagesOf: (districtCode) => tree.districts.find((d) => d.code === districtCode)?.villages ?? [],
  };
}

export function useRegionIndex(): RegionIndex | undefined {
  const { data } = useRegionTree();
  return useMemo(() => (data ? indexRegions(data) : undefined), [data]);
}

/**
 * A region lookup for NIK validation while typing. Codes of this regency are answered from the tree; any other
 * code (a resident born elsewhere) is fetched from GET /api/regions/:code on first sight. Until that answer
 * arrives the code counts as known, so no one is told their NIK is wrong because the network is slow.
 */
export class LiveRegionLookup implements RegionLookup {
  private readonly known = new Map<string, { name: string } | null>();
  private readonly pending = new Set<string>();

  constructor(
    tree: RegionTree | undefined,
    private readonly onResolved: () => void,
    private readonly fetchRegion: (code: string) => Promise<Region | null> = fetchRegionOrNull,
  ) {
    if (tree) {
      const { regency } = tree;
      this.known.set(regency.code, regency);
      for (const district of tree.districts) this.known.set(district.code, district);
      this.regencyPrefix = `${regency.code}.`;
    }
  }

  private regencyPrefix: string | null = null;

  get(code: string): { name: string } | undefined {
    const known = this.known.get(code);
    if (known !== undefined) return known ?? undefined;
    // The tree lists every kecamatan of this regency: a code missing from it does not exist.
    if (this.regencyPrefix && code.startsWith(this.regencyPrefix) && code.split(".").length === 3)
      return undefined;
    if (!this.pending.has(code)) {
      this.pending.add(code);
      this.fetchRegion(code).then(
        (region) => {
          this.known.set(code, region ? { name: region.name } : null);
          this.pending.delete(code);
          this.onResolved();
        },
        () => this.pending.delete(code),
      );
    }
    return { name: "" };
  }
}

async function fetchRegionOrNull(code: string): Promise<Region | null> {
  try {
    return await api<RegionWithPath>(`/regions/${encodeURIComponent(code)}`);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}
