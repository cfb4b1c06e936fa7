import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  DecreeView,
  diffSchema,
  draftInputSchema,
  linesPageSchema,
  logoSchema,
  settingsViewSchema,
  signedPdfSchema,
  stepOutcomeSchema,
  templateViewSchema,
} from "../../../src/decree/schemas.ts";
import type { SelectionRunView } from "../../../src/ranking/schemas.ts";
import { api } from "../api/client.ts";

export type DecreeDiff = z.output<typeof diffSchema>;
export type DecreeLinesPage = z.output<typeof linesPageSchema>;
export type DraftInput = z.input<typeof draftInputSchema>;
export type { DecreeView };

export const decreeKeys = {
  all: ["decrees"] as const,
  one: (id: string) => ["decrees", id] as const,
  lines: (id: string, page: number) => ["decrees", id, "lines", page] as const,
  diff: (id: string) => ["decrees", id, "diff"] as const,
};

export function useDecrees() {
  return useQuery({
    queryKey: decreeKeys.all,
    queryFn: ({ signal }) => api<DecreeView[]>("/decrees", { signal }),
  });
}

export function useDecree(id: string | undefined) {
  return useQuery({
    queryKey: decreeKeys.one(id ?? ""),
    queryFn: ({ signal }) => api<DecreeView>(`/decrees/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useDecreeLines(id: string, page: number) {
  return useQuery({
    queryKey: decreeKeys.lines(id, page),
    queryFn: ({ signal }) =>
      api<DecreeLinesPage>(`/decrees/${id}/lines`, { signal, query: { page, pageSize: 50 } }),
  });
}

export function useDecreeDiff(id: string, enabled: boolean) {
  return useQuery({
    queryKey: decreeKeys.diff(id),
    queryFn: ({ signal }) => api<DecreeDiff>(`/decrees/${id}/diff`, { signal }),
    enabled,
  });
}

export function useSelectionRuns(periodId: string) {
  return useQuery({
    queryKey: ["ranking", "runs", periodId],
    queryFn: ({ signal }) =>
      api<SelectionRunView[]>(`/ranking/periods/${periodId}/selection-runs`, { signal }),
    enabled: Boolean(periodId),
  });
}

export function useDraftDecree() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DraftInput) => api<DecreeView>("/decrees", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: decreeKeys.all }),
  });
}

/** Check, approve: each sends the version the official saw, so a replayed click answers 409. */
export function useDecreeStep(id: string, step: "check" | "approve") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api<z.output<typeof stepOutcomeSchema>>(`/decrees/${id}/${step}`, {
        method: "POST",
        body: { version },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: decreeKeys.all }),
  });
}

export function useAttachSigned(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) =>
      api<z.output<typeof signedPdfSchema>>(`/decrees/${id}/signed-pdf`, { method: "PUT", file }),
    onSuccess: () => client.invalidateQueries({ queryKey: decreeKeys.all }),
  });
}

export type DecreeSettings = z.output<typeof settingsViewSchema>;
export type DecreeTemplate = z.output<typeof templateViewSchema>;

export function useDecreeSettings() {
  return useQuery({
    queryKey: ["decree-settings"],
    queryFn: ({ signal }) => api<DecreeSettings>("/decree-settings", { signal }),
  });
}

export function useSaveDecreeSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<DecreeSettings, "hasLogo" | "version">) =>
      api<DecreeSettings>("/decree-settings", { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["decree-settings"] }),
  });
}

export function useUploadLogo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) =>
      api<z.output<typeof logoSchema>>("/decree-settings/logo", { method: "PUT", file }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["decree-settings"] }),
  });
}

export function useDecreeTemplate(programId: string) {
  return useQuery({
    queryKey: ["decree-template", programId],
    queryFn: ({ signal }) => api<DecreeTemplate>(`/programs/${programId}/decree-template`, { signal }),
    enabled: Boolean(programId),
  });
}

export function useSaveDecreeTemplate(programId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<DecreeTemplate, "version">) =>
      api<DecreeTemplate>(`/programs/${programId}/decree-template`, { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["decree-template", programId] }),
  });
}
