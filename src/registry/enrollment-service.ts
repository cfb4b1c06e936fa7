import { and, eq, inArray, type SQL } from "drizzle-orm";
import { type Actor, agencyBound, auditActor, type Caller, seesAgency } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { areaCondition } from "../access/area-sql.ts";
import { performDuty } from "../access/maker-checker.ts";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import { personPlace, type Registry, type Tx, visiblePerson } from "./registry.ts";
import { enrollments, persons, programs } from "./schema.ts";
import type { EnrollmentInput, EnrollmentSearch } from "./schemas.ts";
import * as store from "./store.ts";

/** Enrollments the actor may see: of persons in their area (RT via the person) and, if agency-bound, their agency's. */
export function enrollmentScope(registry: Registry, actor: Actor): SQL | undefined {
  const { area } = actor;
  const areaWhere =
    area.level === "rt"
      ? and(
          eq(enrollments.villageCode, area.code),
          inArray(
            enrollments.personId,
            registry.db
              .select({ id: persons.id })
              .from(persons)
              .where(and(eq(persons.villageCode, area.code), eq(persons.rt, area.rt ?? ""))),
          ),
        )
      : areaCondition(area, { village: enrollments.villageCode });
  const bound = agencyBound(actor);
  const agencyWhere = bound
    ? inArray(
        enrollments.programId,
        registry.db.select({ id: programs.id }).from(programs).where(eq(programs.agencyId, bound)),
      )
    : undefined;
  return and(areaWhere, agencyWhere);
}

export async function searchEnrollments(registry: Registry, caller: Caller, search: EnrollmentSearch) {
  const { rows, total } = await store.searchEnrollments(
    registry.db,
    search,
    enrollmentScope(registry, caller.actor),
  );
  return { items: rows, total, page: search.page, pageSize: search.pageSize };
}

/** An enrollment takes its desa from the person so area-scoped queues need no join. */
export async function enrollPersonIn(registry: Registry, tx: Tx, caller: Caller, input: EnrollmentInput) {
  const person = await visiblePerson(tx, caller.actor, input.personId);
  const period = await store.getPeriod(tx, input.periodId);
  const program = period ? await store.getProgram(tx, period.programId) : null;
  if (!period || !program || !seesAgency(caller.actor, program.agencyId)) {
    throw new DomainError("PERIOD_NOT_FOUND", { id: input.periodId }, 404);
  }
  if (input.businessId) {
    const business = await store.getBusiness(tx, input.businessId);
    if (!business || business.ownerId !== person.id) {
      throw new ValidationFailed([
        { field: "businessId", code: "BUSINESS_NOT_OWNED", params: { id: input.businessId } },
      ]);
    }
  }
  const row = await store.insertEnrollment(tx, {
    personId: person.id,
    programId: period.programId,
    periodId: period.id,
    businessId: input.businessId ?? null,
    villageCode: person.villageCode,
    districtCode: person.districtCode,
  });
  await performDuty(tx, { duty: "register", entity: "enrollment", entityId: row.id, actor: caller.actor });
  await registry.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "enrollment.create",
    entity: "enrollment",
    entityId: row.id,
    area: placeKey(personPlace(person)),
    after: {
      personId: row.personId,
      programId: row.programId,
      periodId: row.periodId,
      businessId: row.businessId,
      status: row.status,
    },
    requestId: caller.requestId,
  });
  const { rows } = await store.searchEnrollments(tx, { personId: person.id, page: 1, pageSize: 200 });
  const view = rows.find((r) => r.id === row.id);
  if (!view) throw new Error("enrollment vanished inside its own transaction");
  return view;
}
