import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  complaintDetailSchema,
  identitySchema,
  intakeResultSchema,
  officerIntakeSchema,
  queueQuerySchema,
  queueSchema,
  slaSettingsInputSchema,
  slaSettingsSchema,
  statisticsPublicationSchema,
  stepInputSchema,
  stepResultSchema,
} from "../../../src/complaints/schemas.ts";
import { api } from "../api/client.ts";

export type ComplaintQueue = z.output<typeof queueSchema>;
export type ComplaintDetail = z.output<typeof complaintDetailSchema>;
export type ComplaintIdentity = z.output<typeof identitySchema>;
export type IntakeResult = z.output<typeof intakeResultSchema>;
export type OfficerIntake = z.input<typeof officerIntakeSchema>;
export type StepInput = z.input<typeof stepInputSchema>;

/** The queue's query; page and pageSize are numbers here, coerced from the query string on the server. */
export type ComplaintFilters = Omit<z.input<typeof queueQuerySchema>, "page" | "pageSize"> & {
  page: number;
  pageSize: number;
};

export function useComplaintQueue(filters: ComplaintFilters) {
  return useQuery({
    queryKey: ["complaints", "queue", filters],
    queryFn: ({ signal }) => api<ComplaintQueue>("/complaints", { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useComplaint(id: string) {
  return useQuery({
    queryKey: ["complaints", "one", id],
    queryFn: ({ signal }) => api<ComplaintDetail>(`/complaints/${id}`, { signal }),
  });
}

export function useComplaintStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StepInput) =>
      api<z.output<typeof stepResultSchema>>(`/complaints/${id}/steps`, { method: "POST", body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: ["complaints"] }),
  });
}

export function useRecordComplaint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OfficerIntake) => api<IntakeResult>("/complaints", { method: "POST", body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: ["complaints"] }),
  });
}

export function useRevealIdentity(id: string) {
  return useMutation({
    mutationFn: (reason: string | null) =>
      api<ComplaintIdentity>(`/complaints/${id}/identity`, { method: "POST", body: { reason } }),
  });
}

export type SlaSettings = z.output<typeof slaSettingsSchema>;
export type SlaSettingsInput = z.input<typeof slaSettingsInputSchema>;

export function useSlaSettings(enabled = true) {
  return useQuery({
    queryKey: ["complaints", "settings"],
    queryFn: ({ signal }) => api<SlaSettings>("/complaints/settings", { signal }),
    enabled,
  });
}

/** A new clock changes every colour and deadline in the queue. */
export function useSaveSlaSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SlaSettingsInput) =>
      api<SlaSettings>("/complaints/settings", { method: "PUT", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["complaints"] }),
  });
}

/** Freezes today's suppressed figures as the public statistics page (a new publication each time). */
export function usePublishComplaintStatistics() {
  return useMutation({
    mutationFn: () =>
      api<z.output<typeof statisticsPublicationSchema>>("/complaints/statistics/publish", { method: "POST" }),
  });
}
