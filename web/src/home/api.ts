import { useQuery } from "@tanstack/react-query";
import type { HomeSummary } from "../../../src/home/schemas.ts";
import { api } from "../api/client.ts";

export type { HomeSummary };

/** The whole home page in one request: what waits for me and my area's figures, only what my role may read. */
export function useHomeSummary() {
  return useQuery({
    queryKey: ["home", "summary"],
    queryFn: ({ signal }) => api<HomeSummary>("/home/summary", { signal }),
    staleTime: 30_000,
  });
}
