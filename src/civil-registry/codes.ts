/** The civil registry's (Dukcapil's) vocabulary: what a verification says, and what a batch file carries. Pure. */

/** What the civil registry answers for one NIK (the words of central bansos lists: NIK padan, tidak padan …). */
export const VERIFICATION_STATUSES = ["padan", "tidak_padan", "not_found", "deceased", "moved"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Statuses after which the person can no longer receive aid here: open applications are withdrawn. */
export const ENDING_STATUSES: ReadonlySet<VerificationStatus> = new Set(["deceased", "moved"]);

/** Where a verification came from: a batch file exchanged with the office, or the online service. */
export const VERIFICATION_SOURCES = ["batch", "online"] as const;
export type VerificationSource = (typeof VERIFICATION_SOURCES)[number];

/** The fields the registry may report with a different value; each difference is reviewed one by one. */
export const DIFFERING_FIELDS = ["name", "birth_date", "sex", "kk", "address"] as const;
export type DifferingField = (typeof DIFFERING_FIELDS)[number];

export const REVIEW_STATES = ["open", "proposed", "accepted", "kept"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_DECISIONS = ["accept_registry", "keep_ours"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const BATCH_SCOPES = ["period", "village", "district", "unverified"] as const;
export type BatchScope = (typeof BATCH_SCOPES)[number];

/** What a column of the batch file can carry. */
export const BATCH_FIELDS = [
  "batch_code",
  "line",
  "nik",
  "kk",
  "name",
  "birth_place",
  "birth_date",
  "sex",
  "address",
  "village",
  "district",
] as const;
export type BatchField = (typeof BATCH_FIELDS)[number];

/** The office's usual request layout: NIK, NO KK, NAMA, TEMPAT LAHIR, TGL LAHIR, JK, ALAMAT, DESA, KECAMATAN. */
export const DEFAULT_BATCH_COLUMNS: readonly { header: string; field: BatchField }[] = [
  { header: "KODE BATCH", field: "batch_code" },
  { header: "NO", field: "line" },
  { header: "NIK", field: "nik" },
  { header: "NO KK", field: "kk" },
  { header: "NAMA", field: "name" },
  { header: "TEMPAT LAHIR", field: "birth_place" },
  { header: "TGL LAHIR", field: "birth_date" },
  { header: "JK", field: "sex" },
  { header: "ALAMAT", field: "address" },
  { header: "DESA", field: "village" },
  { header: "KECAMATAN", field: "district" },
];
