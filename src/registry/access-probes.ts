import { randomUUID } from "node:crypto";
import {
  freshKk,
  freshPerson,
  type ParameterProbes,
  PLACES,
  type PlaceName,
  type ProbeContext,
  versionOf,
} from "../access/matrix.ts";
import * as registry from "./service.ts";

/**
 * Access-matrix probes of parameters that name a record of their own (issue 12): a household id in a person's
 * record, a NIK or KK typed into a form. Inside, the record may be used or named; outside, the answer must
 * neither succeed nor carry the id of the record a typed number found (a household id the caller sent may be
 * echoed in the refusal: it tells them nothing new).
 */
const inside = PLACES.inside;

/** A NIK of the place's kecamatan for a woman born 1 January 1980, unique per call. */
function freshNik(place: PlaceName, serial: number): string {
  return `${PLACES[place].code.replace(/\./g, "").slice(0, 6)}410180${String(serial).padStart(4, "0")}`;
}

async function personWithNik(c: ProbeContext): Promise<{ id: string; nik: string }> {
  const nik = freshNik(c.place, c.next());
  const { person } = await registry.registerPerson(c.salur.registry, c.setup, {
    nik,
    name: `Matrix NIK ${c.next()}`,
    sex: "P",
    birthDate: "1980-01-01",
    villageCode: PLACES[c.place].code,
    rt: PLACES[c.place].rt,
  });
  return { id: person.id, nik };
}

const fieldSubmission = (c: ProbeContext, person: Record<string, unknown>) => ({
  capturedAt: "2026-01-15T09:00:00+08:00",
  periodId: c.fx.periodA2,
  applicant: {
    kind: "new",
    person: {
      name: `Matrix Lapangan ${c.next()}`,
      sex: "L",
      villageCode: inside.code,
      rt: inside.rt,
      ...person,
    },
  },
  appearedInPerson: true,
  documents: [],
  submit: false,
});

export const PARAMETER_PROBES: ParameterProbes = {
  "PATCH /api/persons/:id householdId": {
    action: "person.update",
    probe: async (c) => {
      const id = await freshPerson(c);
      return {
        method: "PATCH",
        url: `/api/persons/${id}`,
        payload: {
          version: await versionOf(c.salur, "persons", id),
          householdId: c.fx.households[c.place],
          reason: "Masuk KK",
        },
        insideSucceeds: true,
      };
    },
  },
  "POST /api/persons householdId": {
    action: "person.register",
    probe: async (c) => ({
      method: "POST",
      url: "/api/persons",
      payload: {
        name: `Matrix KK ${c.next()}`,
        sex: "P",
        villageCode: inside.code,
        rt: inside.rt,
        householdId: c.fx.households[c.place],
      },
      insideSucceeds: true,
    }),
  },
  "PUT /api/registrations/:submissionId householdId": {
    action: "registration.submit",
    probe: async (c) => ({
      method: "PUT",
      url: `/api/registrations/${randomUUID()}`,
      payload: fieldSubmission(c, { householdId: c.fx.households[c.place] }),
      insideSucceeds: true,
    }),
  },
  "PUT /api/registrations/:submissionId nik": {
    action: "registration.submit",
    probe: async (c) => {
      const victim = await personWithNik(c);
      return {
        method: "PUT",
        url: `/api/registrations/${randomUUID()}`,
        payload: fieldSubmission(c, { nik: victim.nik, sex: "P", birthDate: "1980-01-01" }),
        secret: victim.id,
        // Inside, the existing person comes back as a conflict to resolve: a refusal, but one that names them.
        insideSucceeds: false,
      };
    },
  },
  "POST /api/persons nik": {
    action: "person.register",
    probe: async (c) => {
      const victim = await personWithNik(c);
      return {
        method: "POST",
        url: "/api/persons",
        payload: { nik: victim.nik, name: "Matrix Tebak", sex: "P", villageCode: inside.code, rt: inside.rt },
        secret: victim.id,
        insideSucceeds: false,
      };
    },
  },
  "POST /api/households kk": {
    action: "household.register",
    probe: async (c) => {
      const kk = freshKk(c.place, c.next());
      const household = await registry.registerHousehold(c.salur.registry, c.setup, {
        kk,
        villageCode: PLACES[c.place].code,
        rt: PLACES[c.place].rt,
      });
      return {
        method: "POST",
        url: "/api/households",
        payload: { kk, villageCode: inside.code, rt: inside.rt },
        secret: household.id,
        insideSucceeds: false,
      };
    },
  },
  "POST /api/registrations/check nik": {
    action: "registration.submit",
    probe: async (c) => {
      const victim = await personWithNik(c);
      return {
        method: "POST",
        url: "/api/registrations/check",
        payload: { nik: victim.nik },
        secret: victim.id,
        insideSucceeds: true,
        insideNames: true,
        silentOutside: (body) => (body as { duplicates: unknown[] }).duplicates.length === 0,
      };
    },
  },
};
