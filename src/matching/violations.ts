/**
 * Overlap rules between programs and their violations across agencies, for the rapat koordinasi, as a view
 * and as a spreadsheet.
 */
import type { Writable } from "node:stream";
import { auditActor, type Caller, sees } from "../access/actor.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { createTranslator, type Language } from "../i18n/index.ts";
import { createTableWriter, type TableFormat } from "../imports/table-writer.ts";
import { regionRef } from "../registry/persons.ts";
import type { Registry } from "../registry/service.ts";
import { type EnrollmentSummary, windowOf } from "./candidates.ts";
import type { OVERLAP_LEVELS } from "./codes.ts";
import { comparePair } from "./comparison-vector.ts";
import { linkRecords } from "./link.ts";
import { MATCHING_MESSAGES } from "./messages.ts";
import { probabilityOf } from "./model.ts";
import { findViolations, type OverlapRule, sameProgramRules, type Violation } from "./overlap.ts";
import { registryRecordsOf } from "./registry-index.ts";
import { orderedPair, pairDecisions } from "./reviews.ts";
import * as store from "./store.ts";

const t = createTranslator(MATCHING_MESSAGES);

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
  const { records, model } = await registryRecordsOf(registry, personIds);
  const linkage = linkRecords(records, { model, decisions: await pairDecisions(registry) });
  const clusterOf = new Map<string, number>();
  const indexOf = new Map<string, number>();
  records.forEach((r, i) => {
    clusterOf.set(r.recordId, linkage.clusterOf[i] as number);
    indexOf.set(r.recordId, i);
  });
  // One KK is one household: the record's opened KK number stands in for its blind index, so that only the
  // persons of a violation need reading back (name, village) instead of every enrolled person.
  const kkOf = new Map(records.map((r) => [r.recordId, r.kk]));
  const householdOf = (id: string) => kkOf.get(id) ?? null;
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
  const involved = [...new Set(violations.flatMap((v) => v.personIds))];
  const places = new Map((await store.personPlaces(registry.db, involved)).map((p) => [p.id, p]));
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
