import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";

/** The shapes of /api/matching answers (src/matching/routes.ts holds their zod schemas). */
export interface Region {
  code: string;
  name: string;
}

export type MatchDecision = "link" | "review" | "different";
export type ReviewStatus = "open" | "same_person" | "different_people";
export type OverlapLevel = "person" | "household";

export interface EnrollmentSummary {
  enrollmentId: string;
  agencyCode: string;
  programCode: string;
  programName: string;
  periodName: string;
  status: string;
}

export interface CandidateQuery {
  nik?: string | null;
  kk?: string | null;
  name?: string | null;
  sex?: string | null;
  birthDate?: string | null;
  birthPlace?: string | null;
  address?: string | null;
  villageCode?: string | null;
  rt?: string | null;
  rw?: string | null;
  phone?: string | null;
  excludePersonId?: string | null;
}

export interface Candidate {
  personId: string;
  name: string;
  sex: string;
  birthDate: string | null;
  /** The year only, for callers without the identity right (birthDate is null then). */
  birthYear?: number | null;
  village: Region;
  district: Region;
  rt: string | null;
  probability: number;
  weight: number;
  decision: MatchDecision;
  levels: Record<string, string>;
  explanation: string[];
  enrollments: EnrollmentSummary[];
  otherAgencyEnrollments: number;
}

export interface CandidatesView {
  window: { from: string; to: string };
  candidates: Candidate[];
  outsideArea: {
    count: number;
    candidates: {
      district: Region;
      probability: number;
      decision: MatchDecision;
      enrollmentsInPeriod: number;
    }[];
  };
}

export interface PersonBrief {
  personId: string;
  name: string | null;
  sex: string | null;
  birthDate: string | null;
  birthYear?: number | null;
  village: Region | null;
  rt: string | null;
}

export interface ReviewView {
  id: string;
  kind: "review" | "sample";
  status: ReviewStatus;
  probability: number;
  weight: number;
  personA: PersonBrief;
  personB: PersonBrief;
  levels: Record<string, string>;
  explanation: string[];
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface ReviewPage {
  items: ReviewView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MatchingRun {
  id: string;
  periodId: string | null;
  persons: number;
  candidatePairs: number;
  linkedPairs: number;
  reviewPairs: number;
  newReviewPairs: number;
  clusters: number;
  decisionsApplied: number;
  matchThreshold: number;
  reviewThreshold: number;
}

export interface QualityView {
  labels: number;
  samePerson: number;
  differentPeople: number;
  sampledLinks: number;
  matchThreshold: number;
  reviewThreshold: number;
  thresholds: {
    threshold: number;
    truePositives: number;
    falsePositives: number;
    falseNegatives: number;
    trueNegatives: number;
    precision: number | null;
    recall: number | null;
  }[];
}

interface ProgramRef {
  id: string;
  code: string;
  name: string;
}

export interface OverlapRule {
  id: string;
  programA: ProgramRef;
  programB: ProgramRef;
  level: OverlapLevel;
  startsOn: string;
  endsOn: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface OverlapRuleInput {
  programA: string;
  programB: string;
  level: OverlapLevel;
  startsOn: string;
  endsOn: string;
  reason: string;
}

export interface ViolationWindow {
  from?: string;
  to?: string;
  periodId?: string;
}

export interface ViolationsView {
  window: { from: string; to: string };
  total: number;
  outsideArea: number;
  violations: {
    ruleId: string | null;
    level: OverlapLevel;
    description: string;
    linkedBy: string;
    persons: {
      personId: string;
      name: string;
      village: Region;
      district: Region;
      rt: string | null;
      enrollments: EnrollmentSummary[];
    }[];
  }[];
}

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
    mutationFn: (input: { id: string; samePerson: boolean; reason: string }) =>
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
