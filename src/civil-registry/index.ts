/** Identity verification against the civil registry (Dukcapil): batches out, results in, status per person. */
export { batchCode, createBatch, exportBatch, listBatches } from "./batches.ts";
export * from "./codes.ts";
export { type CivilRegistry, civilRegistryOf } from "./context.ts";
export { importResults, type ResultImport, type ResultSummary, withdrawApplications } from "./import.ts";
export { CIVIL_REGISTRY_MESSAGES } from "./messages.ts";
export { httpVerifier, type OnlineAnswer, type OnlineVerifier } from "./online.ts";
export { type AreaStatistics, checkOnline, personVerification, verificationStatistics } from "./reads.ts";
export { approveReview, decideReview, listReviews } from "./reviews.ts";
export { civilRegistryRoutes } from "./routes.ts";
