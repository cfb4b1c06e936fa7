import { type Actor, auditActor, type Caller, sees, seesAgency } from "../access/actor.ts";
import { type Place, placeKey } from "../access/area.ts";
import type { Duty } from "../access/duties.ts";
import { performDuties, performDuty } from "../access/maker-checker.ts";
import type { AuditDraft, JsonObject } from "../audit/entry.ts";
import { type HistoryItem, historyItem } from "../audit/history.ts";
import { contentOf } from "../audit/log.ts";
import { entriesOf } from "../audit/store.ts";
import type { Executor } from "../db/index.ts";
import * as documentStore from "../documents/store.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Registry } from "../registry/service.ts";
import * as registryStore from "../registry/store.ts";
import { type EligibilityResult, evaluateEligibility } from "./eligibility.ts";
import {
  availableActions,
  CLAIMING_STATUSES,
  decide,
  type EnrollmentStatus,
  REFUSAL_STATUS,
  TRANSITIONS,
  type Transition,
  transitionFor,
  type WorkflowAction,
} from "./engine.ts";
import { defaultPolicy, type ProgramPolicy } from "./policy.ts";
import * as store from "./store.ts";

/** The workflow runs on the registry's database, keys and audit log. */
export type Workflow = Registry;

export interface TransitionInput {
  action: WorkflowAction;
  /** The version of the application the officer decided on: a concurrent decision answers 409. */
  version: number;
  reasonCode?: string | null | undefined;
  reason?: string | null | undefined;
}

export function applicationPlace(app: Pick<store.ApplicationRow, "villageCode" | "rt">): Place {
  return { code: app.villageCode, rt: app.rt };
}

export const applicationNotFound = (id: string) => new DomainError("ENROLLMENT_NOT_FOUND", { id }, 404);

/** An application outside the caller's area or agency does not exist for them (404), as any record. */
export function visibleTo(actor: Actor, app: store.ApplicationRow): boolean {
  return sees(actor, applicationPlace(app)) && seesAgency(actor, app.agencyId);
}

async function visibleApplication(db: Executor, actor: Actor, id: string): Promise<store.ApplicationRow> {
  const app = await store.loadApplication(db, id);
  if (!app || !visibleTo(actor, app)) throw applicationNotFound(id);
  return app;
}

function versionConflict(
  expected: number,
  current: { version: number; status: EnrollmentStatus } | null,
  id: string,
) {
  if (!current) return applicationNotFound(id);
  return new DomainError(
    "ENROLLMENT_VERSION_CONFLICT",
    { expected, actual: current.version, status: current.status },
    409,
  );
}

export async function policyFor(
  db: Executor,
  app: Pick<store.ApplicationRow, "programId" | "programTarget">,
): Promise<ProgramPolicy> {
  const row = await store.policyRow(db, app.programId);
  return row
    ? { requiredDocuments: row.requiredDocuments, rules: row.rules }
    : defaultPolicy(app.programTarget);
}

export async function evaluateApplication(
  workflow: Workflow,
  db: Executor,
  app: store.ApplicationRow,
  policy: ProgramPolicy,
): Promise<EligibilityResult> {
  return evaluateWithFacts(workflow, app, policy, await store.eligibilityFacts(db, app));
}

export function evaluateWithFacts(
  workflow: Workflow,
  app: store.ApplicationRow,
  policy: ProgramPolicy,
  facts: Awaited<ReturnType<typeof store.eligibilityFacts>>,
): EligibilityResult {
  return evaluateEligibility(policy.rules, {
    asOf: workflow.env.today(),
    regencyCode: workflow.env.regencyCode,
    person: {
      birthDate: app.birthDate,
      employment: app.employment,
      villageCode: app.villageCode,
      hasKk: facts.hasKk,
    },
    businessCount: facts.businessCount,
    civilRegistry: facts.civilRegistry,
    householdClaims: facts.householdClaims,
    overlappingClaims: facts.overlappingClaims,
  });
}

/**
 * Eligibility of every application of a period in `statuses` (validated, by default): what the selection run
 * checks before it marks anyone selected, so that "evaluated again before selection" holds in bulk too.
 */
export async function evaluatePeriod(
  workflow: Workflow,
  db: Executor,
  periodId: string,
  statuses: readonly EnrollmentStatus[] = ["validated"],
): Promise<Map<string, EligibilityResult>> {
  const rows = await store.periodEligibilityFacts(db, periodId, statuses);
  const first = rows[0]?.application;
  const out = new Map<string, EligibilityResult>();
  if (!first) return out;
  const policy = await policyFor(db, first);
  for (const { application, facts } of rows)
    out.set(application.id, evaluateWithFacts(workflow, application, policy, facts));
  return out;
}

export interface TransitionOutcome {
  id: string;
  action: WorkflowAction;
  from: EnrollmentStatus;
  status: EnrollmentStatus;
  version: number;
  statusChangedAt: string;
  eligibility: EligibilityResult | null;
}

/**
 * Moves one application inside the caller's transaction: engine decision (role, area, documents, reason,
 * eligibility), the optimistic status update, the maker-checker duty and the audit entry — all or nothing.
 */
export async function applyTransition(
  workflow: Workflow,
  tx: Executor,
  caller: Caller,
  app: store.ApplicationRow,
  input: TransitionInput,
): Promise<TransitionOutcome> {
  const { actor } = caller;
  if (app.version !== input.version) throw versionConflict(input.version, app, app.id);
  const candidate = transitionFor(input.action, app.status);
  const policy = candidate?.documents || candidate?.eligibility ? await policyFor(tx, app) : null;
  let eligibility: EligibilityResult | null = null;
  if (candidate?.eligibility && policy) {
    await store.lockClaims(tx, app);
    eligibility = await evaluateApplication(workflow, tx, app, policy);
  }
  const documentsPresent = candidate?.documents
    ? ((await documentStore.currentKindsOf(tx, [app.id])).get(app.id) ?? [])
    : [];
  const decision = decide({
    action: input.action,
    from: app.status,
    actor,
    place: applicationPlace(app),
    requiredDocuments: policy?.requiredDocuments ?? [],
    documentsPresent,
    reasonCode: input.reasonCode ?? null,
    reason: input.reason ?? null,
    eligibility,
  });
  if (!decision.ok) throw new DomainError(decision.code, decision.params, REFUSAL_STATUS[decision.code]);
  const t = decision.transition;
  const updated = await store.updateStatus(tx, app.id, { version: app.version, status: app.status }, t.to);
  if (!updated) throw versionConflict(input.version, await store.currentState(tx, app.id), app.id);
  if (t.duty) await performDuty(tx, { duty: t.duty, entity: "enrollment", entityId: app.id, actor });
  await workflow.audit.append(tx, transitionAudit(caller, app, input, t, updated.version, eligibility));
  return {
    id: app.id,
    action: input.action,
    from: app.status,
    status: updated.status,
    version: updated.version,
    statusChangedAt: updated.statusChangedAt.toISOString(),
    eligibility,
  };
}

/** The audit entry of one transition: what changed, the coded reason, the eligibility verdict, the text reason. */
function transitionAudit(
  caller: Caller,
  app: store.ApplicationState,
  input: Pick<TransitionInput, "action" | "reasonCode" | "reason">,
  t: Transition,
  version: number,
  eligibility: EligibilityResult | null,
): AuditDraft {
  const after: JsonObject = { status: t.to, version };
  if (t.reason.kind === "coded" && input.reasonCode) after.reasonCode = input.reasonCode;
  if (eligibility)
    after.eligibility = { eligible: eligibility.eligible, failedRules: eligibility.failedRules };
  return {
    actor: auditActor(caller.actor),
    action: `enrollment.${input.action}`,
    entity: "enrollment",
    entityId: app.id,
    area: placeKey(applicationPlace(app)),
    before: { status: app.status, version: app.version },
    after,
    reason: t.reason.kind === "none" ? null : (input.reason?.trim() ?? null),
    requestId: caller.requestId,
  };
}

export async function transitionApplication(
  workflow: Workflow,
  caller: Caller,
  id: string,
  input: TransitionInput,
): Promise<TransitionOutcome> {
  return workflow.db.transaction(async (tx) => {
    const app = await visibleApplication(tx, caller.actor, id);
    return applyTransition(workflow, tx, caller, app, input);
  });
}

export interface BatchTransitionInput {
  action: WorkflowAction;
  /** Each application with the version the caller decided on. */
  items: readonly { id: string; version: number }[];
  reasonCode?: string | null | undefined;
  reason?: string | null | undefined;
}

const CLAIMS = new Set<EnrollmentStatus>(CLAIMING_STATUSES);

/**
 * Moves many applications by one action inside the caller's transaction, all or nothing: the same engine
 * decision per application as applyTransition (role, area, documents, reason, eligibility), one optimistic
 * status update for all, the maker-checker duties, and one audit entry per application in one append. The
 * first application, in the given order, that is stale or refused throws (its id in the params) and the
 * caller's transaction rolls back. An application the caller's agency cannot see answers 404, as one would.
 */
export async function applyTransitions(
  workflow: Workflow,
  tx: Executor,
  caller: Caller,
  input: BatchTransitionInput,
): Promise<TransitionOutcome[]> {
  const { actor } = caller;
  if (input.items.length === 0) return [];
  const ids = input.items.map((i) => i.id);
  // An action none of whose edges checks documents or eligibility is decided on status, version, place and
  // agency alone: its applications are read without the person's, program's and period's other columns (a
  // payment import moves 100,000 at once, and parsing the wide rows cost several times the query).
  const wide = TRANSITIONS.some((t) => t.action === input.action && (t.documents || t.eligibility));
  const apps: Map<string, store.ApplicationRow | store.ApplicationState> = wide
    ? await store.loadApplications(tx, ids)
    : await store.loadApplicationStates(tx, ids);
  const ordered = input.items.map((item) => {
    const app = apps.get(item.id);
    if (!app || !seesAgency(actor, app.agencyId)) throw applicationNotFound(item.id);
    return { item, app, candidate: transitionFor(input.action, app.status) };
  });
  // A transition that re-checks eligibility and also makes or ends a claim (submit) changes the facts of the
  // next application of the same KK: those are decided one after another, as they would be one at a time.
  if (ordered.some(({ candidate: c }) => c?.eligibility && CLAIMS.has(c.from) !== CLAIMS.has(c.to))) {
    const outcomes: TransitionOutcome[] = [];
    for (const { item, app } of ordered) {
      const transition = applyTransition(workflow, tx, caller, wideRow(app), {
        action: input.action,
        version: item.version,
        reasonCode: input.reasonCode,
        reason: input.reason,
      });
      outcomes.push(
        await transition.catch((error: unknown) => {
          throw error instanceof DomainError ? naming(error, app.id) : error;
        }),
      );
    }
    return outcomes;
  }

  const policies = new Map<string, ProgramPolicy>();
  for (const { app, candidate } of ordered) {
    if ((candidate?.documents || candidate?.eligibility) && !policies.has(app.programId))
      policies.set(app.programId, await policyFor(tx, wideRow(app)));
  }
  // Selection neither makes nor ends a claim, so the claims read here are those each one-at-a-time check would
  // read; no per-person claim locks are taken (thousands would overflow PostgreSQL's shared lock table).
  const needEligibility = ordered
    .filter(({ candidate }) => candidate?.eligibility)
    .map(({ app }) => wideRow(app));
  const eligibilityOf = new Map<string, EligibilityResult>();
  for (const { application, facts } of await store.eligibilityFactsOf(tx, needEligibility)) {
    const policy = policies.get(application.programId) as ProgramPolicy;
    eligibilityOf.set(application.id, evaluateWithFacts(workflow, application, policy, facts));
  }
  const needDocuments = ordered.filter(({ candidate }) => candidate?.documents).map(({ app }) => app.id);
  const documentsOf =
    needDocuments.length > 0 ? await documentStore.currentKindsOf(tx, needDocuments) : new Map();

  const seen = new Set<string>();
  const decided = ordered.map(({ item, app }) => {
    if (app.version !== item.version) throw naming(versionConflict(item.version, app, app.id), app.id);
    const policy = policies.get(app.programId);
    const eligibility = eligibilityOf.get(app.id) ?? null;
    const decision = decide({
      action: input.action,
      from: app.status,
      actor,
      place: applicationPlace(app),
      requiredDocuments: policy?.requiredDocuments ?? [],
      documentsPresent: documentsOf.get(app.id) ?? [],
      reasonCode: input.reasonCode ?? null,
      reason: input.reason ?? null,
      eligibility,
    });
    if (!decision.ok) {
      throw new DomainError(decision.code, { ...decision.params, id: app.id }, REFUSAL_STATUS[decision.code]);
    }
    // The same application twice: the second decision would meet the version the first one made.
    if (seen.has(app.id)) {
      throw new DomainError(
        "ENROLLMENT_VERSION_CONFLICT",
        { expected: item.version, actual: app.version + 1, status: decision.transition.to, id: app.id },
        409,
      );
    }
    seen.add(app.id);
    return { app, transition: decision.transition, eligibility };
  });

  const updated = await store.updateStatuses(
    tx,
    decided.map(({ app, transition }) => ({
      id: app.id,
      version: app.version,
      from: app.status,
      to: transition.to,
    })),
  );
  const stale = decided.find(({ app }) => !updated.has(app.id));
  if (stale) {
    const current = (await store.currentStates(tx, [stale.app.id])).get(stale.app.id) ?? null;
    throw naming(versionConflict(stale.app.version, current, stale.app.id), stale.app.id);
  }
  // Each row is locked by the update above until commit: that serialises duties on it (see performDuties).
  const byDuty = new Map<Duty, string[]>();
  for (const { app, transition } of decided) {
    if (!transition.duty) continue;
    const list = byDuty.get(transition.duty);
    if (list) list.push(app.id);
    else byDuty.set(transition.duty, [app.id]);
  }
  for (const [duty, entityIds] of byDuty)
    await performDuties(tx, { duty, entity: "enrollment", entityIds, actor });

  const outcomes: TransitionOutcome[] = [];
  const drafts: AuditDraft[] = [];
  for (const { app, transition: t, eligibility } of decided) {
    const row = updated.get(app.id) as NonNullable<ReturnType<typeof updated.get>>;
    drafts.push(transitionAudit(caller, app, input, t, row.version, eligibility));
    outcomes.push({
      id: app.id,
      action: input.action,
      from: app.status,
      status: row.status,
      version: row.version,
      statusChangedAt: row.statusChangedAt.toISOString(),
      eligibility,
    });
  }
  await workflow.audit.append(tx, drafts);
  return outcomes;
}

/** The full application row, which every action that checks documents or eligibility reads. */
function wideRow(app: store.ApplicationRow | store.ApplicationState): store.ApplicationRow {
  if (!("programTarget" in app))
    throw new Error("an eligibility or document check needs the full application");
  return app;
}

/** A batch's refusal names the application it concerns, beside the usual parameters. */
function naming(error: DomainError, id: string): DomainError {
  // Subclasses (ValidationFailed) carry more than code and params: left as they are.
  if (error.constructor !== DomainError) return error;
  return new DomainError(error.code, { ...error.params, id }, error.status);
}

export type BulkItemResult =
  | { id: string; ok: true; status: EnrollmentStatus; version: number }
  | {
      id: string;
      ok: false;
      code: string;
      params: Record<string, string | number | boolean | null | undefined>;
      status: number;
    };

/**
 * Bulk verify or reject from a queue: each application in its own transaction, so one conflict or refusal
 * does not undo the others, and each answer says what happened to that one.
 */
export async function bulkTransition(
  workflow: Workflow,
  caller: Caller,
  input: {
    action: WorkflowAction;
    items: readonly { id: string; version: number }[];
    reasonCode?: string | null;
    reason?: string | null;
  },
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  for (const item of input.items) {
    try {
      const outcome = await transitionApplication(workflow, caller, item.id, {
        action: input.action,
        version: item.version,
        reasonCode: input.reasonCode,
        reason: input.reason,
      });
      results.push({ id: item.id, ok: true, status: outcome.status, version: outcome.version });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ id: item.id, ok: false, code: error.code, params: error.params, status: error.status });
    }
  }
  return results;
}

// Reading ------------------------------------------------------------------------------------------------

export async function applicationHistory(workflow: Workflow, id: string): Promise<HistoryItem[]> {
  const rows = await entriesOf(workflow.db, [{ entity: "enrollment", ids: [id] }]);
  return rows.map((row) => historyItem(contentOf(row)));
}

export function applicationView(app: store.ApplicationRow) {
  return {
    id: app.id,
    personId: app.personId,
    personName: app.personName,
    programId: app.programId,
    programName: app.programName,
    agencyName: app.agencyName,
    periodId: app.periodId,
    periodName: app.periodName,
    businessId: app.businessId,
    status: app.status,
    villageCode: app.villageCode,
    districtCode: app.districtCode,
    rt: app.rt,
    statusChangedAt: app.statusChangedAt.toISOString(),
    version: app.version,
  };
}

function actionView(
  t: Transition,
  blocked: { code: string; params: Record<string, string | number> } | null,
) {
  return {
    action: t.action,
    to: t.to,
    reason: t.reason.kind,
    reasonCodes: t.reason.kind === "coded" ? [...t.reason.codes] : [],
    duty: t.duty,
    blocked,
  };
}

/**
 * An application as its officer sees it: the record, the document checklist, eligibility evaluated now, the
 * actions the caller is offered (each with what still blocks it), and its full history.
 */
export async function applicationWorkflow(workflow: Workflow, caller: Caller, id: string) {
  const app = await visibleApplication(workflow.db, caller.actor, id);
  const policy = await policyFor(workflow.db, app);
  const [documents, eligibility, history] = await Promise.all([
    documentStore.currentDocuments(workflow.db, app.id),
    evaluateApplication(workflow, workflow.db, app, policy),
    applicationHistory(workflow, app.id),
  ]);
  const present = documents.map((d) => d.kind);
  const actions = availableActions(app.status, caller.actor, applicationPlace(app)).map((t) => {
    const decision = decide({
      action: t.action,
      from: app.status,
      actor: caller.actor,
      place: applicationPlace(app),
      requiredDocuments: policy.requiredDocuments,
      documentsPresent: present,
      // Reasons are typed when the action is taken; only what the record itself lacks blocks it here.
      reasonCode: t.reason.kind === "coded" ? t.reason.codes[0] : null,
      reason: "-",
      eligibility,
    });
    return actionView(t, decision.ok ? null : { code: decision.code, params: decision.params });
  });
  return {
    application: applicationView(app),
    policy,
    documents: {
      required: policy.requiredDocuments,
      present: [...new Set(present)],
      missing: policy.requiredDocuments.filter((k) => !present.includes(k)),
      items: documents.map(documentView),
    },
    eligibility,
    actions,
    history,
  };
}

export function documentView(row: documentStore.DocumentRow) {
  return {
    id: row.id,
    kind: row.kind,
    sha256: row.sha256,
    originalSha256: row.originalSha256,
    mediaType: row.mediaType,
    size: row.size,
    removedMetadata: row.removedMetadata,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export async function applicationEligibility(
  workflow: Workflow,
  caller: Caller,
  id: string,
): Promise<EligibilityResult> {
  const app = await visibleApplication(workflow.db, caller.actor, id);
  return evaluateApplication(workflow, workflow.db, app, await policyFor(workflow.db, app));
}

// Program policies ---------------------------------------------------------------------------------------

async function visibleProgram(db: Executor, actor: Actor, id: string) {
  const program = await registryStore.getProgram(db, id);
  if (!program || !seesAgency(actor, program.agencyId))
    throw new DomainError("PROGRAM_NOT_FOUND", { id }, 404);
  return program;
}

export async function programPolicy(workflow: Workflow, caller: Caller, programId: string) {
  const program = await visibleProgram(workflow.db, caller.actor, programId);
  const row = await store.policyRow(workflow.db, program.id);
  const policy = row
    ? { requiredDocuments: row.requiredDocuments, rules: row.rules }
    : defaultPolicy(program.target);
  return { programId: program.id, ...policy, isDefault: !row, version: row?.version ?? 0 };
}

export async function saveProgramPolicy(
  workflow: Workflow,
  caller: Caller,
  programId: string,
  input: ProgramPolicy & { version: number },
) {
  return workflow.db.transaction(async (tx) => {
    const program = await visibleProgram(tx, caller.actor, programId);
    const before = await store.policyRow(tx, program.id);
    const row = await store.savePolicy(tx, program.id, input.version, input);
    const snapshot = (p: ProgramPolicy) => ({
      requiredDocuments: [...p.requiredDocuments],
      rules: p.rules as unknown as JsonObject[],
    });
    await workflow.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "program.policy_update",
      entity: "program",
      entityId: program.id,
      area: null,
      before: before ? snapshot(before) : null,
      after: snapshot(row),
      requestId: caller.requestId,
    });
    return {
      programId: program.id,
      requiredDocuments: row.requiredDocuments,
      rules: row.rules,
      isDefault: false,
      version: row.version,
    };
  });
}
