/**
 * The access use cases: accounts, sign-in and sessions, API tokens and maker-checker duties.
 * One entry point for the routes and other capabilities; each concern lives in its own file.
 */
export type { Access } from "./deps.ts";
export { performDuties, performDuty, recordDuty } from "./maker-checker.ts";
export {
  type Authenticated,
  authenticateBearer,
  authenticateSession,
  changePassword,
  csrfMatches,
  currentUser,
  demoStatus,
  type LoginResult,
  login,
  logout,
  SESSION_IDLE_SECONDS,
  SESSION_MAX_SECONDS,
  ThrottledError,
  TOKEN_PREFIX,
} from "./sessions.ts";
export { createToken, listTokens, revokeToken, tokenView } from "./tokens.ts";
export { actorOf, userScope, userViews } from "./user-views.ts";
export { createUser, listAllUsers, listUsers, updateUser } from "./users.ts";
