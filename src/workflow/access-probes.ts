import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Caller } from "../access/actor.ts";
import {
  type AccessProbes,
  PLACES,
  type PlaceName,
  type ProbeContext,
  personArea,
  programAgency,
} from "../access/matrix.ts";
import type { Role } from "../access/roles.ts";
import * as accessStore from "../access/store.ts";
import { actorOf } from "../access/user-views.ts";
import { queryRows } from "../db/index.ts";
import { documentCipher } from "../documents/sealing.ts";
import * as documentStore from "../documents/store.ts";
import { CANVAS_JPEG } from "../documents/test-images.ts";
import { applySubmission } from "../registration/service.ts";
import { createPeriod, enrollPerson, registerPerson } from "../registry/service.ts";
import type { EnrollmentStatus, WorkflowAction } from "./engine.ts";
import { programPolicy } from "./service.ts";

/**
 * Access-matrix probes of the workflow, documents and registration routes. A transition probe gives each role
 * an application in a status where that role has a step to take (a registrar withdraws a draft, the approver
 * approves a published one, the bank records a payment), inside the caller's area or just outside it.
 */
const FORWARD: EnrollmentStatus[] = [
  "draft",
  "submitted",
  "verified",
  "validated",
  "selected",
  "published",
  "approved",
];

const STEP_OF: Partial<Record<Role, { status: EnrollmentStatus; action: WorkflowAction; reason?: string }>> =
  {
    approver: { status: "published", action: "approve" },
    bank_operator: { status: "approved", action: "record_payment" },
  };
const stepOf = (role: Role) =>
  STEP_OF[role] ?? { status: "draft" as const, action: "withdraw" as const, reason: "Pemohon membatalkan" };

/** Where the probed record lives: the caller's inside place, the nearest place outside, or another agency. */
function target(c: ProbeContext): { place: PlaceName; agency: "A" | "B" } {
  return {
    place: c.side === "outside-area" ? c.place : "inside",
    agency: c.side === "outside-agency" ? "B" : "A",
  };
}

/**
 * Fresh applications go into periods of their own (A2, and a second period of B made here): an application
 * published or approved in period A or B would freeze those periods for the ranking probes.
 */
const secondPeriodOfB = new WeakMap<object, Promise<string>>();
function periodFor(c: ProbeContext, agency: "A" | "B"): Promise<string> {
  if (agency === "A") return Promise.resolve(c.fx.periodA2);
  let period = secondPeriodOfB.get(c.fx);
  if (!period) {
    period = createPeriod(c.salur.registry, c.setup, {
      programId: c.fx.programB,
      name: "Matrix alur B2",
      startsOn: "2026-07-01",
      endsOn: "2026-12-31",
      status: "open",
    }).then((p) => p.id);
    secondPeriodOfB.set(c.fx, period);
  }
  return period;
}

/** A fresh application, moved along the legal edges (the database guard allows nothing else) to `status`. */
async function freshApplication(
  c: ProbeContext,
  status: EnrollmentStatus = "draft",
): Promise<{ id: string; version: number }> {
  const { place, agency } = target(c);
  const where = PLACES[place];
  const { person } = await registerPerson(c.salur.registry, c.setup, {
    name: `Matrix Alur ${c.next()}`,
    sex: "P",
    villageCode: where.code,
    rt: where.rt,
  });
  const enrollment = await enrollPerson(c.salur.registry, c.setup, {
    personId: person.id,
    periodId: await periodFor(c, agency),
  });
  const steps = FORWARD.slice(1, FORWARD.indexOf(status) + 1);
  for (const next of steps) {
    await c.salur.database.db.execute(
      sql`update enrollments set status = ${next}, version = version + 1 where id = ${enrollment.id}`,
    );
  }
  return { id: enrollment.id, version: enrollment.version + steps.length };
}

function transitionBody(c: ProbeContext, version: number) {
  const step = stepOf(c.user.role);
  return { action: step.action, version, ...(step.reason ? { reason: step.reason } : {}) };
}

async function enrollmentArea(c: ProbeContext, id: string) {
  const [row] = await queryRows<{ person_id: string; program_id: string }>(
    c.salur.database.db,
    sql`select person_id, program_id from enrollments where id = ${id}`,
  );
  return {
    area: await personArea(c.salur, row?.person_id ?? ""),
    agencyId: await programAgency(c.salur, row?.program_id ?? ""),
  };
}

/** A document of an application at the probed place, stored directly (the upload itself is probed separately). */
async function documentAt(c: ProbeContext): Promise<string> {
  const { id } = await freshApplication(c);
  const sha256 = createHash("sha256").update(CANVAS_JPEG).digest("hex");
  const sealed = documentCipher(c.salur.vault).seal(CANVAS_JPEG, sha256);
  await documentStore.insertContent(c.salur.database.db, {
    sha256,
    mediaType: "image/jpeg",
    size: CANVAS_JPEG.length,
    sealed,
  });
  const row = await documentStore.insertDocument(c.salur.database.db, {
    enrollmentId: id,
    submissionId: null,
    kind: "ktp",
    sha256,
    originalSha256: sha256,
    mediaType: "image/jpeg",
    size: CANVAS_JPEG.length,
    removedMetadata: [],
    uploadedBy: c.fx.users.inside,
  });
  return row.id;
}

/** The RT head of the inside place, as a caller: the registrar whose field submissions the lists must show. */
async function insideRegistrar(c: ProbeContext): Promise<Caller> {
  const row = await accessStore.getUser(c.salur.database.db, c.fx.users.inside);
  if (!row) throw new Error("matrix user missing");
  return { actor: actorOf(row), requestId: null };
}

function submissionBody(c: ProbeContext, place: PlaceName, presenter = false) {
  return {
    capturedAt: "2026-11-24T08:00:00+08:00",
    periodId: c.fx.periodA,
    applicant: {
      kind: "new",
      person: {
        name: `Matrix Lapangan ${c.next()}`,
        sex: "L",
        villageCode: PLACES[place].code,
        rt: PLACES[place].rt,
      },
    },
    appearedInPerson: !presenter,
    ...(presenter
      ? { presenter: { name: "Matrix Pembawa", phone: "0812-0000-1111", relation: "neighbour" } }
      : {}),
    documents: [],
    submit: false,
  };
}

async function insideSubmission(c: ProbeContext, presenter = false): Promise<string> {
  const id = randomUUID();
  await applySubmission(
    c.salur.registry,
    await insideRegistrar(c),
    id,
    submissionBody(c, "inside", presenter) as never,
  );
  return id;
}

const applicationOf = (c: ProbeContext) =>
  c.side === "outside-agency" ? c.fx.enrollmentB : c.fx.enrollments[c.place];

export const ACCESS_PROBES: AccessProbes = {
  "GET /api/enrollments/:id/workflow": async (c) => ({
    method: "GET",
    url: `/api/enrollments/${applicationOf(c)}/workflow`,
    kind: "object",
  }),
  "GET /api/enrollments/:id/eligibility": async (c) => ({
    method: "GET",
    url: `/api/enrollments/${applicationOf(c)}/eligibility`,
    kind: "object",
  }),
  "GET /api/enrollments/:id/documents": async (c) => ({
    method: "GET",
    url: `/api/enrollments/${applicationOf(c)}/documents`,
    kind: "object",
  }),
  "POST /api/enrollments/:id/transitions": async (c) => {
    const app = await freshApplication(c, stepOf(c.user.role).status);
    return {
      method: "POST",
      url: `/api/enrollments/${app.id}/transitions`,
      payload: transitionBody(c, app.version),
      kind: "object",
    };
  },
  "POST /api/workflow/transitions": async (c) => {
    const app = await freshApplication(c, stepOf(c.user.role).status);
    const { reason, ...rest } = transitionBody(c, app.version) as {
      action: string;
      version: number;
      reason?: string;
    };
    return {
      method: "POST",
      url: "/api/workflow/transitions",
      payload: {
        action: rest.action,
        items: [{ id: app.id, version: rest.version }],
        ...(reason ? { reason } : {}),
      },
      kind: "list",
      // Only an applied decision counts as reaching the record; a refused one is listed with its error.
      items: (body) => (body as { results: { id: string; ok: boolean }[] }).results.filter((r) => r.ok),
      whereIs: async (item: { id: string }) => enrollmentArea(c, item.id),
      mustInclude: (items) => items.some((i) => (i as { id: string }).id === app.id),
    };
  },
  // The bank's queue holds only the decreed applications it pays (none in the fixture): it asks for those.
  "GET /api/workflow/queue": async (c) => ({
    method: "GET",
    url: `/api/workflow/queue?status=${c.user.role === "bank_operator" ? "approved" : "draft"}&pageSize=200${c.side === "outside-agency" ? `&programId=${c.fx.programB}` : ""}`,
    kind: "list",
    items: (body) => (body as { items: unknown[] }).items,
    whereIs: async (item: { villageCode: string; rt: string | null; programId: string }) => ({
      area: { code: item.villageCode, rt: item.rt },
      agencyId: await programAgency(c.salur, item.programId),
    }),
    mustInclude: (items) =>
      c.user.role === "bank_operator" ||
      items.some((i) => (i as { id: string }).id === c.fx.enrollments.inside),
  }),
  "POST /api/enrollments/:id/documents/:kind": async (c) => {
    const app = await freshApplication(c);
    return {
      method: "POST",
      url: `/api/enrollments/${app.id}/documents/ktp`,
      payload: Buffer.from(CANVAS_JPEG),
      kind: "create",
    };
  },
  "GET /api/documents/:id/content": async (c) => ({
    method: "GET",
    url: `/api/documents/${await documentAt(c)}/content`,
    kind: "object",
  }),
  "GET /api/programs/:id/policy": async (c) => ({
    method: "GET",
    url: `/api/programs/${c.side === "outside-agency" ? c.fx.programB : c.fx.programA}/policy`,
    kind: "object",
  }),
  "PUT /api/programs/:id/policy": async (c) => {
    const programId = c.side === "outside-agency" ? c.fx.programB : c.fx.programA;
    const { version } = await programPolicy(c.salur.registry, c.setup, programId);
    return {
      method: "PUT",
      url: `/api/programs/${programId}/policy`,
      payload: { version, requiredDocuments: ["ktp", "kk"], rules: [{ rule: "min_age", years: 17 }] },
      kind: "object",
    };
  },
  "PUT /api/registrations/:submissionId": async (c) => ({
    method: "PUT",
    url: `/api/registrations/${randomUUID()}`,
    payload: submissionBody(c, target(c).place),
    kind: "create",
  }),
  "GET /api/registrations": async (c) => {
    const id = await insideSubmission(c);
    return {
      method: "GET",
      url: "/api/registrations?pageSize=200",
      kind: "list",
      items: (body) => (body as { items: unknown[] }).items,
      whereIs: async (item: { villageCode: string; rt: string | null }) => ({
        area: { code: item.villageCode, rt: item.rt },
      }),
      mustInclude: (items) => items.some((i) => (i as { submissionId: string }).submissionId === id),
    };
  },
  "GET /api/registrations/report": async (c) => {
    await insideSubmission(c, true);
    return {
      method: "GET",
      url: "/api/registrations/report?minApplicants=1",
      kind: "list",
      items: (body) =>
        (body as { presenters: { registrations: unknown[] }[] }).presenters.flatMap((p) => p.registrations),
      whereIs: async (item: { villageCode: string; rt: string | null }) => ({
        area: { code: item.villageCode, rt: item.rt },
      }),
      mustInclude: (items) => items.length > 0,
    };
  },
};
