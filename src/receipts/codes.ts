/**
 * Codes of the receipts capability, shared by the tables, the API schemas and the web app. Labels live in the
 * i18n catalogs.
 */

/**
 * Who took the answer down. The recipient on the portal and the agency's sample call or visit are collected
 * outside the village's control; an officer at a distribution point writes with the people who hand out the money
 * standing by, so that channel is weaker evidence and the detector does not test on it (it is shown beside).
 */
export const CONFIRMATION_CHANNELS = ["portal", "verification", "officer"] as const;
export type ConfirmationChannel = (typeof CONFIRMATION_CHANNELS)[number];
export const WEAK_CHANNELS: readonly ConfirmationChannel[] = ["officer"];

/** HOPE's RECEIVED / RECEIVED_WITH_ISSUES / NOT_RECEIVED, plus an explicit refusal so a silence is not a "yes". */
export const CONFIRMATION_ANSWERS = ["received_full", "received_less", "not_received", "refused"] as const;
export type ConfirmationAnswer = (typeof CONFIRMATION_ANSWERS)[number];

/** The areas the detector looks at, from the widest. */
export const DETECTION_LEVELS = ["desa", "rw", "rt", "point", "officer"] as const;
export type DetectionLevel = (typeof DETECTION_LEVELS)[number];
