import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Salur } from "../runtime.ts";
import { systemCaller } from "./actor.ts";
import { SESSION_COOKIE } from "./http.ts";
import type { Role } from "./roles.ts";
import { createUser } from "./users.ts";

/** Test helpers: accounts made directly (no password-strength check) and sessions signed in through the API. */
export const TEST_PASSWORD = "uji-coba-kata-sandi-panjang";

export interface TestAccount {
  id: string;
  username: string;
  role: Role;
}

export async function createTestUser(
  salur: Salur,
  account: {
    role: Role;
    areaCode: string;
    rt?: string | null;
    agencyId?: string | null;
    username?: string;
    name?: string;
  },
): Promise<TestAccount> {
  const username = account.username ?? `${account.role.replace(/_/g, "-")}-${randomBytes(3).toString("hex")}`;
  const user = await createUser(
    salur.access,
    systemCaller("test setup", salur.config.regencyCode),
    {
      username,
      name: account.name ?? `Uji ${account.role}`,
      role: account.role,
      areaCode: account.areaCode,
      rt: account.rt ?? null,
      agencyId: account.agencyId ?? null,
      password: TEST_PASSWORD,
    },
    { checkStrength: false },
  );
  return { id: user.id, username: user.username, role: user.role };
}

/** A signed-in browser: the session cookie on every request, the CSRF token on writes. */
export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a request of `method`. */
  headers(method?: string): Record<string, string>;
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res.headers["set-cookie"]);
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrfToken,
    headers: (method = "GET"): Record<string, string> =>
      method === "GET" ? { cookie } : { cookie, "x-csrf-token": csrfToken },
  };
}

export function sessionCookieOf(header: string | string[] | undefined): string {
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const found = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!found) throw new Error("no session cookie set");
  return found.split(";")[0] as string;
}
