/**
 * The review queue a coordinator answers: the registry linked with earlier decisions, doubtful pairs (and a
 * sample of linked ones) queued, decisions recorded, and the model's precision and recall read from them.
 */
import { auditActor, type Caller, sees } from "../access/actor.ts";
import { placeKey } from "../access/area.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Language } from "../i18n/index.ts";
import {
  birthYearOf,
  type Disclosure,
  discloseBirthDate,
  disclosureFor,
  regionRef,
} from "../registry/persons.ts";
import type { Registry } from "../registry/service.ts";
import { windowOf } from "./candidates.ts";
import type { REVIEW_STATUSES } from "./codes.ts";
import { describeExplanation, explainPattern, type PairExplanation } from "./explain.ts";
import { linkRecords, type PairDecision } from "./link.ts";
import { probabilityOf, weightOf } from "./model.ts";
import { loadRegistryRecords, REGISTRY_SOURCE, registryIndex } from "./registry-index.ts";
import * as store from "./store.ts";
import type { LinkageRecord } from "./types.ts";

/** Linked pairs sampled for review, so that labels measure the precision of automatic links too. */
const LINK_SAMPLE_EVERY = 25;
const LINK_SAMPLE_MAX = 200;

export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

/** A stable pseudo-random choice per pair (FNV-1a of the ids): reruns sample the same pairs. */
function sampled(a: string, b: string): boolean {
  let h = 0x811c9dc5;
  for (const ch of `${a}|${b}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0) % LINK_SAMPLE_EVERY === 0;
}

export async function pairDecisions(registry: Registry): Promise<PairDecision[]> {
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
  // Links the chaining guard refused are not dropped: they are asked like any doubtful pair, with the reason.
  const refused = new Map(result.refusedLinks.map((r) => [r.pair, r.conflictWeight]));
  for (let k = 0; k < result.candidates.count; k++) {
    const weight = result.weights[k] as number;
    if (weight < reviewWeight) continue;
    const i = result.candidates.a[k] as number;
    const j = result.candidates.b[k] as number;
    const [personA, personB] = orderedPair(
      (result.table.records[i] as LinkageRecord).recordId,
      (result.table.records[j] as LinkageRecord).recordId,
    );
    const conflictWeight = refused.get(k);
    const isLink = weight >= matchWeight && conflictWeight === undefined;
    if (isLink) linked++;
    else review++;
    if (isLink && (samples >= LINK_SAMPLE_MAX || !sampled(personA, personB))) continue;
    if (isLink) samples++;
    const explanation: PairExplanation = {
      ...explainPattern(result.scorer, result.table, i, j, result.patterns[k] as number),
      ...(conflictWeight === undefined
        ? {}
        : { refusedMerge: { conflictWeight }, decision: "review" as const }),
    };
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

function personBrief(
  registry: Registry,
  place: store.PersonPlaceRow | undefined,
  id: string,
  disclosure: Disclosure,
) {
  return {
    personId: id,
    name: place?.name ?? null,
    sex: place?.sex ?? null,
    birthDate: discloseBirthDate(place?.birthDate ?? null, disclosure),
    birthYear: birthYearOf(place?.birthDate ?? null),
    village: place ? regionRef(place.villageCode, registry.env) : null,
    rt: place?.rt ?? null,
  };
}

function reviewView(
  registry: Registry,
  row: store.ReviewRow,
  places: Map<string, store.PersonPlaceRow>,
  language: Language,
  disclosure: Disclosure,
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
    personA: personBrief(registry, places.get(row.personA), row.personA, disclosure),
    personB: personBrief(registry, places.get(row.personB), row.personB, disclosure),
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
    items: rows.map((row) => reviewView(registry, row, places, language, disclosureFor(caller.actor))),
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
    return reviewView(registry, decided, places, language, disclosureFor(caller.actor));
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
