import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ConfirmationRequest,
  confirmationResultSchema,
  FlagView,
  flagsSchema,
  LeakageView,
  LineView,
  SampleListView,
  SampleView,
  sampleInputSchema,
} from "../../../src/receipts/schemas.ts";
import { api } from "../api/client.ts";

export type { ConfirmationRequest, FlagView, LeakageView, LineView, SampleListView, SampleView };
export type LeakageLevel = LeakageView["items"][number]["level"];
export type SampleInput = z.input<typeof sampleInputSchema>;
export type ConfirmationResult = z.output<typeof confirmationResultSchema>;

const keys = {
  all: ["receipts"] as const,
  sample: (id: string) => ["receipts", "sample", id] as const,
};

export function useFlags() {
  return useQuery({
    queryKey: [...keys.all, "flags"],
    queryFn: ({ signal }) => api<z.output<typeof flagsSchema>>("/receipts/flags", { signal }),
  });
}

export function useLeakage(level: LeakageLevel) {
  return useQuery({
    queryKey: [...keys.all, "leakage", level],
    queryFn: ({ signal }) => api<LeakageView>("/receipts/leakage", { query: { level }, signal }),
  });
}

export function useSamples() {
  return useQuery({
    queryKey: [...keys.all, "samples"],
    queryFn: ({ signal }) => api<SampleListView>("/receipts/samples", { signal }),
  });
}

export function useSample(id: string) {
  return useQuery({
    queryKey: keys.sample(id),
    queryFn: ({ signal }) => api<SampleView>(`/receipts/samples/${id}`, { signal }),
  });
}

/**
 * A paid line by its payment reference; asked only once a reference was typed and sent. Kept outside the receipts
 * key, so recording the answer does not refetch it and swap the form (with its complaint code) for "answered".
 */
export function useLineByReference(reference: string) {
  return useQuery({
    queryKey: ["receipt-line", reference],
    queryFn: ({ signal }) => api<LineView>("/receipts/lines", { query: { reference }, signal }),
    enabled: reference !== "",
    retry: false,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useDrawSample() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: SampleInput) => api<SampleView>("/receipts/samples", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useRecordConfirmation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ConfirmationRequest) =>
      api<ConfirmationResult>("/receipts/confirmations", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}
