import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  objectionDecisionSchema,
  objectionItemSchema,
  objectionListSchema,
  prepareInputSchema,
  publicationListSchema,
  publicationSummarySchema,
} from "../../../src/portal/schemas.ts";
import { api } from "../api/client.ts";

export type PublicationList = z.output<typeof publicationListSchema>;
export type PublicationSummary = z.output<typeof publicationSummarySchema>;
export type ObjectionList = z.output<typeof objectionListSchema>;
export type PrepareInput = z.input<typeof prepareInputSchema>;
export type ObjectionDecision = z.input<typeof objectionDecisionSchema>;
export type ObjectionItem = z.output<typeof objectionItemSchema>;

const keys = {
  publications: ["portal", "publications"] as const,
  objections: (page: number) => ["portal", "objections", page] as const,
};

export function usePublications(enabled = true) {
  return useQuery({
    queryKey: keys.publications,
    queryFn: () => api<PublicationList>("/portal/publications"),
    enabled,
  });
}

export function useObjections(page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: keys.objections(page),
    queryFn: () =>
      api<ObjectionList>("/portal/objections", { query: { limit: pageSize, offset: page * pageSize } }),
    enabled,
  });
}

/** A decision changes the objection, the application's status, the queues and the home counts. */
export function useDecideObjection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ObjectionDecision & { id: string }) =>
      api<ObjectionItem>(`/portal/objections/${input.id}/decision`, {
        method: "POST",
        body: { outcome: input.outcome, reason: input.reason },
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["portal"] }),
        queryClient.invalidateQueries({ queryKey: ["workflow"] }),
        queryClient.invalidateQueries({ queryKey: ["home"] }),
      ]),
  });
}

export function usePreparePublication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PrepareInput) =>
      api<PublicationSummary>("/portal/publications", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.publications }),
  });
}

export function useApprovePublication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; sha256: string }) =>
      api<PublicationSummary>(`/portal/publications/${input.id}/approve`, {
        method: "POST",
        body: { sha256: input.sha256 },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["portal"] }),
  });
}
