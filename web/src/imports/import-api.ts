import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  IMPORT_STATES,
  type ImportMode,
  type ImportState,
  INVALID_ROW_POLICIES,
  type InvalidRowPolicy,
} from "../../../src/imports/codes.ts";
import type { ColumnTarget, ImportField } from "../../../src/imports/headers.ts";
import type {
  importViewSchema,
  issueMessage,
  submittedSchema,
  templateInputSchema,
  templateSchema,
} from "../../../src/imports/schemas.ts";
import { api, withQuery } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";

export type { ColumnTarget, ImportField, ImportMode, ImportState, InvalidRowPolicy };
export { IMPORT_STATES, INVALID_ROW_POLICIES };

export type ImportView = z.output<typeof importViewSchema>;
/** Header, mapping and dialect the server found while reading. */
export type ImportLayout = NonNullable<ImportView["layout"]>;
/** Counts of a read or finished import. */
export type ImportSummary = NonNullable<ImportView["summary"]>;
export type ImportIssue = z.output<typeof issueMessage>;
export type ImportSubmitted = z.output<typeof submittedSchema>;
export type MappingTemplateView = z.output<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateInputSchema>;

/**
 * Web-only: the form's choices before they become the upload's query string (importQuery on the server), with
 * the file itself as the raw body.
 */
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
    mutationFn: (input: TemplateInput) =>
      api<MappingTemplateView>("/import-templates", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["import-templates"] }),
  });
}

/** A plain link the browser downloads with the session cookie, streamed to disk however large the file. */
export function reportUrl(id: string, format: "xlsx" | "csv"): string {
  return withQuery(`/api/imports/${id}/report`, { format, lang: activeLanguage() });
}
