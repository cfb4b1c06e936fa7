import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import type { AccessProbes, PlaceName, ProbeContext } from "../access/matrix.ts";
import { PLACES } from "../access/matrix.ts";
import { queryRows } from "../db/index.ts";
import { registerPerson } from "../registry/service.ts";
import { createBatch } from "./batches.ts";
import { civilRegistryOf } from "./context.ts";
import { importResults } from "./import.ts";
import { decideReview, listReviews } from "./reviews.ts";

/**
 * Access-matrix probes of the civil-registry routes: batches, results and reviews are made at the probed place
 * by the setup caller, so an official outside it must find nothing there (403/404) and lists show nothing of it.
 */
const where = (c: ProbeContext): PlaceName => (c.side === "inside" ? "inside" : c.place);

async function freshBatch(c: ProbeContext, place: PlaceName) {
  return createBatch(civilRegistryOf(c.salur), c.setup, { scope: "village", areaCode: PLACES[place].code });
}

/** A person with a NIK of the place's kecamatan (born 1 Jan 1980, a woman), fresh per call. */
async function personWithNik(c: ProbeContext, place: PlaceName) {
  const district = PLACES[place].code.replace(/\./g, "").slice(0, 6);
  const nik = `${district}410180${String(5000 + (c.next() % 5000)).padStart(4, "0")}`;
  const { person } = await registerPerson(c.salur.registry, c.setup, {
    nik,
    name: `Matrix Dukcapil ${c.next()}`,
    sex: "P",
    villageCode: PLACES[place].code,
    rt: PLACES[place].rt,
  });
  return person.id;
}

/** An open review at the place: a batch of one fresh person, answered "tidak padan" with another name. */
async function freshReview(c: ProbeContext, place: PlaceName, decided = false) {
  const cr = civilRegistryOf(c.salur);
  const personId = await personWithNik(c, place);
  const batch = await freshBatch(c, place);
  const [row] = await queryRows<{ line: number }>(
    c.salur.database.db,
    sql`select line from civil_registry_lines where batch_id = ${batch.id} and person_id = ${personId}`,
  );
  const n = row?.line;
  const csv = `KODE BATCH;NO;STATUS;NAMA DUKCAPIL\r\n${batch.code};${n};TIDAK PADAN;NAMA LAIN ${c.next()}\r\n`;
  await importResults(cr, c.setup, batch.id, { fileName: "hasil.csv", bytes: Buffer.from(csv) });
  const reviews = await listReviews(cr, c.setup, { states: ["open"], limit: 200, offset: 0 });
  const review = reviews.items.find((r) => r.person.id === personId);
  if (!review) throw new Error("probe review missing");
  if (!decided) return { id: review.id, version: review.version };
  const out = await decideReview(cr, c.setup, review.id, {
    decision: "keep_ours",
    reason: "Data kami sesuai KTP-el",
    version: review.version,
  });
  return { id: out.id, version: out.version };
}

let fakeService: Promise<string> | null = null;
/** A local stand-in for the online service, answering "padan" for any NIK. */
function fakeServiceUrl(): Promise<string> {
  fakeService ??= new Promise((resolve) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "PADAN", request_id: "MATRIX" }));
    });
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`),
    );
    server.unref();
  });
  return fakeService;
}

export const ACCESS_PROBES: AccessProbes = {
  "GET /api/civil-registry/batches": async (c) => {
    await freshBatch(c, where(c));
    return {
      method: "GET",
      url: "/api/civil-registry/batches?limit=200",
      kind: "list",
      items: (body) => (body as { items: { area: { code: string } }[] }).items.map((i) => i.area.code),
      whereIs: async (code: string) => ({ area: { code, rt: null } }),
      mustInclude: (items) => (items as string[]).includes(PLACES.inside.code),
    };
  },
  "POST /api/civil-registry/batches": async (c) => ({
    method: "POST",
    url: "/api/civil-registry/batches",
    payload: { scope: "village", areaCode: PLACES[where(c)].code },
    kind: "create",
  }),
  "POST /api/civil-registry/batches/:id/export": async (c) => ({
    method: "POST",
    url: `/api/civil-registry/batches/${(await freshBatch(c, where(c))).id}/export`,
    payload: { format: "csv" },
    kind: "object",
  }),
  "POST /api/civil-registry/batches/:id/results": async (c) => ({
    method: "POST",
    url: `/api/civil-registry/batches/${(await freshBatch(c, where(c))).id}/results`,
    payload: { fileName: "hasil.csv", contentBase64: Buffer.from("NIK;STATUS\r\n").toString("base64") },
    kind: "object",
  }),
  "GET /api/civil-registry/reviews": async (c) => {
    await freshReview(c, where(c));
    return {
      method: "GET",
      url: "/api/civil-registry/reviews?limit=200",
      kind: "list",
      items: (body) =>
        (body as { items: { person: { villageCode: string } }[] }).items.map((i) => i.person.villageCode),
      whereIs: async (code: string) => ({ area: { code, rt: null } }),
      mustInclude: (items) => (items as string[]).includes(PLACES.inside.code),
    };
  },
  "POST /api/civil-registry/reviews/:id/decision": async (c) => {
    const review = await freshReview(c, where(c));
    return {
      method: "POST",
      url: `/api/civil-registry/reviews/${review.id}/decision`,
      payload: { decision: "keep_ours", reason: "Sesuai KTP-el", version: review.version },
      kind: "object",
    };
  },
  "POST /api/civil-registry/reviews/:id/approval": async (c) => {
    const review = await freshReview(c, where(c), true);
    return {
      method: "POST",
      url: `/api/civil-registry/reviews/${review.id}/approval`,
      payload: { version: review.version },
      kind: "object",
    };
  },
  "GET /api/civil-registry/statistics": async () => ({
    method: "GET",
    url: "/api/civil-registry/statistics?level=village",
    kind: "list",
    items: (body) => (body as { items: { code: string }[] }).items.map((i) => i.code),
    whereIs: async (code: string) => ({ area: { code, rt: null } }),
    mustInclude: (items) => (items as string[]).includes(PLACES.inside.code),
  }),
  "GET /api/persons/:id/civil-registry": async (c) => ({
    method: "GET",
    url: `/api/persons/${c.fx.persons[c.place]}/civil-registry`,
    kind: "object",
  }),
  "POST /api/persons/:id/civil-registry/check": async (c) => {
    c.salur.config.dukcapil = {
      url: await fakeServiceUrl(),
      user: undefined,
      password: undefined,
      timeoutMs: 5000,
    };
    return {
      method: "POST",
      url: `/api/persons/${await personWithNik(c, where(c))}/civil-registry/check`,
      kind: "object",
    };
  },
};
