import { sql } from "drizzle-orm";
import { queryRows } from "../db/index.ts";
import * as registry from "../registry/service.ts";
import type { Salur } from "../runtime.ts";
import type { Caller } from "./actor.ts";
import { type AreaScope, areaContains, type Place } from "./area.ts";
import type { Action, ObjectScope } from "./permissions.ts";
import type { Role } from "./roles.ts";
import { createTestUser, type Session } from "./testing.ts";
import { createToken } from "./tokens.ts";

/**
 * The world the access-matrix test probes (src/access/access-matrix.test.ts): records inside every matrix
 * user's area and in the nearest places outside it, two agencies, and one signed-in user per role. A capability
 * that adds scoped routes adds their probes in its own `access-probes.ts`, exporting ACCESS_PROBES.
 */
export const KUARO = "64.01.05";
export const LOLO = "64.01.05.2002";
export const SANDELEY = "64.01.05.2003";
export const JANJU = "64.01.04.2002";

export type PlaceName = "inside" | "rt004" | "sandeley" | "janju";
export const PLACES: Record<PlaceName, { code: string; rt: string }> = {
  inside: { code: LOLO, rt: "003" },
  rt004: { code: LOLO, rt: "004" },
  sandeley: { code: SANDELEY, rt: "003" },
  janju: { code: JANJU, rt: "003" },
};
export const OUTSIDE_PLACES: PlaceName[] = ["rt004", "sandeley", "janju"];

/** The nearest place outside each scope: the neighbouring RT, the neighbouring desa, the neighbouring kecamatan. */
export function nearestOutside(scope: AreaScope): PlaceName {
  return scope.level === "rt" ? "rt004" : scope.level === "village" ? "sandeley" : "janju";
}

/** One account per role, all scoped inside Kuaro so that every role has an outside. */
export const MATRIX_ACCOUNTS: { role: Role; areaCode: string; rt?: string }[] = [
  { role: "admin", areaCode: KUARO },
  { role: "enumerator", areaCode: LOLO },
  { role: "rt", areaCode: LOLO, rt: "003" },
  { role: "village_operator", areaCode: LOLO },
  { role: "kecamatan_officer", areaCode: KUARO },
  { role: "program_manager", areaCode: KUARO },
  { role: "coordinator", areaCode: KUARO },
  { role: "approver", areaCode: KUARO },
  { role: "bank_operator", areaCode: KUARO },
  { role: "auditor", areaCode: KUARO },
];

export type Side = "inside" | "outside-area" | "outside-agency";

export interface Fixture {
  /** The bank that pays agency A's and B's batches; the matrix's bank operator works for it. */
  bank: string;
  agencyA: string;
  agencyB: string;
  programA: string;
  programB: string;
  periodA: string;
  /** A second period of program A: outside persons are not yet enrolled in it. */
  periodA2: string;
  periodB: string;
  persons: Record<PlaceName, string>;
  names: Record<PlaceName, string>;
  households: Record<PlaceName, string>;
  businesses: Record<PlaceName, string>;
  /** Enrollments in period A (agency A). */
  enrollments: Record<PlaceName, string>;
  /** The inside person's enrollment in period B (agency B). */
  enrollmentB: string;
  users: Record<PlaceName, string>;
  tokens: Record<PlaceName, string>;
  /** The seq of each person's person.create audit entry. */
  createSeq: Record<PlaceName, number>;
}

export interface MatrixUser {
  role: Role;
  scope: AreaScope;
  agencyId: string | null;
  session: Session;
}

/** Where a listed item lives: an area (null = regency-wide) and/or an agency. */
export interface Whereabouts {
  area?: Place | null;
  agencyId?: string | null;
}

export interface Probe {
  method: string;
  url: string;
  payload?: object;
  /** object: one record (outside → 403/404); create: a new record (outside → 403/404); list: items checked one by one. */
  kind: "object" | "create" | "list";
  items?: (body: unknown) => unknown[];
  whereIs?: (item: never) => Promise<Whereabouts>;
  /** Inside: what must be among the items. */
  mustInclude?: (items: unknown[]) => boolean;
}

export interface ProbeContext {
  side: Side;
  place: PlaceName;
  user: MatrixUser;
  salur: Salur;
  fx: Fixture;
  setup: Caller;
  next(): number;
}

export type AccessProbes = Record<string, (c: ProbeContext) => Promise<Probe>>;

/**
 * A parameter that names a record of its own (a household id, a typed NIK or KK), probed for every role allowed
 * its action: outside the caller's area the answer may neither succeed nor carry the record's id (issue 12).
 */
export interface ParameterProbe {
  method: string;
  url: string;
  payload?: object;
  /** The id of the record a typed number finds, which no answer outside may carry. */
  secret?: string;
  /** Inside, the request succeeds (2xx); otherwise it is a refusal that may name the record (a duplicate). */
  insideSucceeds: boolean;
  /** Inside, the answer names the record (so the probe would see a leak outside). */
  insideNames?: boolean;
  /** Outside, a successful answer must also say nothing (e.g. no duplicates listed). */
  silentOutside?: (body: unknown) => boolean;
}

export type ParameterProbes = Record<
  string,
  { action: Action; probe: (c: ProbeContext) => Promise<ParameterProbe> }
>;

export function sidesOf(scope: ObjectScope, user: MatrixUser): Side[] {
  const bound = user.role === "program_manager";
  switch (scope) {
    case "area":
      return ["inside", "outside-area"];
    case "agency":
      return bound ? ["inside", "outside-agency"] : ["inside"];
    case "area+agency":
      return bound ? ["inside", "outside-area", "outside-agency"] : ["inside", "outside-area"];
    default:
      return ["inside"];
  }
}

export function inScope(user: MatrixUser, where: Whereabouts): boolean {
  if (where.area === null && user.scope.level !== "regency") return false;
  if (where.area && !areaContains(user.scope, where.area)) return false;
  if (user.role === "program_manager" && where.agencyId && where.agencyId !== user.agencyId) return false;
  return true;
}

// Lookups probes use to place listed items -------------------------------------------------------------------

export async function versionOf(salur: Salur, table: string, id: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(
    salur.database.db,
    sql`select version from ${sql.raw(table)} where id = ${id}`,
  );
  return Number(row?.version);
}

export async function personArea(salur: Salur, personId: string): Promise<Place> {
  const [row] = await queryRows<{ village_code: string; rt: string | null }>(
    salur.database.db,
    sql`select village_code, rt from persons where id = ${personId}`,
  );
  return { code: row?.village_code ?? "?", rt: row?.rt ?? null };
}

export async function programAgency(salur: Salur, programId: string): Promise<string | null> {
  const [row] = await queryRows<{ agency_id: string }>(
    salur.database.db,
    sql`select agency_id from programs where id = ${programId}`,
  );
  return row?.agency_id ?? null;
}

export async function userArea(salur: Salur, userId: string): Promise<Place> {
  const [row] = await queryRows<{ area_code: string; area_rt: string | null }>(
    salur.database.db,
    sql`select area_code, area_rt from users where id = ${userId}`,
  );
  return { code: row?.area_code ?? "?", rt: row?.area_rt ?? null };
}

export async function freshPerson(c: ProbeContext, place: PlaceName = "inside"): Promise<string> {
  const where = PLACES[place];
  const { person } = await registry.registerPerson(c.salur.registry, c.setup, {
    name: `Matrix Baru ${c.next()}`,
    sex: "L",
    villageCode: where.code,
    rt: where.rt,
  });
  return person.id;
}

/** A KK number of the place's kecamatan, unique per call (registered 2 Feb 2020). */
export function freshKk(place: PlaceName, serial: number): string {
  return `${PLACES[place].code.replace(/\./g, "").slice(0, 6)}020220${String(serial).padStart(4, "0")}`;
}

export async function createFixture(salur: Salur, caller: Caller, next: () => number): Promise<Fixture> {
  const reg = salur.registry;
  const agencyA = (await registry.createAgency(reg, caller, { code: "mx-a", name: "Dinas A" })).id;
  const agencyB = (await registry.createAgency(reg, caller, { code: "mx-b", name: "Dinas B" })).id;
  const bank = (await registry.createAgency(reg, caller, { code: "mx-bank", name: "Bank Penyalur" })).id;
  const program = (agencyId: string, code: string) =>
    registry.createProgram(reg, caller, {
      agencyId,
      code,
      name: code,
      kind: "cash",
      target: "person",
      amountPerRecipient: 100_000,
      budget: 100_000_000,
      quota: 100,
    });
  const programA = (await program(agencyA, "mx-prog-a")).id;
  const programB = (await program(agencyB, "mx-prog-b")).id;
  const period = (programId: string, name: string) =>
    registry.createPeriod(reg, caller, {
      programId,
      name,
      startsOn: "2026-01-01",
      endsOn: "2026-06-30",
      status: "open",
    });
  const periodA = (await period(programA, "A1")).id;
  const periodA2 = (await period(programA, "A2")).id;
  const periodB = (await period(programB, "B1")).id;

  const names: Record<PlaceName, string> = {
    inside: "Matrix Dalam",
    rt004: "Matrix Tetangga RT",
    sandeley: "Matrix Sandeley",
    janju: "Matrix Janju",
  };
  const byPlace = async <T>(make: (place: PlaceName) => Promise<T>) => {
    const out = {} as Record<PlaceName, T>;
    for (const place of ["inside", ...OUTSIDE_PLACES] as PlaceName[]) out[place] = await make(place);
    return out;
  };
  const households = await byPlace(
    async (place) =>
      (
        await registry.registerHousehold(reg, caller, {
          kk: freshKk(place, next()),
          villageCode: PLACES[place].code,
          rt: PLACES[place].rt,
        })
      ).id,
  );
  const persons = await byPlace(
    async (place) =>
      (
        await registry.registerPerson(reg, caller, {
          name: names[place],
          sex: "P",
          villageCode: PLACES[place].code,
          rt: PLACES[place].rt,
          householdId: households[place],
        })
      ).person.id,
  );
  const businesses = await byPlace(
    async (place) =>
      (
        await registry.registerBusiness(reg, caller, {
          ownerId: persons[place],
          name: `Usaha ${place}`,
          sector: "food",
          villageCode: PLACES[place].code,
        })
      ).id,
  );
  const enrollments = await byPlace(
    async (place) =>
      (await registry.enrollPerson(reg, caller, { personId: persons[place], periodId: periodA })).id,
  );
  const enrollmentB = (
    await registry.enrollPerson(reg, caller, { personId: persons.inside, periodId: periodB })
  ).id;
  const users = await byPlace(async (place) => {
    const role: Role = place === "inside" || place === "rt004" ? "rt" : "enumerator";
    return (
      await createTestUser(salur, {
        role,
        areaCode: PLACES[place].code,
        rt: role === "rt" ? PLACES[place].rt : null,
      })
    ).id;
  });
  const tokens = await byPlace(
    async (place) =>
      (
        await createToken(salur.access, caller, {
          userId: users[place],
          name: `token ${place}`,
          scopes: ["person.read"],
          expiresInDays: 30,
        })
      ).id,
  );
  const createSeq = await byPlace(async (place) => {
    const [row] = await queryRows<{ seq: number }>(
      salur.database.db,
      sql`select seq from audit_entries where action = 'person.create' and entity_id = ${persons[place]}`,
    );
    return Number(row?.seq);
  });
  await salur.database.db.transaction((tx) =>
    salur.audit.checkpoint(tx, {
      event: "matrix fixture",
      actor: { id: null, name: "setup", role: "system", area: null },
    }),
  );
  return {
    bank,
    agencyA,
    agencyB,
    programA,
    programB,
    periodA,
    periodA2,
    periodB,
    persons,
    names,
    households,
    businesses,
    enrollments,
    enrollmentB,
    users,
    tokens,
    createSeq,
  };
}
