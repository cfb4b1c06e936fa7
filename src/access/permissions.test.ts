import { describe, expect, it } from "vitest";
import { conflictingDuties, DUTIES, DUTY_PAIRS } from "./duties.ts";
import { ACTIONS, PERMISSIONS, ROUTE_ACCESS, roleCan, routeAccess } from "./permissions.ts";
import { ROLES } from "./roles.ts";

describe("permission table", () => {
  it("gives every action at least one role and names only known roles", () => {
    for (const action of ACTIONS) {
      expect(PERMISSIONS[action].length, action).toBeGreaterThan(0);
      for (const role of PERMISSIONS[action]) expect(ROLES).toContain(role);
    }
  });

  it("keys every route as METHOD /api/… and points it at a known action", () => {
    for (const [key, rule] of Object.entries(ROUTE_ACCESS)) {
      expect(key).toMatch(/^(GET|POST|PATCH|PUT|DELETE) \/api\//);
      if (rule.kind === "action") expect(ACTIONS).toContain(rule.action);
    }
  });

  it("treats HEAD as GET and the OpenAPI pages as public", () => {
    expect(routeAccess("HEAD", "/api/persons")).toEqual(routeAccess("GET", "/api/persons"));
    expect(routeAccess("GET", "/api/docs/json")).toEqual({ kind: "public" });
    expect(routeAccess("GET", "/api/documents")).toBeUndefined();
  });

  it.each([
    ["admin", "user.manage", true],
    ["admin", "person.register", false],
    ["bank_operator", "person.read", false],
    ["auditor", "audit.read", true],
    ["auditor", "person.update", false],
    ["enumerator", "person.identity", false],
    ["village_operator", "person.identity", true],
  ] as const)("%s may %s: %s", (role, action, expected) => {
    expect(roleCan(role, action)).toBe(expected);
  });

  it("lets nobody but auditors and admins read the audit trail, and gives no one every action", () => {
    expect(ROLES.filter((role) => roleCan(role, "audit.read")).sort()).toEqual(["admin", "auditor"]);
    for (const role of ROLES)
      expect(
        ACTIONS.every((action) => roleCan(role, action)),
        role,
      ).toBe(false);
  });
});

describe("maker-checker pairs", () => {
  it("are symmetric: each duty of a pair conflicts with the other", () => {
    for (const [a, b] of DUTY_PAIRS) {
      expect(conflictingDuties(a)).toContain(b);
      expect(conflictingDuties(b)).toContain(a);
    }
  });

  it("name only known duties, and the checked duty never conflicts with itself", () => {
    for (const duty of DUTIES) expect(conflictingDuties(duty)).not.toContain(duty);
    expect(conflictingDuties("verify").sort()).toEqual(["register", "validate"]);
  });
});
