import type { z } from "zod";
import type { FieldError } from "./client.ts";

/**
 * Turns the shared zod schemas' issues into the same field codes the server answers with (see
 * src/http/errors.ts), so a form shows one wording whether the check ran in the browser or on the server.
 */
export function zodFieldErrors(error: z.ZodError, input: Record<string, unknown>): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "(body)";
    const value = input[String(issue.path[0])];
    switch (issue.code) {
      case "invalid_type":
        return value === undefined || value === null || value === ""
          ? { field, code: "FIELD_REQUIRED" }
          : { field, code: "FIELD_INVALID_TYPE", params: { expected: String(issue.expected) } };
      case "too_small": {
        const lengthLike = issue.origin === "string" || issue.origin === "array";
        return {
          field,
          code: lengthLike ? "FIELD_TOO_SHORT" : "FIELD_TOO_SMALL",
          params: { minimum: String(issue.minimum) },
        };
      }
      case "too_big": {
        const lengthLike = issue.origin === "string" || issue.origin === "array";
        return {
          field,
          code: lengthLike ? "FIELD_TOO_LONG" : "FIELD_TOO_BIG",
          params: { maximum: String(issue.maximum) },
        };
      }
      case "invalid_format":
        return {
          field,
          code: "FIELD_INVALID_FORMAT",
          params: { format: issue.format === "regex" ? (issue.pattern ?? "") : issue.format },
        };
      case "invalid_value":
        return {
          field,
          code: "FIELD_INVALID_VALUE",
          params: { options: issue.values.map(String).join(", ") },
        };
      case "custom":
        return { field, code: /^[A-Z_]+$/.test(issue.message) ? issue.message : "FIELD_INVALID" };
      default:
        return { field, code: "FIELD_INVALID" };
    }
  });
}
