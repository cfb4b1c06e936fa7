/**
 * Overlap detection over the registry: possible existing persons for a registration as it is typed, the review
 * queue a coordinator answers, and the overlap rules checked across agencies for the rapat koordinasi.
 */
import type { Writable } from "node:stream";
import { type Actor, agencyBound, auditActor, type Caller, sees } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { createTranslator, type Language } from "../i18n/index.ts";
import { createTableWriter, type TableFormat } from "../imports/table-writer.ts";
import { nameSearchKey, regionRef } from "../registry/persons.ts";
import type { Registry } from "../registry/service.ts";
import { comparePair } from "./comparison-vector.ts";
import { describeExplanation, explainPattern, type MatchDecision, type PairExplanation } from "./explain.ts";
import { linkRecords, type PairDecision } from "./link.ts";
import { MATCHING_MESSAGES } from "./messages.ts";
import { probabilityOf, weightOf } from "./model.ts";
import { findViolations, type OverlapRule, sameProgramRules, type Violation } from "./overlap.ts";
import {
  loadRegistryRecords,
  matchAgainstRegistry,
  REGISTRY_SOURCE,
  type RegistryCandidate,
  registryIndex,
} from "./registry-index.ts";
import type { OVERLAP_LEVELS, REVIEW_STATUSES } from "./schema.ts";
import * as store from "./store.ts";
import type { LinkageRecord } from "./types.ts";

const t = createTranslator(MATCHING_MESSAGES);

/** Person fields as typed in a form; all optional, raw. */
export interface CandidateQuery {
  nik?: string | null | undefined;
  kk?: string | null | undefined;
  name?: string | null | undefined;
  sex?: string | null | undefined;
  birthDate?: string | null | undefined;
  birthPlace?: string | null | undefined;
  address?: string | null | undefined;
  villageCode?: string | null | undefined;
  rt?: string | null | undefined;
  rw?: string | null | undefined;
  phone?: string | null | undefined;
  /** Enrollments are shown for periods overlapping this one (default: periods running today). */
  periodId?: string | null | undefined;
  /** Leave out this person (editing an existing record). */
  excludePersonId?: string | null | undefined;
}

function recordOf(query: CandidateQuery): Omit<LinkageRecord, "source" | "recordId"> {
  const { periodId: _p, excludePersonId: _e, ...fields } = query;
  return fields;
}

async function windowOf(registry: Registry, periodId: string | null | undefined) {
  if (periodId) {
    const period = await store.periodWindow(registry.db, periodId);
    if (!period) throw new DomainError("OVERLAP_PERIOD_NOT_FOUND", { id: periodId }, 404);
    return { from: period.from, to: period.to };
  }
  const today = registry.env.today();
  return { from: today, to: today };
}

export interface EnrollmentSummary {
  enrollmentId: string;
  agencyCode: string;
  programCode: string;
  programName: string;
  periodName: string;
  status: string;
}

/** What an agency-bound official may see of enrollments: their own agency's; the rest only counted. */
function enrollmentsFor(actor: Actor, rows: readonly store.EnrollmentInWindow[]) {
  const bound = agencyBound(actor);
  const visible = rows.filter((r) => bound === null || r.agencyId === bound);
  return {
    enrollments: visible.map(
      (r): EnrollmentSummary => ({
        enrollmentId: r.enrollmentId,
        agencyCode: r.agencyCode,
        programCode: r.programCode,
        programName: r.programName,
        periodName: r.periodName,
        status: r.status,
      }),
    ),
    otherAgencyEnrollments: rows.length - visible.length,
  };
}

/**
 * Registry persons who may be the person typed in the form, with their enrollments in the same period. Inside
 * the caller's area: who, how likely and why; outside it: only the kecamatan, the probability and a count of
 * enrollments — enough to ask the neighbouring officer, nothing to identify the person by.
 */
export async function findCandidates(
  registry: Registry,
  caller: Caller,
  query: CandidateQuery,
  language: Language = "id",
) {
  const window = await windowOf(registry, query.periodId);
  const found = await matchAgainstRegistry(registry, recordOf(query), {
    limit: 10,
    ...(query.excludePersonId ? { excludePersonId: query.excludePersonId } : {}),
  });
  const places = new Map(
    (
      await store.personPlaces(
        registry.db,
        found.map((c) => c.personId),
      )
    ).map((p) => [p.id, p]),
  );
  const present = found.filter((c) => places.has(c.personId));
  const enrollments = await store.enrollmentsInWindow(
    registry.db,
    window,
    present.map((c) => c.personId),
  );
  const inside = [];
  const outside = [];
  for (const candidate of present) {
    const place = places.get(candidate.personId) as store.PersonPlaceRow;
    const own = enrollments.filter((e) => e.personId === candidate.personId);
    const district = regionRef(place.districtCode, registry.env);
    if (!sees(caller.actor, { code: place.villageCode, rt: place.rt })) {
      outside.push({
        district,
        probability: candidate.probability,
        decision: candidate.decision,
        enrollmentsInPeriod: own.length,
      });
      continue;
    }
    inside.push({
      personId: candidate.personId,
      name: place.name,
      sex: place.sex,
      birthDate: place.birthDate,
      village: regionRef(place.villageCode, registry.env),
      district,
      rt: place.rt,
      probability: candidate.probability,
      weight: candidate.weight,
      decision: candidate.decision,
      levels: candidate.levels,
      explanation: describeExplanation(candidate.explanation, language),
      ...enrollmentsFor(caller.actor, own),
    });
  }
  return { window, candidates: inside, outsideArea: { count: outside.length, candidates: outside } };
}

export type DuplicateMatch = "nik" | "name_birthdate" | "probable" | "kk";

/**
 * How the registration form labels a candidate: the old exact rules first (the same NIK; the same name as typed
 * and birth date), then the model's judgment, then the same KK (the family is already registered).
 */
function duplicateMatch(candidate: RegistryCandidate, sameName: boolean): DuplicateMatch | null {
  if (candidate.levels.nik === "exact") return "nik";
  if (sameName && candidate.levels.birth_date === "exact") return "name_birthdate";
  if (candidate.decision !== "different") return "probable";
  if (candidate.levels.kk === "exact") return "kk";
  return null;
}

export interface DuplicateCandidate {
  match: DuplicateMatch;
  personId: string;
  probability: number;
  decision: MatchDecision;
  name: string;
  villageCode: string;
  districtCode: string;
  rt: string | null;
  /** The person's enrollment status in `query.periodId`, when one was given. */
  enrolledStatus: string | null;
}

/**
 * The duplicate warnings of the field registration form: registry persons that are the same NIK, the same name
 * and birth date, probably the same person by the model, or of the same KK (the family already registered).
 */
export async function registrationDuplicates(
  registry: Registry,
  query: CandidateQuery,
): Promise<DuplicateCandidate[]> {
  const found = await matchAgainstRegistry(registry, recordOf(query), { limit: 20, minProbability: 0 });
  const places = new Map(
    (
      await store.personPlaces(
        registry.db,
        found.map((c) => c.personId),
      )
    ).map((p) => [p.id, p]),
  );
  const typedName = query.name ? nameSearchKey(query.name) : null;
  const labelled = found.flatMap((candidate) => {
    const place = places.get(candidate.personId);
    const match = place && duplicateMatch(candidate, typedName === nameSearchKey(place.name));
    return match ? [{ candidate, match }] : [];
  });
  const ids = labelled.map((l) => l.candidate.personId);
  const enrolled = query.periodId
    ? await store.enrollmentStatusIn(registry.db, query.periodId, ids)
    : new Map<string, string>();
  return labelled.flatMap(({ candidate, match }) => {
    const place = places.get(candidate.personId);
    if (!place) return [];
    return [
      {
        match,
        personId: candidate.personId,
        probability: candidate.probability,
        decision: candidate.decision,
        name: place.name,
        villageCode: place.villageCode,
        districtCode: place.districtCode,
        rt: place.rt,
        enrolledStatus: enrolled.get(candidate.personId) ?? null,
      },
    ];
  });
}

// Review queue -------------------------------------------------------------------------------------------------

/** Linked pairs sampled for review, so that labels measure the precision of automatic links too. */
const LINK_SAMPLE_EVERY = 25;
const LINK_SAMPLE_MAX = 200;

function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

/** A stable pseudo-random choice per pair (FNV-1a of the ids): reruns sample the same pairs. */
function sampled(a: string, b: string): boolean {
  let h = 0x811c9dc5;
  for (const ch of `${a}|${b}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0) % LINK_SAMPLE_EVERY === 0;
}

async function pairDecisions(registry: Registry): Promise<PairDecision[]> {
  const decided = await store.decidedReviews(registry.db);
  return decided.map((d) => ({
    a: { source: REGISTRY_SOURCE, recordId: d.personA },
    b: { source: REGISTRY_SOURCE, recordId: d.personB },
    samePerson: d.status === "same_person",
  }));
}

/**
 * Links the whole registry (or the persons enrolled in one period's time) with the coordinators' decisions,
 * and puts the pairs between the two thresholds — plus a sample of linked pairs — in the review queue.
 */
export async function runReviewBatch(
  registry: Registry,
  caller: Caller,
  options: { periodId?: string | null | undefined } = {},
) {
  const model = (await registryIndex(registry)).index.model;
  let records = await loadRegistryRecords(registry);
  if (options.periodId) {
    const window = await windowOf(registry, options.periodId);
    const enrolled = new Set((await store.enrollmentsInWindow(registry.db, window)).map((e) => e.personId));
    records = records.filter((r) => enrolled.has(r.recordId));
  }
  const decisions = await pairDecisions(registry);
  const result = linkRecords(records, { model, decisions });
  const matchWeight = weightOf(model.matchThreshold);
  const reviewWeight = weightOf(model.reviewThreshold);
  const drafts: Omit<
    store.ReviewDraft,
    "runId" | "villageCode" | "districtCode" | "rt" | "villageCodeB" | "rtB"
  >[] = [];
  let linked = 0;
  let review = 0;
  let samples = 0;
  for (let k = 0; k < result.candidates.count; k++) {
    const weight = result.weights[k] as number;
    if (weight < reviewWeight) continue;
    const i = result.candidates.a[k] as number;
    const j = result.candidates.b[k] as number;
    const [personA, personB] = orderedPair(
      (result.table.records[i] as LinkageRecord).recordId,
      (result.table.records[j] as LinkageRecord).recordId,
    );
    const isLink = weight >= matchWeight;
    if (isLink) linked++;
    else review++;
    if (isLink && (samples >= LINK_SAMPLE_MAX || !sampled(personA, personB))) continue;
    if (isLink) samples++;
    const explanation = explainPattern(result.scorer, result.table, i, j, result.patterns[k] as number);
    drafts.push({
      personA,
      personB,
      kind: isLink ? "sample" : "review",
      probability: probabilityOf(weight),
      weight,
      explanation,
    });
  }
  const places = new Map(
    (await store.personPlaces(registry.db, [...new Set(drafts.flatMap((d) => [d.personA, d.personB]))])).map(
      (p) => [p.id, p],
    ),
  );
  return registry.db.transaction(async (tx) => {
    const run = await store.insertRun(tx, {
      persons: records.length,
      candidatePairs: result.candidates.count,
      linkedPairs: linked,
      reviewPairs: review,
      newReviewPairs: 0,
      clusters: result.clusterCount,
      decisionsApplied: decisions.length,
      matchThreshold: model.matchThreshold,
      reviewThreshold: model.reviewThreshold,
      createdBy: auditActor(caller.actor).name,
    });
    const complete = drafts.flatMap((d) => {
      const a = places.get(d.personA);
      const b = places.get(d.personB);
      if (!a || !b) return [];
      return [
        {
          ...d,
          runId: run.id,
          villageCode: a.villageCode,
          districtCode: a.districtCode,
          rt: a.rt,
          villageCodeB: b.villageCode,
          rtB: b.rt,
        },
      ];
    });
    const inserted = await store.insertReviews(tx, complete);
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "match.run",
      entity: "match_run",
      entityId: run.id,
      area: null,
      after: {
        persons: records.length,
        linkedPairs: linked,
        reviewPairs: review,
        newReviewPairs: inserted,
        decisionsApplied: decisions.length,
        periodId: options.periodId ?? null,
      },
      requestId: caller.requestId,
    });
    return { ...run, newReviewPairs: inserted, periodId: options.periodId ?? null };
  });
}

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

function personBrief(registry: Registry, place: store.PersonPlaceRow | undefined, id: string) {
  return {
    personId: id,
    name: place?.name ?? null,
    sex: place?.sex ?? null,
    birthDate: place?.birthDate ?? null,
    village: place ? regionRef(place.villageCode, registry.env) : null,
    rt: place?.rt ?? null,
  };
}

function reviewView(
  registry: Registry,
  row: store.ReviewRow,
  places: Map<string, store.PersonPlaceRow>,
  language: Language,
) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    probability: row.probability,
    weight: row.weight,
    villageCode: row.villageCode,
    rt: row.rt,
    villageCodeB: row.villageCodeB,
    rtB: row.rtB,
    personA: personBrief(registry, places.get(row.personA), row.personA),
    personB: personBrief(registry, places.get(row.personB), row.personB),
    levels: Object.fromEntries(row.explanation.fields.map((f) => [f.field, f.level])),
    explanation: describeExplanation(row.explanation, language),
    reason: row.reason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

export async function listReviews(
  registry: Registry,
  caller: Caller,
  query: { status?: ReviewStatus | undefined; page: number; pageSize: number },
  language: Language = "id",
) {
  const { rows, total } = await store.listReviews(registry.db, caller.actor.area, query);
  const places = new Map(
    (
      await store.personPlaces(
        registry.db,
        rows.flatMap((r) => [r.personA, r.personB]),
      )
    ).map((p) => [p.id, p]),
  );
  return {
    items: rows.map((row) => reviewView(registry, row, places, language)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * A coordinator's answer on a pair: remembered (the pair is never asked again), audit-logged in the same
 * transaction, and used as a label and as a link decision by every later run.
 */
export async function decideReview(
  registry: Registry,
  caller: Caller,
  id: string,
  input: { samePerson: boolean; reason: string },
  language: Language = "id",
) {
  return registry.db.transaction(async (tx) => {
    const row = await store.lockReview(tx, id);
    const visible =
      row &&
      sees(caller.actor, { code: row.villageCode, rt: row.rt }) &&
      sees(caller.actor, { code: row.villageCodeB, rt: row.rtB });
    if (!row || !visible) throw new DomainError("MATCH_REVIEW_NOT_FOUND", { id }, 404);
    if (row.status !== "open") throw new DomainError("MATCH_REVIEW_DECIDED", { status: row.status }, 409);
    const actor = auditActor(caller.actor);
    const status = input.samePerson ? "same_person" : "different_people";
    const decided = await store.recordDecision(tx, id, {
      status,
      reason: input.reason,
      decidedBy: actor.name,
      decidedAt: new Date(),
    });
    await registry.audit.append(tx, {
      actor,
      action: "match.decide",
      entity: "match_review",
      entityId: id,
      area: placeKey({ code: row.villageCode, rt: row.rt }),
      before: { status: "open" },
      after: { status, personA: row.personA, personB: row.personB, probability: row.probability },
      reason: input.reason,
      requestId: caller.requestId,
    });
    const places = new Map((await store.personPlaces(tx, [row.personA, row.personB])).map((p) => [p.id, p]));
    return reviewView(registry, decided, places, language);
  });
}

/** Thresholds at which the labels are read; the model's own match threshold is added. */
const QUALITY_THRESHOLDS = [0.5, 0.7, 0.8, 0.9, 0.95, 0.99];

/**
 * Precision and recall of "link at probability ≥ t" measured on the coordinators' decisions. The labelled
 * pairs are the uncertain ones plus a sample of linked ones, not a random sample of all pairs: figures say how
 * the model does where it matters, not over the registry at large.
 */
export async function qualityReport(registry: Registry) {
  const decided = await store.decidedReviews(registry.db);
  const model = (await registryIndex(registry)).index.model;
  const thresholds = [...new Set([...QUALITY_THRESHOLDS, model.matchThreshold])].sort((a, b) => a - b);
  const labels = decided.map((d) => ({
    same: d.status === "same_person",
    probability: d.probability,
    kind: d.kind,
  }));
  const rows = thresholds.map((threshold) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const label of labels) {
      const linked = label.probability >= threshold;
      if (linked && label.same) tp++;
      else if (linked) fp++;
      else if (label.same) fn++;
      else tn++;
    }
    return {
      threshold,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      trueNegatives: tn,
      precision: tp + fp > 0 ? tp / (tp + fp) : null,
      recall: tp + fn > 0 ? tp / (tp + fn) : null,
    };
  });
  return {
    labels: labels.length,
    samePerson: labels.filter((l) => l.same).length,
    differentPeople: labels.filter((l) => !l.same).length,
    sampledLinks: labels.filter((l) => l.kind === "sample").length,
    matchThreshold: model.matchThreshold,
    reviewThreshold: model.reviewThreshold,
    thresholds: rows,
  };
}

// Overlap rules and violations ---------------------------------------------------------------------------------

export interface RuleInput {
  programA: string;
  programB: string;
  level: (typeof OVERLAP_LEVELS)[number];
  startsOn: string;
  endsOn: string;
  reason: string;
}

export async function createRule(registry: Registry, caller: Caller, input: RuleInput) {
  if (input.startsOn > input.endsOn)
    throw new DomainError("OVERLAP_WINDOW_INVALID", { from: input.startsOn, to: input.endsOn }, 422);
  // One order per pair of programs, so A+B and B+A are one rule.
  const [programA, programB] = orderedPair(input.programA, input.programB);
  const known = await store.programsByIds(registry.db, [programA, programB]);
  for (const id of [programA, programB])
    if (!known.some((p) => p.id === id)) throw new DomainError("OVERLAP_PROGRAM_NOT_FOUND", { id }, 404);
  return registry.db.transaction(async (tx) => {
    const row = await store.insertRule(tx, {
      ...input,
      programA,
      programB,
      createdBy: auditActor(caller.actor).name,
    });
    await registry.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "overlap_rule.create",
      entity: "overlap_rule",
      entityId: row.id,
      area: null,
      after: { programA, programB, level: input.level, startsOn: input.startsOn, endsOn: input.endsOn },
      reason: input.reason,
      requestId: caller.requestId,
    });
    return ruleView(row, known);
  });
}

function ruleView(row: store.RuleRow, programs: { id: string; code: string; name: string }[]) {
  const program = (id: string) => {
    const p = programs.find((x) => x.id === id);
    return { id, code: p?.code ?? "?", name: p?.name ?? "?" };
  };
  return {
    id: row.id,
    programA: program(row.programA),
    programB: program(row.programB),
    level: row.level,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listRules(registry: Registry) {
  const rows = await store.rulesInWindow(registry.db);
  const programs = await store.programsByIds(registry.db, [
    ...new Set(rows.flatMap((r) => [r.programA, r.programB])),
  ]);
  return rows.map((row) => ruleView(row, programs));
}

export interface ViolationView {
  ruleId: string | null;
  level: "person" | "household";
  description: string;
  linkedBy: string;
  persons: {
    personId: string;
    name: string;
    village: { code: string; name: string };
    district: { code: string; name: string };
    rt: string | null;
    enrollments: EnrollmentSummary[];
  }[];
}

/**
 * The agenda of the rapat koordinasi: in periods overlapping [from, to], every person cluster (records linked
 * as one person, with the coordinators' decisions) or household holding programs a rule forbids together, and
 * every cluster receiving one program twice. Only violations whose persons all lie in the caller's area are
 * listed; the others are counted.
 */
export async function violationsReport(
  registry: Registry,
  caller: Caller,
  query: { from?: string | undefined; to?: string | undefined; periodId?: string | undefined },
  language: Language = "id",
) {
  const window = query.periodId
    ? await windowOf(registry, query.periodId)
    : { from: query.from ?? registry.env.today(), to: query.to ?? query.from ?? registry.env.today() };
  if (window.from > window.to) throw new DomainError("OVERLAP_WINDOW_INVALID", window, 422);
  const enrollments = await store.enrollmentsInWindow(registry.db, window);
  const personIds = [...new Set(enrollments.map((e) => e.personId))];
  const wanted = new Set(personIds);
  const records = (await loadRegistryRecords(registry)).filter((r) => wanted.has(r.recordId));
  const model = (await registryIndex(registry)).index.model;
  const linkage = linkRecords(records, { model, decisions: await pairDecisions(registry) });
  const clusterOf = new Map<string, number>();
  const indexOf = new Map<string, number>();
  records.forEach((r, i) => {
    clusterOf.set(r.recordId, linkage.clusterOf[i] as number);
    indexOf.set(r.recordId, i);
  });
  const places = new Map((await store.personPlaces(registry.db, personIds)).map((p) => [p.id, p]));
  const householdOf = (id: string) => {
    const kk = places.get(id)?.kkIndex;
    return kk ? Buffer.from(kk).toString("hex") : null;
  };
  const rules: OverlapRule[] = [
    ...sameProgramRules(
      enrollments.map((e) => e.programId),
      { startsOn: window.from, endsOn: window.to },
    ),
    ...(await store.rulesInWindow(registry.db, window)).map((r) => ({
      id: r.id,
      programA: r.programA,
      programB: r.programB,
      level: r.level,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
    })),
  ];
  const violations = findViolations(
    enrollments.map((e) => ({ ...e, startsOn: e.startsOn, endsOn: e.endsOn })),
    {
      personKey: (id) => `c${clusterOf.get(id) ?? id}`,
      householdKey: householdOf,
    },
    rules,
  );
  const programName = new Map(enrollments.map((e) => [e.programId, e.programName]));
  const enrollmentById = new Map(enrollments.map((e) => [e.enrollmentId, e]));
  const items: ViolationView[] = [];
  let hidden = 0;
  for (const violation of violations) {
    const all = violation.personIds.every((id) => {
      const place = places.get(id);
      return place && sees(caller.actor, { code: place.villageCode, rt: place.rt });
    });
    if (!all) {
      hidden++;
      continue;
    }
    items.push(
      violationView(registry, violation, {
        places,
        enrollmentById,
        programName,
        language,
        linkedBy: linkedBy(violation, linkage, indexOf, language),
      }),
    );
  }
  return { window, violations: items, outsideArea: hidden, total: violations.length };
}

/** Why the enrollments were taken as one person's: the same record, a match (weakest pair named), or one KK. */
function linkedBy(
  violation: Violation,
  linkage: ReturnType<typeof linkRecords>,
  indexOf: Map<string, number>,
  language: Language,
): string {
  if (violation.level === "household") return t("OVERLAP_LINK_HOUSEHOLD", {}, language);
  if (violation.personIds.length === 1) return t("OVERLAP_LINK_SAME_RECORD", {}, language);
  let lowest = 1;
  const ids = violation.personIds;
  for (let x = 0; x < ids.length; x++)
    for (let y = x + 1; y < ids.length; y++) {
      const i = indexOf.get(ids[x] as string);
      const j = indexOf.get(ids[y] as string);
      if (i === undefined || j === undefined) continue;
      const [p, q] = (linkage.rank[i] as number) < (linkage.rank[j] as number) ? [i, j] : [j, i];
      const probability = probabilityOf(linkage.scorer.weight(comparePair(linkage.table, p, q), p, q));
      lowest = Math.min(lowest, probability);
    }
  const percent = new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(lowest);
  return t("OVERLAP_LINK_MATCH", { probability: percent }, language);
}

function violationView(
  registry: Registry,
  violation: Violation,
  context: {
    places: Map<string, store.PersonPlaceRow>;
    enrollmentById: Map<string, store.EnrollmentInWindow>;
    programName: Map<string, string>;
    language: Language;
    linkedBy: string;
  },
): ViolationView {
  const { language } = context;
  const name = (id: string) => context.programName.get(id) ?? id;
  const description =
    violation.ruleId === null || violation.programA === violation.programB
      ? violation.level === "household"
        ? t(
            "OVERLAP_RULE_HOUSEHOLD",
            { programA: name(violation.programA), programB: name(violation.programB) },
            language,
          )
        : t("OVERLAP_SAME_PROGRAM_TWICE", { program: name(violation.programA) }, language)
      : t(
          violation.level === "household" ? "OVERLAP_RULE_HOUSEHOLD" : "OVERLAP_RULE_PERSON",
          { programA: name(violation.programA), programB: name(violation.programB) },
          language,
        );
  return {
    ruleId: violation.ruleId,
    level: violation.level,
    description,
    linkedBy: context.linkedBy,
    persons: violation.personIds.map((id) => {
      const place = context.places.get(id) as store.PersonPlaceRow;
      const own = violation.enrollmentIds
        .map((e) => context.enrollmentById.get(e))
        .filter((e): e is store.EnrollmentInWindow => e?.personId === id);
      return {
        personId: id,
        name: place.name,
        village: regionRef(place.villageCode, registry.env),
        district: regionRef(place.districtCode, registry.env),
        rt: place.rt,
        enrollments: own.map((r) => ({
          enrollmentId: r.enrollmentId,
          agencyCode: r.agencyCode,
          programCode: r.programCode,
          programName: r.programName,
          periodName: r.periodName,
          status: r.status,
        })),
      };
    }),
  };
}

export type { PairExplanation };

/**
 * The violations as a spreadsheet for the meeting: one row per enrollment involved, grouped by violation. Every
 * cell goes through the import capability's formula neutralising (names typed in the field may start with =).
 */
export async function writeViolations(
  report: Awaited<ReturnType<typeof violationsReport>>,
  out: Writable,
  format: TableFormat,
  language: Language = "id",
): Promise<void> {
  const writer = createTableWriter(out, format, { sheetName: t("OVERLAP_EXPORT_VIOLATION", {}, language) });
  const header = [
    "NUMBER",
    "VIOLATION",
    "LINK",
    "NAME",
    "DISTRICT",
    "VILLAGE",
    "RT",
    "AGENCY",
    "PROGRAM",
    "PERIOD",
    "STATUS",
  ].map((code) => t(`OVERLAP_EXPORT_${code}`, {}, language));
  await writer.row(header, { emphasis: "header" });
  let number = 0;
  for (const violation of report.violations) {
    number++;
    for (const person of violation.persons)
      for (const enrollment of person.enrollments)
        await writer.row([
          String(number),
          violation.description,
          violation.linkedBy,
          person.name,
          person.district.name,
          person.village.name,
          person.rt ?? "",
          enrollment.agencyCode,
          enrollment.programName,
          enrollment.periodName,
          enrollment.status,
        ]);
  }
  await writer.close();
}
