import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import type { jobViewSchema } from "../../../src/jobs/schemas.ts";
import { api } from "../api/client.ts";

/** A job as GET /api/jobs/:id answers it and as each event of /api/jobs/:id/events carries it. */
export type JobView = z.output<typeof jobViewSchema>;

export const jobFinished = (job: Pick<JobView, "state">): boolean =>
  job.state !== "queued" && job.state !== "running";

/**
 * A job followed live: Server-Sent Events from /api/jobs/:id/events while it runs, falling back to polling
 * when the stream cannot be held (a proxy that buffers, a phone that drops it). `onEnd` runs once when the
 * job finishes, so the page can reload what the job produced.
 */
export function useJobProgress(
  jobId: string | null,
  initial?: JobView | null,
  onEnd?: (job: JobView) => void,
): JobView | null {
  const [job, setJob] = useState<JobView | null>(initial ?? null);
  // The latest callback, read when the job ends: a new one each render is no reason to reconnect.
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => {
    if (!jobId) return;
    let closed = false;
    let ended = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | undefined;
    const update = (view: JobView) => {
      if (closed) return;
      setJob(view);
      if (jobFinished(view) && !ended) {
        ended = true;
        source?.close();
        onEndRef.current?.(view);
      }
    };
    const poll = () => {
      api<JobView>(`/jobs/${jobId}`)
        .then((view) => {
          update(view);
          if (!jobFinished(view) && !closed) timer = setTimeout(poll, 1500);
        })
        .catch(() => {
          if (!closed) timer = setTimeout(poll, 3000);
        });
    };
    if (typeof EventSource === "undefined") poll();
    else {
      source = new EventSource(`/api/jobs/${jobId}/events`);
      const read = (event: MessageEvent<string>) => update(JSON.parse(event.data) as JobView);
      source.addEventListener("progress", read);
      source.addEventListener("end", read);
      source.onerror = () => {
        source?.close();
        if (!ended && !closed) poll();
      };
    }
    return () => {
      closed = true;
      source?.close();
      clearTimeout(timer);
    };
  }, [jobId]);
  return job;
}

/** Cancelling needs no refetch: the job's own stream reports the cancelled state to whoever follows it. */
export function useCancelJob() {
  return useMutation({
    mutationFn: (jobId: string) => api<JobView>(`/jobs/${jobId}/cancel`, { method: "POST" }),
  });
}
