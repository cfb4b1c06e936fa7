import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ReconciliationCategory } from "../../../src/imports/codes.ts";
import type {
  areaCountSchema,
  decisionInputSchema,
  lineFilterSchema,
  linePageSchema,
  lineSchema,
  reconciliationSubmittedSchema,
  reconciliationViewSchema,
} from "../../../src/imports/schemas.ts";
import { api, withQuery } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";

export type { ReconciliationCategory };

/** The four sets in the order officials read them: agreed first, then what needs work. */
export const CATEGORIES = [
  "matched",
  "conflict",
  "central_only",
  "regional_only",
] as const satisfies readonly ReconciliationCategory[];

export type ReconciliationView = z.output<typeof reconciliationViewSchema>;
export type ReconciliationScope = ReconciliationView["scope"];
export type ReconciliationState = ReconciliationView["state"];
export const SCOPES = ["period", "registry"] as const satisfies readonly ReconciliationScope[];
export type AreaCount = z.output<typeof areaCountSchema>;
export type SetCounts = AreaCount["counts"];
export type ReconciliationLine = z.output<typeof lineSchema>;
export type LinePage = z.output<typeof linePageSchema>;
/** The filter as sent in the query string ("true"/"false" for decided). */
export type LineFilter = z.input<typeof lineFilterSchema>;
export type ReconciliationSubmitted = z.output<typeof reconciliationSubmittedSchema>;
export type DecisionInput = z.input<typeof decisionInputSchema>;

export const reconciliationKeys = {
  all: ["reconciliations"] as const,
  list: (periodId?: string) => ["reconciliations", "list", periodId ?? "all"] as const,
  one: (id: string) => ["reconciliations", "one", id] as const,
  villages: (id: string, districtCode: string) => ["reconciliations", "villages", id, districtCode] as const,
  lines: (id: string, query: LineFilter & { page: number; pageSize: number }) =>
    ["reconciliations", "lines", id, query] as const,
};

export function useReconciliations(periodId?: string) {
  return useQuery({
    queryKey: reconciliationKeys.list(periodId),
    queryFn: ({ signal }) => api<ReconciliationView[]>("/reconciliations", { query: { periodId }, signal }),
    // A list with work still running is read again until that work ends.
    refetchInterval: (query) =>
      query.state.data?.some((r) => r.state === "queued" || r.state === "running") ? 3000 : false,
  });
}

export function useReconciliation(id: string | undefined) {
  return useQuery({
    queryKey: reconciliationKeys.one(id ?? ""),
    queryFn: ({ signal }) => api<ReconciliationView>(`/reconciliations/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useReconciliationVillages(id: string, districtCode: string | null) {
  return useQuery({
    queryKey: reconciliationKeys.villages(id, districtCode ?? ""),
    queryFn: ({ signal }) =>
      api<AreaCount[]>(`/reconciliations/${id}/villages`, { query: { districtCode }, signal }),
    enabled: Boolean(districtCode),
  });
}

/** The previous page stays on screen while the next loads, so a filter change never blanks the list. */
export function useReconciliationLines(
  id: string,
  query: LineFilter & { page: number; pageSize: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: reconciliationKeys.lines(id, query),
    queryFn: ({ signal }) => api<LinePage>(`/reconciliations/${id}/lines`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Web-only: the upload form's choices before they become the query string, with the file as the raw body. */
export interface ReconciliationUpload {
  periodId: string;
  scope: ReconciliationScope;
  sourceName: string;
  file: File;
  /** A saved column mapping, the header row and the sheet, when detection alone does not find them. */
  templateId: string | null;
  headerRow: number | null;
  sheetName: string | null;
}

export function useSubmitReconciliation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: ReconciliationUpload) =>
      api<ReconciliationSubmitted>("/reconciliations", {
        method: "POST",
        query: {
          fileName: upload.file.name,
          periodId: upload.periodId,
          scope: upload.scope,
          sourceName: upload.sourceName,
          templateId: upload.templateId,
          headerRow: upload.headerRow,
          sheetName: upload.sheetName,
        },
        file: upload.file,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reconciliationKeys.all }),
  });
}

/** One decision on several lines; the counts per area change with it, so the summary is read again. */
export function useDecideLines(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) =>
      api<ReconciliationLine[]>(`/reconciliations/${id}/decisions`, { method: "POST", body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["reconciliations", "lines", id] }),
        queryClient.invalidateQueries({ queryKey: reconciliationKeys.one(id) }),
        queryClient.invalidateQueries({ queryKey: ["reconciliations", "villages", id] }),
      ]),
  });
}

/** A plain link: the browser streams the file to disk, however many lines it holds. */
export function exportUrl(
  id: string,
  filter: Omit<LineFilter, "decided">,
  format: "xlsx" | "csv",
  identity: "masked" | "full",
): string {
  return withQuery(`/api/reconciliations/${id}/export`, {
    category: filter.category,
    districtCode: filter.districtCode,
    villageCode: filter.villageCode,
    format,
    identity: identity === "full" ? "full" : undefined,
    lang: activeLanguage(),
  });
}
