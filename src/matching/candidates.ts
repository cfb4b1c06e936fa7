/**
 * Possible existing persons for a registration as it is typed: the registry index searched with the fields so
 * far, with each candidate's enrollments in the period's time, and the duplicates a registration must answer.
 */
import { type Actor, agencyBound, type Caller, sees } from "../access/actor.ts";
import { DomainError } from "../i18n/domain-error.ts";
import type { Language } from "../i18n/index.ts";
import {
  birthYearOf,
  discloseBirthDate,
  disclosureFor,
  nameSearchKey,
  regionRef,
} from "../registry/persons.ts";
import type { Registry } from "../registry/service.ts";
import { describeExplanation, type MatchDecision } from "./explain.ts";
import { matchAgainstRegistry, type RegistryCandidate } from "./registry-index.ts";
import * as store from "./store.ts";
import type { LinkageRecord } from "./types.ts";

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

export async function windowOf(registry: Registry, periodId: string | null | undefined) {
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
export function enrollmentsFor(actor: Actor, rows: readonly store.EnrollmentInWindow[]) {
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
      birthDate: discloseBirthDate(place.birthDate, disclosureFor(caller.actor)),
      birthYear: birthYearOf(place.birthDate),
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
