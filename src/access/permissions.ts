/**
 * The one declarative permission table of Salur: which roles may perform each action, and which action every
 * API route performs. The server enforces it on every request (src/access/http.ts); the access-matrix test
 * fails when a route has no entry here. Object-level checks (area, agency) are done where records are read.
 * Pure, so the web app can import it to decide which menus to show.
 */
import type { Role } from "./roles.ts";

const ALL_ROLES: readonly Role[] = [
  "admin",
  "enumerator",
  "rt",
  "village_operator",
  "kecamatan_officer",
  "program_manager",
  "coordinator",
  "approver",
  "bank_operator",
  "auditor",
];
/** Everyone who works with the registry; the bank sees payment files only, never the register. */
const REGISTRY_READERS = ALL_ROLES.filter((role) => role !== "bank_operator");
/** Those who register people in the field or at the desk; admins manage accounts, not data. */
const REGISTRARS: readonly Role[] = [
  "enumerator",
  "rt",
  "village_operator",
  "kecamatan_officer",
  "program_manager",
];

export const PERMISSIONS = {
  "person.read": REGISTRY_READERS,
  "person.register": REGISTRARS,
  "person.update": REGISTRARS,
  /** Full NIK, KK and phone (UU 27/2022): only those who check documents or resolve overlaps; every read is logged. */
  "person.identity": ["village_operator", "kecamatan_officer", "program_manager", "coordinator"],
  "household.read": REGISTRY_READERS,
  "household.register": REGISTRARS,
  "household.update": REGISTRARS,
  "business.register": REGISTRARS,
  "business.update": REGISTRARS,
  "agency.read": ALL_ROLES,
  "agency.manage": ["admin", "coordinator"],
  "program.read": ALL_ROLES,
  "program.manage": ["admin", "program_manager"],
  "enrollment.read": REGISTRY_READERS,
  "enrollment.create": REGISTRARS,
  /** Moving an application along the workflow; which step each role may take is the engine's table (src/workflow/engine.ts). */
  "enrollment.transition": [...REGISTRARS, "approver", "bank_operator"],
  "document.upload": REGISTRARS,
  /** KTP and KK photos show the full NIK and KK: the same officials as person.identity, every read logged. */
  "document.read": ["village_operator", "kecamatan_officer", "program_manager", "coordinator"],
  "registration.submit": REGISTRARS,
  /** Who brings papers for many applicants (seed 000): for those who verify, coordinate or audit. */
  "registration.report": [
    "village_operator",
    "kecamatan_officer",
    "program_manager",
    "coordinator",
    "auditor",
  ],
  "user.read": ["admin", "auditor"],
  "user.manage": ["admin"],
  "token.manage": ["admin"],
  "audit.read": ["admin", "auditor"],
  "audit.checkpoint": ["admin", "auditor"],
  /** Ranked applicants and the simulation: those who propose, coordinate, approve, audit or re-verify near the cut-off. */
  "ranking.read": [
    "admin",
    "village_operator",
    "kecamatan_officer",
    "program_manager",
    "coordinator",
    "approver",
    "auditor",
  ],
  "ranking.model.manage": ["program_manager"],
  "ranking.select": ["program_manager"],
  /** Bulk lists in (seed 000: agencies and the ministry hand over spreadsheets): those who run programs or coordinate them. */
  "import.run": ["program_manager", "coordinator"],
  "import.read": ["program_manager", "coordinator", "auditor"],
  "reconciliation.run": ["program_manager", "coordinator"],
  /** Central-only and regional-only lines go to the desa and kecamatan for the field check. */
  "reconciliation.read": [
    "village_operator",
    "kecamatan_officer",
    "program_manager",
    "coordinator",
    "auditor",
  ],
  "reconciliation.decide": ["village_operator", "kecamatan_officer", "program_manager", "coordinator"],
  /** Possible existing persons while registering; outside the caller's area only the kecamatan and a count. */
  "matching.check": [...REGISTRARS, "coordinator"],
  /** Linking the whole registry feeds the review queue of every area: the regency's coordinator starts it. */
  "matching.run": ["coordinator"],
  "matching.review.read": ["kecamatan_officer", "coordinator", "auditor"],
  /** "Same person" / "different people" (issue 5): the coordinator, and the kecamatan officer for their area. */
  "matching.review.decide": ["kecamatan_officer", "coordinator"],
  "overlap.rules.read": ["kecamatan_officer", "program_manager", "coordinator", "approver", "auditor"],
  "overlap.rules.manage": ["coordinator"],
  /** Violations name persons of every agency: not for an agency-bound program manager. */
  "overlap.report": ["kecamatan_officer", "coordinator", "approver", "auditor"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function isAction(value: string): value is Action {
  return Object.hasOwn(PERMISSIONS, value);
}

export function roleCan(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

export function actionsOf(role: Role): Action[] {
  return ACTIONS.filter((action) => roleCan(role, action));
}

/**
 * Which records of a route are subject to object-level checks: "area" (desa/RT of the record), "agency" (a
 * program manager sees only their agency's programs), both, or none (regency-wide reference data).
 */
export type ObjectScope = "area" | "agency" | "area+agency" | "none";

export type RouteAccess =
  /** Anyone; `identify` routes still read a session when one is sent (logout). */
  | { kind: "public"; identify?: boolean }
  /** Any signed-in user, whatever the role (their own session and password). */
  | { kind: "signed-in" }
  | { kind: "action"; action: Action; scope: ObjectScope };

const open = (identify = false): RouteAccess => ({ kind: "public", ...(identify ? { identify } : {}) });
const signedIn: RouteAccess = { kind: "signed-in" };
const act = (action: Action, scope: ObjectScope): RouteAccess => ({ kind: "action", action, scope });

/** Every API route, keyed "METHOD /url" as Fastify registers it. HEAD follows GET. */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  "GET /api/health": open(),
  "GET /api/regions": open(),
  "GET /api/regions/:code": open(),

  "POST /api/auth/login": open(),
  "POST /api/auth/logout": open(true),
  "GET /api/auth/me": signedIn,
  "POST /api/auth/password": signedIn,

  "GET /api/users": act("user.read", "area"),
  "POST /api/users": act("user.manage", "area"),
  "PATCH /api/users/:id": act("user.manage", "area"),
  "GET /api/tokens": act("token.manage", "area"),
  "POST /api/tokens": act("token.manage", "area"),
  "DELETE /api/tokens/:id": act("token.manage", "area"),

  "GET /api/persons": act("person.read", "area"),
  "POST /api/persons": act("person.register", "area"),
  "GET /api/persons/:id": act("person.read", "area"),
  "PATCH /api/persons/:id": act("person.update", "area"),
  "GET /api/persons/:id/identity": act("person.identity", "area"),
  "POST /api/households": act("household.register", "area"),
  "GET /api/households/:id": act("household.read", "area"),
  "PATCH /api/households/:id": act("household.update", "area"),
  "POST /api/businesses": act("business.register", "area"),
  "PATCH /api/businesses/:id": act("business.update", "area"),
  "GET /api/agencies": act("agency.read", "none"),
  "POST /api/agencies": act("agency.manage", "none"),
  "GET /api/programs": act("program.read", "agency"),
  "POST /api/programs": act("program.manage", "agency"),
  "PATCH /api/programs/:id": act("program.manage", "agency"),
  "GET /api/periods": act("program.read", "agency"),
  "POST /api/periods": act("program.manage", "agency"),
  "PATCH /api/periods/:id": act("program.manage", "agency"),
  "GET /api/enrollments": act("enrollment.read", "area+agency"),
  "POST /api/enrollments": act("enrollment.create", "area+agency"),
  "GET /api/enrollments/:id/workflow": act("enrollment.read", "area+agency"),
  "GET /api/enrollments/:id/eligibility": act("enrollment.read", "area+agency"),
  "POST /api/enrollments/:id/transitions": act("enrollment.transition", "area+agency"),
  "GET /api/enrollments/:id/documents": act("enrollment.read", "area+agency"),
  "POST /api/enrollments/:id/documents/:kind": act("document.upload", "area+agency"),
  "GET /api/documents/:id/content": act("document.read", "area+agency"),
  "GET /api/workflow/transitions": act("enrollment.read", "none"),
  "POST /api/workflow/transitions": act("enrollment.transition", "area+agency"),
  "GET /api/workflow/queue": act("enrollment.read", "area+agency"),
  "GET /api/programs/:id/policy": act("program.read", "agency"),
  "PUT /api/programs/:id/policy": act("program.manage", "agency"),
  /** A staged photo belongs to the officer who sent it until its submission applies it; no area yet. */
  "PUT /api/registrations/:submissionId/documents/:kind": act("registration.submit", "none"),
  "PUT /api/registrations/:submissionId": act("registration.submit", "area"),
  /** NIK/KK explained and possible duplicates; a match outside the caller's area comes without its details. */
  "POST /api/registrations/check": act("registration.submit", "none"),
  "GET /api/registrations": act("registration.submit", "area"),
  "GET /api/registrations/report": act("registration.report", "area"),

  "GET /api/audit/entries": act("audit.read", "area"),
  "GET /api/audit/entries/:seq/proof": act("audit.read", "area"),
  "GET /api/audit/checkpoints": act("audit.read", "none"),
  "POST /api/audit/checkpoints": act("audit.checkpoint", "none"),

  "GET /api/ranking/templates": act("ranking.read", "none"),
  "GET /api/ranking/programs/:id/model": act("ranking.read", "agency"),
  "GET /api/ranking/programs/:id/model/versions": act("ranking.read", "agency"),
  "PUT /api/ranking/programs/:id/model": act("ranking.model.manage", "agency"),
  "GET /api/ranking/periods/:id/applicants": act("ranking.read", "area+agency"),
  "GET /api/ranking/periods/:id/simulation": act("ranking.read", "area+agency"),
  "GET /api/ranking/periods/:id/selection-runs": act("ranking.read", "agency"),
  "POST /api/ranking/periods/:id/selection-runs": act("ranking.select", "agency"),
  "GET /api/ranking/selection-runs/:id": act("ranking.read", "agency"),
  "GET /api/ranking/enrollments/:id": act("ranking.read", "area+agency"),

  "GET /api/jobs": signedIn,
  "GET /api/jobs/:id": signedIn,
  "GET /api/jobs/:id/events": signedIn,
  "POST /api/jobs/:id/cancel": signedIn,
  "GET /api/import-fields": signedIn,
  "POST /api/imports": act("import.run", "agency"),
  "GET /api/imports": act("import.read", "area+agency"),
  "GET /api/imports/:id": act("import.read", "area+agency"),
  "GET /api/imports/:id/issues": act("import.read", "area+agency"),
  "GET /api/imports/:id/report": act("import.read", "area+agency"),
  "POST /api/imports/:id/apply": act("import.run", "area+agency"),
  "GET /api/import-templates": act("import.run", "agency"),
  "POST /api/import-templates": act("import.run", "agency"),
  "POST /api/reconciliations": act("reconciliation.run", "agency"),
  "GET /api/reconciliations": act("reconciliation.read", "agency"),
  "GET /api/reconciliations/:id": act("reconciliation.read", "agency"),
  "GET /api/reconciliations/:id/villages": act("reconciliation.read", "agency"),
  "GET /api/reconciliations/:id/lines": act("reconciliation.read", "area+agency"),
  "POST /api/reconciliations/:id/decisions": act("reconciliation.decide", "area+agency"),
  "GET /api/reconciliations/:id/export": act("reconciliation.read", "agency"),

  /** Candidates are filtered by area inside: outside it only the kecamatan, a probability and a count. */
  "POST /api/matching/candidates": act("matching.check", "none"),
  "POST /api/matching/runs": act("matching.run", "none"),
  "GET /api/matching/reviews": act("matching.review.read", "area"),
  "POST /api/matching/reviews/:id/decision": act("matching.review.decide", "area"),
  /** Counts only, no person. */
  "GET /api/matching/quality": act("matching.review.read", "none"),
  "GET /api/matching/overlap-rules": act("overlap.rules.read", "none"),
  "POST /api/matching/overlap-rules": act("overlap.rules.manage", "none"),
  "GET /api/matching/violations": act("overlap.report", "area"),
  /** The same report as GET /api/matching/violations (probed there), written as a file. */
  "GET /api/matching/violations/export": act("overlap.report", "none"),
};

/** The OpenAPI pages are public documentation, served by a plugin under this prefix. */
const PUBLIC_PREFIXES = ["/api/docs"];

export function routeKey(method: string, url: string): string {
  return `${method === "HEAD" ? "GET" : method} ${url}`;
}

/** The rule for a route, or undefined when the route has no entry (the server then refuses it for everyone). */
export function routeAccess(method: string, url: string): RouteAccess | undefined {
  if (PUBLIC_PREFIXES.some((prefix) => url === prefix || url.startsWith(`${prefix}/`))) return open();
  return ROUTE_ACCESS[routeKey(method, url)];
}
