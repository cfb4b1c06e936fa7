import type { MessageParams } from "../../../src/i18n/index.ts";
import { activeLanguage } from "../i18n/language.tsx";

/** A field the server (or the shared zod schema, client-side) found fault with. */
export interface FieldError {
  field: string;
  code: string;
  message?: string;
  params?: MessageParams;
}

/** Every non-2xx answer of the API as a value: its stable code, parameters and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params: MessageParams = {},
    readonly fieldErrors: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A network failure (offline, server down) gets its own code so the UI can say so in the user's language. */
export const NETWORK_ERROR = "NETWORK_ERROR";

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** The session's CSRF token, sent as x-csrf-token on every write (the auth API hands it out at login and /me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For the few requests that cannot go through api(): a download answered with bytes. */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Called when any request answers 401: the session expired or was revoked. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Query;
  body?: unknown;
  /** A file sent as the raw request body (the import and reconciliation uploads); excludes `body`. */
  file?: Blob;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json", "accept-language": activeLanguage() };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.file !== undefined) headers["content-type"] = "application/octet-stream";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, NETWORK_ERROR, (error as Error).message);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = body as Partial<{
      code: string;
      message: string;
      params: MessageParams;
      errors: FieldError[];
      requestId: string;
    }> | null;
    if (response.status === 401 && !path.startsWith("/auth/"))
      for (const listener of unauthorizedListeners) listener();
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.params ?? {},
      error?.errors ?? [],
      error?.requestId,
    );
  }
  // Checked against the endpoint's declared schema in development and tests only, never in the shipped app:
  // the check imports every server schema module, and field phones open the app on a first-visit size budget.
  // `import.meta.env.DEV` is the constant false in a production build, so the branch is dropped; the specifier
  // is a variable because the bundler (Rolldown) otherwise still counts the literal import of the dead branch
  // when it splits the app into chunks, which rearranges them and grows what a first visit downloads. The dev
  // server and Vitest resolve it relative to this file. The body is returned as received, not as parsed, so
  // development sees exactly what production sees.
  if (import.meta.env.DEV) {
    const checks = "./responses.ts";
    const { checkResponse }: typeof import("./responses.ts") = await import(/* @vite-ignore */ checks);
    checkResponse(method, path, body);
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
