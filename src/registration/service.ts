import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import {
  type Actor,
  assertWritableArea,
  auditActor,
  type Caller,
  sees,
  seesAgency,
} from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { performDuty } from "../access/maker-checker.ts";
import { snapshotRecord } from "../audit/entry.ts";
import type { Executor } from "../db/index.ts";
import * as documentStore from "../documents/store.ts";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import type { Language, MessageParams } from "../i18n/index.ts";
import { type DuplicateCandidate, registrationDuplicates } from "../matching/candidates.ts";
import { validateKk, validateNik } from "../nik/index.ts";
import {
  disclosureFor,
  districtOf,
  nameSearchKey,
  normalizePhone,
  type PersonRow,
  preparePerson,
  toPersonView,
} from "../registry/persons.ts";
import { type PersonUpdate, type PersonView, personFields } from "../registry/schemas.ts";
import {
  duplicateOutsideArea,
  type Registry,
  registerBusinessIn,
  registerPersonIn,
  updatePersonIn,
} from "../registry/service.ts";
import * as registryStore from "../registry/store.ts";
import type { EligibilityResult } from "../workflow/eligibility.ts";
import { applyTransition, evaluateApplication, policyFor } from "../workflow/service.ts";
import * as workflowStore from "../workflow/store.ts";
import type { RegistrationCheck, Submission } from "./schemas.ts";
import * as store from "./store.ts";

type Translate = (code: string, params?: MessageParams, language?: Language) => string;

/** A submission that met a change made on the server meanwhile: both versions go back to the device. */
export class RegistrationConflict extends DomainError {
  constructor(
    readonly submissionId: string,
    readonly detail: {
      kind: "person_changed" | "person_exists" | "already_enrolled";
      personId: string;
      server: PersonView;
      submitted: Record<string, unknown>;
      fields: string[];
      enrollmentId: string | null;
    },
  ) {
    super("REGISTRATION_CONFLICT", { kind: detail.kind }, 409);
  }
}

export interface AppliedRegistration {
  submissionId: string;
  replayed: boolean;
  personId: string;
  enrollmentId: string;
  applicationStatus: string;
  version: number;
  submitted: boolean;
  blocked: { code: string; params: MessageParams } | null;
  eligibility: EligibilityResult | null;
  warnings: { code: string; params: MessageParams }[];
}

export function payloadHash(submission: Submission): string {
  return createHash("sha256")
    .update(canonicalize(submission) ?? "")
    .digest("hex");
}

const commit = (registry: Registry) => (field: string, value: string) =>
  registry.env.vault.commitment(field, value);

function inputFromView(view: PersonView): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(personFields).map((key) => [
      key,
      key === "villageCode" ? view.village.code : view[key as keyof PersonView],
    ]),
  );
}

/** Fields the device sent that differ from the server's record, as the form would show them side by side. */
function differingFields(server: PersonView, submitted: Record<string, unknown>): string[] {
  const current = inputFromView(server);
  return Object.entries(submitted)
    .filter(([key, value]) => value !== undefined && key in current)
    .filter(([key, value]) => {
      const have = current[key] ?? null;
      // The server's NIK/KK/phone are masked for the device: a masked value cannot be compared.
      if (typeof have === "string" && have.includes("*")) return false;
      // A caller without the identity right sees the birth year only: compare what they can see.
      if (key === "birthDate" && have === null && server.birthYear !== null)
        return typeof value === "string" && Number(value.slice(0, 4)) !== server.birthYear;
      return canonicalize(have) !== canonicalize(value ?? null);
    })
    .map(([key]) => key);
}

/**
 * The groups a presenter's submissions fall into: the blind index of their NIK, else of their phone, else their
 * name. The NIK and phone themselves are sealed; the key reveals neither.
 */
function presenterIdentity(registry: Registry, presenter: NonNullable<Submission["presenter"]>) {
  const { vault } = registry.env;
  let nik: string | null = null;
  if (presenter.nik) {
    const checked = validateNik(presenter.nik, {
      regions: registry.env.regions,
      today: registry.env.today(),
    });
    if (checked.errors.length > 0 || !checked.nik) {
      throw new ValidationFailed(
        checked.errors.map((e) => ({ field: "presenter.nik", code: e.code, params: e.params })),
      );
    }
    nik = checked.nik;
  }
  const phone = presenter.phone ? normalizePhone(presenter.phone) : null;
  const key = nik
    ? `nik:${Buffer.from(vault.blindIndex("nik", nik)).toString("hex")}`
    : phone
      ? `phone:${Buffer.from(vault.blindIndex("phone", phone)).toString("hex")}`
      : `name:${nameSearchKey(presenter.name)}`;
  return {
    presenterName: presenter.name.replace(/\s+/g, " "),
    presenterRelation: presenter.relation,
    presenterNikCipher: nik ? vault.seal("nik", nik) : null,
    presenterPhoneCipher: phone ? vault.seal("phone", phone) : null,
    presenterKey: key,
  };
}

function replayOf(submissionId: string, result: Record<string, unknown>): AppliedRegistration {
  return { ...(result as unknown as AppliedRegistration), submissionId, replayed: true };
}

/**
 * Applies a field submission exactly once. The device names it with an id it generated when the form was
 * filled in; the same id again (a retry after a lost reply) answers what the first one did and writes nothing;
 * the same id with other data is refused. Person, business, application, staged photos, the registration
 * record and the submission for verification commit together or not at all. A change made on the server
 * meanwhile (the person edited, the NIK registered by someone else, the person already enrolled) is not
 * overwritten: the submission is kept as a conflict and both versions are returned.
 */
export async function applySubmission(
  registry: Registry,
  caller: Caller,
  submissionId: string,
  submission: Submission,
): Promise<AppliedRegistration> {
  const { actor } = caller;
  if (!actor.userId) throw new DomainError("AUTH_REQUIRED", {}, 401);
  const officerId = actor.userId;
  const hash = payloadHash(submission);
  const presenter =
    submission.appearedInPerson || !submission.presenter
      ? null
      : presenterIdentity(registry, submission.presenter);
  try {
    return await registry.db.transaction(async (tx) => {
      await store.lockSubmission(tx, submissionId);
      const earlier = await store.getRegistration(tx, submissionId);
      if (earlier?.status === "applied") {
        if (earlier.payloadHash !== hash)
          throw new DomainError("SUBMISSION_ID_REUSED", { submissionId }, 409);
        return replayOf(submissionId, earlier.result ?? {});
      }
      const period = await registryStore.getPeriod(tx, submission.periodId);
      const program = period ? await registryStore.getProgram(tx, period.programId) : null;
      if (!period || !program || !seesAgency(actor, program.agencyId)) {
        throw new DomainError("PERIOD_NOT_FOUND", { id: submission.periodId }, 404);
      }
      const { person, warnings } = await resolveApplicant(registry, tx, caller, submissionId, submission);
      const already = await store.enrollmentOf(tx, person.id, period.id);
      if (already) {
        const server = toPersonView(person, registry.env, disclosureFor(actor));
        throw new RegistrationConflict(submissionId, {
          kind: "already_enrolled",
          personId: person.id,
          server,
          submitted: submittedPerson(submission),
          fields: [],
          enrollmentId: already.id,
        });
      }
      const place = { code: person.villageCode, rt: person.rt };
      let businessId: string | null = null;
      if (submission.business) {
        const business = await registerBusinessIn(registry, tx, caller, {
          ownerId: person.id,
          name: submission.business.name,
          sector: submission.business.sector,
          licenseNumber: submission.business.licenseNumber ?? null,
          address: submission.business.address ?? null,
          villageCode: person.villageCode,
        });
        businessId = business.id;
      }
      const enrollment = await registryStore.insertEnrollment(tx, {
        personId: person.id,
        programId: program.id,
        periodId: period.id,
        businessId,
        villageCode: person.villageCode,
        districtCode: person.districtCode,
      });
      await performDuty(tx, { duty: "register", entity: "enrollment", entityId: enrollment.id, actor });
      const attached = await documentStore.attachStaged(tx, submissionId, officerId, enrollment.id);
      const attachedKinds = new Set(attached.map((d) => d.kind));
      const missing = submission.documents.filter((k) => !attachedKinds.has(k));
      if (missing.length > 0) {
        throw new ValidationFailed([
          { field: "documents", code: "STAGED_DOCUMENT_MISSING", params: { kinds: missing.join(", ") } },
        ]);
      }
      await registry.audit.append(tx, {
        actor: auditActor(actor),
        action: "enrollment.create",
        entity: "enrollment",
        entityId: enrollment.id,
        area: placeKey(place),
        after: snapshotRecord(
          {
            personId: person.id,
            programId: program.id,
            periodId: period.id,
            businessId,
            status: enrollment.status,
            submissionId,
            capturedAt: submission.capturedAt,
            appearedInPerson: submission.appearedInPerson,
            presenterName: presenter?.presenterName ?? null,
            presenterRelation: presenter?.presenterRelation ?? null,
            documents: attached.map((d) => ({ kind: d.kind, sha256: d.sha256 })),
          },
          new Set(),
          commit(registry),
        ),
        requestId: caller.requestId,
      });

      let status: string = enrollment.status;
      let version = enrollment.version;
      let blocked: AppliedRegistration["blocked"] = null;
      let eligibility: EligibilityResult | null = null;
      const app = await workflowStore.loadApplication(tx, enrollment.id);
      if (!app) throw new Error("application vanished inside its own transaction");
      if (submission.submit) {
        try {
          // A savepoint: a refused submission leaves the registration applied as a draft, with the reason.
          const outcome = await tx.transaction((sp) =>
            applyTransition(registry, sp, caller, app, { action: "submit", version }),
          );
          status = outcome.status;
          version = outcome.version;
          eligibility = outcome.eligibility;
        } catch (error) {
          if (!(error instanceof DomainError) || error.status >= 500) throw error;
          blocked = { code: error.code, params: error.params };
        }
      }
      eligibility ??= await evaluateApplication(registry, tx, app, await policyFor(tx, app));
      const result: AppliedRegistration = {
        submissionId,
        replayed: false,
        personId: person.id,
        enrollmentId: enrollment.id,
        applicationStatus: status,
        version,
        submitted: status === "submitted",
        blocked,
        eligibility,
        warnings,
      };
      await store.saveApplied(tx, {
        submissionId,
        payloadHash: hash,
        officerId,
        capturedAt: new Date(submission.capturedAt),
        periodId: period.id,
        personId: person.id,
        enrollmentId: enrollment.id,
        villageCode: person.villageCode,
        districtCode: person.districtCode,
        rt: person.rt,
        appearedInPerson: submission.appearedInPerson,
        presenterName: presenter?.presenterName ?? null,
        presenterRelation: presenter?.presenterRelation ?? null,
        presenterNikCipher: presenter?.presenterNikCipher ?? null,
        presenterPhoneCipher: presenter?.presenterPhoneCipher ?? null,
        presenterKey: presenter?.presenterKey ?? null,
        result: result as unknown as Record<string, unknown>,
      });
      return result;
    });
  } catch (error) {
    if (error instanceof RegistrationConflict)
      await recordConflict(registry, caller, submission, hash, error);
    throw await duplicateOutsideArea(registry, caller, error);
  }
}

function submittedPerson(submission: Submission): Record<string, unknown> {
  const { applicant } = submission;
  return applicant.kind === "new"
    ? { ...applicant.person }
    : { ...(applicant.changes ?? {}), baseVersion: applicant.version };
}

/** The conflict is kept (never applied) so it is not lost if the device is; a retry after resolution replaces it. */
async function recordConflict(
  registry: Registry,
  caller: Caller,
  submission: Submission,
  hash: string,
  conflict: RegistrationConflict,
) {
  const { actor } = caller;
  if (!actor.userId) return;
  const officerId = actor.userId;
  const server = conflict.detail.server;
  await registry.db.transaction(async (tx) => {
    await store.lockSubmission(tx, conflict.submissionId);
    const saved = await store.saveConflict(tx, {
      submissionId: conflict.submissionId,
      payloadHash: hash,
      officerId,
      capturedAt: new Date(submission.capturedAt),
      periodId: submission.periodId,
      personId: conflict.detail.personId,
      villageCode: server.village.code,
      districtCode: districtOf(server.village.code),
      rt: server.rt,
      appearedInPerson: submission.appearedInPerson,
      conflict: {
        kind: conflict.detail.kind,
        personId: conflict.detail.personId,
        serverVersion: server.version,
        baseVersion: submission.applicant.kind === "existing" ? submission.applicant.version : null,
        fields: conflict.detail.fields,
        enrollmentId: conflict.detail.enrollmentId,
      },
    });
    if (!saved) return;
    await registry.audit.append(tx, {
      actor: auditActor(actor),
      action: "registration.conflict",
      entity: "registration",
      entityId: conflict.submissionId,
      area: placeKey({ code: server.village.code, rt: server.rt }),
      after: {
        kind: conflict.detail.kind,
        personId: conflict.detail.personId,
        serverVersion: server.version,
        fields: conflict.detail.fields,
      },
      requestId: caller.requestId,
    });
  });
}

/** Creates the new person, or checks and updates the existing one against the version the device had. */
async function resolveApplicant(
  registry: Registry,
  tx: Executor,
  caller: Caller,
  submissionId: string,
  submission: Submission,
): Promise<{ person: PersonRow; warnings: AppliedRegistration["warnings"] }> {
  const { actor } = caller;
  const { applicant } = submission;
  if (applicant.kind === "new") {
    const data = applicant.person;
    assertWritableArea(actor, { code: data.villageCode, rt: data.rt ?? null });
    const prepared = preparePerson(data, registry.env);
    if (prepared.values.nikIndex) {
      const existingId = await registryStore.findPersonIdByNikIndex(tx, prepared.values.nikIndex);
      const existing = existingId ? await registryStore.getPerson(tx, existingId) : null;
      // Someone else's resident: the refusal names nothing (H1); applySubmission records the attempt.
      if (existing && !sees(actor, { code: existing.villageCode, rt: existing.rt })) {
        throw new DomainError("PERSON_NIK_EXISTS", { id: existing.id }, 409);
      }
      if (existing) {
        const server = toPersonView(existing, registry.env, disclosureFor(actor));
        throw new RegistrationConflict(submissionId, {
          kind: "person_exists",
          personId: existing.id,
          server,
          submitted: submittedPerson(submission),
          fields: differingFields(server, data),
          enrollmentId: null,
        });
      }
    }
    // The registry's own use case: every rule of a desk registration holds in the field too.
    const { row, warnings } = await registerPersonIn(registry, tx, caller, data);
    return { person: row, warnings };
  }

  const current = await registryStore.getPerson(tx, applicant.personId);
  if (!current || !sees(actor, { code: current.villageCode, rt: current.rt })) {
    throw new DomainError("PERSON_NOT_FOUND", { id: applicant.personId }, 404);
  }
  if (current.version !== applicant.version) {
    const server = toPersonView(current, registry.env, disclosureFor(actor));
    throw new RegistrationConflict(submissionId, {
      kind: "person_changed",
      personId: current.id,
      server,
      submitted: submittedPerson(submission),
      fields: differingFields(server, applicant.changes ?? {}),
      enrollmentId: null,
    });
  }
  const changes = Object.fromEntries(
    Object.entries(applicant.changes ?? {}).filter(([, v]) => v !== undefined),
  );
  if (Object.keys(changes).length === 0) return { person: current, warnings: [] };
  // The registry's own edit: the same checks, the reason and the lock from verification on, the duty and the
  // audit entry naming the enrollments it touched, offline or not.
  const { row, warnings } = await updatePersonIn(
    registry,
    tx,
    caller,
    current.id,
    { ...(changes as PersonUpdate), version: current.version, reason: applicant.reason },
    { reasonField: "applicant.reason" },
  );
  return { person: row, warnings };
}

export function conflictBody(
  conflict: RegistrationConflict,
  translate: Translate,
  language: Language,
  requestId: string,
) {
  return {
    code: "REGISTRATION_CONFLICT" as const,
    message: translate("REGISTRATION_CONFLICT", { kind: conflict.detail.kind }, language),
    requestId,
    submissionId: conflict.submissionId,
    conflict: {
      kind: conflict.detail.kind,
      personId: conflict.detail.personId,
      server: conflict.detail.server as unknown as Record<string, unknown>,
      submitted: conflict.detail.submitted,
      fields: conflict.detail.fields,
      enrollmentId: conflict.detail.enrollmentId,
    },
  };
}

// Live checks while typing -------------------------------------------------------------------------------

/**
 * What the form shows while the enumerator types: the NIK and KK explained, and existing persons that may be
 * the same applicant (same NIK, same KK, or same name and birth date), within the officer's area only.
 */
export async function checkRegistration(registry: Registry, caller: Caller, input: RegistrationCheck) {
  const { env } = registry;
  const nik = input.nik
    ? validateNik(input.nik, {
        regions: env.regions,
        today: env.today(),
        record: {
          sex: input.sex ?? undefined,
          birthDate: input.birthDate ?? undefined,
          kk: input.kk ?? undefined,
        },
      })
    : null;
  const kk = input.kk
    ? validateKk(input.kk, {
        regions: env.regions,
        today: env.today(),
        record: { nik: nik?.nik ?? undefined },
      })
    : null;
  const candidates = await registrationDuplicates(registry, input);
  return {
    nik: nik && {
      valid: nik.valid,
      errors: nik.errors,
      warnings: nik.warnings,
      decoded: nik.decoded ?? null,
    },
    kk: kk && { valid: kk.valid, errors: kk.errors, warnings: kk.warnings },
    // Outside the caller's area nothing is said, not even that a match exists: a typed NIK must not be an
    // oracle for who is registered (and in what status) in another desa (issue 12, L1).
    duplicates: candidates
      .filter((c) => sees(caller.actor, { code: c.villageCode, rt: c.rt }))
      .map((c) => duplicateView(registry, caller.actor, c)),
  };
}

function duplicateView(registry: Registry, actor: Actor, c: DuplicateCandidate) {
  const inArea = sees(actor, { code: c.villageCode, rt: c.rt });
  const district = registry.env.regions.get(c.districtCode)?.name ?? c.districtCode;
  if (!inArea)
    return {
      match: c.match,
      probability: c.probability,
      inYourArea: false,
      personId: null,
      name: null,
      village: null,
      district,
      rt: null,
      enrolledInPeriod: c.enrolledStatus,
    };
  return {
    match: c.match,
    probability: c.probability,
    inYourArea: true,
    personId: c.personId,
    name: c.name,
    village: { code: c.villageCode, name: registry.env.regions.get(c.villageCode)?.name ?? c.villageCode },
    district,
    rt: c.rt,
    enrolledInPeriod: c.enrolledStatus,
  };
}

// Reports ------------------------------------------------------------------------------------------------

/**
 * Seed 000: proxies brought papers for many applicants. Presenters who handed in papers for at least
 * `minApplicants` different applicants in the caller's area, with who registered them; and photos used for
 * more than one application.
 */
export async function presenterReport(
  registry: Registry,
  caller: Caller,
  query: { periodId?: string | undefined; minApplicants: number },
) {
  const scope = store.registrationScope(caller.actor);
  const groups = await store.presenterGroups(registry.db, scope, query);
  const officers = await store.officerSummary(registry.db, scope, query);
  const reused = await store.reusedPhotos(registry.db, caller.actor, query.periodId);
  return { presenters: groups, officers, reusedPhotos: reused };
}

export async function listSubmissions(
  registry: Registry,
  caller: Caller,
  query: {
    status?: "applied" | "conflict" | undefined;
    mine?: boolean | undefined;
    page: number;
    pageSize: number;
  },
) {
  return store.searchRegistrations(registry.db, store.registrationScope(caller.actor), {
    ...query,
    officerId: query.mine ? caller.actor.userId : null,
  });
}

export function translateResult(result: AppliedRegistration, translate: Translate, language: Language) {
  const withMessage = (m: { code: string; params: MessageParams }) => ({
    code: m.code,
    message: translate(m.code, m.params, language),
    params: m.params,
  });
  return {
    ...result,
    blocked: result.blocked ? withMessage(result.blocked) : null,
    warnings: result.warnings.map(withMessage),
    eligibility: result.eligibility && translateEligibility(result.eligibility, translate, language),
  };
}

export function translateEligibility(result: EligibilityResult, translate: Translate, language: Language) {
  return {
    ...result,
    results: result.results.map((r) => ({ ...r, message: translate(r.code, r.params, language) })),
  };
}
