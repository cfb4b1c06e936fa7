import { describe, expect, it } from "vitest";
import type { MessageCatalog } from "../../../src/i18n/index.ts";
import { SERVER_CATALOGS, translate, WEB_CATALOGS } from "./catalog.ts";

const CATALOGS: Record<string, MessageCatalog> = WEB_CATALOGS;

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the web app's message catalogs", () => {
  const entries = Object.entries(CATALOGS).flatMap(([catalog, messages]) =>
    Object.entries(messages).map(([code, template]) => ({ catalog, code, template })),
  );

  it.each(entries)(
    "$catalog.$code has Indonesian and English text with the same placeholders",
    ({ template }) => {
      expect(template.id.trim()).not.toBe("");
      expect(template.en.trim()).not.toBe("");
      expect(placeholders(template.id)).toEqual(placeholders(template.en));
    },
  );

  it("never defines one code twice across catalogs, so no text silently replaces another", () => {
    const seen = new Map<string, string>(
      Object.entries(SERVER_CATALOGS as Record<string, MessageCatalog>).flatMap(([catalog, messages]) =>
        Object.keys(messages).map((code) => [code, catalog] as const),
      ),
    );
    const duplicates: string[] = [];
    for (const { catalog, code } of entries) {
      if (seen.has(code)) duplicates.push(`${code} (${seen.get(code)} and ${catalog})`);
      seen.set(code, catalog);
    }
    expect(duplicates).toEqual([]);
  });

  it("translates server codes too, in either language", () => {
    expect(
      translate(
        "NIK_BIRTHDATE_INVALID",
        { date: "31-02-90", monthNameId: "Februari", monthNameEn: "February", day: 31, daysInMonth: 28 },
        "id",
      ),
    ).toBe(
      "Tanggal lahir di NIK (31-02-90) tidak valid: Februari tidak punya tanggal 31 (paling akhir tanggal 28).",
    );
    expect(translate("AUTH_INVALID", {}, "en")).toBe("Wrong username or password.");
  });
});
