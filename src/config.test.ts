import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("believes no proxy unless told, then any proxy or the ones named", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ SALUR_TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ SALUR_TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ SALUR_TRUST_PROXY: "127.0.0.1,10.0.0.0/8" }).trustProxy).toBe("127.0.0.1,10.0.0.0/8");
  });

  it("refuses a regency code that is not a Kemendagri kabupaten code", () => {
    expect(() => loadConfig({ SALUR_REGENCY: "6401" })).toThrow(/64\.01/);
  });
});
