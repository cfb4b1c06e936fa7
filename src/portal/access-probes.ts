import { sql } from "drizzle-orm";
import {
  type AccessProbes,
  PLACES,
  type PlaceName,
  type ProbeContext,
  programAgency,
} from "../access/matrix.ts";
import { queryRows } from "../db/index.ts";
import { createPeriod, enrollPerson, registerPerson } from "../registry/service.ts";
import { portalOf } from "./portal.ts";
import { approvePublication, preparePublication } from "./publications.ts";
import * as store from "./store.ts";

/**
 * Access-matrix probes of the portal's officials' routes: publications of agency A (inside) or B (outside),
 * a decree list with a person at every probed place (posters), and objections at every place.
 */
const CHAIN = ["submitted", "verified", "validated", "selected", "published", "approved"] as const;

interface PortalWorld {
  /** A published decree list per agency, naming one person at each place. */
  decree: Record<"A" | "B", string>;
  /** Its enrollment at each place, per agency. */
  enrollments: Record<"A" | "B", Record<PlaceName, string>>;
}

const worlds = new WeakMap<object, Promise<PortalWorld>>();

async function buildWorld(c: ProbeContext): Promise<PortalWorld> {
  const portal = portalOf(c.salur);
  const decree = {} as PortalWorld["decree"];
  const enrollments = { A: {}, B: {} } as PortalWorld["enrollments"];
  for (const agency of ["A", "B"] as const) {
    const period = await createPeriod(c.salur.registry, c.setup, {
      programId: agency === "A" ? c.fx.programA : c.fx.programB,
      name: `Matrix portal ${agency}`,
      startsOn: "2026-08-01",
      endsOn: "2026-12-31",
      status: "open",
    });
    for (const place of Object.keys(PLACES) as PlaceName[]) {
      const { person } = await registerPerson(c.salur.registry, c.setup, {
        name: `Matrix Portal ${c.next()}`,
        sex: "L",
        villageCode: PLACES[place].code,
        rt: PLACES[place].rt,
      });
      const enrollment = await enrollPerson(c.salur.registry, c.setup, {
        personId: person.id,
        periodId: period.id,
      });
      for (const status of CHAIN)
        await c.salur.database.db.execute(
          sql`update enrollments set status = ${status}, version = version + 1 where id = ${enrollment.id}`,
        );
      enrollments[agency][place] = enrollment.id;
    }
    const prepared = await preparePublication(portal, c.setup, { periodId: period.id, kind: "decree" });
    await approvePublication(portal, c.setup, { id: prepared.id, sha256: prepared.sha256 });
    decree[agency] = prepared.id;
  }
  return { decree, enrollments };
}

function world(c: ProbeContext): Promise<PortalWorld> {
  let w = worlds.get(c.fx);
  if (!w) {
    w = buildWorld(c);
    worlds.set(c.fx, w);
  }
  return w;
}

const agencyOf = (c: ProbeContext): "A" | "B" => (c.side === "outside-agency" ? "B" : "A");
const placeOf = (c: ProbeContext): PlaceName => (c.side === "outside-area" ? c.place : "inside");

/** A prepared statistics publication of the probed agency, prepared by the system (so anyone may approve it). */
async function prepared(c: ProbeContext) {
  return preparePublication(portalOf(c.salur), c.setup, {
    periodId: agencyOf(c) === "B" ? c.fx.periodB : c.fx.periodA,
    kind: "statistics",
  });
}

export const ACCESS_PROBES: AccessProbes = {
  "GET /api/portal/publications": async (c) => {
    await world(c);
    return {
      method: "GET",
      url: "/api/portal/publications",
      kind: "list",
      items: (body) => (body as { items: { programId: string }[] }).items,
      whereIs: async (item: { programId: string }) => ({
        agencyId: await programAgency(c.salur, item.programId),
      }),
      mustInclude: (items) => (items as { id: string }[]).length > 0,
    };
  },
  "POST /api/portal/publications": async (c) => ({
    method: "POST",
    url: "/api/portal/publications",
    payload: { periodId: agencyOf(c) === "B" ? c.fx.periodB : c.fx.periodA, kind: "statistics" },
    kind: "create",
  }),
  "POST /api/portal/publications/:id/approve": async (c) => {
    const p = await prepared(c);
    return {
      method: "POST",
      url: `/api/portal/publications/${p.id}/approve`,
      payload: { sha256: p.sha256 },
      kind: "object",
    };
  },
  "POST /api/portal/publications/:id/discard": async (c) => {
    const p = await prepared(c);
    return {
      method: "POST",
      url: `/api/portal/publications/${p.id}/discard`,
      payload: { reason: "Uji matriks akses" },
      kind: "object",
    };
  },
  "GET /api/portal/publications/:id/poster/:village": async (c) => {
    const w = await world(c);
    return {
      method: "GET",
      url: `/api/portal/publications/${w.decree[agencyOf(c)]}/poster/${PLACES[placeOf(c)].code}`,
      kind: "object",
    };
  },
  "GET /api/portal/objections": async (c) => {
    const w = await world(c);
    const agency = agencyOf(c);
    const place = placeOf(c);
    await store.insertObjection(c.salur.database.db, {
      publicationId: w.decree[agency],
      enrollmentId: w.enrollments[agency][place],
      agencyId: (await programAgency(c.salur, agency === "A" ? c.fx.programA : c.fx.programB)) as string,
      villageCode: PLACES[place].code,
      districtCode: PLACES[place].code.slice(0, 8),
      rt: PLACES[place].rt,
      reasonCode: "not_poor",
      reason: "Uji matriks akses",
    });
    return {
      method: "GET",
      url: "/api/portal/objections?limit=200",
      kind: "list",
      items: (body) => (body as { items: { id: string; villageCode: string; rt: string | null }[] }).items,
      whereIs: async (item: { id: string; villageCode: string; rt: string | null }) => {
        const [row] = await queryRows<{ agency_id: string }>(
          c.salur.database.db,
          sql`select agency_id from portal_objections where id = ${item.id}`,
        );
        return { area: { code: item.villageCode, rt: item.rt }, agencyId: row?.agency_id ?? null };
      },
      mustInclude: (items) =>
        (items as { villageCode: string; rt: string | null }[]).some(
          (i) => i.villageCode === PLACES.inside.code && i.rt === PLACES.inside.rt,
        ),
    };
  },
  "POST /api/portal/objections/:id/decision": async (c) => {
    const w = await world(c);
    const agency = agencyOf(c);
    const place = placeOf(c);
    const objection = await store.insertObjection(c.salur.database.db, {
      publicationId: w.decree[agency],
      enrollmentId: w.enrollments[agency][place],
      agencyId: (await programAgency(c.salur, agency === "A" ? c.fx.programA : c.fx.programB)) as string,
      villageCode: PLACES[place].code,
      districtCode: PLACES[place].code.slice(0, 8),
      rt: PLACES[place].rt,
      reasonCode: "not_poor",
      reason: "Uji matriks akses",
    });
    return {
      method: "POST",
      url: `/api/portal/objections/${objection.id}/decision`,
      payload: { outcome: "dismissed", reason: "Uji matriks akses: tidak terbukti" },
      kind: "object",
    };
  },
  "GET /api/portal/persons/:id/check-code": async (c) => ({
    method: "GET",
    url: `/api/portal/persons/${c.fx.persons[placeOf(c)]}/check-code`,
    kind: "object",
  }),
};
