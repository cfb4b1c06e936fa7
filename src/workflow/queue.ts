import type { Caller } from "../access/actor.ts";
import { roleCan } from "../access/permissions.ts";
import type { DocumentKind } from "../documents/kinds.ts";
import * as documentStore from "../documents/store.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { nameSearchKey } from "../registry/persons.ts";
import { enrollmentScope } from "../registry/service.ts";
import type { EligibilityResult, OtherClaim } from "./eligibility.ts";
import { ENROLLMENT_STATUSES, type EnrollmentStatus, queueStatuses } from "./engine.ts";
import { defaultPolicy, type ProgramPolicy } from "./policy.ts";
import { applicationView, evaluateWithFacts, type Workflow } from "./service.ts";
import * as store from "./store.ts";

export interface QueueQuery {
  status?: EnrollmentStatus | undefined;
  villageCode?: string | undefined;
  districtCode?: string | undefined;
  periodId?: string | undefined;
  programId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** Another claim that may make this application a duplicate: a KK member in the same period, or another program. */
export interface DuplicateHint {
  kind: "same_household" | "other_program";
  enrollmentId: string;
  personName: string;
  programName: string;
  periodName: string;
  status: EnrollmentStatus;
}

function duplicateHints(facts: {
  householdClaims: readonly OtherClaim[];
  overlappingClaims: readonly OtherClaim[];
}) {
  const hint =
    (kind: DuplicateHint["kind"]) =>
    (c: OtherClaim): DuplicateHint => ({
      kind,
      enrollmentId: c.enrollmentId,
      personName: c.personName,
      programName: c.programName,
      periodName: c.periodName,
      status: c.status,
    });
  return [
    ...facts.householdClaims.map(hint("same_household")),
    ...facts.overlappingClaims.map(hint("other_program")),
  ];
}

/**
 * The statuses a caller's queue may show. A role that does not read the register (the bank) sees only the
 * applications it acts on, never the register's other stages.
 */
function statusesFor(caller: Caller, asked: EnrollmentStatus | undefined): EnrollmentStatus[] {
  const { role } = caller.actor;
  if (role === "system") return asked ? [asked] : [...ENROLLMENT_STATUSES];
  const own = queueStatuses(role);
  if (asked && !own.includes(asked) && !roleCan(role, "enrollment.read"))
    throw new DomainError("QUEUE_STATUS_FORBIDDEN", { status: asked }, 403);
  return asked ? [asked] : own;
}

/**
 * What is waiting in my area: the applications in the statuses the caller's role moves forward (or one
 * status asked for), oldest first, each with its document checklist, whether the applicant came in person,
 * its eligibility evaluated now (rule by rule) and the other claims that hint at a duplicate.
 */
export async function workQueue(workflow: Workflow, caller: Caller, query: QueueQuery) {
  const statuses = statusesFor(caller, query.status);
  const scope = enrollmentScope(workflow, caller.actor);
  const filter = { ...query, statuses, name: query.q ? nameSearchKey(query.q) : undefined };
  // The counts cover the role's whole queue even when one status is listed, so every tab shows its number.
  const counted =
    caller.actor.role === "system"
      ? statuses
      : [...new Set([...queueStatuses(caller.actor.role), ...statuses])];
  const [{ rows, total }, counts] = await Promise.all([
    store.queuePage(workflow.db, scope, filter),
    store.queueCounts(workflow.db, scope, { ...filter, statuses: counted }),
  ]);
  const ids = rows.map((r) => r.id);
  const [kinds, policyRows] = await Promise.all([
    documentStore.currentKindsOf(workflow.db, ids),
    store.policyRows(workflow.db, [...new Set(rows.map((r) => r.programId))]),
  ]);
  const policies = new Map<string, ProgramPolicy>(
    policyRows.map((p) => [p.programId, { requiredDocuments: p.requiredDocuments, rules: p.rules }]),
  );
  const policyOf = (row: store.ApplicationRow) =>
    policies.get(row.programId) ?? defaultPolicy(row.programTarget);
  const evaluated = new Map<string, { eligibility: EligibilityResult; duplicates: DuplicateHint[] }>();
  for (const { application, facts } of await store.eligibilityFactsOf(workflow.db, rows)) {
    evaluated.set(application.id, {
      eligibility: evaluateWithFacts(workflow, application, policyOf(application), facts),
      duplicates: duplicateHints(facts),
    });
  }
  return {
    counts: Object.fromEntries(counted.map((s) => [s, counts.get(s) ?? 0])),
    items: rows.map((r) => {
      const present = kinds.get(r.id) ?? [];
      const needed: readonly DocumentKind[] = policyOf(r).requiredDocuments;
      const checked = evaluated.get(r.id);
      return {
        ...applicationView(r),
        documents: [...new Set(present)],
        missingDocuments: needed.filter((k) => !present.includes(k)),
        appearedInPerson: r.appearedInPerson,
        eligibility: checked?.eligibility ?? null,
        duplicates: checked?.duplicates ?? [],
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
