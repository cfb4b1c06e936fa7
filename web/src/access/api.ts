import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UserInput, UserUpdate, UserView } from "../../../src/access/schemas.ts";
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
