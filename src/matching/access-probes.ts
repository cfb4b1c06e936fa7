import {
  type AccessProbes,
  freshPerson,
  PLACES,
  type PlaceName,
  type ProbeContext,
} from "../access/matrix.ts";
import type { ReviewView, ViolationsView } from "./schemas.ts";
import * as store from "./store.ts";

/**
 * Access-matrix probes of the overlap routes (src/access/access-matrix.test.ts). A review pair lives where both
 * its persons live; violations are listed only when every person involved is inside the caller's area.
 */
async function pairAt(c: ProbeContext, place: PlaceName): Promise<string> {
  const [a, b] = [await freshPerson(c, place), await freshPerson(c, place)].sort() as [string, string];
  const where = PLACES[place];
  await store.insertReviews(c.salur.database.db, [
    {
      personA: a,
      personB: b,
      kind: "review",
      probability: 0.7,
      weight: 1.2,
      explanation: {
        probability: 0.7,
        weight: 1.2,
        decision: "review",
        priorWeight: -12,
        fields: [],
        nameFrequency: null,
      },
      villageCode: where.code,
      districtCode: where.code.slice(0, 8),
      rt: where.rt,
      villageCodeB: where.code,
      rtB: where.rt,
      runId: null,
    },
  ]);
  const { rows } = await store.listReviews(
    c.salur.database.db,
    { level: "regency", code: "64.01", rt: null },
    { status: "open", page: 1, pageSize: 1000 },
  );
  const found = rows.find((r) => r.personA === a && r.personB === b);
  if (!found) throw new Error("probe pair not stored");
  return found.id;
}

/** Rule: program A and program B not together; the fixture's inside person holds both. */
async function ensureRule(c: ProbeContext): Promise<void> {
  const [programA, programB] = [c.fx.programA, c.fx.programB].sort() as [string, string];
  await store.insertRule(c.salur.database.db, {
    programA,
    programB,
    level: "person",
    startsOn: "2026-01-01",
    endsOn: "2026-06-30",
    reason: "Uji matriks akses",
    createdBy: "access matrix",
  });
}

export const ACCESS_PROBES: AccessProbes = {
  "GET /api/matching/reviews": async (c) => {
    await pairAt(c, c.side === "inside" ? "inside" : c.place);
    return {
      method: "GET",
      url: "/api/matching/reviews?pageSize=200",
      kind: "list",
      items: (body) =>
        (body as { items: ReviewView[] }).items.flatMap((r) => [
          { code: r.villageCode, rt: r.rt },
          { code: r.villageCodeB, rt: r.rtB },
        ]),
      whereIs: async (item: { code: string; rt: string | null }) => ({ area: item }),
      mustInclude: (items) =>
        (items as { code: string; rt: string | null }[]).some(
          (i) => i.code === PLACES.inside.code && i.rt === PLACES.inside.rt,
        ),
    };
  },
  "POST /api/matching/reviews/:id/decision": async (c) => ({
    method: "POST",
    url: `/api/matching/reviews/${await pairAt(c, c.side === "inside" ? "inside" : c.place)}/decision`,
    payload: { samePerson: false, reason: "Uji matriks akses" },
    kind: "object",
  }),
  "GET /api/matching/violations": async (c) => {
    await ensureRule(c);
    return {
      method: "GET",
      url: "/api/matching/violations?from=2026-01-01&to=2026-06-30",
      kind: "list",
      items: (body) => (body as ViolationsView).violations.flatMap((v) => v.persons),
      whereIs: async (item: ViolationsView["violations"][number]["persons"][number]) => ({
        area: { code: item.village.code, rt: item.rt },
      }),
      mustInclude: (items) =>
        (items as ViolationsView["violations"][number]["persons"]).some(
          (p) => p.personId === c.fx.persons.inside,
        ),
    };
  },
};
