import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { ACCESS_PROBES } from "./access-probes.ts";
import { type Caller, systemCaller } from "./actor.ts";
import { areaScope } from "./area.ts";
import { registeredRoutes } from "./http.ts";
import {
  type AccessProbes,
  createFixture,
  type Fixture,
  inScope,
  MATRIX_ACCOUNTS,
  type MatrixUser,
  nearestOutside,
  type ParameterProbes,
  type Probe,
  sidesOf,
  type Whereabouts,
} from "./matrix.ts";
import { type RouteAccess, roleCan, routeAccess, routeKey } from "./permissions.ts";
import { createTestUser, signIn } from "./testing.ts";

/**
 * The access matrix: every API route Fastify registered × every role × (inside the caller's area / outside it,
 * and for agency-bound program managers outside their agency). A leak is any answer that hands over, changes
 * or creates something the caller may not see. A route without an entry in the permission table fails the test,
 * as does an area- or agency-scoped route without probes (here, or in its capability's access-probes.ts).
 */
async function allProbes(): Promise<AccessProbes> {
  const src = fileURLToPath(new URL("..", import.meta.url));
  const probes: AccessProbes = { ...ACCESS_PROBES };
  for (const capability of readdirSync(src)) {
    const file = join(src, capability, "access-probes.ts");
    if (capability === "access" || !existsSync(file)) continue;
    const module = (await import(pathToFileURL(file).href)) as { ACCESS_PROBES?: AccessProbes };
    Object.assign(probes, module.ACCESS_PROBES ?? {});
  }
  return probes;
}

/** Parameters that name records of their own, from each capability's access-probes.ts (PARAMETER_PROBES). */
async function allParameterProbes(): Promise<ParameterProbes> {
  const src = fileURLToPath(new URL("..", import.meta.url));
  const probes: ParameterProbes = {};
  for (const capability of readdirSync(src)) {
    const file = join(src, capability, "access-probes.ts");
    if (!existsSync(file)) continue;
    const module = (await import(pathToFileURL(file).href)) as { PARAMETER_PROBES?: ParameterProbes };
    Object.assign(probes, module.PARAMETER_PROBES ?? {});
  }
  return probes;
}

/** Route parameters filled with well-formed ids of nothing: enough to reach the access check. */
function concreteUrl(url: string): string {
  return url
    .replace(/:seq/g, "1")
    .replace(/:code/g, "64.01")
    .replace(/:\w+/g, "00000000-0000-4000-8000-000000000000");
}

describeEachDatabase("access matrix", (salur, kind) => {
  let app: FastifyInstance;
  let fx: Fixture;
  let probes: AccessProbes;
  const users: MatrixUser[] = [];
  let serial = 100;
  const next = () => ++serial;
  const setup: Caller = systemCaller("access matrix setup", "64.01");

  beforeAll(async () => {
    app = await buildServer(salur());
    probes = await allProbes();
    fx = await createFixture(salur(), setup, next);
    for (const account of MATRIX_ACCOUNTS) {
      // A bank operator's account names their bank as its agency (they see that bank's payment batches only).
      const agencyId =
        account.role === "program_manager" ? fx.agencyA : account.role === "bank_operator" ? fx.bank : null;
      const created = await createTestUser(salur(), { ...account, agencyId });
      const scope = areaScope(account.areaCode, account.rt ?? null);
      if (!scope) throw new Error("bad scope");
      users.push({ role: account.role, scope, agencyId, session: await signIn(app, created.username) });
    }
  });

  function apiRoutes(): { key: string; method: string; url: string }[] {
    const seen = new Map<string, { key: string; method: string; url: string }>();
    for (const route of registeredRoutes(app)) {
      if (!route.url.startsWith("/api") || route.method === "HEAD" || route.url.startsWith("/api/docs"))
        continue;
      const key = routeKey(route.method, route.url);
      seen.set(key, { key, method: route.method, url: route.url });
    }
    return [...seen.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  it("has a permission-table entry for every route Fastify registered", () => {
    expect(
      apiRoutes()
        .filter((r) => !routeAccess(r.method, r.url))
        .map((r) => r.key),
    ).toEqual([]);
  });

  it("has inside/outside probes for every area- or agency-scoped route", () => {
    const unprobed = apiRoutes().filter((r) => {
      const rule = routeAccess(r.method, r.url);
      return rule?.kind === "action" && rule.scope !== "none" && !probes[r.key];
    });
    expect(
      unprobed.map((r) => r.key),
      "add inside/outside probes in src/<capability>/access-probes.ts (ACCESS_PROBES, see src/access/matrix.ts)",
    ).toEqual([]);
  });

  it("leaks nothing: every route × role × inside/outside", async () => {
    let checks = 0;
    const leaks: string[] = [];
    const wrong: string[] = [];
    for (const route of apiRoutes()) {
      const rule = routeAccess(route.method, route.url) as RouteAccess | undefined;
      if (!rule || rule.kind === "public") continue;
      // Nobody signed in: every non-public route answers 401.
      const anonymous = await app.inject({ method: route.method as "GET", url: concreteUrl(route.url) });
      checks += 1;
      if (anonymous.statusCode !== 401) leaks.push(`${route.key} anonymous → ${anonymous.statusCode}`);
      if (rule.kind === "signed-in") {
        for (const user of users) {
          const res = await app.inject({
            method: route.method as "GET",
            url: route.url,
            headers: user.session.headers(route.method),
            ...(route.method === "GET" ? {} : { payload: {} }),
          });
          checks += 1;
          if (res.statusCode === 401 || res.statusCode === 403)
            wrong.push(`${route.key} ${user.role} → ${res.statusCode}`);
        }
        continue;
      }
      const probe = probes[route.key];
      for (const user of users) {
        // Without probes (an unscoped route of another capability) only the role is checked.
        for (const side of probe ? sidesOf(rule.scope, user) : (["inside"] as const)) {
          const place = side === "outside-area" ? nearestOutside(user.scope) : "inside";
          checks += 1;
          const label = `${route.key} ${user.role} ${side}`;
          const allowed = roleCan(user.role, rule.action);
          const request: Probe = probe
            ? await probe({ side, place, user, salur: salur(), fx, setup, next })
            : {
                method: route.method,
                url: concreteUrl(route.url),
                ...(route.method === "GET" ? {} : { payload: {} }),
                kind: "object",
              };
          const res = await app.inject({
            method: request.method as "GET",
            url: request.url,
            headers: user.session.headers(request.method),
            ...(request.payload ? { payload: request.payload } : {}),
          });
          const ok = res.statusCode >= 200 && res.statusCode < 300;
          if (!allowed) {
            if (ok) leaks.push(`${label}: role without ${rule.action} got ${res.statusCode}`);
            else if (res.statusCode !== 403) wrong.push(`${label}: expected 403, got ${res.statusCode}`);
            continue;
          }
          if (!probe) {
            if (res.statusCode === 401 || res.statusCode === 403)
              wrong.push(`${label}: refused (${res.statusCode})`);
            continue;
          }
          if (request.kind !== "list") {
            if (side === "inside" && !ok)
              wrong.push(`${label}: refused inside (${res.statusCode} ${res.body.slice(0, 120)})`);
            if (side !== "inside" && ok) leaks.push(`${label}: ${res.statusCode} on a record outside`);
            if (side !== "inside" && !ok && res.statusCode !== 403 && res.statusCode !== 404) {
              wrong.push(`${label}: expected 403/404, got ${res.statusCode}`);
            }
            continue;
          }
          if (!ok) {
            wrong.push(`${label}: list refused (${res.statusCode})`);
            continue;
          }
          const items = request.items?.(res.json()) ?? [];
          for (const item of items) {
            const where = await (request.whereIs as (item: unknown) => Promise<Whereabouts>)(item);
            if (!inScope(user, where)) leaks.push(`${label}: listed ${JSON.stringify(item).slice(0, 100)}`);
          }
          if (side === "inside" && request.mustInclude && !request.mustInclude(items)) {
            wrong.push(`${label}: the inside record is missing`);
          }
        }
      }
    }
    // Parameters naming a record of their own, for every role allowed the action: inside usable, outside
    // neither accepted nor named in the answer.
    for (const [key, { action, probe }] of Object.entries(await allParameterProbes())) {
      for (const user of users.filter((u) => roleCan(u.role, action))) {
        for (const side of ["inside", "outside-area"] as const) {
          const place = side === "outside-area" ? nearestOutside(user.scope) : "inside";
          const request = await probe({ side, place, user, salur: salur(), fx, setup, next });
          const res = await app.inject({
            method: request.method as "GET",
            url: request.url,
            headers: user.session.headers(request.method),
            ...(request.payload ? { payload: request.payload } : {}),
          });
          checks += 1;
          const label = `${key} ${user.role} ${side}`;
          const ok = res.statusCode >= 200 && res.statusCode < 300;
          const named = request.secret !== undefined && res.body.includes(request.secret);
          if (side === "inside") {
            if (request.insideSucceeds !== ok)
              wrong.push(`${label}: inside answered ${res.statusCode} ${res.body.slice(0, 120)}`);
            if (request.insideNames && !named) wrong.push(`${label}: inside answer does not name the record`);
            continue;
          }
          if (named) leaks.push(`${label}: the answer names the record outside (${res.statusCode})`);
          else if (ok && !request.silentOutside?.(res.json()))
            leaks.push(`${label}: ${res.statusCode} with a record outside`);
          else if (!ok && res.statusCode >= 500) wrong.push(`${label}: ${res.statusCode}`);
        }
      }
    }
    console.log(`[${kind}] access matrix: ${checks} checks, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    expect(wrong).toEqual([]);
    expect(checks).toBeGreaterThan(500);
  }, 600_000);

  it("refuses, for everyone, a route added without a permission-table entry, and the completeness check names it", async () => {
    const extra = await buildServer(salur());
    extra.get("/api/unlisted-report", async () => ({ secret: true }));
    await extra.ready();
    const missing = registeredRoutes(extra)
      .filter((r) => r.url.startsWith("/api") && r.method !== "HEAD" && !routeAccess(r.method, r.url))
      .map((r) => routeKey(r.method, r.url));
    expect(missing).toEqual(["GET /api/unlisted-report"]);
    const admin = users.find((u) => u.role === "admin") as MatrixUser;
    const res = await extra.inject({
      method: "GET",
      url: "/api/unlisted-report",
      headers: admin.session.headers(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("ROUTE_NOT_IN_PERMISSION_TABLE");
    await extra.close();
  });
});
