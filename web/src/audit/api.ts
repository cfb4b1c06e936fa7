import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  checkpointListSchema,
  checkpointViewSchema,
  entryPageSchema,
  verifyReportSchema,
} from "../../../src/audit/schemas.ts";
import { ApiError, api, currentCsrfToken, type Query } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";

export type EntryPage = z.output<typeof entryPageSchema>;
export type AuditEntryView = EntryPage["items"][number];
export type CheckpointList = z.output<typeof checkpointListSchema>;
export type CheckpointView = z.output<typeof checkpointViewSchema>;
export type VerifyReport = z.output<typeof verifyReportSchema>;

export function useAuditEntries(query: Query) {
  return useQuery({
    queryKey: ["audit", "entries", query],
    queryFn: ({ signal }) => api<EntryPage>("/audit/entries", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCheckpoints() {
  return useQuery({
    queryKey: ["audit", "checkpoints"],
    queryFn: ({ signal }) => api<CheckpointList>("/audit/checkpoints", { signal }),
  });
}

export function useMakeCheckpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<CheckpointView>("/audit/checkpoints", { method: "POST", body: { event: "on_demand" } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["audit"] }),
  });
}

/** The whole chain recomputed on the server; the check itself becomes an entry. */
export function useVerifyChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<VerifyReport>("/audit/verification", { method: "POST", body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["audit", "entries"] }),
  });
}

/** A signed extract of the filtered entries, downloaded as a file a witness checks offline. */
export function useExportExtract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (filters: Record<string, string | undefined>) => {
      const token = currentCsrfToken();
      const body = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
      const response = await fetch("/api/audit/extract", {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "content-type": "application/json",
          "accept-language": activeLanguage(),
          ...(token ? { "x-csrf-token": token } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        const error = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        throw new ApiError(response.status, error.code ?? `HTTP_${response.status}`, error.message ?? "");
      }
      const blob = await response.blob();
      const name =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
        "ekstrak-audit.json";
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { name };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["audit"] }),
  });
}
