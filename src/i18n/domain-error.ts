import type { MessageParams } from "./index.ts";

/**
 * An error a user can act on: a stable code (e.g. `NIK_BIRTHDATE_INVALID`), its parameters, and an HTTP status
 * hint. Text is produced from the code by the i18n catalogs, never matched on.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: MessageParams = {},
    readonly status: number = 400,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

export const notFound = (entity: string, id: string) => new DomainError("NOT_FOUND", { entity, id }, 404);
export const conflict = (code: string, params: MessageParams = {}) => new DomainError(code, params, 409);

export interface FieldIssue {
  field: string;
  code: string;
  params?: MessageParams;
}

/** Input that parsed but breaks a domain rule (a NIK whose birth date is impossible, a desa outside the regency). */
export class ValidationFailed extends DomainError {
  constructor(readonly issues: FieldIssue[]) {
    super("VALIDATION_FAILED", { count: issues.length }, 422);
  }
}
