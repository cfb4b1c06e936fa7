import { ApiError, type FieldError, NETWORK_ERROR } from "../api/client.ts";
import type { Translate } from "../i18n/language.tsx";

/** The sentence to show for any failure, in the current language: translated by code, never by matching text. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t("NETWORK_ERROR");
    // A validation failure's count is the number of fields at fault when the answer carries no parameter.
    return t.code(error.code, { count: error.fieldErrors.length, ...error.params }, error.message);
  }
  return error instanceof Error ? error.message : String(error);
}

export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError ? error.fieldErrors : [];
}

/** Field errors keyed by field path, each as its translated sentences (one field can break several rules). */
export function fieldMessages(t: Translate, errors: FieldError[]): Record<string, string> {
  const byField: Record<string, string[]> = {};
  for (const e of errors) {
    const list = byField[e.field] ?? [];
    list.push(t.code(e.code, e.params, e.message ?? e.code));
    byField[e.field] = list;
  }
  return Object.fromEntries(Object.entries(byField).map(([field, messages]) => [field, messages.join(" ")]));
}
