/** The decree's codes (pure): shared by the tables, the API schemas and the web app. */
export const DECREE_STATUSES = ["draft", "checked", "approved", "amended", "revoked"] as const;
export type DecreeStatus = (typeof DECREE_STATUSES)[number];
export const PAPER_SIZES = ["F4", "A4"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
