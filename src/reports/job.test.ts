import { describe, expect, it } from "vitest";
import { previousMonth } from "./job.ts";

describe("the month a scheduled pack reports on", () => {
  it.each([
    ["2026-12-31T15:59:59Z", "2026-11"], // still 31 December in Paser (WITA, UTC+8)
    ["2026-12-31T16:00:00Z", "2026-12"], // already 1 January in Paser
    ["2027-01-15T03:00:00Z", "2026-12"],
    ["2027-03-01T00:00:00Z", "2027-02"],
  ])("at %s is %s", (now, month) => {
    expect(previousMonth(new Date(now))).toBe(month);
  });
});
