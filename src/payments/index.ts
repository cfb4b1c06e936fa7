/** The payment capability's public surface. */
export { approveBatch, exportBatch, linesHash, prepareBatches, resolveLine } from "./batches.ts";
export { type Payments, paymentsOf } from "./context.ts";
export { approvedEnrollmentsAsDecree, type DecreedList, type DecreedRecipients } from "./decreed.ts";
export { PAYMENT_MESSAGES } from "./messages.ts";
export { batchDetail, coverLetter, listBatches, reconciliation, uncollectedInArea } from "./reads.ts";
export { paymentReference, referenceValid } from "./reference.ts";
export { applyClaimDeadline, importResults } from "./results.ts";
export { paymentRoutes } from "./routes.ts";
