import { describe, expect, it } from "vitest";
import { createTranslator, formatTemplate, languageFromHeader } from "./index.ts";

describe("languageFromHeader", () => {
  it.each([
    [undefined, "id"],
    ["", "id"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["id-ID,id;q=0.9,en;q=0.8", "id"],
    ["fr-FR, en;q=0.5", "en"],
    ["en;q=0.3, id;q=0.7", "id"],
    ["in", "id"],
    ["de", "id"],
  ])("reads %s as %s", (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });
});

describe("translator", () => {
  const translate = createTranslator({ GREETING: { id: "Halo {name}", en: "Hello {name}" } });
  it("fills parameters in the chosen language", () => {
    expect(translate("GREETING", { name: "Siti" }, "en")).toBe("Hello Siti");
    expect(translate("GREETING", { name: "Siti" })).toBe("Halo Siti");
  });
  it("falls back to the code for an unknown message so nothing is silently lost", () => {
    expect(translate("NO_SUCH_CODE")).toBe("NO_SUCH_CODE");
  });
  it("writes quantities with the language's thousands separator and dates spelled out, identifiers as they are", () => {
    const say = createTranslator({
      SELECTED: {
        id: "{count} dipilih sejak {since} ({year}, baris {row})",
        en: "{count} selected since {since} ({year}, row {row})",
      },
    });
    const params = { count: 1304, since: "2026-02-05", year: 2026, row: 1200 };
    expect(say("SELECTED", params)).toBe("1.304 dipilih sejak 5 Februari 2026 (2026, baris 1200)");
    expect(say("SELECTED", params, "en")).toBe("1,304 selected since 5 February 2026 (2026, row 1200)");
  });
  it("leaves a placeholder without a parameter visible", () => {
    expect(formatTemplate("a {b} c", {})).toBe("a {b} c");
  });
});
