/** Request and response schemas of the jobs API; the web app derives its types from these. */
import { z } from "zod";
import { JOB_STATES } from "./codes.ts";

export const jobViewSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  stage: z.string().nullable().describe("read, inspect, apply, screen, store … (translate in the web app)"),
  done: z.number(),
  total: z.number().nullable(),
  percent: z.number().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.unknown()) })
    .nullable(),
  attempts: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const jobListSchema = z.array(jobViewSchema);
export const jobsQuerySchema = z.object({ kind: z.string().max(60).optional() });
