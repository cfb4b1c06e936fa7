import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createVault, maskIdNumber } from "./vault.ts";

const vault = createVault(randomBytes(32));

describe("vault", () => {
  it("opens what it sealed", () => {
    expect(vault.open("nik", vault.seal("nik", "6401054507880003"))).toBe("6401054507880003");
  });
  it("never seals the same value to the same bytes", () => {
    expect(Buffer.from(vault.seal("nik", "6401054507880003"))).not.toEqual(
      Buffer.from(vault.seal("nik", "6401054507880003")),
    );
  });
  it("refuses to open a ciphertext under another field's name", () => {
    expect(() => vault.open("phone", vault.seal("nik", "6401054507880003"))).toThrow();
  });
  it("refuses a tampered ciphertext", () => {
    const sealed = Buffer.from(vault.seal("kk", "6401050101200001"));
    sealed[20] = (sealed[20] ?? 0) ^ 1;
    expect(() => vault.open("kk", sealed)).toThrow();
  });
  it("gives a stable blind index per field that differs from a plain hash and across fields", () => {
    const a = Buffer.from(vault.blindIndex("nik", "6401054507880003"));
    expect(a).toEqual(Buffer.from(vault.blindIndex("nik", "6401054507880003")));
    expect(a).not.toEqual(Buffer.from(vault.blindIndex("kk", "6401054507880003")));
    expect(a).not.toEqual(Buffer.from(createVault(randomBytes(32)).blindIndex("nik", "6401054507880003")));
  });
  it("masks a NIK so the birth date digits never show", () => {
    expect(maskIdNumber("6401054507880003")).toBe("640105******0003");
  });
});
