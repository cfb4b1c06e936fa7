import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  batchDetailSchema,
  batchListSchema,
  batchSchema,
  layoutListSchema,
  layoutSaveSchema,
  linesPageSchema,
  preparedBatchesSchema,
  prepareInputSchema,
  reconciliationSchema,
  resultImportSchema,
  uncollectedSchema,
} from "../../../src/payments/schemas.ts";
import { ApiError, api, currentCsrfToken } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";

export type BatchView = z.output<typeof batchSchema>;
export type BatchList = z.output<typeof batchListSchema>;
export type BatchDetail = z.output<typeof batchDetailSchema>;
export type LinesPage = z.output<typeof linesPageSchema>;
export type ReconciliationView = z.output<typeof reconciliationSchema>;
export type ResultImportView = z.output<typeof resultImportSchema>;
export type UncollectedView = z.output<typeof uncollectedSchema>;
export type PrepareInput = z.input<typeof prepareInputSchema>;
export type LayoutList = z.output<typeof layoutListSchema>;
export type LayoutView = LayoutList["items"][number];
export type LayoutSave = z.input<typeof layoutSaveSchema>;

const keys = {
  all: ["payments"] as const,
  layouts: ["payments", "layouts"] as const,
  batch: (id: string) => ["payments", "batch", id] as const,
};

export function useBatches() {
  return useQuery({ queryKey: [...keys.all, "list"], queryFn: () => api<BatchList>("/payment-batches") });
}

export function useBatch(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.batch(id),
    queryFn: () => api<BatchDetail>(`/payment-batches/${id}`),
    enabled,
  });
}

export function useLines(id: string, status: string | null, page: number) {
  return useQuery({
    queryKey: [...keys.batch(id), "lines", status, page],
    queryFn: () => api<LinesPage>(`/payment-batches/${id}/lines`, { query: { status, page, pageSize: 20 } }),
  });
}

export function useReconciliation(batchId: string, by: string) {
  return useQuery({
    queryKey: [...keys.batch(batchId), "reconciliation", by],
    queryFn: () => api<ReconciliationView>("/payments/reconciliation", { query: { batchId, by } }),
  });
}

export function useUncollected(page: number) {
  return useQuery({
    queryKey: [...keys.all, "uncollected", page],
    queryFn: () => api<UncollectedView>("/payments/uncollected", { query: { page, pageSize: 50 } }),
  });
}

/** Built-in layouts first, then the agency's own; with a batch, the layouts of that batch's paying agency. */
export function useLayouts(filter: { kind?: "export" | "result"; batchId?: string | null } = {}) {
  return useQuery({
    queryKey: [...keys.layouts, filter.kind ?? "all", filter.batchId ?? "own"],
    queryFn: () =>
      api<LayoutList>("/payment-layouts", { query: { kind: filter.kind, batchId: filter.batchId } }),
  });
}

export function useSaveLayout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LayoutSave) => api<LayoutView>("/payment-layouts", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.layouts }),
  });
}

export function useDeleteLayout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/payment-layouts/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.layouts }),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function usePrepare() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PrepareInput) =>
      api<z.output<typeof preparedBatchesSchema>>("/payment-batches", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useApprove(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { version: number; linesSha256: string }) =>
      api<BatchView>(`/payment-batches/${id}/approve`, { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useResolve() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: string; action: "reissue" | "cancel"; version: number; reason: string }) =>
      api(`/payment-lines/${input.id}/resolution`, {
        method: "POST",
        body: { action: input.action, version: input.version, reason: input.reason },
      }),
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

export function useImportResults(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (input: {
      file: File;
      format: "csv" | "xlsx" | "mt940";
      layoutId?: string | undefined;
    }) =>
      api<ResultImportView>(`/payment-batches/${id}/results`, {
        method: "POST",
        body: {
          fileName: input.file.name,
          format: input.format,
          contentBase64: base64Of(await input.file.arrayBuffer()),
          layoutId: input.layoutId,
        },
      }),
    onSuccess: invalidate,
  });
}

/** The bank file comes back as bytes: saved through a temporary link, with the hash the server computed. */
export function useExport(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ format, layoutId }: { format: "csv" | "xlsx"; layoutId?: string | undefined }) => {
      const token = currentCsrfToken();
      const response = await fetch(`/api/payment-batches/${id}/export`, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "content-type": "application/json",
          "accept-language": activeLanguage(),
          ...(token ? { "x-csrf-token": token } : {}),
        },
        body: JSON.stringify({ format, layoutId }),
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
      return { name, sha256: response.headers.get("x-content-sha256") ?? "" };
    },
    onSuccess: invalidate,
  });
}
