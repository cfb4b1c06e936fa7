import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  IMPORT_STATES,
  type ImportMode,
  type ImportState,
  INVALID_ROW_POLICIES,
  type InvalidRowPolicy,
} from "../../../src/imports/codes.ts";
import type { ColumnTarget, ImportField } from "../../../src/imports/headers.ts";
import { api, withQuery } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";
import type { JobView } from "../jobs/api.ts";

/** The shapes of /api/imports answers (src/imports/http.ts holds their zod schemas). */
export type { ColumnTarget, ImportField, ImportMode, ImportState, InvalidRowPolicy };
export { IMPORT_STATES, INVALID_ROW_POLICIES };

/** Header, mapping and dialect the server found while reading (src/imports/load.ts `layoutOf`). */
export interface ImportLayout {
  format?: string;
  delimiter?: string;
  encoding?: string;
  headerRow?: number;
  headers?: string[];
  /** Field → 0-based column. */
  mapping?: Partial<Record<ImportField, number>>;
  unmapped?: { column: number; header: string }[];
}

export interface ImportScreening {
  ran: boolean;
  reason?: string;
  limit?: number;
  registryCompared?: number;
  possibleRegistryDuplicates?: number;
  possibleFileDuplicates?: number;
}

/** Counts of a finished import (src/imports/load.ts `summaryOf`). */
export interface ImportSummary {
  dataRows?: number;
  blankRows?: number;
  accepted?: number;
  rejected?: number;
  withWarnings?: number;
  errors?: number;
  warnings?: number;
  duplicatesInFile?: number;
  personsCreated?: number;
  personsExisting?: number;
  enrollmentsCreated?: number;
  enrollmentsExisting?: number;
  applied?: boolean;
  screening?: ImportScreening;
}

export interface ImportView {
  id: string;
  state: ImportState;
  mode: ImportMode;
  invalidRows: InvalidRowPolicy;
  programId: string | null;
  periodId: string | null;
  fileName: string;
  fileBytes: number;
  contentHash: string;
  jobId: string | null;
  duplicateOf: string | null;
  agencyId: string | null;
  area: string | null;
  layout: ImportLayout | null;
  summary: ImportSummary | null;
  notes: { code: string; message: string; row: number; column: number | null }[];
  problem: { code: string; message: string; row: number; column: number } | null;
  issueCounts: { code: string; severity: string; count: number; message: string }[];
  createdByName: string;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportIssue {
  row: number;
  /** 0-based; null for the row as a whole. */
  column: number | null;
  columnLabel: string | null;
  field: string | null;
  code: string;
  severity: "error" | "warning";
  message: string;
  params: Record<string, unknown>;
}

export interface ImportSubmitted {
  importId: string;
  state: ImportState;
  duplicateOf: string | null;
  message: string | null;
  job: JobView | null;
}

export interface MappingTemplateView {
  id: string;
  agencyId: string | null;
  name: string;
  mapping: Record<string, ColumnTarget>;
  version: number;
}

export interface ImportUpload {
  file: Blob;
  fileName: string;
  periodId?: string | null;
  mode: ImportMode;
  invalidRows: InvalidRowPolicy;
  templateId?: string | null;
  /** Header → field overrides on top of the template. */
  mapping?: Record<string, ColumnTarget>;
  headerRow?: number | null;
}

export const importKeys = {
  all: ["imports"] as const,
  list: (periodId?: string) => ["imports", "list", periodId ?? "all"] as const,
  detail: (id: string) => ["imports", "detail", id] as const,
  issues: (id: string, afterRow: number, limit: number) =>
    ["imports", "issues", id, afterRow, limit] as const,
  templates: (agencyId?: string | null) => ["import-templates", agencyId ?? "own"] as const,
};

export const importFinished = (state: ImportState): boolean => state !== "queued" && state !== "running";

export function useImports(periodId?: string) {
  return useQuery({
    queryKey: importKeys.list(periodId),
    queryFn: ({ signal }) => api<ImportView[]>("/imports", { query: { periodId }, signal }),
  });
}

export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ""),
    queryFn: ({ signal }) => api<ImportView>(`/imports/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useImportIssues(id: string, afterRow: number, limit: number, enabled = true) {
  return useQuery({
    queryKey: importKeys.issues(id, afterRow, limit),
    queryFn: ({ signal }) =>
      api<ImportIssue[]>(`/imports/${id}/issues`, { query: { afterRow, limit }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** An agency's saved mappings and the shared ones; a coordinator names the agency (the program's). */
export function useImportTemplates(agencyId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: importKeys.templates(agencyId),
    queryFn: ({ signal }) =>
      api<MappingTemplateView[]>("/import-templates", { query: { agencyId: agencyId ?? undefined }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useSubmitImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (upload: ImportUpload) =>
      api<ImportSubmitted>("/imports", {
        method: "POST",
        file: upload.file,
        query: {
          fileName: upload.fileName,
          periodId: upload.periodId ?? undefined,
          mode: upload.mode,
          invalidRows: upload.invalidRows,
          templateId: upload.templateId ?? undefined,
          mapping:
            upload.mapping && Object.keys(upload.mapping).length > 0
              ? JSON.stringify(upload.mapping)
              : undefined,
          headerRow: upload.headerRow ?? undefined,
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: importKeys.all }),
  });
}

export function useApplyImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ImportSubmitted>(`/imports/${id}/apply`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: importKeys.all }),
  });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { agencyId: string | null; name: string; mapping: Record<string, ColumnTarget> }) =>
      api<MappingTemplateView>("/import-templates", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["import-templates"] }),
  });
}

/** A plain link the browser downloads with the session cookie, streamed to disk however large the file. */
export function reportUrl(id: string, format: "xlsx" | "csv"): string {
  return withQuery(`/api/imports/${id}/report`, { format, lang: activeLanguage() });
}
