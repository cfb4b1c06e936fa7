export type { KkComposition } from "./kk.ts";
export { composeKk, decodeKk, validateKk } from "./kk.ts";
export { NIK_MESSAGES } from "./messages.ts";
export type { NikComposition } from "./nik.ts";
export { composeNik, decodeNik, validateNik } from "./nik.ts";
export type { IdNumberDamage, NormalizedIdNumber, ZeroedColumnAssessment } from "./normalize.ts";
export { assessZeroedColumn, normalizeIdNumber } from "./normalize.ts";
export type {
  IdNumberIssueCode,
  Issue,
  KkIssueCode,
  KkParts,
  KkValidation,
  KkValidationOptions,
  NikIssueCode,
  NikParts,
  NikRecordContext,
  NikSex,
  NikValidation,
  NikValidationOptions,
  RegionLookup,
} from "./types.ts";
export { KK_ERROR_CODES, KK_WARNING_CODES, NIK_ERROR_CODES, NIK_WARNING_CODES } from "./types.ts";
