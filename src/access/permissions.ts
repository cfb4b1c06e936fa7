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
  /** Batches to the civil registry (Dukcapil), their results and the online check: those who verify identities. */
  "civil_registry.verify": ["village_operator", "kecamatan_officer", "program_manager"],
  /** Deciding and approving a value the civil registry holds differently (maker-checker). */
  "civil_registry.review": ["village_operator", "kecamatan_officer", "program_manager"],
  /** Verification counts per desa and kecamatan. */
  "civil_registry.read": [
    "village_operator",
    "kecamatan_officer",
    "program_manager",
    "coordinator",
    "auditor",
  ],
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
  /** The work queue: every reader of the register, and the bank for the decreed applications it pays. */
  "workflow.queue": [...REGISTRY_READERS, "bank_operator"],
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
  /** Decrees (SK Bupati): drafted by the program's agency, checked by a colleague or the coordinator, approved by the bupati. */
  "decree.read": ["admin", "program_manager", "coordinator", "approver", "auditor"],
  "decree.draft": ["program_manager"],
  "decree.check": ["program_manager", "coordinator"],
  "decree.approve": ["approver"],
  "decree.sign": ["program_manager", "approver"],
  /** The archive copy prints every full NIK: the identity roles that work with decrees, every print logged. */
  "decree.archive": ["program_manager", "coordinator"],
  "decree.settings": ["admin"],
  "decree.template": ["program_manager"],
  /** Payment batches (issue 17): the paying agency, the bank, and those who approve, coordinate or audit. */
  "payment.read": ["program_manager", "coordinator", "approver", "bank_operator", "auditor"],
  "payment.prepare": ["program_manager"],
  /** The head of the agency approves what its program manager prepared (maker-checker on the batch). */
  "payment.approve": ["program_manager", "approver"],
  "payment.export": ["program_manager"],
  "payment.result.apply": ["bank_operator"],
  "payment.resolve": ["program_manager"],
  /** Desa and kecamatan follow up who in their area has not collected (seed 000). */
  "payment.uncollected": [
    "village_operator",
    "kecamatan_officer",
    "program_manager",
    "coordinator",
    "auditor",
  ],
  /** Public portal (issue 15): one program manager prepares a publication, another approves it. */
  "publication.read": [
    "village_operator",
    "kecamatan_officer",
    "program_manager",
    "coordinator",
    "approver",
    "auditor",
  ],
  "publication.prepare": ["program_manager"],
  "publication.approve": ["program_manager"],
  /** The balai desa notice carries full names: the desa and kecamatan that post it, and the program's manager. */
  "publication.poster": ["village_operator", "kecamatan_officer", "program_manager"],
  "objection.read": ["village_operator", "kecamatan_officer", "program_manager", "coordinator", "auditor"],
  /** Deciding an objection: those who may take an application off the list for it (the workflow's uphold step). */
  "objection.decide": ["village_operator", "kecamatan_officer", "program_manager"],
  /** Handing a person their self-check code at the balai desa, on sight of the KTP. */
  "person.check_code": ["village_operator", "kecamatan_officer"],
  /** Complaints of the caller's area; sensitive ones only for the Inspektorat (src/complaints/routing.ts). */
  "complaint.read": ["village_operator", "kecamatan_officer", "coordinator", "auditor"],
  /** The regency's complaint clock (working days, escalation point): configuration, kept by the admin. */
  "complaint.settings": ["admin"],
  /** Publishing the public complaint statistics (a snapshot of suppressed counts): the regency's coordination. */
  "complaint.statistics.publish": ["coordinator", "auditor"],
  /** Walk-in, phone, letter and WhatsApp complaints taken down for the complainant. */
  "complaint.intake": ["village_operator", "kecamatan_officer", "coordinator", "auditor"],
  /** Steps and the sealed identity: the handling unit only, decided per complaint. */
  "complaint.handle": ["village_operator", "kecamatan_officer", "coordinator", "auditor"],
  /** Accountability recaps and packs (issue 20): for the Bupati's office, the Inspektorat, agencies and areas. */
  "report.read": [
    "village_operator",
    "kecamatan_officer",
    "program_manager",
    "coordinator",
    "approver",
    "auditor",
  ],
  "report.generate": ["program_manager", "coordinator", "approver", "auditor"],
  /** Desa and kecamatan ask for the recipients of their own area (seed 000); every download is audited. */
  "report.area_export": ["village_operator", "kecamatan_officer", "coordinator"],
  /**
   * Skimming flags and leakage: the paying agency and the Inspektorat, regency-wide only; never a desa or
   * kecamatan, who may be the ones a flag points at.
   */
  "receipt.read": ["program_manager", "coordinator", "auditor"],
  /** The verification sample and the answers of its calls and visits, and answers at a distribution point. */
  "receipt.verify": ["program_manager", "coordinator"],
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
  /** Public: the banner warns on the sign-in page too, and the demo password is published anyway. */
  "GET /api/auth/demo": open(),
  "GET /api/auth/me": signedIn,
  "POST /api/auth/password": signedIn,

  "GET /api/users": act("user.read", "area"),
  "POST /api/users": act("user.manage", "area"),
  "PATCH /api/users/:id": act("user.manage", "area"),
  "GET /api/tokens": act("token.manage", "area"),
  /** One's own token only (src/access/tokens.ts, createToken): the admin lists and revokes, never mints for others. */
  "POST /api/tokens": signedIn,
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
  "GET /api/workflow/queue": act("workflow.queue", "area+agency"),
  "GET /api/programs/:id/policy": act("program.read", "agency"),
  "PUT /api/programs/:id/policy": act("program.manage", "agency"),
  /** A staged photo belongs to the officer who sent it until its submission applies it; no area yet. */
  "PUT /api/registrations/:submissionId/documents/:kind": act("registration.submit", "none"),
  "PUT /api/registrations/:submissionId": act("registration.submit", "area"),
  /** NIK/KK explained and possible duplicates; a match outside the caller's area comes without its details. */
  "POST /api/registrations/check": act("registration.submit", "none"),
  "GET /api/registrations": act("registration.submit", "area"),
  "GET /api/registrations/report": act("registration.report", "area"),

  "GET /api/home/summary": signedIn,

  "GET /api/complaints": act("complaint.read", "area"),
  "POST /api/complaints": act("complaint.intake", "area"),
  /** Counts over what the caller may see; no complaint, no person. */
  "GET /api/complaints/statistics": act("complaint.read", "none"),
  "GET /api/complaints/settings": act("complaint.settings", "none"),
  "POST /api/complaints/statistics/publish": act("complaint.statistics.publish", "none"),
  "PUT /api/complaints/settings": act("complaint.settings", "none"),
  "GET /api/complaints/:id": act("complaint.read", "area"),
  "POST /api/complaints/:id/steps": act("complaint.handle", "area"),
  "POST /api/complaints/:id/identity": act("complaint.handle", "area"),
  "GET /api/complaints/:id/photos/:photoId": act("complaint.read", "area"),
  /**
   * Counts and amounts per area, no person, cut in the route to the caller's area (the regency's baseline stays);
   * drawing a sample covers a whole batch and needs a regency-wide caller.
   */
  "GET /api/receipts/flags": act("receipt.read", "none"),
  "GET /api/receipts/leakage": act("receipt.read", "none"),
  "POST /api/receipts/samples": act("receipt.verify", "none"),
  "GET /api/receipts/samples": act("receipt.verify", "none"),
  "GET /api/receipts/lines": act("receipt.verify", "none"),
  "GET /api/receipts/samples/:id": act("receipt.verify", "none"),
  "POST /api/receipts/confirmations": act("receipt.verify", "none"),

  /** Figures over the caller's own area (and agency), never wider: the scope is the caller's, not a parameter. */
  "GET /api/reports/recap": act("report.read", "none"),
  "GET /api/reports/packs": act("report.read", "none"),
  "POST /api/reports/packs": act("report.generate", "none"),
  "GET /api/reports/packs/:id/:format": act("report.read", "area"),
  "GET /api/reports/area-export": act("report.area_export", "area"),

  "GET /api/audit/entries": act("audit.read", "area"),
  "GET /api/audit/entries/:seq/proof": act("audit.read", "area"),
  "GET /api/audit/checkpoints": act("audit.read", "none"),
  /** The whole chain is checked, but the answer names only sequence numbers and hashes, never an entry's content. */
  "POST /api/audit/verification": act("audit.read", "none"),
  /** Signs a checkpoint and proves the chosen entries of the caller's area against it. */
  "POST /api/audit/extract": act("audit.checkpoint", "none"),
  /** Signed statements and hashes only, no entry content: the witness copy an auditor takes away. */
  "GET /api/audit/checkpoints/export": act("audit.read", "none"),
  "POST /api/audit/checkpoints": act("audit.checkpoint", "none"),

  "GET /api/ranking/templates": act("ranking.read", "none"),
  "GET /api/ranking/programs/:id/model": act("ranking.read", "agency"),
  "GET /api/ranking/programs/:id/field-criteria": act("program.read", "agency"),
  "GET /api/ranking/programs/:id/model/versions": act("ranking.read", "agency"),
  "PUT /api/ranking/programs/:id/model": act("ranking.model.manage", "agency"),
  "GET /api/ranking/periods/:id/applicants": act("ranking.read", "area+agency"),
  "GET /api/ranking/periods/:id/simulation": act("ranking.read", "area+agency"),
  "GET /api/ranking/periods/:id/selection-runs": act("ranking.read", "agency"),
  "POST /api/ranking/periods/:id/selection-runs": act("ranking.select", "agency"),
  "GET /api/ranking/periods/:id/selection-preview": act("ranking.select", "agency"),
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
  "POST /api/imports/:id/discard": act("import.run", "area+agency"),
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

  "GET /api/decrees": act("decree.read", "agency"),
  "POST /api/decrees": act("decree.draft", "agency"),
  "GET /api/decrees/:id": act("decree.read", "agency"),
  "GET /api/decrees/:id/lines": act("decree.read", "agency"),
  "GET /api/decrees/:id/diff": act("decree.read", "agency"),
  "GET /api/decrees/:id/pdf": act("decree.read", "agency"),
  "GET /api/decrees/:id/annex.csv": act("decree.read", "agency"),
  "POST /api/decrees/:id/check": act("decree.check", "agency"),
  "POST /api/decrees/:id/approve": act("decree.approve", "agency"),
  "POST /api/decrees/:id/revoke": act("decree.approve", "agency"),
  "PUT /api/decrees/:id/signed-pdf": act("decree.sign", "agency"),
  "GET /api/decrees/:id/signed-pdf": act("decree.read", "agency"),
  "GET /api/decree-settings": act("decree.read", "none"),
  "PUT /api/decree-settings": act("decree.settings", "none"),
  "PUT /api/decree-settings/logo": act("decree.settings", "none"),
  "GET /api/programs/:id/decree-template": act("decree.read", "agency"),
  "PUT /api/programs/:id/decree-template": act("decree.template", "agency"),
  "GET /api/civil-registry/batches": act("civil_registry.verify", "area"),
  "POST /api/civil-registry/batches": act("civil_registry.verify", "area"),
  "POST /api/civil-registry/batches/:id/export": act("civil_registry.verify", "area"),
  "POST /api/civil-registry/batches/:id/results": act("civil_registry.verify", "area"),
  "GET /api/civil-registry/reviews": act("civil_registry.review", "area"),
  "POST /api/civil-registry/reviews/:id/decision": act("civil_registry.review", "area"),
  "POST /api/civil-registry/reviews/:id/approval": act("civil_registry.review", "area"),
  "GET /api/civil-registry/statistics": act("civil_registry.read", "area"),
  "GET /api/persons/:id/civil-registry": act("person.read", "area"),
  "POST /api/persons/:id/civil-registry/check": act("civil_registry.verify", "area"),
  /**
   * Payments: a batch belongs to its paying agency (a program manager reaches their agency's) and is paid out by
   * one bank (a bank operator reaches that bank's); another's batch or line answers 404.
   */
  "GET /api/payment-batches": act("payment.read", "agency"),
  "POST /api/payment-batches": act("payment.prepare", "agency"),
  "GET /api/payment-batches/:id": act("payment.read", "agency"),
  "GET /api/payment-batches/:id/lines": act("payment.read", "agency"),
  "POST /api/payment-batches/:id/approve": act("payment.approve", "agency"),
  "POST /api/payment-batches/:id/export": act("payment.export", "agency"),
  "GET /api/payment-batches/:id/cover-letter": act("payment.read", "agency"),
  "POST /api/payment-batches/:id/results": act("payment.result.apply", "agency"),
  "POST /api/payment-batches/:id/claim-deadline": act("payment.resolve", "agency"),
  "POST /api/payment-lines/:id/resolution": act("payment.resolve", "agency"),
  "GET /api/payments/reconciliation": act("payment.read", "agency"),
  /** An agency's own layouts (a bank operator reaches those of a batch it pays); saved by who exports. */
  "GET /api/payment-layouts": act("payment.read", "agency"),
  "POST /api/payment-layouts": act("payment.export", "agency"),
  "DELETE /api/payment-layouts/:id": act("payment.export", "agency"),
  /** The caller's own area, and a program manager's own agency. */
  "GET /api/payments/uncollected": act("payment.uncollected", "area+agency"),
  "GET /api/portal/publications": act("publication.read", "agency"),
  "POST /api/portal/publications": act("publication.prepare", "agency"),
  "POST /api/portal/publications/:id/approve": act("publication.approve", "agency"),
  "POST /api/portal/publications/:id/discard": act("publication.prepare", "agency"),
  "GET /api/portal/publications/:id/poster/:village": act("publication.poster", "area+agency"),
  "GET /api/portal/objections": act("objection.read", "area+agency"),
  "POST /api/portal/objections/:id/decision": act("objection.decide", "area+agency"),
  "GET /api/portal/persons/:id/check-code": act("person.check_code", "area"),
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
