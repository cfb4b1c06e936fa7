/** The public transparency portal: publications (maker-checker snapshots), public pages, self-check, open data, objections. */
export { publishDemoPortal } from "./demo.ts";
export { html, PUBLIC_PREFIX, publicHref, publicLanguage, publicPage, raw, SafeHtml } from "./html.ts";
export { listObjectionsFor, type ObjectionListItem } from "./objections.ts";
export { type Portal, type PortalSettings, portalOf } from "./portal.ts";
export { registerPortalPublicRoutes } from "./public-routes.ts";
export { approvePublication, preparePublication } from "./publications.ts";
export { portalRoutes } from "./routes.ts";
export {
  addSelfCheckSection,
  checkCodeOf,
  checkSelf,
  reachedDecree,
  type SelfCheckOutcome,
  type SelfCheckSection,
  type SelfCheckStatus,
} from "./self-check.ts";
