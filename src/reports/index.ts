/** Accountability reports: recaps, the periodic report pack (PDF + XLSX) and area data for desa and kecamatan. */
export { exportAreaRecipients } from "./area-export.ts";
export { reportsOf } from "./context.ts";
export { REPORT_PACK_JOB, reportPackJob, scheduleMonthlyPack, startReportSchedule } from "./job.ts";
export { REPORT_MESSAGES } from "./messages.ts";
export { generatePack, listPacks, packFile, type Reports } from "./packs.ts";
export {
  PIPELINE_STAGES,
  type PipelineStage,
  RECAP_DIMENSIONS,
  type Recap,
  type RecapDimension,
} from "./recap.ts";
export { reportRoutes } from "./routes.ts";
export { recapOf } from "./service.ts";
