/** Receipts: what reached the recipient's hand, the verification sample, and the skimming detector. */
export * from "./codes.ts";
export {
  type ConfirmedLine,
  DEFAULT_DETECTOR_SETTINGS,
  type DetectorSettings,
  detectSkimming,
  type Flag,
  type FlagEvidence,
} from "./detector.ts";
export { type Leakage, leakageBy, leakageOf } from "./leakage.ts";
export { RECEIPT_MESSAGES } from "./messages.ts";
export { RECEIPT_PATH, registerReceiptPublicRoutes } from "./public.ts";
export { receiptRoutes, receiptsOf } from "./routes.ts";
export { drawVerificationSample } from "./sample.ts";
export {
  type ConfirmationInput,
  type ConfirmedTotal,
  confirmedTotals,
  drawSample,
  type LeakageLevel,
  type Receipts,
  recordConfirmation,
  skimmingFlags,
} from "./service.ts";
export { sampleSize } from "./statistics.ts";
