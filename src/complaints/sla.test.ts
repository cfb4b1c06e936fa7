import { describe, expect, it } from "vitest";
import type { ComplaintCategory, ComplaintStage } from "./codes.ts";
import {
  DEFAULT_SLA,
  escalationDue,
  pausedBetween,
  type SlaTarget,
  slaClock,
  slaStatus,
  workingCalendar,
} from "./sla.ts";

/** WITA is UTC+8: 15:00 WITA on Thursday 13 Aug 2026 is 07:00Z. Monday 17 Aug (HUT RI) and 25 Aug (Maulid) are holidays. */
const THURSDAY_AFTERNOON = new Date("2026-08-13T07:00:00Z");

describe("working-day calendar", () => {
  const calendar = workingCalendar(DEFAULT_SLA);
  it.each([
    ["2026-08-14", true],
    ["2026-08-15", false],
    ["2026-08-16", false],
    ["2026-08-17", false],
    ["2026-08-18", true],
    ["2026-03-23", false],
    ["2026-12-24", false],
  ])("%s is a working day: %s", (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it("starts the clock on the next working day after receipt, in local time", () => {
    // 23:30 WITA on Friday 14 Aug is still Friday locally (15:30Z): the clock starts Tuesday 18 Aug.
    expect(calendar.clockStart(new Date("2026-08-14T15:30:00Z")).toISOString()).toBe(
      "2026-08-17T16:00:00.000Z",
    );
    // 00:30 WITA on Friday is 16:30Z on Thursday: Friday is the day of receipt, so again Tuesday.
    expect(calendar.clockStart(new Date("2026-08-13T16:30:00Z")).toISOString()).toBe(
      "2026-08-17T16:00:00.000Z",
    );
  });
});

describe("complaint deadlines across a weekend and a public holiday", () => {
  const cases: {
    name: string;
    target: SlaTarget;
    category: ComplaintCategory;
    receivedAt: string;
    escalateAt: string;
    dueAt: string;
  }[] = [
    {
      name: "acknowledgement: Friday, (weekend, HUT RI Monday), Tuesday",
      target: "acknowledge",
      category: "payment_less",
      receivedAt: THURSDAY_AFTERNOON.toISOString(),
      escalateAt: "2026-08-18T04:00:00.000Z", // Tuesday 12:00 WITA = 1.5 working days
      dueAt: "2026-08-18T16:00:00.000Z", // end of Tuesday WITA
    },
    {
      name: "acknowledgement of a complaint sent on Saturday",
      target: "acknowledge",
      category: "information",
      receivedAt: "2026-08-15T02:00:00.000Z",
      escalateAt: "2026-08-19T04:00:00.000Z",
      dueAt: "2026-08-19T16:00:00.000Z",
    },
    {
      name: "triage of a sensitive complaint: 3 working days",
      target: "triage",
      category: "deduction",
      receivedAt: THURSDAY_AFTERNOON.toISOString(),
      escalateAt: "2026-08-18T22:00:00.000Z", // Wednesday 06:00 WITA = 2.25 working days
      dueAt: "2026-08-19T16:00:00.000Z",
    },
    {
      name: "resolution of a payment complaint: 14 working days, skipping Maulid on 25 Aug",
      target: "resolve",
      category: "payment_not_received",
      receivedAt: THURSDAY_AFTERNOON.toISOString(),
      escalateAt: "2026-09-01T04:00:00.000Z", // 10.5 working days: noon of Tuesday 1 Sep
      dueAt: "2026-09-04T16:00:00.000Z", // end of Friday 4 Sep
    },
    {
      name: "acknowledgement across cuti bersama and Christmas",
      target: "acknowledge",
      category: "other",
      receivedAt: "2026-12-23T01:00:00.000Z", // Wednesday 09:00 WITA; 24 and 25 Dec are off
      escalateAt: "2026-12-29T04:00:00.000Z",
      dueAt: "2026-12-29T16:00:00.000Z",
    },
  ];

  it.each(cases)("$name", ({ target, category, receivedAt, escalateAt, dueAt }) => {
    const clock = slaClock(target, category, new Date(receivedAt), DEFAULT_SLA);
    expect(clock.escalateAt.toISOString()).toBe(escalateAt);
    expect(clock.dueAt.toISOString()).toBe(dueAt);
  });
});

describe("SLA colours and escalation as the clock moves", () => {
  const complaint = (stage: ComplaintStage, category: ComplaintCategory = "payment_less") => ({
    category,
    stage,
    receivedAt: THURSDAY_AFTERNOON,
    resolvedAt: null,
    escalatedFor: [] as SlaTarget[],
  });
  it.each([
    ["2026-08-14T08:00:00Z", "on_track", null],
    ["2026-08-17T08:00:00Z", "on_track", null], // the holiday does not use up time
    ["2026-08-18T03:59:59Z", "on_track", null],
    ["2026-08-18T04:00:00Z", "at_risk", "acknowledge"],
    ["2026-08-18T15:59:59Z", "at_risk", "acknowledge"],
    ["2026-08-18T16:00:00Z", "breached", "acknowledge"],
  ] as const)("at %s an unacknowledged complaint is %s", (now, colour, escalation) => {
    expect(slaStatus(complaint("new"), new Date(now), DEFAULT_SLA).colour).toBe(colour);
    expect(escalationDue(complaint("new"), new Date(now), DEFAULT_SLA)).toBe(escalation);
  });

  it("uses exactly half the time by Friday's end and none over the weekend and holiday", () => {
    for (const now of ["2026-08-14T16:00:00Z", "2026-08-16T12:00:00Z", "2026-08-17T15:59:00Z"]) {
      expect(slaStatus(complaint("new"), new Date(now), DEFAULT_SLA).used).toBe(0.5);
    }
  });

  it("escalates once per target: an acknowledged payment complaint runs on the 14-day clock", () => {
    const acknowledged = { ...complaint("acknowledged"), escalatedFor: ["acknowledge" as const] };
    expect(escalationDue(acknowledged, new Date("2026-08-18T16:00:00Z"), DEFAULT_SLA)).toBeNull();
    expect(escalationDue(acknowledged, new Date("2026-09-01T04:00:00Z"), DEFAULT_SLA)).toBe("resolve");
    expect(
      escalationDue(
        { ...acknowledged, escalatedFor: ["resolve"] },
        new Date("2026-09-02T00:00:00Z"),
        DEFAULT_SLA,
      ),
    ).toBeNull();
  });

  it("stands still while the complainant is asked, and moves the deadlines by the working time the answer took", () => {
    const inProgress = {
      ...complaint("in_progress", "payment_not_received"),
      escalatedFor: ["acknowledge" as const],
    };
    // Asked on Wednesday 19 Aug at 12:00 WITA, answered on Monday 24 Aug at 12:00 WITA: half of Wednesday,
    // Thursday, Friday and half of Monday — 3 working days; the weekend between counts nothing.
    const asked = new Date("2026-08-19T04:00:00Z");
    const answered = new Date("2026-08-24T04:00:00Z");
    expect(pausedBetween(THURSDAY_AFTERNOON, asked, answered, DEFAULT_SLA)).toBe(3);
    const waiting = { ...inProgress, stage: "waiting" as const, waitingSince: asked, pausedDays: 0 };
    for (const now of ["2026-08-21T08:00:00Z", "2026-09-10T00:00:00Z", "2026-10-01T00:00:00Z"]) {
      const status = slaStatus(waiting, new Date(now), DEFAULT_SLA);
      // Friday 14, Tuesday 18 and half of Wednesday 19 used of 14 days, however long the answer takes.
      expect(status).toMatchObject({ colour: "on_track", paused: true, dueAt: null, used: 2.5 / 14 });
      expect(escalationDue(waiting, new Date(now), DEFAULT_SLA)).toBeNull();
    }
    // Answered: the 14-day deadline (Friday 4 Sep) moves 3 working days, to the end of Wednesday 9 Sep; the
    // escalation point from noon of Tuesday 1 Sep to noon of Friday 4 Sep.
    const resumed = { ...inProgress, pausedDays: 3, waitingSince: null };
    const clock = slaClock("resolve", "payment_not_received", THURSDAY_AFTERNOON, DEFAULT_SLA, 3);
    expect(clock.escalateAt.toISOString()).toBe("2026-09-04T04:00:00.000Z");
    expect(clock.dueAt.toISOString()).toBe("2026-09-09T16:00:00.000Z");
    expect(escalationDue(resumed, new Date("2026-09-04T03:59:59Z"), DEFAULT_SLA)).toBeNull();
    expect(escalationDue(resumed, new Date("2026-09-04T04:00:00Z"), DEFAULT_SLA)).toBe("resolve");
    expect(slaStatus(resumed, new Date("2026-09-09T15:59:59Z"), DEFAULT_SLA).colour).toBe("at_risk");
    expect(slaStatus(resumed, new Date("2026-09-09T16:00:00Z"), DEFAULT_SLA).colour).toBe("breached");
    const resolvedLate = {
      ...resumed,
      stage: "resolved" as const,
      resolvedAt: new Date("2026-09-08T00:00:00Z"),
    };
    // Without the pause this would have been breached (after 4 Sep); with it the deadline was met.
    expect(slaStatus(resolvedLate, new Date("2026-10-01T00:00:00Z"), DEFAULT_SLA).colour).toBe("met");
  });

  it("calls a resolved complaint met or breached by its resolution date", () => {
    const resolved = (at: string) => ({ ...complaint("resolved"), resolvedAt: new Date(at) });
    const later = new Date("2026-10-01T00:00:00Z");
    expect(slaStatus(resolved("2026-09-04T15:59:00Z"), later, DEFAULT_SLA).colour).toBe("met");
    expect(slaStatus(resolved("2026-09-04T16:00:00Z"), later, DEFAULT_SLA).colour).toBe("breached");
  });

  it("follows a configured table: a local holiday and a 3-day acknowledgement", () => {
    const settings = {
      ...DEFAULT_SLA,
      acknowledgeDays: 3,
      holidays: [
        ...DEFAULT_SLA.holidays,
        { date: "2026-08-14", name: "HUT Kabupaten", kind: "local" as const, source: "Perbup" },
      ],
    };
    const clock = slaClock("acknowledge", "other", THURSDAY_AFTERNOON, settings);
    expect(clock.dueAt.toISOString()).toBe("2026-08-20T16:00:00.000Z"); // Tue, Wed, Thu
  });
});
