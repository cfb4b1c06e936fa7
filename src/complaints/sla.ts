/**
 * The complaint clock (pure: the instant "now" is passed in). Deadlines count working days: Monday to Friday,
 * minus the national holidays and cuti bersama of the holiday table, in the regency's local time (WITA for
 * Paser). The day a complaint arrives does not count — a complaint that arrives on Friday evening has Monday
 * and Tuesday for its acknowledgement (World Bank GRS: "within 2 business days"). Time inside a working day
 * counts proportionally, so 75 % of 2 working days is noon of the second one.
 */

import {
  type ComplaintCategory,
  type ComplaintStage,
  isSensitive,
  PAYMENT_CATEGORIES,
  type SlaColour,
} from "./codes.ts";
import type { Holiday } from "./holidays.ts";
import { INDONESIAN_HOLIDAYS } from "./holidays.ts";

export interface SlaSettings {
  /** Minutes east of UTC of the regency's clock: WIB 420, WITA 480, WIT 540. */
  utcOffsetMinutes: number;
  holidays: readonly Holiday[];
  acknowledgeDays: number;
  /** Sensitive complaints: assigned to an investigator within this many working days. */
  triageDays: number;
  resolvePaymentDays: number;
  resolveOtherDays: number;
  /** Share of the allowed time after which a complaint is "at risk" and escalated to the next level. */
  escalateAt: number;
}

export const DEFAULT_SLA: SlaSettings = {
  utcOffsetMinutes: 480,
  holidays: INDONESIAN_HOLIDAYS,
  acknowledgeDays: 2,
  triageDays: 3,
  resolvePaymentDays: 14,
  resolveOtherDays: 20,
  escalateAt: 0.75,
};

const DAY_MS = 86_400_000;

export interface WorkingCalendar {
  isWorkingDay(localDate: string): boolean;
  /** Local midnight (as a UTC instant) starting the first working day after the local day of `at`. */
  clockStart(at: Date): Date;
  /** The instant at which `days` of working time (fractional) have passed since `start` (a working-day midnight). */
  addWorkingTime(start: Date, days: number): Date;
  /** Working time, in days, between `start` and `now`. */
  workingTimeBetween(start: Date, now: Date): number;
}

export function workingCalendar(
  settings: Pick<SlaSettings, "utcOffsetMinutes" | "holidays">,
): WorkingCalendar {
  const offset = settings.utcOffsetMinutes * 60_000;
  const holidays = new Set(settings.holidays.map((h) => h.date));
  const localDay = (at: Date) => Math.floor((at.getTime() + offset) / DAY_MS);
  const midnightOf = (day: number) => new Date(day * DAY_MS - offset);
  const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  const working = (day: number) => {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !holidays.has(dateOf(day));
  };
  return {
    isWorkingDay: (localDate) => working(Math.floor(Date.parse(`${localDate}T00:00:00Z`) / DAY_MS)),
    clockStart(at) {
      let day = localDay(at) + 1;
      while (!working(day)) day++;
      return midnightOf(day);
    },
    addWorkingTime(start, days) {
      let day = localDay(start);
      let left = days;
      for (;;) {
        if (working(day)) {
          if (left <= 1) return new Date(midnightOf(day).getTime() + Math.round(left * DAY_MS));
          left -= 1;
        }
        day++;
      }
    },
    workingTimeBetween(start, now) {
      if (now <= start) return 0;
      const last = localDay(now);
      let total = 0;
      for (let day = localDay(start); day <= last; day++) {
        if (!working(day)) continue;
        total += day < last ? 1 : (now.getTime() - midnightOf(day).getTime()) / DAY_MS;
      }
      return total;
    },
  };
}

export type SlaTarget = "acknowledge" | "triage" | "resolve";

export interface SlaClock {
  target: SlaTarget;
  days: number;
  start: Date;
  escalateAt: Date;
  dueAt: Date;
}

/** The working days allowed to resolve a complaint of this category. */
export function resolveDays(category: ComplaintCategory, settings: SlaSettings): number {
  return PAYMENT_CATEGORIES.includes(category) ? settings.resolvePaymentDays : settings.resolveOtherDays;
}

/** Which target a complaint is working towards at this stage, or null once it is resolved or closed. */
export function currentTarget(category: ComplaintCategory, stage: ComplaintStage): SlaTarget | null {
  if (stage === "new") return "acknowledge";
  if (stage === "acknowledged" && isSensitive(category)) return "triage";
  if (stage === "resolved" || stage === "closed") return null;
  return "resolve";
}

/**
 * The clock of one target. `pausedDays` is the working time spent waiting for the complainant's answer: the
 * deadlines move by that much, because a question unanswered is not the handlers' delay.
 */
export function slaClock(
  target: SlaTarget,
  category: ComplaintCategory,
  receivedAt: Date,
  settings: SlaSettings,
  pausedDays = 0,
): SlaClock {
  const calendar = workingCalendar(settings);
  const days =
    target === "acknowledge"
      ? settings.acknowledgeDays
      : target === "triage"
        ? settings.triageDays
        : resolveDays(category, settings);
  const start = calendar.clockStart(receivedAt);
  return {
    target,
    days,
    start,
    escalateAt: calendar.addWorkingTime(start, days * settings.escalateAt + pausedDays),
    dueAt: calendar.addWorkingTime(start, days + pausedDays),
  };
}

/** A complaint's pause so far: what earlier waits used, and while it waits now, the running wait. */
export interface SlaPause {
  /** Working days spent waiting for the complainant in earlier, finished waits. */
  pausedDays: number;
  /** When the current wait for the complainant began, or null when no question is open. */
  waitingSince: Date | null;
}

/**
 * The working time a wait that began at `since` and ends at `until` adds to the pause. Time before the clock
 * started (a question asked on the day of receipt) never ran, so it is not paused either.
 */
export function pausedBetween(receivedAt: Date, since: Date, until: Date, settings: SlaSettings): number {
  const calendar = workingCalendar(settings);
  const start = calendar.clockStart(receivedAt);
  // Both measured from the clock's start (a midnight), so a wait that begins mid-day counts only its part.
  return Math.max(
    0,
    calendar.workingTimeBetween(start, until) -
      calendar.workingTimeBetween(start, since > start ? since : start),
  );
}

export interface SlaStatus {
  target: SlaTarget | null;
  colour: SlaColour;
  dueAt: Date | null;
  escalateAt: Date | null;
  /** Share of the allowed working time used (0–1+), null when no clock runs. */
  used: number | null;
  /** The clock stands still: the complaint waits for the complainant's answer. */
  paused: boolean;
}

/**
 * A complaint's colour now: on track, at risk (past the escalation point), breached (past the deadline), or
 * met (resolved or closed within the resolution deadline). Every clock runs from receipt, as the complainant
 * counts it.
 */
export function slaStatus(
  complaint: {
    category: ComplaintCategory;
    stage: ComplaintStage;
    receivedAt: Date;
    resolvedAt: Date | null;
  } & Partial<SlaPause>,
  now: Date,
  settings: SlaSettings,
): SlaStatus {
  const paused = complaint.pausedDays ?? 0;
  const target = currentTarget(complaint.category, complaint.stage);
  if (!target) {
    const clock = slaClock("resolve", complaint.category, complaint.receivedAt, settings, paused);
    const finished = complaint.resolvedAt ?? now;
    return {
      target: null,
      colour: finished < clock.dueAt ? "met" : "breached",
      dueAt: clock.dueAt,
      escalateAt: null,
      used: null,
      paused: false,
    };
  }
  // While the complainant is asked, the clock stands still where it was when the question went out.
  const waiting = complaint.waitingSince ?? null;
  const at = waiting && waiting < now ? waiting : now;
  const clock = slaClock(target, complaint.category, complaint.receivedAt, settings, paused);
  const used =
    Math.max(0, workingCalendar(settings).workingTimeBetween(clock.start, at) - paused) / clock.days;
  const colour: SlaColour = at >= clock.dueAt ? "breached" : at >= clock.escalateAt ? "at_risk" : "on_track";
  return {
    target,
    colour,
    // The deadline while waiting is not yet known: it moves by however long the answer takes.
    dueAt: waiting ? null : clock.dueAt,
    escalateAt: waiting ? null : clock.escalateAt,
    used,
    paused: waiting !== null,
  };
}

/**
 * Whether the automatic escalation is due: the current target's 75 % point has passed and the complaint has not
 * yet been escalated for that target.
 */
export function escalationDue(
  complaint: {
    category: ComplaintCategory;
    stage: ComplaintStage;
    receivedAt: Date;
    escalatedFor: readonly SlaTarget[];
  } & Partial<SlaPause>,
  now: Date,
  settings: SlaSettings,
): SlaTarget | null {
  const target = currentTarget(complaint.category, complaint.stage);
  if (!target || complaint.escalatedFor.includes(target)) return null;
  // Nobody is escalated for the time the complainant takes to answer.
  if (complaint.waitingSince) return null;
  const clock = slaClock(
    target,
    complaint.category,
    complaint.receivedAt,
    settings,
    complaint.pausedDays ?? 0,
  );
  return now >= clock.escalateAt ? target : null;
}
