/** The officials' home page summary: one request per home page, honest for every role. */
export { homeRoutes } from "./routes.ts";
export { type HomeSummary, homeSummarySchema } from "./schemas.ts";
export { homeSummary } from "./summary.ts";
