import { describe, expect, it } from "vitest";
import type { Actor } from "../access/actor.ts";
import type { AreaScope } from "../access/area.ts";
import type { Role } from "../access/roles.ts";
import { applyStep } from "./lifecycle.ts";
import { canSee, handles, initialLevel } from "./routing.ts";

const LOLO = "64.01.05.2002";
const actor = (role: Role, area: AreaScope): Actor => ({
  kind: "user",
  userId: "u",
  username: role,
  name: role,
  role,
  area,
  agencyId: null,
  scopes: null,
  tokenId: null,
});
const lolo: AreaScope = { level: "village", code: LOLO, rt: null };
const kuaro: AreaScope = { level: "district", code: "64.01.05", rt: null };
const regency: AreaScope = { level: "regency", code: "64.01", rt: null };

describe("complaint routing", () => {
  const deduction = { sensitive: true, villageCode: LOLO, level: initialLevel("deduction") };
  const payment = { sensitive: false, villageCode: LOLO, level: initialLevel("payment_less") };

  it.each([
    ["village_operator", lolo, false],
    ["enumerator", lolo, false],
    ["rt", { level: "rt", code: LOLO, rt: "003" } as AreaScope, false],
    ["kecamatan_officer", kuaro, false],
    ["coordinator", regency, false],
    ["admin", regency, false],
    ["auditor", kuaro, true],
    ["auditor", regency, true],
  ] as const)("a deduction complaint from Lolo: %s of %o sees it: %s", (role, area, visible) => {
    expect(canSee(actor(role, area), deduction, "64.01")).toBe(visible);
  });

  it("sends ordinary complaints to the desa and lets higher levels act, lower ones not after escalation", () => {
    expect(handles(actor("village_operator", lolo), payment, "64.01")).toBe(true);
    expect(handles(actor("kecamatan_officer", kuaro), payment, "64.01")).toBe(true);
    const escalated = {
      ...payment,
      level: applyStep({ stage: "new", level: "village" }, "escalate", { reason: "SLA" }).level,
    };
    expect(escalated.level).toBe("district");
    expect(handles(actor("village_operator", lolo), escalated, "64.01")).toBe(false);
    expect(canSee(actor("village_operator", lolo), escalated, "64.01")).toBe(true);
    expect(handles(actor("auditor", regency), payment, "64.01")).toBe(false);
  });
});

describe("complaint lifecycle", () => {
  it("walks new → acknowledged → assigned → in progress → waiting → in progress → resolved → closed", () => {
    let state = { stage: "new" as const, level: "village" as const } as Parameters<typeof applyStep>[0];
    for (const [action, reply] of [
      ["acknowledge", null],
      ["assign", null],
      ["start", null],
      ["ask", "Kapan terakhir menerima?"],
      ["answer", "Bulan Juli"],
    ] as const) {
      state = applyStep(state, action, { publicReply: reply });
    }
    expect(state.stage).toBe("in_progress");
    state = applyStep(state, "resolve", { reason: "paid", publicReply: "Sudah dibayar" });
    state = applyStep(state, "close", {});
    expect(state.stage).toBe("closed");
    expect(applyStep(state, "reopen", { reason: "not paid after all" }).stage).toBe("in_progress");
  });

  it("refuses illegal steps and steps without their reason or public reply", () => {
    expect(() =>
      applyStep({ stage: "new", level: "village" }, "resolve", { reason: "x", publicReply: "y" }),
    ).toThrow(expect.objectContaining({ code: "COMPLAINT_STEP_ILLEGAL" }));
    expect(() =>
      applyStep({ stage: "in_progress", level: "village" }, "resolve", { publicReply: "y" }),
    ).toThrow(expect.objectContaining({ code: "COMPLAINT_REASON_REQUIRED" }));
    expect(() => applyStep({ stage: "in_progress", level: "village" }, "ask", {})).toThrow(
      expect.objectContaining({ code: "COMPLAINT_REPLY_REQUIRED" }),
    );
    expect(() => applyStep({ stage: "new", level: "inspektorat" }, "escalate", { reason: "x" })).toThrow(
      expect.objectContaining({ code: "COMPLAINT_TOP_LEVEL" }),
    );
  });
});
