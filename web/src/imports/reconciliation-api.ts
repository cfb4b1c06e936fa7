import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  RECONCILIATION_SCOPES,
  RECONCILIATION_STATES,
  ReconciliationCategory,
} from "../../../src/imports/schema.ts";
import { api, withQuery } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";
import type { JobView } from "../jobs/api.ts";

/** The shapes of /api/reconciliations answers; src/imports/http.ts holds their zod schemas. */
export type { ReconciliationCategory };
export type ReconciliationScope = (typeof RECONCILIATION_SCOPES)[number];
export type ReconciliationState = (typeof RECONCILIATION_STATES)[number];

/** The four sets in the order officials read them: agreed first, then what needs work. */
export const CATEGORIES = [
  "matched",
  "conflict",
  "central_only",
  "regional_only",
] as const satisfies readonly ReconciliationCategory[];
export const SCOPES = ["period", "registry"] as const satisfies readonly ReconciliationScope[];

export type SetCounts = Record<ReconciliationCategory, number>;

export interface Region {
  code: string;
  name: string;
}

export interface AreaCount {
  code: string | null;
  name: string;
  counts: SetCounts;
  decided: number;
  total: number;
}

export interface ReconciliationView {
  id: string;
  state: ReconciliationState;
  programId: string;
  periodId: string;
  scope: ReconciliationScope;
  agencyId: string;
  sourceName: string;
  fileName: string;
  contentHash: string;
  jobId: string | null;
  /** The four sets plus centralRows, centralSkipped and regional once done. */
  counts: Record<string, number> | null;
  byDistrict: AreaCount[];
  problem: { code: string; message: string; row: number; column: number } | null;
  createdByName: string;
  createdAt: string;
  finishedAt: string | null;
}

export interface CentralSide {
  name: string | null;
  nik: string | null;
  kk: string | null;
  birthDate: string | null;
  /** The year only, for callers without the identity right (birthDate is null then). */
  birthYear?: number | null;
  sex: string | null;
  address: string | null;
  village: Region | null;
  rt: string | null;
  rw: string | null;
}

export interface RegionalSide {
  id: string;
  name: string;
  nik: string | null;
  kk: string | null;
  birthDate: string | null;
  birthYear?: number | null;
  sex: string;
  address: string | null;
  village: Region;
  rt: string | null;
  rw: string | null;
}

/** The overlap engine's evidence for a matched pair, or the nearest candidate for a central-only line. */
export interface LineEvidence {
  probability?: number;
  weight?: number;
  fields?: { field: string; level: string; weight: number }[];
  nearest?: { personId: string; name: string; probability: number };
}

export interface ReconciliationLine {
  id: string;
  category: ReconciliationCategory;
  centralRow: number | null;
  central: CentralSide | null;
  person: RegionalSide | null;
  village: Region | null;
  rt: string | null;
  probability: number | null;
  conflicts: string[];
  evidence: LineEvidence | null;
  decision: string | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  allowedDecisions: string[];
  version: number;
}

export interface LinePage {
  items: ReconciliationLine[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LineFilter {
  category?: ReconciliationCategory | undefined;
  districtCode?: string | undefined;
  villageCode?: string | undefined;
  decided?: "true" | "false" | undefined;
}

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
      api<{ reconciliationId: string; job: JobView | null }>("/reconciliations", {
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

export interface DecisionInput {
  lines: { id: string; version: number }[];
  decision: string;
  reason: string | null;
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
