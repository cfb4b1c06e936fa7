import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaContains, areaScope, areaWithin, parsePlaceKey, placeKey } from "./area.ts";

const LOLO = "64.01.05.2002";

describe("area scope", () => {
  it.each([
    ["64.01", null, { level: "regency", code: "64.01", rt: null }],
    ["64.01.05", null, { level: "district", code: "64.01.05", rt: null }],
    [LOLO, null, { level: "village", code: LOLO, rt: null }],
    [LOLO, "3", { level: "rt", code: LOLO, rt: "003" }],
    [LOLO, "003", { level: "rt", code: LOLO, rt: "003" }],
  ])("parses %s with RT %s", (code, rt, expected) => {
    expect(areaScope(code, rt)).toEqual(expected);
  });

  it.each([
    ["64", null],
    ["64.01.05.2002.1", null],
    ["640105", null],
    ["64.01.05", "003"],
    [LOLO, "12345"],
    [LOLO, "abc"],
  ])("refuses %s with RT %s", (code, rt) => {
    expect(areaScope(code, rt)).toBeNull();
  });

  const regency = areaScope("64.01") as NonNullable<ReturnType<typeof areaScope>>;
  const kuaro = areaScope("64.01.05") as NonNullable<ReturnType<typeof areaScope>>;
  const lolo = areaScope(LOLO) as NonNullable<ReturnType<typeof areaScope>>;
  const rt3 = areaScope(LOLO, "003") as NonNullable<ReturnType<typeof areaScope>>;

  it.each([
    [regency, { code: LOLO, rt: "003" }, true],
    [regency, { code: "64.02.01.2001", rt: null }, false],
    [kuaro, { code: LOLO, rt: null }, true],
    [kuaro, { code: "64.01.04.2002", rt: null }, false],
    // A kecamatan code that only shares a prefix of digits is another kecamatan.
    [areaScope("64.01.1"), { code: "64.01.10.2001" }, false],
    [lolo, { code: LOLO, rt: "009" }, true],
    [lolo, { code: "64.01.05.2003", rt: null }, false],
    [rt3, { code: LOLO, rt: "003" }, true],
    [rt3, { code: LOLO, rt: "004" }, false],
    [rt3, { code: LOLO, rt: null }, false],
  ])("decides whether %o contains %o", (scope, place, expected) => {
    if (!scope) {
      expect(expected).toBe(false);
      return;
    }
    expect(areaContains(scope, place)).toBe(expected);
  });

  it("nests: regency ⊇ kecamatan ⊇ desa ⊇ RT, and never the other way round", () => {
    const chain = [regency, kuaro, lolo, rt3];
    for (const [i, outer] of chain.entries()) {
      for (const [j, inner] of chain.entries()) expect(areaWithin(inner, outer)).toBe(j >= i);
    }
  });

  it("round-trips place keys", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1000, max: 2999 }),
        fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
        (district, village, rt) => {
          const place = {
            code: `64.01.${String(district).padStart(2, "0")}.${village}`,
            rt: rt === null ? null : String(rt).padStart(3, "0"),
          };
          expect(parsePlaceKey(placeKey(place))).toEqual(place);
        },
      ),
    );
  });
});
