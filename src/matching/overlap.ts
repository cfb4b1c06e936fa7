/**
 * Overlap rules: which programs one person (or one household) may not receive together in a period, checked
 * over groups that record linkage made — a person registered twice under two records is still one person.
 * Pure: the caller supplies the enrollments, the grouping and the rules.
 */

export type OverlapLevel = "person" | "household";

export interface OverlapEnrollment {
  enrollmentId: string;
  personId: string;
  programId: string;
  startsOn: string;
  endsOn: string;
}

export interface OverlapRule {
  /** null: the standing rule that nobody receives one program twice in overlapping periods. */
  id: string | null;
  programA: string;
  programB: string;
  level: OverlapLevel;
  startsOn: string;
  endsOn: string;
}

export interface Violation {
  ruleId: string | null;
  level: OverlapLevel;
  programA: string;
  programB: string;
  /** The group (person cluster or household) the enrollments fell into. */
  groupKey: string;
  enrollmentIds: string[];
  personIds: string[];
}

export interface Grouping {
  /** The cluster of linked records a person belongs to (the person's id when linked to no one). */
  personKey(personId: string): string;
  /** The household (KK) of a person; null when unknown. */
  householdKey(personId: string): string | null;
}

const overlaps = (a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }) =>
  a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/** The standing rule per program: one person, one program, one benefit per period. */
export function sameProgramRules(
  programIds: Iterable<string>,
  window: { startsOn: string; endsOn: string },
): OverlapRule[] {
  return [...new Set(programIds)]
    .sort()
    .map((id) => ({ id: null, programA: id, programB: id, level: "person", ...window }));
}

export function findViolations(
  enrollments: readonly OverlapEnrollment[],
  grouping: Grouping,
  rules: readonly OverlapRule[],
): Violation[] {
  const byGroup = new Map<string, Map<string, OverlapEnrollment[]>>();
  const groupsOf = (level: OverlapLevel) => {
    const key = `${level}`;
    let groups = byGroup.get(key);
    if (!groups) {
      groups = new Map();
      for (const enrollment of enrollments) {
        const group =
          level === "person"
            ? grouping.personKey(enrollment.personId)
            : grouping.householdKey(enrollment.personId);
        if (group === null) continue;
        const list = groups.get(group) ?? [];
        list.push(enrollment);
        groups.set(group, list);
      }
      byGroup.set(key, groups);
    }
    return groups;
  };

  const violations: Violation[] = [];
  for (const rule of rules) {
    for (const [groupKey, members] of groupsOf(rule.level)) {
      const inRule = members.filter((e) => overlaps(e, rule));
      const sideA = inRule.filter((e) => e.programId === rule.programA);
      const sideB = inRule.filter((e) => e.programId === rule.programB);
      if (sideA.length === 0 || sideB.length === 0) continue;
      const involved = new Map<string, OverlapEnrollment>();
      for (const a of sideA)
        for (const b of sideB) {
          // One program twice needs two records: one record is enrolled once per period by construction, and
          // the same person in tahap 1 and tahap 2 does not overlap.
          if (a.enrollmentId === b.enrollmentId) continue;
          if (rule.programA === rule.programB && a.personId === b.personId) continue;
          if (!overlaps(a, b)) continue;
          involved.set(a.enrollmentId, a);
          involved.set(b.enrollmentId, b);
        }
      if (involved.size === 0) continue;
      const list = [...involved.values()].sort((x, y) => x.enrollmentId.localeCompare(y.enrollmentId));
      violations.push({
        ruleId: rule.id,
        level: rule.level,
        programA: rule.programA,
        programB: rule.programB,
        groupKey,
        enrollmentIds: list.map((e) => e.enrollmentId),
        personIds: [...new Set(list.map((e) => e.personId))].sort(),
      });
    }
  }
  return violations.sort(
    (x, y) =>
      x.groupKey.localeCompare(y.groupKey) ||
      (x.ruleId ?? "").localeCompare(y.ruleId ?? "") ||
      x.programA.localeCompare(y.programA),
  );
}
