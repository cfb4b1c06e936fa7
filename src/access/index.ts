/** The access capability: users, roles, sessions, API tokens, the permission table, area scope, maker-checker. */
export {
  type Actor,
  actorCan,
  agencyBound,
  assertWritableArea,
  auditActor,
  type Caller,
  sees,
  seesAgency,
  systemActor,
  systemCaller,
} from "./actor.ts";
export { type AreaLevel, type AreaScope, areaContains, areaScope, type Place, placeKey } from "./area.ts";
export { areaCondition, placeKeyCondition } from "./area-sql.ts";
export { DEMO_PASSWORD, DEMO_USERS, type DemoUser, ensureDemoUsers } from "./demo-users.ts";
export type { Access } from "./deps.ts";
export { conflictingDuties, DUTIES, DUTY_PAIRS, type Duty, type DutyPair } from "./duties.ts";
export {
  callerOf,
  installAccessControl,
  type RegisteredRoute,
  registeredRoutes,
  SESSION_COOKIE,
} from "./http.ts";
export { performDuty } from "./maker-checker.ts";
export { ACCESS_MESSAGES } from "./messages.ts";
export {
  ACTIONS,
  type Action,
  actionsOf,
  PERMISSIONS,
  ROUTE_ACCESS,
  type RouteAccess,
  roleCan,
  routeAccess,
} from "./permissions.ts";
export { ROLES, type Role } from "./roles.ts";
export { accessRoutes } from "./routes.ts";
export { changePassword, login } from "./sessions.ts";
export { createToken, revokeToken } from "./tokens.ts";
export { createUser, listAllUsers, listUsers, updateUser } from "./users.ts";
