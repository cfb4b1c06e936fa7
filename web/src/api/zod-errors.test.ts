import { describe, expect, it } from "vitest";
import { periodInputSchema, personInputSchema } from "../../../src/registry/schemas.ts";
import { zodFieldErrors } from "./zod-errors.ts";

function errorsOf(
  schema: typeof personInputSchema | typeof periodInputSchema,
  input: Record<string, unknown>,
) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return zodFieldErrors(parsed.error, input);
}

describe("zodFieldErrors", () => {
  it("reports a missing required field as FIELD_REQUIRED, as the server does", () => {
    expect(errorsOf(personInputSchema, { sex: "L", villageCode: "64.01.05.2002" })).toContainEqual({
      field: "name",
      code: "FIELD_REQUIRED",
    });
  });

  it("reports a malformed field with the format it should have", () => {
    const errors = errorsOf(personInputSchema, {
      name: "Siti",
      sex: "P",
      villageCode: "64.01.05",
      rt: "12a",
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ["villageCode", "FIELD_INVALID_FORMAT"],
      ["rt", "FIELD_INVALID_FORMAT"],
    ]);
  });

  it("names the allowed choices of an enum", () => {
    const [error] = errorsOf(personInputSchema, { name: "Siti", sex: "X", villageCode: "64.01.05.2002" });
    expect(error).toEqual({ field: "sex", code: "FIELD_INVALID_VALUE", params: { options: "L, P" } });
  });

  it("passes a refinement's message code through (an end date before the start)", () => {
    const errors = errorsOf(periodInputSchema, {
      programId: "00000000-0000-4000-8000-000000000001",
      name: "Tahap 1",
      startsOn: "2026-07-01",
      endsOn: "2026-06-30",
    });
    expect(errors).toEqual([{ field: "endsOn", code: "PERIOD_ENDS_BEFORE_START" }]);
  });

  it("gives bounds of numbers and text their own codes", () => {
    const errors = errorsOf(personInputSchema, {
      name: "Siti",
      sex: "P",
      villageCode: "64.01.05.2002",
      children: 31,
      address: "x".repeat(201),
    });
    expect(errors).toContainEqual({ field: "children", code: "FIELD_TOO_BIG", params: { maximum: "30" } });
    expect(errors).toContainEqual({ field: "address", code: "FIELD_TOO_LONG", params: { maximum: "200" } });
  });
});
