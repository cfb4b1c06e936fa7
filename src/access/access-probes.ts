import * as registry from "../registry/service.ts";
import { type Place, parsePlaceKey } from "./area.ts";
import {
  type AccessProbes,
  freshKk,
  freshPerson,
  LOLO,
  PLACES,
  personArea,
  programAgency,
  userArea,
  versionOf,
} from "./matrix.ts";
import { createTestUser } from "./testing.ts";
import { createToken } from "./tokens.ts";

/**
 * Access-matrix probes of the registry, access and audit routes: for each, the request inside the caller's
 * area (or agency) and the one for a record just outside it.
 */
const page = (body: unknown) => (body as { items: unknown[] }).items;
const array = (body: unknown) => body as unknown[];
const ids = (items: unknown[]) => items.map((i) => (i as { id: string }).id);

export const ACCESS_PROBES: AccessProbes = {
  "GET /api/persons": async (c) => ({
    method: "GET",
    url: `/api/persons?q=${encodeURIComponent(c.fx.names[c.place])}&pageSize=200`,
    kind: "list",
    items: page,
    whereIs: async (item: { village: { code: string }; rt: string | null }) => ({
      area: { code: item.village.code, rt: item.rt },
    }),
    mustInclude: (items) => ids(items).includes(c.fx.persons.inside),
  }),
  "POST /api/persons": async (c) => ({
    method: "POST",
    url: "/api/persons",
    payload: {
      name: `Matrix Daftar ${c.next()}`,
      sex: "P",
      villageCode: PLACES[c.place].code,
      rt: PLACES[c.place].rt,
    },
    kind: "create",
  }),
  "GET /api/persons/:id": async (c) => ({
    method: "GET",
    url: `/api/persons/${c.fx.persons[c.place]}`,
    kind: "object",
  }),
  "PATCH /api/persons/:id": async (c) => {
    const id = c.side === "inside" ? await freshPerson(c) : c.fx.persons[c.place];
    return {
      method: "PATCH",
      url: `/api/persons/${id}`,
      payload: { version: await versionOf(c.salur, "persons", id), occupation: "Petani" },
      kind: "object",
    };
  },
  "GET /api/persons/:id/identity": async (c) => ({
    method: "GET",
    url: `/api/persons/${c.fx.persons[c.place]}/identity`,
    kind: "object",
  }),
  "POST /api/households": async (c) => ({
    method: "POST",
    url: "/api/households",
    payload: { kk: freshKk(c.place, c.next()), villageCode: PLACES[c.place].code, rt: PLACES[c.place].rt },
    kind: "create",
  }),
  "GET /api/households/:id": async (c) => ({
    method: "GET",
    url: `/api/households/${c.fx.households[c.place]}`,
    kind: "object",
  }),
  "PATCH /api/households/:id": async (c) => {
    const id =
      c.side === "inside"
        ? (
            await registry.registerHousehold(c.salur.registry, c.setup, {
              kk: freshKk("inside", c.next()),
              villageCode: LOLO,
              rt: "003",
            })
          ).id
        : c.fx.households[c.place];
    return {
      method: "PATCH",
      url: `/api/households/${id}`,
      payload: { version: await versionOf(c.salur, "households", id), address: "Jl. Baru" },
      kind: "object",
    };
  },
  "POST /api/businesses": async (c) => ({
    method: "POST",
    url: "/api/businesses",
    payload: {
      ownerId: c.fx.persons[c.place],
      name: `Warung ${c.next()}`,
      sector: "food",
      villageCode: PLACES[c.place].code,
    },
    kind: "create",
  }),
  "PATCH /api/businesses/:id": async (c) => {
    const id =
      c.side === "inside"
        ? (
            await registry.registerBusiness(c.salur.registry, c.setup, {
              ownerId: c.fx.persons.inside,
              name: `Kios ${c.next()}`,
              sector: "retail",
              villageCode: LOLO,
            })
          ).id
        : c.fx.businesses[c.place];
    return {
      method: "PATCH",
      url: `/api/businesses/${id}`,
      payload: { version: await versionOf(c.salur, "businesses", id), name: "Diubah" },
      kind: "object",
    };
  },
  "GET /api/agencies": async (c) => ({
    method: "GET",
    url: "/api/agencies",
    kind: "list",
    items: array,
    whereIs: async () => ({}),
    mustInclude: (items) => ids(items).includes(c.fx.agencyA),
  }),
  "POST /api/agencies": async (c) => ({
    method: "POST",
    url: "/api/agencies",
    payload: { code: `mx-${c.next()}`, name: "Dinas Uji" },
    kind: "create",
  }),
  "GET /api/programs": async (c) => ({
    method: "GET",
    url: c.side === "outside-agency" ? `/api/programs?agencyId=${c.fx.agencyB}` : "/api/programs",
    kind: "list",
    items: array,
    whereIs: async (item: { agencyId: string }) => ({ agencyId: item.agencyId }),
    mustInclude: (items) => ids(items).includes(c.fx.programA),
  }),
  "POST /api/programs": async (c) => ({
    method: "POST",
    url: "/api/programs",
    payload: {
      agencyId: c.side === "outside-agency" ? c.fx.agencyB : c.fx.agencyA,
      code: `mx-prog-${c.next()}`,
      name: "Program Uji",
      kind: "cash",
      amountPerRecipient: 100_000,
      budget: 100_000_000,
      quota: 100,
    },
    kind: "create",
  }),
  "PATCH /api/programs/:id": async (c) => {
    const id =
      c.side === "inside"
        ? (
            await registry.createProgram(c.salur.registry, c.setup, {
              agencyId: c.fx.agencyA,
              code: `mx-edit-${c.next()}`,
              name: "P",
              kind: "cash",
              target: "person",
              amountPerRecipient: 1,
              budget: 10,
              quota: 1,
            })
          ).id
        : c.fx.programB;
    return {
      method: "PATCH",
      url: `/api/programs/${id}`,
      payload: { version: await versionOf(c.salur, "programs", id), name: "Diubah" },
      kind: "object",
    };
  },
  "GET /api/periods": async (c) => ({
    method: "GET",
    url: `/api/periods?programId=${c.side === "outside-agency" ? c.fx.programB : c.fx.programA}`,
    kind: "list",
    items: array,
    whereIs: async (item: { programId: string }) => ({
      agencyId: await programAgency(c.salur, item.programId),
    }),
    mustInclude: (items) => ids(items).includes(c.fx.periodA),
  }),
  "POST /api/periods": async (c) => ({
    method: "POST",
    url: "/api/periods",
    payload: {
      programId: c.side === "outside-agency" ? c.fx.programB : c.fx.programA,
      name: `Tahap ${c.next()}`,
      startsOn: "2026-01-01",
      endsOn: "2026-02-01",
    },
    kind: "create",
  }),
  "PATCH /api/periods/:id": async (c) => {
    const id =
      c.side === "inside"
        ? (
            await registry.createPeriod(c.salur.registry, c.setup, {
              programId: c.fx.programA,
              name: `Ubah ${c.next()}`,
              startsOn: "2026-01-01",
              endsOn: "2026-02-01",
              status: "planned",
            })
          ).id
        : c.fx.periodB;
    return {
      method: "PATCH",
      url: `/api/periods/${id}`,
      payload: { version: await versionOf(c.salur, "periods", id), name: `Diubah ${c.next()}` },
      kind: "object",
    };
  },
  "GET /api/enrollments": async (c) => ({
    method: "GET",
    url:
      c.side === "outside-agency"
        ? `/api/enrollments?personId=${c.fx.persons.inside}&programId=${c.fx.programB}`
        : `/api/enrollments?personId=${c.fx.persons[c.place]}`,
    kind: "list",
    items: page,
    whereIs: async (item: { personId: string; programId: string }) => ({
      area: await personArea(c.salur, item.personId),
      agencyId: await programAgency(c.salur, item.programId),
    }),
    mustInclude: (items) => ids(items).includes(c.fx.enrollments.inside),
  }),
  "POST /api/enrollments": async (c) => ({
    method: "POST",
    url: "/api/enrollments",
    payload:
      c.side === "outside-area"
        ? { personId: c.fx.persons[c.place], periodId: c.fx.periodA2 }
        : {
            personId: await freshPerson(c),
            periodId: c.side === "outside-agency" ? c.fx.periodB : c.fx.periodA,
          },
    kind: "create",
  }),
  "GET /api/users": async (c) => ({
    method: "GET",
    url: "/api/users",
    kind: "list",
    items: array,
    whereIs: async (item: { area: { code: string; rt?: string } }) => ({
      area: { code: item.area.code, rt: item.area.rt ?? null },
    }),
    mustInclude: (items) => ids(items).includes(c.fx.users.inside),
  }),
  "POST /api/users": async (c) => ({
    method: "POST",
    url: "/api/users",
    payload: {
      username: `mx-${c.next()}`,
      name: "Akun Uji",
      role: "rt",
      areaCode: PLACES[c.place].code,
      rt: PLACES[c.place].rt,
      password: "Kopi tubruk di Pasar Senaken",
    },
    kind: "create",
  }),
  "PATCH /api/users/:id": async (c) => {
    const id =
      c.side === "inside"
        ? (await createTestUser(c.salur, { role: "rt", areaCode: LOLO, rt: "003" })).id
        : c.fx.users[c.place];
    return {
      method: "PATCH",
      url: `/api/users/${id}`,
      payload: { version: await versionOf(c.salur, "users", id), name: "Diubah" },
      kind: "object",
    };
  },
  "GET /api/tokens": async (c) => ({
    method: "GET",
    url: "/api/tokens",
    kind: "list",
    items: array,
    whereIs: async (item: { userId: string }) => ({ area: await userArea(c.salur, item.userId) }),
    mustInclude: (items) => ids(items).includes(c.fx.tokens.inside),
  }),
  "DELETE /api/tokens/:id": async (c) => {
    const id =
      c.side === "inside"
        ? (
            await createToken(c.salur.access, c.setup, {
              userId: c.fx.users.inside,
              name: "hapus",
              scopes: ["person.read"],
              expiresInDays: 1,
            })
          ).id
        : c.fx.tokens[c.place];
    return { method: "DELETE", url: `/api/tokens/${id}`, kind: "object" };
  },
  "GET /api/audit/entries": async (c) => ({
    method: "GET",
    url: `/api/audit/entries?entity=person&entityId=${c.fx.persons[c.place]}`,
    kind: "list",
    items: page,
    whereIs: async (item: { area: string | null }) => ({
      area: item.area === null ? null : (parsePlaceKey(item.area) as Place),
    }),
    mustInclude: (items) => items.length > 0,
  }),
  "GET /api/audit/entries/:seq/proof": async (c) => ({
    method: "GET",
    url: `/api/audit/entries/${c.fx.createSeq[c.place]}/proof`,
    kind: "object",
  }),
  "GET /api/audit/checkpoints": async () => ({
    method: "GET",
    url: "/api/audit/checkpoints",
    kind: "list",
    items: (body) => (body as { checkpoints: unknown[] }).checkpoints,
    whereIs: async () => ({}),
    mustInclude: (items) => items.length > 0,
  }),
  "POST /api/audit/checkpoints": async () => ({
    method: "POST",
    url: "/api/audit/checkpoints",
    payload: { event: "matrix" },
    kind: "create",
  }),
};
