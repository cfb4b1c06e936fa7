import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  batchInputSchema,
  batchListSchema,
  batchSchema,
  resultImportSchema,
  reviewListSchema,
  reviewStateSchema,
  statisticsSchema,
  verificationSchema,
} from "../../../src/civil-registry/schemas.ts";
import { ApiError, api, currentCsrfToken } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";

export type CivilBatch = z.output<typeof batchSchema>;
export type CivilBatchList = z.output<typeof batchListSchema>;
export type CivilBatchInput = z.input<typeof batchInputSchema>;
export type CivilResultImport = z.output<typeof resultImportSchema>;
export type CivilReviewList = z.output<typeof reviewListSchema>;
export type CivilReview = CivilReviewList["items"][number];
export type CivilVerification = z.output<typeof verificationSchema>;
export type CivilStatistics = z.output<typeof statisticsSchema>;

const keys = { all: ["civil-registry"] as const };

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: keys.all });
    void client.invalidateQueries({ queryKey: ["persons"] });
  };
}

export function useCivilBatches(page: number) {
  return useQuery({
    queryKey: [...keys.all, "batches", page],
    queryFn: () =>
      api<CivilBatchList>("/civil-registry/batches", { query: { limit: 20, offset: (page - 1) * 20 } }),
  });
}

export function useCreateCivilBatch() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CivilBatchInput) =>
      api<CivilBatch>("/civil-registry/batches", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

function base64Of(buffer: ArrayBuffer): string {
  let text = "";
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function useImportCivilResults(batchId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (file: File) =>
      api<CivilResultImport>(`/civil-registry/batches/${batchId}/results`, {
        method: "POST",
        body: { fileName: file.name, contentBase64: base64Of(await file.arrayBuffer()) },
      }),
    onSuccess: invalidate,
  });
}

/** The batch file comes back as bytes: saved through a temporary link, with the hash the server computed. */
export function useExportCivilBatch(batchId: string) {
  return useMutation({
    mutationFn: async (format: "csv" | "xlsx") => {
      const token = currentCsrfToken();
      const response = await fetch(`/api/civil-registry/batches/${batchId}/export`, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "content-type": "application/json",
          "accept-language": activeLanguage(),
          ...(token ? { "x-csrf-token": token } : {}),
        },
        body: JSON.stringify({ format }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? "");
      }
      const blob = await response.blob();
      const name =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
        `batch.${format}`;
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return {
        name,
        sha256: response.headers.get("x-content-sha256") ?? "",
        rows: Number(response.headers.get("x-row-count") ?? 0),
      };
    },
  });
}

export function useCivilReviews(state: "open" | "proposed" | null, page: number) {
  return useQuery({
    queryKey: [...keys.all, "reviews", state, page],
    queryFn: () =>
      api<CivilReviewList>("/civil-registry/reviews", {
        query: { state, limit: 25, offset: (page - 1) * 25 },
      }),
  });
}

export function useDecideReview() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: {
      id: string;
      decision: "accept_registry" | "keep_ours";
      reason: string;
      version: number;
    }) =>
      api<z.output<typeof reviewStateSchema>>(`/civil-registry/reviews/${input.id}/decision`, {
        method: "POST",
        body: { decision: input.decision, reason: input.reason, version: input.version },
      }),
    onSuccess: invalidate,
  });
}

export function useApproveReview() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: string; version: number }) =>
      api<z.output<typeof reviewStateSchema>>(`/civil-registry/reviews/${input.id}/approval`, {
        method: "POST",
        body: { version: input.version },
      }),
    onSuccess: invalidate,
  });
}

export function usePersonVerification(personId: string) {
  return useQuery({
    queryKey: [...keys.all, "person", personId],
    queryFn: () => api<CivilVerification>(`/persons/${personId}/civil-registry`),
  });
}

export function useCivilStatistics(level: "village" | "district") {
  return useQuery({
    queryKey: [...keys.all, "statistics", level],
    queryFn: () => api<CivilStatistics>("/civil-registry/statistics", { query: { level } }),
  });
}
