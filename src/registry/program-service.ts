import { agencyBound, auditActor, type Caller, seesAgency } from "../access/actor.ts";
import { snapshotRecord } from "../audit/entry.ts";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import { auditEdit, editable } from "./edits.ts";
import { commitmentOf, type Registry, stripUndefined, type Tx } from "./registry.ts";
import { periods, programs } from "./schema.ts";
import type { PeriodInput, PeriodUpdate, ProgramInput, ProgramUpdate } from "./schemas.ts";
import { programBudgetCovers } from "./schemas.ts";
import * as store from "./store.ts";

// Agencies, programs and their periods: the frame every enrollment hangs in.

export async function listAgencies(registry: Registry) {
  return (await store.listAgencies(registry.db)).map(({ id, code, name }) => ({ id, code, name }));
}

export async function createAgencyIn(
  registry: Registry,
  tx: Tx,
  caller: Caller,
  input: { code: string; name: string },
) {
  const row = await store.insertAgency(tx, input);
  await registry.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "agency.create",
    entity: "agency",
    entityId: row.id,
    area: null,
    after: { code: row.code, name: row.name },
    requestId: caller.requestId,
  });
  return { id: row.id, code: row.code, name: row.name };
}

function programView(row: store.ProgramRow) {
  const { createdAt: _c, updatedAt: _u, ...view } = row;
  return view;
}

export async function listPrograms(registry: Registry, caller: Caller, agencyId?: string) {
  const bound = agencyBound(caller.actor);
  if (bound && agencyId && agencyId !== bound) return [];
  return (await store.listPrograms(registry.db, bound ?? agencyId)).map(programView);
}

export async function createProgramIn(registry: Registry, tx: Tx, caller: Caller, input: ProgramInput) {
  // Another agency's id answers as an unknown agency: a program manager cannot tell it exists.
  if (!seesAgency(caller.actor, input.agencyId))
    throw new DomainError("AGENCY_NOT_FOUND", { id: input.agencyId }, 404);
  const row = await store.insertProgram(tx, { ...input, description: input.description ?? null });
  const view = programView(row);
  const { id: _id, version: _version, ...fields } = view;
  await registry.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "program.create",
    entity: "program",
    entityId: row.id,
    area: null,
    after: snapshotRecord(fields, new Set(), commitmentOf(registry)),
    requestId: caller.requestId,
  });
  return view;
}

/** Quota, amount and budget are checked together after the edit: changing one may break the other two. */
export async function updateProgramIn(
  registry: Registry,
  tx: Tx,
  caller: Caller,
  id: string,
  patch: ProgramUpdate,
) {
  const { version, reason, ...changes } = patch;
  const current = await store.getProgram(tx, id);
  if (!current || !seesAgency(caller.actor, current.agencyId))
    throw new DomainError("PROGRAM_NOT_FOUND", { id }, 404);
  const merged = { ...current, ...stripUndefined(changes) };
  if (!programBudgetCovers(merged)) {
    throw new ValidationFailed([{ field: "budget", code: "PROGRAM_BUDGET_BELOW_QUOTA" }]);
  }
  const row = await store.updateVersioned(tx, programs, "PROGRAM", id, version, stripUndefined(changes));
  await auditEdit(registry, tx, caller, {
    entity: "program",
    id,
    area: null,
    before: editable(programView(current)),
    after: editable(programView(row)),
    reason,
  });
  return programView(row);
}

function periodView(row: store.PeriodRow) {
  const { createdAt: _c, updatedAt: _u, ...view } = row;
  return view;
}

export async function listPeriods(registry: Registry, caller: Caller, programId?: string) {
  return (await store.listPeriods(registry.db, programId, agencyBound(caller.actor) ?? undefined)).map(
    periodView,
  );
}

export async function createPeriodIn(registry: Registry, tx: Tx, caller: Caller, input: PeriodInput) {
  const program = await store.getProgram(tx, input.programId);
  if (!program || !seesAgency(caller.actor, program.agencyId)) {
    throw new DomainError("PROGRAM_NOT_FOUND", { id: input.programId }, 404);
  }
  const row = await store.insertPeriod(tx, input);
  const view = periodView(row);
  const { id: _id, version: _version, ...fields } = view;
  await registry.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "period.create",
    entity: "period",
    entityId: row.id,
    area: null,
    after: snapshotRecord(fields, new Set(), commitmentOf(registry)),
    requestId: caller.requestId,
  });
  return view;
}

export async function updatePeriodIn(
  registry: Registry,
  tx: Tx,
  caller: Caller,
  id: string,
  patch: PeriodUpdate,
) {
  const { version, reason, ...changes } = patch;
  const current = await store.getPeriod(tx, id);
  const program = current ? await store.getProgram(tx, current.programId) : null;
  if (!current || !program || !seesAgency(caller.actor, program.agencyId)) {
    throw new DomainError("PERIOD_NOT_FOUND", { id }, 404);
  }
  const merged = { ...current, ...stripUndefined(changes) };
  if (merged.startsOn > merged.endsOn) {
    throw new ValidationFailed([{ field: "endsOn", code: "PERIOD_ENDS_BEFORE_START" }]);
  }
  const row = await store.updateVersioned(tx, periods, "PERIOD", id, version, stripUndefined(changes));
  await auditEdit(registry, tx, caller, {
    entity: "period",
    id,
    area: null,
    before: editable(periodView(current)),
    after: editable(periodView(row)),
    reason,
  });
  return periodView(row);
}
