import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkResponse, RESPONSE_SCHEMAS } from "../../web/src/api/responses.ts";
import { DEMO_PASSWORD, ensureDemoUsers } from "../access/demo-users.ts";
import { type Session, signIn } from "../access/testing.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { seedDemo } from "../demo/seed.ts";
import { buildServer } from "./server.ts";

/**
 * The web client checks every answer in development against web/src/api/responses.ts. Here that table meets
 * the real server: each entry must be a route the server has, and real answers must pass the same check, so
 * an entry pointing at the wrong schema (or a schema the server no longer answers with) fails a test.
 */
describeEachDatabase("the web client's response schemas against the server", (salur) => {
  let app: FastifyInstance;
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    await seedDemo(salur(), { persons: 100 });
    await ensureDemoUsers(salur());
    // Demo accounts sign in with the published password only in demo mode.
    salur().access.demoMode = true;
    app = await buildServer(salur());
    for (const username of ["admin", "bappeda", "dinsos", "inspektorat"])
      sessions.set(username, await signIn(app, username, DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The answer to a GET, after the web client's check; `path` is what the web app passes to api(). */
  async function checked(username: string, path: string, query = ""): Promise<unknown> {
    const res = await app.inject({
      method: "GET",
      url: `/api${path}${query}`,
      headers: sessions.get(username)?.headers() ?? {},
    });
    expect(res.statusCode, `${username} GET ${path}${query}: ${res.body}`).toBe(200);
    const body: unknown = res.json();
    checkResponse("GET", path, body);
    return body;
  }

  it("names only routes the server has", () => {
    const missing = Object.keys(RESPONSE_SCHEMAS).filter((route) => {
      const [method, pattern] = route.split(" ") as [string, string];
      return !app.hasRoute({ method: method as "GET", url: `/api${pattern}` });
    });
    expect(missing).toEqual([]);
  });

  it("passes real answers of the server through the web client's check", async () => {
    const persons = (await checked("dinsos", "/persons", "?pageSize=5")) as { items: { id: string }[] };
    const person = persons.items[0];
    if (!person) throw new Error("the demo registry is empty");
    await checked("dinsos", `/persons/${person.id}`);
    const programs = (await checked("dinsos", "/programs")) as { id: string }[];
    const program = programs[0];
    if (!program) throw new Error("the demo has no program");
    await checked("dinsos", `/programs/${program.id}/policy`);
    await checked("dinsos", `/ranking/programs/${program.id}/field-criteria`);
    await checked("dinsos", "/periods");
    await checked("dinsos", "/agencies");
    await checked("dinsos", "/enrollments", "?pageSize=5");
    await checked("dinsos", "/workflow/queue");
    await checked("dinsos", "/home/summary");
    await checked("dinsos", "/auth/me");
    await checked("dinsos", "/regions");
    await checked("dinsos", "/regions/64.01.05");
    await checked("dinsos", "/decrees");
    await checked("dinsos", "/payment-batches");
    await checked("bappeda", "/matching/quality");
    await checked("bappeda", "/matching/overlap-rules");
    await checked("bappeda", "/matching/reviews");
    await checked("bappeda", "/complaints");
    await checked("admin", "/users");
    await checked("inspektorat", "/audit/entries");
    await checked("inspektorat", "/audit/checkpoints");
  });

  it("fails an answer that does not fit the route's schema", async () => {
    const body = (await checked("dinsos", "/programs")) as { name: unknown }[];
    expect(() => checkResponse("GET", "/programs", [{ ...body[0], name: 7 }])).toThrow(
      /GET \/api\/programs answered a body that does not match[\s\S]*\[0\]\.name/,
    );
  });
});
