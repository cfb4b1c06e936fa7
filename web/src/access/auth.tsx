import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo } from "react";
import type { z } from "zod";
import type { sessionSchema } from "../../../src/access/schemas.ts";
import { ApiError, api, onUnauthorized, setCsrfToken } from "../api/client.ts";
import { type Abilities, abilitiesOf, type SessionUser } from "./roles.ts";

/**
 * The session as the server reports it at GET /api/auth/me. "open" means the server answers without an access
 * module (no /api/auth routes): the app then works without login, as the API itself does.
 */
export type Session =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "open" }
  | { status: "error"; error: unknown }
  | { status: "signed-in"; user: SessionUser };

/** GET /api/auth/me and the login answer: the user and the session's CSRF token. */
type MeResponse = z.output<typeof sessionSchema>;

const ME_KEY = ["auth", "me"] as const;
type MeState = { kind: "user"; me: MeResponse } | { kind: "anonymous" } | { kind: "open" };

async function fetchMe(): Promise<MeState> {
  try {
    const me = await api<MeResponse>("/auth/me");
    setCsrfToken(me.csrfToken);
    return { kind: "user", me };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { kind: "anonymous" };
    if (error instanceof ApiError && error.code === "ROUTE_NOT_FOUND") return { kind: "open" };
    throw error;
  }
}

interface AuthState {
  session: Session;
  user: SessionUser | null;
  abilities: Abilities;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  loginPending: boolean;
  loginError: unknown;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        queryClient.setQueryData<MeState>(ME_KEY, { kind: "anonymous" });
      }),
    [queryClient],
  );

  const login = useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      api<MeResponse>("/auth/login", { method: "POST", body: credentials }),
    onSuccess: (response) => {
      setCsrfToken(response.csrfToken);
      // Whatever was cached belonged to the previous user and their area.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      const signedIn: MeState = { kind: "user", me: response };
      queryClient.setQueryData<MeState>(ME_KEY, signedIn);
    },
  });

  const state = useMemo<AuthState>(() => {
    let session: Session;
    if (me.data?.kind === "user") session = { status: "signed-in", user: me.data.me.user };
    else if (me.data?.kind === "anonymous") session = { status: "anonymous" };
    else if (me.data?.kind === "open") session = { status: "open" };
    else if (me.isError) session = { status: "error", error: me.error };
    else session = { status: "loading" };
    const user = session.status === "signed-in" ? session.user : null;
    return {
      session,
      user,
      abilities: abilitiesOf(user),
      login: async (username, password) => {
        await login.mutateAsync({ username, password });
      },
      logout: async () => {
        try {
          await api("/auth/logout", { method: "POST" });
        } finally {
          setCsrfToken(null);
          // The session query is updated in place (its observer stays subscribed); everything else is dropped.
          queryClient.setQueryData<MeState>(ME_KEY, { kind: "anonymous" });
          queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
        }
      },
      loginPending: login.isPending,
      loginError: login.error,
    };
  }, [me.data, me.isError, me.error, login, queryClient]);

  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth outside AuthProvider");
  return state;
}
