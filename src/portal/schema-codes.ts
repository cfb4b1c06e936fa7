/** Codes of the portal's tables, shared by the tables, the API schemas and the web app (no table import there). */
export const PUBLICATION_KINDS = ["statistics", "sanggah", "decree"] as const;
export const PUBLICATION_STATES = ["prepared", "published", "discarded"] as const;
export const OBJECTION_STATES = ["open", "upheld", "dismissed"] as const;
