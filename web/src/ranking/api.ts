import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Judgment } from "../../../src/ranking/ahp.ts";
import type { RatingModel } from "../../../src/ranking/rating.ts";
import type {
  ModelView,
  SelectionPreview,
  SelectionRunView,
  SimulationTableView,
} from "../../../src/ranking/schemas.ts";
import { api } from "../api/client.ts";

export const rankingKeys = {
  simulation: (periodId: string) => ["ranking", "simulation", periodId] as const,
  model: (programId: string) => ["ranking", "model", programId] as const,
  runs: (periodId: string) => ["ranking", "runs", periodId] as const,
  preview: (periodId: string) => ["ranking", "preview", periodId] as const,
};

/** The whole applicant table of a period, re-ranked in the browser; kept while the officer experiments. */
export function useSimulationTable(periodId: string | undefined) {
  return useQuery({
    queryKey: rankingKeys.simulation(periodId ?? ""),
    queryFn: ({ signal }) => api<SimulationTableView>(`/ranking/periods/${periodId}/simulation`, { signal }),
    enabled: Boolean(periodId),
    staleTime: 5 * 60_000,
  });
}

export function useSaveModel(programId: string, periodId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      baseVersion: number;
      model: RatingModel;
      criteriaJudgments: readonly Judgment[];
      reason: string;
      inconsistencyJustification?: string;
    }) =>
      api<ModelView>(`/ranking/programs/${programId}/model`, {
        method: "PUT",
        body: {
          baseVersion: input.baseVersion,
          model: { ...input.model, criteriaJudgments: input.criteriaJudgments },
          reason: input.reason,
          ...(input.inconsistencyJustification
            ? { inconsistencyJustification: input.inconsistencyJustification }
            : {}),
        },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: rankingKeys.model(programId) });
      await client.invalidateQueries({ queryKey: rankingKeys.simulation(periodId) });
    },
  });
}

export function useRunSelection(periodId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { modelVersion: number; reason: string }) =>
      api<SelectionRunView>(`/ranking/periods/${periodId}/selection-runs`, {
        method: "POST",
        body: { modelVersion: input.modelVersion, reason: input.reason || null },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: rankingKeys.runs(periodId) });
      await client.invalidateQueries({ queryKey: rankingKeys.preview(periodId) });
      await client.invalidateQueries({ queryKey: ["enrollments"] });
    },
  });
}

/** What a run would change now, fetched when the officer asks to run it (never cached across runs). */
export function useSelectionPreview(periodId: string, enabled: boolean) {
  return useQuery({
    queryKey: rankingKeys.preview(periodId),
    queryFn: ({ signal }) =>
      api<SelectionPreview>(`/ranking/periods/${periodId}/selection-preview`, { signal }),
    enabled,
    staleTime: 0,
  });
}
