import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { DocumentKind } from "../../../src/documents/kinds.ts";
import type { WorkflowAction } from "../../../src/workflow/engine.ts";
import type {
  bulkResultSchema,
  documentViewSchema,
  queueQuerySchema,
  queueSchema,
  transitionInputSchema,
  transitionOutcomeSchema,
  workflowViewSchema,
} from "../../../src/workflow/schemas.ts";
import { ApiError, api } from "../api/client.ts";
import { activeLanguage } from "../i18n/language.tsx";

export type Queue = z.output<typeof queueSchema>;
export type QueueItem = Queue["items"][number];
export type ApplicationWorkflow = z.output<typeof workflowViewSchema>;
export type ActionView = ApplicationWorkflow["actions"][number];
export type DocumentView = z.output<typeof documentViewSchema>;
export type TransitionOutcome = z.output<typeof transitionOutcomeSchema>;
export type BulkResult = z.output<typeof bulkResultSchema>;

/** The queue's query; page and pageSize are numbers here, coerced from the query string on the server. */
export type QueueFilters = Omit<z.input<typeof queueQuerySchema>, "page" | "pageSize"> & {
  page: number;
  pageSize: number;
};

export const workflowKeys = {
  all: ["workflow"] as const,
  queue: (filters: QueueFilters) => ["workflow", "queue", filters] as const,
  application: (id: string) => ["workflow", "application", id] as const,
  document: (id: string) => ["document-content", id] as const,
};

export function useQueue(filters: QueueFilters, enabled = true) {
  return useQuery({
    queryKey: workflowKeys.queue(filters),
    queryFn: ({ signal }) => api<Queue>("/workflow/queue", { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string | null | undefined) {
  return useQuery({
    queryKey: workflowKeys.application(id ?? ""),
    queryFn: ({ signal }) => api<ApplicationWorkflow>(`/enrollments/${id}/workflow`, { signal }),
    enabled: Boolean(id),
  });
}

/** A decision changes queues, counts, the person's page and the home page alike. */
function useInvalidateAfterDecision() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: workflowKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["home"] }),
      queryClient.invalidateQueries({ queryKey: ["persons"] }),
    ]);
}

export type DecisionInput = z.input<typeof transitionInputSchema>;

export function useTransition(id: string) {
  const invalidate = useInvalidateAfterDecision();
  return useMutation({
    mutationFn: (input: DecisionInput) =>
      api<TransitionOutcome>(`/enrollments/${id}/transitions`, { method: "POST", body: input }),
    onSettled: invalidate,
  });
}

export function useBulkTransition() {
  const invalidate = useInvalidateAfterDecision();
  return useMutation({
    mutationFn: (input: {
      action: WorkflowAction;
      items: { id: string; version: number }[];
      reasonCode?: string | null;
      reason?: string | null;
    }) => api<BulkResult>("/workflow/transitions", { method: "POST", body: input }),
    onSettled: invalidate,
  });
}

export function useAttachDocument(enrollmentId: string) {
  const invalidate = useInvalidateAfterDecision();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: DocumentKind; file: Blob }) =>
      api<DocumentView>(`/enrollments/${enrollmentId}/documents/${kind}`, { method: "POST", file }),
    onSettled: invalidate,
  });
}

/**
 * A document's photo as an object URL. Each fetch is an audited read on the server, so a photo is fetched once
 * per page visit and kept (a stored photo never changes: a new one is a new document).
 */
export function useDocumentImage(documentId: string | null, reason: string) {
  return useQuery({
    queryKey: workflowKeys.document(documentId ?? ""),
    enabled: Boolean(documentId),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 10 * 60_000,
    retry: false,
    queryFn: async ({ signal }) => {
      const response = await fetch(
        `/api/documents/${documentId}/content?reason=${encodeURIComponent(reason)}`,
        { credentials: "same-origin", signal, headers: { "accept-language": activeLanguage() } },
      );
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
        throw new ApiError(response.status, body?.code ?? `HTTP_${response.status}`, body?.message ?? "");
      }
      return URL.createObjectURL(await response.blob());
    },
  });
}
