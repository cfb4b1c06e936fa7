import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { PackInput, PackView, packListSchema, RecapView } from "../../../src/reports/schemas.ts";
import { api, type Query, withQuery } from "../api/client.ts";

export type PackList = z.output<typeof packListSchema>;

export function useRecap(query: Query) {
  return useQuery({
    queryKey: ["reports", "recap", query],
    queryFn: ({ signal }) => api<RecapView>("/reports/recap", { query, signal }),
  });
}

export function usePacks(page: number) {
  return useQuery({
    queryKey: ["reports", "packs", page],
    queryFn: ({ signal }) => api<PackList>("/reports/packs", { query: { page, pageSize: 20 }, signal }),
  });
}

export function useGeneratePack() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PackInput) => api<PackView>("/reports/packs", { method: "POST", body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: ["reports", "packs"] }),
  });
}

/** Plain links the browser downloads with the session cookie; each download is audited on the server. */
export function packUrl(id: string, format: "pdf" | "xlsx"): string {
  return `/api/reports/packs/${id}/${format}`;
}

export function areaExportUrl(identity: "masked" | "full"): string {
  return withQuery("/api/reports/area-export", { identity });
}
