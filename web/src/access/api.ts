import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DemoStatus, UserInput, UserUpdate, UserView } from "../../../src/access/schemas.ts";
import { api } from "../api/client.ts";

export type { UserView };

export function useUsers(enabled = true) {
  return useQuery({ queryKey: ["users"], queryFn: () => api<UserView[]>("/users"), enabled });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => api<UserView>("/users", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserUpdate }) =>
      api<UserView>(`/users/${id}`, { method: "PATCH", body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

/** Whether demo accounts with the published password are active: the warning banner. */
export function useDemoStatus() {
  return useQuery({
    queryKey: ["auth", "demo"],
    queryFn: () => api<DemoStatus>("/auth/demo"),
    staleTime: 5 * 60_000,
  });
}
