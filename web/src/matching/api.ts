import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  candidateQuerySchema,
  candidatesSchema,
  qualitySchema,
  reviewDecisionSchema,
  reviewPageSchema,
  reviewSchema,
  ruleInputSchema,
  ruleSchema,
  runSchema,
  violationsSchema,
  windowQuerySchema,
} from "../../../src/matching/schemas.ts";
import { api, withQuery } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";

export type CandidateQuery = z.input<typeof candidateQuerySchema>;
export type CandidatesView = z.output<typeof candidatesSchema>;
export type Candidate = CandidatesView["candidates"][number];
export type EnrollmentSummary = Candidate["enrollments"][number];
export type ReviewView = z.output<typeof reviewSchema>;
export type ReviewStatus = ReviewView["status"];
export type PersonBrief = ReviewView["personA"];
export type ReviewPage = z.output<typeof reviewPageSchema>;
export type ReviewDecision = z.input<typeof reviewDecisionSchema>;
export type MatchingRun = z.output<typeof runSchema>;
export type QualityView = z.output<typeof qualitySchema>;
export type OverlapRule = z.output<typeof ruleSchema>;
export type OverlapLevel = OverlapRule["level"];
export type OverlapRuleInput = z.input<typeof ruleInputSchema>;
export type ViolationWindow = z.input<typeof windowQuerySchema>;
export type ViolationsView = z.output<typeof violationsSchema>;

export const matchingKeys = {
  all: ["matching"] as const,
  candidates: (query: CandidateQuery) => ["matching", "candidates", query] as const,
  reviews: (status: ReviewStatus, page: number) => ["matching", "reviews", status, page] as const,
  quality: ["matching", "quality"] as const,
  rules: ["matching", "rules"] as const,
  violations: (window: ViolationWindow) => ["matching", "violations", window] as const,
};

/** Existing persons who may be the one being typed; `null` while the form lacks enough to compare. */
export function useCandidates(query: CandidateQuery | null) {
  return useQuery({
    queryKey: matchingKeys.candidates(query ?? {}),
    queryFn: ({ signal }) =>
      api<CandidatesView>("/matching/candidates", { method: "POST", body: query, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useReviews(status: ReviewStatus, page: number) {
  return useQuery({
    queryKey: matchingKeys.reviews(status, page),
    queryFn: ({ signal }) =>
      api<ReviewPage>("/matching/reviews", { query: { status, page, pageSize: 50 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<MatchingRun>("/matching/runs", { method: "POST", body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: matchingKeys.all }),
  });
}

export function useDecideReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewDecision & { id: string }) =>
      api<ReviewView>(`/matching/reviews/${input.id}/decision`, {
        method: "POST",
        body: { samePerson: input.samePerson, reason: input.reason },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: matchingKeys.all }),
  });
}

export function useQuality() {
  return useQuery({
    queryKey: matchingKeys.quality,
    queryFn: ({ signal }) => api<QualityView>("/matching/quality", { signal }),
  });
}

export function useOverlapRules() {
  return useQuery({
    queryKey: matchingKeys.rules,
    queryFn: ({ signal }) => api<OverlapRule[]>("/matching/overlap-rules", { signal }),
  });
}

export function useCreateOverlapRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OverlapRuleInput) =>
      api<OverlapRule>("/matching/overlap-rules", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: matchingKeys.all }),
  });
}

export function useViolations(window: ViolationWindow) {
  return useQuery({
    queryKey: matchingKeys.violations(window),
    queryFn: ({ signal }) => api<ViolationsView>("/matching/violations", { query: { ...window }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A plain link the browser downloads with the session cookie; the server words the file in the UI language. */
export function violationsExportUrl(window: ViolationWindow, format: "xlsx" | "csv"): string {
  return withQuery("/api/matching/violations/export", { ...window, format, lang: activeLanguage() });
}
