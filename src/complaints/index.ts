/** Complaints (pengaduan): intake, tracking codes, routing away from the accused, lifecycle on a working-day clock. */
export * from "./codes.ts";
export { type EscalationTimer, startEscalationTimer } from "./escalation-timer.ts";
export { type Holiday, INDONESIAN_HOLIDAYS } from "./holidays.ts";
export { COMPLAINT_MESSAGES } from "./messages.ts";
export { registerComplaintPublicRoutes } from "./public-routes.ts";
export { complaintRoutes, complaintsOf } from "./routes.ts";
export {
  type Complaints,
  type IntakeInput,
  type IntakeResult,
  openComplaint,
  runEscalations,
  stepComplaint,
} from "./service.ts";
export { type ComplaintSettings, DEFAULT_COMPLAINT_SETTINGS } from "./settings.ts";
export { DEFAULT_SLA, type SlaSettings, slaStatus } from "./sla.ts";
