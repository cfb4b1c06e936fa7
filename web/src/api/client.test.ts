import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReviewPage } from "../matching/api.ts";
import { api } from "./client.ts";
import { RESPONSE_SCHEMAS, responseRoute } from "./responses.ts";

const review: ReviewPage["items"][number] = {
  id: "r1",
  kind: "review",
  status: "open",
  probability: 0.9,
  weight: 4.2,
  villageCode: "64.01.05.2002",
  rt: "001",
  villageCodeB: "64.01.05.2002",
  rtB: null,
  personA: {
    personId: "p1",
    name: "Siti",
    sex: "F",
    birthDate: null,
    birthYear: 1980,
    village: null,
    rt: null,
  },
  personB: {
    personId: "p2",
    name: "Siti A",
    sex: "F",
    birthDate: null,
    birthYear: 1980,
    village: null,
    rt: null,
  },
  levels: {},
  explanation: [],
  reason: null,
  decidedBy: null,
  decidedAt: null,
};
const page: ReviewPage = { items: [review], total: 1, page: 1, pageSize: 50 };

function answer(body: unknown, status = 200) {
  vi.stubGlobal("fetch", async () => new Response(JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("api() in development and tests", () => {
  it("passes an answer that matches the endpoint's schema through as received", async () => {
    answer(page);
    await expect(api<ReviewPage>("/matching/reviews", { query: { page: 1 } })).resolves.toEqual(page);
  });

  it("rejects an answer that does not match, naming the call and the field", async () => {
    answer({ ...page, items: [{ ...review, probability: "high" }] });
    const call = api<ReviewPage>("/matching/reviews");
    await expect(call).rejects.toThrow("GET /api/matching/reviews");
    await expect(call).rejects.toThrow(/items\[0\]\.probability/);
  });

  it("rejects an answer missing a field, and checks a path with parameters against its route", async () => {
    answer({ ...review, status: undefined });
    await expect(api("/matching/reviews/r1/decision", { method: "POST", body: {} })).rejects.toThrow(
      /POST \/matching\/reviews\/:id\/decision[\s\S]*status/,
    );
  });

  it("rejects an answer from an endpoint with no declared schema instead of letting it pass unchecked", async () => {
    answer({});
    await expect(api("/nowhere")).rejects.toThrow("no response schema");
  });

  it("leaves error answers to ApiError", async () => {
    answer({ code: "NOT_FOUND", message: "gone", requestId: "x" }, 404);
    await expect(api("/matching/reviews")).rejects.toMatchObject({ name: "ApiError", code: "NOT_FOUND" });
  });
});

describe("the response schema table", () => {
  it("prefers a literal route over a parameter", () => {
    expect(responseRoute("GET", "/complaints/settings")).toBe("GET /complaints/settings");
    expect(responseRoute("GET", "/complaints/c1")).toBe("GET /complaints/:id");
    expect(responseRoute("PUT", "/complaints/c1")).toBeUndefined();
  });

  const sources = import.meta.glob<string>(["../**/*.ts", "../**/*.tsx", "!../**/*.test.ts"], {
    query: "?raw",
    import: "default",
    eager: true,
  });
  /** Answered 204 with no body, which api() returns as undefined before any check. */
  const NO_BODY = new Set(["POST /auth/logout", "DELETE /payment-layouts/:param"]);

  /** Each call of api() (not its definition) as `METHOD /path`, a `${…}` in the path as `:param`; its arguments up to the closing paren. */
  function calls(source: string): string[] {
    const found: string[] = [];
    for (const match of source.matchAll(/(?<!function )\bapi(?:<[^()]*>)?\((?!\))/g)) {
      let depth = 1;
      let end = (match.index ?? 0) + match[0].length;
      const start = end;
      for (; depth > 0 && end < source.length; end++)
        if (source[end] === "(") depth++;
        else if (source[end] === ")") depth--;
      const args = source.slice(start, end - 1);
      const path = /^\s*(["`])(.*?)\1/s.exec(args)?.[2] ?? `(not a literal path: ${args.slice(0, 40)})`;
      const method = /\bmethod:\s*"(\w+)"/.exec(args)?.[1] ?? "GET";
      found.push(`${method} ${path.replace(/\$\{[^}]*\}/g, ":param")}`);
    }
    return found;
  }

  /** A `:param` of the call stands for any value, so it fits a literal of the route too (/decrees/:id/check). */
  function declared(call: string): boolean {
    const [method, path = ""] = call.split(" ");
    const segments = path.split("/");
    return Object.keys(RESPONSE_SCHEMAS).some((route) => {
      const [routeMethod, pattern = ""] = route.split(" ");
      const parts = pattern.split("/");
      return (
        routeMethod === method &&
        parts.length === segments.length &&
        parts.every((part, i) => part.startsWith(":") || segments[i] === ":param" || part === segments[i])
      );
    });
  }

  it("has an entry for every api() call in the web app that answers with a body", () => {
    const all = Object.entries(sources).flatMap(([file, source]) =>
      calls(source).map((call) => ({ file: file.replace(/^\.\.\//, ""), call })),
    );
    expect(all.length).toBeGreaterThan(120);
    expect(all.filter(({ call }) => !NO_BODY.has(call) && !declared(call))).toEqual([]);
  });
});
