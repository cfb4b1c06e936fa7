import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("believes no proxy unless told, then only the ones named or a hop count", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ SALUR_TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ SALUR_TRUST_PROXY: "127.0.0.1,10.0.0.0/8" }).trustProxy).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
    ]);
    expect(loadConfig({ SALUR_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(() => loadConfig({ SALUR_TRUST_PROXY: "10.0.0.0/33" })).toThrow(/SALUR_TRUST_PROXY/);
  });

  it("refuses a regency code that is not a Kemendagri kabupaten code", () => {
    expect(() => loadConfig({ SALUR_REGENCY: "6401" })).toThrow(/64\.01/);
  });
});
