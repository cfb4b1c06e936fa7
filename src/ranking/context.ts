/** What ranking's use cases receive, and the programs and periods a caller may see (404 otherwise). */
import { type Actor, seesAgency } from "../access/actor.ts";
import type { AuditLog } from "../audit/log.ts";
import type { Database, Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import * as registryStore from "../registry/store.ts";
import type { Salur } from "../runtime.ts";
import type { Workflow } from "../workflow/service.ts";

export interface Ranking {
  db: Database;
  audit: AuditLog;
  regions: { get(code: string): { code: string; name: string } | undefined };
  /** The enrollment workflow: eligibility before selection, and the select/deselect transitions. */
  workflow: Workflow;
}

export function rankingOf(salur: Pick<Salur, "database" | "audit" | "regions" | "registry">): Ranking {
  return { db: salur.database.db, audit: salur.audit, regions: salur.regions, workflow: salur.registry };
}

export async function visibleProgram(db: Executor, actor: Actor, programId: string) {
  const program = await registryStore.getProgram(db, programId);
  if (!program || !seesAgency(actor, program.agencyId)) {
    throw new DomainError("PROGRAM_NOT_FOUND", { id: programId }, 404);
  }
  return program;
}

export async function visiblePeriod(db: Executor, actor: Actor, periodId: string) {
  const period = await registryStore.getPeriod(db, periodId);
  const program = period ? await registryStore.getProgram(db, period.programId) : null;
  if (!period || !program || !seesAgency(actor, program.agencyId)) {
    throw new DomainError("PERIOD_NOT_FOUND", { id: periodId }, 404);
  }
  return { period, program };
}
