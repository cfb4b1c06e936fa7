/** The region lookup NIK/KK validation needs; the Kemendagri catalog implements it. Codes are dotted: "64.01.05". */
export interface RegionLookup {
  get(code: string): { readonly name: string } | undefined;
}

/** Sex as printed on the KTP: laki-laki / perempuan. */
export type NikSex = "L" | "P";

export const NIK_ERROR_CODES = [
  "NIK_EMPTY",
  "NIK_SCIENTIFIC_NOTATION",
  "NIK_NOT_DIGITS",
  "NIK_LENGTH",
  "NIK_PROVINCE_UNKNOWN",
  "NIK_REGENCY_UNKNOWN",
  "NIK_DISTRICT_UNKNOWN",
  "NIK_BIRTHDATE_DAY_INVALID",
  "NIK_BIRTHDATE_MONTH_INVALID",
  "NIK_BIRTHDATE_INVALID",
  "NIK_BIRTHDATE_NOT_LEAP_YEAR",
  "NIK_SERIAL_ZERO",
  "NIK_IS_KK",
] as const;

export const NIK_WARNING_CODES = [
  "NIK_LAST_DIGIT_ZEROED",
  "NIK_MAYBE_KK",
  "NIK_SEX_MISMATCH",
  "NIK_BIRTHDATE_MISMATCH",
] as const;

export const KK_ERROR_CODES = [
  "KK_EMPTY",
  "KK_SCIENTIFIC_NOTATION",
  "KK_NOT_DIGITS",
  "KK_LENGTH",
  "KK_PROVINCE_UNKNOWN",
  "KK_REGENCY_UNKNOWN",
  "KK_DISTRICT_UNKNOWN",
  "KK_ISSUE_DAY_INVALID",
  "KK_LOOKS_LIKE_FEMALE_NIK",
  "KK_ISSUE_MONTH_INVALID",
  "KK_ISSUE_DATE_INVALID",
  "KK_ISSUE_DATE_NOT_LEAP_YEAR",
  "KK_SERIAL_ZERO",
  "KK_IS_NIK",
] as const;

export const KK_WARNING_CODES = ["KK_LAST_DIGIT_ZEROED"] as const;

export type NikIssueCode = (typeof NIK_ERROR_CODES)[number] | (typeof NIK_WARNING_CODES)[number];
export type KkIssueCode = (typeof KK_ERROR_CODES)[number] | (typeof KK_WARNING_CODES)[number];
export type IdNumberIssueCode = NikIssueCode | KkIssueCode;

/** A finding about a NIK or KK: a stable code plus the parameters its message template needs. */
export interface Issue<Code extends string = IdNumberIssueCode> {
  code: Code;
  params: Record<string, string | number>;
}

export interface NikParts {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  sex: NikSex;
  /** YYYY-MM-DD; the century is inferred (see `resolveCentury`). */
  birthDate: string;
  serial: string;
}

export interface NikValidation {
  valid: boolean;
  /** The 16 digits once separators are stripped; null when the input is not 16 digits. */
  nik: string | null;
  errors: Issue<NikIssueCode>[];
  warnings: Issue<NikIssueCode>[];
  /** Present whenever the number is 16 digits with a real birth date, even if a region code is unknown. */
  decoded?: NikParts;
}

export interface KkParts {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  /** YYYY-MM-DD, the date the KK number was issued; the century is inferred as for NIK birth dates. */
  issueDate: string;
  serial: string;
}

export interface KkValidation {
  valid: boolean;
  kk: string | null;
  errors: Issue<KkIssueCode>[];
  warnings: Issue<KkIssueCode>[];
  decoded?: KkParts;
}

export interface NikRecordContext {
  sex?: NikSex;
  /** YYYY-MM-DD as recorded for the person. */
  birthDate?: string;
  /** The family-card number recorded for the person. */
  kk?: string;
}

export interface NikValidationOptions {
  regions: RegionLookup;
  /** YYYY-MM-DD; birth dates later than this are read as the previous century. */
  today: string;
  record?: NikRecordContext;
}

export interface KkValidationOptions {
  regions: RegionLookup;
  today: string;
  record?: { nik?: string };
}
